#!/usr/bin/env bash
# The code an authenticator app shows right now for a key: scripts/demo-code.sh KEY
# Meant for the invented demo staff accounts, whose keys scripts/run.sh prints; a real account's key is never shown.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 AUTHENTICATOR-KEY" >&2; exit 2; }
python3 - "$1" <<'PY'
import base64, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1].replace(" ", "").upper())
digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), "sha1").digest()
offset = digest[-1] & 0x0F
print("%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000))
PY
