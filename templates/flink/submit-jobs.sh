#!/usr/bin/env bash
# Submits every retail-stream job to a Flink 2.2 cluster, detached, each with its own checkpoints.
# Usage: JAR=flink-retail-jobs-<version>.jar BROKERS=kafka:9092 CHECKPOINTS=s3://bucket/retail ./submit-jobs.sh
# Add CLIENT_PROPERTIES=/etc/retail/kafka-client.properties for SASL/SSL (see kafka-client.properties),
# and TOPICS=checkout_events=shop.checkouts,... if your topics are not named as the catalogue's.
# JOBMANAGER=host:8081 submits to that cluster instead of the one in Flink's configuration.
# Jobs already running on the cluster are not submitted again, so running this twice is safe.
set -euo pipefail
: "${JAR:?set JAR to the flink-retail-jobs jar}" "${BROKERS:?set BROKERS}" "${CHECKPOINTS:?set CHECKPOINTS}"
target=()
if [ -n "${JOBMANAGER:-}" ]; then target=(-m "$JOBMANAGER"); fi
running="$(flink list "${target[@]}" --running 2>/dev/null || true)"
common=(--bootstrap-servers "$BROKERS" --checkpoint-interval 30s)
if [ -n "${CLIENT_PROPERTIES:-}" ]; then common+=(--client-properties "$CLIENT_PROPERTIES"); fi
if [ -n "${TOPICS:-}" ]; then common+=(--topics "$TOPICS"); fi

submit() {  # <job> [job options...]
  local job="$1"; shift
  if grep -q " : retail-$job (RUNNING)" <<<"$running"; then
    echo "retail-$job is already running; not submitted again"
    return
  fi
  flink run "${target[@]}" --detached "$JAR" "$job" "${common[@]}" --checkpoint-dir "$CHECKPOINTS/$job" "$@"
}

submit category-revenue --window 1min --allowed-lateness 30s
submit cart-abandonment --timeout 5min
submit sessions --gap 30min
submit fraud --high-value 500 --retry-within 10min
submit pos-health --window 5min --max-error-rate 0.2
submit dynamic-pricing
