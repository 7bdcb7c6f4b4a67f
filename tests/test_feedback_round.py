"""A feedback (Delphi) pass of a closed weighting round: each respondent sees the group's first-pass judgment
beside their own, keeps or changes it with a reason, and the group result and S* move exactly as a
recomputation by hand on the matrices says; the first pass stays as it was."""
import re
import uuid

import numpy as np
import pytest
from sqlalchemy import func, select

from analysis.ahp import aggregate, consensus, priorities
from survey.models import Element, FeedbackReview, Judgment, OutboxMessage, Person, Round
from survey.services import answers, api_tokens, feedback, results, rounds
from survey.services.errors import Invalid
from survey.services.tokens import token_for
from tests.helpers.weighting import SECRET, answer_everything, invitations, launch
from tests.samsat_site import published_answers
from tests.web import csrf, hidden, post, sign_in

SETTINGS = {"SECRET_KEY": SECRET}


def closed_round(session, **options):
    """SAMSAT's round answered by its three stakeholders (the second with every judgment reversed), closed."""
    _organisation, _version, round_ = launch(session, **options)
    people = invitations(session, round_)
    for index, invitation in enumerate(people):
        answer_everything(session, invitation, inverse=index == 1)
    rounds.close_round(session, round_)
    return round_, people


def given(session, invitation, round_, cluster, until_feedback=False):
    """A respondent's judgments on a page straight from the stored rows, as a matrix in the page's order."""
    query = select(Judgment).where(Judgment.invitation_id == invitation.id, Judgment.cluster == cluster.key)
    if until_feedback:
        query = query.where(Judgment.created_at <= round_.feedback_at)
    latest = {}
    for judgment in session.scalars(query.order_by(Judgment.revision)):
        latest[(judgment.row_id, judgment.column_id)] = judgment.value
    n = len(cluster.members)
    A = np.ones((n, n))
    position = {member.id: index for index, member in enumerate(cluster.members)}
    for (row, column), value in latest.items():
        A[position[row], position[column]], A[position[column], position[row]] = value, 1 / value
    return A


def by_hand(session, round_, people, cluster, until_feedback=False):
    """The page's group matrix (AIJ), its eigenvector weights and Goepel's S*, computed here."""
    stack = np.stack([given(session, p, round_, cluster, until_feedback) for p in people])
    weights = [session.get(Person, p.person_id).weight for p in people]
    group = aggregate(stack, weights)
    return group, priorities(group), consensus(priorities(stack), weights, 9.0)


def review_every_page(session, invitation, change=None, reason=""):
    """Keep every page as it was, except ``change``: (page key, pair, new value)."""
    for page in feedback.pages_to_review(session, invitation):
        values = answers.current_answers(session, invitation, page.key)
        why = ""
        if change and change[0] == page.key:
            values[change[1]] = change[2]
            why = reason
        status = feedback.submit_review(session, invitation, page, values, why, uuid.uuid4().hex)
        if status == answers.REASKING:  # the change made the page inconsistent: kept, with a reason
            reask = answers.open_reask(session, invitation, page.key)
            kept = {(p["row_id"], p["column_id"]): p["current"] for p in reask.pairs_shown}
            answers.submit_reask(session, invitation, page, kept, "I am sure", uuid.uuid4().hex)


def counts(session):
    return (session.scalar(select(func.count(Judgment.id))), session.scalar(select(func.count(FeedbackReview.id))))


def test_a_changed_judgment_moves_the_group_result_and_consensus_as_recomputed_by_hand(session):
    round_, people = closed_round(session)
    first = results.results(session, round_)
    assert feedback.open_feedback(session, round_, SETTINGS) == 3
    assert rounds.state(round_) == rounds.OPEN
    mails = session.scalars(select(OutboxMessage).where(OutboxMessage.subject.like("%kelompok%"))).all()
    assert len(mails) == 3 and "Putaran umpan baliknya telah dibuka" in mails[0].body
    page = answers.questionnaire(session, people[0])[0]
    pair = page.pairs[0]
    pair = (pair[0].id, pair[1].id)
    before_value = answers.current_answers(session, people[0], page.key)[pair]
    changed_to = 5.0 if before_value < 2 else 1 / 5
    review_every_page(session, people[0], (page.key, pair, changed_to), reason="The group convinced me")
    session.expire_all()
    round_ = session.get(Round, round_.id)

    after = next(c for c in results.results(session, round_).clusters if c.key == page.key)
    group, weights, s_star = by_hand(session, round_, people, page)
    assert np.allclose(after.group_matrix, group, atol=1e-12)
    assert np.allclose(after.weights, weights, atol=1e-12)
    assert after.consensus == pytest.approx(s_star, abs=1e-12)

    before = next(c for c in feedback.first_pass(session, round_).clusters if c.key == page.key)
    first_page = next(c for c in first.clusters if c.key == page.key)
    group, weights, s_star = by_hand(session, round_, people, page, until_feedback=True)
    assert np.allclose(before.group_matrix, group, atol=1e-12) and np.allclose(before.weights, first_page.weights)
    assert before.consensus == pytest.approx(s_star, abs=1e-12) == first_page.consensus
    assert not np.allclose(before.weights, after.weights) and before.consensus != pytest.approx(after.consensus)

    compared = feedback.before_after(session, round_)
    assert compared.asked == 3 and compared.reasons == [("Stakeholder 0", page.key, "The group convinced me")]
    root = next(change for change in compared.pages if change.before.key == page.key)
    assert (root.reviewed, root.changed) == (1, 1)
    assert all(change.changed == 0 for change in compared.pages if change.before.key != page.key)
    assert compared.before.global_weights == pytest.approx(first.global_weights)
    assert compared.after.global_weights != pytest.approx(first.global_weights)


def test_the_group_judgment_beside_ones_own_is_the_first_pass_group_matrix(session):
    round_, people = closed_round(session)
    feedback.open_feedback(session, round_, SETTINGS)
    page = answers.questionnaire(session, people[2])[0]
    group, _weights, _s = by_hand(session, round_, people, page, until_feedback=True)
    beside = feedback.page_beside(session, people[2], page)
    mine = published_answers(page)
    for pair in beside:
        i, j = page.members.index(pair.row), page.members.index(pair.column)
        assert pair.group == pytest.approx(group[i, j], abs=1e-12)
        assert pair.own == pytest.approx(mine[(pair.row.id, pair.column.id)])


def test_a_change_without_a_reason_is_refused_and_writes_nothing(session):
    round_, people = closed_round(session)
    feedback.open_feedback(session, round_, SETTINGS)
    page = feedback.pages_to_review(session, people[0])[0]
    values = answers.current_answers(session, people[0], page.key)
    first_pair = next(iter(values))
    values[first_pair] = 5.0 if values[first_pair] < 2 else 1 / 5
    before = counts(session)
    with pytest.raises(Invalid, match="please say why"):
        feedback.submit_review(session, people[0], page, values, "  ", uuid.uuid4().hex)
    session.expire_all()
    assert counts(session) == before


def test_a_page_is_reviewed_once_and_the_same_form_twice_stores_it_once(session):
    round_, people = closed_round(session)
    feedback.open_feedback(session, round_, SETTINGS)
    page = feedback.pages_to_review(session, people[0])[0]
    values = answers.current_answers(session, people[0], page.key)
    key = uuid.uuid4().hex
    feedback.submit_review(session, people[0], page, values, "", key)
    feedback.submit_review(session, people[0], page, values, "", key)
    assert counts(session)[1] == 1
    with pytest.raises(Invalid, match="reviewed this page already"):
        feedback.submit_review(session, people[0], page, values, "", uuid.uuid4().hex)
    assert feedback.next_step(session, people[0]) == ("feedback", feedback.pages_to_review(session, people[0])[1].key)


def test_a_feedback_round_needs_a_closed_pairwise_round_and_is_opened_once(session):
    _organisation, _version, open_round = launch(session)
    with pytest.raises(Invalid, match="Close the round first"):
        feedback.open_feedback(session, open_round, SETTINGS)
    assert session.get(Round, open_round.id).feedback_at is None
    round_, _people = closed_round(session)
    feedback.open_feedback(session, round_, SETTINGS)
    rounds.close_round(session, round_)
    with pytest.raises(Invalid, match="opened already"):
        feedback.open_feedback(session, round_, SETTINGS)


def test_a_rating_round_has_no_feedback_round(session):
    _organisation, _version, round_ = launch(session, kind="rating")
    rounds.close_round(session, round_)
    with pytest.raises(Invalid, match="Only a round of pairwise comparisons"):
        feedback.open_feedback(session, round_, SETTINGS)
    session.expire_all()
    assert session.get(Round, round_.id).feedback_at is None and session.get(Round, round_.id).status == "closed"


def test_nobody_finished_means_nothing_to_review(session):
    _organisation, _version, round_ = launch(session)
    rounds.close_round(session, round_)
    with pytest.raises(Invalid, match="nothing to review"):
        feedback.open_feedback(session, round_, SETTINGS)
    session.expire_all()
    assert session.get(Round, round_.id).status == "closed"


def test_in_the_feedback_round_first_round_pages_take_no_answers(session):
    round_, people = closed_round(session)
    feedback.open_feedback(session, round_, SETTINGS)
    page = answers.questionnaire(session, people[0])[0]
    with pytest.raises(Invalid, match="feedback"):
        answers.submit_cluster(session, people[0], page, published_answers(page), uuid.uuid4().hex)


def review_through_the_site(client, token, change=None, reason=""):
    """Answer every feedback page through the site, keeping the preselected answers except ``change``:
    (pair field name, radio value); returns the refused response when one is refused."""
    while True:
        response = client.get(f"/r/{token}/next")
        location = response.headers["Location"]
        if location.endswith("/reask"):  # the change made the page inconsistent: kept, saying why
            page = client.get(location).get_data(as_text=True)
            kept = dict(re.findall(r'name="(p_\d+_\d+)" value="([^"]+)" checked', page))
            assert client.post(location, data={"csrf_token": csrf(client, location), **kept, "reason": "Saya yakin",
                                               "submission": hidden(page, "submission"),
                                               "revision": hidden(page, "revision")}).status_code == 302
            continue
        if "/f/" not in location:
            return location
        page = client.get(location).get_data(as_text=True)
        data = {"csrf_token": csrf(client, location), "submission": hidden(page, "submission")}
        data.update(dict(re.findall(r'name="(p_\d+_\d+)" value="([^"]+)" checked', page)))
        why = ""
        if change and change[0] in data:
            data[change[0]] = change[1]
            why = reason
            refused = client.post(location, data={**data, "reason": ""}, headers={"Accept-Language": "id"})
            assert refused.status_code == 400, "a change without a reason is refused"
            change_refused.append(refused.get_data(as_text=True))
            data["submission"] = hidden(refused.get_data(as_text=True), "submission")
        response = client.post(location, data={**data, "reason": why})
        assert response.status_code == 302, response.get_data(as_text=True)


change_refused = []


def test_a_feedback_round_through_the_site(client, session):
    round_, people = closed_round(session)
    sign_in(client, session, round_.organisation_id)
    page_url = f"/hr/rounds/{round_.id}"
    question = client.get(f"{page_url}/feedback", headers={"Accept-Language": "id"}).get_data(as_text=True)
    assert "3 dari 3 peserta telah selesai" in question and session.get(Round, round_.id).feedback_at is None
    assert post(client, f"{page_url}/feedback", {}, page=page_url).status_code == 302
    session.expire_all()
    round_ = session.get(Round, round_.id)
    assert round_.feedback_at is not None and round_.status == "open"
    first = feedback.first_pass(session, round_)

    token = token_for(SECRET, people[0].token_nonce)
    welcome = client.get(f"/r/{token}", headers={"Accept-Language": "id"}).get_data(as_text=True)
    assert 'id="feedback-round"' in welcome and "Putaran umpan balik" in welcome
    root = answers.questionnaire(session, people[0])[0]
    shown = client.get(f"/r/{token}/f/{root.key}", headers={"Accept-Language": "id"}).get_data(as_text=True)
    group, _weights, _s = by_hand(session, round_, people, root, until_feedback=True)
    a, b = root.pairs[0]
    strength = group[0, 1] if group[0, 1] >= 1 else 1 / group[0, 1]
    assert "Kelompok:" in shown and f"{strength:.2f}".replace(".", ",") in shown
    assert f'aria-describedby="p_{a.id}_{b.id}-beside"' in shown

    field = f"p_{a.id}_{b.id}"
    before_value = answers.current_answers(session, people[0], root.key)[(a.id, b.id)]
    new_choice = "5" if before_value < 2 else "1/5"
    judgments_before = counts(session)[0]
    change_refused.clear()
    assert review_through_the_site(client, token, (field, new_choice), "Saya setuju dengan kelompok").endswith("/done")
    assert "alasan" in change_refused[0].lower()
    session.expire_all()
    round_ = session.get(Round, round_.id)
    assert counts(session) == (judgments_before + 1, len(feedback.pages_to_review(session, people[0])))

    after = next(c for c in results.results(session, round_).clusters if c.key == root.key)
    group, weights, s_star = by_hand(session, round_, people, root)
    assert np.allclose(after.group_matrix, group, atol=1e-12) and np.allclose(after.weights, weights, atol=1e-12)
    assert after.consensus == pytest.approx(s_star, abs=1e-12)
    before = next(c for c in feedback.first_pass(session, round_).clusters if c.key == root.key)
    assert np.allclose(before.weights, next(c for c in first.clusters if c.key == root.key).weights)

    shown = client.get(f"{page_url}/results", headers={"Accept-Language": "id"}).get_data(as_text=True)
    assert "Putaran umpan balik" in shown and "Saya setuju dengan kelompok" in shown
    s_before, s_after = (f"{value * 100:.1f}".replace(".", ",") for value in (before.consensus, after.consensus))
    assert f"{s_before}% " in shown and f"{s_after}% " in shown

    report = client.get(f"/hr/reports/weighting/{round_.id}.html", headers={"Accept-Language": "id"})
    printed = report.get_data(as_text=True)
    assert report.status_code == 200 and "Putaran umpan balik: sebelum dan sesudah" in printed
    assert f"{s_before}% → {s_after}%" in printed and "Saya setuju dengan kelompok" in printed

    _, raw = api_tokens.create_token(session, round_.organisation_id, "HRIS")
    found = client.get(f"/api/rounds/{round_.id}/results", headers={"Authorization": f"Bearer {raw}"}).get_json()
    assert found["clusters"][0]["consensus"] == pytest.approx(s_star, abs=1e-12)
    assert found["feedback"]["before"]["clusters"][0]["consensus"] == pytest.approx(before.consensus, abs=1e-12)
    assert found["feedback"]["before"]["global_weights"] == pytest.approx(
        {session.get(Element, element_id).code: w for element_id, w in first.global_weights.items()})
    assert found["feedback"]["pages"][0] == {"cluster": found["clusters"][0]["cluster"], "reviewed": 1, "changed": 1}


def test_someone_who_did_not_finish_cannot_answer_in_the_feedback_round(client, session):
    _organisation, _version, round_ = launch(session)
    people = invitations(session, round_)
    answer_everything(session, people[0])
    rounds.close_round(session, round_)
    feedback.open_feedback(session, round_, SETTINGS)
    late = token_for(SECRET, people[1].token_nonce)
    assert client.get(f"/r/{late}/next").status_code == 410
    page = answers.questionnaire(session, people[1])[0]
    with pytest.raises(Invalid, match="only for those who finished"):
        answers.submit_cluster(session, people[1], page, published_answers(page), uuid.uuid4().hex)


def test_hr_is_told_why_an_open_round_gets_no_feedback_round_and_nothing_is_written(client, session):
    _organisation, _version, round_ = launch(session)
    sign_in(client, session, round_.organisation_id)
    page_url = f"/hr/rounds/{round_.id}"
    shown = post(client, f"{page_url}/feedback", {}, page=page_url, follow_redirects=True,
                 headers={"Accept-Language": "id"}).get_data(as_text=True)
    assert "Tutup putaran terlebih dahulu" in shown
    session.expire_all()
    assert session.get(Round, round_.id).feedback_at is None
    assert session.scalar(select(func.count(OutboxMessage.id)).where(OutboxMessage.subject.like("%kelompok%"))) == 0
