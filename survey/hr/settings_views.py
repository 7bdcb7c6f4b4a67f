"""The organisation's settings HR and administrators may change: the time zone of its round times, the
predikat bands its reports use and the levels where the traffic lights change."""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from survey import db
from survey.forms import BandsForm, CalendarForm, LightsForm, PresetForm, SettingsForm, SignatoriesForm
from survey.hr import blueprint, field_errors, org
from survey.services import accounts, bands, calendar, programmes
from survey.services.errors import Invalid
from survey.services.transactions import unit_of_work


def _page(**forms):
    """The settings page with the organisation's values, and any form just posted with its errors."""
    organisation = current_user.organisation
    shown = {"form": SettingsForm(formdata=None, obj=organisation), "preset_form": PresetForm(formdata=None),
             "lights_form": LightsForm(formdata=None, red_below=organisation.light_red_below,
                                       yellow_below=organisation.light_yellow_below),
             "bands_form": BandsForm(formdata=None, data={"bands": [
                 {"lower": b.lower, "label_id": b.label_id, "label_en": b.label_en}
                 for b in bands.bands_of(organisation)]}),
             "calendar_form": CalendarForm(formdata=None, data={"kinds": list(calendar.kinds_of(organisation, 0))}),
             "calendar": calendar.years_set(organisation),
             "signatories_form": SignatoriesForm(formdata=None, data=_signatories(organisation))}
    shown.update(forms)
    failed = any(getattr(form, "errors", None) for form in forms.values())
    return render_template("hr/settings.html", **shown), 400 if failed else 200


def _signatories(organisation) -> dict:
    signing = programmes.signing(organisation)
    return {"place": signing.place, **{f"{party}_{key}": getattr(getattr(signing, party), key)
                                       for party in programmes.PARTIES for key in ("name", "position", "nip")}}


def _saved(save, form, form_name):
    """Run ``save`` for a valid ``form``; back to the page, or the page again with the form's errors."""
    if form.validate_on_submit():
        try:
            with unit_of_work(db.session()):
                save()
            flash(_("Saved."), "ok")
            return redirect(url_for("hr.settings"))
        except Invalid as error:
            field_errors(form, error)
            return _page(**{form_name: form})[0], 400
    return _page(**{form_name: form})


@blueprint.route("/settings", methods=["GET", "POST"])
def settings():
    form = SettingsForm(obj=current_user.organisation)
    return _saved(lambda: accounts.set_time_zone(db.session(), org(), form.time_zone.data), form, "form")


@blueprint.post("/settings/bands")
def settings_bands():
    form = BandsForm()
    return _saved(lambda: bands.set_bands(db.session(), org(), [
        (row.lower.data, row.label_id.data, row.label_en.data) for row in form.bands]), form, "bands_form")


@blueprint.post("/settings/preset")
def settings_preset():
    form = PresetForm()
    return _saved(lambda: bands.use_preset(db.session(), org(), form.preset.data), form, "preset_form")


@blueprint.post("/settings/calendar")
def settings_calendar():
    """The periods the organisation reports in: what the period fields offer to choose from."""
    form = CalendarForm()
    return _saved(lambda: calendar.set_kinds(db.session(), org(), form.year.data, form.kinds.data), form,
                  "calendar_form")


@blueprint.post("/settings/lights")
def settings_lights():
    form = LightsForm()
    return _saved(lambda: bands.set_lights(db.session(), org(), form.red_below.data, form.yellow_below.data),
                  form, "lights_form")


@blueprint.post("/settings/signatories")
def settings_signatories():
    """Who signs the Perjanjian Kinerja, and where."""
    form = SignatoriesForm()
    return _saved(lambda: programmes.set_signing(
        db.session(), org(), place=form.place.data or "",
        **{party: {key: form[f"{party}_{key}"].data or "" for key in ("name", "position", "nip")}
           for party in programmes.PARTIES}), form, "signatories_form")
