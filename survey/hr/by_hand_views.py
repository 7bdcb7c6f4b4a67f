"""HR hands invitations over without email: a WhatsApp message or printed letters (services.by_hand).

Both give out working links: rights.py lets only the "personal" right reach them, as the links on the
round's page. They are POSTs with the page's CSRF token, so another site cannot make HR's browser share.
"""
from __future__ import annotations

from functools import partial

from flask import abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from survey import db, i18n
from survey.forms import ActionForm, message_of, ticked_ids
from survey.hr import blueprint, round_or_404
from survey.hr.round_views import round_action
from survey.pages import served, stored_pdf
from survey.services import by_hand, documents
from survey.services.errors import Invalid


@blueprint.post("/rounds/<int:round_id>/invitations/<int:invitation_id>/whatsapp")
def share_whatsapp(round_id, invitation_id):
    """Off to WhatsApp with the invitation (or, with ``reminder=1``, the reminder) written in."""
    round_ = round_or_404(round_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    if not current_app.config.get("PUBLIC_URL"):
        return _needs_public_address(round_)
    try:
        url = by_hand.share_on_whatsapp(db.session(), round_, invitation_id, actor=current_user.email,
                                        secret_key=current_app.config["SECRET_KEY"],
                                        base_url=current_app.config["PUBLIC_URL"],
                                        reminder=request.form.get("reminder") == "1")
    except Invalid as error:
        flash(message_of(error), "error")
        return redirect(url_for("hr.round_page", round_id=round_.id))
    return redirect(url)


@blueprint.post("/rounds/<int:round_id>/letters")
@round_action
def invitation_letters(round_):
    """One PDF, a page per ticked participant, in the round's language: printed in the background (a round's
    hundreds of letters take seconds), looked for again at ``printed_letters``."""
    chosen = ticked_ids("invitation")
    if not current_app.config.get("PUBLIC_URL"):
        return _needs_public_address(round_)
    try:
        letters = by_hand.letters(db.session(), round_, chosen, secret_key=current_app.config["SECRET_KEY"],
                                  base_url=current_app.config["PUBLIC_URL"], actor=current_user.email)
    except Invalid as error:
        flash(message_of(error), "error")
        return redirect(url_for("hr.round_page", round_id=round_.id))
    return stored_pdf("letters.html", lambda: {"title": round_.title, "letters": letters}, f"letters-{round_.id}",
                      round_.language, partial(i18n.gettext, round_.language),
                      look_again=lambda build: url_for("hr.printed_letters", round_id=round_.id, build_id=build.id))


@blueprint.get("/rounds/<int:round_id>/letters/<int:build_id>.pdf")
def printed_letters(round_id, build_id):
    """Letters printed from the round page's form, once they are ready (the form's answer looks here)."""
    round_ = round_or_404(round_id)
    name = f"letters-{round_.id}"
    found = documents.get(db.session(), current_user.organisation_id, build_id, f"{documents.LETTERS}{name}") \
        or abort(404)
    return served(found, f"{name}.pdf")


def _needs_public_address(round_):
    """Links that leave the site (a WhatsApp message, a printed letter) are made from PUBLIC_URL only, as
    in emails: the address HR's own browser used (localhost, an intranet address) would not work outside."""
    flash(_("Links sent outside the site need its public address (PUBLIC_URL): ask your administrator to set it."),
          "error")
    return redirect(url_for("hr.round_page", round_id=round_.id))
