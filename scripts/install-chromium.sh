#!/usr/bin/env bash
# @file Set-up of the browser tests (test/browser/): Debian's chromium, which
# playwright-core drives through /usr/bin/chromium (CHROMIUM_PATH overrides
# where the tests look). Without it `npm test` skips them and says so in one
# line; `.ci/run` runs this first and requires them. Does nothing when
# chromium is already installed; otherwise needs root (or sudo) and apt.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || true)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium
echo "installed: $(/usr/bin/chromium --version 2>/dev/null || true)"
