#!/usr/bin/env bash
# Install the SPARQL servers that tests/test_stores_http.py loads the exported Turtle into,
# on a clean Debian (bookworm) machine:
#   - Virtuoso 7.2 (Debian package virtuoso-opensource; the tests start their own instance
#     from a temporary directory, the package's service is not needed and may fail to start);
#   - the oxigraph server (PyPI package "oxigraph", same version as pyoxigraph), into the
#     project's virtualenv.
# Then run:  CI=true .venv/bin/pytest -m store
# Usage: scripts/ci_install_stores.sh [VENV]   (default VENV: .venv next to this script's repo)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${1:-$repo/.venv}"
python="$venv/bin/python"

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
fi

if ! command -v virtuoso-t >/dev/null 2>&1; then
    "${sudo_cmd[@]}" apt-get update
    # The package's post-install script tries to start the system service; in containers
    # without an init system that fails harmlessly, so do not let it stop the script.
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends \
        virtuoso-opensource || true
fi
command -v virtuoso-t >/dev/null 2>&1 || { echo "virtuoso-t was not installed" >&2; exit 1; }

if [ ! -x "$python" ]; then
    echo "no virtualenv at $venv: create it first (make install)" >&2
    exit 1
fi
# The server must match the embedded store: same version as the installed pyoxigraph.
version="$("$python" -c 'import pyoxigraph; print(pyoxigraph.__version__)')"
"$python" -m pip install --quiet "oxigraph==$version"
"$venv/bin/oxigraph" --version

virtuoso-t +help 2>&1 | head -n 1 || true
echo "SPARQL servers ready: virtuoso-t ($(command -v virtuoso-t)), oxigraph $version"
