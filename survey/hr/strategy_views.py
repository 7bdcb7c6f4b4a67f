"""HR's strategy map: objectives in their lights and the cause-and-effect arrows HR draws between them."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from survey import db
from survey.forms import ActionForm, InfluenceForm, keeps_typed_text, message_of
from survey.hr import blueprint, field_errors, version_or_404
from survey.services import performance, scorecards, strategy
from survey.services import periods as calendar_periods
from survey.services.errors import Invalid


@blueprint.route("/versions/<int:version_id>/strategy-map", methods=["GET", "POST"])
@keeps_typed_text
def strategy_map(version_id):
    session = db.session()
    version_row = version_or_404(version_id)
    form = InfluenceForm()
    objectives = [(e.code, f"{e.code} {e.name}") for e in scorecards.elements(session, version_row.id)
                  if e.kind == "objective"]
    form.cause.choices = form.effect.choices = objectives
    status = 200
    if request.method == "POST":  # rights.guard has checked the right to edit
        if form.validate_on_submit():
            try:
                strategy.add_arrow(session, version_row, form.cause.data, form.effect.data)
                flash(_("Arrow added."), "ok")
                return redirect(url_for("hr.strategy_map", version_id=version_id))
            except Invalid as error:
                field_errors(form, error)
        status = 400
    periods = calendar_periods.ordered(p for (_, p) in performance.current_measurements(session, version_row))[::-1]
    period = request.args.get("period") or (periods[0] if periods else None)
    the_map = strategy.strategy_map(session, version_row, _card(session, version_row, period))
    return render_template("hr/strategy_map.html", version=version_row, the_map=the_map, period=period,
                           periods=periods, form=form, action=ActionForm()), status


@blueprint.post("/versions/<int:version_id>/strategy-map/<int:arrow_id>/remove")
def remove_arrow(version_id, arrow_id):
    version_row = version_or_404(version_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        strategy.remove_arrow(db.session(), version_row, arrow_id)
        flash(_("Arrow removed."), "ok")
    except Invalid as error:
        flash(message_of(error), "error")
    return redirect(url_for("hr.strategy_map", version_id=version_id))


def _card(session, version_row, period):
    """The office scorecard that colours the map, or none while the period cannot be scored."""
    if not period:
        return None
    try:
        return performance.office_scorecard(session, version_row, period)
    except Invalid:
        return None

