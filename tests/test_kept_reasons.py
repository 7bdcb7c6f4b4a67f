"""The reasons stakeholders give for keeping inconsistent answers reach HR: the round page, the results,
the weighting report and the judgments export."""
import csv
import io
import uuid

from survey.services import answers, people, reports, rounds
from tests.samsat_site import build_samsat, published_answers
from tests.web import sign_in

REASON = "Pelayanan publik paling utama"


def a_round_with_a_kept_reason(client, session):
    organisation, version = build_samsat(session)
    sign_in(client, session, organisation.id)
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot 2010")
    rounds.invite(session, round_, [p.id for p in people.people(session, organisation.id)],
                  {"SECRET_KEY": "test", "PUBLIC_URL": "http://neraca.test"})
    keeper, _other, _third = [p.invitation for p in rounds.progress(session, round_).participants]
    for cluster in answers.questionnaire(session, keeper):
        if cluster.key != "root":
            answers.submit_cluster(session, keeper, cluster, published_answers(cluster), uuid.uuid4().hex)
            continue
        F, C, I, L = cluster.members
        bad = {(F.id, C.id): 9, (F.id, I.id): 9, (F.id, L.id): 1 / 9, (C.id, I.id): 1 / 9, (C.id, L.id): 9,
               (I.id, L.id): 9}
        answers.submit_cluster(session, keeper, cluster, bad, uuid.uuid4().hex)
        reask = answers.open_reask(session, keeper, "root")
        same = {(p["row_id"], p["column_id"]): p["current"] for p in reask.pairs_shown}
        answers.submit_reask(session, keeper, cluster, same, REASON, uuid.uuid4().hex)
    return round_, keeper


def test_hr_reads_the_reasons_on_the_round_page_results_report_and_judgments_export(client, session):
    round_, _keeper = a_round_with_a_kept_reason(client, session)
    page = f"/hr/rounds/{round_.id}"
    for url in (page, f"{page}/results", f"/hr/reports/weighting/{round_.id}.html"):
        shown = client.get(url, headers={"Accept-Language": "id"}).get_data(as_text=True)
        assert "Alasan mempertahankan jawaban yang tidak konsisten" in shown and REASON in shown, url
        assert "Stakeholder 0" in shown
    exported = client.get(f"/hr/reports/weighting/{round_.id}/judgments.csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(exported.lstrip("\ufeff"))))
    root_rows = [row for row in rows if row["cluster"] == "root"]
    assert root_rows and {row["kept_reason"] for row in root_rows} == {REASON}
    assert {row["kept_reason"] for row in rows if row["cluster"] != "root"} == {""}


def test_a_removed_respondents_reason_leaves_the_results_but_stays_in_the_export(client, session):
    round_, keeper = a_round_with_a_kept_reason(client, session)
    rounds.remove_participant(session, round_, keeper.id, "hr@example.org")
    assert reports.kept_reasons(session, round_) == []
    assert REASON not in client.get(f"/hr/rounds/{round_.id}/results").get_data(as_text=True)
    exported = client.get(f"/hr/reports/weighting/{round_.id}/judgments.csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(exported.lstrip("\ufeff"))))
    assert {row["removed"] for row in rows} == {"yes"} and REASON in {row["kept_reason"] for row in rows}
