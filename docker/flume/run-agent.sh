#!/bin/sh
# Starts Flume agent $1 from template $2 (templates/flume/), pointed at $KAFKA_BOOTSTRAP_SERVERS.
# Everything else (paths, channel, sink settings) is the template as shipped.
set -eu
agent="$1"
template="/opt/retail-stream/templates/$2"
config="/tmp/$agent-agent.properties"
sed "s|^\($agent\.sinks\.[A-Za-z0-9_]*\.kafka\.bootstrap\.servers\) *=.*|\1 = ${KAFKA_BOOTSTRAP_SERVERS:?}|" \
  "$template" > "$config"
exec "$FLUME_HOME/bin/flume-ng" agent -n "$agent" -c "$FLUME_HOME/conf" -f "$config" \
  -Dflume.monitoring.type=http -Dflume.monitoring.port=41414
