#!/usr/bin/env bash
# Submits the retail-stream Spark jobs to a Spark 4.2 cluster (standalone, YARN or Kubernetes), each in
# cluster deploy mode with its own checkpoints, so they outlive this shell.
# Usage: JAR=spark-retail-jobs-<version>.jar MASTER=spark://spark-master:7077 BROKERS=kafka:9092 \
#          CHECKPOINTS=hdfs:///retail/checkpoints ./submit-jobs.sh
# Add CLIENT_PROPERTIES=/etc/retail/kafka-client.properties for SASL/SSL (the file must be readable where
# the driver runs; see ../flink/kafka-client.properties for its keys), TOPICS=category_revenue=category_revenue_spark
# to write beside the Flink jobs, SPARK_SUBMIT=/opt/spark/bin/spark-submit when it is not on the PATH, and
# EXECUTOR_CORES (default 1) for each job's executor cores on a standalone cluster.
# The jar carries the Kafka and Avro data sources: no --packages needed. Checkpoints must be on storage
# every executor reaches (HDFS, S3, a shared volume).
set -euo pipefail
: "${JAR:?set JAR to the spark-retail-jobs jar}" "${MASTER:?set MASTER}" "${BROKERS:?set BROKERS}" \
  "${CHECKPOINTS:?set CHECKPOINTS}"
common=(--bootstrap-servers "$BROKERS")
if [ -n "${CLIENT_PROPERTIES:-}" ]; then common+=(--client-properties "$CLIENT_PROPERTIES"); fi
if [ -n "${TOPICS:-}" ]; then common+=(--topics "$TOPICS"); fi

submit() {  # <job> [job options...]
  local job="$1"; shift
  "${SPARK_SUBMIT:-spark-submit}" --master "$MASTER" --deploy-mode cluster --name "retail-$job" \
    --total-executor-cores "${EXECUTOR_CORES:-1}" \
    --conf spark.sql.shuffle.partitions="${SHUFFLE_PARTITIONS:-8}" \
    --class org.retailstream.spark.cli.SparkRetailJobs "$JAR" \
    "$job" "${common[@]}" --checkpoint-dir "$CHECKPOINTS/$job" "$@"
}

submit category-revenue --out-of-orderness 5s
submit sessions --gap 30min --max-pages 100
submit cart-pricing-join
