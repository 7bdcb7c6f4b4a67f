"""HR pages for survey rounds: launch, questions, invitations, monitoring, results, publishing."""
from __future__ import annotations

from functools import wraps

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func

from survey import background, db
from survey.forms import (
    ROUND_OPTION_GROUPS,
    ActionForm,
    CorrectionForm,
    QuestionForm,
    RoundForm,
    SatisfactionToKpiForm,
    SkmQuestionnaireForm,
    keeps_typed_text,
    message_of,
    page_locale,
    ticked_ids,
)
from survey.hr import (base_url, blueprint, field_errors, org, page_number, round_or_404, version_or_404,
                       warn_at_launch)
from survey.models import Invitation, OutboxMessage, Scorecard, ScorecardVersion
from survey.rights import may
from survey.services import (
    by_hand,
    feedback,
    groups,
    jobs,
    mail,
    network,
    paging,
    people,
    performance,
    questionnaires,
    reports,
    respondent_groups,
    results,
    rounds,
    scorecards,
    skm,
    tokens,
    weight_intervals,
    weight_sensitivity,
)
from survey.services.errors import Invalid, translated
from survey.services.kinds import kind_of


@blueprint.route("/rounds/new", methods=["GET", "POST"])
@keeps_typed_text
def new_round():
    form = RoundForm()
    session = db.session()
    form.version_id.choices = version_choices()
    if request.method == "GET":  # the newest version no round uses yet, else the newest
        versions = [v for card in session.query(Scorecard).filter_by(organisation_id=org()) for v in card.versions]
        if versions:
            form.version_id.data = scorecards.newest_editable(session, versions).id
    if form.validate_on_submit():
        try:
            round_ = rounds.create_round(session, org(), **{name: field.data for name, field in form._fields.items()
                                                              if name != "csrf_token"})
            warn_at_launch(round_)
            return redirect(url_for("hr.round_page", round_id=round_.id))
        except Invalid as error:
            field_errors(form, error)
    return render_template("hr/round_new.html", form=form, option_groups=ROUND_OPTION_GROUPS), 400 if form.errors else 200


def version_choices() -> list[tuple[int, str]]:
    return [(v.id, f"{card.name} – {v.label}")
            for card in db.session().query(Scorecard).filter_by(organisation_id=org()) for v in card.versions]


@blueprint.get("/rounds/<int:round_id>")
def round_page(round_id, question_form=None, status=200):
    session = db.session()
    round_ = round_or_404(round_id)
    progress = rounds.progress(session, round_)
    invited = {p.person.id for p in progress.participants} | {i.person_id for i in progress.removed}
    chosen_by = {name: request.args.get(name, "")[:200] for name in ("kind", "unit", "role", "q")}
    candidates = people.invitable(session, org(), kind=chosen_by["kind"], unit=chosen_by["unit"],
                                  role=chosen_by["role"], search=chosen_by["q"], exclude=invited)
    outbox = dict(session.query(OutboxMessage.status, func.count()).filter_by(round_id=round_.id)
                  .group_by(OutboxMessage.status).all())
    failed = [(m.recipient, _reason(m)) for m in session.query(OutboxMessage).filter_by(round_id=round_.id,
                                                                                        status="failed")]
    retrying = [(m.recipient, _reason(m)) for m in session.query(OutboxMessage).filter(
        OutboxMessage.round_id == round_.id, OutboxMessage.status == "queued", OutboxMessage.attempts > 0)]
    _, by_id = scorecards.hierarchy(session, round_.version_id)
    # One page of the participants and of the people to invite: a round of 500 stays a page of ~50 rows each.
    who = request.args.get("who", "")[:200]
    participants = rounds.participants_page(progress, who, page_number())
    candidates = paging.page_of_list(candidates, page_number("invite_page"))
    # Working links for HR and admins to hand over (email bounced, no mail server); viewers never see one.
    links = ({p.invitation.id: tokens.link(p.invitation, secret_key=current_app.config["SECRET_KEY"],
                                           base_url=base_url())
              for p in participants.rows} if may("personal") else {})
    shown = {p.invitation.id for p in participants.rows}
    return render_template("hr/round.html", round=round_, progress=progress, candidates=candidates,
                           participants=participants, who=who,
                           outbox=outbox, failed=failed, retrying=retrying, links=links, by_id=by_id,
                           reached_by=by_hand.reached_by,
                           to_remind=[p for p in by_hand.to_remind(progress) if p.invitation.id in shown],
                           action=ActionForm(), questions=questionnaires.questions(session, round_),
                           kept_reasons=reports.kept_reasons(session, round_), chosen_by=chosen_by,
                           filter_choices=people.filter_choices(session, org()),
                           question_form=question_form or QuestionForm(), skm_form=SkmQuestionnaireForm()), status


def round_action(view):
    """A button on a round's page: the round of this organisation, a valid CSRF token (roles: rights.guard)."""
    @wraps(view)
    def checked(round_id):
        round_ = round_or_404(round_id)
        if not ActionForm().validate_on_submit():
            abort(400)
        return view(round_)
    return checked


@blueprint.post("/rounds/<int:round_id>/questions")
@keeps_typed_text
def add_question(round_id):
    session = db.session()
    round_ = round_or_404(round_id)
    form = QuestionForm()
    if form.validate_on_submit():
        try:
            questionnaires.add_question(session, round_, kind=form.kind.data, text=form.text.data,
                                        kpi=form.kpi.data or "", unit=form.unit.data or "", minimum=form.minimum.data,
                                        maximum=form.maximum.data, options=form.options.data or "",
                                        locale=page_locale())
            return redirect(url_for("hr.round_page", round_id=round_id))
        except Invalid as error:
            field_errors(form, error)
    return round_page(round_id, question_form=form, status=400)  # the question as typed, with its errors


@blueprint.post("/rounds/<int:round_id>/questions/defaults")
@round_action
def default_questions(round_):
    try:
        count = questionnaires.default_questions(db.session(), round_)
        flash(_("%(count)d questions created from the scorecard.", count=count), "ok")
    except Invalid as error:
        flash(message_of(error), "error")
    return redirect(url_for("hr.round_page", round_id=round_.id))


@blueprint.post("/rounds/<int:round_id>/invite/confirm")
@round_action
def confirm_invite(round_):
    """Who is about to be invited, counted and named, before anything is queued."""
    chosen = set(ticked_ids("person"))
    invited = {i.person_id for i in db.session().query(Invitation).filter_by(round_id=round_.id)}
    found = [p for p in people.invitable(db.session(), org(), exclude=invited) if p.id in chosen]
    if not found:
        flash(_("Choose at least one person to invite."), "error")
        return redirect(url_for("hr.round_page", round_id=round_.id))
    without_email = sum(not p.email for p in found)
    lines = [_("Each gets an email with a personal link to the round.")] if not without_email else [
        _("%(count)d of them have no email: they get no message. Hand them their link from the round's page "
          "(WhatsApp or a printed letter).", count=without_email)]
    return render_template("hr/confirm.html", title=_("Invite %(count)d people to %(title)s?", count=len(found),
                                                       title=round_.title), lines=lines,
                           names=[f"{p.name} <{p.email or p.phone}>" for p in found],
                           hidden=[("person", p.id) for p in found],
                           button=_("Send %(count)d invitations", count=len(found)), action=ActionForm(),
                           action_url=url_for("hr.invite", round_id=round_.id),
                           back=url_for("hr.round_page", round_id=round_.id))


@blueprint.post("/rounds/<int:round_id>/invite")
@round_action
def invite(round_):
    chosen = ticked_ids("person")
    if not chosen:
        flash(_("Choose at least one person to invite."), "error")
        return redirect(url_for("hr.round_page", round_id=round_.id))
    return _queue_mail(round_, lambda: rounds.invite(db.session(), round_, chosen, current_app.config, current_user.email),
                       lambda count: _("%(count)d invitations queued.", count=count))


@blueprint.get("/rounds/<int:round_id>/remind")
def confirm_remind(round_id):
    """Before reminding: how many an email reaches, how many are left to remind by hand, or why nobody."""
    round_ = round_or_404(round_id)
    plan = by_hand.reminder_plan(rounds.progress(db.session(), round_))
    why_not = by_hand.why_nobody_is_reminded(plan)
    lines = [translated(why_not, _)] if why_not else [
        _("%(count)d people who have not finished will be reminded by email.", count=plan.by_email)]
    if plan.by_email and plan.by_hand:
        lines.append(_("%(count)d who have not finished have no email: remind them by hand (listed under \"To "
                       "remind by hand\" on the round's page).", count=plan.by_hand))
    return render_template("hr/confirm.html", title=_("Remind who has not finished?"), lines=lines,
                           action_url=url_for("hr.remind", round_id=round_.id),
                           button=None if why_not else _("Send the reminders"),
                           back=url_for("hr.round_page", round_id=round_.id), action=ActionForm())


@blueprint.post("/rounds/<int:round_id>/remind")
@round_action
def remind(round_):
    plan = by_hand.reminder_plan(rounds.progress(db.session(), round_))
    why_not = by_hand.why_nobody_is_reminded(plan)
    return _queue_mail(round_, lambda: rounds.remind(db.session(), round_, current_app.config),
                       lambda count: translated(why_not, _) if not count and why_not else
                       _("%(count)d reminders queued.", count=count))


def _queue_mail(round_, queue, queued):
    """Queue the round's mail with ``queue()`` (it returns how many), send it in the background and
    say ``queued(count)``; a refusal is shown instead and writes nothing."""
    try:
        count = queue()
    except Invalid as error:
        flash(message_of(error), "error")
    else:
        background.submit("send_mail", round_.id)
        flash(queued(count), "ok")
    return redirect(url_for("hr.round_page", round_id=round_.id))


@blueprint.post("/rounds/<int:round_id>/retry-mail")
@round_action
def retry_mail(round_):
    mail.retry_failed(db.session(), round_.id)
    background.submit("send_mail", round_.id)
    return redirect(url_for("hr.round_page", round_id=round_.id))


@blueprint.route("/rounds/<int:round_id>/results", methods=["GET", "POST"])
@keeps_typed_text
def round_results(round_id):
    """The round's results page, its kind's template reading the round's outcome."""
    round_ = round_or_404(round_id)
    kind = kind_of(round_)
    if kind.questionnaire:
        return _questionnaire_results(round_)
    session = db.session()
    _, by_id = scorecards.hierarchy(session, round_.version_id)
    context = {"round": round_, "outcome": results.results(session, round_), "by_id": by_id,
               "tree": scorecards.tree_order(list(by_id.values())), "action": ActionForm(),
               "provenance": reports.weights_provenance(session, round_.version),
               "grouping_rule": groups.rule(session.get(ScorecardVersion, round_.version_id)),
               "cluster_names": network.CLUSTER_NAMES}
    if kind.gives_weights:
        context.update(intervals=weight_intervals.weight_intervals(session, round_),
                       **_sensitivity(session, round_))
    if kind.pairwise:  # with and without those who stayed inconsistent, side by side, their reasons, who agrees
        context.update(agreement=respondent_groups.respondent_groups(session, round_, _agreement_threshold()),
                       without=results.results(session, round_, include_inconsistent=False),
                       with_all=results.results(session, round_, include_inconsistent=True),
                       kept_reasons=reports.kept_reasons(session, round_))
    if kind.feedback:
        context["feedback"] = feedback.before_after(session, round_)
    return render_template(kind.templates.results, **context)


def _agreement_threshold() -> float:
    """The results page's grouping threshold, in percent in the address (50 to 95), else the default."""
    chosen = request.args.get("agreement", type=int)
    return chosen / 100 if chosen is not None and 50 <= chosen <= 95 else respondent_groups.THRESHOLD


def _sensitivity(session, round_) -> dict:
    """The results page's "would the ranking change?" card, with the what-if its form asked for."""
    chosen, typed = request.args.get("element", type=int), request.args.get("weight", "")[:60]
    try:
        found = weight_sensitivity.sensitivity(session, round_, chosen, typed, page_locale())
        return {"sensitivity": found, "what_if": {"chosen": chosen, "typed": typed}}
    except Invalid as error:
        return {"sensitivity": weight_sensitivity.sensitivity(session, round_),
                "what_if": {"chosen": chosen, "typed": typed, "error": message_of(error)}}


@blueprint.post("/rounds/<int:round_id>/publish")
@round_action
def publish(round_):
    try:
        results.publish(db.session(), round_, current_user.email)
        flash(_("Weights published to the scorecard."), "ok")
    except Invalid as error:
        flash(message_of(error), "error")
    return redirect(url_for("hr.round_results", round_id=round_.id))


@blueprint.get("/outbox")
def outbox():
    page = mail.outbox_page(db.session(), org(), request.args.get("q", "")[:200], request.args.get("status", ""),
                            request.args.get("page", 1, type=int))
    return render_template("hr/outbox.html", page=page, statuses=mail.STATUSES,
                           messages=[(m, mail.masked(m, base_url()), _reason(m)) for m in page.rows])


def _reason(message: OutboxMessage) -> str:
    """Why a message failed, in the page's language when it is one of Neraca's own reasons."""
    return translated(message.error, _) if message.error else ""


def _questionnaire_results(round_):
    """Personal scorecards, validation shares or satisfaction scores, by the round's kind."""
    session = db.session()
    correction, to_kpi = CorrectionForm(prefix="c"), SatisfactionToKpiForm(prefix="s")
    if request.method == "POST":
        form = correction if "c-value" in request.form else to_kpi
        if form.validate_on_submit():
            try:
                if form is correction:
                    questionnaires.correct_response(session, round_, int(form.invitation.data or 0),
                                                    int(form.question.data or 0), form.value.data, form.reason.data,
                                                    current_user.email, page_locale())
                else:
                    _items, overall = questionnaires.satisfaction_results(session, round_)
                    version_row = version_or_404(round_.version_id)
                    performance.record_measurement(session, version_row, kpi=form.kpi.data, period=form.period.data,
                                                   actual=overall, note=f"satisfaction round {round_.title}",
                                                   entered_by=current_user.email)
                flash(_("Saved."), "ok")
                return redirect(url_for("hr.round_results", round_id=round_.id))
            except Invalid as error:
                field_errors(form, error)
    status = 400 if request.method == "POST" else 200
    context = {"round": round_, "correction": correction, "to_kpi": to_kpi, "action": ActionForm()}
    kind = kind_of(round_)
    try:
        if kind.personal and not may("personal"):
            context["message"] = _("Personal scorecards are shown to HR only.")
        else:
            if kind.personal:
                context["report_jobs"] = jobs.round_jobs(session, round_)
            found = results.results(session, round_).questionnaire
            context.update({name: getattr(found, name) for name in ("personal", "shares", "verdicts", "items",
                                                                    "overall") if getattr(found, name) is not None})
            if kind.personal:
                context["questions"] = {q.element_id: q for q in questionnaires.questions(session, round_)}
            if kind.ikm and skm.has_questionnaire(session, round_):  # its unsur are scored on the IKM page
                context["skm"], context["grade_labels"] = skm.results(session, round_), skm.GRADE_LABELS
    except Invalid as error:
        context["message"] = message_of(error)
    return render_template(kind.templates.results, **context), status
