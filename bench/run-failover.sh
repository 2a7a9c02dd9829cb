#!/usr/bin/env bash
# Two portal instances behind nginx on loopback, sharing one PostgreSQL database and its keys, as in
# docker-compose.two-instances.yml (the same proxy rules, from deploy/nginx/two-instances.conf):
#   bench/run-failover.sh [instance] [database]     (default: both)
# instance: patients keep logging while one instance is killed; database: the same while PostgreSQL restarts.
# After each, every log the portal answered must be stored exactly once. Figures go to bench/README.md by hand.
# In the instance strike a therapist's muscle-balance page runs in Chromium through the proxy too, and the instance
# killed is the one holding that page (FAILOVER_BROWSER=0 leaves the browser out and kills the first instance).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/setup.sh"

scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(instance database)
patients="${FAILOVER_PATIENTS:-64}"
seconds="${FAILOVER_SECONDS:-30}"
strike_at="${FAILOVER_STRIKE_AT:-10}"
browser="${FAILOVER_BROWSER:-1}"
proxy_port=5200
ports=(5201 5202)
work="$(mktemp -d)"

install_prerequisites
apt_install nginx
export PLAYWRIGHT_CHROMIUM_EXECUTABLE="${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-/usr/bin/chromium}"
start_postgres
ensure_database rugcentrum_failover
db="$(connection_string rugcentrum_failover)"

log "building (Release)"
dotnet build "$root/src/RugcentrumPortal.Web" -c Release -v quiet -nologo
dotnet build "$root/bench/RugcentrumPortal.Load" -c Release -v quiet -nologo
load() { dotnet "$root/bench/RugcentrumPortal.Load/bin/Release/net10.0/RugcentrumPortal.Load.dll" "$@"; }

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

# The portal itself, not a launcher around it, so that killing the process stops the instance at once.
# Every patient signs in through the proxy from 127.0.0.1, so the per-address sign-in limit is lifted for the run.
start_instance() {
  local index="$1" migrate="$2"
  (cd "$root/src/RugcentrumPortal.Web" && \
    ASPNETCORE_ENVIRONMENT=Production Database__Provider=PostgreSQL ConnectionStrings__Portal="$db" \
    Portal__PublicBaseUrl="http://127.0.0.1:$proxy_port" Accounts__LoginAttemptsPerMinute=100000 \
    Database__MigrateOnStartup="$migrate" Security__AllowInsecureCookies=true Logging__LogLevel__Default=Warning \
    exec dotnet bin/Release/net10.0/RugcentrumPortal.Web.dll --urls "http://127.0.0.1:${ports[$index]}" \
    >"$work/portal-$index.log" 2>&1) &
  pids[$index]=$!
  for _ in $(seq 1 90); do
    curl -sf "http://127.0.0.1:${ports[$index]}/healthz" >/dev/null && return 0
    sleep 1
  done
  echo "instance $index did not start; see $work/portal-$index.log" >&2
  exit 1
}

start_proxy() {
  {
    echo "worker_processes 1; pid $work/nginx.pid; error_log $work/nginx-error.log;"
    echo "events { worker_connections 4096; }"
    echo "http { access_log off;"
    sed -e "s/server portal:8080/server 127.0.0.1:${ports[0]}/" -e "s/server portal-2:8080/server 127.0.0.1:${ports[1]}/" \
        -e "s/listen 80;/listen 127.0.0.1:$proxy_port;/" \
        -e "s|proxy_pass http://portal;|proxy_pass http://portal; add_header X-Upstream \$upstream_addr always;|" \
        "$root/deploy/nginx/two-instances.conf"
    echo "}"
  } >"$work/nginx.conf"
  nginx -t -q -c "$work/nginx.conf"
  nginx -c "$work/nginx.conf"
}

log "seeding 1,000 patients and 200,000 session logs (once)"
load seed PostgreSQL "$db"
start_instance 0 true
start_instance 1 false
start_proxy

for scenario in "${scenarios[@]}"; do
  load reset PostgreSQL "$db"
  log "$scenario: $patients patients logging for ${seconds}s through the proxy; the strike comes at ${strike_at}s"
  started="$work/answered-$scenario.txt.started"
  therapist=""
  if [ "$scenario" = instance ] && [ "$browser" = 1 ]; then
    # The therapist's page kills the instance that holds it itself, the moment its last words are typed.
    load therapist "http://127.0.0.1:$proxy_port" PostgreSQL "$db" "$started" "$strike_at" \
      "${ports[0]}=${pids[0]}" "${ports[1]}=${pids[1]}" &
    therapist=$!
    for _ in $(seq 1 600); do [ -f "$started.therapist" ] && break; kill -0 "$therapist" 2>/dev/null || break; sleep 0.5; done
  fi
  load failover "http://127.0.0.1:$proxy_port" "$patients" "$seconds" "$work/answered-$scenario.txt" &
  runner=$!
  # Every patient signs in first; the strike is timed from when the logging starts.
  for _ in $(seq 1 240); do [ -f "$started" ] && break; sleep 0.5; done
  sleep "$strike_at"
  case "$scenario" in
    instance)
      # Without a therapist's page (left out, or its check ended early) the script strikes itself.
      if [ -z "$therapist" ] || ! kill -0 "$therapist" 2>/dev/null; then
        log "killing instance 1 (port ${ports[0]})"
        kill -9 "${pids[0]}"
      fi ;;
    database)
      log "restarting PostgreSQL"
      $SUDO pg_ctlcluster "$PG_VERSION" main restart ;;
    *) echo "scenarios: instance database" >&2; exit 2 ;;
  esac
  wait "$runner"
  load verify PostgreSQL "$db" "$work/answered-$scenario.txt"
  if [ -n "$therapist" ]; then wait "$therapist" || log "the therapist's page did not come back whole (see above)"; fi
  if [ "$scenario" = instance ]; then
    for index in 0 1; do curl -sf -m 5 "http://127.0.0.1:${ports[$index]}/healthz" >/dev/null || start_instance "$index" false; done
  fi
done
