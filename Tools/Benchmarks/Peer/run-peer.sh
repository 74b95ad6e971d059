#!/usr/bin/env bash
# Runs peer.py (the Python `eventsourcing` library doing Rõ's workload) in a
# virtualenv of its own, made once under the ro-bench cache:
#   ${RO_BENCH_CACHE:-$HOME/.cache/ro-bench}/venv-eventsourcing-9.5.6
# Usage: run-peer.sh --dir DIR --tasks T [--writers W]
# stdout: peer.py's one JSON object, nothing else; all else goes to stderr.
set -euo pipefail

VERSION=9.5.6
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${RO_BENCH_CACHE:-$HOME/.cache/ro-bench}"
venv="$cache/venv-eventsourcing-$VERSION"
python="$venv/bin/python"

fail() { echo "run-peer.sh: $*" >&2; exit 1; }

command -v python3 >/dev/null || fail "python3 not found"

# A half-made venv (interrupted earlier) has no python: start it again.
if [ ! -x "$python" ]; then
    mkdir -p "$cache"
    rm -rf "$venv"
    python3 -m venv "$venv" >&2 || fail "python3 -m venv failed (is python3-venv installed?)"
fi

# Install the pinned version if it is missing or another version is there.
installed="$("$python" -c 'import importlib.metadata as m; print(m.version("eventsourcing"))' 2>/dev/null || true)"
if [ "$installed" != "$VERSION" ]; then
    echo "run-peer.sh: installing eventsourcing==$VERSION into $venv" >&2
    "$python" -m pip install --quiet --disable-pip-version-check "eventsourcing==$VERSION" >&2 \
        || fail "pip install eventsourcing==$VERSION failed"
fi

exec "$python" "$here/peer.py" "$@"
