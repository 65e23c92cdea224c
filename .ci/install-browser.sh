#!/usr/bin/env bash
# Installs what the end-to-end tests of the review app need on a fresh Debian machine:
# Debian's chromium (+ chromium-driver) and the Playwright Python driver (no browser download:
# the tests launch /usr/bin/chromium). Idempotent and quiet; safe to run again.
# Usage: .ci/install-browser.sh [PYTHON]   (default: .venv/bin/python, else python3)
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${1:-}"
if [ -z "$PY" ]; then
  if [ -x .venv/bin/python ]; then PY=.venv/bin/python; else PY=python3; fi
fi

if [ ! -x /usr/bin/chromium ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
      echo "install-browser: /usr/bin/chromium is missing and this user cannot install it (not root, no sudo); the browser tests will be skipped" >&2
      SUDO=none
    fi
  fi
  if [ "$SUDO" != none ]; then
    export DEBIAN_FRONTEND=noninteractive
    # refresh the package lists only when they are missing or do not know chromium
    if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e '^lock$' -e '^partial$' -e '^auxfiles$' || true)" ] \
       || ! apt-cache show chromium >/dev/null 2>&1; then
      $SUDO apt-get update -qq >/dev/null
    fi
    $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-liberation fonts-dejavu-core >/dev/null \
      || echo "install-browser: apt-get could not install chromium; the browser tests will be skipped" >&2
  fi
fi

if ! "$PY" -c "import playwright" >/dev/null 2>&1; then
  "$PY" -m pip install -q --disable-pip-version-check "playwright>=1.40" \
    || echo "install-browser: could not install the playwright Python package; the browser tests will be skipped" >&2
fi
exit 0
