"""Neraca's survey site: the Flask app factory."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from babel.numbers import get_decimal_symbol
from flask import Flask, g, redirect, render_template, request, session, url_for
from flask_babel import Babel, get_locale, gettext
from flask_login import LoginManager
from flask_wtf.csrf import CSRFError, CSRFProtect
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException, ServiceUnavailable
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from survey.render.numbers import format_number, scale_of
from survey import api, auth, background, counter, db, health, i18n, public, reports, respond
from survey import config as settings
from survey.forms import LARGEST_ID
from survey.hr import views as hr_views
from survey.labels import words
from survey.logs import mask_links_in_logs
from survey.services import data_versions, periods
from survey.services.kinds import kind_of

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


class DatabaseId(IntegerConverter):
    """An <int:...> address part that fits an INTEGER column: a larger one is an unknown page (404),
    not an overflow in the database driver (500)."""

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", LARGEST_ID)
        super().__init__(url_map, *args, **kwargs)


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: settings from the environment, then ``config`` overrides (tests)."""
    mask_links_in_logs()  # before anything logs: no working link in any log line
    app = Flask(__name__, template_folder=str(TEMPLATES), static_folder="static")
    app.url_map.converters["int"] = DatabaseId  # before any route: every <int:...> is a row id
    app.config.update(settings.load())
    if config:
        app.config.update(config)
    if app.config["TRUSTED_PROXIES"]:
        # Only the address the last N proxies saw: a client cannot pick its own by sending the header.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["TRUSTED_PROXIES"], x_proto=0, x_host=0)
    db.init_app(app)
    data_versions.watch(app.extensions["neraca.sessionmaker"])  # what documents and cached pages are keyed on
    csrf = CSRFProtect(app)
    translations = i18n.compile_catalogs(Path(app.config["INSTANCE_DIR"]) / "translations")
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(translations)
    Babel(app, locale_selector=_language)
    _login_manager(app)

    app.json = api.DepthLimitedJSON(app)
    for pages in (health, auth, hr_views, reports, respond, public, counter, api):
        app.register_blueprint(pages.blueprint)
    csrf.exempt(api.blueprint)  # bearer tokens, not cookies: nothing for a forged form to ride on
    for view in app.view_functions.values():
        if getattr(view, "keeps_typed_text", False):
            csrf.exempt(view)  # checks the token itself and shows the form again when it is refused

    @app.get("/")
    def index():
        return render_template("index.html")

    @app.get("/favicon.ico")
    def favicon():
        """Browsers ask here whatever the page's <link rel=icon> says: send them to the one icon."""
        return redirect(url_for("static", filename="favicon.svg"), 301)

    @app.errorhandler(HTTPException)
    def http_error(error):
        """Under /api/ every HTTP error is JSON, routing's too (no such address, wrong method);
        elsewhere an error gets the site's page in the visitor's language (a crash's 500 too)."""
        if request.path.startswith("/api/"):
            return api.http_error(error)
        if error.code is None or error.code < 400:
            return error  # a redirect routing makes, e.g. to add a missing slash
        if error.code == 404:
            return render_template("errors/not_found.html"), 404
        if error.code >= 500:
            db.session().rollback()  # the page itself reads the signed-in user
        headers = [(name, value) for name, value in error.get_headers() if name.lower() != "content-type"]
        kind = "csrf" if isinstance(error, CSRFError) else error.code
        return render_template("errors/http_error.html", kind=kind, code=error.code), error.code, headers

    @app.errorhandler(OperationalError)
    def database_unavailable(_error):
        """The database is restarting or unreachable: a clear 'try again', not a crash page. The
        transaction was rolled back, and a resent page carries the same submission key."""
        response = (api.http_error(ServiceUnavailable()) if request.path.startswith("/api/")
                    else app.make_response((render_template("errors/unavailable.html"), 503)))
        response.headers["Retry-After"] = "5"
        return response

    @app.after_request
    def security_headers(response):
        if request.endpoint != "static":  # pages and downloads hold people's data: no copies in caches
            response.headers["Cache-Control"] = "no-store"
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        # Invitation tokens live in URLs: no other site sees them. Our own forms do send it: over HTTPS,
        # Flask-WTF refuses a POST without a same-site Referer (WTF_CSRF_SSL_STRICT).
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("Content-Security-Policy",
                                    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:")
        return response

    @app.template_filter("number")
    def number(value, kind: str = "measure", signed: bool = False):
        """{{ x|number('level') }}: x in the page's language with the decimals its kind deserves."""
        return format_number(value, kind, str(get_locale()), signed)  # Flask-Babel keeps it per request

    app.add_template_global(kind_of, "kind_of")  # {% if kind_of(round).pairwise %}: templates ask the kind
    app.add_template_filter(scale_of, "scale_of")  # {% set scale = ladder|scale_of %}: 1, 10**6 or 10**9

    @app.template_filter("label")
    def label(code: str, group: str) -> str:
        """{{ message.status|label('outbox') }}: a code's words (survey/labels.py) in the page's language."""
        return gettext(words(code, group))

    @app.template_filter("period")
    def period_label(period) -> str:
        """{{ p|period }}: "Triwulan II 2026" / "Q2 2026" for 2026-Q2; text written before the calendar as is."""
        return periods.label(period, str(get_locale()))

    @app.template_filter("wall_clock")
    def wall_clock(moment, zone: str) -> str:
        """A stored time as the organisation's clocks show it, in the page's language."""
        return i18n.wall_clock(moment, zone, str(get_locale()))

    @app.context_processor
    def languages():
        return {"languages": i18n.LANGUAGES, "current_language": _language(),
                "decimal_symbol": get_decimal_symbol(_language())}

    if not app.config.get("TESTING") and not app.config.get("REDIS_URL"):  # with RQ, `neraca worker` does it
        recovering = []

        @app.before_request
        def resume_background_work():
            """A serving worker's first request: resume what a dead worker left (not on CLI commands)."""
            if not recovering:
                recovering.append(True)
                background.recover_in_background(app)
    return app


def _language() -> str:
    """?lang= on the URL, else the visitor's choice, else the round's language, else Indonesian."""
    chosen = request.args.get("lang") or session.get("lang") or g.get("round_language")
    if chosen in i18n.LANGUAGES:
        return chosen
    return request.accept_languages.best_match(list(i18n.LANGUAGES)) or i18n.DEFAULT_LANGUAGE


def _login_manager(app: Flask) -> None:
    manager = LoginManager(app)
    manager.login_view = "auth.login"
    manager.login_message = None

    @manager.user_loader
    def load_user(session_id: str):
        return auth.signed_in_user(session_id)
