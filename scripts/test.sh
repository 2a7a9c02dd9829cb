#!/usr/bin/env bash
# Sets everything up and runs every test project: scripts/test.sh
# Ends with a line "N passed, N failed" and a non-zero exit code on any failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/setup.sh"

install_prerequisites
# The deployment tests check the compose files with the compose tool itself; nothing here runs containers.
apt_install docker-compose
start_postgres

# Each test class gets its own database, cloned from a migrated template; this is the server they are made on.
export RUGCENTRUM_TEST_DB="$(connection_string postgres)"
export PLAYWRIGHT_CHROMIUM_EXECUTABLE="${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-/usr/bin/chromium}"

cd "$root"
log "building"
dotnet build RugcentrumPortal.sln -c Release -v quiet -nologo

passed=0
failed=0
skipped=0
status=0
logs="$(mktemp -d)"
# The web tests run once per embedded and server database; the other projects once (browser tests on PostgreSQL).
runs=(
  "tests/RugcentrumPortal.Clinical.Tests/RugcentrumPortal.Clinical.Tests.csproj PostgreSQL"
  "tests/RugcentrumPortal.Web.Tests/RugcentrumPortal.Web.Tests.csproj PostgreSQL"
  "tests/RugcentrumPortal.Web.Tests/RugcentrumPortal.Web.Tests.csproj Sqlite"
  "tests/RugcentrumPortal.EndToEnd.Tests/RugcentrumPortal.EndToEnd.Tests.csproj PostgreSQL"
)
for project in tests/*/*.Tests.csproj; do
  printf '%s\n' "${runs[@]}" | grep -q "^$project " || { echo "$project is not in the test runs of scripts/test.sh" >&2; exit 1; }
done
for run in "${runs[@]}"; do
  read -r project provider <<<"$run"
  name="$(basename "$project" .csproj)-$provider"
  log "testing $name"
  set +e
  RUGCENTRUM_TEST_PROVIDER="$provider" dotnet test "$project" -c Release --no-build --nologo 2>&1 | tee "$logs/$name.log"
  code=${PIPESTATUS[0]}
  set -e
  summary="$(grep -E '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$logs/$name.log" | tail -n 1 || true)"
  if [ -n "$summary" ]; then
    f=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$summary")
    p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$summary")
    s=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$summary")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  fi
  if [ "$code" -ne 0 ]; then
    status=1
    # A crashed test host prints no summary; count the project as a failure so it cannot pass silently.
    if [ -z "$summary" ] || [ "${f:-0}" -eq 0 ]; then failed=$((failed + 1)); fi
  fi
done

echo
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
