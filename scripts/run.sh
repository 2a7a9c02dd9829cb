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

  Rugcentrum De Linde (demo)
    Praktijkbeheerder : beheer@demo.rugcentrum.example              key DEMOBEHEERDERDEMOBEHEERDERDEMOBE
    Therapeut         : sanne.therapeut@demo.rugcentrum.example     key DEMOSANNEVERBEEKDEMOSANNEVERBEEK
    Therapeut         : joris.therapeut@demo.rugcentrum.example     key DEMOJORISHENDRIKSDEMOJORISHENDRI
    Patiënt           : ria.patient@demo.rugcentrum.example
  Fysiotherapie Het Baken (demo), a second practice that sees none of De Linde's patients
    Therapeut         : mila.therapeut@baken.demo.rugcentrum.example key DEMOMILADEWITDEMOMILADEWITDEMOMI
    Patiënt           : henk.patient@baken.demo.rugcentrum.example

  Staff sign in with the password and a 6-digit code from an authenticator app. Add the key above to any
  authenticator app (Microsoft, Google, ...), or get the current code with:  scripts/demo-code.sh KEY
  These keys are made up for the demo; real accounts set up their own at their first sign-in.
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
