"""A weighting round through the services: launch, answer, re-ask, group weights."""

import numpy as np
import pytest
from sqlalchemy import event

from analysis.ahp import aggregate, priorities
from survey.models import Invitation
from survey.services import accounts, answers, kpi_owners, results, rounds, scorecards, strategy
from survey.services.errors import Invalid
from tests.helpers.database import terminate_backends
from tests.helpers.weighting import SECRET, answer_everything, invitations, launch  # noqa: F401
from tests.reference import samsat
from tests.samsat_site import build_samsat, published_answers


def test_published_judgments_give_the_published_weights(session):
    _, version, round_ = launch(session)
    first = invitations(session, round_)[0]
    answer_everything(session, first)
    assert answers.next_step(session, first) == ("done", None)
    outcome = results.results(session, round_)
    tree, by_id = scorecards.hierarchy(session, version.id)
    weights = {by_id[k].code: w for k, w in outcome.global_weights.items() if by_id[k].kind == "kpi"}
    assert sum(weights.values()) == pytest.approx(1)
    for kpi, published in samsat()["global_weights_published"].items():
        assert weights[kpi] == pytest.approx(published, abs=0.011)


def test_group_weights_equal_the_aggregate_of_stored_answers(session):
    _, _, round_ = launch(session)
    first, second, _ = invitations(session, round_)
    answer_everything(session, first)
    answer_everything(session, second, inverse=True)
    outcome = results.results(session, round_)
    root = next(c for c in outcome.clusters if c.key == "root")
    stack = np.stack([answers.answer_matrix(answers.cluster_by_key(session, inv, "root"),
                                            answers.current_answers(session, inv, "root")) for inv in (first, second)])
    np.testing.assert_allclose(root.group_matrix, aggregate(stack))
    np.testing.assert_allclose(root.weights, priorities(aggregate(stack)))
    assert root.respondents == 2 and 0 <= root.consensus < 1


def test_an_inconsistent_page_is_reasked_and_a_change_is_kept_as_a_new_revision(session):
    _, _, round_ = launch(session, max_reasks=2)
    invitation = invitations(session, round_)[0]
    root = answers.questionnaire(session, invitation)[0]
    F, C, I, L = root.members
    bad = {(F.id, C.id): 9, (F.id, I.id): 9, (F.id, L.id): 1 / 9, (C.id, I.id): 1 / 9, (C.id, L.id): 9,
           (I.id, L.id): 9}
    outcome = answers.submit_cluster(session, invitation, root, bad, "k1")
    assert outcome.status == "reasking" and outcome.cr > 0.1
    assert answers.next_step(session, invitation) == ("reask", "root")
    reask = answers.open_reask(session, invitation, "root")
    assert 1 <= len(reask.pairs_shown) <= 3
    fixes = {(p["row_id"], p["column_id"]): p["implied_scale"] for p in reask.pairs_shown}
    after = answers.submit_reask(session, invitation, root, fixes, "", "k2")
    assert after.cr < outcome.cr
    current = answers.current_answers(session, invitation, "root")
    assert all(current[pair] == value for pair, value in fixes.items())
    assert reask.changed and reask.cr_before == pytest.approx(outcome.cr)


def test_keeping_answers_needs_a_reason_and_is_recorded(session):
    _, _, round_ = launch(session)
    invitation = invitations(session, round_)[0]
    root = answers.questionnaire(session, invitation)[0]
    F, C, I, L = root.members
    bad = {(F.id, C.id): 9, (F.id, I.id): 9, (F.id, L.id): 1 / 9, (C.id, I.id): 1 / 9, (C.id, L.id): 9,
           (I.id, L.id): 9}
    answers.submit_cluster(session, invitation, root, bad, "k1")
    reask = answers.open_reask(session, invitation, "root")
    same = {(p["row_id"], p["column_id"]): p["current"] for p in reask.pairs_shown}
    with pytest.raises(Invalid, match="say why"):
        answers.submit_reask(session, invitation, root, same, "  ", "k2")
    outcome = answers.submit_reask(session, invitation, root, same, "Revenue matters most", "k3")
    assert outcome.status == "kept_inconsistent"
    assert rounds.progress(session, round_).participants[0].flagged == ["root"]
    included = results.results(session, round_)
    excluded = results.results(session, round_, include_inconsistent=False)
    assert next(c for c in included.clusters if c.key == "root").respondents == 1
    assert next(c for c in excluded.clusters if c.key == "root").excluded == 1


def test_a_double_submit_stores_nothing_twice(session):
    _, _, round_ = launch(session)
    invitation = invitations(session, round_)[0]
    root = answers.questionnaire(session, invitation)[0]
    values = published_answers(root)
    answers.submit_cluster(session, invitation, root, values, "same-key")
    changed = {pair: 1.0 for pair in values}
    answers.submit_cluster(session, invitation, root, changed, "same-key")
    assert answers.current_answers(session, invitation, "root") == pytest.approx(values)


def test_a_page_saved_at_the_same_moment_from_two_windows_keeps_the_first_and_says_so(app, session):
    _, _, round_ = launch(session)
    invitation = invitations(session, round_)[0]
    root = answers.questionnaire(session, invitation)[0]
    values = published_answers(root)
    other_window, saved = app.extensions["neraca.sessionmaker"](), []

    def the_other_window_commits_first(_connection, statement, *_args):
        # Runs when this window starts writing: the other one has read and saved the same page meanwhile.
        if getattr(statement, "is_insert", False) and not saved:
            saved.append("w-2")
            answers.submit_cluster(other_window, other_window.get(Invitation, invitation.id), root, values, "w-2")

    engine = session.get_bind()
    event.listen(engine, "before_execute", the_other_window_commits_first)
    with pytest.raises(Invalid, match="another window"):
        answers.submit_cluster(session, invitation, root, {pair: 1.0 for pair in values}, "window-1")
    event.remove(engine, "before_execute", the_other_window_commits_first)
    assert saved == ["w-2"]
    other_window.close()
    assert answers.current_answers(session, invitation, "root") == pytest.approx(values)
    assert answers.status_of(invitation)["root"].status == "accepted"


def test_bad_answers_are_refused_and_nothing_is_written(session):
    _, _, round_ = launch(session)
    invitation = invitations(session, round_)[0]
    root = answers.questionnaire(session, invitation)[0]
    values = published_answers(root)
    missing = dict(list(values.items())[1:])
    with pytest.raises(Invalid, match="Choose a value"):
        answers.submit_cluster(session, invitation, root, missing, "a")
    off_scale = {pair: 10.0 for pair in values}
    with pytest.raises(Invalid, match="1-9 scale"):
        answers.submit_cluster(session, invitation, root, off_scale, "b")
    dont_know = {pair: None for pair in values}
    with pytest.raises(Invalid, match="every pair"):
        answers.submit_cluster(session, invitation, root, dont_know, "c")
    assert answers.current_answers(session, invitation, "root") == {}


def test_dont_know_answers_are_completed_when_the_round_allows_them(session):
    _, _, round_ = launch(session, allow_dont_know=True)
    invitation = invitations(session, round_)[0]
    root = answers.questionnaire(session, invitation)[0]
    values = published_answers(root)
    first_pair = next(iter(values))
    values[first_pair] = None
    outcome = answers.submit_cluster(session, invitation, root, values, "k")
    assert outcome.cr is not None and outcome.status in ("accepted", "reasking", "kept_inconsistent")
    assert answers.current_answers(session, invitation, "root")[first_pair] is None


def test_answers_on_a_closed_round_are_refused(session):
    _, _, round_ = launch(session)
    invitation = invitations(session, round_)[0]
    rounds.close_round(session, round_)
    root = answers.questionnaire(session, invitation)[0]
    with pytest.raises(Invalid, match="closed"):
        answers.submit_cluster(session, invitation, root, published_answers(root), "k")


def test_publishing_writes_weights_to_the_scorecard_version(session):
    _, version, round_ = launch(session)
    with pytest.raises(Invalid, match="at least one finished respondent"):
        results.publish(session, round_)
    answer_everything(session, invitations(session, round_)[0])
    results.publish(session, round_)
    elements = scorecards.elements(session, version.id)
    kpis = [e for e in elements if e.kind == "kpi"]
    assert sum(e.global_weight for e in kpis) == pytest.approx(1)
    assert session.get(type(version), version.id).weights_round_id == round_.id


def test_a_scorecard_import_with_one_bad_row_imports_nothing_and_names_the_row(session):
    from tests.samsat_site import samsat_rows
    organisation, version = build_samsat(session, stakeholders=0)
    fresh = scorecards.create_scorecard(session, organisation.id, "Copy", "2011")
    rows = samsat_rows()
    rows.loc[5, "parent"] = "ZZ"
    with pytest.raises(Invalid) as error:
        scorecards.import_scorecard(session, fresh, rows)
    assert "row 7" in error.value.errors and "ZZ" in error.value.errors["row 7"]
    assert scorecards.elements(session, fresh.id) == []


def test_a_version_is_copied_for_a_new_year(session):
    _, version = build_samsat(session, stakeholders=0)
    copy = scorecards.copy_version(session, version, "2011")
    original, copied = scorecards.export_scorecard(session, version), scorecards.export_scorecard(session, copy)
    assert copied.equals(original) and copy.copied_from_id == version.id


def test_a_copied_version_keeps_its_kpi_owners_and_strategy_map_arrows(session):
    organisation, version = build_samsat(session, stakeholders=0)
    owner = accounts.create_user(session, organisation.id, "owner@example.org", "Owner", "a long password 1",
                                 role="kpi_owner")
    kpi = next(e for e in scorecards.elements(session, version.id) if e.kind == "kpi")
    kpi_owners.assign(session, version, kpi.code, [owner.id])
    objectives = [e for e in scorecards.elements(session, version.id) if e.kind == "objective"]
    strategy.add_arrow(session, version, objectives[0].code, objectives[1].code)
    copy = scorecards.copy_version(session, version, "2011")
    assert {code: [u.id for u in users] for code, users in kpi_owners.owners(session, copy).items()} == \
        {kpi.code: [owner.id]}
    assert [(cause.code, effect.code) for _, cause, effect in strategy.arrows(session, copy)] == \
        [(objectives[0].code, objectives[1].code)]
    assert all(cause.version_id == copy.id for _, cause, _ in strategy.arrows(session, copy))


def test_a_version_used_by_a_round_is_frozen_and_can_be_copied_to_revise(session):
    _, version, _ = launch(session)
    with pytest.raises(Invalid, match="used by the survey round Bobot 2010 and cannot change.*Copy it to revise"):
        scorecards.add_element(session, version, code="F3", kind="objective", name="New", parent_code="F")
    copy = scorecards.copy_version(session, version, "2011")
    scorecards.add_element(session, copy, code="F3", kind="objective", name="New", parent_code="F")
    assert "F3" in {e.code for e in scorecards.elements(session, copy.id)}


def test_a_page_whose_database_connection_is_cut_at_commit_is_stored_once_on_a_new_one(app, session, database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("an embedded SQLite file has no server connection to cut")
    from sqlalchemy import func, select

    from survey.models import Judgment
    _, _, round_ = launch(session)
    invitation = invitations(session, round_)[0]
    root = answers.questionnaire(session, invitation)[0]
    values = published_answers(root)
    cut = []

    def cut_the_connection(this_session):
        if not cut:
            pid = this_session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
            cut.append(terminate_backends(database_url, pid))

    event.listen(session, "before_commit", cut_the_connection)
    outcome = answers.submit_cluster(session, invitation, root, values, "cut-once")
    event.remove(session, "before_commit", cut_the_connection)
    assert cut == [1] and outcome.status == "accepted"
    assert answers.current_answers(session, invitation, "root") == pytest.approx(values)
    assert session.scalar(select(func.count()).select_from(Judgment)) == len(values)
