#!/usr/bin/env bash
# Runs a command with TEST_DATABASE_URL pointing at a local PostgreSQL server it installs and starts if needed.
#   scripts/with-postgres.sh .venv/bin/python -m pytest
set -euo pipefail
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "Installing PostgreSQL"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq postgresql >/dev/null
fi
cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2}')
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  $sudo pg_createcluster "$version" main >/dev/null
  cluster="$version main"
fi
# shellcheck disable=SC2086
$sudo pg_ctlcluster $cluster start 2>/dev/null || true
for _ in $(seq 1 30); do
  as_postgres psql -qtAc "select 1" >/dev/null 2>&1 && break
  sleep 1
done
as_postgres psql -qtAc "select 1 from pg_roles where rolname = 'neraca_ci'" | grep -q 1 ||
  as_postgres psql -qc "create role neraca_ci login password 'neraca_ci'"
# CREATEDB: under pytest-xdist each worker makes its own database beside neraca_ci (tests/conftest.py).
as_postgres psql -qtAc "select rolcreatedb from pg_roles where rolname = 'neraca_ci'" | grep -q t ||
  as_postgres psql -qc "alter role neraca_ci createdb"
as_postgres psql -qtAc "select 1 from pg_database where datname = 'neraca_ci'" | grep -q 1 ||
  as_postgres createdb -O neraca_ci neraca_ci
port=$(as_postgres psql -qtAc "show port")
export TEST_DATABASE_URL="postgresql+psycopg://neraca_ci:neraca_ci@127.0.0.1:${port}/neraca_ci"
echo "Tests on PostgreSQL: ${TEST_DATABASE_URL%%:neraca_ci@*}:***@127.0.0.1:${port}/neraca_ci"
exec "$@"
