# The README's two commands: `make run` and `make test`. Both set everything up first.
# Debian's own Python (/usr/bin/python3, 3.11 on Debian 12) where there is one: the README's machine has it,
# and Debian builds it with profile-guided and link-time optimisation, which a Python built by hand (pyenv's,
# first on this machine's PATH) lacks. Back to back on the same checkout, `make test` took 4:11 on Debian's
# Python and 4:38 on pyenv's (CPU -9 %). PYTHON=python3.12 (any 3.11 or newer) to choose another.
PYTHON ?= $(shell /usr/bin/python3 -c 'import sys; assert sys.version_info >= (3, 11); print(sys.executable)' \
                   2>/dev/null || echo python3)
VENV   := .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1
PORT   ?= 5000
# Links in emails are made only from PUBLIC_URL: the demo's is the address `make run` serves.
PUBLIC_URL ?= http://$(HOST):$(PORT)

.PHONY: run test test-postgres screenshots setup system-packages bench bench-quick clean

run: setup
	$(PY) -m survey.cli upgrade
	HOST=$(HOST) PORT=$(PORT) PUBLIC_URL=$(PUBLIC_URL) $(PY) -m survey.cli demo
	NERACA_INSECURE_COOKIES=1 PUBLIC_URL=$(PUBLIC_URL) $(VENV)/bin/flask --app survey run --host $(HOST) --port $(PORT)

# pytest-xdist workers, each with its own database (tests/conftest.py): one more than the cores, as a test often
# waits (for chromium, a gunicorn, a kiosk's timer) and a third worker fills those waits (-n 2 left a fifth of
# two cores idle; -n 3: 5:49 -> 5:10 for the same suite). PYTEST_WORKERS=0: one process.
# loadgroup: the tests marked with one xdist_group share a worker (those holding dpkg's lock).
PYTEST_WORKERS ?= $(shell echo $$(( $$(nproc) + 1 )))
PYTEST_POSTGRES_WORKERS ?= $(shell nproc)
# Python's compiled files are written (in the checkout's ignored __pycache__ folders) even where the environment
# says PYTHONDONTWRITEBYTECODE: without them each worker rewrites the asserts of all 120 test modules again
# (10 s of every run here; the collection of `-n 2` took 14.6 s without them, 8.2 s with them).
PYTEST_RUN := env -u PYTHONDONTWRITEBYTECODE $(PY) -m pytest --dist loadgroup
PYTEST := $(PYTEST_RUN) -n $(PYTEST_WORKERS)

test: setup
	$(PYTEST)

# The suite again on a local PostgreSQL server (installed and started when missing), but for the browser
# tests (chromium reads the same pages whatever database is behind them) and the benchmarks' quick runs
# (they use no test database): those run once, in `make test`.
# One worker per core here: without the browser tests and benchmarks little waits, and the database server
# needs the cores too (back to back: -n 2 6:12, -n 3 6:44).
test-postgres: setup
	bash scripts/with-postgres.sh $(PYTEST_RUN) -n $(PYTEST_POSTGRES_WORKERS) -m "not browser and not bench"

# The browser tests again, keeping a screenshot of each page they see in test-artifacts/ to look at (390 and
# 1280 px, both languages); `make test` runs the same checks without drawing them.
screenshots: setup
	NERACA_SCREENSHOTS=1 $(PYTEST) -m browser

bench: setup
	$(PY) benchmarks/ahp.py
	$(PY) benchmarks/scoring.py
	$(PY) benchmarks/personal.py
	$(PY) benchmarks/site.py
	$(PY) benchmarks/reports.py
	$(PY) benchmarks/weighting_sizes.py
	$(PY) benchmarks/grid.py
	$(PY) benchmarks/bootstrap.py
	$(PY) benchmarks/ikm_periods.py
	bash scripts/with-postgres.sh sh -c 'DATABASE_URL="$$TEST_DATABASE_URL" $(PY) benchmarks/ikm_periods.py'
	bash scripts/with-postgres.sh $(PY) benchmarks/load.py
	bash scripts/with-postgres.sh $(PY) benchmarks/province.py

# Each benchmark in its quick mode (tiny sizes, one run): that it still runs, not what it measures.
bench-quick: setup
	$(PY) -m pytest tests/test_benchmarks_run.py

setup: system-packages $(VENV)/.installed

system-packages:
	@PYTHON=$(PYTHON) bash scripts/install-system-packages.sh

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

clean:
	rm -rf $(VENV) instance .pytest_cache
