"""Direct-rating rounds through the site: HR launches and invites, stakeholders rate each element of
each cluster, HR reads the group means and publishes them; reports and the API say how the weights were made."""
import io
import math
import re

import numpy as np
import pytest

from survey.models import ClusterAnswer, Element, Rating, Round, ScorecardVersion
from survey.services import answers, api_tokens, people, rounds
from survey.services.zones import on_wall_clock
from tests.samsat_site import build_samsat
from tests.web import csrf, hidden, post, round_form, sign_in

LINK = re.compile(r'value="http://neraca\.test(/r/[A-Za-z0-9_-]+)"')


def launch_rating_round(client, session, **options):
    """SAMSAT with three stakeholders, a direct-rating round made in the form, everyone invited from its page."""
    organisation, version = build_samsat(session)
    sign_in(client, session, organisation.id)
    response = post(client, "/hr/rounds/new", round_form(version_id=version.id, kind="rating", ask_identity="",
                                                         **options))
    assert response.status_code == 302, re.findall(r'role="alert">([^<]*)', response.get_data(as_text=True))
    round_ = session.get(Round, int(response.headers["Location"].rsplit("/", 1)[1]))
    page = f"/hr/rounds/{round_.id}"
    everyone = [str(p.id) for p in people.people(session, organisation.id)]
    assert post(client, f"{page}/invite", {"person": everyone}, page=page).status_code == 302
    links = LINK.findall(client.get(page).get_data(as_text=True))
    assert len(links) == 3
    return organisation, version, round_, links


def rate_page(client, url, ratings: dict[int, str], dont_know=()):
    """Post a rating page as a browser does: a text per element (the page's way of writing numbers)."""
    page = client.get(url).get_data(as_text=True)
    data = {"csrf_token": csrf(client, url), "submission": hidden(page, "submission")}
    data.update({f"r_{element_id}": text for element_id, text in ratings.items()})
    data.update({f"dk_{element_id}": "y" for element_id in dont_know})
    return client.post(url, data=data)


def rating_of(rater: int, position: int, scale: int) -> float:
    """Each stakeholder's own ratings, different per element and rater, all on the scale and above 0."""
    return float(1 + (3 * rater + 7 * position + rater * position) % scale)


def answer_everything(client, session, links, scale=10):
    """Every stakeholder rates every page; returns {(rater, element id): rating}."""
    given = {}
    for rater, link in enumerate(links):
        invitation = answers.find_invitation(session, link.rsplit("/", 1)[1])
        for cluster in answers.questionnaire(session, invitation):
            values = {e.id: rating_of(rater, i, scale) for i, e in enumerate(cluster.members)}
            response = rate_page(client, f"{link}/rate/{cluster.key}", {k: f"{v:g}" for k, v in values.items()})
            assert response.status_code == 302, re.findall(r'role="alert">([^<]*)', response.get_data(as_text=True))
            given.update({(rater, k): v for k, v in values.items()})
        assert "Terima kasih" in client.get(f"{link}/done").get_data(as_text=True)
    return given


@pytest.mark.parametrize("mean", ["arithmetic", "geometric"])
def test_three_stakeholders_rate_through_the_site_and_the_published_weights_are_their_normalised_mean_ratings(
        client, session, mean):
    organisation, version, round_, links = launch_rating_round(client, session, rating_mean=mean)
    given = answer_everything(client, session, links)
    session.expire_all()
    assert rounds.progress(session, round_).completed == 3

    page = client.get(f"/hr/rounds/{round_.id}/results").get_data(as_text=True)
    assert "Rerata penilaian kelompok" in page
    response = post(client, f"/hr/rounds/{round_.id}/publish", {}, page=f"/hr/rounds/{round_.id}/results")
    assert response.status_code == 302
    session.expire_all()

    elements = session.query(Element).filter_by(version_id=version.id).all()
    expected_local = {}
    for parent in [None] + [e.id for e in elements]:
        siblings = [e for e in elements if e.parent_id == parent]
        if len(siblings) == 1:  # an only child is not asked: it has its parent's whole weight
            expected_local[siblings[0].id] = 1.0
        if len(siblings) < 2:
            continue
        if mean == "arithmetic":  # by hand: (r1 + r2 + r3) / 3, then each mean over the sum of the means
            means = [(given[(0, e.id)] + given[(1, e.id)] + given[(2, e.id)]) / 3 for e in siblings]
        else:  # (r1 * r2 * r3) ** (1/3)
            means = [(given[(0, e.id)] * given[(1, e.id)] * given[(2, e.id)]) ** (1 / 3) for e in siblings]
        expected_local.update({e.id: m / sum(means) for e, m in zip(siblings, means)})
    by_id = {e.id: e for e in elements}
    for element in elements:
        assert element.local_weight == pytest.approx(expected_local[element.id], abs=1e-12)
        path, node = 1.0, element
        while node is not None:
            path *= expected_local[node.id]
            node = by_id.get(node.parent_id)
        assert element.global_weight == pytest.approx(path, abs=1e-12)
    kpis = [e for e in elements if e.kind == "kpi"]
    assert sum(e.global_weight for e in kpis) == pytest.approx(1.0)
    stored = session.get(ScorecardVersion, version.id)
    assert (stored.weights_source, stored.weights_round_id, stored.weights_respondents) == ("round", round_.id, 3)


@pytest.mark.parametrize("options, typed, message", [
    ({}, "11", "Berikan penilaian dari 1 sampai 10."),
    ({}, "0", "Berikan penilaian dari 1 sampai 10."),
    ({"rating_scale": "100", "rating_mean": "arithmetic"}, "100,5", "Berikan penilaian dari 0 sampai 100."),
    # A geometric mean takes no 0: one rater's 0 would give the element no weight whatever the others said.
    ({"rating_scale": "100", "rating_mean": "geometric"}, "0", "Berikan penilaian dari 1 sampai 100."),
    ({}, "7.5", "7,5"),  # an English decimal on an Indonesian page: refused, with the likely meaning
])
def test_a_rating_off_the_scale_is_refused_at_its_field_in_the_pages_language_and_nothing_is_stored(
        client, session, options, typed, message):
    organisation, version, round_, links = launch_rating_round(client, session, **options)
    invitation = answers.find_invitation(session, links[0].rsplit("/", 1)[1])
    cluster = answers.questionnaire(session, invitation)[0]
    values = {e.id: "5" for e in cluster.members}
    values[cluster.members[1].id] = typed
    response = rate_page(client, f"{links[0]}/rate/{cluster.key}", values)
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert message in body and f'value="{typed}"' in body  # at the field, with what was typed
    assert session.query(Rating).count() == 0 and session.query(ClusterAnswer).count() == 0


def test_an_element_left_empty_is_refused_unless_the_stakeholder_says_dont_know(client, session):
    organisation, version, round_, links = launch_rating_round(client, session, allow_dont_know="y")
    invitation = answers.find_invitation(session, links[0].rsplit("/", 1)[1])
    cluster = answers.questionnaire(session, invitation)[0]
    first, second = cluster.members[0].id, cluster.members[1].id
    values = {e.id: "6" for e in cluster.members if e.id != second}
    response = rate_page(client, f"{links[0]}/rate/{cluster.key}", values)
    assert response.status_code == 400 and "Berikan penilaian untuk elemen ini." in response.get_data(as_text=True)
    assert session.query(Rating).count() == 0
    response = rate_page(client, f"{links[0]}/rate/{cluster.key}", values, dont_know=[second])
    assert response.status_code == 302
    assert answers.find_invitation(session, links[0].rsplit("/", 1)[1]) is not None
    stored = {r.element_id: r.value for r in session.query(Rating)}
    assert stored[second] is None and stored[first] == 6.0
    again = client.get(f"{links[0]}/rate/{cluster.key}").get_data(as_text=True)  # coming back: still "don't know"
    assert re.search(rf'<input checked id="dk_{second}"|<input[^>]*checked[^>]*name="dk_{second}"', again)


def test_dont_know_leaves_an_elements_group_mean_to_the_others(client, session):
    organisation, version, round_, links = launch_rating_round(client, session, allow_dont_know="y")
    root = None
    for rater, link in enumerate(links):
        invitation = answers.find_invitation(session, link.rsplit("/", 1)[1])
        for cluster in answers.questionnaire(session, invitation):
            root = root or cluster
            unsure = [cluster.members[0].id] if rater == 0 and cluster.key == "root" else []
            values = {e.id: str(2 + rater + i) for i, e in enumerate(cluster.members) if e.id not in unsure}
            assert rate_page(client, f"{link}/rate/{cluster.key}", values, dont_know=unsure).status_code == 302
    from survey.services import results
    session.expire_all()
    outcome = results.results(session, session.get(Round, round_.id))
    found = next(c for c in outcome.clusters if c.key == "root")
    n = len(root.members)
    means = [(3 + 4) / 2] + [((2 + i) + (3 + i) + (4 + i)) / 3 for i in range(1, n)]  # rater 0 did not know the first
    np.testing.assert_allclose(found.means, means)
    np.testing.assert_allclose(found.weights, np.array(means) / sum(means))
    assert list(found.raters) == [2] + [3] * (n - 1)


def test_a_stakeholder_who_leaves_comes_back_to_the_next_page_with_their_ratings_kept(client, session):
    organisation, version, round_, links = launch_rating_round(client, session)
    link = links[0]
    invitation = answers.find_invitation(session, link.rsplit("/", 1)[1])
    first, second = answers.questionnaire(session, invitation)[:2]
    values = {e.id: str(i + 3) for i, e in enumerate(first.members)}
    assert rate_page(client, f"{link}/rate/{first.key}", values).status_code == 302

    resumed = client.get(f"{link}/next")
    assert resumed.status_code == 302 and resumed.headers["Location"].endswith(f"/rate/{second.key}")
    again = client.get(f"{link}/rate/{first.key}").get_data(as_text=True)
    for element_id, text in values.items():
        assert re.search(rf'name="r_{element_id}"[^>]*value="{text}"', again), element_id
    # Saving the same page unchanged adds no revision; changing one rating adds one row.
    assert rate_page(client, f"{link}/rate/{first.key}", values).status_code == 302
    assert session.query(Rating).count() == len(values)
    values[first.members[0].id] = "9"
    assert rate_page(client, f"{link}/rate/{first.key}", values).status_code == 302
    assert session.query(Rating).count() == len(values) + 1


def test_the_reports_and_the_api_say_how_the_published_weights_were_made(client, session):
    organisation, version, round_, links = launch_rating_round(client, session, rating_mean="geometric")
    answer_everything(client, session, links)
    post(client, f"/hr/rounds/{round_.id}/publish", {}, page=f"/hr/rounds/{round_.id}/results")
    session.expire_all()
    day = session.get(ScorecardVersion, version.id).weights_published_at
    report = client.get(f"/hr/reports/weighting/{round_.id}.html").get_data(as_text=True)
    assert "Bobot dengan penilaian langsung (rerata geometrik penilaian, penilaian 1 sampai 10)" in report
    assert "Responden: 3." in report and "Diterbitkan pada" in report

    pdf = client.get(f"/hr/reports/weighting/{round_.id}.pdf")
    from pypdf import PdfReader
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "penilaian langsung" in text and "Responden: 3." in text

    from tests.samsat_site import load_samsat_performance
    load_samsat_performance(session, session.get(ScorecardVersion, version.id))
    office = client.get(f"/hr/reports/office/{version.id}/2010.html").get_data(as_text=True)
    assert "Bobot dengan penilaian langsung" in office and "Responden: 3." in office
    assert "Bobot dengan penilaian langsung" in client.get(f"/hr/versions/{version.id}").get_data(as_text=True)

    _, raw = api_tokens.create_token(session, organisation.id, "HRIS")
    found = client.get("/api/scorecards", headers={"Authorization": f"Bearer {raw}"}).get_json()
    provenance = next(v for v in found if v["id"] == version.id)["weights_provenance"]
    assert provenance["kind"] == "rating" and provenance["kind_words"] == "direct rating"
    assert provenance["method"] == ["geometric mean of ratings", "ratings from 1 to 10"]
    assert provenance["respondents"] == 3 and provenance["round_id"] == round_.id
    assert provenance["published_on"] == on_wall_clock(day, "Asia/Jakarta").date().isoformat()
    results = client.get(f"/api/rounds/{round_.id}/results", headers={"Authorization": f"Bearer {raw}"}).get_json()
    root = next(c for c in results["clusters"] if c["cluster"] == "root")
    assert root["raters"] == [3] * len(root["elements"]) and math.isclose(sum(root["weights"]), 1.0)


def test_a_rating_round_refuses_a_scale_it_does_not_know(session):
    organisation, version = build_samsat(session, stakeholders=0)
    from survey.services.errors import Invalid
    with pytest.raises(Invalid) as refused:
        rounds.create_round(session, organisation.id, version_id=version.id, title="Rating", kind="rating",
                            rating_scale=7, rating_mean="median")
    assert set(refused.value.errors) == {"rating_scale", "rating_mean"}
    assert session.query(Round).count() == 0


def test_the_provenance_of_pairwise_and_of_given_weights_names_their_kind_method_and_respondents(session):
    from survey.services import given_weights, reports, results
    from tests.helpers.weighting import answer_everything as compare_everything
    from tests.helpers.weighting import invitations, launch, published_local_weights
    organisation, version, round_ = launch(session, aggregation="aij", priority_method="geometric")
    for invitation in invitations(session, round_)[:2]:
        compare_everything(session, invitation)
    results.publish(session, round_, "hr@samsat.test")
    found = reports.weights_provenance(session, session.get(ScorecardVersion, version.id))
    assert (found["kind"], found["kind_words"], found["respondents"], found["published_by"]) == (
        "weighting", "pairwise comparison", 2, "hr@samsat.test")
    assert found["method"] == ["geometric mean of judgments (AIJ)", "row geometric mean"]

    given_weights.publish_given_weights(session, session.get(ScorecardVersion, version.id), published_local_weights(),
                                        note="SK 12/2010", by="hr@samsat.test")
    found = reports.weights_provenance(session, session.get(ScorecardVersion, version.id))
    assert (found["kind"], found["note"], found["respondents"], found["round_id"]) == ("given", "SK 12/2010", None, None)


def test_hr_is_refused_a_rating_scale_or_mean_the_site_does_not_offer_at_its_field_and_nothing_is_made(
        client, session):
    organisation, version = build_samsat(session, stakeholders=0)
    sign_in(client, session, organisation.id)
    response = post(client, "/hr/rounds/new", round_form(version_id=version.id, kind="rating", rating_scale="7",
                                                         rating_mean="median"))
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and page.count('aria-invalid="true"') == 2
    assert "Penilaian memakai skala 1-10 atau 0-100." in page
    assert "Penilaian digabungkan dengan rerata aritmetik atau rerata geometrik." in page
    assert session.query(Round).count() == 0


def test_a_draft_rating_round_changes_its_scale_and_mean_in_the_settings_form(client, session):
    organisation, version = build_samsat(session, stakeholders=0)
    sign_in(client, session, organisation.id)
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Rating", kind="rating",
                                 draft=True)
    assert (round_.rating_scale, round_.rating_mean) == (10, "arithmetic")  # the defaults
    settings = f"/hr/rounds/{round_.id}/settings"
    response = post(client, settings, round_form(version_id=version.id, kind="rating", rating_scale="100",
                                                 rating_mean="geometric"))
    assert response.status_code == 302
    session.expire_all()
    changed = session.get(Round, round_.id)
    assert (changed.rating_scale, changed.rating_mean) == (100, "geometric")


def test_before_everyone_answered_hr_sees_which_pages_lack_answers_and_publishing_is_refused(client, session):
    organisation, version, round_, links = launch_rating_round(client, session)
    invitation = answers.find_invitation(session, links[0].rsplit("/", 1)[1])
    root = answers.questionnaire(session, invitation)[0]
    assert rate_page(client, f"{links[0]}/rate/root", {e.id: "4" for e in root.members}).status_code == 302
    results_page = client.get(f"/hr/rounds/{round_.id}/results").get_data(as_text=True)
    assert "Belum ada jawaban yang selesai." in results_page and "Rerata penilaian kelompok" in results_page
    confirm = client.get(f"/hr/rounds/{round_.id}/publish").get_data(as_text=True)
    assert "siap" in confirm and "Belum ada jawaban yang selesai." in confirm and 'type="submit"' not in confirm
    refused = post(client, f"/hr/rounds/{round_.id}/publish", {}, page=f"/hr/rounds/{round_.id}/results",
                   follow_redirects=True)
    assert "Setiap klaster memerlukan" in refused.get_data(as_text=True)
    session.expire_all()
    assert session.get(ScorecardVersion, version.id).weights_source is None
    assert all(e.local_weight is None for e in session.query(Element).filter_by(version_id=version.id))


def test_a_rating_round_over_all_objectives_together_publishes_their_ratings_as_global_weights(client, session):
    """Comparison groups apply to direct rating too: the objectives rated on one page weigh their
    normalised mean ratings globally, a perspective the sum of its objectives; the results page shows
    each element's share of its parent, as published."""
    from survey.services import groups
    organisation, version = build_samsat(session)
    groups.set_grouping(session, version, "all", "objective", "hr@example.org")
    sign_in(client, session, organisation.id)
    response = post(client, "/hr/rounds/new", round_form(version_id=version.id, kind="rating", ask_identity=""))
    assert response.status_code == 302, re.findall(r'role="alert">([^<]*)', response.get_data(as_text=True))
    round_ = session.get(Round, int(response.headers["Location"].rsplit("/", 1)[1]))
    page = f"/hr/rounds/{round_.id}"
    everyone = [str(p.id) for p in people.people(session, organisation.id)]
    assert post(client, f"{page}/invite", {"person": everyone}, page=page).status_code == 302
    given = answer_everything(client, session, LINK.findall(client.get(page).get_data(as_text=True)))
    results_page = client.get(f"{page}/results").get_data(as_text=True)
    assert post(client, f"{page}/publish", {}, page=f"{page}/results").status_code == 302
    session.expire_all()
    elements = session.query(Element).filter_by(version_id=version.id).all()
    objectives = [e for e in elements if e.kind == "objective"]
    means = {o.id: sum(given[(rater, o.id)] for rater in range(3)) / 3 for o in objectives}
    for objective in objectives:
        assert objective.global_weight == pytest.approx(means[objective.id] / sum(means.values()), abs=1e-12)
    for perspective in (e for e in elements if e.kind == "perspective"):
        below = [o for o in objectives if o.parent_id == perspective.id]
        assert perspective.global_weight == pytest.approx(sum(o.global_weight for o in below), abs=1e-12)
        for objective in below:
            share = objective.global_weight / perspective.global_weight
            assert objective.local_weight == pytest.approx(share, abs=1e-12)
            shown = f"{objective.code} {objective.name}</td>\n        <td class=\"num\">{share * 100:.1f}%".replace(".", ",")
            assert shown in results_page


def test_the_raw_ratings_export_lists_every_rating_by_respondent_and_element(client, session):
    import pandas as pd
    _, version, round_, links = launch_rating_round(client, session)
    given = answer_everything(client, session, links)
    exported = client.get(f"/hr/reports/weighting/{round_.id}/ratings.csv")
    assert exported.status_code == 200
    table = pd.read_csv(io.StringIO(exported.get_data(as_text=True)))
    assert len(table) == len(given) and set(table["revision"]) == {1} and table["removed"].isna().all()
    code = {e.id: e.code for e in session.query(Element).filter_by(version_id=version.id)}
    names = sorted(table["respondent"].unique())
    assert list(table["respondent"]) == sorted(table["respondent"])  # by respondent, as the judgments are
    by_name = {invitation.person.name: rater for rater, link in enumerate(links)
               for invitation in [answers.find_invitation(session, link.rsplit("/", 1)[1])]}
    assert sorted(by_name) == names
    assert {(row.respondent, row.element): row.rating for row in table.itertuples()} == \
        {(name, code[element_id]): value for name, rater in by_name.items()
         for (who, element_id), value in given.items() if who == rater}
    assert client.get(f"/hr/reports/weighting/{round_.id}/judgments.csv").status_code == 404  # no pairs here
