#!/usr/bin/env bash
# Serving the practice's own videos: bench/run-media.sh [connections=20] [seconds=20]
# Makes a 20 MB test-pattern video (and a 48 MB one for the upload), starts the portal in its own process on
# loopback (SQLite unless RUGCENTRUM_TEST_PROVIDER=PostgreSQL), and measures from a second process: range requests
# as phones start and seek, the whole file to every connection at once, and uploads on the live media page.
# Figures go to bench/README.md by hand.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/setup.sh"
connections="${1:-20}"
seconds="${2:-20}"
export RUGCENTRUM_TEST_PROVIDER="${RUGCENTRUM_TEST_PROVIDER:-Sqlite}"
export PLAYWRIGHT_CHROMIUM_EXECUTABLE="${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-/usr/bin/chromium}"

install_prerequisites
if [ "$RUGCENTRUM_TEST_PROVIDER" = PostgreSQL ]; then
  start_postgres
  export RUGCENTRUM_TEST_DB="${RUGCENTRUM_TEST_DB:-$(connection_string postgres)}"
fi

videos="$root/.data/bench-media"
mkdir -p "$videos"
make_video() { # name seconds bitrate
  [ -s "$videos/$1" ] || ffmpeg -v error -nostdin -y -f lavfi -i "testsrc2=duration=$2:size=1280x720:rate=30" \
    -c:v libx264 -preset ultrafast -b:v "$3" -maxrate "$3" -bufsize 4M -pix_fmt yuv420p -movflags +faststart "$videos/$1"
}
log "making test videos (once)"
make_video video-20mb.mp4 60 2700k
make_video video-48mb.mp4 110 3500k
ls -l "$videos"

log "building (Release)"
dotnet build "$root/bench/RugcentrumPortal.Media" -c Release -v quiet -nologo
media() { dotnet "$root/bench/RugcentrumPortal.Media/bin/Release/net10.0/RugcentrumPortal.Media.dll" "$@"; }

log "starting the portal"
coproc SERVE { media serve "$videos/video-20mb.mp4" 2>/tmp/rugcentrum-media-bench.log; }
# The portal may log a line or two before it is ready.
ready=""
while [ "$ready" != READY ] && read -r ready url id pid <&"${SERVE[0]}"; do :; done
[ "$ready" = READY ] || { echo "the portal did not start; see /tmp/rugcentrum-media-bench.log" >&2; exit 1; }
stop_portal() { exec {SERVE[1]}>&-; wait "$SERVE_PID" 2>/dev/null || true; }
trap stop_portal EXIT

log "range requests of 1 MB, $connections connections, $seconds s (after a 5 s warm-up)"
media ranges "$url" "$id" "$pid" "$connections" 5 >/dev/null
media ranges "$url" "$id" "$pid" "$connections" "$seconds"
log "the whole file to $connections connections at once"
media whole "$url" "$id" "$pid" "$connections"
log "uploads on the live media page"
echo "| run | time | rate | portal memory before | highest during |"
echo "|---|---:|---:|---:|---:|"
media upload "$url" "$pid" "$videos/video-20mb.mp4"
media upload "$url" "$pid" "$videos/video-48mb.mp4"
