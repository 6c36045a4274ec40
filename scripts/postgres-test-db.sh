#!/usr/bin/env bash
# Starts the local PostgreSQL 15 cluster (Debian packaging) and creates the role and database the
# PostgreSQL test suite uses (see pom.xml, profile "postgres"). Idempotent; needs root or the postgres user.
set -euo pipefail

PG_VERSION="${PG_VERSION:-15}"
DB_NAME="${STACKRATINGS_TEST_DB:-stackratings_test}"
DB_USER="${STACKRATINGS_TEST_DB_USER:-stackratings}"
DB_PASSWORD="${STACKRATINGS_TEST_DB_PASSWORD:-stackratings}"

if ! command -v pg_ctlcluster >/dev/null; then
  echo "pg_ctlcluster not found: install PostgreSQL ${PG_VERSION} (apt-get install postgresql-${PG_VERSION})" >&2
  exit 1
fi

if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1==v && $2=="main" && $4=="online"' | grep -q .; then
  pg_ctlcluster "$PG_VERSION" main start
fi

for i in $(seq 1 30); do
  if su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done

su postgres -c "psql -v ON_ERROR_STOP=1 -qtA" <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${DB_USER}') THEN
    CREATE ROLE ${DB_USER} LOGIN PASSWORD '${DB_PASSWORD}';
  END IF;
END
\$\$;
SQL
# the test database, and the empty one the backup-restore drill restores into (BackupRestoreIT)
for db in "${DB_NAME}" "${RESTORE_DB_NAME:-stackratings_restore}"; do
  if ! su postgres -c "psql -qtAc \"select 1 from pg_database where datname = '${db}'\"" | grep -q 1; then
    su postgres -c "createdb -O ${DB_USER} ${db}"
  fi
done
echo "PostgreSQL ${PG_VERSION} is up; databases ${DB_NAME} and ${RESTORE_DB_NAME:-stackratings_restore} owned by ${DB_USER} on 127.0.0.1:5432"
