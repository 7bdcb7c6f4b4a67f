"""scripts/install-system-packages.sh waits for a package manager that another program is using (a fresh
machine's unattended upgrades), within a time limit, instead of failing at once."""
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "install-system-packages.sh"
LOCK = "/var/lib/dpkg/lock-frontend"
pytestmark = [pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("apt-get") or not os.path.exists(LOCK),
                                 reason="needs root on Debian: it holds the real dpkg lock"),
              pytest.mark.xdist_group("dpkg-lock")]  # one xdist worker runs both: each holds the one lock


def hold_the_lock(seconds: float) -> subprocess.Popen:
    """Another program holding dpkg's lock as apt does (an fcntl lock, not flock(1)'s, which apt never sees)."""
    holder = subprocess.Popen([sys.executable, "-c", (
        "import fcntl, os, sys, time\n"
        f"fd = os.open({LOCK!r}, os.O_RDWR)\n"
        "fcntl.lockf(fd, fcntl.LOCK_EX)\n"
        "print('held', flush=True)\n"
        f"time.sleep({seconds})\n")], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def run_script(**env) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    done = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "NERACA_APT_DRY_RUN": "1", **env})
    return done, time.monotonic() - started


def test_the_script_waits_for_the_package_managers_lock_and_then_goes_on():
    holder = hold_the_lock(3)
    try:
        done, took = run_script(NERACA_APT_LOCK_WAIT="60")
    finally:
        holder.wait(timeout=10)
    assert done.returncode == 0, done.stderr
    assert "Waiting for another package installation to finish" in done.stderr
    assert "the package manager is free" in done.stdout
    assert took >= 2.5  # it waited for the holder, and went on once it let go


def test_the_script_gives_up_with_a_clear_message_after_its_time_limit():
    holder = hold_the_lock(20)
    try:
        done, took = run_script(NERACA_APT_LOCK_WAIT="2")
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert done.returncode == 1
    assert "still holds the package manager's lock after 2 s" in done.stderr
    assert took < 10
