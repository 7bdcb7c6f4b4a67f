"""The stakeholder's pages behind an invitation link ``/r/<token>``; no account needed.

A wrong token gets the same 404 page as any unknown address, and repeated
wrong tokens from one address are slowed down (429), so links cannot be guessed.
"""
from __future__ import annotations

import secrets
from functools import wraps

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import get_translations
from flask_babel import gettext as _
from markupsafe import Markup, escape

from analysis.ahp import largest_cluster, parse_judgment, random_index, scale_label
from survey.render.numbers import format_number
from survey import db
from survey.forms import (
    DONT_KNOW,
    SCALE_VALUES,
    IdentityForm,
    answers_form,
    page_locale,
    attach_errors,
    keeps_typed_text,
    pairwise_form,
    posted_judgments,
    posted_ratings,
    rating_form,
    shown_ratings,
    reask_form,
    review_form,
    token_refused,
)
from survey.labels import LABELS, words
from survey.models import Round
from survey.pages import unknown_link
from survey.services import answers, feedback, questionnaires, ratings, rounds
from survey.services.errors import N_, Invalid, Stale
from survey.services.kinds import JUDGMENTS, RATINGS, RESPONSES, kind_of

blueprint = Blueprint("respond", __name__, url_prefix="/r")


def with_invitation(given: str | None = None):
    """Resolve the token to its invitation, or answer exactly as for an unknown page.

    ``given``: what the respondents of the kinds that have this page give (kinds.JUDGMENTS, ...; every kind
    when None). For another kind the page does not exist (404): a self-report cannot be "completed" on
    pairwise pages.
    """
    def guard(view):
        @wraps(view)
        def resolved(token, *args, **kwargs):
            session = db.session()
            invitation = answers.find_invitation(session, token)
            if invitation is None:
                unknown_link("token")
            round_ = session.get(Round, invitation.round_id)
            g.round_language = invitation.language or round_.language
            if given and kind_of(round_).answers != given:
                abort(404)
            if invitation.removed_at is not None:  # told so, whatever the round's state; nothing is saved
                return render_template("respond/closed.html", round=round_, state="removed"), 410
            state = rounds.state(round_)
            if round_.feedback_at is not None and invitation.feedback_invited_at is None:
                state = rounds.CLOSED  # the feedback round is for those who finished the first
            if state != rounds.OPEN:
                # Not open yet: the link works later (403); ended or closed: it never will again (410).
                return render_template("respond/closed.html", round=round_, state=state), \
                    403 if state == rounds.UPCOMING else 410
            return view(token, invitation, round_, *args, **kwargs)
        return resolved
    return guard


@blueprint.route("/<token>", methods=["GET", "POST"])
@keeps_typed_text
@with_invitation()
def welcome(token, invitation, round_):
    session = db.session()
    form = IdentityForm(data=invitation.identity or None)
    if round_.ask_identity:
        if form.validate_on_submit():
            answers.save_identity(session, invitation, form.role.data, form.years_of_service.data)
            return redirect(url_for("respond.resume", token=token))
    elif request.method == "POST":
        return redirect(url_for("respond.resume", token=token))
    if not token_refused():  # a refused form writes nothing, not even that the link was opened
        answers.mark_opened(session, invitation)
    started = bool(answers.status_of(invitation))
    return render_template("respond/welcome.html", token=token, round=round_, form=form, started=started,
                           scale=scale_meanings(), finished_at=invitation.completed_at,
                           identity=invitation.identity), 400 if form.errors else 200


@blueprint.get("/<token>/next")
@with_invitation()
def resume(token, invitation, round_):
    if not kind_of(round_).asked_on_pages:
        answered = invitation.completed_at is not None
        return redirect(url_for("respond.done" if answered else "respond.questionnaire", token=token))
    step, key = _next_step(round_, invitation)
    if step == "feedback":
        return redirect(url_for("respond.review", token=token, key=key))
    if step == "cluster":
        return redirect(url_for(kind_of(round_).page, token=token, key=key))
    if step == "reask":
        return redirect(url_for("respond.reask", token=token, key=key))
    return redirect(url_for("respond.done", token=token))


@blueprint.route("/<token>/c/<key>", methods=["GET", "POST"])
@keeps_typed_text
@with_invitation(JUDGMENTS)
def cluster(token, invitation, round_, key):
    session = db.session()
    page = answers.cluster_by_key(session, invitation, key) or abort(404)
    if feedback.in_feedback(round_, invitation) and request.method == "GET":
        return redirect(url_for("respond.resume", token=token))  # the first round's pages are reviewed instead
    changes = []
    if request.method == "POST" and token_refused():
        form = pairwise_form(page.pairs, _offers_dont_know(round_, page), formdata=request.form)
    elif request.method == "POST":
        # The hot path of a survey: the service checks the posted answers (keeps_typed_text has checked
        # the token), and the form is built only to show what was wrong.
        given = posted_judgments(page.pairs, request.form)
        try:
            answers.submit_cluster(session, invitation, page, given, request.form.get("submission", ""),
                                   seen=_seen(request.form.get("revision")))
            return redirect(url_for("respond.resume", token=token))
        except Invalid as error:
            form = pairwise_form(page.pairs, _offers_dont_know(round_, page), formdata=request.form)
            _errors_to_form(form, error)
        except Stale as stale:
            form = pairwise_form(page.pairs, _offers_dont_know(round_, page), formdata=request.form)
            form.revision.data = stale.revision
            changes = [(f"{a.name} – {b.name}", _judgment_text(a, b, stale.saved[name]),
                        _judgment_text(a, b, given[(a.id, b.id)]))
                       for a, b in page.pairs for name in [f"p_{a.id}_{b.id}"] if name in stale.saved]
    else:
        latest = answers.latest_judgments(session, invitation, key)
        form = pairwise_form(page.pairs, _offers_dont_know(round_, page), data={
            f"p_{r}_{c}": _choice(judgment.value) for (r, c), judgment in latest.items()})
        form.revision.data = max((judgment.id for judgment in latest.values()), default=0)
    form.submission.data = secrets.token_hex(16)
    pages = answers.questionnaire(session, invitation)
    number = [p.key for p in pages].index(key) + 1
    n = len(page.members)
    table_serves_n = largest_cluster(round_.ri_table) is None or n <= largest_cluster(round_.ri_table)
    ri = random_index(n, round_.ri_table) if table_serves_n else 0  # 0: no live hint
    unanswered = sum(1 for a, b in page.pairs if not form[f"p_{a.id}_{b.id}"].data) if form.errors else 0
    return render_template("respond/cluster.html", token=token, round=round_, page=page, form=form,
                           number=number, total=len(pages), random_index=ri, changes=changes,
                           unanswered=unanswered), _status(form, changes)


def _next_step(round_, invitation) -> tuple[str, str | None]:
    """The respondent's next page, in the first round or in the feedback round."""
    if feedback.in_feedback(round_, invitation):
        return feedback.next_step(db.session(), invitation)
    return answers.next_step(db.session(), invitation)


@blueprint.route("/<token>/f/<key>", methods=["GET", "POST"])
@keeps_typed_text
@with_invitation(JUDGMENTS)
def review(token, invitation, round_, key):
    """A page of the feedback round: each pair with one's own first answer and the group's beside it, kept or
    changed; a reason for the page when something changed."""
    session = db.session()
    if not kind_of(round_).feedback:
        abort(404)
    if not feedback.in_feedback(round_, invitation):  # an old link, or before HR opens it: nothing to review
        if request.method == "POST" and token_refused():
            abort(400)
        return redirect(url_for("respond.resume", token=token))
    pages = feedback.pages_to_review(session, invitation)
    page = next((p for p in pages if p.key == key), None) or abort(404)
    beside = feedback.page_beside(session, invitation, page)
    offers_dont_know = _offers_dont_know(round_, page)
    if request.method == "POST" and token_refused():
        form = review_form(page.pairs, offers_dont_know, formdata=request.form)
    elif request.method == "POST":
        try:
            feedback.submit_review(session, invitation, page, posted_judgments(page.pairs, request.form),
                                   request.form.get("reason", ""), request.form.get("submission", ""))
            return redirect(url_for("respond.resume", token=token))
        except Invalid as error:
            form = review_form(page.pairs, offers_dont_know, formdata=request.form)
            _errors_to_form(form, error)
    elif page.key in feedback.reviews(session, invitation):
        return redirect(url_for("respond.resume", token=token))
    else:
        form = review_form(page.pairs, offers_dont_know,
                           data={f"p_{pair.row.id}_{pair.column.id}": _choice(pair.own) for pair in beside})
    form.submission.data = secrets.token_hex(16)
    notes = {f"p_{pair.row.id}_{pair.column.id}": _beside_text(pair) for pair in beside}
    return render_template("respond/review.html", token=token, round=round_, page=page, form=form, notes=notes,
                           number=[p.key for p in pages].index(key) + 1, total=len(pages)), \
        400 if form.errors else 200


def _beside_text(pair) -> Markup:
    """"Your answer: Keuangan lebih penting · 3. The group: Keuangan agak lebih penting · 2,4"."""
    a, b = pair.row.name, pair.column.name
    own = _judgment_text(pair.row, pair.column, pair.own)
    if pair.group is None:
        group = escape(_("no group answer on this page yet"))
    else:
        favoured, strength = (a, pair.group) if pair.group >= 1 else (b, 1 / pair.group)
        texts = _scale_texts()
        number = format_number(strength, "ratio", page_locale())
        step = str(min(9, max(1, round(strength))))
        group = Markup((texts["equal"] % {"a": f"<strong>{escape(a)}</strong>", "b": f"<strong>{escape(b)}</strong>",
                                          "value": number}) if step == "1" else
                       texts["favours"] % {"name": f"<strong>{escape(favoured)}</strong>",
                                           "strength": texts["strengths"][step], "value": number})
    return Markup(_("Your answer: %(own)s. The group: %(group)s.", own=escape(own), group=group))


def _offers_dont_know(round_, page) -> bool:
    """"Don't know" is offered only where it can be accepted: on a page of one pair it would leave both
    elements compared with nothing, so the page would always be refused."""
    return round_.allow_dont_know and len(page.pairs) > 1


@blueprint.route("/<token>/rate/<key>", methods=["GET", "POST"])
@keeps_typed_text
@with_invitation(RATINGS)
def rate(token, invitation, round_, key):
    """A direct-rating page: each element of a cluster rated on the round's scale."""
    session = db.session()
    page = answers.cluster_by_key(session, invitation, key) or abort(404)
    changes = []
    if request.method == "POST":
        form = rating_form(page.members, round_.allow_dont_know, formdata=request.form)
        if form.validate_on_submit():
            given = posted_ratings(form, page.members)
            try:
                ratings.submit_ratings(session, invitation, page, given, form.submission.data, page_locale(),
                                       seen=_seen(form.revision.data))
                return redirect(url_for("respond.resume", token=token))
            except Invalid as error:
                _errors_to_form(form, error)
            except Stale as stale:
                form.revision.data = stale.revision
                changes = [(e.name, _rating_text(stale.saved[name]), _rating_text(given.get(e.id)))
                           for e in page.members for name in [ratings.field_name(e.id)] if name in stale.saved]
    else:
        current = ratings.current_ratings(session, invitation, key)
        form = rating_form(page.members, round_.allow_dont_know, data=shown_ratings(current))
        form.revision.data = ratings.page_revision(session, invitation, key)
    form.submission.data = secrets.token_hex(16)
    pages = answers.questionnaire(session, invitation)
    lowest, highest = ratings.scale_of(round_)
    return render_template("respond/rate.html", token=token, round=round_, page=page, form=form,
                           number=[p.key for p in pages].index(key) + 1, total=len(pages), lowest=lowest,
                           highest=highest, changes=changes), _status(form, changes)


@blueprint.route("/<token>/c/<key>/reask", methods=["GET", "POST"])
@keeps_typed_text
@with_invitation(JUDGMENTS)
def reask(token, invitation, round_, key):
    session = db.session()
    page = answers.cluster_by_key(session, invitation, key) or abort(404)
    open_reask = answers.open_reask(session, invitation, key)
    seen = _seen(request.form.get("revision")) if request.method == "POST" and not token_refused() else None
    if seen is not None and (open_reask is None or open_reask.id != seen):
        _tell_reask_answered_elsewhere(session, invitation, page)
        return redirect(url_for("respond.resume", token=token))
    if open_reask is None:
        return redirect(url_for("respond.resume", token=token))
    shown = [(p["row_id"], p["column_id"]) for p in open_reask.pairs_shown]
    if request.method == "POST":
        form = reask_form(shown, formdata=request.form)
        if form.validate_on_submit():
            values = {pair: parse_judgment(getattr(form, f"p_{pair[0]}_{pair[1]}").data) for pair in shown}
            try:
                answers.submit_reask(session, invitation, page, values, form.reason.data or "", form.submission.data)
                return redirect(url_for("respond.resume", token=token))
            except Invalid as error:
                _errors_to_form(form, error)
    else:
        form = reask_form(shown, data={f"p_{p['row_id']}_{p['column_id']}": _choice(p["current"])
                                       for p in open_reask.pairs_shown})
    form.revision.data = open_reask.id
    form.submission.data = secrets.token_hex(16)
    by_id = {element.id: element for element in page.members}
    return render_template("respond/reask.html", token=token, round=round_, page=page, form=form,
                           reask=open_reask, by_id=by_id,
                           attempt=answers.status_of(invitation)[key].reasks + 1), \
        400 if form.errors else 200


@blueprint.route("/<token>/q", methods=["GET", "POST"])
@keeps_typed_text
@with_invitation(RESPONSES)
def questionnaire(token, invitation, round_):
    """Self-report, validation and satisfaction rounds: all questions on one page."""
    session = db.session()
    asked = questionnaires.questions(session, round_)
    changes = []
    if request.method == "POST":
        form = answers_form(asked, formdata=request.form)
        if form.validate_on_submit():
            try:
                questionnaires.submit_answers(
                    session, invitation, {q.id: getattr(form, f"q_{q.id}").data for q in asked},
                    form.submission.data, seen=_seen(form.revision.data), locale=page_locale())
                return redirect(url_for("respond.done", token=token))
            except Invalid as error:
                _errors_to_form(form, error)
            except Stale as stale:
                form.revision.data = stale.revision
                changes = [(q.text, _label(q, stale.saved[f.name]), _typed_label(f))
                           for q in asked for f in [form[f"q_{q.id}"]] if f.name in stale.saved]
    else:
        current = questionnaires.current_responses(session, invitation)
        form = answers_form(asked, data={f"q_{qid}": _shown_answer(q, current[qid])
                                         for q in asked for qid in [q.id] if qid in current})
        form.revision.data = questionnaires.revision(current)
    form.submission.data = secrets.token_hex(16)
    return render_template("respond/questionnaire.html", token=token, round=round_, form=form, questions=asked,
                           changes=changes), _status(form, changes)


@blueprint.get("/<token>/done")
@with_invitation()
def done(token, invitation, round_):
    session = db.session()
    kind = kind_of(round_)
    if not kind.asked_on_pages:
        if invitation.completed_at is None:
            return redirect(url_for("respond.questionnaire", token=token))
        current = questionnaires.current_responses(session, invitation)
        asked = questionnaires.questions(session, round_)
        return render_template(kind.templates.done, round=round_, token=token,
                               answers=[(q, _label(q, current[q.id])) for q in asked if q.id in current])
    step, _key = _next_step(round_, invitation)
    if step != "done":
        return redirect(url_for("respond.resume", token=token))
    if kind.answers == RATINGS:
        return render_template(kind.templates.done, round=round_, ratings=ratings.own_ratings(session, invitation))
    return render_template(kind.templates.done, round=round_, weights=answers.own_weights(session, invitation))


def _shown_answer(question, response) -> str:
    """A stored answer back as the form's value."""
    value = response.value
    if question.kind == "text":
        return response.text or ""
    if question.kind == "choice":
        return next((str(i) for i, option in enumerate(question.options) if option["value"] == value), "")
    if question.kind == "number":
        return f"{value:g}"
    return str(int(value))


def _label(question, response) -> str:
    value = response.value
    if question.kind == "text":
        return response.text or ""
    if question.kind == "choice":
        return next((option["label"] for option in question.options if option["value"] == value), f"{value:g}")
    if question.kind in ("yesno", "verdict"):
        return _("Yes") if value == 1 else _("No")
    return f"{value:g} {question.unit}".strip()


def _seen(revision: str | None) -> int | None:
    """The revision a posted form was shown with; None for a form from before revisions (not checked)."""
    return int(revision) if revision and revision.isdigit() else None


def _status(form, changes) -> int:
    """400 for refused answers, 409 for a page saved meanwhile from another window, else 200."""
    return 400 if form.errors else 409 if changes else 200


def _judgment_text(a, b, value: float | None) -> str:
    return _("Don't know") if value is None else scale_sentences(a.name, b.name)[scale_label(value)]


def _rating_text(value: float | None) -> str:
    return _("Don't know") if value is None else format_number(value, "exact", page_locale())


def _typed_label(field) -> str:
    """A posted answer as the page shows it: its option's label, or the text typed."""
    return str(dict(field.choices).get(field.data, field.data)) if hasattr(field, "choices") else field.data or ""


def _tell_reask_answered_elsewhere(session, invitation, page) -> None:
    """A re-ask answered from another window meanwhile: this window's choices are not applied (they answer
    a question no longer asked), and the next page says what they were beside what is saved."""
    saved = answers.current_answers(session, invitation, page.key)
    flash(_("This check was answered from another window while this page was open, so nothing was saved from "
            "this page. What you chose on it, beside what is saved:"), "notice")
    for (row, column), value in posted_judgments(page.pairs, request.form).items():
        if value is not None and not answers.on_scale(value):
            continue  # no choice our page offers
        a, b = (next(e for e in page.members if e.id == i) for i in (row, column))
        flash(_("%(pair)s: you chose %(typed)s; saved: %(saved)s.", pair=f"{a.name} – {b.name}",
                typed=_judgment_text(a, b, value), saved=_judgment_text(a, b, saved.get((row, column)))), "notice")


def _choice(value: float | None) -> str:
    return DONT_KNOW if value is None else scale_label(value)


def _errors_to_form(form, error: Invalid) -> None:
    form.form_errors.extend(message for _name, message in attach_errors(form, error))


@blueprint.app_template_filter("judgment")
def judgment_value(value: float) -> str:
    """A judgment as its radio's value: '3', '1/5'."""
    return scale_label(value)


def _scale_texts() -> dict:
    """The scale's sentences and words in the page's language, escaped, translated once per request: a page
    may show 190 pairs of 17 buttons, and translating (or escaping) per pair tripled its time."""
    if "scale_texts" not in g:
        translations = get_translations()
        g.scale_texts = {
            # the catalog's sentences are trusted markup; the words put into them are escaped here
            "favours": translations.ugettext(N_("%(name)s is %(strength)s · %(value)s")),
            # "A and B are equally important" would be ambiguous when a name has "and" in it (Learning and Growth)
            "equal": translations.ugettext(N_("%(a)s is as important as %(b)s · %(value)s")),
            "strengths": {value: str(escape(translations.ugettext(words(value, "saaty"))))
                          for value in LABELS["saaty"]},
            "leans": translations.ugettext(N_("%(name)s more important")),
            "row": _strength_row([translations.ugettext(words(value, "saaty_short")) for value in "975313579"])}
    return g.scale_texts


def _strength_row(row: list[str]) -> Markup:
    """The words under the wide row's odd numbers 9 7 5 3 1 3 5 7 9, each strength in one word ('very
    strongly'), on a grid of 34 half-columns: the word of the k-th button (0..16) spans the two columns centred
    on it. Written once per page; the radios' own names say the same to a screen reader."""
    spans = [Markup('<span style="grid-column: {} / span {}">{}</span>').format(
        max(1, 4 * index), 3 if index in (0, 8) else 4, word) for index, word in enumerate(row)]
    return Markup('<div class="strengths" aria-hidden="true">{}</div>').format(Markup("").join(spans))


#: Each button of the two-sided scale: its radio value, its side (a, eq, b) and the number it shows.
SCALE_BUTTONS = [(value, "b" if "/" in value else "eq" if value == "1" else "a", value.split("/")[-1])
                 for value in SCALE_VALUES]


@blueprint.app_template_global()
def scale_buttons() -> list[tuple[str, str, str]]:
    return SCALE_BUTTONS


@blueprint.app_template_global()
def scale_row() -> Markup:
    return _scale_texts()["row"]


@blueprint.app_template_global()
def scale_sentences(a: str, b: str) -> dict[str, Markup]:
    """What each button of a pair says, on the page and as its accessible name, by its value: the element it
    favours and how strongly in Saaty's words, then the number ("Keuangan jauh lebih penting · 7"); and,
    as "leans a" and "leans b", which side leans which way ("Keuangan lebih penting")."""
    texts = _scale_texts()
    name_of = {"a": f"<strong>{escape(a)}</strong>", "b": f"<strong>{escape(b)}</strong>"}
    sentences = {"leans a": texts["leans"] % {"name": escape(a)}, "leans b": texts["leans"] % {"name": escape(b)}}
    for value in SCALE_VALUES:  # the radio values: '9' ... '2' on A's side, '1', '1/2' ... '1/9' on B's
        if value == "1":
            sentence = texts["equal"] % {"a": name_of["a"], "b": name_of["b"], "value": "1"}
        else:
            number = value.split("/")[-1]
            sentence = texts["favours"] % {"name": name_of["b" if "/" in value else "a"],
                                           "strength": texts["strengths"][number], "value": number}
        # The number stays on the line of the word before it: "penting · 8", never "· 8" alone on a line.
        sentences[value] = Markup(sentence.replace(" · ", "\u00a0·\u00a0"))
    return {key: Markup(sentence) for key, sentence in sentences.items()}


def scale_meanings() -> list[tuple[int, str]]:
    """Saaty's scale for the welcome page: each value with its words (the same words as on the buttons)."""
    return [(int(value), _(strength).capitalize()) for value, strength in LABELS["saaty"].items()]
