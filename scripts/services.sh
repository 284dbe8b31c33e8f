#!/usr/bin/env bash
# Installs and starts the real services the test suite uses: PostgreSQL 15 and Redis on 127.0.0.1.
# Also installs (without starting anything) Debian's nginx, which the two-instance test runs itself with
# deploy/nginx.conf, and wrk, the load generator of bench/web_load.py.
# Idempotent: safe to run again on a machine where they already run.
set -euo pipefail

need_apt=()
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
[ -x /usr/lib/postgresql/15/bin/postgres ] || need_apt+=(postgresql-15)
[ -x /usr/sbin/nginx ] || need_apt+=(nginx-light)
command -v wrk >/dev/null 2>&1 || need_apt+=(wrk)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "services.sh: need root to install ${need_apt[*]}" >&2; exit 1; fi
  apt-get update -qq
  # Debian's way to keep package scripts from starting services (nginx would take port 80).
  own_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && own_policy=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  [ "$own_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
fi

# PostgreSQL: start the Debian cluster, then make the test role and database.
if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 *main'; then
  pg_createcluster 15 main >/dev/null
fi
pg_ctlcluster 15 main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='haelguiden'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE haelguiden LOGIN PASSWORD 'haelguiden' CREATEDB\""
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='haelguiden_test'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE DATABASE haelguiden_test OWNER haelguiden\""

# Redis on loopback only.
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save '' --appendonly no >/dev/null
fi
for _ in $(seq 1 20); do
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break
  sleep 0.5
done
echo "services: postgresql://haelguiden@127.0.0.1:5432/haelguiden_test and redis://127.0.0.1:6379 are up"
