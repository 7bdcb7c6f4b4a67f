"""Questionnaire rounds (SKM among them): made, people invited, answered, visited publicly."""
from __future__ import annotations

from survey.models import Round
from survey.services import people, rounds, skm
from tests.samsat_site import build_samsat
from tests.web import TOKEN, csrf, hidden, post, round_form, sign_in


def new_round(client, session, kind, **extra):
    organisation, version = build_samsat(session, stakeholders=0)
    sign_in(client, session, organisation.id)
    response = post(client, "/hr/rounds/new", round_form(**{"kind": kind, "title": f"{kind} 2010", "period": "2010",
                                                            "version_id": version.id, "language": "en", **extra}))
    assert response.status_code == 302, response.get_data(as_text=True)
    round_ = session.get(Round, int(response.headers["Location"].rsplit("/", 1)[1]))
    return organisation, version, round_


def invite_person(app, session, organisation, round_, name):
    person = people.add_person(session, organisation.id, name=name, email=f"{name.lower()}@x.org", kind="employee")
    invitation, token = rounds.new_invitation(round_, person, app.config["SECRET_KEY"])
    session.add(invitation)
    session.commit()
    return invitation, token


def answer(client, token, values):
    url = f"/r/{token}/q"
    page = client.get(url).get_data(as_text=True)
    return client.post(url, data={"csrf_token": csrf(client, url), "submission": hidden(page, "submission"),
                                  **{f"q_{qid}": value for qid, value in values.items()}})


SERVICES = "Pajak kendaraan tahunan; Balik nama kendaraan"


# Three respondents' answers to U1-U9 (1-4) and their profile; the IKM by hand is in the test.
ANSWERS = {"Ani": [4, 3, 3, 4, 3, 3, 4, 3, 2], "Budi": [3, 3, 2, 4, 3, 4, 4, 3, 3], "Cici": [3, 2, 3, 4, 4, 3, 3, 3, 3]}


def skm_round(client, session, language="id"):
    organisation, version, round_ = new_round(client, session, "satisfaction", language=language)
    page = f"/hr/rounds/{round_.id}"
    response = post(client, f"{page}/questions/skm", {"services": SERVICES}, page=page)
    assert response.status_code == 302
    return organisation, version, round_


def form_values(asked, unsur, profile=(0, 1, 2, 3, 0), suggestion=""):
    """Form values for the questionnaire: choice indexes (an unsur's answer k is index k - 1)."""
    values, scores, profiles = {}, iter(unsur), iter(profile)
    for question in asked:
        if question.role.startswith(skm.SKM):
            score = next(scores)
            if score is not None:
                values[question.id] = str(score - 1)
        elif question.role.startswith(skm.PROFILE):
            values[question.id] = str(next(profiles))
        else:
            values[question.id] = suggestion
    return values


def visit(app, round_, address, values, browser=None, headers=None, query=""):
    """A visitor opens the link (with ``query``, e.g. a counter's ``?layanan=2``) and sends the form with
    ``values``: (their browser, the POST's answer, or the GET's when the page showed no form)."""
    browser = browser or app.test_client()
    url = f"/p/{round_.public_slug}{query}"
    shown = browser.get(url, headers=headers, environ_base={"REMOTE_ADDR": address})
    page = shown.get_data(as_text=True)
    token = TOKEN.search(page)
    if shown.status_code != 200 or token is None:
        return browser, shown
    return browser, browser.post(url, headers=headers, environ_base={"REMOTE_ADDR": address}, data={
        "csrf_token": token.group(1) or token.group(2), "submission": hidden(page, "submission"),
        **{f"q_{qid}": value for qid, value in values.items()}})
