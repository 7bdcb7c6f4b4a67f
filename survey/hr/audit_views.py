"""The audit log for administrators: filter, page, export; there is no way to change an entry."""
from __future__ import annotations

from flask import Response, abort, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField
from wtforms.validators import Optional, ValidationError

from survey import db
from survey.forms import page_locale
from survey.hr import blueprint, org
from survey.services import audit
from survey.services.tables import to_bytes


class AuditFilterForm(FlaskForm):
    """Read from the address, so a filtered page can be bookmarked and exported as shown."""
    class Meta:
        csrf = False

    action = SelectField(_l("Action"), validators=[Optional()])
    actor = SelectField(_l("Who"), validators=[Optional()])
    since = DateField(_l("From"), validators=[Optional()])
    until = DateField(_l("Until"), validators=[Optional()])

    def validate_until(self, field):
        if field.data and self.since.data and field.data < self.since.data:
            raise ValidationError(_("The end date comes before the start date."))


def _filters():
    form = AuditFilterForm(request.args)
    form.action.choices = [("", _("Every action"))] + [(key, _(label)) for key, label in audit.ACTIONS.items()]
    form.actor.choices = [("", _("Everyone"))] + [(email, email) for email in audit.actors(db.session(), org())]
    if not form.validate():
        return form, None
    return form, audit.Filters(form.action.data or "", form.actor.data or "", form.since.data, form.until.data)


@blueprint.get("/audit")
def audit_log():
    form, filters = _filters()
    if filters is None:
        return render_template("hr/audit.html", form=form, page=None, labels=_labels()), 400
    page = audit.entries(db.session(), org(), filters, request.args.get("page", 1, type=int))
    zone, language = current_user.organisation.time_zone, page_locale()
    details = {entry.id: audit.details_in_words(entry.details, language, zone, _) for entry in page.rows}
    return render_template("hr/audit.html", form=form, page=page, labels=_labels(), details=details)


@blueprint.get("/audit.csv")
def audit_export():
    _form, filters = _filters()
    if filters is None:
        abort(400)
    frame = audit.table(db.session(), org(), filters, labels=lambda action: _labels().get(action, action))
    return Response(to_bytes(frame, "csv"), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="audit-log.csv"'})


def _labels() -> dict[str, str]:
    return {key: _(label) for key, label in audit.ACTIONS.items()}
