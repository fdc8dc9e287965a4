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
package org.retailstream.spark.support;

import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A job test's Spark: one {@link LocalSpark} session for the test class, stopped after it, and the
 * stopping of a job's queries every job test shares.
 */
public final class SparkSessionExtension implements BeforeAllCallback, AfterAllCallback {

    private final String appName;
    private SparkSession spark;

    public SparkSessionExtension(String appName) {
        this.appName = appName;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        spark = LocalSpark.start(appName);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (spark != null) {
            spark.stop();
        }
    }

    public SparkSession spark() {
        return spark;
    }

    /** Stops a job's queries (each stop waits for its query to end). */
    public static void stop(List<StreamingQuery> queries) throws TimeoutException {
        for (StreamingQuery query : queries) {
            query.stop();
        }
    }
}
