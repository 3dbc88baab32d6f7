#!/usr/bin/env bash
# The antivirus tests run a real ClamAV daemon: Debian's clamav-daemon (clamd and sigtool; its
# signatures are made by the tests, nothing is downloaded). Installs it with apt-get when missing
# and we may (root); otherwise says what to do.
set -euo pipefail
if command -v clamd >/dev/null 2>&1 || [ -x /usr/sbin/clamd ]; then
  if command -v sigtool >/dev/null 2>&1; then exit 0; fi
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "• Installation de ClamAV (clamav-daemon, paquet Debian) pour les tests antivirus…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clamav-daemon clamav >/dev/null
  exit 0
fi
echo "ClamAV est introuvable (clamd, sigtool). Installez-le : sudo apt-get install clamav-daemon clamav." >&2
exit 1
