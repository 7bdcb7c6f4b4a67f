"""Reports to print (HTML and A4 PDF) and exports (XLSX and CSV), scoped to the user's organisation."""
from __future__ import annotations

import re
from datetime import date
from functools import partial

from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from survey.render.pdf import render_html
from survey import background, db, i18n, rights
from survey.pages import stored_pdf, stored_word
from survey.forms import ActionForm, message_of, page_locale
from survey.render import lkjip as lkjip_render
from survey.render import sakip, word
from survey.services import (jobs, lkjip, periods, reporting, reports, rounds, sakip_documents,
                             scorecard_document, scorecards, skm, skm_document, skm_exports, skm_follow_ups)
from survey.services.errors import Invalid
from survey.services.kinds import kind_of
from survey.services.tables import to_bytes

blueprint = Blueprint("reports", __name__, url_prefix="/hr/reports")
MIME = {"pdf": "application/pdf", "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


blueprint.before_request(rights.guard)  # signed in, and the role's right for each address (survey/rights.py)


@blueprint.get("/office/<int:version_id>/<path:period>.<any(pdf,html,csv,xlsx):fmt>")
def office(version_id, period, fmt):
    version = scorecards.get_version(db.session(), current_user.organisation_id, version_id) or abort(404)
    if fmt in ("csv", "xlsx"):
        table = _data(lambda: reports.office_table(db.session(), version, period, page_locale()))
        return _download(table, fmt, _file_name("scorecard", period))
    return _document("office.html", lambda: {"card": _data(lambda: scorecard_document.office_document(
        db.session(), version, period))}, fmt, _file_name("scorecard", period))


@blueprint.get("/pk/<int:version_id>.<any(docx,pdf,html):fmt>")
def performance_agreement(version_id, fmt):
    """The Perjanjian Kinerja of the version's year, dated ``?day=YYYY-MM-DD`` (today on the office's clock)."""
    version = scorecards.get_version(db.session(), current_user.organisation_id, version_id) or abort(404)
    day = _day(request.args.get("day", ""))
    year, language = _data(lambda: sakip_documents.version_year(version)), page_locale()

    def pk():
        return _data(lambda: sakip_documents.performance_agreement(db.session(), version, day))
    return _word_or_page(fmt, f"perjanjian-kinerja-{year}", word.recipe("pk", version.id, day, False), pk, "pk.html",
                         lambda: sakip.pk_context(pk(), language, _))


@blueprint.get("/realisation/<int:version_id>.<any(xlsx,pdf,html):fmt>")
def realisation(version_id, fmt):
    """The year's realisation by period, with capaian, predikat and the owners' analysis (``?nilai=1``: and each
    capaian's nilai 0-120)."""
    version = scorecards.get_version(db.session(), current_user.organisation_id, version_id) or abort(404)
    nilai = _nilai(request.args.get("nilai", ""))
    language, name = page_locale(), f"realisasi-{_data(lambda: sakip_documents.version_year(version))}"

    def report():
        return _data(lambda: sakip_documents.realisation_report(db.session(), version))
    if fmt == "xlsx":
        return Response(sakip.realisation_xlsx(report(), language, _, nilai), mimetype=MIME["xlsx"],
                        headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'})
    return _document("realisation.html", lambda: sakip.realisation_context(report(), language, _, nilai), fmt, name)


@blueprint.get("/lkjip/<int:version_id>.<any(docx,pdf,html):fmt>")
def performance_report(version_id, fmt):
    """The year's LKjIP: chapter II's PK, chapter III.A per objective (``?nilai=1``: with each capaian's nilai
    0-120), III.B the budget realisation, the PK as annex (dated ``?day=``)."""
    version = scorecards.get_version(db.session(), current_user.organisation_id, version_id) or abort(404)
    day, nilai = _day(request.args.get("day", "")), _nilai(request.args.get("nilai", ""))
    year, language = _data(lambda: sakip_documents.version_year(version)), page_locale()

    def report():
        return _data(lambda: lkjip.performance_report(db.session(), version, day))
    return _word_or_page(fmt, f"lkjip-{year}", word.recipe("lkjip", version.id, day, nilai), report,
                         "lkjip.html", lambda: lkjip_render.lkjip_context(report(), language, _, nilai))


def _word_or_page(fmt, name, recipe, data, template, context):
    """A document as a DOCX to edit in Word (made by a worker from its ``recipe``: survey/render/word.py, once
    ``data()`` showed it can be), or as its printable page or PDF."""
    if fmt == "docx":
        return stored_word(name, recipe, page_locale(), check=data)
    return _document(template, context, fmt, name)


def _day(text: str) -> date:
    """A date of signing as a date field sends it; today on the office's clock when none is given."""
    if not text.strip():
        return reporting.today_of(db.session(), current_user.organisation_id)
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        _refuse(_("Give the date of signing as a date, such as 2026-01-31."))


def _nilai(text: str) -> bool:
    """Whether to add the nilai (0-120) column: ``?nilai=1`` (the download form's checkbox), off without it."""
    if text.strip() in ("", "0"):
        return False
    if text.strip() == "1":
        return True
    _refuse(_("Give nilai=1 to add the score (0–120) column, or leave it out."))


def _refuse(message: str):
    """Stop a document's request with 400 and the message saying what to give instead."""
    abort(Response(render_template("errors/report_unavailable.html", message=message), 400))


@blueprint.get("/weighting/<int:round_id>.<fmt>")
def weighting(round_id, fmt):
    round_ = _round(round_id, report=True)
    context = partial(_data, lambda: reports.weighting_report(db.session(), round_, personal=rights.may("personal")))
    return _document(kind_of(round_).templates.report, context, fmt, f"weights-{round_id}")


@blueprint.get("/weighting/<int:round_id>/<table>.<fmt>")
def weighting_export(round_id, table, fmt):
    round_ = _round(round_id)
    builders = {"judgments": reports.judgments_table, "matrices": reports.group_matrices_table,
                "weights": reports.weights_table, "ratings": reports.ratings_table}
    if table not in builders or table not in kind_of(round_).exports:
        abort(404)
    return _download(_data(lambda: builders[table](db.session(), round_)), fmt, f"{table}-{round_id}")


@blueprint.get("/personal/<int:round_id>.<fmt>")
def personal(round_id, fmt):
    round_ = _round(round_id, report=True)
    if fmt in ("csv", "xlsx"):
        table = _data(lambda: reports.personal_table(db.session(), round_, page_locale()))
        return _download(table, fmt, f"personal-{round_id}")
    return _document("personal.html", partial(_data, lambda: reports.personal_report(db.session(), round_)), fmt,
                     f"personal-{round_id}")


@blueprint.get("/ikm/<int:round_id>.<fmt>")
def ikm(round_id, fmt):
    """The SKM report in the round's language, as offices publish it."""
    round_ = _round(round_id, report=True)
    if fmt not in ("html", "pdf"):
        abort(404)

    def context():
        return {"doc": _data(lambda: skm_document.skm_document(db.session(), round_, personal=rights.may("personal"),
                                                               language=round_.language)),
                "title": round_.title, "grade_labels": skm.GRADE_LABELS, "statuses": skm_follow_ups.STATUSES}
    return _document("ikm.html", context, fmt, f"ikm-{round_id}", language=round_.language,
                     gettext=partial(i18n.gettext, round_.language))


@blueprint.get("/ikm/<int:round_id>/<table>.<fmt>")
def ikm_export(round_id, table, fmt):
    """The SKM's raw answers or per-unsur table, in the page's language; the suggestions with the personal right."""
    round_ = _round(round_id)
    if table not in kind_of(round_).exports or table not in skm_exports.TABLES:
        abort(404)
    language = page_locale()
    if table == "answers":
        frame = _data(lambda: skm_exports.answers_table(db.session(), round_, language, rights.may("personal")))
    else:
        frame = _data(lambda: skm_exports.unsur_table(db.session(), round_, language))
    return _download(frame, fmt, f"skm-{table}-{round_id}", number_format=language)


@blueprint.post("/personal/<int:round_id>/job")
def personal_job(round_id):
    """Hundreds of personal scorecards: made in the background while HR watches the progress."""
    if not ActionForm().validate_on_submit():
        abort(400)
    round_ = _round(round_id)
    job = _data(lambda: jobs.queue_personal_report(db.session(), round_, page_locale(),
                                                   current_user.email))
    background.submit("make_report", job.id)
    return redirect(url_for("reports.job", job_id=job.id))


@blueprint.post("/jobs/<int:job_id>/retry")
def retry_job(job_id):
    """A failed report made again, after HR has read why it failed."""
    if not ActionForm().validate_on_submit():
        abort(400)
    found = jobs.get_job(db.session(), current_user.organisation_id, job_id) or abort(404)
    if jobs.retry(db.session(), found):
        background.submit("make_report", found.id)
    return redirect(url_for("reports.job", job_id=found.id))


@blueprint.get("/jobs/<int:job_id>")
def job(job_id):
    found = jobs.get_job(db.session(), current_user.organisation_id, job_id) or abort(404)
    return render_template("hr/job.html", job=found, action=ActionForm())


@blueprint.get("/jobs/<int:job_id>.pdf")
def job_pdf(job_id):
    found = jobs.get_job(db.session(), current_user.organisation_id, job_id) or abort(404)
    if found.status != "done":
        abort(404)
    return Response(found.content, mimetype=MIME["pdf"],
                    headers={"Content-Disposition": f'attachment; filename="report-{job_id}.pdf"'})


def _round(round_id, report: bool = False):
    """The organisation's round; with ``report``, only if its kind's report is the one asked for."""
    round_ = rounds.get_round(db.session(), current_user.organisation_id, round_id) or abort(404)
    if report and kind_of(round_).report != request.endpoint:
        abort(404)
    return round_


def _data(build):
    try:
        return build()
    except Invalid as error:
        abort(Response(render_template("errors/report_unavailable.html",
                                       message=message_of(error)), 404))


def _document(template, context, fmt, name, language=None, gettext=_):
    """The report as a printable page or its PDF, in the page's language unless the document has its own;
    ``context()`` builds its view model (for a PDF, only when it may have changed: survey/pages.py)."""
    if fmt not in ("html", "pdf"):
        abort(404)
    if fmt == "html":
        return Response(render_html(template, context(), organisation=current_user.organisation.name,
                                    language=language or page_locale(), gettext=gettext), mimetype="text/html")
    return stored_pdf(template, context, name, language or page_locale(), gettext)


def _file_name(kind: str, period: str) -> str:
    """A download's name: a period written with slashes, spaces or quotes ("TW II/2026") as a plain name."""
    return f"{kind}-{re.sub(r'[^A-Za-z0-9_-]+', '-', period).strip('-')}"


def _download(frame, fmt, name, number_format=None):
    if fmt not in ("csv", "xlsx"):
        abort(404)
    return Response(to_bytes(frame, fmt, number_format), mimetype=MIME[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})
