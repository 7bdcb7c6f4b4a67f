"""Neraca's survey site: the Flask app factory."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from flask import Flask, render_template

from survey import config as settings
from survey import db

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: settings from the environment, then ``config`` overrides (tests)."""
    app = Flask(__name__, template_folder=str(TEMPLATES))
    app.config.update(settings.load())
    if config:
        app.config.update(config)
    db.init_app(app)

    from survey.health import blueprint as health
    app.register_blueprint(health)

    @app.get("/")
    def index():
        return render_template("index.html")

    return app
