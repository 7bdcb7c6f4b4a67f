"""A period's performance data as one grid: many cells changed, saved once (services.grid)."""
from __future__ import annotations

import json

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from survey import db, rights
from survey.forms import GridForm, page_locale, keeps_typed_text
from survey.hr import blueprint, version_or_404
from survey.services import grid, kpi_owners, periods
from survey.services.errors import Invalid, translated

CELL = "v-"  # the prefix of a cell's input: v-<kpi>:<fact>


@blueprint.get("/versions/<int:version_id>/performance/grid")
def performance_grid_of(version_id):
    """The grid of the period typed on the performance page (a form cannot put it in the path)."""
    version_or_404(version_id)
    period = (request.args.get("period") or "").strip()
    if not period:
        return redirect(url_for("hr.performance_data", version_id=version_id))
    return redirect(url_for("hr.performance_grid", version_id=version_id, period=period))


@blueprint.route("/versions/<int:version_id>/performance/grid/<path:period>", methods=["GET", "POST"])
@keeps_typed_text
def performance_grid(version_id, period):
    """Every KPI the user may see with its target, actual, formula inputs and ladder in ``period``; the
    changed cells saved at once. A KPI owner sees, and saves, the KPIs assigned to them."""
    session = db.session()
    version_row = version_or_404(version_id)
    owned = kpi_owners.owned_codes(session, current_user, version_row)
    try:
        code = grid.check_period(session, version_row.organisation_id, period)
    except Invalid:
        abort(404)
    if code != period:  # a period written as offices write it: its page is the calendar code's
        return redirect(url_for("hr.performance_grid", version_id=version_id, period=code, **request.args), 308)
    form = GridForm()
    kept, errors, shown, conflicts = {}, {}, {}, frozenset()
    if request.method == "POST":
        shown = _shown(form.shown.data)
        typed = {name[len(CELL):]: text for name, text in request.form.items() if name.startswith(CELL)}
        kept = grid.changed_texts(typed, shown, page_locale())
        if form.validate_on_submit():
            try:
                count = grid.save(session, version_row, period, kept, shown, locale=page_locale(),
                                  entered_by=current_user.email, owned=owned, note=form.note.data or "")
                flash(_("Saved. Values changed: %(count)s.", count=count) if count
                      else _("Nothing changed: no value was saved."), "ok")
                return redirect(url_for("hr.performance_grid", version_id=version_id, period=period))
            except Invalid as error:
                errors = {name: translated(message, _) for name, message in error.errors.items()}
                conflicts = getattr(error, "conflicts", frozenset())
    table = grid.grid(session, version_row, period, owned)
    shown_cells = grid.carried(table, shown, kept, conflicts)
    # A message about no cell of this page (a KPI removed, or not the user's) goes on top.
    loose = list(dict.fromkeys(message for name, message in errors.items() if name not in shown_cells))
    return render_template("hr/grid.html", version=version_row, grid=table, form=form, kept=kept, errors=errors,
                           period_label=periods.label(period, page_locale()), cell_prefix=CELL,
                           shown=json.dumps(shown_cells), loose=loose, editable=rights.may("kpi_data"),
                           ladder_problems={row.kpi.code: translated(row.ladder_problem, _)
                                            for row in table.rows if row.ladder_problem}), \
        400 if request.method == "POST" else 200


def _shown(text: str | None) -> dict[str, str]:
    """The values the page was rendered with; a damaged field counts as a page that showed none."""
    try:
        shown = json.loads(text or "{}")
    except ValueError:
        return {}
    return {str(name): str(value) for name, value in shown.items()} if isinstance(shown, dict) else {}
