"""The organisation's settings HR and administrators may change: the time zone of its round times."""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from survey import db
from survey.forms import SettingsForm
from survey.hr import blueprint, field_errors, org
from survey.services import accounts
from survey.services.errors import Invalid


@blueprint.route("/settings", methods=["GET", "POST"])
def settings():
    session = db.session()
    form = SettingsForm(obj=current_user.organisation)
    if form.validate_on_submit():
        try:
            accounts.set_time_zone(session, org(), form.time_zone.data)
            flash(_("Saved."), "ok")
            return redirect(url_for("hr.settings"))
        except Invalid as error:
            session.rollback()
            field_errors(form, error)
    return render_template("hr/settings.html", form=form), 400 if form.errors else 200
