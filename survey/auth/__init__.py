"""Signing in and out, and choosing the language.

A signed-in session is the user's id and nonce (User.get_id) in the signed cookie, plus when it was last
used: it ends on sign-out or a password change (the nonce changes) and after IDLE_TIMEOUT_HOURS unused.
"""
import time
from urllib.parse import urlparse

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from survey import db
from survey.forms import LoginForm, keeps_typed_text, message_of
from survey.i18n import LANGUAGES
from survey.services import accounts

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
        session.clear()
        login_user(user)
        session[LAST_USED] = int(time.time())
        return redirect(url_for("hr.dashboard"))
    return render_template("auth/login.html", form=form), 400 if form.errors else 200


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
