#!/usr/bin/env bash
# What the test suite needs from the machine besides Python packages, checked (and installed
# where missing) by `make test` and therefore by CI. One list, one place.
#
#   Debian packages: chromium (browser tests), gettext (catalogue checks), varnish (proxy-cache
#   tests), default-jre-headless (the Nu Html Checker; skipped when `java` is already there)
# The npm part (the Nu Html Checker) is `make checkers`.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
need() { # need COMMAND-OR-PATH DEBIAN-PACKAGE
  command -v "$1" >/dev/null 2>&1 || [ -x "$1" ] || missing+=("$2")
}
need /usr/bin/chromium chromium
need xgettext gettext
need /usr/sbin/varnishd varnish
need java default-jre-headless

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "The test suite needs these Debian packages: ${missing[*]}. Install them as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    echo "Installing ${missing[*]} for the test suite needs root: sudo will ask for your password."
    as_root=(sudo)
  else
    echo "Installing ${missing[*]} for the test suite (Debian packages)."
  fi
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
