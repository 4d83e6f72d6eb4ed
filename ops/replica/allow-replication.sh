#!/bin/sh
# Run once by the postgres image when the primary's data folder is created (docker-compose.yml):
# lets the replica service copy and follow it with the same user and password.
echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
