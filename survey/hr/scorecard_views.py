"""HR pages for scorecards: versions, elements, import/export, performance data, the office scorecard."""
from __future__ import annotations

from io import BytesIO

from flask import Response, abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from survey.render.numbers import format_number
from survey import db
from survey.forms import (
    ActionForm,
    ClearValueForm,
    CopyVersionForm,
    EvidenceForm,
    ElementForm,
    FindingForm,
    GivenWeightsForm,
    KpiOwnerForm,
    LadderForm,
    MeasurementForm,
    ScorecardForm,
    UploadForm,
    keeps_typed_text,
    message_of,
    page_locale,
)
from survey.hr import TABLE_TYPES, blueprint, field_errors, org, table_download, uploaded_table, version_or_404
from survey.services import (
    evidence,
    given_weights,
    grid,
    import_templates,
    kpi_owners,
    kpi_values,
    performance,
    reports,
    scorecard_document,
    scorecards,
)
from survey.services import periods as calendar_periods
from survey.services.errors import Invalid, translated
from survey.services.numbers import LARGEST_WEIGHT, NumberError, parse_number


@blueprint.route("/scorecards/new", methods=["GET", "POST"])
@keeps_typed_text
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
    frozen = scorecards.frozen_reason(db.session(), version_row, copy_advice=False)
    return render_template("hr/version.html", version=version_row, tree=tree, action=ActionForm(),
                           frozen=translated(frozen, _) if frozen else None,
                           provenance=reports.weights_provenance(db.session(), version_row),
                           element_form=element_form or ElementForm(), upload_form=upload_form or UploadForm(),
                           copy_form=copy_form or CopyVersionForm()), status


@blueprint.route("/versions/<int:version_id>/weights", methods=["GET", "POST"])
@keeps_typed_text
def given_weights_page(version_id):
    """Weights given by HR or by a decree: one number per element, published to the version."""
    session = db.session()
    version_row = version_or_404(version_id)
    tree = scorecards.tree_order(scorecards.elements(session, version_row.id))
    form, errors = GivenWeightsForm(), {}
    typed = {f"w_{element.code}": request.form.get(f"w_{element.code}", "") for element, _depth in tree}
    if request.method == "POST":  # rights.guard has checked the role's right to edit
        given = {}
        for element, _depth in tree:
            text = typed[f"w_{element.code}"].strip()
            try:
                if text:
                    given[element.code] = parse_number(text, page_locale(), LARGEST_WEIGHT)
            except NumberError as error:
                errors[f"w_{element.code}"] = translated(error.message, _)
        if form.validate_on_submit() and not errors:
            try:
                given_weights.publish_given_weights(session, version_row, given, level=form.level.data,
                                                    note=form.note.data or "", by=current_user.email,
                                                    decimals=form.decimals.data)
                flash(_("Weights published to the scorecard."), "ok")
                return redirect(url_for("hr.version", version_id=version_id))
            except Invalid as error:
                for name, message in error.errors.items():
                    if name.startswith("w_"):
                        errors[name] = translated(message, _)
                field_errors(form, Invalid({k: v for k, v in error.errors.items() if not k.startswith("w_")}))
    else:
        typed = {f"w_{element.code}": format_number(element.given_weight, "exact", page_locale())
                 if element.given_weight is not None else "" for element, _depth in tree}
        form.note.data = version_row.weights_note if version_row.weights_source == "given" else ""
    status = 400 if request.method == "POST" else 200
    return render_template("hr/given_weights.html", version=version_row, tree=tree, form=form, typed=typed,
                           errors=errors), status


@blueprint.post("/versions/<int:version_id>/elements")
@keeps_typed_text
def add_element(version_id):
    version_row = version_or_404(version_id)
    form = ElementForm()
    if form.validate_on_submit():
        try:
            scorecards.add_element(db.session(), version_row, code=form.code.data, kind=form.kind.data,
                                   name=form.name.data, parent_code=form.parent_code.data or "",
                                   unit=form.unit.data or "", better=form.better.data,
                                   description=form.description.data or "", formula=form.formula.data or "",
                                   data_source=form.data_source.data or "", measured_by=form.measured_by.data or "",
                                   rollup=form.rollup.data or "")
            flash(_("Added %(code)s.", code=form.code.data), "ok")
            return redirect(url_for("hr.version", version_id=version_id))
        except Invalid as error:
            field_errors(form, error)
    return version(version_id, element_form=form, status=400)


@blueprint.post("/versions/<int:version_id>/import")
@keeps_typed_text
def import_version(version_id):
    version_row = version_or_404(version_id)
    form = UploadForm()
    if form.validate_on_submit():
        try:
            table = uploaded_table(form, ["code", "kind", "parent", "name"])
            count = scorecards.import_scorecard(db.session(), version_row, table, form.number_format.data,
                                                current_user.email)
            flash(_("Imported %(count)d rows.", count=count), "ok")
            return redirect(url_for("hr.version", version_id=version_id))
        except Invalid as error:
            field_errors(form, error)
    return version(version_id, upload_form=form, status=400)


@blueprint.get("/versions/<int:version_id>/export.<fmt>")
def export_version(version_id, fmt):
    """The tree in the import's columns (with the given weights, when the version has them): imported into a
    new version it gives the same scorecard."""
    return table_download(scorecards.export_scorecard(db.session(), version_or_404(version_id)), fmt,
                          f"scorecard-{version_id}", page_locale())


@blueprint.get("/versions/<int:version_id>/performance/<any(measurements, ladders):kind>.<fmt>")
def export_performance(version_id, kind, fmt):
    """The current targets, actuals and inputs, or the ladders HR set, in the import's columns: imported
    again they change nothing."""
    version_row = version_or_404(version_id)
    owned = kpi_owners.owned_codes(db.session(), current_user, version_row)
    table = (performance.export_measurements if kind == "measurements" else performance.export_ladders)(
        db.session(), version_row, owned)
    return table_download(table, fmt, f"{kind}-{version_id}", page_locale())


@blueprint.post("/versions/<int:version_id>/copy")
@keeps_typed_text
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
    """Targets, actuals and ladders per KPI and period: entered one by one or imported. A KPI owner sees,
    and enters targets and actuals of, the KPIs assigned to them."""
    session = db.session()
    version_row = version_or_404(version_id)
    form = _kpi_form(MeasurementForm, version_row, "m")
    if request.method == "POST":
        if form.validate_on_submit():
            try:
                kpi_owners.check_may_enter(session, current_user, version_row, form.kpi.data)
                performance.record_measurement(session, version_row, kpi=form.kpi.data, period=form.period.data,
                                               target=form.target.data, actual=form.actual.data,
                                               inputs=getattr(form.inputs, "parsed", {}),
                                               note=form.note.data or "", entered_by=current_user.email)
                flash(_("Saved."), "ok")
                return redirect(url_for("hr.performance_data", version_id=version_id, period=form.period.data))
            except Invalid as error:
                field_errors(form, error)
        return _performance_page(version_row, 400, measurement_form=form)
    return _performance_page(version_row, 200, measurement_form=form)


@blueprint.route("/versions/<int:version_id>/performance/<kpi>/values/<path:period>", methods=["GET", "POST"])
@keeps_typed_text
def kpi_values_page(version_id, kpi, period):
    """A KPI's current values in a period with every change (who, when, old -> new, why), and the act
    that clears one value: confirmed, with a reason."""
    session = db.session()
    version_row = version_or_404(version_id)
    element = _visible_kpis(version_row).get(kpi)
    if element is None:
        abort(404)
    code = _period_code(version_row, period)
    if code != period:  # a period written as offices write it: its values are stored under the calendar code
        return redirect(url_for("hr.kpi_values_page", version_id=version_id, kpi=kpi, period=code, **request.args),
                        308)
    form = ClearValueForm()
    if request.method == "POST":
        if form.validate_on_submit():
            try:
                kpi_owners.check_may_enter(session, current_user, version_row, kpi)
                performance.clear_value(session, version_row, kpi=kpi, period=period, fact=form.fact.data or "",
                                        reason=form.reason.data or "", entered_by=current_user.email)
                flash(_("The value was cleared; its history keeps it."), "ok")
                return redirect(url_for("hr.kpi_values_page", version_id=version_id, kpi=kpi, period=period))
            except Invalid as error:
                field_errors(form, error)
    return _kpi_values_page(version_row, element, period, 400 if request.method == "POST" else 200, form=form)


@blueprint.post("/versions/<int:version_id>/performance/<kpi>/evidence/<path:period>")
def attach_evidence(version_id, kpi, period):
    """A file kept as evidence of a KPI's period: only the KPI's owner (or HR) attaches one."""
    session = db.session()
    version_row = version_or_404(version_id)
    element = _visible_kpis(version_row).get(kpi) or abort(404)
    period = _period_code(version_row, period)
    form = EvidenceForm()
    if form.validate_on_submit():
        try:
            kpi_owners.check_may_enter(session, current_user, version_row, kpi)
            upload = form.file.data
            evidence.attach(session, element, period, upload.filename or "", upload.read(), current_user.email,
                            current_app.config["MAX_CONTENT_LENGTH"])
            flash(_("The file is kept as evidence."), "ok")
            return redirect(url_for("hr.kpi_values_page", version_id=version_id, kpi=kpi, period=period))
        except Invalid as error:
            field_errors(form, error)
    return _kpi_values_page(version_row, element, period, 400, evidence_form=form)


@blueprint.get("/evidence/<int:evidence_id>")
def evidence_file(evidence_id):
    """An evidence file, always as a download (never shown inline: a PDF or an image from anyone who may
    attach one must not run or render in HR's session)."""
    found = evidence.get(db.session(), org(), evidence_id) or abort(404)
    response = send_file(BytesIO(found.content), mimetype=found.media_type, as_attachment=True,
                         download_name=found.filename)
    response.headers["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


def _period_code(version_row, period: str) -> str:
    """The calendar code of a period in an address (404 when it names none), as entries store it."""
    try:
        return grid.check_period(db.session(), version_row.organisation_id, period)
    except Invalid:
        abort(404)


def _kpi_values_page(version_row, element, period, status, form=None, evidence_form=None):
    session = db.session()
    current = kpi_values.current_values(session, [element.id]).get((element.id, period), kpi_values.CurrentValues())
    return render_template("hr/kpi_values.html", version=version_row, kpi=element, period=period, current=current,
                           changes=kpi_values.changes(session, element.id, period), form=form or ClearValueForm(),
                           evidence=evidence.listed(session, element.id, period),
                           evidence_form=evidence_form or EvidenceForm()), status


@blueprint.post("/versions/<int:version_id>/ladders")
@keeps_typed_text
def set_ladder(version_id):
    """A KPI's OMAX anchors for a period: HR's (a KPI owner enters targets and actuals only)."""
    session = db.session()
    version_row = version_or_404(version_id)
    form = _kpi_form(LadderForm, version_row, "l")
    if form.validate_on_submit():
        try:
            performance.set_ladder(session, version_row, kpi=form.kpi.data, period=form.period.data,
                                   anchors=form.anchors.parsed, entered_by=current_user.email)
            flash(_("Saved."), "ok")
            return redirect(url_for("hr.performance_data", version_id=version_id, period=form.period.data))
        except Invalid as error:
            field_errors(form, error)
    return _performance_page(version_row, 400, ladder_form=form)


@blueprint.post("/versions/<int:version_id>/performance/import")
@keeps_typed_text
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
            field_errors(form, error)
    return _performance_page(version_row, 400, upload_form=form)


@blueprint.post("/versions/<int:version_id>/owners")
@keeps_typed_text
def assign_kpi_owner(version_id):
    """HR gives a KPI to a KPI owner, who then enters its targets, actuals and root causes."""
    session = db.session()
    version_row = version_or_404(version_id)
    form = _owner_form(version_row)
    if form.validate_on_submit():
        try:
            kpi_owners.assign(session, version_row, form.kpi.data, [int(form.owner.data)] if form.owner.data else [])
            flash(_("Saved."), "ok")
            return redirect(url_for("hr.performance_data", version_id=version_id))
        except Invalid as error:
            field_errors(form, error)
    return _performance_page(version_row, 400, owner_form=form)


def _kpi_form(form_class, version_row, prefix: str):
    """A form about one KPI, offering the KPIs the signed-in user may enter data for."""
    form = form_class(prefix=prefix)
    form.kpi.choices = [(code, f"{code} {kpi.name}") for code, kpi in _visible_kpis(version_row).items()]
    return form


def _owner_form(version_row):
    form = _kpi_form(KpiOwnerForm, version_row, "o")
    form.owner.choices = [("", _("nobody (HR enters its data)"))] + [
        (str(user.id), f"{user.name} <{user.email}>") for user in kpi_owners.candidates(db.session(), org())]
    return form


def _visible_kpis(version_row) -> dict:
    owned = kpi_owners.owned_codes(db.session(), current_user, version_row)
    return {code: kpi for code, kpi in performance.kpis(db.session(), version_row).items()
            if owned is None or code in owned}


def _performance_page(version_row, status: int, **forms):
    """The page with the refused form as it was posted, and fresh ones for the rest."""
    session = db.session()
    if "owner_form" not in forms:
        forms["owner_form"] = _owner_form(version_row)
    forms.setdefault("measurement_form", _kpi_form(MeasurementForm, version_row, "m"))
    forms.setdefault("ladder_form", _kpi_form(LadderForm, version_row, "l"))
    forms.setdefault("upload_form", UploadForm())
    if request.method == "GET" and request.args.get("kpi"):  # a link from a scorecard's missing data
        for form in (forms["measurement_form"], forms["ladder_form"]):
            form.kpi.data, form.period.data = request.args["kpi"], request.args.get("period", "")
    current = performance.current_measurements(session, version_row)
    known = _visible_kpis(version_row)
    periods = calendar_periods.ordered(p for (_, p) in current)[::-1]
    period = request.args.get("period") or (periods[0] if periods else "")
    return render_template("hr/performance.html", version=version_row, kpis=known, current=current,
                           periods=periods, period=period, ladders=performance.ladder_settings(session, known),
                           owners=kpi_owners.owners(session, version_row), **forms), status


@blueprint.route("/versions/<int:version_id>/scorecard/<path:period>", methods=["GET", "POST"])
@keeps_typed_text
def office_scorecard(version_id, period):
    session = db.session()
    version_row = version_or_404(version_id)
    finding_form = FindingForm()
    if request.method == "POST":
        if finding_form.validate_on_submit():
            try:
                kpi_owners.check_may_enter(session, current_user, version_row, finding_form.kpi.data or "")
                performance.set_finding(session, version_row, kpi=finding_form.kpi.data, period=period,
                                        root_cause=finding_form.root_cause.data or "",
                                        action=finding_form.action.data or "")
                flash(_("Saved."), "ok")
                return redirect(url_for("hr.office_scorecard", version_id=version_id, period=period))
            except Invalid as error:
                flash(message_of(error), "error")  # the KPI is a hidden field: the message goes on top
    try:
        card = scorecard_document.office_document(session, version_row, period)  # the PDF prints the same object
    except Invalid as error:
        return render_template("hr/scorecard_missing.html", version=version_row, period=period,
                               message=message_of(error)), 404
    return render_template("hr/office_scorecard.html", version=version_row, card=card, finding_form=finding_form,
                           owned=kpi_owners.owned_codes(session, current_user, version_row), action=ActionForm(),
                           problems=[translated(problem, _) for problem in card.problems],
                           what_if=_signal_what_if(session, version_row, card)), \
        400 if request.method == "POST" else 200  # a saved finding redirected; this one was refused


def _signal_what_if(session, version_row, card) -> dict:
    """The "would the signal change?" what-if its form asked for (the element's code and a weight as typed)."""
    chosen, typed = request.args.get("element", "")[:60], request.args.get("weight", "")[:60]
    if not chosen:
        return {"chosen": "", "typed": typed}
    try:
        return {"chosen": chosen, "typed": typed,
                "found": scorecard_document.what_if(session, version_row, card, chosen, typed, page_locale())}
    except Invalid as error:
        return {"chosen": chosen, "typed": typed, "error": message_of(error)}


@blueprint.get("/templates/<kind>.<fmt>")
def import_template(kind, fmt):
    """A file to start an import from, with an example row in the user's language."""
    if fmt not in ("csv", "xlsx") or kind not in import_templates.KINDS:
        abort(404)
    version_id = request.args.get("version", type=int)
    known = performance.kpis(db.session(), version_or_404(version_id)) if version_id else {}
    content = import_templates.template(kind, page_locale(), next(iter(known), "K1"), fmt)
    return Response(content, mimetype=TABLE_TYPES[fmt],
                    headers={"Content-Disposition": f'attachment; filename="neraca-{kind}.{fmt}"'})
