"""API tokens for the organisation's other systems (administrators only)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import StringField
from wtforms.validators import InputRequired, Length

from survey import db
from survey.forms import ActionForm, keeps_typed_text
from survey.hr import blueprint, field_errors, org
from survey.services import api_tokens
from survey.services.errors import Invalid


class TokenForm(ActionForm):
    name = StringField(_l("Name"), validators=[InputRequired(), Length(max=200)])


@blueprint.route("/api-tokens", methods=["GET", "POST"])
@keeps_typed_text
def tokens():
    form, created = TokenForm(), None
    if request.method == "POST" and form.validate_on_submit():
        try:
            _token, created = api_tokens.create_token(db.session(), org(), form.name.data, current_user.email,
                                                            created_by=current_user.id)
        except Invalid as error:
            field_errors(form, error)
    return render_template("hr/api_tokens.html", tokens=api_tokens.tokens(db.session(), org()), form=form,
                           created=created, action=ActionForm())


@blueprint.post("/api-tokens/<int:token_id>/revoke")
def revoke_token(token_id):
    if not ActionForm().validate_on_submit():
        abort(403)
    try:
        api_tokens.revoke(db.session(), org(), token_id, current_user.email)
    except Invalid:
        abort(404)
    flash(_("Revoked."), "ok")
    return redirect(url_for("hr.tokens"))
