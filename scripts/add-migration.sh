#!/usr/bin/env bash
# Adds an EF Core migration to the web app: scripts/add-migration.sh NameOfChange
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ $# -eq 1 ] || { echo "usage: $0 MigrationName" >&2; exit 2; }
dotnet tool restore >/dev/null
dotnet restore tools/RugcentrumPortal.DesignTime >/dev/null
dotnet ef migrations add "$1" \
  --project src/RugcentrumPortal.Web \
  --startup-project tools/RugcentrumPortal.DesignTime \
  --output-dir Data/Migrations
