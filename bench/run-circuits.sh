#!/usr/bin/env bash
# Memory per open workspace circuit and the round trip of one interaction, with N circuits open; the server's CPU
# per interaction and per idle circuit, a rate ramp, and the memory after the pages are closed:
#   bench/run-circuits.sh [circuits]     (default 100; 1000 needs about 7 GB free for the browser)
# Runs the portal in the benchmark's own process (Release) on a fresh PostgreSQL test database, opens the pages in
# Debian's Chromium (as frames, 100 to a tab), and prints the figures; they go to bench/README.md by hand. Traffic
# stays on 127.0.0.1. The run ends the browser and stops if the machine's available memory falls under 4 GB.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/setup.sh"
circuits="${1:-100}"

install_prerequisites
start_postgres
export RUGCENTRUM_TEST_DB="$(connection_string postgres)"
export PLAYWRIGHT_CHROMIUM_EXECUTABLE="${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-/usr/bin/chromium}"

log "building (Release)"
dotnet build "$root/bench/RugcentrumPortal.Circuits" -c Release -v quiet -nologo
circuit() { dotnet "$root/bench/RugcentrumPortal.Circuits/bin/Release/net10.0/RugcentrumPortal.Circuits.dll" "$@" 2>&1 | grep -v -E '^(warn|info|fail):|^      '; }

log "muscle balance page: $circuits circuits, rating one muscle back and forth"
circuit "/patienten/{patient}/onderzoek/{assessment}/spierbalans" --circuits "$circuits" --rounds 200 \
  --click "#tone-upper-trapezius-overactive" --click "#tone-upper-trapezius-underactive" \
  --idle 30 --ramp 5,10,20,40,80 --ramp-seconds 15 --release

log "patient list: $circuits circuits"
circuit "/patienten" --circuits "$circuits"

log "overview: $circuits circuits"
circuit "/overzicht" --circuits "$circuits"
