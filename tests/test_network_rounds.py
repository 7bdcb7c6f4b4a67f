"""Network (ANP) rounds through the site: HR draws the influences, stakeholders answer "with respect to X,
which matters more?", HR reads the three supermatrices and publishes the KPIs' limit priorities."""
from io import BytesIO

import numpy as np
import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from analysis.ahp import aggregate, priorities, scale_label
from analysis.anp import cluster_normalised, limit_supermatrix, unweighted_supermatrix, weighted_supermatrix
from survey.models import Element, Influence, Invitation, Judgment, Round
from survey.services import answers, api_tokens, network, people, results, rounds, scorecards
from tests.helpers.network import NETWORK, small_scorecard  # noqa: F401
from tests.web import csrf, hidden, post, round_form, sign_in


def draw(client, version, links):
    codes = {e.code: e.id for e in version.elements}
    for target, sources in links.items():
        url = f"/hr/versions/{version.id}/network/{codes[target]}"
        response = post(client, url, {"sources": [str(codes[s]) for s in sources]})
        assert response.status_code == 302, response.get_data(as_text=True)


def answer(client, token, values):
    """Answer every page the round asks, each pair with ``values(page, a, b)``; the pages seen, in order."""
    seen = []
    while True:
        location = client.get(f"/r/{token}/next").headers["Location"]
        if location.endswith("/done"):
            return seen
        with client.application.extensions["neraca.sessionmaker"]() as session:
            page = answers.cluster_by_key(session, invitation_of(client, token), location.rsplit("/", 1)[1])
        text = client.get(location).get_data(as_text=True)
        data = {"csrf_token": csrf(client, location), "submission": hidden(text, "submission")}
        data.update({f"p_{a.id}_{b.id}": choice if isinstance(choice, str) else scale_label(choice)
                     for a, b in page.pairs for choice in [values(page, a, b)]})
        assert client.post(location, data=data).status_code == 302
        seen.append((page.parent.code, [m.code for m in page.members], text))


def invitation_of(client, token):
    with client.application.extensions["neraca.sessionmaker"]() as session:
        found = answers.find_invitation(session, token)
        session.expunge_all()
        return found


def expected_limit_weights(session, round_, respondent_weights=None):
    """analysis.anp on the stored judgments, independently of the site's own results code; each respondent
    (in invitation order) weighted by ``respondent_weights`` (equal when None)."""
    the_network = network.network(session, round_.version)
    invitations = session.scalars(select(Invitation.id).where(Invitation.round_id == round_.id)
                                  .order_by(Invitation.id)).all()
    local = {(s.target.id, s.cluster): {n.id: 0.0 for n in the_network.nodes if n.kind == s.cluster}
             for s in the_network.sets}
    for s in the_network.sets:
        if not s.asked:
            local[(s.target.id, s.cluster)][s.members[0].id] = 1.0
            continue
        position = {e.id: k for k, e in enumerate(s.members)}
        stack = []
        for invitation_id in invitations:
            A = np.eye(len(s.members))
            for j in session.scalars(select(Judgment).where(Judgment.invitation_id == invitation_id,
                                                           Judgment.cluster == s.key).order_by(Judgment.revision)):
                A[position[j.row_id], position[j.column_id]] = j.value
                A[position[j.column_id], position[j.row_id]] = 1 / j.value
            stack.append(A)
        w = priorities(aggregate(np.stack(stack), [1.0] * len(stack) if respondent_weights is None
                                 else respondent_weights))
        local[(s.target.id, s.cluster)].update({e.id: float(x) for e, x in zip(s.members, w)})
    ids, kinds = [n.id for n in the_network.nodes], [n.kind for n in the_network.nodes]
    W = weighted_supermatrix(unweighted_supermatrix(ids, kinds, local), kinds,
                             {(c, d): 1.0 for c in kinds for d in kinds})
    limit = limit_supermatrix(W)
    kpis = [n.id for n in the_network.nodes if n.kind == "kpi"]
    return dict(zip(kpis, cluster_normalised(limit, kinds)["kpi"])), limit


def test_a_network_round_answered_through_the_site_publishes_the_limit_priorities_of_the_kpis(
        app, client, session):
    organisation, version = small_scorecard(session)
    sign_in(client, session, organisation.id)
    draw(client, version, NETWORK)
    assert "O2, K1, K2, K3" in client.get(f"/hr/versions/{version.id}/network").get_data(as_text=True)
    response = post(client, "/hr/rounds/new", round_form(kind="network", version_id=version.id, ask_identity="",
                                                         title="ANP 2026"))
    assert response.status_code == 302, response.get_data(as_text=True)
    round_ = session.scalar(select(Round).where(Round.title == "ANP 2026"))
    tokens = []
    for person in people.people(session, organisation.id):
        invitation, token = rounds.new_invitation(round_, person, "test")
        session.add(invitation)
        tokens.append(token)
    session.commit()

    def first(page, a, b):  # consistent: the earlier element counts twice as much
        return 2.0

    pages = answer(client, tokens[0], first)
    # Exactly the comparisons the network needs: a page per element with two or more influencers in a cluster.
    assert [(target, members) for target, members, _ in pages] == [
        ("O1", ["K1", "K2", "K3"]), ("O2", ["K1", "K3"]), ("K1", ["O1", "O2"]), ("K2", ["O1", "O2"]),
        ("K3", ["O1", "O2"])]
    assert "Dibandingkan terhadap Name of O1" in pages[0][2]  # the round speaks Indonesian

    def second(page, a, b):  # inconsistent on the three KPIs: K1 > K2 > K3 > K1
        return {("K1", "K2"): 9.0, ("K1", "K3"): 1 / 9, ("K2", "K3"): 9.0}.get((a.code, b.code), 1 / 3)

    location = None
    for _ in range(10):
        location = client.get(f"/r/{tokens[1]}/next").headers["Location"]
        if location.endswith("/reask") or location.endswith("/done"):
            break
        page = answers.cluster_by_key(session, invitation_of(client, tokens[1]), location.rsplit("/", 1)[1])
        text = client.get(location).get_data(as_text=True)
        data = {"csrf_token": csrf(client, location), "submission": hidden(text, "submission"),
                **{f"p_{a.id}_{b.id}": scale_label(second(page, a, b)) for a, b in page.pairs}}
        client.post(location, data=data)
    assert location.endswith("/reask")  # CR too high: asked again, as in a weighting round
    text = client.get(location).get_data(as_text=True)
    key = location.split("/c/")[1].split("/")[0]
    reask = answers.open_reask(session, invitation_of(client, tokens[1]), key)
    data = {"csrf_token": csrf(client, location), "submission": hidden(text, "submission"), "reason": "Saya yakin",
            **{f"p_{p['row_id']}_{p['column_id']}": scale_label(p["current"]) for p in reask.pairs_shown}}
    assert client.post(location, data=data).status_code == 302
    answer(client, tokens[1], second)
    # The same pair asked with respect to two elements is stored once per page, revision 1 each.
    k1, k3 = (session.scalar(select(Element.id).where(Element.version_id == version.id, Element.code == c))
              for c in ("K1", "K3"))
    assert session.scalar(select(func.count()).select_from(Judgment).where(
        Judgment.row_id == k1, Judgment.column_id == k3, Judgment.revision == 1)) == 4

    round_page = client.get(f"/hr/rounds/{round_.id}").get_data(as_text=True)
    assert "O1/kpi" in round_page and "Saya yakin" in round_page  # CR per page, and the reason for keeping
    printed = client.get(f"/hr/reports/weighting/{round_.id}.html")
    assert printed.status_code == 200 and "O1 Name of O1/kpi" in printed.get_data(as_text=True)
    page = client.get(f"/hr/rounds/{round_.id}/results").get_data(as_text=True)
    assert "Supermatriks limit" in page and "Supermatriks tertimbang" in page and "CR kelompok" in page
    assert post(client, f"/hr/rounds/{round_.id}/publish", {}, page=f"/hr/rounds/{round_.id}/results"
                ).status_code == 302
    session.expire_all()
    expected, limit = expected_limit_weights(session, round_)
    published = {e.id: e.global_weight for e in session.scalars(select(Element).where(
        Element.version_id == version.id, Element.kind == "kpi"))}
    assert published == pytest.approx(expected, abs=1e-12)
    assert sum(published.values()) == pytest.approx(1)
    assert round_.version.weights_source == "round" and round_.version.weights_round_id == round_.id

    _, raw = api_tokens.create_token(session, organisation.id, "HRIS")
    body = client.get(f"/api/rounds/{round_.id}/results", headers={"Authorization": f"Bearer {raw}"}).get_json()
    assert [c["cluster"] for c in body["clusters"]] == ["O1/kpi", "O2/kpi", "K1/objective", "K2/objective",
                                                        "K3/objective"]
    assert {code: body["global_weights"][code] for code in ("K1", "K2", "K3")} == pytest.approx(
        {e.code: e.global_weight for e in round_.version.elements if e.kind == "kpi"})

    export = client.get(f"/hr/rounds/{round_.id}/supermatrices.xlsx")
    book = load_workbook(BytesIO(export.data))
    assert book.sheetnames == ["Unweighted Super Matrix", "Weighted Super Matrix", "Limit Matrix"]
    rows = list(book["Limit Matrix"].values)
    assert rows[0][:3] == (None, None, "Sasaran strategis") and rows[1][2] == "O1 Name of O1"
    assert rows[2][:2] == ("Sasaran strategis", "O1 Name of O1") and rows[4][0] == "IKU"
    np.testing.assert_allclose([row[2:] for row in rows[2:]], limit, atol=1e-12)


def test_a_reducible_network_says_a_cluster_receives_no_weight_in_the_limit(app, client, session):
    # The KPIs influence only each other: the objectives' weight flows into them and never comes back.
    organisation, version = small_scorecard(session)
    sign_in(client, session, organisation.id)
    draw(client, version, {"O1": ["K1", "K2"], "O2": ["K2", "K3"], "K1": ["K2", "K3"], "K2": ["K1", "K3"],
                           "K3": ["K1", "K2"]})
    response = post(client, "/hr/rounds/new", round_form(kind="network", version_id=version.id, ask_identity="",
                                                         language="en", title="Reducible"))
    assert response.status_code == 302, response.get_data(as_text=True)
    round_ = session.scalar(select(Round).where(Round.title == "Reducible"))
    invitation, token = rounds.new_invitation(round_, people.people(session, organisation.id)[0], "test")
    session.add(invitation)
    session.commit()
    answer(client, token, lambda page, a, b: 3.0)
    outcome = results.results(session, round_)
    assert outcome.network.cluster_weights["objective"] is None and outcome.network.limit[:2].sum() < 1e-9
    page = client.get(f"/hr/rounds/{round_.id}/results?lang=en").get_data(as_text=True)
    assert "This cluster receives no weight in the limit." in page
    assert outcome.global_weights and sum(outcome.global_weights[k] for k in outcome.global_weights
                                          if session.get(Element, k).kind == "kpi") == pytest.approx(1)


@pytest.mark.parametrize("links, message", [
    ({"O1": ["K1", "K2"], "K1": ["K2"], "K2": ["K1"]},  # one objective: a cluster of one element
     "Kluster Sasaran strategis hanya memiliki satu elemen (O1)"),
    ({"O1": ["O2"], "O2": ["O1"], "K1": ["K2", "K3"], "K2": ["K1"], "K3": ["K1"]},  # objectives apart from KPIs
     "Tidak ada pengaruh yang menghubungkan Sasaran strategis dengan IKU"),
])
def test_a_network_round_on_a_network_that_cannot_weigh_the_kpis_is_refused_at_the_field(
        app, client, session, links, message):
    organisation, version = small_scorecard(session)
    sign_in(client, session, organisation.id)
    draw(client, version, links)
    assert message in client.get(f"/hr/versions/{version.id}/network").get_data(as_text=True)
    response = post(client, "/hr/rounds/new", round_form(kind="network", version_id=version.id),
                    page="/hr/rounds/new")
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert session.scalar(select(func.count()).select_from(Round)) == 0


def test_an_influence_on_an_element_of_another_version_is_refused_and_nothing_is_stored(app, client, session):
    organisation, version = small_scorecard(session)
    other = scorecards.create_scorecard(session, organisation.id, "Other", "2026")
    stranger = scorecards.add_element(session, other, code="X", kind="perspective", name="Stranger")
    sign_in(client, session, organisation.id)
    o1 = next(e for e in version.elements if e.code == "O1")
    url = f"/hr/versions/{version.id}/network/{o1.id}"
    for sources in ([str(stranger.id)], ["K1"], [str(o1.id)]):
        response = post(client, url, {"sources": sources})
        assert response.status_code == 400
        assert ("Pilih elemen dari versi scorecard ini." if sources[0] != str(o1.id)
                else "Sebuah elemen tidak dapat memengaruhi dirinya sendiri.") in response.get_data(as_text=True)
    assert session.scalar(select(func.count()).select_from(Influence)) == 0


def test_dont_know_on_a_network_page_is_completed_as_in_a_weighting_round(app, client, session):
    organisation, version = small_scorecard(session)
    sign_in(client, session, organisation.id)
    draw(client, version, NETWORK)
    response = post(client, "/hr/rounds/new", round_form(kind="network", version_id=version.id, ask_identity="",
                                                         allow_dont_know="y", title="Tidak tahu"))
    assert response.status_code == 302, response.get_data(as_text=True)
    round_ = session.scalar(select(Round).where(Round.title == "Tidak tahu"))
    invitation, token = rounds.new_invitation(round_, people.people(session, organisation.id)[0], "test")
    session.add(invitation)
    session.commit()
    answer(client, token, lambda page, a, b: "dk" if (a.code, b.code) == ("K2", "K3") else 2.0)
    o1_kpis = next(s for s in network.network(session, round_.version).sets if s.key.endswith("-kpi")
                   and s.target.code == "O1")
    stored = answers.current_answers(session, invitation, o1_kpis.key)
    assert sorted(stored.values(), key=str) == [2.0, 2.0, None]
    outcome = results.results(session, round_)
    weights = outcome.clusters[0].weights  # K2 vs K3 completed from K1 vs K2 and K1 vs K3: equal
    assert weights[1] == pytest.approx(weights[2]) and outcome.unpublishable is None


def test_a_copied_version_keeps_its_network_so_next_years_network_round_can_start_from_it(app, client, session):
    organisation, version = small_scorecard(session)
    sign_in(client, session, organisation.id)
    draw(client, version, NETWORK)
    copy = scorecards.copy_version(session, version, "2027")
    links = {(s.target.code, tuple(e.code for e in s.members)) for s in network.network(session, copy).sets}
    assert links == {(s.target.code, tuple(e.code for e in s.members))
                     for s in network.network(session, version).sets}
    assert network.network(session, copy).problems == []


def test_a_comparison_set_larger_than_the_random_index_table_is_refused_at_the_table_field(app, client, session):
    organisation, version = small_scorecard(session)
    for k in range(4, 17):  # sixteen KPIs in all under O1 and O2
        scorecards.add_element(session, version, code=f"K{k}", kind="kpi", name=f"Name of K{k}", parent_code="O1")
    kpis = [f"K{k}" for k in range(1, 17)]
    sign_in(client, session, organisation.id)
    draw(client, version, {"O1": kpis, "O2": kpis + ["O1"], **{kpi: ["O1", "O2"] for kpi in kpis}})
    response = post(client, "/hr/rounds/new", round_form(kind="network", version_id=version.id), page="/hr/rounds/new")
    assert response.status_code == 400
    assert "Tabel indeks acak saaty berhenti pada 15 elemen, sedangkan O1 Name of O1/kpi memiliki 16" in \
        response.get_data(as_text=True)
    assert session.scalar(select(func.count()).select_from(Round)) == 0
    response = post(client, "/hr/rounds/new", round_form(kind="network", version_id=version.id,
                                                         ri_table="alonso_lamata"), page="/hr/rounds/new")
    assert response.status_code == 302


def test_a_network_rounds_intervals_are_its_respondents_drawn_again_through_the_limit(app, session):
    """Each draw's sets combined and taken to the limit by hand (analysis.anp), percentiles as the site's."""
    from analysis.uncertainty import resample_counts
    from survey.services import weight_intervals
    organisation, version = small_scorecard(session)
    codes = {e.code: e.id for e in version.elements}
    for target, sources in NETWORK.items():
        network.set_influencers(session, version, codes[target], [codes[s] for s in sources])
    people.add_person(session, organisation.id, name="Stakeholder 2", email="s2@example.org", weight=1)
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="ANP", kind="network",
                                 ask_identity=False)
    strengths = [2.0, 3.0, 0.5]
    for k, person in enumerate(people.people(session, organisation.id)):
        invitation, _token = rounds.new_invitation(round_, person, "test")
        session.add(invitation)
        session.commit()
        for page in answers.questionnaire(session, invitation):  # consistent: a_ij = s ** (j - i)
            place = {e.id: n for n, e in enumerate(page.members)}
            values = {(a.id, b.id): strengths[k] ** (place[b.id] - place[a.id]) for a, b in page.pairs}
            outcome = answers.submit_cluster(session, invitation, page, values, f"{k}-{page.key}")
            assert outcome.status != "reasking"
    draws = 40
    found = weight_intervals.weight_intervals(session, round_, resamples=draws)
    respondents = session.scalars(select(func.count()).select_from(Invitation)
                                  .where(Invitation.round_id == round_.id)).one()
    counts = resample_counts(respondents, draws, weight_intervals.SEED)
    by_hand = []
    for row in counts:
        weights, _limit = expected_limit_weights(session, round_, row)
        by_hand.append([weights[kpi.id] for kpi in found.kpis])
    by_hand = np.array(by_hand)
    assert np.allclose(found.global_weights.low, np.percentile(by_hand, 5, axis=0), atol=1e-9)
    assert np.allclose(found.global_weights.high, np.percentile(by_hand, 95, axis=0), atol=1e-9)
    assert [kpi.code for kpi in found.kpis] == ["K1", "K2", "K3"]
    assert np.all(found.global_weights.high > found.global_weights.low)
