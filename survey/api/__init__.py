"""The JSON API for HR and government reporting systems, described at /api/openapi.json.

Authenticated with a per-organisation bearer token; everything is scoped to the
token's organisation, and another organisation's ids answer 404 like unknown ones.
"""
from __future__ import annotations

import re

import pandas as pd
from flask import Blueprint, current_app, g, jsonify, request
from flask.json.provider import DefaultJSONProvider
from werkzeug.exceptions import BadRequest, HTTPException

from survey import background, db
from survey.api.openapi import DOCUMENT
from survey.models import Scorecard
from survey.services import (
    accounts,
    api_tokens,
    feedback,
    groups,
    performance,
    reports,
    results,
    rounds,
    scorecards,
    weight_intervals,
)
from survey.services.errors import Invalid
from survey.services.kinds import kind_of
from survey.services.outcome import unusable_note
from survey.services.reports import plain_number

blueprint = Blueprint("api", __name__, url_prefix="/api")
WRONG_TOKENS_ALLOWED = 20
#: Deepest nesting of brackets a JSON body may have: ours are two deep; Python's parser recurses per
#: level and a few thousand levels end in a RecursionError (a 500), so deeper bodies are refused first.
MAX_JSON_DEPTH = 400
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def json_depth(text: str | bytes) -> int:
    """How deeply the brackets of a JSON text nest, brackets inside strings not counted."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    depth = deepest = 0
    for bracket in _JSON_BRACKET.finditer(_JSON_STRING.sub("", text)):
        depth += 1 if bracket.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


class DepthLimitedJSON(DefaultJSONProvider):
    """The app's JSON: a request body nested deeper than MAX_JSON_DEPTH is a 400, before it is parsed."""

    def loads(self, s, **kwargs):
        if json_depth(s) > MAX_JSON_DEPTH:
            raise BadRequest(f"JSON nested deeper than {MAX_JSON_DEPTH} levels is refused")
        return super().loads(s, **kwargs)


class ApiError(Exception):
    def __init__(self, status: int, message: str, errors: dict | None = None):
        super().__init__(message)
        self.status, self.message, self.errors = status, message, errors


@blueprint.errorhandler(ApiError)
def api_error(error: ApiError):
    body = {"error": error.message}
    if error.errors:
        body["errors"] = error.errors
    return jsonify(body), error.status


def http_error(error: HTTPException):
    """An HTTP error of an API address (bad JSON, unknown id, wrong method) as JSON, like ApiError;
    the app's handler calls it for every address under /api/, those no route matches included."""
    response = jsonify({"error": error.description or error.name})
    response.status_code = error.code or 500
    if error.code == 405:
        response.headers["Allow"] = ", ".join(error.valid_methods or [])
    return response


@blueprint.before_request
def authenticate():
    if request.endpoint == "api.openapi":
        return None
    session = db.session()
    client = f"api-ip:{request.remote_addr}"
    header = request.headers.get("Authorization", "")
    raw = header[7:].strip() if header.startswith("Bearer ") else ""
    token = api_tokens.authenticate(session, raw) if raw else None
    if token is None:
        if accounts.too_many_failures(session, client, limit=WRONG_TOKENS_ALLOWED):
            raise ApiError(429, "too many failed attempts; wait 15 minutes")
        if raw:
            accounts.record_failure(session, client)
        raise ApiError(401, "send 'Authorization: Bearer <token>' with a valid API token")
    g.api_organisation = token.organisation_id
    g.api_actor = f"API: {token.name}"  # who the audit log names for what this token does
    return None


@blueprint.get("/openapi.json")
def openapi():
    return jsonify(DOCUMENT)


@blueprint.get("/scorecards")
def list_scorecards():
    cards = db.session().query(Scorecard).filter_by(organisation_id=g.api_organisation).order_by(Scorecard.id)
    return jsonify([{"id": v.id, "scorecard": card.name, "label": v.label, "weights_round_id": v.weights_round_id,
                     "weights_source": v.weights_source, "weights_note": v.weights_note,
                     "weights_provenance": _provenance(v)} for card in cards for v in card.versions])


def _provenance(version) -> dict:
    """How the version's weights were made (reports.weights_provenance), in codes and English words."""
    found = reports.weights_provenance(db.session(), version)
    return {name: found[name] for name in ("source", "kind", "kind_words", "method", "respondents", "round_id",
                                           "title", "note", "published_on", "published_by")}


@blueprint.get("/scorecards/<int:version_id>")
def scorecard(version_id):
    version = _version(version_id)
    tree = scorecards.tree_order(scorecards.elements(db.session(), version.id))
    codes = {element.id: element.code for element, _ in tree}
    return jsonify({"id": version.id, "scorecard": version.scorecard.name, "label": version.label,
                    "weights_provenance": _provenance(version),
                    "elements": [{"code": e.code, "kind": e.kind, "parent": codes.get(e.parent_id), "name": e.name,
                                  "unit": e.unit, "better": e.better, "formula": e.formula,
                                  "local_weight": e.local_weight, "global_weight": e.global_weight}
                                 for e, _ in tree]})


@blueprint.get("/scorecards/<int:version_id>/scores/<path:period>")
def scores(version_id, period):
    version = _version(version_id)
    try:
        card = performance.office_scorecard(db.session(), version, period)
    except Invalid as error:
        raise ApiError(404, "no scores for this period", error.errors) from None
    return jsonify({"period": period, "index": plain_number(card.index["index"]),
                    "light": None if card.provisional else card.index["light"],
                    "provisional": card.provisional, "scored": card.scored, "weighted": card.weighted,
                    "gaps": [{"kpi": gap.kpi, "missing": list(gap.missing)} for gap in card.gaps],
                    "subtotals": {str(r.perspective): float(r.subtotal) for r in card.subtotals.itertuples()},
                    "predikat": card.bands[card.predikat].label("en") if card.predikat >= 0 else None,
                    "kpis": [{"code": r["kpi"], "weight": r["weight"], "performance": plain_number(r["performance"]),
                              "level": plain_number(r["level"]), "light": r["light"], "value": plain_number(r["value"]),
                              "capaian": plain_number(r["capaian"]),
                              "predikat": card.bands[r["predikat"]].label("en") if r["predikat"] >= 0 else None}
                             for r in card.kpis.to_dict("records")],
                    "unscored": [str(problem) for problem in card.problems]})


@blueprint.post("/scorecards/<int:version_id>/measurements")
def add_measurements(version_id):
    """Targets, actuals and formula inputs, all or none: an absent or null value leaves the stored one
    unchanged (clearing is its own call); a row that changes nothing writes nothing."""
    session, version = db.session(), _version(version_id)
    body = _strict_json()
    if not isinstance(body, list) or not all(isinstance(row, dict) for row in body) or len(body) > 5000:
        raise ApiError(422, "send a JSON list of measurements: [{\"kpi\": ..., \"period\": ..., \"target\": ..., "
                            "\"actual\": ..., \"inputs\": {...}}, ...] (at most 5000)")
    rows, errors = [], {}
    for index, row in enumerate(body):
        inputs = row.get("inputs") or {}
        values = [row.get(name) for name in ("target", "actual")] + list(inputs.values() if isinstance(inputs, dict) else [])
        if not isinstance(inputs, dict) or set(inputs) & {"kpi", "period", "target", "actual", "note"} \
                or not all(v is None or _json_number(v) for v in values):
            errors[str(index)] = "target, actual and inputs' values are JSON numbers or null; inputs is an object " \
                                 "whose names are not kpi, period, target, actual or note"
            continue
        rows.append({"kpi": row.get("kpi"), "period": row.get("period"), "target": row.get("target"),
                     "actual": row.get("actual"), "note": row.get("note") or "", **inputs})
    if errors:
        raise ApiError(422, "nothing was written", errors)
    try:
        changed = performance.import_measurements(session, version, pd.DataFrame(rows), g.api_actor, "en")
    except Invalid as error:
        raise ApiError(422, "nothing was written", error.errors) from None
    return jsonify({"changed": changed}), 201


@blueprint.post("/scorecards/<int:version_id>/measurements/clear")
def clear_measurement(version_id):
    """Erase one stored value on purpose, with a reason the history keeps."""
    session, version = db.session(), _version(version_id)
    body = _strict_json()
    if not isinstance(body, dict) or not all(isinstance(body.get(k), str) for k in ("kpi", "period", "value", "reason")):
        raise ApiError(422, "send {\"kpi\": ..., \"period\": ..., \"value\": \"target\" | \"actual\" | "
                            "\"input:<name>\", \"reason\": ...}")
    try:
        performance.clear_value(session, version, kpi=body["kpi"], period=body["period"], fact=body["value"],
                                reason=body["reason"], entered_by=g.api_actor)
    except Invalid as error:
        raise ApiError(422, "nothing was cleared", error.errors) from None
    return jsonify({"cleared": body["value"]}), 201


def _json_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@blueprint.get("/rounds")
def list_rounds():
    return jsonify([_round_json(r) for r in rounds.rounds(db.session(), g.api_organisation)])


@blueprint.get("/rounds/<int:round_id>/progress")
def progress(round_id):
    found = rounds.progress(db.session(), _round(round_id))
    return jsonify({"invited": found.invited, "opened": found.opened, "completed": found.completed,
                    "response_rate": found.response_rate, "public_answers": found.public})


@blueprint.get("/rounds/<int:round_id>/results")
def round_results(round_id):
    """The round's outcome as its kind gives it: group weights (pairwise, network, direct rating), personal
    totals and ranks (self-report), relevance shares (validation) or satisfaction percents (satisfaction)."""
    session, round_ = db.session(), _round(round_id)
    if not kind_of(round_).api_results:
        raise ApiError(404, "this kind of round has no results here")
    try:
        outcome = results.results(session, round_)
    except Invalid as error:
        raise ApiError(404, "no results yet", error.errors) from None
    _, by_id = scorecards.hierarchy(session, round_.version_id)
    if outcome.questionnaire is not None:
        return jsonify(_questionnaire_json(outcome.questionnaire, by_id))
    intervals = _intervals_json(weight_intervals.weight_intervals(session, round_))
    if kind_of(round_).rated:
        return jsonify({**_rating_results_json(round_, outcome, by_id), "intervals": intervals})
    found = {"intervals": intervals, **_pairwise_json(outcome, by_id)}
    compared = feedback.before_after(session, round_) if kind_of(round_).feedback else None
    if compared is not None:  # before the feedback round beside the results above (after it)
        found["feedback"] = {"opened_at": round_.feedback_at.isoformat(), "asked": compared.asked,
                             "before": _pairwise_json(compared.before, by_id),
                             "pages": [{"cluster": groups.api_name(change.before.key, by_id),
                                        "reviewed": change.reviewed, "changed": change.changed}
                                       for change in compared.pages]}
    return jsonify(found)


def _pairwise_json(outcome, by_id) -> dict:
    """A pairwise round's clusters (weights, CR, S*) and global weights."""
    return {"clusters": [{"cluster": groups.api_name(c.key, by_id),
                          "elements": [m.code for m in c.members], "state": c.state,
                          "respondents": c.respondents, "left_out_inconsistent": c.excluded,
                          "left_out_dont_know": c.unusable, "note": unusable_note(c),
                          "weights": None if c.weights is None else [float(w) for w in c.weights],
                          "cr": None if c.consistency is None else float(c.consistency.cr),
                          "consensus": c.consensus, "consensus_word": c.consensus_word,
                          "relative_homogeneity": c.homogeneity} for c in outcome.clusters],
            "global_weights": {by_id[k].code: w for k, w in outcome.global_weights.items()}}


def _intervals_json(found) -> dict | None:
    """Each KPI's 90 % bootstrap interval and how often it keeps its rank (None: no weights to draw)."""
    if found is None:
        return None
    return {"level": 0.9, "resamples": found.resamples, "respondents": found.respondents,
            "kpis": {kpi.code: {"low": float(found.global_weights.low[k]), "high": float(found.global_weights.high[k]),
                                "rank_kept": float(found.global_weights.rank_kept[k])}
                     for k, kpi in enumerate(found.kpis)},
            "coin_tosses": [{"above": first.code, "below": second.code, "order_held": share}
                            for first, second, share in found.coin_tosses()]}


def _questionnaire_json(found, by_id) -> dict:
    """A questionnaire round's figures: the people's totals, the relevance shares or the satisfaction percents."""
    def question(q) -> dict:
        return {"question": q.text, "element": by_id[q.element_id].code if q.element_id in by_id else None}
    if found.personal is not None:
        people = found.personal
        return {"people": [{"email": p.email, "total": float(people.scores.totals[i]),
                            "rank": int(people.scores.ranks[i])} for i, p in enumerate(people.people)]}
    if found.shares is not None:
        return {"questions": [{**question(q), "relevant_share": plain_number(share), "answers": answers}
                              for q, share, answers in found.shares],
                "verdicts": {"valid": sum(1 for _, valid in found.verdicts if valid),
                             "not_valid": sum(1 for _, valid in found.verdicts if not valid)}}
    return {"items": [{**question(q), "mean": plain_number(mean), "percent": plain_number(percent),
                       "answers": answers} for q, mean, percent, answers in found.items],
            "overall_percent": plain_number(found.overall)}


def _rating_results_json(round_, outcome, by_id) -> dict:
    """A direct-rating round's results: per cluster each element's group mean rating, raters and weight."""
    def listed(values, kind=float):
        return None if values is None else [None if v != v else kind(v) for v in values]  # NaN: nobody rated it
    return {"method": {"kind": round_.kind, "mean": round_.rating_mean, "scale": round_.rating_scale},
            "clusters": [{"cluster": groups.api_name(c.key, by_id),
                          "elements": [m.code for m in c.members], "state": c.state, "respondents": c.respondents,
                          "means": listed(c.means), "raters": listed(c.raters, int), "weights": listed(c.weights)}
                         for c in outcome.clusters],
            "global_weights": {by_id[k].code: w for k, w in outcome.global_weights.items()}}


@blueprint.post("/rounds/<int:round_id>/participants")
def add_participants(round_id):
    """Add people and invite them to the round, all or nothing; people already known are invited as they are."""
    session, round_ = db.session(), _round(round_id)
    body = _strict_json()
    if not isinstance(body, list) or not all(isinstance(row, dict) for row in body) or len(body) > 5000:
        raise ApiError(422, "send a JSON list of people: [{\"name\": ..., \"email\": ...}, ...] (at most 5000)")
    try:
        added, invited = rounds.add_participants(session, round_, body, current_app.config, g.api_actor)
    except Invalid as error:
        raise ApiError(422, "nothing was added", error.errors) from None
    background.submit("send_mail", round_.id)
    return jsonify({"added": added, "invited": invited}), 201


def _strict_json():
    """The request's JSON as RFC 8259 writes it, or None: Python's reader also takes NaN and Infinity,
    which a weight then read as empty (the default 1) or as too large (issue 24)."""
    def refuse(constant):
        raise ValueError(constant)
    if not request.is_json:
        return None
    try:
        return current_app.json.loads(request.get_data(cache=True), parse_constant=refuse)  # depth checked first
    except (ValueError, RecursionError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        return None


def _version(version_id):
    version = scorecards.get_version(db.session(), g.api_organisation, version_id)
    if version is None:
        raise ApiError(404, "no such scorecard version")
    return version


def _round(round_id):
    round_ = rounds.get_round(db.session(), g.api_organisation, round_id)
    if round_ is None:
        raise ApiError(404, "no such round")
    return round_


def _round_json(round_):
    return {"id": round_.id, "title": round_.title, "kind": round_.kind, "status": round_.status,
            "period": round_.period, "version_id": round_.version_id}
