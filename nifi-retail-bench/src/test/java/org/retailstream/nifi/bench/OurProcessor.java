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
package org.retailstream.nifi.bench;

import org.apache.nifi.util.MockFlowFile;
import org.apache.nifi.util.TestRunner;
import org.retailstream.nifi.http.PollingProperties;
import org.retailstream.nifi.prices.EmitStrategy;
import org.retailstream.nifi.prices.GetCompetitorPrices;
import org.retailstream.nifi.support.Runners;

/** GetCompetitorPrices in a TestRunner with NiFi's JsonRecordSetWriter, emitting every price. */
final class OurProcessor implements Contender {

    @Override
    public String name() {
        return "GetCompetitorPrices";
    }

    private TestRunner runner;
    private String url;

    /** Built once, like a processor that is configured and then scheduled every 15 minutes. */
    @Override
    public long run(String url) throws Exception {
        if (runner == null || !url.equals(this.url)) {
            runner = Runners.withServices(new GetCompetitorPrices());
            runner.setProperty(GetCompetitorPrices.ENDPOINT_URLS, url);
            runner.setProperty(GetCompetitorPrices.EMIT_STRATEGY, EmitStrategy.ALL);
            this.url = url;
        }
        runner.clearTransferState();
        runner.run();
        long records = 0;
        for (MockFlowFile flowFile : runner.getFlowFilesForRelationship(PollingProperties.SUCCESS)) {
            records += Long.parseLong(flowFile.getAttribute("record.count"));
        }
        return records;
    }
}
