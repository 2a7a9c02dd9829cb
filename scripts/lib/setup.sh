# Shared by run.sh and test.sh: installs what is missing and starts PostgreSQL when it is used. Safe to run again and again.
# Sourced, not executed; expects `set -euo pipefail` and $root from the caller.

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DEBIAN_FRONTEND=noninteractive

PG_VERSION="${PG_VERSION:-15}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="rugcentrum"
PG_PASSWORD="rugcentrum"

log() { printf '\033[1;36m==> %s\033[0m\n' "$*"; }

apt_updated=""
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ -z "$apt_updated" ]; then
    log "apt-get update"
    $SUDO apt-get update -qq
    apt_updated=1
  fi
  log "installing ${missing[*]}"
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_prerequisites() {
  apt_install chromium poppler-utils ffmpeg fonts-dejavu-core fonts-liberation2 ca-certificates
  if ! command -v npm >/dev/null 2>&1; then apt_install nodejs npm; fi
  # scripts/demo-code.sh prints the demo staff's current sign-in code with it.
  if ! command -v python3 >/dev/null 2>&1; then apt_install python3-minimal; fi
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is required (see global.json) and was not found on PATH." >&2
    exit 1
  fi
  (cd "$root" && dotnet tool restore >/dev/null)
}

start_postgres() {
  apt_install postgresql "postgresql-$PG_VERSION"
  local bin="/usr/lib/postgresql/$PG_VERSION/bin"
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$PG_VERSION main"; then
    log "creating PostgreSQL cluster $PG_VERSION/main"
    $SUDO pg_createcluster "$PG_VERSION" main --port "$PG_PORT" >/dev/null
  fi
  if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
    log "starting PostgreSQL $PG_VERSION"
    $SUDO pg_ctlcluster "$PG_VERSION" main start
  fi
  for _ in $(seq 1 30); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && break
    sleep 1
  done
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" || { echo "PostgreSQL did not start on port $PG_PORT" >&2; exit 1; }
  # PostgreSQL refuses to run as root; the Debian cluster runs as the postgres user, and so do these commands.
  $SUDO runuser -u postgres -- psql -q -p "$PG_PORT" -v ON_ERROR_STOP=1 <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  END IF;
END \$\$;
SQL
}

ensure_database() {
  local name="$1"
  if ! $SUDO runuser -u postgres -- psql -tA -p "$PG_PORT" -c "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
    $SUDO runuser -u postgres -- createdb -p "$PG_PORT" -O "$PG_USER" "$name"
  fi
}

connection_string() {
  echo "Host=127.0.0.1;Port=$PG_PORT;Database=$1;Username=$PG_USER;Password=$PG_PASSWORD"
}
