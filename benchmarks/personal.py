"""Personal scorecards of 1,000 employees x 17 KPIs computed from the database.

Target (issue 5): under 2 s from the stored answers to ranked totals. Printed
beside the same scoring on arrays already in memory (the floor), so the
figure shows what reading the database costs.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import numpy as np
from timing import best_of, quick_note, sized

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

EMPLOYEES, KPIS = sized(1_000, 10), 17


def main() -> None:
    quick_note()
    from analysis.scorecard import personal_scorecards
    from survey import create_app
    from survey.cli import upgrade
    from survey.models import Invitation, Person, Response
    from survey.services import accounts, questionnaires, rounds, scorecards

    with tempfile.TemporaryDirectory() as workdir:
        os.environ["NERACA_INSTANCE"] = workdir
        url = os.environ.get("DATABASE_URL") or f"sqlite:///{workdir}/personal.db"
        upgrade(url)
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench"})
        rng = np.random.default_rng(5)
        with app.app_context(), app.extensions["neraca.sessionmaker"]() as session:
            organisation = accounts.create_organisation(session, "Benchmark")
            version = scorecards.create_scorecard(session, organisation.id, "Personal", "2026")
            import pandas as pd
            rows = [{"code": "P", "kind": "perspective", "parent": "", "name": "Personal"},
                    {"code": "O", "kind": "objective", "parent": "P", "name": "Work"}]
            rows += [{"code": f"K{k}", "kind": "kpi", "parent": "O", "name": f"KPI {k}", "unit": "%"}
                     for k in range(KPIS)]
            scorecards.import_scorecard(session, version, pd.DataFrame(rows))
            round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Self-report",
                                         kind="self_report", period="2026", snap="round_half_up")
            questionnaires.default_questions(session, round_)
            asked = questionnaires.questions(session, round_)
            people = [Person(organisation_id=organisation.id, name=f"E{i}", email=f"e{i}@x.org", kind="employee")
                      for i in range(EMPLOYEES)]
            session.add_all(people)
            session.flush()
            invitations = [Invitation(organisation_id=organisation.id, round_id=round_.id, person_id=p.id,
                                      token_hash=f"{i:064d}", token_nonce="x", identity={})
                           for i, p in enumerate(people)]
            session.add_all(invitations)
            session.flush()
            answers = rng.uniform(20, 100, (EMPLOYEES, KPIS))
            session.add_all(Response(invitation_id=inv.id, question_id=q.id, value=float(answers[i, k]))
                            for i, inv in enumerate(invitations) for k, q in enumerate(asked))
            session.commit()

            def from_database():
                session.expire_all()
                return questionnaires.personal_results(session, round_)

            database_time, results = best_of(3, from_database)
            floor_time, _ = best_of(5, lambda: personal_scorecards(results.achievements, results.ladders,
                                                                  results.weights, snap="round_half_up"))
    print(f"personal scorecards: {EMPLOYEES} employees x {KPIS} KPIs")
    print(f"  from the database (answers, ladders, scores, ranks)  {database_time * 1000:8.1f} ms   (target < 2000)")
    print(f"  the same scoring on arrays in memory                 {floor_time * 1000:8.1f} ms")
    print(f"  best total {results.scores.totals.max():.2f}, employees ranked {len(results.people)}")


if __name__ == "__main__":
    main()
