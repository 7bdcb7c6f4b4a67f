"""How sure a round's weights are, from its own respondents: the site's intervals against the round's
stored answers drawn again by hand, on the results page and in the API."""
import numpy as np
import pytest

from analysis.ahp import aggregate, parse_judgment, priorities
from analysis.uncertainty import resample_counts
from survey.models import Person
from survey.services import answers, results, weight_intervals
from tests.helpers.weighting import answer_everything, invitations, launch
from tests.reference import samsat
from tests.samsat_site import published_answers
from tests.web import sign_in

DRAWS = 300


@pytest.fixture
def split_round(session):
    """The SAMSAT round: two respondents give the published judgments, one their inverse; weights 1, 2, 1."""
    organisation, version, round_ = launch(session)
    for k, invitation in enumerate(invitations(session, round_)):
        answer_everything(session, invitation, inverse=(k == 1))
        session.get(Person, invitation.person_id).weight = [1.0, 2.0, 1.0][k]
    session.commit()
    return organisation, version, round_


def test_a_pages_intervals_are_its_respondents_drawn_again_with_the_rounds_seed(session, split_round):
    _, _, round_ = split_round
    found = weight_intervals.weight_intervals(session, round_, resamples=DRAWS)
    people = invitations(session, round_)
    root = next(c for c in answers.questionnaire(session, people[0]) if c.key == "root")
    stack = []
    for k, invitation in enumerate(people):
        judged = published_answers(root, inverse=(k == 1))
        matrix = np.ones((len(root.members),) * 2)
        index = {element.id: i for i, element in enumerate(root.members)}
        for (a, b), value in judged.items():
            matrix[index[a], index[b]], matrix[index[b], index[a]] = value, 1 / value
        stack.append(matrix)
    stack, weights = np.stack(stack), np.array([1.0, 2.0, 1.0])
    counts = resample_counts(3, DRAWS, weight_intervals.SEED)
    by_hand = np.array([priorities(aggregate(stack, weights * row)) for row in counts])
    page = found.pages["root"]
    assert np.allclose(page.low, np.percentile(by_hand, 5, axis=0), atol=1e-12)
    assert np.allclose(page.high, np.percentile(by_hand, 95, axis=0), atol=1e-12)
    assert np.all(page.low < page.high)  # they disagree: the interval has width
    outcome = results.results(session, round_)
    assert np.allclose(found.global_weights.estimate, [outcome.global_weights[k.id] for k in found.kpis])
    assert np.all(found.global_weights.low <= found.global_weights.estimate + 1e-12)
    assert weight_intervals.weight_intervals(session, round_, resamples=DRAWS) is found  # computed once


def test_respondents_who_all_agree_give_intervals_of_no_width(session):
    _, _, round_ = launch(session)
    for invitation in invitations(session, round_):
        answer_everything(session, invitation)
    found = weight_intervals.weight_intervals(session, round_, resamples=50).global_weights
    assert np.allclose(found.low, found.estimate, atol=1e-12) and np.allclose(found.high, found.estimate, atol=1e-12)
    assert np.all(found.rank_kept == 1.0)


def test_the_results_page_and_the_api_show_each_kpis_interval(client, session, split_round):
    organisation, _, round_ = split_round
    sign_in(client, session, organisation.id)
    text = client.get(f"/hr/rounds/{round_.id}/results").get_data(as_text=True)
    assert "Interval 90 %" in text and "Mempertahankan peringkat" in text
    assert "diambil ulang secara acak, 2.000 kali" in text
    from survey.services import api_tokens
    _, raw = api_tokens.create_token(session, organisation.id, "SIMPEG", "hr@example.org")
    body = client.get(f"/api/rounds/{round_.id}/results", headers={"Authorization": f"Bearer {raw}"}).get_json()
    found = weight_intervals.weight_intervals(session, round_)
    assert body["intervals"]["resamples"] == 2000 and body["intervals"]["respondents"] == 3
    kpi = found.kpis[0]
    assert body["intervals"]["kpis"][kpi.code]["low"] == pytest.approx(found.of(kpi.id)[0], abs=1e-15)


def test_a_round_with_a_page_nobody_finished_has_no_intervals(session):
    _, _, round_ = launch(session)
    assert weight_intervals.weight_intervals(session, round_) is None


def test_what_if_a_perspective_weighed_less_rescales_the_others_and_reorders_the_kpis(client, session):
    organisation, version, round_ = launch(session)
    for invitation in invitations(session, round_):
        answer_everything(session, invitation)
    from survey.services import weight_sensitivity
    outcome = results.results(session, round_)
    customer = next(e for e in version.elements if e.code == "C")
    found = weight_sensitivity.sensitivity(session, round_, customer.id, "20", "id")
    element, share, kpis = found.tried
    assert element.id == customer.id and share == 0.2
    w = outcome.local[customer.id]
    parent_of = {e.id: e.parent_id for e in version.elements}
    for kpi, weight in kpis:  # below C: times 0,2 / w; below the others: times 0,8 / (1 - w)
        factor = 0.2 / w if parent_of[kpi.parent_id] == customer.id else 0.8 / (1 - w)
        assert weight == pytest.approx(outcome.global_weights[kpi.id] * factor, abs=1e-12)
    assert [weight for _, weight in kpis] == sorted((weight for _, weight in kpis), reverse=True)
    row = dict((e.code, t) for e, t in found.thresholds)["C"]
    assert row.weight == pytest.approx(w) and (row.below is None or row.below < w) and (row.above is None or row.above > w)

    sign_in(client, session, organisation.id)
    page = client.get(f"/hr/rounds/{round_.id}/results?element={customer.id}&weight=20").get_data(as_text=True)
    assert "Apakah peringkat akan berubah?" in page and "Jika C " in page
    wrong = client.get(f"/hr/rounds/{round_.id}/results?element={customer.id}&weight=120").get_data(as_text=True)
    assert 'aria-invalid="true"' in wrong and "di atas 0 dan di bawah 100." in wrong


def test_two_camps_of_respondents_are_two_groups_with_their_own_weights_and_names_only_for_hr(client, session):
    """Two give the published judgments, two their inverse: two groups, the perspectives' pairs separate them."""
    from survey.services import people, respondent_groups, rounds
    organisation, version, round_ = launch(session)
    person = people.add_person(session, organisation.id, name="Keempat", email="empat@example.org", weight=1)
    rounds.invite(session, round_, [person.id], {"SECRET_KEY": "test"})
    inverse = {}
    for k, invitation in enumerate(invitations(session, round_)):
        inverse[invitation.person_id] = k % 2 == 1
        answer_everything(session, invitation, inverse=inverse[invitation.person_id])
    found = respondent_groups.respondent_groups(session, round_)
    assert sorted(sorted(inverse[found.people[k].id] for k in group) for group in found.groups) == \
        [[False, False], [True, True]]
    first = found.separations[0]
    assert first.page == "root"  # the perspectives, where the published judgments are strongest
    assert first.judgments[0] == pytest.approx(1 / first.judgments[1])  # one camp's judgment, the other's inverse
    # The camp that gave the published judgments weighs as the published matrices do, product down the tree.
    camp = next(n for n, group in enumerate(found.groups) if not inverse[found.people[group[0]].id])
    local = {}
    for name, cluster in samsat()["pairwise"].items():
        matrix = np.array([[parse_judgment(v) for v in row] for row in cluster["matrix"]])
        local.update(zip(cluster["order"], priorities(matrix)))
    parent = {e.id: e for e in version.elements}
    for k, kpi in enumerate(found.kpis):
        objective = parent[kpi.parent_id]
        expected = local.get(kpi.code, 1.0) * local[objective.code] * local[parent[objective.parent_id].code]
        assert found.weights[camp][k] == pytest.approx(expected, abs=1e-9)

    sign_in(client, session, organisation.id)
    page = client.get(f"/hr/rounds/{round_.id}/results").get_data(as_text=True)
    assert "Siapa sependapat dengan siapa" in page and "Kelompok 2" in page and "Keempat" in page
    viewer = client.application.test_client()
    sign_in(viewer, session, organisation.id, email="viewer@example.org", role="viewer")
    seen = viewer.get(f"/hr/rounds/{round_.id}/results").get_data(as_text=True)
    assert "Kelompok 2" in seen and "Keempat" not in seen


def test_each_pages_chart_draws_the_interval_as_an_error_bar_and_reads_it_out(client, session, split_round):
    organisation, _, round_ = split_round
    sign_in(client, session, organisation.id)
    text = client.get(f"/hr/rounds/{round_.id}/results").get_data(as_text=True)
    found = weight_intervals.weight_intervals(session, round_).pages["root"]
    low, high = found.bounds()[0]
    from survey.render.numbers import format_number
    assert f"(90 dari 100 pengambilan antara {format_number(low, 'weight', 'id')}–" \
           f"{format_number(high, 'weight', 'id')}%)" in text
    assert text.count('stroke-width="1.2" fill="none"') >= len(found.low)  # one error bar per element


def test_the_weighting_pdf_says_how_sure_the_weights_are_and_what_would_change_the_ranking(client, session,
                                                                                           split_round):
    from tests.helpers.reports import keep_pages, pdf_text
    organisation, _, round_ = split_round
    sign_in(client, session, organisation.id)
    response = client.get(f"/hr/reports/weighting/{round_.id}.pdf")
    assert response.status_code == 200
    text = " ".join(pdf_text(response.data).split())
    assert "Seberapa pasti bobot ini?" in text and "Apakah peringkat akan berubah?" in text
    found = weight_intervals.weight_intervals(session, round_)
    from survey.render.numbers import format_number
    kpi = found.kpis[0]
    low, high, _ = found.of(kpi.id)
    assert f"{format_number(low, 'weight', 'id')}–{format_number(high, 'weight', 'id')}%" in text
    assert keep_pages(response.data, "weighting-how-sure")  # pdftoppm drew it, to look at


def test_the_weights_export_carries_each_kpis_interval(client, session, split_round):
    import io

    import pandas as pd
    organisation, _, round_ = split_round
    sign_in(client, session, organisation.id)
    response = client.get(f"/hr/reports/weighting/{round_.id}/weights.xlsx")
    table = pd.read_excel(io.BytesIO(response.data))
    found = weight_intervals.weight_intervals(session, round_)
    kpi = found.kpis[-1]
    row = table[table.iloc[:, 0] == kpi.code].iloc[0]
    low, high, kept = found.of(kpi.id)
    assert list(row.iloc[-3:]) == pytest.approx([low, high, kept], abs=1e-12)
    assert table.iloc[:, -1].isna().sum() == len(table) - len(found.kpis)  # perspectives and objectives: none


def test_a_round_whose_few_respondents_skipped_many_pairs_is_drawn_fewer_times_and_says_so(
        client, session, monkeypatch):
    """Each draw with a pair nobody drawn judged needs a completion: past a budget the round is drawn less."""
    organisation, version, round_ = launch(session, allow_dont_know=True)
    for k, invitation in enumerate(invitations(session, round_)):
        for page in answers.questionnaire(session, invitation):
            values = published_answers(page)
            if page.key == "root":  # each skips a different pair (the others still link every element)
                values[list(values)[k]] = None
            answers.submit_cluster(session, invitation, page, values, f"{k}-{page.key}")
    monkeypatch.setattr(weight_intervals, "COMPLETIONS", 20)
    monkeypatch.setattr(weight_intervals, "MIN_RESAMPLES", 100)
    found = weight_intervals.weight_intervals(session, round_)
    assert 100 <= found.resamples < 2000
    sign_in(client, session, organisation.id)
    from survey.render.numbers import format_number
    text = client.get(f"/hr/rounds/{round_.id}/results").get_data(as_text=True)
    assert f"diambil ulang secara acak, {format_number(found.resamples, 'count', 'id')} kali" in text
