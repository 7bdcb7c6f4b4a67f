"""HR pages: scorecards, people, rounds, monitoring and results. Every query is scoped
to the signed-in user's organisation; another organisation's ids give 404."""
from __future__ import annotations

from functools import wraps

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from sqlalchemy import func

from survey import db
from survey.forms import (ActionForm, CopyVersionForm, CorrectionForm, ElementForm, FindingForm, LadderForm,
                          MeasurementForm, PersonForm, QuestionForm, RoundForm, SatisfactionToKpiForm, ScorecardForm,
                          UploadForm)
from survey.models import OutboxMessage, Scorecard
from survey.services import mail, people, performance, questionnaires, results, rounds, scorecards
from survey.services.errors import Invalid
from survey.services.tables import read_table, to_bytes

blueprint = Blueprint("hr", __name__, url_prefix="/hr")


@blueprint.before_request
@login_required
def signed_in():
    """Every HR page needs a signed-in user."""


def editor(view):
    """Viewers may read; changing anything needs the HR or admin role."""
    @wraps(view)
    def checked(*args, **kwargs):
        if current_user.role not in ("admin", "hr"):
            abort(403)
        return view(*args, **kwargs)
    return checked


def org() -> int:
    return current_user.organisation_id


def field_errors(form, error: Invalid) -> None:
    """Put a service's messages at the matching form fields (or at the top)."""
    for name, message in error.errors.items():
        message = _(message)  # fixed service messages are in the catalog; others pass through
        field = getattr(form, name, None)
        if field is not None and hasattr(field, "errors"):
            field.errors = list(field.errors) + [message]
        else:
            flash(f"{name}: {message}" if name else message, "error")


def version_or_404(version_id: int):
    return scorecards.get_version(db.session(), org(), version_id) or abort(404)


def round_or_404(round_id: int):
    return rounds.get_round(db.session(), org(), round_id) or abort(404)


def base_url() -> str:
    return current_app.config.get("PUBLIC_URL") or request.host_url


@blueprint.get("/")
def dashboard():
    session = db.session()
    versions = [v for card in session.query(Scorecard).filter_by(organisation_id=org()) for v in card.versions]
    all_rounds = rounds.rounds(session, org())
    return render_template("hr/dashboard.html", versions=versions,
                           rounds=[(r, rounds.progress(session, r)) for r in all_rounds])


@blueprint.route("/scorecards/new", methods=["GET", "POST"])
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
def version(version_id, element_form=None, upload_form=None, status=200):
    version_row = version_or_404(version_id)
    tree = scorecards.tree_order(scorecards.elements(db.session(), version_row.id))
    return render_template("hr/version.html", version=version_row, tree=tree,
                           element_form=element_form or ElementForm(), upload_form=upload_form or UploadForm(),
                           copy_form=CopyVersionForm()), status


@blueprint.post("/versions/<int:version_id>/elements")
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
@editor
def import_version(version_id):
    version_row = version_or_404(version_id)
    form = UploadForm()
    if form.validate_on_submit():
        upload = form.file.data
        try:
            table = read_table(upload.read(), upload.filename, ["code", "kind", "parent", "name"])
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
@editor
def copy_version(version_id):
    version_row = version_or_404(version_id)
    form = CopyVersionForm()
    if form.validate_on_submit():
        copy = scorecards.copy_version(db.session(), version_row, form.label.data)
        return redirect(url_for("hr.version", version_id=copy.id))
    flash(_("Give the new version a label."), "error")
    return redirect(url_for("hr.version", version_id=version_id))


@blueprint.route("/people", methods=["GET", "POST"])
def people_list():
    form, upload_form, status = PersonForm(), UploadForm(), 200
    if request.method == "POST":
        if current_user.role not in ("admin", "hr"):
            abort(403)
        if form.validate_on_submit():
            try:
                people.add_person(db.session(), org(), name=form.name.data, email=form.email.data,
                                  unit=form.unit.data, role=form.role.data, kind=form.kind.data,
                                  weight=form.weight.data)
                return redirect(url_for("hr.people_list"))
            except Invalid as error:
                db.session().rollback()
                field_errors(form, error)
        status = 400
    return render_template("hr/people.html", people=people.people(db.session(), org()), form=form,
                           upload_form=upload_form), status


@blueprint.post("/people/import")
@editor
def import_people():
    form = UploadForm()
    if form.validate_on_submit():
        upload = form.file.data
        try:
            table = read_table(upload.read(), upload.filename, ["name", "email"])
            count = people.import_people(db.session(), org(), table)
            flash(_("Imported %(count)d people.", count=count), "ok")
            return redirect(url_for("hr.people_list"))
        except Invalid as error:
            db.session().rollback()
            field_errors(form, error)
    return render_template("hr/people.html", people=people.people(db.session(), org()), form=PersonForm(),
                           upload_form=form), 400


@blueprint.route("/rounds/new", methods=["GET", "POST"])
@editor
def new_round():
    form = RoundForm()
    session = db.session()
    form.version_id.choices = [(v.id, f"{card.name} – {v.label}")
                               for card in session.query(Scorecard).filter_by(organisation_id=org())
                               for v in card.versions]
    if form.validate_on_submit():
        try:
            round_ = rounds.create_round(session, org(), **{name: field.data for name, field in form._fields.items()
                                                              if name != "csrf_token"})
            return redirect(url_for("hr.round_page", round_id=round_.id))
        except Invalid as error:
            session.rollback()
            field_errors(form, error)
    return render_template("hr/round_new.html", form=form), 400 if form.errors else 200


@blueprint.get("/rounds/<int:round_id>")
def round_page(round_id):
    session = db.session()
    round_ = round_or_404(round_id)
    progress = rounds.progress(session, round_)
    invited = {p.person.id for p in progress.participants}
    candidates = [p for p in people.people(session, org()) if p.id not in invited]
    outbox = dict(session.query(OutboxMessage.status, func.count()).filter_by(round_id=round_.id)
                  .group_by(OutboxMessage.status).all())
    failed = session.query(OutboxMessage).filter_by(round_id=round_.id, status="failed").all()
    _, by_id = scorecards.hierarchy(session, round_.version_id)
    return render_template("hr/round.html", round=round_, progress=progress, candidates=candidates,
                           outbox=outbox, failed=failed, by_id=by_id, action=ActionForm(),
                           questions=questionnaires.questions(session, round_), question_form=QuestionForm())


@blueprint.post("/rounds/<int:round_id>/questions")
@editor
def add_question(round_id):
    session = db.session()
    round_ = round_or_404(round_id)
    form = QuestionForm()
    if form.validate_on_submit():
        try:
            questionnaires.add_question(session, round_, kind=form.kind.data, text=form.text.data,
                                        kpi=form.kpi.data or "", unit=form.unit.data or "", minimum=form.minimum.data,
                                        maximum=form.maximum.data, options=form.options.data or "")
            return redirect(url_for("hr.round_page", round_id=round_id))
        except Invalid as error:
            session.rollback()
            field_errors(form, error)
    for name, messages in form.errors.items():
        flash(f"{getattr(form, name).label.text if hasattr(form, name) else ''}: {' '.join(map(str, messages))}",
              "error")
    return redirect(url_for("hr.round_page", round_id=round_id))


@blueprint.post("/rounds/<int:round_id>/questions/defaults")
@editor
def default_questions(round_id):
    round_ = round_or_404(round_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        count = questionnaires.default_questions(db.session(), round_)
        flash(_("%(count)d questions created from the scorecard.", count=count), "ok")
    except Invalid as error:
        flash(_(next(iter(error.errors.values()))), "error")
    return redirect(url_for("hr.round_page", round_id=round_id))


@blueprint.post("/rounds/<int:round_id>/invite")
@editor
def invite(round_id):
    round_ = round_or_404(round_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    chosen = [int(value) for value in request.form.getlist("person") if value.isdigit()]
    if not chosen:
        flash(_("Choose at least one person to invite."), "error")
        return redirect(url_for("hr.round_page", round_id=round_id))
    try:
        count = rounds.invite(db.session(), round_, chosen, secret_key=current_app.config["SECRET_KEY"],
                              base_url=base_url())
    except Invalid as error:
        db.session().rollback()
        flash(str(error), "error")
        return redirect(url_for("hr.round_page", round_id=round_id))
    _deliver(round_.id)
    flash(_("%(count)d invitations queued.", count=count), "ok")
    return redirect(url_for("hr.round_page", round_id=round_id))


@blueprint.post("/rounds/<int:round_id>/remind")
@editor
def remind(round_id):
    round_ = round_or_404(round_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        count = rounds.remind(db.session(), round_, secret_key=current_app.config["SECRET_KEY"], base_url=base_url())
    except Invalid as error:
        flash(str(error), "error")
        return redirect(url_for("hr.round_page", round_id=round_id))
    _deliver(round_.id)
    flash(_("%(count)d reminders queued.", count=count), "ok")
    return redirect(url_for("hr.round_page", round_id=round_id))


@blueprint.post("/rounds/<int:round_id>/retry-mail")
@editor
def retry_mail(round_id):
    round_ = round_or_404(round_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    mail.retry_failed(db.session(), round_.id)
    _deliver(round_.id)
    return redirect(url_for("hr.round_page", round_id=round_id))


@blueprint.post("/rounds/<int:round_id>/close")
@editor
def close(round_id):
    round_ = round_or_404(round_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    rounds.close_round(db.session(), round_)
    return redirect(url_for("hr.round_page", round_id=round_id))


@blueprint.route("/rounds/<int:round_id>/results", methods=["GET", "POST"])
def round_results(round_id):
    session = db.session()
    round_ = round_or_404(round_id)
    if round_.kind != "weighting":
        return _questionnaire_results(round_)
    outcome = results.round_results(session, round_)
    without = results.round_results(session, round_, include_inconsistent=False)
    with_all = results.round_results(session, round_, include_inconsistent=True)
    _, by_id = scorecards.hierarchy(session, round_.version_id)
    tree = scorecards.tree_order(list(by_id.values()))
    return render_template("hr/results.html", round=round_, outcome=outcome, without=without, with_all=with_all,
                           by_id=by_id, tree=tree, action=ActionForm())


@blueprint.post("/rounds/<int:round_id>/publish")
@editor
def publish(round_id):
    round_ = round_or_404(round_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        results.publish(db.session(), round_)
        flash(_("Weights published to the scorecard."), "ok")
    except Invalid as error:
        db.session().rollback()
        flash(str(error), "error")
    return redirect(url_for("hr.round_results", round_id=round_id))


@blueprint.get("/outbox")
def outbox():
    messages = (db.session().query(OutboxMessage).filter_by(organisation_id=org())
                .order_by(OutboxMessage.id.desc()).limit(200).all())
    return render_template("hr/outbox.html", messages=messages)


def _deliver(round_id: int) -> None:
    """Send the round's queued mail after this response, in this worker's background thread."""
    if current_app.config.get("MAIL_INLINE"):
        mail.deliver(db.session(), current_app.config, round_id)
    else:
        maker = current_app.extensions["neraca.sessionmaker"]
        mail.deliver_in_background(maker, dict(current_app.config), round_id)


@blueprint.route("/versions/<int:version_id>/performance", methods=["GET", "POST"])
def performance_data(version_id):
    """Targets, actuals and ladders per KPI and period: entered one by one or imported."""
    session = db.session()
    version_row = version_or_404(version_id)
    codes = [(code, f"{code} {e.name}") for code, e in performance.kpis(session, version_row).items()]
    measurement_form, ladder_form, upload_form = MeasurementForm(prefix="m"), LadderForm(prefix="l"), UploadForm()
    measurement_form.kpi.choices = ladder_form.kpi.choices = codes
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
@editor
def import_performance(version_id):
    session = db.session()
    version_row = version_or_404(version_id)
    form = UploadForm()
    if form.validate_on_submit():
        upload = form.file.data
        try:
            table = read_table(upload.read(), upload.filename, ["kpi", "period"])
            if any(column in table.columns for column in ("target", "actual")):
                count = performance.import_measurements(session, version_row, table, current_user.email)
            else:
                count = performance.import_ladders(session, version_row, table, current_user.email)
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
                               message=_(next(iter(error.errors.values())))), 404
    return render_template("hr/office_scorecard.html", version=version_row, card=card, finding_form=finding_form,
                           action=ActionForm())


def _questionnaire_results(round_):
    """Personal scorecards, validation shares or satisfaction scores, by the round's kind."""
    session = db.session()
    correction, to_kpi = CorrectionForm(prefix="c"), SatisfactionToKpiForm(prefix="s")
    if request.method == "POST":
        if current_user.role not in ("admin", "hr"):
            abort(403)
        form = correction if "c-value" in request.form else to_kpi
        if form.validate_on_submit():
            try:
                if form is correction:
                    questionnaires.correct_response(session, round_, int(form.invitation.data or 0),
                                                    int(form.question.data or 0), form.value.data, form.reason.data,
                                                    current_user.email)
                else:
                    _items, overall = questionnaires.satisfaction_results(session, round_)
                    version_row = version_or_404(round_.version_id)
                    performance.record_measurement(session, version_row, kpi=form.kpi.data, period=form.period.data,
                                                   actual=overall, note=f"satisfaction round {round_.title}",
                                                   entered_by=current_user.email)
                flash(_("Saved."), "ok")
                return redirect(url_for("hr.round_results", round_id=round_.id))
            except Invalid as error:
                session.rollback()
                field_errors(form, error)
    status = 400 if request.method == "POST" else 200
    context = {"round": round_, "correction": correction, "to_kpi": to_kpi, "action": ActionForm()}
    try:
        if round_.kind == "self_report":
            context["personal"] = questionnaires.personal_results(session, round_)
            context["questions"] = {q.element_id: q for q in questionnaires.questions(session, round_)}
        elif round_.kind == "validation":
            context["shares"], context["verdicts"] = questionnaires.validation_results(session, round_)
        else:
            context["items"], context["overall"] = questionnaires.satisfaction_results(session, round_)
    except Invalid as error:
        context["message"] = _(next(iter(error.errors.values())))
    return render_template("hr/questionnaire_results.html", **context), status
