"""Every benchmark in benchmarks/ still runs: each in its quick mode (tiny sizes, one run), as its own
process, exits 0 and prints its figures. A benchmark nobody runs rots unseen (weighting_sizes.py was
refused by the pages it times for as long as it existed); the figures of a quick run measure nothing."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
pytestmark = pytest.mark.bench

#: A benchmark is a script; timing.py and bare_app.py are helpers the benchmarks import.
SCRIPTS = sorted(path.name for path in BENCHMARKS.glob("*.py") if 'if __name__ == "__main__"' in path.read_text())
#: A figure as the benchmarks print them: a number and its unit.
FIGURE = re.compile(r"\d+(\.\d+)?\s*(ms|s|x|submissions/s)\b")


def test_every_benchmark_is_checked():
    assert {"ahp.py", "load.py", "personal.py", "province.py", "reports.py", "scoring.py", "site.py",
            "weighting_sizes.py"} <= set(SCRIPTS)


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_benchmark_runs_in_quick_mode_and_prints_its_figures(script, tmp_path):
    # No test database of the suite's (load.py would empty it) and no size chosen for a full run.
    unwanted = {"DATABASE_URL", "TEST_DATABASE_URL", "STAKEHOLDERS", "FAULT_STAKEHOLDERS", "EMPLOYEES",
                "ORGANISATIONS", "PEOPLE", "ANSWERED", "SKM_ANSWERS", "REPEATS", "PDF_REPEATS"}
    env = {name: value for name, value in os.environ.items() if name not in unwanted}
    env.update(NERACA_BENCH_QUICK="1", PYTHONPATH=str(BENCHMARKS.parent), NERACA_INSTANCE=str(tmp_path))
    run = subprocess.run([sys.executable, str(BENCHMARKS / script)], cwd=BENCHMARKS.parent, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.startswith("quick mode:"), run.stdout[:500]
    figures = [line for line in run.stdout.splitlines()[1:] if FIGURE.search(line)]
    assert figures, run.stdout


def test_the_bootstrap_benchmark_prints_its_ratio_to_the_plain_computations(tmp_path):
    """Issue 29's benchmark: 2,000 draws against one plain group computation x 2,000 measured in the same run."""
    env = {name: value for name, value in os.environ.items() if name not in ("DATABASE_URL", "TEST_DATABASE_URL")}
    env.update(NERACA_BENCH_QUICK="1", PYTHONPATH=str(BENCHMARKS.parent), NERACA_INSTANCE=str(tmp_path))
    run = subprocess.run([sys.executable, str(BENCHMARKS / "bootstrap.py")], cwd=BENCHMARKS.parent, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    ratio = re.search(r"ratio to the plain computations\s+(\d+\.\d+) x", run.stdout)
    assert ratio and float(ratio.group(1)) > 0 and "(target < 1 s)" in run.stdout, run.stdout
