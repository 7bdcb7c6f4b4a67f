"""The SKM period on period (issue 28): each satisfaction round covers a year, semester or quarter; its IKM
page and report show the trend over the organisation's earlier rounds, per service and per unsur, the
change from the previous period, and the previous period's follow-ups beside whether their unsur
improved. Every figure is checked against hand computation from the raw answers written below."""
from __future__ import annotations

import subprocess
from datetime import date, datetime, timezone

import numpy as np
import pytest

from analysis import ikm as ikm_maths
from survey.models import AuditEntry, Round, SkmFollowUp
from survey.services import public, questionnaires, rounds, skm, skm_follow_ups, skm_periods
from survey.services.errors import Invalid
from tests.helpers.questionnaires import SERVICES, form_values, invite_person
from tests.samsat_site import build_samsat
from tests.web import post, round_form, sign_in

#: Raw answers U1-U9 of the public visitors of each period, by the service they named (1 or 2 of SERVICES).
PREVIOUS = [(1, [3, 3, 2, 4, 3, 3, 3, 3, 2]), (1, [4, 3, 2, 4, 3, 3, 4, 3, 2]), (2, [2, 3, 3, 4, 3, 3, 3, 3, 4])]
CURRENT = [(1, [3, 3, 3, 4, 3, 3, 3, 3, 3]), (2, [4, 3, 3, 4, 4, 3, 4, 3, 3]), (2, [3, 4, 3, 4, 3, 4, 3, 3, 2])]
#: A visitor of the current period whose answers HR discards: never counted.
DISCARDED = (1, [1, 1, 1, 1, 1, 1, 1, 1, 1])


def survey(app, session, organisation, version, period, visitors, title=None, discarded=()):
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title=title or f"SKM {period}",
                                 kind="satisfaction", period=period, language="id")
    skm.create_questionnaire(session, round_, SERVICES)
    public.make_public(session, round_, None, "hr@x.org")
    asked = questionnaires.questions(session, round_)
    for n, (service, scores) in enumerate([*visitors, *discarded]):
        public.submit(session, round_, form_values(asked, scores, profile=(0, 1, 2, 3, service - 1)),
                      f"{period}-{n}", client=f"10.{round_.id}.0.{n}", settings=app.config, locale="id",
                      now=datetime(2026, 1, 1, 8, n, tzinfo=timezone.utc))
    if discarded:
        public.discard(session, round_, datetime(2026, 1, 1, 8, len(visitors), tzinfo=timezone.utc),
                       datetime(2026, 1, 1, 9, tzinfo=timezone.utc), "hr@x.org")
    return round_


@pytest.fixture
def periods_of_skm(app, session):
    organisation, version = build_samsat(session, stakeholders=0)
    before = survey(app, session, organisation, version, "2025-S2", PREVIOUS)
    quarter = survey(app, session, organisation, version, "2025-Q3", [(1, [1] * 9)])  # another kind of period
    now = survey(app, session, organisation, version, "2026-S1", CURRENT, discarded=[DISCARDED])
    return organisation, version, before, quarter, now


def test_each_period_has_its_ikm_per_service_and_per_unsur_as_computed_by_hand(periods_of_skm, session):
    _, _, before, quarter, now = periods_of_skm
    trend = skm_periods.trend(session, now)
    assert [p.round_id for p in trend.points] == [before.id, now.id]  # the quarter is not a semester
    previous, current = trend.points
    # By hand, the previous semester: per unsur the sum of the three visitors' answers.
    assert [previous.overall.totals[c] for c in skm_periods.CODES] == [9, 9, 7, 12, 9, 9, 10, 9, 8]
    assert previous.overall.result.converted == pytest.approx(82 / 27 * 25)  # 75,93: C
    assert previous.overall.result.grade == "C"
    assert previous.services["Pajak kendaraan tahunan"].result.converted == pytest.approx(54 / 18 * 25)  # 75,00
    assert previous.services["Balik nama kendaraan"].result.converted == pytest.approx(28 / 9 * 25)  # 77,78
    # This semester (the discarded visitor left out): sums 10, 10, 9, 12, 10, 10, 10, 9, 8 = 88.
    assert [current.overall.totals[c] for c in skm_periods.CODES] == [10, 10, 9, 12, 10, 10, 10, 9, 8]
    assert current.overall.respondents == 3
    assert current.overall.result.converted == pytest.approx(88 / 27 * 25)  # 81,48: B
    assert current.services["Pajak kendaraan tahunan"].result.converted == pytest.approx(28 / 9 * 25)
    assert current.services["Balik nama kendaraan"].nrr("U9") == pytest.approx((3 + 2) / 2)
    assert current.services["Balik nama kendaraan"].result.converted == pytest.approx(60 / 18 * 25)  # 83,33
    assert current.services["Layanan lainnya"].result is None
    assert trend.ikm_series("Pajak kendaraan tahunan") == pytest.approx([75.0, 28 / 9 * 25])
    # The grouped aggregate gives what the round's own results give from its rows.
    found = skm.results(session, now)
    assert current.overall.result.converted == pytest.approx(found.result.converted)
    assert [current.overall.nrr(u.code) for u in found.unsur] == pytest.approx([u.nrr for u in found.unsur])


def test_the_change_from_the_previous_period_goes_up_or_down_per_unsur(periods_of_skm, session):
    _, _, before, _, now = periods_of_skm
    trend = skm_periods.trend(session, now)
    assert trend.previous.round_id == before.id
    changes = {c.code: c for c in trend.changes}
    assert changes["IKM"].difference == pytest.approx((88 - 82) / 27 * 25)  # +5,56
    assert changes["IKM"].direction == "up"
    assert (changes["U3"].before, changes["U3"].after) == pytest.approx((7 / 3, 3))
    assert changes["U9"].direction == "same" and changes["U8"].direction == "same"
    assert changes["U7"].direction == "same" and changes["U1"].direction == "up"
    # The first period has nothing to compare with.
    first = skm_periods.trend(session, before)
    assert first.previous is None and first.changes == [] and len(first.points) == 1


def test_a_follow_up_of_the_weakest_unsur_is_shown_next_period_with_whether_it_improved(
        periods_of_skm, session, client, tmp_path):
    organisation, _, before, _, now = periods_of_skm
    weakest = skm.results(session, before).priorities[0]
    assert weakest.code == "U3" and weakest.nrr == pytest.approx(7 / 3)  # (2 + 2 + 3) / 3
    skm_follow_ups.add_follow_up(session, before, unsur="U3", action="Loket tambahan pada jam sibuk",
                                 unit="Seksi Pelayanan", due=date(2026, 3, 31), actor="hr@x.org")
    planned = skm_follow_ups.add_follow_up(session, before, unsur="U9", action="Kotak saran daring",
                                           unit="Humas", due=date(2026, 6, 30), actor="hr@x.org")
    skm_follow_ups.record_progress(session, before, planned.id, status="carried_out",
                                   done="Formulir daring dibuka", actor="hr@x.org")
    reviews = skm_follow_ups.reviews(session, skm_periods.trend(session, now))
    assert [(r.follow_up.unsur, r.before, r.after, r.improved) for r in reviews] == [
        ("U3", pytest.approx(7 / 3), pytest.approx(3.0), True), ("U9", pytest.approx(8 / 3), pytest.approx(8 / 3), False)]
    actions = [e.action for e in session.query(AuditEntry).filter_by(organisation_id=organisation.id)]
    assert actions.count("skm_follow_up_added") == 2 and actions.count("skm_follow_up_updated") == 1

    sign_in(client, session, organisation.id)
    page = client.get(f"/hr/rounds/{now.id}/ikm?lang=id").get_data(as_text=True)
    assert "Loket tambahan pada jam sibuk" in page and "Formulir daring dibuka" in page
    response = client.get(f"/hr/reports/ikm/{now.id}.pdf")
    assert response.status_code == 200
    text = pdf_text(response.data, tmp_path)
    review = text.split("Tindak lanjut periode sebelumnya")[1]
    u3 = next(line for line in review.splitlines() if "Loket tambahan" in line)
    assert "2,33" in u3 and "3,00" in u3 and "ya" in u3.split("3,00")[1]


def pdf_text(data: bytes, tmp_path) -> str:
    pdf = tmp_path / "ikm.pdf"
    pdf.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_the_report_prints_the_published_table_trend_and_plan_in_indonesian(periods_of_skm, session, client, tmp_path):
    organisation, _, before, _, now = periods_of_skm
    skm_follow_ups.add_follow_up(session, now, unsur="U9", action="Pelatihan penanganan pengaduan",
                                 unit="Sekretariat", due=date(2026, 9, 30), actor="hr@x.org")
    sign_in(client, session, organisation.id)
    text = pdf_text(client.get(f"/hr/reports/ikm/{now.id}.pdf").data, tmp_path)
    u1 = next(line for line in text.splitlines() if line.strip().startswith("U1 "))
    assert u1.split()[-5:] == ["3", "10", "3,33", "0,370", "83,33"]  # answers, total, NRR, x 0,111, x 25
    assert "81,48" in text and "Semester I 2026" in text and "Semester II 2025" in text
    trend = text.split("Tren per periode")[1]
    ikm_row = next(line for line in trend.splitlines() if line.strip().startswith("IKM"))
    assert ikm_row.split()[-5:] == ["75,93", "81,48", "+5,56", "▲", "naik"]
    u3 = next(line for line in trend.splitlines() if line.strip().startswith("U3 "))
    assert u3.split()[-5:] == ["2,33", "3,00", "+0,67", "▲", "naik"]
    assert "Pelatihan penanganan pengaduan" in text and "Sekretariat" in text and "2026-09-30" in text
    assert "Saran" in text


def test_a_period_must_be_a_year_semester_or_quarter_and_a_refused_one_writes_nothing(periods_of_skm, session, client):
    organisation, version, _, _, now = periods_of_skm
    with pytest.raises(Invalid, match="year, a semester or a quarter"):
        skm_periods.set_period(session, now, "2026-03", "hr@x.org")
    with pytest.raises(Invalid, match="not a period"):
        skm_periods.set_period(session, now, "semester depan", "hr@x.org")
    session.expire_all()
    assert session.get(Round, now.id).period == "2026-S1"
    sign_in(client, session, organisation.id)
    count = session.query(Round).count()
    made = post(client, "/hr/rounds/new", round_form(kind="satisfaction", title="SKM Maret", period="2026-03",
                                                      version_id=version.id, language="id"))
    assert made.status_code == 400 and session.query(Round).count() == count
    page = f"/hr/rounds/{now.id}/ikm"
    refused = post(client, f"{page}/period", {"period": "2026-03"}, page=page)
    assert refused.status_code == 400 and "semester" in refused.get_data(as_text=True)
    session.expire_all()
    assert session.get(Round, now.id).period == "2026-S1"
    moved = post(client, f"{page}/period", {"period": "2026-S2"}, page=page)
    assert moved.status_code == 302
    session.expire_all()
    assert session.get(Round, now.id).period == "2026-S2"
    assert session.query(AuditEntry).filter_by(action="skm_period_set").count() == 1


@pytest.mark.parametrize("values, field", [
    ({"unsur": "U10", "action": "x", "unit": "y", "due": "2026-05-01"}, "unsur"),
    ({"unsur": "U3", "action": " ", "unit": "y", "due": "2026-05-01"}, "action"),
    ({"unsur": "U3", "action": "x", "unit": "", "due": "2026-05-01"}, "unit"),
    ({"unsur": "U3", "action": "x", "unit": "y", "due": "31-31-2026"}, "due"),
    ({"unsur": "U3", "action": "x", "unit": "y" * 201, "due": "2026-05-01"}, "unit"),
])
def test_a_follow_up_with_bad_input_says_why_and_writes_nothing(periods_of_skm, session, client, values, field):
    organisation, _, _, _, now = periods_of_skm
    sign_in(client, session, organisation.id)
    page = f"/hr/rounds/{now.id}/ikm"
    response = post(client, f"{page}/follow-ups", values, page=page)
    assert response.status_code == 400
    assert 'class="error"' in response.get_data(as_text=True)
    assert session.query(SkmFollowUp).count() == 0
    assert session.query(AuditEntry).filter(AuditEntry.action.like("skm_follow_up%")).count() == 0


def test_a_follow_up_marked_carried_out_needs_what_was_done(periods_of_skm, session, client):
    organisation, _, _, _, now = periods_of_skm
    sign_in(client, session, organisation.id)
    page = f"/hr/rounds/{now.id}/ikm"
    made = post(client, f"{page}/follow-ups", {"unsur": "U9", "action": "Kotak saran", "unit": "Humas",
                                               "due": "2026-06-30"}, page=page)
    assert made.status_code == 302
    follow_up = session.query(SkmFollowUp).one()
    refused = post(client, f"{page}/follow-ups/{follow_up.id}", {"status": "carried_out", "done": ""}, page=page)
    assert refused.status_code == 400
    session.expire_all()
    assert session.get(SkmFollowUp, follow_up.id).status == "planned"
    with pytest.raises(Invalid, match="not one of this survey"):
        skm_follow_ups.record_progress(session, periods_of_skm[2], follow_up.id, status="under_way", done="",
                                       actor="hr@x.org")
    done = post(client, f"{page}/follow-ups/{follow_up.id}", {"status": "carried_out", "done": "Dibuka"}, page=page)
    assert done.status_code == 302
    session.expire_all()
    assert (session.get(SkmFollowUp, follow_up.id).status, session.get(SkmFollowUp, follow_up.id).done) == (
        "carried_out", "Dibuka")


def test_the_ikm_of_nrrs_is_the_ikm_of_the_answers():
    answers = np.array([[4, 3, 3], [2, 3, 4]], dtype=float)
    of_nrr, of_answers = ikm_maths.of_nrr(ikm_maths.nrr(answers), 2), ikm_maths.ikm(answers)
    assert (of_nrr.converted, of_nrr.grade, of_nrr.respondents) == (of_answers.converted, of_answers.grade, 2)
    with pytest.raises(ValueError, match="every unsur needs an NRR"):
        ikm_maths.of_nrr([3.0, float("nan")], 1)
    with pytest.raises(ValueError, match="outside 1-4"):
        ikm_maths.of_nrr([3.0, 4.5], 1)


def test_an_invited_persons_latest_answer_counts_and_a_removed_persons_none(periods_of_skm, app, session):
    organisation, version, before, _, _ = periods_of_skm
    later = survey(app, session, organisation, version, "2026-S2", [(2, [4, 4, 4, 4, 4, 4, 4, 4, 4])])
    asked = questionnaires.questions(session, later)
    kept, _ = invite_person(app, session, organisation, later, "Ani")
    questionnaires.submit_answers(session, kept, form_values(asked, [2] * 9, profile=(0, 1, 2, 3, 0)), "ani")
    u1 = next(q for q in asked if q.role == skm.SKM + "U1")
    questionnaires.correct_response(session, later, kept.id, u1.id, "3", "Salah ketik", "hr@x.org")  # d -> 4
    removed, _ = invite_person(app, session, organisation, later, "Budi")
    questionnaires.submit_answers(session, removed, form_values(asked, [1] * 9, profile=(0, 1, 2, 3, 0)), "budi")
    rounds.remove_participant(session, later, removed.id, "hr@x.org")
    point = skm_periods.trend(session, later).current
    # By hand: Ani (first service) 4, 2, 2, ... after the correction; the visitor (second service) all 4.
    assert point.services["Pajak kendaraan tahunan"].totals["U1"] == 4
    assert [point.overall.totals[c] for c in skm_periods.CODES] == [8] + [6] * 8
    assert point.overall.respondents == 2
    assert point.overall.result.converted == pytest.approx((8 + 6 * 8) / 18 * 25)
    assert point.overall.result.converted == pytest.approx(skm.results(session, later).result.converted)


def test_a_viewer_sees_how_many_suggestions_were_left_not_their_words(app, session, client, tmp_path):
    organisation, version = build_samsat(session, stakeholders=0)
    round_ = survey(app, session, organisation, version, "2026-S1", [])
    asked = questionnaires.questions(session, round_)
    for n, words in enumerate(["Ruang tunggu panas", "Antrean terlalu lama", ""]):
        public.submit(session, round_, form_values(asked, [3] * 9, suggestion=words), f"s-{n}", client=f"10.9.0.{n}",
                      settings=app.config, locale="id")
    sign_in(client, session, organisation.id, email="viewer@example.org", role="viewer")
    page = client.get(f"/hr/rounds/{round_.id}/ikm?lang=id").get_data(as_text=True)
    assert "2 responden memberikan saran" in page and "Ruang tunggu panas" not in page
    text = pdf_text(client.get(f"/hr/reports/ikm/{round_.id}.pdf").data, tmp_path)
    assert "2 responden memberikan saran" in text and "Antrean" not in text
