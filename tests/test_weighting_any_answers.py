"""Weighting rounds give results for any stored answers, at any cluster size up to 30, computed once per change."""
import re
import shutil
import subprocess

import numpy as np
import pytest
from sqlalchemy import func, select

from analysis.ahp import scale_label
from survey.models import ClusterAnswer, Invitation, Judgment, Round
from survey.services import accounts, answers, api_tokens, people, results, rounds, scorecards
from tests.web import csrf, hidden, post, round_form, sign_in

import pandas as pd


def build_office(session, kpis: int, stakeholders: int = 2):
    """Two perspectives (a 2-element page); the first has one objective with ``kpis`` KPIs."""
    organisation = accounts.create_organisation(session, "Dinas")
    version = scorecards.create_scorecard(session, organisation.id, "BSC", "2026")
    rows = [{"code": "P1", "kind": "perspective", "parent": "", "name": "Pelanggan"},
            {"code": "P2", "kind": "perspective", "parent": "", "name": "Keuangan"},
            {"code": "O1", "kind": "objective", "parent": "P1", "name": "Layanan cepat"},
            {"code": "O2", "kind": "objective", "parent": "P2", "name": "Anggaran tepat"},
            {"code": "K0", "kind": "kpi", "parent": "O2", "name": "Serapan anggaran"}]
    rows += [{"code": f"K{k + 1}", "kind": "kpi", "parent": "O1", "name": f"Indikator {k + 1}"} for k in range(kpis)]
    scorecards.import_scorecard(session, version, pd.DataFrame(rows))
    for k in range(stakeholders):
        people.add_person(session, organisation.id, name=f"Pemangku {k}", email=f"p{k}@example.org", role="Kepala")
    return organisation, version


def launch(client, session, kpis=3, **options):
    organisation, version = build_office(session, kpis)
    sign_in(client, session, organisation.id)
    response = post(client, "/hr/rounds/new", round_form(version_id=version.id, allow_dont_know="y",
                                                         ask_identity="", **options))
    assert response.status_code == 302, re.findall(r'class="error"[^>]*>([^<]*)', response.get_data(as_text=True))
    round_ = session.get(Round, int(response.headers["Location"].rsplit("/", 1)[1]))
    links = []
    for person in people.people(session, organisation.id):
        invitation, token = rounds.new_invitation(round_, person, "test")
        session.add(invitation)
        links.append((invitation, f"/r/{token}"))
    session.commit()
    return organisation, round_, links


def post_page(client, url, choices):
    """Send a pairwise page with radio values as a browser would ('dk' for don't know)."""
    page = client.get(url).get_data(as_text=True)
    data = {"csrf_token": csrf(client, url), "submission": hidden(page, "submission")}
    data.update({f"p_{r}_{c}": choice for (r, c), choice in choices.items()})
    return client.post(url, data=data)


def chain_with_dont_knows(cluster, rng, share=0.5):
    """Random answers to a page, about ``share`` of them "don't know", the chain of neighbours always answered."""
    position = {m.id: i for i, m in enumerate(cluster.members)}
    choices = {}
    for a, b in cluster.pairs:
        if position[b.id] != position[a.id] + 1 and rng.random() < share:
            choices[(a.id, b.id)] = "dk"
        else:
            choices[(a.id, b.id)] = scale_label(float(rng.choice([1 / 3, 1 / 2, 1, 2, 3, 5])))
    return choices


def store_as_an_earlier_version_did(session, invitation, cluster, values):
    """Judgments saved before pages were checked for unlinked elements (that check is what refuses them now)."""
    session.add_all(Judgment(invitation_id=invitation.id, cluster=cluster.key, row_id=a.id, column_id=b.id,
                             value=values.get((a.id, b.id)), revision=1) for a, b in cluster.pairs)
    session.add(ClusterAnswer(invitation_id=invitation.id, cluster=cluster.key, cr=0.0, status="accepted", reasks=0))
    session.commit()


def test_a_dont_know_that_leaves_an_element_unlinked_is_refused_at_the_pair_and_stores_nothing(client, session):
    _, round_, links = launch(client, session)
    invitation, link = links[0]
    root = answers.questionnaire(session, invitation)[0]
    (pair,) = [(a.id, b.id) for a, b in root.pairs]
    response = post_page(client, f"{link}/c/root", {pair: "dk"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Terlalu banyak jawaban &#34;tidak tahu&#34;" in page or 'Terlalu banyak jawaban "tidak tahu"' in page
    marked = re.search(rf'<fieldset class="pair invalid" id="p_{pair[0]}_{pair[1]}"', page)
    assert marked, "the pair to answer is marked"
    assert session.scalar(select(func.count(Judgment.id))) == 0
    assert session.scalar(select(func.count(ClusterAnswer.id))) == 0


@pytest.fixture
def legacy_dont_know(client, session):
    """One respondent answered the 2-element page with "don't know" (stored before the check), one gave 3."""
    organisation, round_, links = launch(client, session)
    (first, _), (second, _) = links
    for invitation, value in ((first, None), (second, 3.0)):
        for cluster in answers.questionnaire(session, invitation):
            pairs = {(a.id, b.id): 2.0 for a, b in cluster.pairs}
            if cluster.key == "root":
                pairs = {pair: value for pair in pairs}
            store_as_an_earlier_version_did(session, invitation, cluster, pairs)
    return organisation, round_


def test_a_stored_dont_know_on_a_2_element_page_leaves_that_respondent_out_and_everything_answers(
        client, session, legacy_dont_know):
    organisation, round_ = legacy_dont_know
    outcome = results.results(session, round_)
    root = next(c for c in outcome.clusters if c.key == "root")
    assert (root.respondents, root.unusable, root.state) == (1, 1, "ok")
    np.testing.assert_allclose(root.weights, [0.75, 0.25])  # the other respondent's 3 alone
    assert sum(outcome.global_weights[e.id] for e in scorecards.elements(session, round_.version_id)
               if e.kind == "kpi") == pytest.approx(1)

    page = client.get(f"/hr/rounds/{round_.id}/results")
    assert page.status_code == 200
    assert "1 dari 2 responden tidak dapat digunakan pada halaman ini" in page.get_data(as_text=True)

    csv = client.get(f"/hr/reports/weighting/{round_.id}/matrices.csv")
    assert csv.status_code == 200 and "left_out_dont_know" in csv.get_data(as_text=True)
    first_root_row = csv.get_data(as_text=True).splitlines()[1]
    assert first_root_row.endswith(',"ok",1,1') or first_root_row.endswith(",ok,1,1")

    _, raw = api_tokens.create_token(session, organisation.id, "HRIS")
    body = client.get(f"/api/rounds/{round_.id}/results", headers={"Authorization": f"Bearer {raw}"})
    assert body.status_code == 200
    api_root = next(c for c in body.get_json()["clusters"] if c["cluster"] == "root")
    assert api_root["left_out_dont_know"] == 1 and "too many \"don't know\"" in api_root["note"]
    assert api_root["weights"] == pytest.approx([0.75, 0.25])

    pdf = client.get(f"/hr/reports/weighting/{round_.id}.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-", "-"], input=pdf.data, capture_output=True, check=True).stdout
        assert "1 dari 2 responden tidak dapat digunakan" in " ".join(text.decode().split())


def test_a_page_no_finished_respondent_can_be_used_on_has_not_enough_answers_and_cannot_be_published(
        client, session):
    organisation, round_, links = launch(client, session, kpis=4)
    for invitation, _ in links:
        for cluster in answers.questionnaire(session, invitation):
            values = {(a.id, b.id): 2.0 for a, b in cluster.pairs}
            if len(cluster.members) == 4:  # both link K1 with K2 and K3 with K4, and nothing in between
                values = {pair: value if pair in {(cluster.members[0].id, cluster.members[1].id),
                                                  (cluster.members[2].id, cluster.members[3].id)} else None
                          for pair, value in values.items()}
            store_as_an_earlier_version_did(session, invitation, cluster, values)
    outcome = results.results(session, round_)
    kpis = next(c for c in outcome.clusters if len(c.members) == 4)
    assert (kpis.state, kpis.unusable, kpis.weights) == ("not_enough", 2, None)
    assert not outcome.complete and outcome.global_weights == {}
    page = client.get(f"/hr/rounds/{round_.id}/results").get_data(as_text=True)
    assert "Belum cukup jawaban" in page and "2 dari 2 responden" in page
    response = post(client, f"/hr/rounds/{round_.id}/publish", {}, page=f"/hr/rounds/{round_.id}/results",
                    follow_redirects=True)
    assert response.status_code == 200 and "sebelum bobot dapat diterbitkan" in response.get_data(as_text=True)
    assert all(e.global_weight is None for e in scorecards.elements(session, round_.version_id))
    pdf = client.get(f"/hr/reports/weighting/{round_.id}.pdf")
    assert pdf.status_code == 200


@pytest.mark.parametrize("kpis, table", [(17, "donegan_dodd"), (25, "alonso_lamata")])
def test_large_clusters_with_many_dont_knows_are_answered_and_weighted_through_the_site(client, session, kpis, table):
    organisation, round_, links = launch(client, session, kpis=kpis, ri_table=table, max_reasks="0")
    rng = np.random.default_rng(kpis)
    for invitation, link in links:
        for cluster in answers.questionnaire(session, invitation):
            url = f"{link}/c/{cluster.key}"
            if len(cluster.members) == kpis:
                shown = client.get(url).get_data(as_text=True)
                assert f"Pasangan di halaman ini: {kpis * (kpis - 1) // 2}." in shown
            response = post_page(client, url, chain_with_dont_knows(cluster, rng))
            assert response.status_code == 302, re.findall(r'role="alert">([^<]*)', response.get_data(as_text=True))
    session.expire_all()
    assert rounds.progress(session, round_).completed == 2
    outcome = results.results(session, round_)
    large = next(c for c in outcome.clusters if len(c.members) == kpis)
    assert large.state == "ok" and large.respondents == 2 and large.weights.sum() == pytest.approx(1)
    assert client.get(f"/hr/rounds/{round_.id}/results").status_code == 200


def test_a_random_index_table_too_short_for_the_scorecard_is_refused_when_the_round_is_made(client, session):
    organisation, version = build_office(session, 17)
    sign_in(client, session, organisation.id)
    response = post(client, "/hr/rounds/new", round_form(version_id=version.id, ri_table="saaty"))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "berhenti pada 15 elemen" in page and "O1 Layanan cepat" in page and "17" in page
    assert session.scalar(select(func.count(Round.id))) == 0


def test_a_page_larger_than_an_older_rounds_table_says_where_the_table_stops(client, session):
    _, round_, links = launch(client, session, kpis=17, ri_table="donegan_dodd")
    round_.ri_table = "saaty"  # as rounds made before the table was checked at creation could be
    session.commit()
    invitation, link = links[0]
    large = next(c for c in answers.questionnaire(session, invitation) if len(c.members) == 17)
    choices = {(a.id, b.id): "2" for a, b in large.pairs}
    response = post_page(client, f"{link}/c/{large.key}", choices)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "berhenti pada 15 elemen" in page and "tidak tahu" not in page.split("</h1>", 1)[1].split("<form")[0]
    assert session.scalar(select(func.count(Judgment.id))) == 0


def test_results_are_computed_once_per_change_and_reused_by_every_view(client, session, monkeypatch, legacy_dont_know):
    organisation, round_ = legacy_dont_know
    computed = []
    real_compute = results._compute
    monkeypatch.setattr(results, "_compute", lambda *args: computed.append(1) or real_compute(*args))
    _, raw = api_tokens.create_token(session, organisation.id, "HRIS")
    for url in (f"/hr/rounds/{round_.id}/results", f"/hr/reports/weighting/{round_.id}/matrices.csv",
                f"/hr/reports/weighting/{round_.id}/weights.xlsx", f"/hr/reports/weighting/{round_.id}.html",
                f"/hr/rounds/{round_.id}/results"):
        assert client.get(url).status_code == 200
    assert client.get(f"/api/rounds/{round_.id}/results", headers={"Authorization": f"Bearer {raw}"}).status_code == 200
    assert len(computed) == 1
    # A respondent's change (a kept re-ask changes only a page's state) is a new result.
    answer = session.scalars(select(ClusterAnswer).join(Invitation).where(Invitation.round_id == round_.id)).first()
    answer.status = "kept_inconsistent"
    session.commit()
    assert client.get(f"/hr/rounds/{round_.id}/results").status_code == 200
    assert len(computed) == 2


def test_the_weighting_pdf_marks_a_group_cr_above_the_rounds_threshold(client, session):
    organisation, round_, links = launch(client, session, kpis=3)
    circular = {}
    for invitation, _ in links:  # every respondent judges A > B > C > A: the group matrix is inconsistent
        for cluster in answers.questionnaire(session, invitation):
            members = cluster.members
            values = {(a.id, b.id): 2.0 for a, b in cluster.pairs}
            if len(members) == 3:
                values = {(members[0].id, members[1].id): 5.0, (members[1].id, members[2].id): 5.0,
                          (members[0].id, members[2].id): 1 / 5}
                circular = values
            store_as_an_earlier_version_did(session, invitation, cluster, values)
    assert circular
    html = client.get(f"/hr/reports/weighting/{round_.id}.html").get_data(as_text=True)
    assert "di atas batas 0,10" in html
