/*
 * Copyright 2026 The retail-stream authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package org.retailstream.spark.jobs;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.function.FlatMapGroupsWithStateFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.GroupState;
import org.retailstream.events.codec.EventCodec;
import org.retailstream.events.model.CartAction;
import org.retailstream.events.model.PricedCartUpdate;
import org.retailstream.events.topics.RetailTopic;
import scala.Tuple2;

/**
 * One SKU's rows of a micro-batch in event-time order (on equal times stock and prices before carts):
 * stock counts and competitor prices update the SKU's {@link SkuBook}, and every cart update is written
 * with what the book holds at that point, as (user_id, priced_cart_updates record).
 */
final class PricedCarts implements FlatMapGroupsWithStateFunction<String, Row, SkuBook, Tuple2<byte[], byte[]>> {

    private static final long serialVersionUID = 1L;

    /** Row kinds, in the order they apply at equal event times. */
    static final int STOCK = 0;

    static final int PRICE = 1;
    static final int CART = 2;

    private transient EventCodec<PricedCartUpdate> codec;

    @Override
    public Iterator<Tuple2<byte[], byte[]>> call(String sku, Iterator<Row> rows, GroupState<SkuBook> state) {
        if (codec == null) {
            codec = EventCodec.forTopic(RetailTopic.PRICED_CART_UPDATES, PricedCartUpdate.class);
        }
        List<Row> batch = new ArrayList<>();
        rows.forEachRemaining(batch::add);
        batch.sort(Comparator.comparing((Row row) -> row.<Timestamp>getAs("at"))
                .thenComparingInt(row -> row.<Integer>getAs("kind")));
        SkuBook book = state.exists() ? state.get() : new SkuBook();
        List<Tuple2<byte[], byte[]>> priced = new ArrayList<>();
        for (Row row : batch) {
            switch (row.<Integer>getAs("kind")) {
                case STOCK -> {
                    Row count = row.getAs("count");
                    book.count(
                            count.getAs("store_id"),
                            new SkuBook.Count(
                                    count.<Integer>getAs("quantity_on_hand"),
                                    count.<Timestamp>getAs("event_time").toInstant()));
                }
                case PRICE -> {
                    Row quote = row.getAs("quote");
                    book.quote(new SkuBook.Quote(
                            quote.getAs("competitor"),
                            quote.getAs("price"),
                            quote.getAs("currency"),
                            quote.<Timestamp>getAs("observed_at").toInstant()));
                }
                default -> {
                    PricedCartUpdate update = price(row.getAs("cart"), book);
                    priced.add(new Tuple2<>(utf8(update.getUserId()), codec.encode(update)));
                }
            }
        }
        state.update(book);
        return priced.iterator();
    }

    private static PricedCartUpdate price(Row cart, SkuBook book) {
        String currency = cart.getAs("currency");
        BigDecimal unitPrice = cart.getAs("unit_price");
        PricedCartUpdate.Builder update = PricedCartUpdate.newBuilder()
                .setEventId(cart.getAs("event_id"))
                .setEventTime(cart.<Timestamp>getAs("event_time").toInstant())
                .setUserId(cart.getAs("user_id"))
                .setCartId(cart.getAs("cart_id"))
                .setAction(CartAction.valueOf(cart.getAs("action")))
                .setSku(cart.getAs("sku"))
                .setCategory(cart.getAs("category"))
                .setQuantity(cart.<Integer>getAs("quantity"))
                .setUnitPrice(unitPrice)
                .setCurrency(currency)
                .setCompetitorsKnown(Math.toIntExact(book.competitorsIn(currency)));
        Optional<SkuBook.Quote> cheapest = book.cheapestIn(currency);
        cheapest.ifPresent(quote -> update.setCheapestCompetitor(quote.competitor())
                .setCheapestCompetitorPrice(quote.price())
                .setCompetitorPriceObservedAt(quote.observedAt())
                .setPriceGap(unitPrice == null ? null : unitPrice.subtract(quote.price())));
        book.stock().ifPresent(stock -> update.setStockOnHand(stock.onHand())
                .setStockLocations(stock.locations())
                .setStockCountedAt(stock.countedAt()));
        return update.build();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
