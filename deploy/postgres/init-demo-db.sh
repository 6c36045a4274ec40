#!/bin/sh
# Run once by the postgres image on an empty data directory: the database of compose.yaml's sandbox demo instance
# (profile "sandbox"), kept apart from the real one so that the simulator's clouds never become real members.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -c "create database stackratings_demo owner $POSTGRES_USER"
