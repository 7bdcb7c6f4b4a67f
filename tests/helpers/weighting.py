"""Weighting rounds launched and answered, through the services and through the site."""
from __future__ import annotations

import uuid

import numpy as np

from analysis.ahp import parse_judgment, priorities, scale_label
from survey.models import Round
from survey.services import answers, people, rounds
from tests.reference import samsat
from tests.samsat_site import build_samsat, published_answers
from tests.web import csrf, hidden, post, round_form, sign_in

SECRET = "test"


def launch(session, **options):
    organisation, version = build_samsat(session)
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot 2010", **options)
    everyone = [p.id for p in people.people(session, organisation.id)]
    rounds.invite(session, round_, everyone, {"SECRET_KEY": SECRET})
    return organisation, version, round_


def invitations(session, round_):
    return [p.invitation for p in rounds.progress(session, round_).participants]


def answer_everything(session, invitation, inverse=False):
    for cluster in answers.questionnaire(session, invitation):
        outcome = answers.submit_cluster(session, invitation, cluster, published_answers(cluster, inverse),
                                         uuid.uuid4().hex)
        if outcome.status == "reasking":
            reask = answers.open_reask(session, invitation, cluster.key)
            kept = {(p["row_id"], p["column_id"]): p["current"] for p in reask.pairs_shown}
            answers.submit_reask(session, invitation, cluster, kept, "I am sure", uuid.uuid4().hex)


def launch_round(client, session, **round_options):
    organisation, version = build_samsat(session)
    sign_in(client, session, organisation.id)
    response = post(client, "/hr/rounds/new", round_form(version_id=version.id, **round_options))
    assert response.status_code == 302, response.get_data(as_text=True)
    round_id = int(response.headers["Location"].rsplit("/", 1)[1])
    return organisation, version, session.get(Round, round_id)


def answer_page(client, url, values, raw_choices=()):
    """Submit a pairwise page with ``values``; ``raw_choices`` are (pair, radio value) sent as they are."""
    page = client.get(url).get_data(as_text=True)
    data = {"csrf_token": csrf(client, url), "submission": hidden(page, "submission")}
    data.update({f"p_{r}_{c}": scale_label(v) for (r, c), v in values.items()})
    data.update({f"p_{r}_{c}": choice for (r, c), choice in raw_choices})
    return client.post(url, data=data)


def invited_to_root_page(client, session):
    """A launched round's first stakeholder: their link token and the root cluster's page."""
    organisation, _, round_ = launch_round(client, session, ask_identity="")
    invitation, token = rounds.new_invitation(round_, people.people(session, organisation.id)[0], "test")
    session.add(invitation)
    session.commit()
    return token, answers.questionnaire(session, invitation)[0]


def published_local_weights() -> dict[str, float]:
    """The SAMSAT 2010 local weights per element code, as a decree would list them: the source's approximate
    method on its published matrices, to six decimals (the source prints them rounded to two, which do not
    sum to 1 and so cannot give its global weights)."""
    local = {}
    for cluster in samsat()["pairwise"].values():
        matrix = np.array([[parse_judgment(v) for v in row] for row in cluster["matrix"]])
        local.update(zip(cluster["order"], np.round(priorities(matrix, "approximate"), 6)))
    return local
