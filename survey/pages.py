"""What pages of more than one blueprint share, so no blueprint imports another."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Callable

from flask import Response, abort, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from survey import background, db
from survey.models import Organisation, ReportJob
from survey.render.pdf import render_html
from survey.services import accounts, documents, per_transaction, reporting

#: Wrong links (invitation tokens, public survey slugs) one address may try in the failure window
#: before being refused.
WRONG_TOKENS_ALLOWED = 20


def unknown_link(kind: str):
    """A link nobody was given: 404, and 429 once the address tried too many (``kind`` keeps each
    kind of link's count apart). Counted only on failure: a valid link costs nothing extra."""
    session = db.session()
    client = f"{kind}-ip:{request.remote_addr}"
    if accounts.too_many_failures(session, client, limit=WRONG_TOKENS_ALLOWED):
        abort(429)
    accounts.record_failure(session, client)
    abort(404)


#: Seconds after which a "being prepared" page looks again for its document.
PREPARING_REFRESH = 3
#: A stored document's type by its file's extension, and whether a browser shows it (else it is saved).
STORED_TYPES = {"pdf": ("application/pdf", "inline"),
                "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "attachment")}


def stored_pdf(template: str, context: Callable[[], dict], name: str, language: str, gettext: Callable[..., str],
               look_again: Callable[[ReportJob], str] | None = None) -> Response:
    """The PDF built once per change of its view model (survey/services/documents.py): served from the
    database, or queued for a worker while the page says it is being prepared and looks again shortly.

    ``context()`` builds the view model, only when the organisation's data moved since an equal request
    (same address, language, role and day: its shortcut) led to a build; from the data as the version read
    says (rows the request loaded before are read again). ``language``, ``gettext``: what it is written in.
    ``look_again(build)``: where a document asked for by a form (a POST) is looked for again; by default the
    address that asked."""
    session, organisation_id = db.session(), current_user.organisation_id
    document = f"{template}:{name}"
    # A form's document depends on what it posted: no shortcut.
    quick = _shortcut(document, language) if request.method == "GET" else None
    found = documents.find_shortcut(session, organisation_id, document, quick) if quick else None
    if documents.needs_building(found):
        if quick:
            # a row loaded before the version was read may be older than it (a GET saves nothing)
            per_transaction.reread(session)
        written = {"organisation": session.get(Organisation, organisation_id).name, "language": language,
                   "gettext": gettext}
        values = context()
        key = documents.fingerprint(organisation_id, template, values, written["organisation"], language, code())
        found = documents.find(session, organisation_id, document, key)
        if documents.needs_building(found):
            found = documents.queue(session, organisation_id, document, key, language,
                                    render_html(template, values, **written), current_user.email, failed=found)
            _build(found)
        if quick:
            documents.remember(session, found, quick)
    return served(found, f"{name}.pdf", look_again(found) if look_again else None)


def stored_word(name: str, recipe: str, language: str, check: Callable[[], object]) -> Response:
    """A Word document (survey/render/word.py) made by a worker from its ``recipe`` once per data version of
    the organisation (no view model to fingerprint: making it is the work), served from the database.
    ``check()`` builds its view model before it is queued, so what stops it (no signatories) is said now."""
    session, organisation_id = db.session(), current_user.organisation_id
    document = f"{name}.docx"
    quick = _shortcut(document, language)
    found = documents.find_shortcut(session, organisation_id, document, quick)
    if documents.needs_building(found):
        check()
        found = documents.queue(session, organisation_id, document, quick, language, recipe, current_user.email,
                                failed=found)
        documents.remember(session, found, quick)
        _build(found)
    return served(found, document)


def _shortcut(document: str, language: str) -> str:
    """The request's shortcut: the organisation's data version, the address, the language, role and day."""
    session, organisation_id = db.session(), current_user.organisation_id
    return documents.shortcut(session, organisation_id, document, request.path, sorted(request.args.items(multi=True)),
                              language, current_user.role, reporting.today_of(session, organisation_id), code())


@lru_cache(maxsize=1)
def code() -> str:
    """A fingerprint of the code and templates documents are made with: after a deploy that changes how one
    looks, each is made again once."""
    site = Path(__file__).resolve().parent
    made_with = [*site.rglob("*.py"), *(site.parent / "analysis").rglob("*.py"),
                 *(site.parent / "templates").rglob("*.html")]
    return documents.fingerprint(*(path.read_bytes() for path in sorted(made_with)))


def served(found: ReportJob, file_name: str, look_again: str | None = None) -> Response:
    """A stored document's build as the answer: the file, why it could not be made (503), or "being prepared"
    (202), put back in the queue first when its worker was lost."""
    if found.status in ("queued", "running") and documents.lost(db.session(), found):
        _build(found)
    if found.status == "done":
        mimetype, shown = STORED_TYPES[file_name.rsplit(".", 1)[1]]
        return Response(found.content, mimetype=mimetype,
                        headers={"Content-Disposition": f'{shown}; filename="{file_name}"'})
    if found.status == "failed":
        return Response(render_template("errors/report_unavailable.html",
                                        message=_("The document could not be made: %(error)s", error=found.error)),
                        503)
    return Response(render_template("hr/document_preparing.html", name=file_name, refresh=PREPARING_REFRESH,
                                    look_again=look_again),
                    202, headers={"Retry-After": str(PREPARING_REFRESH)})


def _build(found: ReportJob) -> None:
    background.submit("make_document", found.id)
    db.session().refresh(found)  # made already when jobs run inline
