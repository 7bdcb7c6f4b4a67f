#!/usr/bin/env bash
# Installs the Debian packages Neraca needs, only those missing, so a second run costs nothing.
#   python3-venv:          `python3 -m venv` on Debian's own Python (the Makefile's PYTHON)
#   pango, harfbuzz-subset, fonts: WeasyPrint renders PDFs (harfbuzz-subset makes font subsetting fast)
#   poppler-utils:          pdftotext / pdftoppm, used by the tests to read and look at PDFs
#   chromium:               the browser test drives Debian's chromium through Playwright (no browser download)
#   redis-server:           the tests run background jobs through RQ on a real Redis server they start
#   nginx, openssl:         the two-machine test puts two gunicorn processes behind Debian's nginx, which it starts;
#                           the README's nginx sample is checked with `nginx -t` and a throwaway certificate
set -euo pipefail
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core poppler-utils chromium redis-server nginx openssl)
# The Python the Makefile makes .venv with (PYTHON), Debian's python3 otherwise.
if ! "${PYTHON:-python3}" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  packages+=(python3-venv)
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# NERACA_APT_DRY_RUN=1: wait for the lock as usual, then only simulate the install (apt-get -s), all packages.
dry_run="${NERACA_APT_DRY_RUN:-}"
[ ${#missing[@]} -eq 0 ] && [ -z "$dry_run" ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive

# A fresh machine's unattended upgrades often hold the package manager's locks for minutes: wait for them,
# at most NERACA_APT_LOCK_WAIT seconds (apt takes fcntl locks, so the probe takes and drops one the same way).
lock_wait="${NERACA_APT_LOCK_WAIT:-600}"
apt_locks=(/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock /var/cache/apt/archives/lock)
apt_busy() {
  $sudo python3 - "${apt_locks[@]}" <<'PROBE'
import fcntl, os, sys
for path in sys.argv[1:]:
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        continue
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        sys.exit(0)  # held by another program
    finally:
        os.close(fd)  # closing drops the lock at once
sys.exit(1)
PROBE
}
started=$SECONDS
said=""
while apt_busy; do
  if [ $((SECONDS - started)) -ge "$lock_wait" ]; then
    echo "Another program (apt, unattended-upgrades) still holds the package manager's lock after ${lock_wait} s:" \
         "let it finish, or raise NERACA_APT_LOCK_WAIT, and run this script again." >&2
    exit 1
  fi
  [ -n "$said" ] || echo "Waiting for another package installation to finish (at most ${lock_wait} s)..." >&2
  said=1
  sleep 1
done
# apt-get waits too for what is left of the time, should another program take the lock between the two.
remaining=$((lock_wait - (SECONDS - started)))
[ "$remaining" -gt 0 ] || remaining=1
apt=($sudo apt-get -o "DPkg::Lock::Timeout=$remaining")
if [ -n "$dry_run" ]; then
  "${apt[@]}" -s install --no-install-recommends "${packages[@]}" >/dev/null
  echo "Dry run: the package manager is free and would install ${missing[*]:-nothing}."
  exit 0
fi
echo "Installing system packages: ${missing[*]}"
# nginx's and redis-server's packages start their services when installed: in a container without systemd that
# fails the install (nginx finds port 80 taken) or leaves daemons nobody asked for. The tests start their own, so
# no service starts during this install: invoke-rc.d and deb-systemd-invoke ask policy-rc.d, and 101 means "not
# now" (Debian's policy-rc.d interface). A machine that has its own policy-rc.d keeps it.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\n# Neraca scripts/install-system-packages.sh, removed when its install ends: no service starts meanwhile.\nexit 101\n' |
    $sudo tee "$policy" >/dev/null
  $sudo chmod 755 "$policy"
  trap '$sudo rm -f "$policy"' EXIT
fi
"${apt[@]}" update -qq
"${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
