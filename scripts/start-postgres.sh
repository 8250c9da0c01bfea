#!/usr/bin/env bash
# Starts Debian's PostgreSQL on loopback (installing it when missing and we are root), makes a
# `raincheck` role and database, and prints the DATABASE_URL for them. The tests that need
# PostgreSQL (concurrency: PGlite serialises everything and hides missing locks) read DATABASE_URL.
# Prints nothing and exits 1 when PostgreSQL cannot be had; those tests then skip, loudly.
set -euo pipefail

log() { echo "start-postgres: $*" >&2; }

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing Debian's postgresql…"
    bash "$(dirname "$0")/apt-install.sh" postgresql
  else
    log "no PostgreSQL here, and no root to install it"
    exit 1
  fi
fi

read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n 1) || true
if [ -z "${version:-}" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  log "creating cluster $version main…"
  pg_createcluster "$version" main >&2
  read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n 1)
fi
if [ "$status" != online ]; then
  log "starting cluster $version $cluster on port $port…"
  pg_ctlcluster "$version" "$cluster" start >&2
fi

as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sh -c "$1"; fi; }
as_postgres "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'raincheck'\"" | grep -q 1 ||
  as_postgres "psql -p $port -qc \"CREATE ROLE raincheck LOGIN SUPERUSER PASSWORD 'raincheck'\"" >&2
as_postgres "psql -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname = 'raincheck'\"" | grep -q 1 ||
  as_postgres "createdb -p $port -O raincheck raincheck" >&2

echo "postgres://raincheck:raincheck@127.0.0.1:$port/raincheck"
