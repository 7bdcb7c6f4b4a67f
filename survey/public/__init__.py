"""The public's page of a satisfaction round: ``/p/<slug>`` from a poster's QR code; no account, no token.

Each answer is anonymous. A browser that answered carries a signed cookie and is told so instead of
answering twice; the service refuses answers beyond the round's daily cap and a client address's limit.
Every refusal is a page in the round's language that stores nothing.
"""
from __future__ import annotations

import secrets
from datetime import timedelta

from flask import Blueprint, current_app, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeSerializer

from survey import db
from survey.forms import (
    OFF_SCALE,
    answers_form,
    attach_errors,
    keeps_typed_text,
    message_of,
    off_scale,
    page_locale,
    token_refused,
)
from survey.pages import unknown_link
from survey.services import public, questionnaires, skm
from survey.services.errors import Invalid

blueprint = Blueprint("public", __name__, url_prefix="/p")
#: How each refusal is answered: the round closed for good, or not now.
STATUS = {public.CLOSED: 410, public.NOT_READY: 403, public.CAP_REACHED: 429, public.BUSY_ADDRESS: 429}


def public_round(slug: str):
    """The round behind the slug; an unknown slug is a 404, and guessing slugs is slowed down like tokens."""
    round_ = public.find_round(db.session(), slug)
    if round_ is None:
        unknown_link("slug")
    g.round_language = round_.language
    return round_


@blueprint.route("/<slug>", methods=["GET", "POST"])
@keeps_typed_text
def answer(slug):
    session = db.session()
    round_ = public_round(slug)
    submission = request.form.get("submission", "") if request.method == "POST" else ""
    if submission and public.stored_visit(session, round_, submission):
        # A page resent after a weak signal (its answer came through, the reply did not): stored once, thanked.
        return _remember_answer(round_, redirect(url_for("public.thanks", slug=slug)))
    if _answered_here(round_):
        return _refused(round_, _("You have already answered this survey from this browser. Thank you: one "
                                  "answer per person keeps the results fair."), 409 if request.method == "POST" else 200)
    refused = public.refusal(session, round_, request.remote_addr or "", current_app.config)
    if refused:
        return _refused(round_, message_of(refused), STATUS[refused.reason])
    asked = questionnaires.questions(session, round_)
    prefilled, notice = _linked_service(asked) if request.method == "GET" else (None, "")
    form = (answers_form(asked, formdata=request.form) if request.method == "POST"
            else answers_form(asked, data=prefilled))
    if request.method == "POST" and not token_refused() and off_scale(form):
        return _refused(round_, str(OFF_SCALE), 400)
    if form.validate_on_submit():
        try:
            public.submit(session, round_, {q.id: form[f"q_{q.id}"].data for q in asked}, form.submission.data,
                          client=request.remote_addr or "", settings=current_app.config, locale=page_locale())
            return _remember_answer(round_, redirect(url_for("public.thanks", slug=slug)))
        except public.Refused as error:
            return _refused(round_, message_of(error), STATUS[error.reason])
        except Invalid as error:
            form.form_errors.extend(message for _name, message in attach_errors(form, error))
    form.submission.data = secrets.token_hex(16)
    return render_template("respond/questionnaire.html", round=round_, form=form, questions=asked, notice=notice), \
        400 if form.errors else 200


@blueprint.get("/<slug>/thanks")
def thanks(slug):
    return render_template("public/thanks.html", round=public_round(slug))


def _linked_service(asked) -> tuple[dict | None, str]:
    """The answer a counter's own link pre-fills (its service; the visitor may change it), or why none is."""
    try:
        linked = skm.linked_service(asked, request.args.get(public.SERVICE_PARAMETER))
    except Invalid as error:
        return None, message_of(error)
    return ({f"q_{linked[0].id}": str(linked[1])} if linked else None), ""


def _refused(round_, message: str, status: int):
    return render_template("public/refused.html", round=round_, message=message), status


def _signer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="public-answer")


def _cookie_name(round_) -> str:
    return f"answered_{round_.id}"


def _answered_here(round_) -> bool:
    try:
        return _signer().loads(request.cookies.get(_cookie_name(round_), "")) == round_.id
    except BadSignature:
        return False


def _remember_answer(round_, response):
    """The browser's note that it answered: signed (not forged by hand), sent only to this round's pages."""
    response.set_cookie(_cookie_name(round_), _signer().dumps(round_.id),
                        max_age=int(timedelta(days=current_app.config["PUBLIC_COOKIE_DAYS"]).total_seconds()),
                        path=f"/p/{round_.public_slug}", httponly=True, samesite="Lax",
                        secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response
