#!/usr/bin/env bash
# Sets everything up and runs the portal on invented demo data: scripts/run.sh [port]   (default 5080)
# The database is an SQLite file under .data/ unless RUGCENTRUM_DATABASE=PostgreSQL asks for the local PostgreSQL.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/setup.sh"

port="${1:-${PORT:-5080}}"

install_prerequisites
provider="${RUGCENTRUM_DATABASE:-Sqlite}"
case "$provider" in
  Sqlite)
    mkdir -p "$root/.data"
    connection="Data Source=$root/.data/rugcentrum-demo.db" ;;
  PostgreSQL)
    start_postgres
    ensure_database rugcentrum
    connection="$(connection_string rugcentrum)" ;;
  *) echo "RUGCENTRUM_DATABASE must be Sqlite or PostgreSQL (SQL Server runs only where a server is provided)." >&2; exit 2 ;;
esac

log "publishing the portal"
# Published as a deployment would be: static files compressed (Brotli, gzip) and fingerprinted for long caching.
app_dir="$root/.data/portal"
dotnet publish "$root/src/RugcentrumPortal.Web" -c Release -o "$app_dir" -p:UseAppHost=false -v quiet -nologo

cat <<INFO

  Rugcentrum Portaal (demo) - http://127.0.0.1:$port   (database: $provider)
  All demo accounts are invented; password for each: demo-linde-voorjaar
    Praktijkbeheerder : beheer@demo.rugcentrum.example
    Therapeut         : sanne.therapeut@demo.rugcentrum.example
    Therapeut         : joris.therapeut@demo.rugcentrum.example
    Patiënt           : ria.patient@demo.rugcentrum.example
  Stop with Ctrl+C.

INFO

cd "$app_dir"
# Plain http on the loopback address only, so the demo allows non-Secure cookies; a real deployment sits behind TLS.
ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}" \
Database__Provider="$provider" \
ConnectionStrings__Portal="$connection" \
Database__MigrateOnStartup=true \
Demo__Seed=true \
Security__AllowInsecureCookies=true \
Portal__PublicBaseUrl="${PORTAL_PUBLIC_BASE_URL:-http://127.0.0.1:$port}" \
  exec dotnet RugcentrumPortal.Web.dll --urls "http://127.0.0.1:$port"
