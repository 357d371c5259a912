#!/usr/bin/env bash
# docker-compose's topic-init step: the same topics as `node infra/kafka/kafka.mjs topics`, read from
# topics.json with awk (the apache/kafka image has no jq or node).
set -euo pipefail
brokers="$1"; file="$2"
replication="${KAFKA_REPLICATION_FACTOR:-1}"
awk -F'"' '/"name"/ { name = $4 } /"partitions"/ && name != "" { gsub(/[^0-9]/, "", $3); parts = $3 }
           /"retention.ms"/ && name != "" { print name, parts, $4; name = "" }' "$file" |
while read -r name partitions retention; do
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$brokers" --create --if-not-exists \
    --topic "$name" --partitions "${KAFKA_PARTITIONS:-$partitions}" --replication-factor "$replication" \
    --config "retention.ms=$retention"
done
