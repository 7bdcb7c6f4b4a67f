"""One respondent, one page open in two windows (two browser tabs): each page kind that saves answers
refuses to replace, unseen, what the other window saved meanwhile. The older window's page comes back
with what it typed, says what was saved and what differs, and saving it again is the person's choice.
Nothing accepted is lost: a replaced answer stays on record as an earlier revision."""
from __future__ import annotations

import html
import re

from sqlalchemy import func, select

from analysis.ahp import scale_label
from survey.models import Judgment, PublicVisit, Rating, Round
from survey.services import answers, people, questionnaires, ratings, rounds
from tests.test_network_rounds import NETWORK, draw, small_scorecard
from tests.test_public_rounds import public_round, random_answers  # noqa: F401 (a fixture)
from tests.test_site_questionnaires import invite_person, new_round
from tests.test_site_rating import launch_rating_round
from tests.test_site_weighting import launch_round
from tests.web import TOKEN, hidden, post, round_form, sign_in

NOTICE = "while it was open, answers on it were saved from another window"
NOTICE_ID = "ketika halaman ini terbuka, jawaban di halaman ini disimpan dari jendela lain"


def window(client, url) -> str:
    """A page as one browser tab shows it."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def save(client, url, page: str, values: dict) -> object:
    """Press save in the tab showing ``page``: its own hidden fields, the answers ``values``."""
    token = TOKEN.search(page)
    revision = hidden(page, "revision") if 'name="revision"' in page else ""
    return client.post(url, data={"csrf_token": token.group(1) or token.group(2),
                                  "submission": hidden(page, "submission"), "revision": revision, **values})


def pairs_of(page, value_of) -> dict[str, str]:
    return {f"p_{a.id}_{b.id}": scale_label(value_of(a, b)) for a, b in page.pairs}


def invited(app, session, round_, organisation) -> tuple:
    invitation, token = rounds.new_invitation(round_, people.people(session, organisation.id)[0], "test")
    session.add(invitation)
    session.commit()
    return invitation, token


def check_pairwise_page_in_two_windows(client, session, invitation, url, page):
    """Both tabs open the page; the first saves, the second (older) is refused, then saved on purpose."""
    first_tab, second_tab = window(client, url), window(client, url)
    assert save(client, url, first_tab, pairs_of(page, lambda a, b: 2.0)).status_code == 302
    refused = save(client, url, second_tab, pairs_of(page, lambda a, b: 1 / 3))
    text = html.unescape(refused.get_data(as_text=True))
    assert refused.status_code == 409 and NOTICE_ID in text
    a, b = page.pairs[0]
    assert f"{a.name} – {b.name}" in text
    words = re.sub(r"<[^>]+>", "", text).replace("\u00a0", " ")  # the scale's sentences, as read
    assert f"{a.name} antara sama dan sedikit lebih penting · 2" in words  # what the other tab saved
    assert f"{b.name} sedikit lebih penting · 3" in words  # what this tab has
    assert 'value="1/3" checked' in text  # what this tab typed is still there
    session.expire_all()
    assert set(answers.current_answers(session, invitation, page.key).values()) == {2.0}  # nothing replaced
    # The person keeps this tab's answers: saving again applies them; the other tab's stay on record.
    assert save(client, url, refused.get_data(as_text=True), pairs_of(page, lambda a, b: 1 / 3)).status_code == 302
    session.expire_all()
    assert set(answers.current_answers(session, invitation, page.key).values()) == {1 / 3}
    history = session.scalars(select(Judgment.value).where(Judgment.invitation_id == invitation.id,
                                                           Judgment.cluster == page.key)
                              .order_by(Judgment.revision, Judgment.id)).all()
    assert history == [2.0] * len(page.pairs) + [1 / 3] * len(page.pairs)


def test_a_pairwise_page_saved_in_another_tab_is_not_replaced_unseen(app, client, session):
    organisation, _, round_ = launch_round(client, session, ask_identity="")
    invitation, token = invited(app, session, round_, organisation)
    page = answers.questionnaire(session, invitation)[1]  # two elements: no re-ask in the way
    check_pairwise_page_in_two_windows(client, session, invitation, f"/r/{token}/c/{page.key}", page)


def test_a_network_page_saved_in_another_tab_is_not_replaced_unseen(app, client, session):
    organisation, version = small_scorecard(session)
    sign_in(client, session, organisation.id)
    draw(client, version, NETWORK)
    response = post(client, "/hr/rounds/new", round_form(kind="network", version_id=version.id, ask_identity="",
                                                         title="ANP 2026"))
    assert response.status_code == 302, response.get_data(as_text=True)
    round_ = session.scalar(select(Round).where(Round.title == "ANP 2026"))
    invitation, token = invited(app, session, round_, organisation)
    page = next(p for p in answers.questionnaire(session, invitation) if len(p.members) == 2)
    check_pairwise_page_in_two_windows(client, session, invitation, f"/r/{token}/c/{page.key}", page)


def test_the_same_answers_from_two_tabs_are_no_conflict(app, client, session):
    organisation, _, round_ = launch_round(client, session, ask_identity="")
    invitation, token = invited(app, session, round_, organisation)
    page = answers.questionnaire(session, invitation)[1]
    url = f"/r/{token}/c/{page.key}"
    first_tab, second_tab = window(client, url), window(client, url)
    assert save(client, url, first_tab, pairs_of(page, lambda a, b: 2.0)).status_code == 302
    assert save(client, url, second_tab, pairs_of(page, lambda a, b: 2.0)).status_code == 302
    assert session.scalar(select(func.count()).select_from(Judgment)) == len(page.pairs)  # no new revision


def test_a_rating_page_saved_in_another_tab_is_not_replaced_unseen(app, client, session):
    _organisation, _version, _round, links = launch_rating_round(client, session, rating_scale="10")
    invitation = answers.find_invitation(session, links[0].rsplit("/", 1)[1])
    page = answers.questionnaire(session, invitation)[0]
    url = f"{links[0]}/rate/{page.key}"
    first_tab, second_tab = window(client, url), window(client, url)
    first, second = page.members[0], page.members[1]
    mine = {f"r_{e.id}": "7" for e in page.members}
    assert save(client, url, first_tab, mine).status_code == 302
    refused = save(client, url, second_tab, dict(mine, **{f"r_{first.id}": "4,5"}))
    text = html.unescape(refused.get_data(as_text=True))
    assert refused.status_code == 409 and NOTICE_ID in text
    assert f"{first.name}</strong>: disimpan dari jendela lain: 7; di halaman ini: 4,5." in text
    assert f"{second.name}</strong>:" not in text  # the same rating in both tabs: no conflict
    assert 'value="4,5"' in text
    session.expire_all()
    assert ratings.current_ratings(session, invitation, page.key)[first.id] == 7
    assert save(client, url, refused.get_data(as_text=True), dict(mine, **{f"r_{first.id}": "4,5"})).status_code == 302
    session.expire_all()
    assert ratings.current_ratings(session, invitation, page.key)[first.id] == 4.5
    assert session.scalars(select(Rating.value).where(Rating.element_id == first.id)
                           .order_by(Rating.revision)).all() == [7, 4.5]


def test_a_reask_answered_in_another_tab_is_not_answered_again_and_says_what_this_tab_chose(app, client, session):
    organisation, _, round_ = launch_round(client, session, ask_identity="", max_reasks="1")
    invitation, token = invited(app, session, round_, organisation)
    root = answers.questionnaire(session, invitation)[0]
    F, C, I, L = root.members
    circular = {(F.id, C.id): 5, (F.id, I.id): 1 / 5, (F.id, L.id): 3, (C.id, I.id): 5, (C.id, L.id): 1 / 3,
                (I.id, L.id): 5}
    page = window(client, f"/r/{token}/c/root")
    response = save(client, f"/r/{token}/c/root", page,
                    {f"p_{r}_{c}": scale_label(v) for (r, c), v in circular.items()})
    assert client.get(response.headers["Location"]).headers["Location"].endswith("/c/root/reask")
    url = f"/r/{token}/c/root/reask"
    first_tab, second_tab = window(client, url), window(client, url)
    reask = answers.open_reask(session, invitation, "root")
    kept = {f"p_{p['row_id']}_{p['column_id']}": scale_label(p["current"]) for p in reask.pairs_shown}
    assert save(client, url, first_tab, dict(kept, reason="Saya yakin")).status_code == 302  # kept, with a reason
    shown = reask.pairs_shown[0]
    pair = (shown["row_id"], shown["column_id"])
    changed = dict(kept, **{f"p_{pair[0]}_{pair[1]}": scale_label(shown["implied_scale"])})
    late = save(client, url, second_tab, changed)
    assert late.status_code == 302
    text = html.unescape(client.get(late.headers["Location"], follow_redirects=True).get_data(as_text=True))
    assert "Pemeriksaan ini sudah dijawab dari jendela lain" in text
    by_id = {e.id: e for e in root.members}
    a, b = by_id[pair[0]], by_id[pair[1]]
    assert f"{a.name} – {b.name}: pilihan Anda" in text
    session.expire_all()
    assert answers.current_answers(session, invitation, "root")[pair] == circular[pair]  # not applied unseen
    assert answers.status_of(answers.find_invitation(session, token))["root"].status == answers.KEPT


def test_a_questionnaire_saved_in_another_tab_is_not_replaced_unseen(app, client, session):
    organisation, _, round_ = new_round(client, session, "satisfaction")
    service = questionnaires.add_question(session, round_, kind="likert", text="Service at the counter")
    waiting = questionnaires.add_question(session, round_, kind="likert", text="Waiting time")
    remarks = questionnaires.add_question(session, round_, kind="text", text="Anything else?")
    invitation, token = invite_person(app, session, organisation, round_, "Ani")
    url = f"/r/{token}/q"
    first_tab, second_tab = window(client, url), window(client, url)
    values = {f"q_{service.id}": "4", f"q_{waiting.id}": "3", f"q_{remarks.id}": "Quick"}
    assert save(client, url, second_tab, values).status_code == 302
    older = dict(values, **{f"q_{service.id}": "2", f"q_{remarks.id}": "Slow"})
    refused = save(client, url, first_tab, older)
    text = html.unescape(refused.get_data(as_text=True))
    assert refused.status_code == 409 and NOTICE in text
    assert "<strong>Service at the counter</strong>: saved from the other window: 4; on this page: 2." in text
    assert "<strong>Anything else?</strong>: saved from the other window: Quick; on this page: Slow." in text
    assert "<strong>Waiting time</strong>" not in text  # the same answer: no conflict
    assert ">Slow</textarea>" in text
    assert [r.value for r in questionnaires.answer_history(session, invitation.id, service.id)] == [4.0]
    assert save(client, url, refused.get_data(as_text=True), older).status_code == 302
    history = questionnaires.answer_history(session, invitation.id, service.id)
    assert [r.value for r in history] == [2.0, 4.0]  # the later save counts; the replaced answer stays on record


def test_a_public_page_answered_in_another_tab_takes_no_second_answer(app, session, public_round):  # noqa: F811
    """Public pages replace nothing: each answer is a visit of its own, and one browser answers once."""
    import numpy as np
    browser, url = app.test_client(), f"/p/{public_round.public_slug}"
    first_tab, second_tab = window(browser, url), window(browser, url)
    values = {f"q_{qid}": v for qid, v in random_answers(session, public_round, np.random.default_rng(1)).items()}
    assert save(browser, url, first_tab, values).status_code == 302
    late = save(browser, url, second_tab, values)
    assert late.status_code == 409 and "sudah menjawab survei ini dari peramban ini" in late.get_data(as_text=True)
    assert session.scalar(select(func.count()).select_from(PublicVisit)) == 1
