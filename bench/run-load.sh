#!/usr/bin/env bash
# Load benchmarks against the real portal (Release build) on a seeded PostgreSQL database:
#   bench/run-load.sh [scenario ...]      scenarios: live pdf today log   (default: all)
# Figures go to bench/README.md by hand; this script only measures. Traffic stays on 127.0.0.1.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/setup.sh"

port="${BENCH_PORT:-5099}"
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(live pdf today log)

install_prerequisites
start_postgres
ensure_database rugcentrum_bench
db="$(connection_string rugcentrum_bench)"

log "building (Release)"
dotnet build "$root/src/RugcentrumPortal.Web" -c Release -v quiet -nologo
dotnet build "$root/bench/RugcentrumPortal.Load" -c Release -v quiet -nologo

log "starting the portal on 127.0.0.1:$port"
cd "$root/src/RugcentrumPortal.Web"
ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Portal="$db" Database__MigrateOnStartup=true \
Security__AllowInsecureCookies=true Logging__LogLevel__Default=Warning \
  dotnet run -c Release --no-build --no-launch-profile --urls "http://127.0.0.1:$port" >/tmp/rugcentrum-bench-app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { echo "the portal did not start; see /tmp/rugcentrum-bench-app.log" >&2; exit 1; }

load() { dotnet "$root/bench/RugcentrumPortal.Load/bin/Release/net10.0/RugcentrumPortal.Load.dll" "$@"; }
log "seeding 1,000 patients and 200,000 session logs (once)"
load seed "$db"

for scenario in "${scenarios[@]}"; do
  load reset "$db"
  case "$scenario" in
    pdf) log "pdf: 1 connection (latency), then 4 concurrent (throughput)"
         load run "http://127.0.0.1:$port" pdf 1 30 5
         load run "http://127.0.0.1:$port" pdf 4 30 5 ;;
    *)   log "$scenario: 32 connections"
         load run "http://127.0.0.1:$port" "$scenario" 32 20 5 ;;
  esac
done
