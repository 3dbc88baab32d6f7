#!/usr/bin/env bash
# Browser tests use Debian's Chromium (/usr/bin/chromium), never a downloaded browser.
# Installs it with apt-get when missing and we may (root); otherwise says what to do.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "• Installation de Chromium (paquet Debian) pour les tests navigateur…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium est introuvable ($CHROMIUM). Installez-le : sudo apt-get install chromium (ou indiquez CHROMIUM_PATH)." >&2
exit 1
