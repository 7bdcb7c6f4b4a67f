#!/usr/bin/env bash
# Installs the Debian packages Neraca needs, only those missing, so a second run costs nothing.
#   python3-venv:          `python3 -m venv` on Debian's own Python
#   pango, harfbuzz-subset, fonts: WeasyPrint renders PDFs (harfbuzz-subset makes font subsetting fast)
#   poppler-utils:          pdftotext / pdftoppm, used by the tests to read and look at PDFs
#   chromium:               the browser test drives Debian's chromium through Playwright (no browser download)
#   redis-server:           the tests run background jobs through RQ on a real Redis server they start
set -euo pipefail
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core poppler-utils chromium redis-server)
if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
  packages+=(python3-venv)
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing system packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
