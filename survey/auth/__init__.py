"""Signing in and out, and choosing the language."""
from urllib.parse import urlparse

from flask import Blueprint, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import login_user, logout_user

from survey import db
from survey.forms import LoginForm
from survey.i18n import LANGUAGES
from survey.services import accounts
from survey.services.errors import Invalid

blueprint = Blueprint("auth", __name__)


@blueprint.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = accounts.authenticate(db.session(), form.email.data, form.password.data, request.remote_addr or "")
        except Invalid:
            return render_template("auth/login.html", form=form, error=_("Too many failed sign-ins. Wait 15 "
                                                                        "minutes and try again.")), 429
        if user is None:
            return render_template("auth/login.html", form=form, error=_("Wrong email or password.")), 401
        session.clear()
        login_user(user)
        return redirect(url_for("hr.dashboard"))
    return render_template("auth/login.html", form=form), 400 if form.errors else 200


@blueprint.post("/logout")
def logout():
    logout_user()
    return redirect(url_for("auth.login"))


@blueprint.get("/lang/<code>")
def choose_language(code):
    if code in LANGUAGES:
        session["lang"] = code
    target = request.args.get("next", "/")
    if urlparse(target).netloc or not target.startswith("/"):
        target = "/"  # never redirect off-site
    return redirect(target)
