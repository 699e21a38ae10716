#!/bin/sh
# Makes sure Debian's Chromium is at /usr/bin/chromium for the review page's browser test
# (playwright-core drives it and never downloads a browser of its own): installs it with apt-get
# when we are root on a Debian-like machine, otherwise says in one line how to get it.
set -eu

CHROMIUM=/usr/bin/chromium
[ -x "$CHROMIUM" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing; installing Debian's chromium with apt-get" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  [ -x "$CHROMIUM" ] && exit 0
  echo "ensure-chromium: apt-get installed chromium but $CHROMIUM is still missing" >&2
  exit 1
fi

echo "ensure-chromium: the browser test needs $CHROMIUM: install it (Debian/Ubuntu: sudo apt-get install --no-install-recommends chromium) and run the tests again" >&2
exit 1
