"""Signing in and out, and choosing the language.

A signed-in session is the user's id and nonce (User.get_id) in the signed cookie, plus when it was last
used: it ends on sign-out or a password change (the nonce changes) and after IDLE_TIMEOUT_HOURS unused.
"""
import time
from urllib.parse import urlparse

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from survey import background, db
from survey.forms import (
    ChangePasswordForm,
    ForgottenPasswordForm,
    LoginForm,
    NewPasswordForm,
    attach_errors,
    keeps_typed_text,
    message_of,
    page_locale,
)
from survey.i18n import LANGUAGES
from survey.services import accounts, users
from survey.services.errors import Invalid

blueprint = Blueprint("auth", __name__)
#: Session key: when the signed-in session was last used (Unix seconds), for the idle timeout.
LAST_USED = "last_used"
#: Refresh LAST_USED at most this often (seconds), so that not every page rewrites the cookie.
LAST_USED_STEP = 60


def signed_in_user(session_id: str):
    """Flask-Login's user loader: the session's user while it is current, else None (signed out)."""
    now = time.time()
    last_used = session.get(LAST_USED)
    if not isinstance(last_used, (int, float)) or now - last_used > current_app.config["IDLE_TIMEOUT_HOURS"] * 3600:
        return None
    user = accounts.session_user(db.session(), session_id)
    if user is not None and now - last_used > LAST_USED_STEP:
        session[LAST_USED] = int(now)
    return user


@blueprint.route("/login", methods=["GET", "POST"])
@keeps_typed_text
def login():
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = accounts.authenticate(db.session(), form.email.data, form.password.data, request.remote_addr or "")
        except accounts.Throttled as error:
            return render_template("auth/login.html", form=form, error=message_of(error)), 429, \
                {"Retry-After": str(error.seconds)}
        if user is None:
            return render_template("auth/login.html", form=form, error=_("Wrong email or password.")), 401
        _sign_in(user)
        return redirect(url_for("hr.dashboard"))
    return render_template("auth/login.html", form=form), 400 if form.errors else 200


def _sign_in(user) -> None:
    """A fresh session (no fixation), keeping only the language the visitor chose before signing in."""
    language = session.get("lang")
    session.clear()
    if language in LANGUAGES:
        session["lang"] = language
    login_user(user)
    session[LAST_USED] = int(time.time())


@blueprint.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    """A signed-in user's own password: the current one first; every other session then ends."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            users.change_password(db.session(), current_user, form.current.data, form.password.data)
        except Invalid as error:
            _show_errors(form, error)
        else:
            _sign_in(current_user)  # this browser stays signed in, with the new nonce
            flash(_("Your password is changed. Other places where you were signed in are signed out."), "ok")
            return redirect(url_for("hr.dashboard"))
    return render_template("auth/change_password.html", form=form), 400 if form.errors else 200


@blueprint.route("/password/forgot", methods=["GET", "POST"])
@keeps_typed_text
def forgotten_password():
    """The same answer whether the email has an account or not: the page tells nobody which do."""
    form = ForgottenPasswordForm()
    if form.validate_on_submit():
        if users.forgotten_password(db.session(), form.email.data, settings=current_app.config,
                                    language=page_locale()):
            background.submit("send_mail", None)
        return render_template("auth/forgotten_sent.html")
    return render_template("auth/forgotten.html", form=form), 400 if form.errors else 200


@blueprint.route("/password/<token>", methods=["GET", "POST"])
def set_password(token):
    """The page of a set-password link (an invitation or a forgotten password): it works once."""
    if users.usable_token(db.session(), token) is None:
        return render_template("auth/link_unusable.html"), 404
    form = NewPasswordForm()
    if form.validate_on_submit():
        try:
            users.set_password_with_token(db.session(), token, form.password.data)
        except Invalid as error:
            _show_errors(form, error)
        else:
            flash(_("Your password is set. Sign in with your email address and the new password."), "ok")
            logout_user()
            return redirect(url_for("auth.login"))
    return render_template("auth/set_password.html", form=form), 400 if form.errors else 200


def _show_errors(form, error: Invalid) -> None:
    for name, message in attach_errors(form, error):
        flash(message, "error")


@blueprint.post("/logout")
def logout():
    """Ends this user's sessions everywhere, copies of the cookie included, not only this browser's."""
    if current_user.is_authenticated:
        accounts.end_sessions(db.session(), current_user)
    logout_user()
    session.pop(LAST_USED, None)
    return redirect(url_for("auth.login"))


@blueprint.get("/lang/<code>")
def choose_language(code):
    if code in LANGUAGES:
        session["lang"] = code
    target = request.args.get("next", "/")
    if urlparse(target).netloc or not target.startswith("/"):
        target = "/"  # never redirect off-site
    return redirect(target)
