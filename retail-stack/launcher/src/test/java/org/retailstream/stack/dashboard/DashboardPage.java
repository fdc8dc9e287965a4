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
package org.retailstream.stack.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * What the dashboard shows, read off the page in the browser. Each read is one script, so it sees one
 * rendering whole (the page replaces its rows when a new state arrives).
 */
public final class DashboardPage {

    /** A row of the latest-window table: the exact amount (data-value) and the text a person reads. */
    public record RevenueRow(long windowStart, String revenue, String currency, String shownRevenue, long orders) {}

    private final WebDriver browser;

    public DashboardPage(WebDriver browser) {
        this.browser = browser;
    }

    public void open(String url) {
        browser.get(url);
    }

    /** The version of the state the page shows; -1 before the first. */
    public long version() {
        return Long.parseLong(String.valueOf(script("return document.body.dataset.version;")));
    }

    public String connection() {
        return String.valueOf(script("return document.getElementById('connection').dataset.state;"));
    }

    /** The latest-window table, by category. */
    @SuppressWarnings("unchecked")
    public Map<String, RevenueRow> latestRevenue() {
        List<Map<String, Object>> rows = (List<Map<String, Object>>)
                script("return [...document.querySelectorAll('#revenue-latest tbody tr')].map(tr => ({"
                        + "category: tr.dataset.category, start: tr.dataset.windowStart, currency: tr.dataset.currency,"
                        + "revenue: tr.cells[2].dataset.value, shown: tr.cells[2].textContent,"
                        + "orders: tr.cells[3].textContent}));");
        Map<String, RevenueRow> byCategory = new TreeMap<>();
        for (Map<String, Object> row : rows) {
            byCategory.put(
                    (String) row.get("category"),
                    new RevenueRow(
                            Long.parseLong((String) row.get("start")),
                            (String) row.get("revenue"),
                            (String) row.get("currency"),
                            (String) row.get("shown"),
                            Long.parseLong((String) row.get("orders"))));
        }
        return byCategory;
    }

    /** The POS grid: "store/terminal" to the status shown. */
    @SuppressWarnings("unchecked")
    public Map<String, String> posGrid() {
        List<List<String>> cells =
                (List<List<String>>) script("return [...document.querySelectorAll('#pos-grid .terminal')]"
                        + ".map(t => [t.dataset.store + '/' + t.dataset.terminal, t.dataset.status]);");
        Map<String, String> grid = new TreeMap<>();
        cells.forEach(cell -> grid.put(cell.get(0), cell.get(1)));
        return grid;
    }

    /** The price table: SKU to the exact recommended price. */
    @SuppressWarnings("unchecked")
    public Map<String, String> recommendedPrices() {
        List<List<String>> rows =
                (List<List<String>>) script("return [...document.querySelectorAll('#prices-latest tbody tr')]"
                        + ".map(tr => [tr.dataset.sku, tr.cells[3].dataset.value]);");
        Map<String, String> prices = new TreeMap<>();
        rows.forEach(row -> prices.put(row.get(0), row.get(1)));
        return prices;
    }

    /** The text of the element with this id. */
    public String text(String id) {
        return String.valueOf(script("return document.getElementById(arguments[0]).textContent;", id));
    }

    /** The first cells (e.g. the users) of the rows of a table, top to bottom. */
    @SuppressWarnings("unchecked")
    public List<String> firstColumn(String tableId) {
        return (List<String>) script(
                "return [...document.querySelectorAll('#' + arguments[0] + ' tbody tr')]"
                        + ".map(tr => tr.cells[0].textContent);",
                tableId);
    }

    /** Each row of the pipeline's topic table: topic to [records, dead letters, latest error]. */
    @SuppressWarnings("unchecked")
    public Map<String, List<String>> topics() {
        List<List<String>> rows = (List<List<String>>)
                script("return [...document.querySelectorAll('#topics tbody tr')].map(tr => [tr.dataset.topic,"
                        + " tr.cells[1].textContent, tr.cells[3].textContent, tr.cells[4].textContent]);");
        Map<String, List<String>> topics = new TreeMap<>();
        rows.forEach(row -> topics.put(row.get(0), row.subList(1, 4)));
        return topics;
    }

    /** The links in the header: text to address. */
    @SuppressWarnings("unchecked")
    public Map<String, String> links() {
        List<List<String>> links = (List<List<String>>)
                script("return [...document.querySelectorAll('#links a')].map(a => [a.textContent, a.href]);");
        Map<String, String> byName = new TreeMap<>();
        links.forEach(link -> byName.put(link.get(0), link.get(1)));
        return byName;
    }

    /** Every resource the page loaded, as the browser's own timing records name them. */
    @SuppressWarnings("unchecked")
    public List<String> loadedResources() {
        return (List<String>) script(
                "return performance.getEntriesByType('resource').map(e => e.name)" + ".concat([location.href]);");
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /** A PNG of the window, written to {@code file}. */
    public Path screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
