"""HR changing its mind about a round: the closing time, closing and reopening, removing a participant,
and the confirmation pages shown before publishing weights or closing a round."""
from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from survey.render.numbers import format_number
from survey import background, db
from survey.forms import (
    ROUND_OPTION_GROUPS,
    ActionForm,
    ClosingForm,
    RoundForm,
    keeps_typed_text,
    message_of,
    page_locale,
)
from survey.hr import blueprint, field_errors, round_or_404, warn_at_launch
from survey.hr.round_views import round_action, version_choices
from survey.services import feedback, results, rounds, scorecards
from survey.services.errors import Invalid
from survey.services.transactions import unit_of_work
from survey.services.zones import on_wall_clock


@blueprint.route("/rounds/<int:round_id>/settings", methods=["GET", "POST"])
@keeps_typed_text
def draft_settings(round_id):
    """A draft's settings, in the form that made it; a launched round's settings stay as they are."""
    session = db.session()
    round_ = round_or_404(round_id)
    if round_.status != rounds.DRAFT:
        flash(_("Only a draft's settings can change; this round is launched."), "error")
        return redirect(url_for("hr.round_page", round_id=round_.id))
    form = RoundForm(obj=round_)
    form.version_id.choices = version_choices()
    if request.method == "GET":
        zone = round_.organisation.time_zone
        for field in (form.opens_at, form.closes_at):
            field.data = field.data and on_wall_clock(field.data, zone).replace(tzinfo=None)
    if form.validate_on_submit():
        try:
            rounds.change_draft(session, round_, current_user.email,
                                **{name: field.data for name, field in form._fields.items()
                                   if name not in ("csrf_token", "draft")})
            flash(_("Saved."), "ok")
            return redirect(url_for("hr.round_page", round_id=round_.id))
        except Invalid as error:
            field_errors(form, error)
    return render_template("hr/round_new.html", form=form, option_groups=ROUND_OPTION_GROUPS, heading=_("Settings of %(title)s", title=round_.title),
                           button=_("Save")), 400 if request.method == "POST" else 200


@blueprint.post("/rounds/<int:round_id>/launch")
@round_action
def launch(round_):
    response = _change(round_, lambda: rounds.launch_draft(db.session(), round_, current_user.email),
                       _("Round launched: you can invite people now."))
    warn_at_launch(round_)
    return response


@blueprint.get("/rounds/<int:round_id>/close")
def confirm_close(round_id):
    round_ = round_or_404(round_id)
    progress = rounds.progress(db.session(), round_)
    lines = [_("%(completed)d of %(invited)d participants have finished.", completed=progress.completed,
               invited=progress.invited) if progress.invited or not progress.public else "",
             (_("1 public answer") if progress.public == 1 else
              _("%(count)s public answers", count=format_number(progress.public, "count", page_locale())))
             if progress.public else "",
             _("Once closed, nobody can answer; you can reopen the round later.")]
    lines = [line for line in lines if line]
    return render_template("hr/confirm.html", title=_("Close the round %(title)s?", title=round_.title), lines=lines,
                           action_url=url_for("hr.close", round_id=round_.id), button=_("Close the round"),
                           back=url_for("hr.round_page", round_id=round_.id), action=ActionForm())


@blueprint.post("/rounds/<int:round_id>/close")
@round_action
def close(round_):
    return _change(round_, lambda: rounds.close_round(db.session(), round_, current_user.email), _("Round closed."))


@blueprint.post("/rounds/<int:round_id>/reopen")
@round_action
def reopen(round_):
    return _change(round_, lambda: rounds.reopen_round(db.session(), round_, current_user.email),
                   _("Round reopened: it takes answers again."))


@blueprint.get("/rounds/<int:round_id>/feedback")
def confirm_feedback(round_id):
    round_ = round_or_404(round_id)
    progress = rounds.progress(db.session(), round_)
    lines = [_("%(completed)d of %(invited)d participants have finished: each of them is asked again, page by "
               "page, with the group's answer beside their own, and may keep or change each answer, saying why.",
               completed=progress.completed, invited=progress.invited),
             _("Those with an email get it with their link; the round takes their answers again until you close it. "
               "The results of the first round are kept and shown beside the new ones.")]
    return render_template("hr/confirm.html", title=_("Open a feedback round of %(title)s?", title=round_.title),
                           lines=lines, action_url=url_for("hr.open_feedback", round_id=round_.id),
                           button=_("Open the feedback round"), back=url_for("hr.round_page", round_id=round_.id),
                           action=ActionForm())


@blueprint.post("/rounds/<int:round_id>/feedback")
@round_action
def open_feedback(round_):
    try:
        count = feedback.open_feedback(db.session(), round_, current_app.config, current_user.email)
    except Invalid as error:
        flash(message_of(error), "error")
    else:
        background.submit("send_mail", round_.id)
        flash(_("Feedback round opened: %(count)d respondents are asked to review their answers.", count=count), "ok")
    return redirect(url_for("hr.round_page", round_id=round_.id))


def _change(round_, change, done):
    """Apply ``change`` and say ``done``, or show why not, writing nothing; back to the round's page."""
    try:
        with unit_of_work(db.session()):
            change()
        flash(done, "ok")
    except Invalid as error:
        flash(message_of(error), "error")
    return redirect(url_for("hr.round_page", round_id=round_.id))


@blueprint.route("/rounds/<int:round_id>/closing", methods=["GET", "POST"])
@keeps_typed_text
def change_closing(round_id):
    round_ = round_or_404(round_id)
    form = ClosingForm()
    if request.method == "GET" and round_.closes_at:
        form.closes_at.data = on_wall_clock(round_.closes_at, round_.organisation.time_zone).replace(tzinfo=None)
    if form.validate_on_submit():
        try:
            rounds.change_closing(db.session(), round_, form.closes_at.data, current_user.email)
            flash(_("Closing time changed."), "ok")
            return redirect(url_for("hr.round_page", round_id=round_.id))
        except Invalid as error:
            field_errors(form, error)
    return render_template("hr/closing.html", round=round_, form=form), 400 if form.errors else 200


@blueprint.get("/rounds/<int:round_id>/participants/<int:invitation_id>/remove")
def confirm_remove(round_id, invitation_id):
    round_ = round_or_404(round_id)
    found = next((p for p in rounds.progress(db.session(), round_).participants
                  if p.invitation.id == invitation_id), None)
    if found is None:
        flash(_("No such participant in this round."), "error")
        return redirect(url_for("hr.round_page", round_id=round_.id))
    lines = [_("Their answers stay on record but no longer count in the results, the progress or reminders."),
             _("Their link stops taking answers. This cannot be undone.")]
    return render_template("hr/confirm.html", title=_("Remove %(name)s from %(title)s?", name=found.person.name,
                                                       title=round_.title),
                           lines=lines, button=_("Remove from the round"), action=ActionForm(),
                           action_url=url_for("hr.remove_participant", round_id=round_.id,
                                              invitation_id=invitation_id),
                           back=url_for("hr.round_page", round_id=round_.id))


@blueprint.post("/rounds/<int:round_id>/participants/<int:invitation_id>/remove")
def remove_participant(round_id, invitation_id):
    round_ = round_or_404(round_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    return _change(round_, lambda: rounds.remove_participant(db.session(), round_, invitation_id, current_user.email),
                   _("Removed from the round; their answers stay on record."))


@blueprint.get("/rounds/<int:round_id>/publish")
def confirm_publish(round_id):
    round_ = round_or_404(round_id)
    outcome = results.results(db.session(), round_)
    _, by_id = scorecards.hierarchy(db.session(), round_.version_id)
    return render_template("hr/publish_confirm.html", round=round_, outcome=outcome, action=ActionForm(), by_id=by_id,
                           still_open=rounds.state(round_) in (rounds.OPEN, rounds.UPCOMING))
