"""The data grid of 100 KPIs: rendering it and saving 100 changed cells, beside today's performance page.

Through Flask's test client (no server, no network) on SQLite, and on PostgreSQL too when
TEST_DATABASE_URL or DATABASE_URL names one. Each figure is p50 / p99 over ROUNDS requests; the
performance page (one KPI at a time, the grid's predecessor) rendered in the same run is the yardstick.
"""
from __future__ import annotations

import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import quick_note, sized  # noqa: E402

KPIS, ROUNDS = sized(int(os.environ.get("KPIS", 100)), 5), sized(int(os.environ.get("ROUNDS", 30)), 2)
PERIOD, EARLIER = "2026-Q2", "2026-Q1"  # Triwulan II and I 2026, as the calendar stores them


def main() -> None:
    quick_note()
    urls = []
    with tempfile.TemporaryDirectory() as workdir:
        os.environ["NERACA_INSTANCE"] = workdir
        urls.append(("SQLite", f"sqlite:///{workdir}/grid.db"))
        postgres = os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL")
        if postgres:
            urls.append(("PostgreSQL", postgres))
        print(f"{KPIS} KPIs, {ROUNDS} requests each; milliseconds p50 / p99")
        for name, url in urls:
            measure(name, url)


def measure(name: str, url: str) -> None:
    import pandas as pd

    from survey import create_app
    from survey.cli import upgrade
    from survey.services import accounts, performance, scorecards
    from tests.test_data_grid import GridForm
    from tests.web import sign_in

    upgrade(url)
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "SESSION_COOKIE_SECURE": False})
    client = app.test_client()
    with app.app_context(), app.extensions["neraca.sessionmaker"]() as session:
        organisation = accounts.create_organisation(session, f"Bench {secrets.token_hex(4)}")
        version = scorecards.create_scorecard(session, organisation.id, "IKU", "2026")
        codes = [f"K{n:03d}" for n in range(1, KPIS + 1)]
        rows = [{"code": "P", "kind": "perspective", "parent": "", "name": "Layanan"},
                {"code": "O", "kind": "objective", "parent": "P", "name": "Layanan cepat"}]
        rows += [{"code": code, "kind": "kpi", "parent": "O", "name": f"Indikator {code}", "better": "higher"}
                 for code in codes]
        scorecards.import_scorecard(session, version, pd.DataFrame(rows))
        data = [{"kpi": code, "period": period, "target": 100.0 + n, "actual": 90.0 + n}
                for n, code in enumerate(codes) for period in (EARLIER, PERIOD)]  # automatic ladders for all
        performance.import_measurements(session, version, pd.DataFrame(data), "import@bench")
        sign_in(client, session, organisation.id, email=f"hr-{secrets.token_hex(4)}@bench.id")
        version_id = version.id

    grid_url = f"/hr/versions/{version_id}/performance/grid/{PERIOD}?lang=id"
    page_url = f"/hr/versions/{version_id}/performance?period={PERIOD}&lang=id"
    page = timed(lambda: check(client.get(page_url), 200))
    grid = timed(lambda: check(client.get(grid_url), 200))
    saves = []
    for turn in range(ROUNDS):
        form = GridForm.read(check(client.get(grid_url), 200))
        for n, code in enumerate(codes):
            form.cells[f"v-{code}:actual"] = f"{91 + n + turn},5"
        start = time.perf_counter()
        check(client.post(grid_url, data={**form.hidden, **form.cells, "note": "bench"}), 302)
        saves.append(time.perf_counter() - start)
    print(f"{name:11s} {'performance page (today)':29s} {figures(page)}")
    for label, times in (("grid page", grid), (f"grid save, {KPIS} changed cells", saves)):
        print(f"{name:11s} {label:29s} {figures(times)}   = {p(times, 50) / p(page, 50):4.1f} x today's page")


def timed(request) -> list[float]:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        request()
        times.append(time.perf_counter() - start)
    return times


def check(response, status):
    if response.status_code != status:
        raise SystemExit(f"expected {status}, got {response.status_code}: {response.get_data(as_text=True)[:2000]}")
    return response


def p(times, percent) -> float:
    return statistics.quantiles(times, n=100, method="inclusive")[percent - 1] * 1000


def figures(times) -> str:
    return f"{p(times, 50):7.1f} / {p(times, 99):7.1f}"


if __name__ == "__main__":
    main()
