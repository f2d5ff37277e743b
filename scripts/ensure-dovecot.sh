#!/usr/bin/env bash
# The IMAP intake tests run against a real Dovecot (Debian's dovecot-imapd),
# started by the tests themselves on a loopback port. Install it when missing
# and we are root; otherwise say how. Only the binaries are used: the
# package's own service is stopped and left disabled.
set -euo pipefail
DOVECOT="${DOVECOT_PATH:-/usr/sbin/dovecot}"
if [ -x "$DOVECOT" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Dovecot for the IMAP intake tests (apt-get install dovecot-imapd)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # policy-rc.d 101 keeps the package from starting its system-wide service on ports 143/993
  had_policy=0
  [ -e /usr/sbin/policy-rc.d ] && had_policy=1
  if [ "$had_policy" = 0 ]; then printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d; fi
  status=0
  apt-get install -y -qq -o Dpkg::Options::=--force-confold dovecot-imapd >/dev/null || status=$?
  if [ "$had_policy" = 0 ]; then rm -f /usr/sbin/policy-rc.d; fi
  exit "$status"
fi
echo "Dovecot is needed at $DOVECOT for the IMAP intake tests." >&2
echo "Install it (Debian/Ubuntu: sudo apt-get install dovecot-imapd) or set DOVECOT_PATH." >&2
exit 1
