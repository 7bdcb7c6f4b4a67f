"""The IKM per service and per period over 100,000 public answers, beside a bare scan of the same answers.

    .venv/bin/python benchmarks/ikm_periods.py                       (SQLite in a temporary folder)
    DATABASE_URL=postgresql+psycopg://... .venv/bin/python benchmarks/ikm_periods.py   (an empty database)

Target (issue 28): the trend of an SKM (services.skm_periods.trend: every period's IKM overall, per
service and per unsur, from one grouped SQL aggregate) under 1 s on SQLite and PostgreSQL. The baseline
in the same run is one SELECT counting and summing every answer (what touching each row once costs);
for comparison, one period's IKM through the round's own results (which loads its answers as rows).
Answers are written by SQL (INSERT ... SELECT) so that making them takes seconds, not the timing's minutes.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from timing import best_of, quick_note, sized

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ANSWERS = int(os.environ.get("ANSWERS", sized(100_000, 400)))  # public visitors, each answering every question
PERIODS = ("2025-S1", "2025-S2", "2026-S1", "2026-S2")
SERVICES = "Pajak kendaraan tahunan; Balik nama kendaraan; Mutasi kendaraan; Pengesahan STNK"


def main() -> None:
    quick_note()
    with tempfile.TemporaryDirectory() as workdir:
        os.environ.setdefault("NERACA_INSTANCE", workdir)
        url = os.environ.get("DATABASE_URL") or f"sqlite:///{workdir}/ikm.db"
        run(url)


def run(url: str) -> None:
    from sqlalchemy import func, insert, select, text

    from survey import create_app
    from survey.cli import upgrade
    from survey.models import PublicVisit, Response
    from survey.services import accounts, rounds, scorecards, skm, skm_periods

    upgrade(url)
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench"})
    with app.app_context(), app.extensions["neraca.sessionmaker"]() as session:
        organisation = accounts.create_organisation(session, f"Samsat {os.getpid()}")
        version = scorecards.create_scorecard(session, organisation.id, "SKM", "2026")
        made = []
        for period in PERIODS:
            round_ = rounds.create_round(session, organisation.id, version_id=version.id, title=f"SKM {period}",
                                         kind="satisfaction", period=period, language="id")
            skm.create_questionnaire(session, round_, SERVICES)
            made.append(round_)
        session.commit()
        each = ANSWERS // len(made)
        for round_ in made:
            session.execute(insert(PublicVisit), [
                {"organisation_id": organisation.id, "round_id": round_.id, "submission": f"{round_.id}-{n}"}
                for n in range(each)])
            # Every visitor answers each choice question (profile, service and unsur): a value from its id.
            session.execute(text(
                "INSERT INTO responses (visit_id, question_id, value, corrected_by, reason, created_at) "
                "SELECT v.id, q.id, 1 + (v.id * 7 + q.position * 3 + v.id / 5 + v.id / (2 + v.round_id % 3)) % "
                "CASE WHEN q.role = 'profile:service' THEN 5 WHEN q.role LIKE 'skm:%' THEN 4 ELSE 2 END, "
                "'', '', v.created_at FROM public_visits v JOIN questions q ON q.round_id = v.round_id "
                "WHERE v.round_id = :round AND q.kind = 'choice'"), {"round": round_.id})
        session.commit()
        session.execute(text("ANALYZE"))  # as the database's own statistics would be after such a load
        session.commit()
        rows = session.scalar(select(func.count()).select_from(Response))
        last = made[-1]
        baseline, _ = best_of(3, lambda: session.execute(select(func.count(), func.sum(Response.value))).one())
        trend_time, trend = best_of(3, lambda: skm_periods.trend(session, last))
        one_time, found = best_of(1, lambda: skm.results(session, last))
        assert found.result.converted == trend.current.overall.result.converted or abs(
            found.result.converted - trend.current.overall.result.converted) < 1e-9
    database = url.split(":", 1)[0]
    print(f"{database}: {each * len(made)} public answers ({rows} answer rows) over {len(made)} periods")
    print(f"bare count and sum of every answer        {baseline * 1000:8.1f} ms")
    print(f"IKM per service and period (trend)        {trend_time * 1000:8.1f} ms   "
          f"= {trend_time / baseline:5.1f} x baseline   (target < 1000 ms)")
    print(f"one period's IKM from its rows (results)  {one_time * 1000:8.1f} ms   "
          f"= {one_time / baseline:5.1f} x baseline")
    print("IKM per period: " + ", ".join(f"{p.period} {p.overall.result.converted:.2f}" for p in trend.points))


if __name__ == "__main__":
    main()
