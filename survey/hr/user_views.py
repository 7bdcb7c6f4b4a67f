"""Administrators' page of the organisation's users: invite, give a role, disable, send a new link."""
from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from survey import background, db
from survey.forms import ROLE_NAMES, ActionForm, RoleForm, UserForm, keeps_typed_text, message_of, page_locale
from survey.hr import base_url, blueprint, field_errors, org
from survey.services import users as user_accounts
from survey.services.errors import Invalid


@blueprint.route("/users", methods=["GET", "POST"])
@keeps_typed_text
def users(form=None):
    form, status = form or UserForm(), 200
    if form.is_submitted():
        if form.validate_on_submit():
            try:
                address = user_accounts.invite(db.session(), org(), email=form.email.data, name=form.name.data,
                                                role=form.role.data, settings=current_app.config,
                                                language=page_locale(), invited_by=current_user.name,
                                                actor=current_user.email)
            except Invalid as error:
                field_errors(form, error)
            else:
                background.submit("send_mail", None)
                flash(_("%(email)s is invited: the email with their set-password link is on its way.",
                        email=address) if _mail_server() else
                      _("%(email)s is invited. No mail server is set, so the email stays in the outbox: copy "
                        "their set-password link below and pass it on.", email=address), "ok")
                return redirect(url_for("hr.users"))
        status = 400
    return _page(form=form), status


def _page(form=None, copied=None):
    session = db.session()
    return render_template("hr/users.html", users=user_accounts.users(session, org()), form=form or UserForm(),
                           pending=user_accounts.pending_invitations(session, org()), role_names=ROLE_NAMES,
                           role_form=RoleForm(), action=ActionForm(), mail_server=_mail_server(), copied=copied,
                           invite_hours=int(user_accounts.INVITE_VALID.total_seconds() // 3600))


def _mail_server() -> bool:
    return bool(current_app.config.get("SMTP_HOST"))


def _change(user_id: int, change, done: str, form=None):
    """A button on the users page: the organisation's user only, a valid form, a refusal said."""
    if user_accounts.find(db.session(), org(), user_id) is None:
        abort(404)
    if not (form or ActionForm()).validate_on_submit():
        abort(400)
    try:
        change()
    except Invalid as error:
        flash(message_of(error), "error")
    else:
        flash(done, "ok")
    return redirect(url_for("hr.users"))


@blueprint.post("/users/<int:user_id>/role")
def user_role(user_id):
    form = RoleForm()
    return _change(user_id, lambda: user_accounts.set_role(db.session(), org(), user_id, form.role.data,
                                                           current_user.email),
                   _("Saved."), form)


@blueprint.post("/users/<int:user_id>/disable")
def user_disable(user_id):
    return _change(user_id, lambda: user_accounts.disable(db.session(), org(), user_id, actor=current_user.email),
                   _("Disabled: the user is signed out and cannot sign in."))


@blueprint.post("/users/<int:user_id>/enable")
def user_enable(user_id):
    return _change(user_id, lambda: user_accounts.enable(db.session(), org(), user_id, current_user.email),
                   _("Enabled again."))


@blueprint.post("/users/<int:user_id>/link")
def user_link(user_id):
    def send():
        user_accounts.send_link(db.session(), org(), user_id, settings=current_app.config, language=page_locale(),
                                actor=current_user.email)
        background.submit("send_mail", None)
    return _change(user_id, send, _("A new set-password link is on its way."))


@blueprint.post("/users/<int:user_id>/copy-link")
def user_copy_link(user_id):
    """Without a mail server: a new set-password link shown once on the page, for the administrator to pass on."""
    if user_accounts.find(db.session(), org(), user_id) is None:
        abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        user, token, valid = user_accounts.link_to_copy(db.session(), org(), user_id, settings=current_app.config,
                                                        actor=current_user.email)
    except Invalid as error:
        flash(message_of(error), "error")
        return redirect(url_for("hr.users"))
    url = f"{base_url().rstrip('/')}{url_for('auth.set_password', token=token)}"
    return _page(copied={"user_id": user.id, "url": url, "hours": int(valid.total_seconds() // 3600)})
