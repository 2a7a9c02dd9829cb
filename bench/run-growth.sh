#!/usr/bin/env bash
# Growth: the therapist's overview, patient list and alerts with 1,000 patients in the database and with more
# practices of the same size around them (default 100,000 patients in all), on PostgreSQL, measured back to back:
#   bench/run-growth.sh [patients=100000]        seeds what is missing, then measures both
#   GROWTH_SEED_ONLY=1 bench/run-growth.sh        only seeds (slow the first time), to measure later on a quiet machine
# The 1,000 are the load benchmarks' database (rugcentrum_bench); the larger one is rugcentrum_growth, which holds the
# same bench practice and the added ones.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/setup.sh"

port="${BENCH_PORT:-5096}"
target="${1:-100000}"
install_prerequisites

log "building (Release)"
dotnet build "$root/src/RugcentrumPortal.Web" -c Release -v quiet -nologo
dotnet build "$root/bench/RugcentrumPortal.Load" -c Release -v quiet -nologo
load() { dotnet "$root/bench/RugcentrumPortal.Load/bin/Release/net10.0/RugcentrumPortal.Load.dll" "$@"; }

start_postgres
ensure_database rugcentrum_growth
db="$(connection_string rugcentrum_growth)"

measure() {
  (cd "$root/src/RugcentrumPortal.Web" && \
    ASPNETCORE_ENVIRONMENT=Production Database__Provider=PostgreSQL ConnectionStrings__Portal="$2" \
    Security__AllowInsecureCookies=true Logging__LogLevel__Default=Warning Portal__PublicBaseUrl="http://127.0.0.1:$port" \
    exec dotnet run -c Release --no-build --no-launch-profile --urls "http://127.0.0.1:$port" >/tmp/rugcentrum-growth-app.log 2>&1) &
  app=$!
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 1; done
  log "$1 patients: overview, patient list and alerts, 1 connection (latency), then 4 (throughput)"
  load run "http://127.0.0.1:$port" overview,patients,alerts 1 15 5
  # An authenticator code counts once: the next sign-in waits for the next half minute's code.
  sleep $((31 - $(date +%s) % 30))
  load run "http://127.0.0.1:$port" overview,patients,alerts 4 15 5
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
}

ensure_database rugcentrum_bench
small="$(connection_string rugcentrum_bench)"
log "seeding 1,000 patients (once) in rugcentrum_bench and rugcentrum_growth, then practices up to $target in rugcentrum_growth"
load seed PostgreSQL "$small"
load seed PostgreSQL "$db"
load grow PostgreSQL "$db" "$target"
[ -z "${GROWTH_SEED_ONLY:-}" ] || exit 0

measure 1000 "$small"
measure "$target" "$db"
