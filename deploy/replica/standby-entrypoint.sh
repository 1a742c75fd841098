#!/bin/bash
# The standby: on first start, copy the primary (pg_basebackup -R writes standby.signal and
# the connection to stream from), then run as a read-only hot standby.
set -e
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    until pg_isready -h db -U "$POSTGRES_USER" -d postgres; do sleep 2; done
    export PGPASSWORD="$REPLICATION_PASSWORD"
    pg_basebackup -h db -U replicator -D "$PGDATA" -R -X stream -c fast
    chmod 700 "$PGDATA"
fi
exec postgres -c hot_standby=on
