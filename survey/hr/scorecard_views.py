"""HR pages for scorecards: versions, elements, import/export, performance data, the office scorecard."""
from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from survey import db
from survey.forms import (
    ActionForm,
    CopyVersionForm,
    ElementForm,
    FindingForm,
    LadderForm,
    MeasurementForm,
    ScorecardForm,
    UploadForm,
    keeps_typed_text,
    message_of,
)
from survey.hr import blueprint, editor, field_errors, org, uploaded_table, version_or_404
from survey.services import import_templates, performance, scorecards
from survey.services.errors import Invalid, translated
from survey.services.tables import to_bytes


@blueprint.route("/scorecards/new", methods=["GET", "POST"])
@keeps_typed_text
@editor
def new_scorecard():
    form = ScorecardForm()
    if form.validate_on_submit():
        try:
            version = scorecards.create_scorecard(db.session(), org(), form.name.data, form.label.data)
            return redirect(url_for("hr.version", version_id=version.id))
        except Invalid as error:
            field_errors(form, error)
    return render_template("hr/scorecard_new.html", form=form), 400 if form.errors else 200


@blueprint.get("/versions/<int:version_id>")
def version(version_id, element_form=None, upload_form=None, copy_form=None, status=200):
    version_row = version_or_404(version_id)
    tree = scorecards.tree_order(scorecards.elements(db.session(), version_row.id))
    return render_template("hr/version.html", version=version_row, tree=tree,
                           element_form=element_form or ElementForm(), upload_form=upload_form or UploadForm(),
                           copy_form=copy_form or CopyVersionForm()), status


@blueprint.post("/versions/<int:version_id>/elements")
@keeps_typed_text
@editor
def add_element(version_id):
    version_row = version_or_404(version_id)
    form = ElementForm()
    if form.validate_on_submit():
        try:
            scorecards.add_element(db.session(), version_row, code=form.code.data, kind=form.kind.data,
                                   name=form.name.data, parent_code=form.parent_code.data or "",
                                   unit=form.unit.data or "", better=form.better.data,
                                   description=form.description.data or "", formula=form.formula.data or "",
                                   data_source=form.data_source.data or "", measured_by=form.measured_by.data or "")
            flash(_("Added %(code)s.", code=form.code.data), "ok")
            return redirect(url_for("hr.version", version_id=version_id))
        except Invalid as error:
            db.session().rollback()
            field_errors(form, error)
    return version(version_id, element_form=form, status=400)


@blueprint.post("/versions/<int:version_id>/import")
@keeps_typed_text
@editor
def import_version(version_id):
    version_row = version_or_404(version_id)
    form = UploadForm()
    if form.validate_on_submit():
        try:
            table = uploaded_table(form, ["code", "kind", "parent", "name"])
            count = scorecards.import_scorecard(db.session(), version_row, table)
            flash(_("Imported %(count)d rows.", count=count), "ok")
            return redirect(url_for("hr.version", version_id=version_id))
        except Invalid as error:
            db.session().rollback()
            field_errors(form, error)
    return version(version_id, upload_form=form, status=400)


@blueprint.get("/versions/<int:version_id>/export.<fmt>")
def export_version(version_id, fmt):
    version_row = version_or_404(version_id)
    if fmt not in ("csv", "xlsx"):
        abort(404)
    content = to_bytes(scorecards.export_scorecard(db.session(), version_row), fmt)
    mimetype = "text/csv" if fmt == "csv" else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(content, mimetype=mimetype,
                    headers={"Content-Disposition": f"attachment; filename=scorecard-{version_id}.{fmt}"})


@blueprint.post("/versions/<int:version_id>/copy")
@keeps_typed_text
@editor
def copy_version(version_id):
    version_row = version_or_404(version_id)
    form = CopyVersionForm()
    if form.validate_on_submit():
        copy = scorecards.copy_version(db.session(), version_row, form.label.data)
        return redirect(url_for("hr.version", version_id=copy.id))
    return version(version_id, copy_form=form, status=400)


@blueprint.route("/versions/<int:version_id>/performance", methods=["GET", "POST"])
@keeps_typed_text
def performance_data(version_id):
    """Targets, actuals and ladders per KPI and period: entered one by one or imported."""
    session = db.session()
    version_row = version_or_404(version_id)
    codes = [(code, f"{code} {e.name}") for code, e in performance.kpis(session, version_row).items()]
    measurement_form, ladder_form, upload_form = MeasurementForm(prefix="m"), LadderForm(prefix="l"), UploadForm()
    measurement_form.kpi.choices = ladder_form.kpi.choices = codes
    if request.method == "GET" and request.args.get("kpi"):  # a link from a scorecard's missing data
        for form in (measurement_form, ladder_form):
            form.kpi.data, form.period.data = request.args["kpi"], request.args.get("period", "")
    status = 200
    if request.method == "POST":
        if current_user.role not in ("admin", "hr"):
            abort(403)
        form = measurement_form if "m-kpi" in request.form else ladder_form
        if form.validate_on_submit():
            try:
                if form is measurement_form:
                    performance.record_measurement(session, version_row, kpi=form.kpi.data, period=form.period.data,
                                                   target=form.target.data, actual=form.actual.data,
                                                   inputs=getattr(form.inputs, "parsed", {}),
                                                   note=form.note.data or "", entered_by=current_user.email)
                else:
                    performance.set_ladder(session, version_row, kpi=form.kpi.data, period=form.period.data,
                                           anchors=form.anchors.parsed, entered_by=current_user.email)
                flash(_("Saved."), "ok")
                return redirect(url_for("hr.performance_data", version_id=version_id, period=form.period.data))
            except Invalid as error:
                session.rollback()
                field_errors(form, error)
        status = 400
    return _performance_page(version_row, measurement_form, ladder_form, upload_form, status)


@blueprint.post("/versions/<int:version_id>/performance/import")
@keeps_typed_text
@editor
def import_performance(version_id):
    session = db.session()
    version_row = version_or_404(version_id)
    form = UploadForm()
    if form.validate_on_submit():
        try:
            table = uploaded_table(form, ["kpi", "period"])
            if any(column in table.columns for column in ("target", "actual")):
                count = performance.import_measurements(session, version_row, table, current_user.email,
                                                        form.number_format.data)
            else:
                count = performance.import_ladders(session, version_row, table, current_user.email,
                                                   form.number_format.data)
            flash(_("Imported %(count)d rows.", count=count), "ok")
            return redirect(url_for("hr.performance_data", version_id=version_id))
        except Invalid as error:
            session.rollback()
            field_errors(form, error)
    measurement_form, ladder_form = MeasurementForm(prefix="m"), LadderForm(prefix="l")
    measurement_form.kpi.choices = ladder_form.kpi.choices = []
    return _performance_page(version_row, measurement_form, ladder_form, form, 400)


def _performance_page(version_row, measurement_form, ladder_form, upload_form, status):
    session = db.session()
    current = performance.current_measurements(session, version_row)
    known = performance.kpis(session, version_row)
    periods = sorted({p for (_, p) in current}, reverse=True)
    period = request.args.get("period") or (periods[0] if periods else "")
    ladders = performance.ladder_settings(session, known)
    return render_template("hr/performance.html", version=version_row, kpis=known, current=current,
                           periods=periods, period=period, ladders=ladders, measurement_form=measurement_form,
                           ladder_form=ladder_form, upload_form=upload_form), status


@blueprint.route("/versions/<int:version_id>/scorecard/<period>", methods=["GET", "POST"])
@keeps_typed_text
def office_scorecard(version_id, period):
    session = db.session()
    version_row = version_or_404(version_id)
    finding_form = FindingForm()
    if request.method == "POST":
        if current_user.role not in ("admin", "hr"):
            abort(403)
        if finding_form.validate_on_submit():
            try:
                performance.set_finding(session, version_row, kpi=finding_form.kpi.data, period=period,
                                        root_cause=finding_form.root_cause.data or "",
                                        action=finding_form.action.data or "")
                return redirect(url_for("hr.office_scorecard", version_id=version_id, period=period))
            except Invalid as error:
                session.rollback()
                field_errors(finding_form, error)
    try:
        card = performance.office_scorecard(session, version_row, period)
    except Invalid as error:
        return render_template("hr/scorecard_missing.html", version=version_row, period=period,
                               message=message_of(error)), 404
    return render_template("hr/office_scorecard.html", version=version_row, card=card, finding_form=finding_form,
                           trends=performance.trends(card),
                           action=ActionForm(), problems=[translated(problem, _) for problem in card.problems])


@blueprint.get("/templates/<kind>.<fmt>")
def import_template(kind, fmt):
    """A file to start an import from, with an example row in the user's language."""
    if fmt not in ("csv", "xlsx") or kind not in import_templates.KINDS:
        abort(404)
    version_id = request.args.get("version", type=int)
    known = performance.kpis(db.session(), version_or_404(version_id)) if version_id else {}
    content = import_templates.template(kind, str(get_locale() or "id"), next(iter(known), "K1"), fmt)
    mimetype = "text/csv" if fmt == "csv" else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(content, mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="neraca-{kind}.{fmt}"'})
