#!/usr/bin/env bash
# Sets everything up and runs the portal on invented demo data: scripts/run.sh [port]   (default 5080)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/setup.sh"

port="${1:-${PORT:-5080}}"

install_prerequisites
start_postgres
ensure_database rugcentrum

log "building the portal"
dotnet build "$root/src/RugcentrumPortal.Web" -c Release -v quiet -nologo

cat <<INFO

  Rugcentrum Portaal (demo) - http://127.0.0.1:$port
  All demo accounts are invented; password for each: demo-linde-voorjaar
    Praktijkbeheerder : beheer@demo.rugcentrum.example
    Therapeut         : sanne.therapeut@demo.rugcentrum.example
    Therapeut         : joris.therapeut@demo.rugcentrum.example
    Patiënt           : ria.patient@demo.rugcentrum.example
  Stop with Ctrl+C.

INFO

cd "$root/src/RugcentrumPortal.Web"
# Plain http on the loopback address only, so the demo allows non-Secure cookies; a real deployment sits behind TLS.
ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}" \
ConnectionStrings__Portal="$(connection_string rugcentrum)" \
Database__MigrateOnStartup=true \
Demo__Seed=true \
Security__AllowInsecureCookies=true \
  exec dotnet run -c Release --no-build --no-launch-profile --urls "http://127.0.0.1:$port"
