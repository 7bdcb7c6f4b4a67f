"""Comparison groups beyond siblings (issue 18): HR compares all objectives at once, or KPIs by perspective
or all together; a round asks those groups and publishes the global weights their rule gives."""
import re
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import func, select

from analysis.hierarchy import Hierarchy
from survey.models import AuditEntry, Element, Round, ScorecardVersion
from survey.services import answers, api_tokens, groups, people, rounds, scorecards
from tests.helpers.browser import ARTIFACTS, CHROMIUM, keep_screenshot, live_server  # noqa: F401 (fixture)
from tests.helpers.weighting import answer_page
from tests.samsat_site import build_samsat
from tests.web import post, round_form, sign_in

#: Two stakeholders' scores per objective and per KPI: each answers a_ij = score_i / score_j, on Saaty's scale.
SCORES = ({"F1": 8, "F2": 4, "C1": 4, "C2": 2, "C3": 2, "C4": 1, "I1": 2, "I2": 1, "I3": 4, "I4": 2, "L1": 1, "L2": 2,
           "F1a": 3, "F1b": 1, "F2a": 1, "F2b": 2, "C1a": 5, "C1b": 1, "C2a": 1, "C2b": 1, "C3a": 1, "C3b": 3,
           "C4a": 2, "C4b": 1, "I3a": 4, "I3b": 1, "L1a": 1, "L1b": 2, "L1c": 4, "L2a": 1, "L2b": 5},
          {"F1": 4, "F2": 4, "C1": 8, "C2": 2, "C3": 1, "C4": 2, "I1": 1, "I2": 2, "I3": 2, "I4": 1, "L1": 2, "L2": 1,
           "F1a": 1, "F1b": 1, "F2a": 1, "F2b": 4, "C1a": 3, "C1b": 1, "C2a": 2, "C2b": 1, "C3a": 1, "C3b": 1,
           "C4a": 1, "C4b": 2, "I3a": 2, "I3b": 1, "L1a": 3, "L1b": 3, "L1c": 1, "L2a": 1, "L2b": 7})


def principal_eigenvector(A):
    """By hand, without analysis.ahp: the eigenvector of the largest eigenvalue, summing to 1."""
    values, vectors = np.linalg.eig(A)
    w = np.abs(np.real(vectors[:, np.argmax(np.real(values))]))
    return w / w.sum()


def set_groups(client, version, objectives, kpis, language="id"):
    url = f"/hr/versions/{version.id}/groups"
    return post(client, f"{url}?lang={language}", {"objectives": objectives, "kpis": kpis}, page=url)


def new_round(client, version, **options):
    response = post(client, "/hr/rounds/new", round_form(version_id=version.id, ask_identity="", **options))
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(response.headers["Location"].rsplit("/", 1)[1])


def test_all_objectives_compared_together_publish_the_global_weights_computed_by_hand(client, session):
    organisation, version = build_samsat(session)
    sign_in(client, session, organisation.id)
    assert set_groups(client, version, "all", "objective").status_code == 302
    session.expire_all()  # the site changed the version in its own session
    round_ = session.get(Round, new_round(client, version))
    by_code = {e.code: e for e in scorecards.elements(session, version.id)}
    for scores, person in zip(SCORES, people.people(session, organisation.id)):
        invitation, token = rounds.new_invitation(round_, person, "test")
        session.add(invitation)
        session.commit()
        pages = answers.questionnaire(session, invitation)
        # One page of all 13 objectives, then one per objective with two KPIs; never the perspectives.
        assert [page.key for page in pages][0] == "objectives" and "root" not in [page.key for page in pages]
        assert len(pages[0].members) == 12
        objectives_page = client.get(f"/r/{token}/c/objectives?lang=en").get_data(as_text=True)
        assert "All objectives" in objectives_page and "The 12 elements compared on this page" in objectives_page
        for page in pages:
            response = answer_page(client, f"/r/{token}/c/{page.key}", {
                (a.id, b.id): scores[a.code] / scores[b.code] for a, b in page.pairs})
            assert response.status_code == 302, response.get_data(as_text=True)
        session.refresh(invitation)
        assert invitation.completed_at is not None

    # HR's pages, the printed report and the API name the groups (in the page's language).
    for page in (f"/hr/rounds/{round_.id}", f"/hr/rounds/{round_.id}/results", f"/hr/rounds/{round_.id}/publish",
                 f"/hr/reports/weighting/{round_.id}.html"):
        shown = client.get(page)
        assert shown.status_code == 200 and "Semua sasaran strategis" in shown.get_data(as_text=True), page
    for page in (f"/hr/rounds/{round_.id}/results", f"/hr/reports/weighting/{round_.id}.html"):
        assert "Sasaran strategis sekaligus: bobotnya sudah global" in client.get(page).get_data(as_text=True)
    _, raw = api_tokens.create_token(session, organisation.id, "HRIS")
    api = client.get(f"/api/rounds/{round_.id}/results", headers={"Authorization": f"Bearer {raw}"}).get_json()
    assert [c["cluster"] for c in api["clusters"]][:3] == ["objectives", "F1", "F2"]
    response = post(client, f"/hr/rounds/{round_.id}/publish", {}, page=f"/hr/rounds/{round_.id}/results")
    assert response.status_code == 302
    session.expire_all()
    weight = {e.code: e for e in scorecards.elements(session, version.id)}

    # By hand: the group matrix is the geometric mean of the two answers; its eigenvector gives the objectives'
    # global weights; a perspective weighs the sum of its objectives; a KPI its objective's times its own.
    def group_weights(codes):
        group = np.sqrt(np.array([[SCORES[0][i] / SCORES[0][j] * SCORES[1][i] / SCORES[1][j] for j in codes]
                                  for i in codes]))
        return dict(zip(codes, principal_eigenvector(group)))

    objective = group_weights([e.code for e in by_code.values() if e.kind == "objective"])
    for code, w in objective.items():
        assert weight[code].global_weight == pytest.approx(w, abs=1e-9)
        perspective = sum(v for c, v in objective.items() if c[0] == code[0])
        assert weight[code[0]].global_weight == pytest.approx(perspective, abs=1e-9)
        assert weight[code].local_weight == pytest.approx(w / perspective, abs=1e-9)
        kpis = [e.code for e in by_code.values() if e.parent_id == by_code[code].id]
        shares = group_weights(kpis) if len(kpis) > 1 else {kpis[0]: 1.0}
        for kpi in kpis:
            assert weight[kpi].global_weight == pytest.approx(w * shares[kpi], abs=1e-9)
    assert sum(e.global_weight for e in weight.values() if e.kind == "kpi") == pytest.approx(1.0)


def test_kpis_compared_by_perspective_weigh_their_perspective_times_their_group_weight(client, session):
    organisation, version = build_samsat(session)
    sign_in(client, session, organisation.id)
    assert set_groups(client, version, "perspective", "perspective").status_code == 302
    session.expire_all()  # the site changed the version in its own session
    round_ = session.get(Round, new_round(client, version))
    invitation, token = rounds.new_invitation(round_, people.people(session, organisation.id)[0], "test")
    session.add(invitation)
    session.commit()
    pages = answers.questionnaire(session, invitation)
    by_code = {e.code: e for e in scorecards.elements(session, version.id)}
    assert [page.key for page in pages] == ["root"] + [f"kpis-{by_code[p].id}" for p in "FCIL"]
    # Every KPI (and perspective) is worth its position in the page's list, as consistent answers say.
    value = {element.code: (1, 2, 4)[index % 3] for page in pages for index, element in enumerate(page.members)}
    for page in pages:
        response = answer_page(client, f"/r/{token}/c/{page.key}", {
            (a.id, b.id): value[a.code] / value[b.code] for a, b in page.pairs})
        assert response.status_code == 302, response.get_data(as_text=True)
    assert post(client, f"/hr/rounds/{round_.id}/publish", {}, page=f"/hr/rounds/{round_.id}/results").status_code == 302
    session.expire_all()
    perspectives = {p: value[p] / sum(value[q] for q in "FCIL") for p in "FCIL"}
    for page in pages[1:]:
        total = sum(value[m.code] for m in page.members)
        perspective = by_code[page.members[0].code[0]].code
        for member in page.members:
            kpi = session.get(Element, member.id)
            assert kpi.global_weight == pytest.approx(perspectives[perspective] * value[member.code] / total)
    for objective in (e for e in by_code.values() if e.kind == "objective"):
        session.refresh(objective)
        below = sum(e.global_weight for e in scorecards.elements(session, version.id) if e.parent_id == objective.id)
        assert objective.global_weight == pytest.approx(below)  # not asked: the sum of its KPIs


def test_default_grouping_still_asks_the_sibling_tree(session):
    _, version = build_samsat(session)
    by_id = {e.id: e for e in scorecards.elements(session, version.id)}
    pages = [(key, [e.code for e in members]) for key, members in scorecards.clusters(session, version.id)]
    assert pages[:3] == [("root", ["F", "C", "I", "L"]), (str(by_code(by_id, "F")), ["F1", "F2"]),
                         (str(by_code(by_id, "F1")), ["F1a", "F1b"])]
    assert all(key == "root" or key.isdigit() for key, _ in pages)


def by_code(by_id, code):
    return next(key for key, element in by_id.items() if element.code == code)


def groups_of(session, version):
    session.expire_all()
    found = session.get(ScorecardVersion, version.id)
    return found.objective_groups, found.kpi_groups


def audit_entries(session):
    return session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "comparison_groups_changed"))


@pytest.mark.parametrize("objectives, kpis, says", [
    ("all", "all", "Sasaran strategis yang dibandingkan sekaligus"),
    ("everything", "objective", "Bandingkan sasaran strategis per perspektif atau sekaligus."),
    ("perspective", "by whim", "Bandingkan IKU per sasaran strategis, per perspektif, atau sekaligus."),
])
def test_a_grouping_that_cannot_weight_the_scorecard_is_refused_in_the_page_language(client, session, objectives,
                                                                                     kpis, says):
    organisation, version = build_samsat(session)
    sign_in(client, session, organisation.id)
    response = set_groups(client, version, objectives, kpis)
    assert response.status_code == 400 and says in response.get_data(as_text=True)
    assert groups_of(session, version) == ("perspective", "objective") and audit_entries(session) == 0


def test_a_group_of_one_element_is_refused(client, session):
    organisation, _ = build_samsat(session)
    sign_in(client, session, organisation.id)
    tiny = scorecards.create_scorecard(session, organisation.id, "Satu sasaran", "2011")
    for code, kind, parent in (("P", "perspective", ""), ("Q", "perspective", ""), ("P1", "objective", "P"),
                               ("P1a", "kpi", "P1"), ("P1b", "kpi", "P1")):
        scorecards.add_element(session, tiny, code=code, kind=kind, name=f"Elemen {code}", parent_code=parent)
    response = set_groups(client, tiny, "all", "objective", language="en")
    assert response.status_code == 400
    assert "A group of one element compares nothing: P1 is the only one." in response.get_data(as_text=True)
    assert groups_of(session, tiny) == ("perspective", "objective") and audit_entries(session) == 0


def test_a_grouping_that_leaves_an_element_out_names_it_and_stores_nothing(client, session):
    organisation, version = build_samsat(session)
    sign_in(client, session, organisation.id)
    scorecards.add_element(session, version, code="C5", kind="objective", name="Sasaran tanpa IKU", parent_code="C")
    response = set_groups(client, version, "perspective", "perspective")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Pengelompokan ini meninggalkan C5 Sasaran tanpa IKU" in page
    assert groups_of(session, version) == ("perspective", "objective") and audit_entries(session) == 0


@pytest.mark.parametrize("kind", ["weighting", "rating"])
def test_a_round_is_refused_when_an_edit_made_the_groups_leave_an_element_out(client, session, kind):
    organisation, version = build_samsat(session)
    sign_in(client, session, organisation.id)
    assert set_groups(client, version, "perspective", "perspective").status_code == 302
    scorecards.add_element(session, version, code="C5", kind="objective", name="Sasaran baru", parent_code="C")
    response = post(client, "/hr/rounds/new", round_form(version_id=version.id, kind=kind))
    assert response.status_code == 400
    assert "Kelompok perbandingan versi ini tidak sesuai dengan elemennya: Pengelompokan ini meninggalkan C5" in \
        response.get_data(as_text=True)
    assert session.scalar(select(func.count()).select_from(Round)) == 0


def test_the_groups_cannot_change_while_a_launched_round_asks_them(client, session):
    organisation, version = build_samsat(session)
    sign_in(client, session, organisation.id)
    new_round(client, version, title="Bobot 2010")
    response = set_groups(client, version, "all", "objective")
    assert response.status_code == 400
    assert "Putaran Bobot 2010 yang sudah diluncurkan" in response.get_data(as_text=True)
    assert groups_of(session, version) == ("perspective", "objective")
    copy = scorecards.copy_version(session, session.get(ScorecardVersion, version.id), "2011")
    assert set_groups(client, copy, "all", "objective").status_code == 302  # a copy is free to compare differently
    assert groups_of(session, copy) == ("all", "objective")
    assert groups_of(session, scorecards.copy_version(session, copy, "2012")) == ("all", "objective")  # and copies it


def test_a_draft_takes_the_groups_it_is_launched_with_and_its_ri_table_must_cover_the_largest(client, session):
    organisation, version = build_samsat(session)
    sign_in(client, session, organisation.id)
    draft_id = new_round(client, version, draft="y")
    assert set_groups(client, version, "perspective", "all").status_code == 302  # a draft does not fix them
    response = post(client, f"/hr/rounds/{draft_id}/launch?lang=en", {}, page=f"/hr/rounds/{draft_id}")
    followed = client.get(response.headers["Location"] + "?lang=en").get_data(as_text=True)
    assert "stops at 15 elements, but All KPIs has 22" in followed
    assert session.get(Round, draft_id).status == "draft"
    response = post(client, "/hr/rounds/new", round_form(version_id=version.id, ri_table="saaty"))
    assert response.status_code == 400
    assert "berhenti pada 15 elemen, sedangkan Semua IKU memiliki 22" in response.get_data(as_text=True)
    launched = new_round(client, version, ri_table="alonso_lamata")
    session.expire_all()
    invitation, _ = rounds.new_invitation(session.get(Round, launched), people.people(session, organisation.id)[0], "t")
    session.add(invitation)
    session.commit()
    assert [(page.key, len(page.members)) for page in answers.questionnaire(session, invitation)] == [("kpis", 22)]


# The rule itself, in analysis.hierarchy: each group shares out its anchor's weight.
TREE = {"F": None, "C": None, "F1": "F", "F2": "F", "C1": "C", "F1a": "F1", "F1b": "F1", "F2a": "F2", "C1a": "C1",
        "C1b": "C1"}


def test_sibling_groups_give_the_product_of_local_weights_down_the_tree():
    tree = Hierarchy.from_parents(TREE)
    local = {"F": .6, "C": .4, "F1": .7, "F2": .3, "C1": 1, "F1a": .5, "F1b": .5, "F2a": 1, "C1a": .2, "C1b": .8}
    siblings = list(tree.clusters().items())
    assert np.allclose(tree.global_from_groups(siblings, local), tree.global_weights(local))
    assert np.allclose(tree.local_from_global(tree.global_weights(local)), [local[key] for key in tree.keys])


def test_objectives_compared_together_make_each_perspective_the_sum_of_its_objectives():
    tree = Hierarchy.from_parents(TREE)
    compared = [(None, ["F1", "F2", "C1"]), ("F1", ["F1a", "F1b"]), ("F2", ["F2a"]), ("C1", ["C1a", "C1b"])]
    weights = {"F1": .5, "F2": .2, "C1": .3, "F1a": .4, "F1b": .6, "F2a": 1, "C1a": .5, "C1b": .5}
    found = dict(zip(tree.keys, tree.global_from_groups(compared, weights)))
    assert found["F"] == pytest.approx(.7) and found["C"] == pytest.approx(.3)
    assert found["F1b"] == pytest.approx(.3) and found["C1a"] == pytest.approx(.15)
    assert dict(zip(tree.keys, tree.local_from_global(list(found.values()))))["F1"] == pytest.approx(.5 / .7)


@pytest.mark.parametrize("compared, problem", [
    ([(None, ["F", "C"]), ("F", ["F1a", "F1b", "F2a"])], "no comparison group gives 'C1' a weight"),
    ([(None, ["F", "C"]), (None, ["F"])], "'F' is in two comparison groups"),
    ([(None, ["F", "C"]), ("C", ["F1", "F2"])], "'F1' is compared under 'C', which is not above it"),
    ([(None, ["F", "C"]), ("F1", ["F1a", "F1b"])], "'F1' anchors a comparison group but is in none itself"),
    ([(None, ["F", "C"]), ("F", ["F1", "F2", "F1a"])], "'F1' is compared, and also weighs what is compared below it"),
])
def test_groups_that_cannot_make_global_weights_are_refused_by_name(compared, problem):
    tree = Hierarchy.from_parents(TREE)
    with pytest.raises(ValueError, match=re.escape(problem)):
        tree.global_from_groups(compared, {key: .5 for key in TREE})


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_a_page_of_all_22_kpis_fits_a_phone_with_its_list_in_a_scroll_box(app, client, session, live_server, browser):
    from tests.helpers.browser import overflow

    organisation, version = build_samsat(session)
    groups.set_grouping(session, version, "perspective", "all", "hr@example.org")
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot IKU 2010",
                                 ri_table="alonso_lamata", ask_identity=False)
    invitation, token = rounds.new_invitation(round_, people.people(session, organisation.id)[0], "test")
    session.add(invitation)
    session.commit()
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(f"{live_server}/r/{token}/c/kpis")
    assert page.locator("h1").inner_text() == "Semua IKU"
    assert page.locator("fieldset.pair").count() == 22 * 21 // 2
    assert overflow(page) <= 0  # nothing scrolls sideways
    box = page.locator("ol.members")
    assert box.locator("li").count() == 22
    assert box.evaluate("e => e.scrollHeight > e.clientHeight && getComputedStyle(e).overflowY == 'auto'")
    ARTIFACTS.mkdir(exist_ok=True)
    keep_screenshot(page, ARTIFACTS / "browser-all-kpis-390.png", full_page=False)
