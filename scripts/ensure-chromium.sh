#!/usr/bin/env bash
# Browser tests use Debian's Chromium, never a downloaded browser: its headless shell
# (package chromium-headless-shell, the same Chromium without the full browser's UI), which
# runs the suite about 40 % faster than `chromium --headless`. Installs it with apt-get when
# missing and we may (root); otherwise says what to do. CHROMIUM_PATH may name another binary.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium-headless-shell}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "• Installation de Chromium headless shell (paquet Debian) pour les tests navigateur…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null
  exit 0
fi
echo "Chromium headless shell est introuvable ($CHROMIUM). Installez-le : sudo apt-get install chromium-headless-shell (ou indiquez CHROMIUM_PATH)." >&2
exit 1
