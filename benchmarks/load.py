"""Hundreds of stakeholders over gunicorn on PostgreSQL beside a bare endpoint, then the same load under faults.

    scripts/with-postgres.sh .venv/bin/python benchmarks/load.py     (or DATABASE_URL=postgresql://...)

1. Load: STAKEHOLDERS stakeholders submit every cluster page, CONCURRENCY at once; p50, p99 and
   throughput beside the bare insert endpoint (benchmarks/bare_app.py) in the same run.
2. kill -9: gunicorn, master and workers, is killed mid-run and started again. Stakeholders send
   again what got no answer, with the same submission key (what a browser's resend does).
3. PostgreSQL restarted mid-run (when its cluster runs on this machine): the same gunicorn keeps
   serving once the database is back (pool pre-ping), without a restart of its own.
After 2 and 3 the database is checked: every page that got a success answer is stored with the
values sent, and no judgment is stored twice. Everything on 127.0.0.1; each phase has a deadline.
"""
from __future__ import annotations

import http.client
import http.cookiejar
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from importlib import util as _util  # noqa: E402

# benchmarks/site.py by its path: "site" is also a module of Python's own.
_spec = _util.spec_from_file_location("site_benchmark", ROOT / "benchmarks" / "site.py")
bench = _util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

from timing import QUICK, quick_note, sized  # noqa: E402

STAKEHOLDERS = int(os.environ.get("STAKEHOLDERS", sized(300, 4)))
FAULT_STAKEHOLDERS = int(os.environ.get("FAULT_STAKEHOLDERS", sized(60, 3)))
CONCURRENCY = sized(24, 2)
DEADLINE = sized(300, 60)  # seconds a fault phase may take
FAULT_AFTER = sized(3, 0.5)  # seconds into a fault phase's run: well into it (quick: its few pages go fast)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def resilient_stakeholder(base: str, acknowledged: list, failures: list, deadline: float):
    """A stakeholder whose browser sends a page again (same submission key) until it gets an answer."""

    def attempt(call):
        while time.monotonic() < deadline:
            try:
                return call()
            except urllib.error.HTTPError as response:
                if response.code in (302, 410):
                    return response.code
                failures.append(response.code)
            except (OSError, http.client.HTTPException) as error:  # refused, reset, cut mid-answer
                failures.append(type(error).__name__)
            time.sleep(0.2)
        raise TimeoutError("the site did not come back before the deadline")

    def work(item):
        token, invitation_id, pages = item
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                             NoRedirect)
        first = attempt(lambda: opener.open(f"{base}/r/{token}/c/{pages[0][0]}").read().decode())
        csrf_token = bench.CSRF_TOKEN.search(first).group(1)
        for key, values in pages:
            form = urllib.parse.urlencode({"csrf_token": csrf_token, "submission": secrets.token_hex(16), **values})
            start = time.perf_counter()
            if attempt(lambda: opener.open(f"{base}/r/{token}/c/{key}", data=form.encode())) == 302:
                acknowledged.append((invitation_id, key, values))
            yield time.perf_counter() - start
    return work


def check_stored(database_url: str, acknowledged: list) -> tuple[int, int]:
    """(pages acknowledged but missing or different, judgments stored more than once)."""
    from sqlalchemy import create_engine, text

    from analysis.ahp import parse_judgment
    engine = create_engine(database_url)
    missing = 0
    with engine.connect() as connection:
        for invitation_id, cluster, values in acknowledged:
            stored = {(row, column): value for row, column, value in connection.execute(text(
                "SELECT row_id, column_id, value FROM judgments WHERE invitation_id = :i AND cluster = :c"),
                {"i": invitation_id, "c": cluster})}
            sent = {tuple(int(part) for part in name.split("_")[1:]): parse_judgment(label)
                    for name, label in values.items()}
            missing += any(abs(stored.get(pair, -1) - value) > 1e-9 for pair, value in sent.items())
        twice = connection.execute(text(
            "SELECT COUNT(*) FROM (SELECT invitation_id, row_id, column_id FROM judgments "
            "GROUP BY invitation_id, row_id, column_id HAVING COUNT(*) > 1) AS repeated")).scalar()
    engine.dispose()
    return missing, twice


def postgres_restart_command(database_url: str) -> list[str] | None:
    """How to restart the local PostgreSQL cluster behind database_url, if it is one."""
    if not database_url.startswith("postgresql") or "127.0.0.1" not in database_url and "localhost" not in database_url:
        return None
    try:
        cluster = subprocess.run(["pg_lsclusters", "--no-header"], capture_output=True, text=True,
                                 check=True).stdout.split()[:2]
    except (OSError, subprocess.CalledProcessError):
        return None
    return ([] if os.geteuid() == 0 else ["sudo"]) + ["pg_ctlcluster", *cluster, "restart"]


def fault_phase(name: str, plan, env: dict, database_url: str, fault) -> None:
    port = bench.free_port()
    base = f"http://127.0.0.1:{port}"
    server = [bench.serve("survey:create_app()", port, env)]
    acknowledged, failures = [], []
    outcome = {}

    def load():
        latencies, elapsed = bench.run_clients(resilient_stakeholder(base, acknowledged, failures,
                                                                     time.monotonic() + DEADLINE),
                                               plan, concurrency=CONCURRENCY)
        outcome.update(submissions=len(latencies), elapsed=elapsed)

    clients = threading.Thread(target=load)
    clients.start()
    try:
        time.sleep(FAULT_AFTER)
        fault(server, port)
        clients.join(timeout=DEADLINE + 30)
    finally:
        os.killpg(server[0].pid, signal.SIGTERM)
        server[0].wait(timeout=30)  # as bench.stop: a worker ends the request it is serving first
    missing, twice = check_stored(database_url, acknowledged)
    pages = sum(len(pages) for _, _, pages in plan)
    print(f"  {name:28s} {len(acknowledged)}/{pages} pages acknowledged in {outcome.get('elapsed', 0):5.1f} s, "
          f"{len(failures)} failed attempts resent; missing {missing}, stored twice {twice}")
    assert len(acknowledged) == pages and missing == 0 and twice == 0, f"{name}: answers lost or doubled"


def main() -> None:
    from tests.helpers.database import empty_database

    quick_note()
    with tempfile.TemporaryDirectory() as workdir:
        # Quick mode takes no test suite's database (it would empty it, and restart its server): SQLite
        # unless DATABASE_URL names one on purpose.
        database_url = os.environ.get("DATABASE_URL") or (None if QUICK else os.environ.get("TEST_DATABASE_URL")) \
            or f"sqlite:///{workdir}/load.db"
        empty_database(database_url)
        os.environ["NERACA_INSTANCE"] = workdir
        plan = bench.prepare(database_url, 2 * STAKEHOLDERS + 2 * FAULT_STAKEHOLDERS)
        env = dict(os.environ, DATABASE_URL=database_url, SECRET_KEY=bench.SECRET, NERACA_INSTANCE=workdir,
                   NERACA_INSECURE_COOKIES="1", PYTHONPATH=str(ROOT))
        print(f"{STAKEHOLDERS} stakeholders x {len(plan[0][2])} cluster pages, {CONCURRENCY} at once, "
              f"gunicorn {bench.WORKERS} sync workers, {database_url.split(':')[0]}")
        ratio = bench.print_figures(bench.compare(plan, STAKEHOLDERS, env, concurrency=CONCURRENCY))
        print(f"  throughput ratio to bare {ratio:5.2f}")

        print("faults under load:")
        rest = plan[2 * STAKEHOLDERS:]

        def kill_and_restart(server, port):
            os.killpg(server[0].pid, signal.SIGKILL)  # master and workers, mid-request
            server[0].wait(timeout=10)
            time.sleep(1)
            server[0] = bench.serve("survey:create_app()", port, env)

        fault_phase("kill -9 and restart", rest[:FAULT_STAKEHOLDERS], env, database_url, kill_and_restart)
        restart = postgres_restart_command(database_url)
        if QUICK:
            print("  PostgreSQL restart: skipped (quick mode restarts no database server)")
        elif restart is None:
            print("  PostgreSQL restart: skipped (the database is not a PostgreSQL cluster on this machine)")
        else:
            fault_phase("PostgreSQL restarted", rest[FAULT_STAKEHOLDERS:], env, database_url,
                        lambda server, port: subprocess.run(restart, check=True))


if __name__ == "__main__":
    main()
