"""Report printing: the SAMSAT office report and 1,000 personal scorecards, beside a one-page baseline.

Targets (issue 6): the office report under 3 s; 1,000 personal scorecards under 90 s using both
cores. The one-page WeasyPrint document printed in the same run shows what a page costs here.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from timing import best_of, quick_note, sized

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
EMPLOYEES = int(os.environ.get("EMPLOYEES", sized(1000, 2)))
PROCESSES = sized(2, 1)  # cores printing the personal scorecards


def main() -> None:
    quick_note()
    from survey.render.pdf import html_to_pdf, render_pdf
    from survey import create_app
    from survey.cli import upgrade
    from survey.models import Element
    from survey.services import people, performance, questionnaires, reports, rounds, scorecard_document
    from tests.reference import samsat
    from tests.samsat_site import build_samsat, load_samsat_performance

    with tempfile.TemporaryDirectory() as workdir:
        os.environ["NERACA_INSTANCE"] = workdir
        url = f"sqlite:///{workdir}/reports.db"
        upgrade(url)
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench"})
        with app.app_context(), app.extensions["neraca.sessionmaker"]() as session:
            organisation, version = build_samsat(session, stakeholders=0)
            for element in session.query(Element).filter_by(version_id=version.id):
                element.global_weight = samsat()["global_weights_published"].get(element.code, 1.0)
            session.commit()
            load_samsat_performance(session, version)

            baseline, _ = best_of(3, lambda: html_to_pdf("<h1>Neraca</h1><p>Satu halaman.</p>"))

            def office():
                card = scorecard_document.office_document(session, version, "2010")
                return render_pdf([("office.html", {"card": card})], organisation="SAMSAT", language="id")

            office_time, office_pdf = best_of(3, office)

            copy = performance.kpis(session, version)
            round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Pegawai",
                                         kind="self_report", period="2010", snap="round_half_up")
            asked = [questionnaires.add_question(session, round_, kind="number", text=e.name, kpi=code,
                                                 minimum=0, maximum=None) for code, e in list(copy.items())[:17]]
            for n in range(EMPLOYEES):
                person = people.add_person(session, organisation.id, name=f"Pegawai {n:04d}", email=f"p{n}@x.org",
                                           kind="employee")
                invitation, _ = rounds.new_invitation(round_, person, "bench")
                session.add(invitation)
                session.flush()
                questionnaires.submit_answers(session, invitation, {q.id: str(10 + (n * 7 + k) % 90)
                                                                    for k, q in enumerate(asked)}, f"k{n}")
            report = reports.personal_report(session, round_)
            parts = reports.personal_parts(report)
            personal_time, personal_pdf = best_of(1, lambda: render_pdf(parts, organisation="SAMSAT",
                                                                          language="id", processes=PROCESSES))
    print(f"one-page WeasyPrint baseline           {baseline * 1000:8.1f} ms")
    print(f"SAMSAT office report (PDF)             {office_time * 1000:8.1f} ms   "
          f"= {office_time / baseline:5.1f} x baseline   (target < 3000 ms)")
    print(f"{EMPLOYEES} personal scorecards, {PROCESSES} cores    {personal_time:8.1f} s    "
          f"= {personal_time / baseline / EMPLOYEES:5.2f} x baseline per employee   (target < 90 s)")
    print(f"sizes: office {len(office_pdf) // 1024} KiB, personal {len(personal_pdf) // 1024} KiB")


if __name__ == "__main__":
    main()
