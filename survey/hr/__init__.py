"""HR pages: scorecards, people, rounds, monitoring and results. Every query is scoped
to the signed-in user's organisation; another organisation's ids give 404.

One module per area (scorecards, people, rounds); this one holds the blueprint and what they share,
and survey/hr/views.py imports every area so their routes are on the blueprint.
"""
from __future__ import annotations

import re

from flask import Blueprint, Response, abort, current_app, flash, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from survey.render import charts, strategy_map
from survey import db, rights
from survey.forms import attach_errors
from survey.models import Scorecard
from survey.services import network, rounds, scorecards
from survey.services.errors import Invalid, translated
from survey.services.kinds import kind_of
from survey.services.tables import read_table, to_bytes

blueprint = Blueprint("hr", __name__, url_prefix="/hr")
# Whether a round takes answers now (its status, opening and closing times), for HR's pages.
blueprint.add_app_template_global(rounds.state, "round_state")
blueprint.add_app_template_global(rights.may, "may")
# Signed in, and the role's right for each address (survey/rights.py): the one check of HR's pages.
blueprint.before_request(rights.guard)
# The SVG charts of the printed reports, drawn the same way in HR's pages.
blueprint.add_app_template_global(charts, "charts")
blueprint.add_app_template_global(strategy_map.picture, "strategy_picture")


def org() -> int:
    return current_user.organisation_id


def page_number(name: str = "page") -> int:
    """The page of a long list asked for (1 when none); anything but a whole number from 1 is answered
    with a page that says so (a number past the last page shows the last)."""
    raw = request.args.get(name, "1").strip()
    if not re.fullmatch(r"[0-9]{1,9}", raw) or int(raw) < 1:
        abort(Response(render_template("errors/bad_page.html"), 400))
    return int(raw)


def field_errors(form, error: Invalid) -> None:
    """Put a service's messages at the matching form fields, the rest in a message at the top."""
    for name, message in attach_errors(form, error):
        flash(f"{name}: {message}" if name else message, "error")


def uploaded_table(form, required: list[str]):
    """The rows of a form's uploaded file, read within the site's row, cell and unpacked-size limits."""
    upload = form.file.data
    return read_table(upload.read(), upload.filename, required, max_rows=current_app.config["MAX_IMPORT_ROWS"],
                      max_unpacked_bytes=current_app.config["MAX_UNPACKED_BYTES"],
                      max_cells=current_app.config["MAX_IMPORT_CELLS"])


TABLE_TYPES = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def table_download(frame, fmt: str, filename: str, number_format: str | None = None) -> Response:
    """A table as a CSV or XLSX download (404 for another format); ``number_format`` writes a CSV's
    numbers as that language does, for an import that declares it (services.tables.to_bytes)."""
    if fmt not in TABLE_TYPES:
        abort(404)
    return Response(to_bytes(frame, fmt, number_format), mimetype=TABLE_TYPES[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{filename}.{fmt}"'})


def version_or_404(version_id: int):
    return scorecards.get_version(db.session(), org(), version_id) or abort(404)


def round_or_404(round_id: int):
    return rounds.get_round(db.session(), org(), round_id) or abort(404)


def warn_at_launch(round_) -> None:
    """A launched network round weighs by the network's links: say so when the strategy map shows others."""
    if kind_of(round_).influence_pages and round_.status != rounds.DRAFT:
        warning = network.map_differences(db.session(), round_.version)
        if warning:
            flash(translated(warning, _), "notice")


def base_url() -> str:
    """The site's address for links shown on HR's own pages; links in emails come from PUBLIC_URL only."""
    return current_app.config.get("PUBLIC_URL") or request.host_url


@blueprint.get("/")
def dashboard():
    session = db.session()
    versions = [v for card in session.query(Scorecard).filter_by(organisation_id=org()) for v in card.versions]
    all_rounds = rounds.rounds(session, org())
    return render_template("hr/dashboard.html", versions=versions,
                           rounds=[(r, rounds.progress(session, r)) for r in all_rounds])

