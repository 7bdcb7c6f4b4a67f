"""A counter's tablet (kiosk) and TV (live screen) for a satisfaction round: ``/k/<token>``, the device
link HR made; no account. Visitor after visitor answers on one tablet, so no "already answered" cookie
refuses the next one; the device's own per-minute limit applies instead (services/counters.py).
A revoked or unknown link stores nothing: a revoked one says so (410), an unknown one is a 404.
"""
from __future__ import annotations

import secrets

from flask import Blueprint, current_app, g, redirect, render_template, request, url_for

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
from survey.models import Round
from survey.pages import unknown_link
from survey.services import counters, public, questionnaires, skm
from survey.services.errors import Invalid

blueprint = Blueprint("counter", __name__, url_prefix="/k")
#: How each refusal is answered: for good (revoked, closed) or not now.
STATUS = {public.CLOSED: 410, public.NOT_READY: 403, public.CAP_REACHED: 429, counters.REVOKED: 410,
          counters.BUSY_DEVICE: 429}
#: Seconds the thank-you stays before the tablet shows a fresh form for the next visitor.
THANKS_SECONDS = 5


def device_of(token: str):
    """The device behind the link and its round; an unknown token is a 404, slowed down like others."""
    session = db.session()
    device = counters.find_device(session, token)
    if device is None:
        unknown_link("counter")
    round_ = session.get(Round, device.round_id)
    g.round_language = round_.language
    return device, round_


@blueprint.route("/<token>", methods=["GET", "POST"])
@keeps_typed_text
def kiosk(token):
    session = db.session()
    device, round_ = device_of(token)
    submission = request.form.get("submission", "") if request.method == "POST" else ""
    if submission and device.revoked_at is None and public.stored_visit(session, round_, submission):
        return redirect(url_for("counter.thanks", token=token))  # a page resent after a weak signal
    refused = counters.refusal(session, device, round_, current_app.config)
    # The tablet's limit refuses storing, not showing: the form stays, with what was chosen, to save again.
    busy = refused is not None and refused.reason == counters.BUSY_DEVICE
    if refused and not busy:
        return _refused(round_, message_of(refused), STATUS[refused.reason])
    asked = questionnaires.questions(session, round_)
    form = answers_form(asked, formdata=request.form) if request.method == "POST" else \
        answers_form(asked, data=_device_service(asked, device))
    if request.method == "POST" and not token_refused() and off_scale(form):
        return _refused(round_, str(OFF_SCALE), 400)
    status = 200
    if form.validate_on_submit():
        try:
            counters.submit(session, device, {q.id: form[f"q_{q.id}"].data for q in asked}, form.submission.data,
                            settings=current_app.config, locale=page_locale())
            return redirect(url_for("counter.thanks", token=token))
        except public.Refused as error:
            if error.reason != counters.BUSY_DEVICE:
                return _refused(round_, message_of(error), STATUS[error.reason])
            form.form_errors.append(message_of(error))
            status = STATUS[error.reason]
        except Invalid as error:
            form.form_errors.extend(message for _name, message in attach_errors(form, error))
    form.submission.data = secrets.token_hex(16)
    return render_template("counter/kiosk.html", round=round_, form=form, questions=asked, notice=""), \
        400 if form.errors and status == 200 else status


def _device_service(asked, device) -> dict | None:
    """The form's pre-filled service: the device's, while the profile still lists it."""
    try:
        linked = skm.linked_service(asked, str(device.service)) if device.service else None
    except Invalid:
        return None
    return {f"q_{linked[0].id}": str(linked[1])} if linked else None


@blueprint.get("/<token>/thanks")
def thanks(token):
    _device, round_ = device_of(token)
    return render_template("counter/thanks.html", round=round_, token=token, seconds=THANKS_SECONDS)


@blueprint.get("/<token>/live")
def live(token):
    device, round_ = device_of(token)
    if device.revoked_at is not None:
        return _refused(round_, message_of(counters.refusal(db.session(), device, round_, current_app.config)), 410)
    return render_template("counter/live.html", screen=counters.live_screen(db.session(), round_),
                           seconds=current_app.config["COUNTER_LIVE_REFRESH_SECONDS"])


def _refused(round_, message: str, status: int):
    return render_template("public/refused.html", round=round_, message=message), status
