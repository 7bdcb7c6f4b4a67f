"""HR's side of a satisfaction round's counter devices: a tablet's kiosk link and the TV's live screen,
made (the link shown once: only its hash is kept), listed with the answers each took, and revoked."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from survey import db
from survey.forms import ActionForm, CounterDeviceForm, keeps_typed_text
from survey.hr import base_url, blueprint, field_errors, round_or_404
from survey.services import counters, questionnaires, skm
from survey.services.errors import Invalid
from survey.services.kinds import kind_of


@blueprint.route("/rounds/<int:round_id>/counters", methods=["GET", "POST"])
@keeps_typed_text
def counter_devices(round_id):
    round_ = round_or_404(round_id)
    if not kind_of(round_).may_be_public:
        abort(404)
    session = db.session()
    form, made = _device_form(round_), None
    if request.method == "POST" and form.validate_on_submit():
        service = int(form.service.data) if (form.service.data or "").isdigit() else None
        try:
            device, token = counters.create_device(session, round_, form.name.data or "", service, current_user.email)
            made = {"name": device.name, "kiosk": _address("counter.kiosk", token),
                    "live": _address("counter.live", token)}
            form = _device_form(round_, formdata=None)
        except Invalid as error:
            field_errors(form, error)
    status = 400 if request.method == "POST" and not made else 200
    return render_template("hr/counter_devices.html", round=round_, form=form, made=made,
                           devices=counters.devices(session, round_),
                           answers=counters.answers_by_device(session, round_), action=ActionForm()), status


@blueprint.post("/rounds/<int:round_id>/counters/<int:device_id>/revoke")
def revoke_counter_device(round_id, device_id):
    round_ = round_or_404(round_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        counters.revoke(db.session(), round_, device_id, current_user.email)
    except Invalid:
        abort(404)
    flash(_("Revoked: this device's link takes no more answers."), "ok")
    return redirect(url_for("hr.counter_devices", round_id=round_.id))


def _device_form(round_, **formdata) -> CounterDeviceForm:
    """The form for a new device, its services the SKM profile's (none when the round asks no profile)."""
    form = CounterDeviceForm(**formdata)
    form.service.choices = [("", _("None: the visitor chooses"))] + [
        (str(number), name) for number, name in skm.services_offered(questionnaires.questions(db.session(), round_))]
    return form


def _address(endpoint: str, token: str) -> str:
    return base_url().rstrip("/") + url_for(endpoint, token=token)
