"""One home per round kind (issue 25): survey/services/kinds.py says what each kind asks, shows and exports.

Two guards: no round kind's name is written anywhere else in survey/ or templates/ (code asks the kind),
and for a round of every kind each page, report, export and the API answer 200 or 404 exactly as its
RoundKind declares.
"""
from __future__ import annotations

import ast
import re
import uuid
from pathlib import Path

import pytest

from survey.services import answers, api_tokens, network, questionnaires, ratings, rounds, scorecards
from survey.services.kinds import KINDS, kind_of
from tests.helpers.network import NETWORK, small_scorecard
from tests.helpers.questionnaires import ANSWERS, form_values, invite_person, new_round, skm_round
from tests.helpers.questionnaires import answer as answer_questionnaire
from tests.helpers.reports import self_report_round
from tests.web import sign_in

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "survey" / "services" / "kinds.py"
#: Where a kind's name is written for another meaning, with the reason: (file, string) -> why.
OTHER_MEANINGS = {
    ("survey/services/reports.py", "rating"): "a column of the ratings export: one rating per row",
}


def _python_files():
    return [p for p in (ROOT / "survey").rglob("*.py") if p != REGISTRY]


def test_no_round_kind_is_named_outside_the_registry():
    found = []
    for path in _python_files():
        name = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in KINDS and (name, node.value) not in OTHER_MEANINGS:
                found.append(f"{name}:{node.lineno}: {node.value!r}")
    quoted = re.compile(r"""(['"])(%s)\1""" % "|".join(map(re.escape, KINDS)))
    for path in (ROOT / "templates").rglob("*.html"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found += [f"{path.relative_to(ROOT).as_posix()}:{number}: {m.group(0)}" for m in quoted.finditer(line)]
    assert not found, "ask the kind (survey/services/kinds.py), not its name:\n" + "\n".join(found)


def test_the_scan_sees_a_kind_named_in_code_and_in_a_template(tmp_path):
    """The guard above would catch the tests of old: ``round_.kind == "rating"`` and ``'network'``."""
    tree = ast.parse('if round_.kind == "rating":\n    pass')
    assert any(isinstance(n, ast.Constant) and n.value in KINDS for n in ast.walk(tree))
    assert re.search(r"""(['"])(%s)\1""" % "|".join(KINDS), "{% if round.kind == 'network' %}")


def test_every_other_meaning_allowed_is_still_written_there():
    for (name, value), _reason in OTHER_MEANINGS.items():
        constants = {n.value for n in ast.walk(ast.parse((ROOT / name).read_text(encoding="utf-8")))
                     if isinstance(n, ast.Constant)}
        assert value in constants, f"{name} no longer writes {value!r}: drop it from OTHER_MEANINGS"


# --- the guard over KINDS: a round of each kind, answered by one respondent ---

def _pairwise_or_rated(app, client, session, kind):
    """A round of ``kind`` on a small scorecard with a network, every page answered (equal importance)."""
    organisation, version = small_scorecard(session)
    codes = {e.code: e.id for e in scorecards.elements(session, version.id)}
    for target, sources in NETWORK.items():
        network.set_influencers(session, version, codes[target], [codes[s] for s in sources])
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title=kind, kind=kind)
    invitation, token = invite_person(app, session, organisation, round_, "Dewi")
    for cluster in answers.questionnaire(session, invitation):
        if kind_of(round_).rated:
            ratings.submit_ratings(session, invitation, cluster, {m.id: 5.0 for m in cluster.members}, uuid.uuid4().hex)
        else:
            answers.submit_cluster(session, invitation, cluster, {(a.id, b.id): 1.0 for a, b in cluster.pairs},
                                   uuid.uuid4().hex)
    sign_in(client, session, organisation.id)
    return organisation, round_, token


def _self_report(app, client, session, kind):
    organisation, round_ = self_report_round(session, {"Ani": 90.0})
    _, token = invite_person(app, session, organisation, round_, "Dewi")
    sign_in(client, session, organisation.id)
    return organisation, round_, token


def _validation(app, client, session, kind):
    organisation, _, round_ = new_round(client, session, kind)
    questionnaires.default_questions(session, round_)
    _, token = invite_person(app, session, organisation, round_, "Dewi")
    assert answer_questionnaire(client, token, {q.id: "1" for q in questionnaires.questions(session, round_)}
                                ).status_code == 302
    return organisation, round_, token


def _satisfaction(app, client, session, kind):
    organisation, _, round_ = skm_round(client, session, language="en")
    _, token = invite_person(app, session, organisation, round_, "Dewi")
    values = form_values(questionnaires.questions(session, round_), ANSWERS["Ani"])
    assert answer_questionnaire(client, token, values).status_code == 302
    return organisation, round_, token


#: How a test builds an answered round of each kind: by what its respondents give, and its report.
def _builder(kind):
    if kind.asked_on_pages:
        return _pairwise_or_rated
    return {"reports.personal": _self_report, "reports.ikm": _satisfaction, None: _validation}[kind.report]


#: Every report and export address a round may have, by the name a RoundKind declares it under.
REPORTS = {"reports.weighting": "/hr/reports/weighting/{id}.html", "reports.personal": "/hr/reports/personal/{id}.html",
           "reports.ikm": "/hr/reports/ikm/{id}.html"}
EXPORTS = {"judgments": "/hr/reports/weighting/{id}/judgments.csv", "matrices": "/hr/reports/weighting/{id}/matrices.csv",
           "weights": "/hr/reports/weighting/{id}/weights.csv", "ratings": "/hr/reports/weighting/{id}/ratings.csv",
           "personal": "/hr/reports/personal/{id}.csv", "supermatrices": "/hr/rounds/{id}/supermatrices.csv",
           "answers": "/hr/reports/ikm/{id}/answers.csv", "unsur": "/hr/reports/ikm/{id}/unsur.xlsx"}


def test_every_declared_report_and_export_has_an_address_here():
    assert {kind.report for kind in KINDS.values()} - {None} <= set(REPORTS)
    assert {name for kind in KINDS.values() for name in kind.exports} <= set(EXPORTS)


@pytest.mark.parametrize("code", list(KINDS))
def test_each_page_report_export_and_api_answers_as_the_round_kind_declares(app, client, session, code):
    kind = KINDS[code]
    organisation, round_, token = _builder(kind)(app, client, session, code)
    answered = {}
    for page in (f"/hr/rounds/{round_.id}", f"/r/{token}", f"/hr/rounds/{round_.id}/results"):
        answered[page] = (client.get(page).status_code, 200)
    for endpoint, address in REPORTS.items():
        answered[endpoint] = (client.get(address.format(id=round_.id)).status_code,
                              200 if kind.report == endpoint else 404)
    for name, address in EXPORTS.items():
        answered[name] = (client.get(address.format(id=round_.id)).status_code, 200 if name in kind.exports else 404)
    _, raw = api_tokens.create_token(session, organisation.id, "HRIS")
    response = app.test_client().get(f"/api/rounds/{round_.id}/results", headers={"Authorization": f"Bearer {raw}"})
    answered["api"] = (response.status_code, 200 if kind.api_results else 404)
    if kind.api_results:  # a questionnaire's own figures, not a weighting round's empty "root" clusters
        body = response.get_json()
        answered["api gives weights"] = ("clusters" in body and "global_weights" in body, kind.gives_weights)
    assert {what: got for what, (got, _) in answered.items()} == {what: want for what, (_, want) in answered.items()}
