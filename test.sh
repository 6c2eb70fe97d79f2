#!/usr/bin/env bash
# Runs every test on a fresh Debian 12 machine with the .NET SDK: installs and starts PostgreSQL (and the
# packages later tests need), then runs `dotnet test` on the whole solution. Needs root for apt-get.
# Prints a closing "N passed, N failed" line and keeps dotnet test's exit code.
set -euo pipefail
cd "$(dirname "$0")"
export DEBIAN_FRONTEND=noninteractive

if ! command -v pg_ctlcluster >/dev/null || ! command -v mosquitto >/dev/null || ! command -v chromium >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql mosquitto mosquitto-clients chromium fonts-wqy-microhei >/dev/null
fi

# PostgreSQL: the cluster exists after install but is not running (no systemd here).
PG_VERSION=$(ls /etc/postgresql | sort -n | tail -1)
pg_ctlcluster "$PG_VERSION" main start 2>/dev/null || true
for i in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
(cd /tmp && runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qc "DROP DATABASE IF EXISTS appdb" \
   -c "DROP ROLE IF EXISTS app" -c "CREATE ROLE app LOGIN PASSWORD 'app' CREATEDB" -c "CREATE DATABASE appdb OWNER app")
export PG_CONN="Host=127.0.0.1;Port=5432;Username=app;Password=app;Database=appdb"

# Mosquitto, for the fleet's VDA 5050 tests: run the binary with our own config (no service manager).
MQ_DIR=$(mktemp -d)
cat > "$MQ_DIR/mosquitto.conf" <<'CONF'
listener 1883 127.0.0.1
allow_anonymous true
persistence false
set_tcp_nodelay true
max_queued_messages 100000
log_dest stderr
CONF
mosquitto -c "$MQ_DIR/mosquitto.conf" > "$MQ_DIR/mosquitto.log" 2>&1 &
MQ_PID=$!
for i in $(seq 1 20); do (exec 3<>/dev/tcp/127.0.0.1/1883) 2>/dev/null && break; sleep 0.2; done
trap 'kill $MQ_PID 2>/dev/null || true; pg_ctlcluster "$PG_VERSION" main stop 2>/dev/null || true' EXIT

set +e
set -o pipefail
dotnet test FriendshipGate.sln -c Release "$@" 2>&1 | tee test.log
rc=$?
set -e
p=$(grep -oP '^\S+!\s+- Failed:\s+\d+, Passed:\s+\K\d+' test.log | paste -sd+ | bc)
f=$(grep -oP '^\S+!\s+- Failed:\s+\K\d+' test.log | paste -sd+ | bc)
echo "${p:-0} passed, ${f:-0} failed"
exit $rc
