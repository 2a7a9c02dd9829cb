#!/usr/bin/env bash
# Load benchmarks against the real portal (Release build) on a seeded database:
#   BENCH_DATABASES="Sqlite PostgreSQL" bench/run-load.sh [scenario ...]   scenarios: live signin pdf today log (default: all)
# A scenario written as name@rate (today@100) starts that many requests a second instead of keeping 32 connections
# busy: the latency people meet at that rate, not at the server's limit.
# Each database gets its own portal process and the same fictional data; the scenarios run on each in turn.
# Each scenario first runs unmeasured for BENCH_WARMUP seconds (default 30): a freshly started portal compiles its
# code again as it gets hot, and a shorter warm-up measured that compiler more than the page.
# Figures go to bench/README.md by hand; this script only measures. Traffic stays on 127.0.0.1.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/setup.sh"

port="${BENCH_PORT:-5099}"
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(live signin pdf today log)
warmup="${BENCH_WARMUP:-30}"

databases=(${BENCH_DATABASES:-Sqlite PostgreSQL})

install_prerequisites

log "building (Release)"
dotnet build "$root/src/RugcentrumPortal.Web" -c Release -v quiet -nologo
dotnet build "$root/bench/RugcentrumPortal.Load" -c Release -v quiet -nologo
load() { dotnet "$root/bench/RugcentrumPortal.Load/bin/Release/net10.0/RugcentrumPortal.Load.dll" "$@"; }

for database in "${databases[@]}"; do
  case "$database" in
    Sqlite)
      mkdir -p "$root/.data"
      db="Data Source=$root/.data/rugcentrum-bench.db" ;;
    PostgreSQL)
      start_postgres
      ensure_database rugcentrum_bench
      db="$(connection_string rugcentrum_bench)" ;;
    *) echo "BENCH_DATABASES takes Sqlite and PostgreSQL" >&2; exit 2 ;;
  esac

  log "$database: seeding 1,000 patients and 200,000 session logs (once)"
  load seed "$database" "$db"

  log "$database: starting the portal on 127.0.0.1:$port"
  (cd "$root/src/RugcentrumPortal.Web" && \
    ASPNETCORE_ENVIRONMENT=Production Database__Provider="$database" ConnectionStrings__Portal="$db" \
    Security__AllowInsecureCookies=true Logging__LogLevel__Default=Warning Portal__PublicBaseUrl="http://127.0.0.1:$port" \
    exec dotnet run -c Release --no-build --no-launch-profile --urls "http://127.0.0.1:$port" >/tmp/rugcentrum-bench-app.log 2>&1) &
  app=$!
  trap 'kill $app 2>/dev/null || true' EXIT
  for _ in $(seq 1 60); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
    sleep 1
  done
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { echo "the portal did not start; see /tmp/rugcentrum-bench-app.log" >&2; exit 1; }

  for scenario in "${scenarios[@]}"; do
    load reset "$database" "$db"
    case "$scenario" in
      pdf) log "$database pdf: 1 connection (latency), then 4 concurrent (throughput)"
           load run "http://127.0.0.1:$port" pdf 1 30 "$warmup"
           load run "http://127.0.0.1:$port" pdf 4 30 "$warmup" ;;
      *@*) log "$database ${scenario%@*}: ${scenario#*@} requests a second, over 32 patients"
           load run "http://127.0.0.1:$port" "${scenario%@*}" 32 30 "$warmup" "${scenario#*@}" ;;
      *)   log "$database $scenario: 32 connections"
           load run "http://127.0.0.1:$port" "$scenario" 32 20 "$warmup" ;;
    esac
  done
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
done
