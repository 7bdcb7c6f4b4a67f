"""HR's side of a public satisfaction round: its link, QR code and poster, and the answers it received
hour by hour, where a burst can be discarded (kept on record, out of the results)."""
from __future__ import annotations

from functools import partial

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from survey import db, i18n
from survey.forms import ActionForm, PublicForm, WindowForm, keeps_typed_text, message_of
from survey.hr import base_url, blueprint, field_errors, round_or_404
from survey.pages import stored_pdf
from survey.models import utcnow
from survey.rights import may
from survey.services import public, questionnaires, rounds, skm
from survey.services.errors import Invalid
from survey.services.qr import qr_svg_data_uri


@blueprint.app_template_global()
def public_card(round_) -> dict:
    """What the round page's "public link" card shows: the link and its QR code to HR, today's count."""
    card = {"form": PublicForm(daily_cap=round_.public_daily_cap), "link": None}
    if round_.public_slug and may("personal"):
        card["link"] = public.link(round_, base_url())
        card["qr"] = qr_svg_data_uri(card["link"])
        # One link, QR code and poster per service of the SKM profile: each counter's own pre-fills its service.
        card["services"] = [{"number": number, "name": name, "link": public.link(round_, base_url(), number),
                             "qr": qr_svg_data_uri(public.link(round_, base_url(), number))}
                            for number, name in skm.services_offered(questionnaires.questions(db.session(), round_))]
    if round_.public_slug:
        card["today"] = public.answers_today(db.session(), round_, utcnow())
        card["kept"], card["discarded"] = public.totals(db.session(), round_)
    return card


@blueprint.post("/rounds/<int:round_id>/public")
@keeps_typed_text
def make_public(round_id):
    round_ = round_or_404(round_id)
    form = PublicForm()
    if form.validate_on_submit():
        try:
            public.make_public(db.session(), round_, form.daily_cap.data, current_user.email)
            flash(_("Saved."), "ok")
        except Invalid as error:
            field_errors(form, error)
    else:
        flash(_("The daily cap must be a whole number of at least 1, or empty for no cap."), "error")
    return redirect(url_for("hr.round_page", round_id=round_.id))


@blueprint.get("/rounds/<int:round_id>/poster.pdf")
def public_poster(round_id):
    """An A4 poster for the counter, in the round's language: office, round, QR code and short link.
    The link is made from PUBLIC_URL only, as in emails: a printed address must be the public one."""
    round_ = round_or_404(round_id)
    if not round_.public_slug or not current_app.config.get("PUBLIC_URL"):
        flash(_("A poster needs the round's public link and the site's public address (PUBLIC_URL)."), "error")
        return redirect(url_for("hr.round_page", round_id=round_.id))
    try:  # a counter's own poster: its service pre-filled (?layanan=<n>)
        linked = skm.linked_service(questionnaires.questions(db.session(), round_),
                                    request.args.get(public.SERVICE_PARAMETER))
    except Invalid:
        flash(_("This round's list of services has no such service: take a poster from the list on this page."),
              "error")
        return redirect(url_for("hr.round_page", round_id=round_.id))
    number = linked[1] + 1 if linked else None
    name = f"poster-{round_.id}-{number}" if number else f"poster-{round_.id}"
    link = public.link(round_, current_app.config["PUBLIC_URL"], number)
    return stored_pdf("poster.html", lambda: {"title": round_.title, "link": link, "short_link": link,
                                              "service": linked[0].options[linked[1]]["label"] if linked else None},
                      name, round_.language, partial(i18n.gettext, round_.language))


@blueprint.get("/rounds/<int:round_id>/public-answers")
def public_answers(round_id, form=None, status=200):
    round_ = round_or_404(round_id)
    session = db.session()
    return render_template("hr/public_answers.html", round=round_, hours=public.hours(session, round_),
                           discarded=public.discarded(session, round_), form=form or WindowForm(),
                           state=rounds.state(round_)), status


@blueprint.post("/rounds/<int:round_id>/public-answers/confirm")
@keeps_typed_text
def confirm_discard(round_id):
    """How many answers the window holds, before anything is discarded."""
    round_ = round_or_404(round_id)
    form = WindowForm()
    if form.validate_on_submit():
        try:
            start, end = public.window_of(round_, form.start.data, form.end.data)
            count = public.count_in(db.session(), round_, start, end)
            if not count:
                raise Invalid({"": public.NOTHING_TO_DISCARD})
            return render_template(
                "hr/confirm.html", title=_("Discard %(count)d public answers?", count=count),
                lines=[_("They were received from %(start)s until %(end)s.", start=form.start.raw_data[0],
                         end=form.end.raw_data[0]),
                       _("They stay on record but no longer count in the results. This cannot be undone.")],
                button=_("Discard %(count)d answers", count=count), action=ActionForm(),
                hidden=[("start", form.start.raw_data[0]), ("end", form.end.raw_data[0])],
                action_url=url_for("hr.discard_public", round_id=round_.id),
                back=url_for("hr.public_answers", round_id=round_.id))
        except Invalid as error:
            field_errors(form, error)
    return public_answers(round_id, form=form, status=400)


@blueprint.post("/rounds/<int:round_id>/public-answers/discard")
def discard_public(round_id):
    round_ = round_or_404(round_id)
    form = WindowForm()
    session = db.session()
    if form.validate_on_submit():
        try:
            start, end = public.window_of(round_, form.start.data, form.end.data)
            count = public.discard(session, round_, start, end, current_user.email)
            flash(_("%(count)d public answers discarded; they stay on record.", count=count), "ok")
        except Invalid as error:
            flash(message_of(error), "error")
    else:
        flash(_("Nothing was discarded: give the time window again."), "error")
    return redirect(url_for("hr.public_answers", round_id=round_.id))
