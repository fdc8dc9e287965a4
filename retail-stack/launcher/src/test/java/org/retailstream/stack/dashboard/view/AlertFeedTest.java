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
package org.retailstream.stack.dashboard.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertFeedTest {

    @Test
    void theRateIsOverTheLastFiveMinutesAndNeverOverLessThanOne() {
        Instant[] now = {Instant.parse("2026-12-03T10:00:00Z")};
        AlertFeed<String> feed = new AlertFeed<>(() -> now[0]);
        assertEquals(0.0, feed.snapshot().perMinute());

        feed.accept("a");
        feed.accept("b");
        feed.accept("c");
        now[0] = now[0].plus(Duration.ofSeconds(20));
        assertEquals(3.0, feed.snapshot().perMinute(), 1e-9, "three in the first minute, not nine a minute");

        now[0] = now[0].plus(Duration.ofMinutes(2).minusSeconds(20));
        assertEquals(1.5, feed.snapshot().perMinute(), 1e-9, "three in two minutes");

        now[0] = now[0].plus(Duration.ofMinutes(8));
        feed.accept("d");
        feed.accept("e");
        AlertFeed.Snapshot<String> later = feed.snapshot();
        assertEquals(0.4, later.perMinute(), 1e-9, "two within the last five minutes");
        assertEquals(5, later.total());
        assertEquals(List.of("e", "d", "c", "b", "a"), later.newest());

        feed.accept("f");
        assertEquals(List.of("f", "e", "d", "c", "b"), feed.snapshot().newest(), "the newest five");
    }
}
