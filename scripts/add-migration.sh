#!/usr/bin/env bash
# Adds an EF Core migration for every database provider: scripts/add-migration.sh NameOfChange
# Each provider keeps its own migrations project (src/RugcentrumPortal.Data.<Provider>/Migrations).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ $# -eq 1 ] || { echo "usage: $0 MigrationName" >&2; exit 2; }
dotnet tool restore >/dev/null
dotnet build tools/RugcentrumPortal.DesignTime -v quiet -nologo >/dev/null
for provider in PostgreSQL Sqlite SqlServer; do
  echo "== $provider"
  dotnet ef migrations add "$1" \
    --project "src/RugcentrumPortal.Data.$provider" \
    --startup-project tools/RugcentrumPortal.DesignTime \
    --output-dir Migrations \
    --no-build -- "$provider"
done
