"""HR's page for a version's comparison groups: which elements a weighting round compares together."""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from survey import db
from survey.forms import ComparisonGroupsForm, keeps_typed_text
from survey.hr import blueprint, field_errors, version_or_404
from survey.services import groups, scorecards
from survey.services.errors import Invalid, translated


@blueprint.app_template_global()
def group_heading(key: str, by_id: dict, style: str = "full") -> str:
    """A comparison group's title in the page's language ("Perspectives", "F1 Revenue", "All KPIs")."""
    return translated(groups.heading(key, by_id, style), _)


@blueprint.app_template_global()
def page_heading(page) -> str:
    """A respondent's page title: its group's, by names only (answers.Cluster)."""
    return group_heading(page.key, {page.parent.id: page.parent} if page.parent else {}, "name")


@blueprint.route("/versions/<int:version_id>/groups", methods=["GET", "POST"])
@keeps_typed_text
def comparison_groups(version_id):
    session = db.session()
    version_row = version_or_404(version_id)
    form, status = ComparisonGroupsForm(), 200
    if form.validate_on_submit():  # rights.guard has checked the role's right to edit
        try:
            groups.set_grouping(session, version_row, form.objectives.data, form.kpis.data, current_user.email)
            flash(_("Comparison groups saved."), "ok")
            return redirect(url_for("hr.comparison_groups", version_id=version_id))
        except Invalid as error:
            field_errors(form, error)
            status = 400
    elif form.is_submitted():
        status = 400
    else:
        form.objectives.data, form.kpis.data = groups.grouping_of(version_row)
    locked = groups.locked_reason(session, version_row)
    by_id = {element.id: element for element in scorecards.elements(session, version_row.id)}
    return render_template("hr/comparison_groups.html", version=version_row, form=form, by_id=by_id,
                           compared=scorecards.clusters(session, version_row.id), rules=groups.RULES.values(),
                           locked=translated(locked, _) if locked else None), status
