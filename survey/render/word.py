"""Word documents (DOCX) made by a worker, not in the request: python-docx takes ~0.6 s for a small office's
LKjIP, more for a large one. A request stores what it asked for (a ``recipe``: which document, the scorecard
version, the day of signing, the nilai column, the language) and the worker makes the document from the data
as it then stands (survey/services/documents.py keeps it per data version of the organisation)."""
from __future__ import annotations

import json
from datetime import date
from functools import partial

from sqlalchemy.orm import Session

from survey import i18n
from survey.render.lkjip import lkjip_docx
from survey.render.sakip import pk_docx
from survey.services import lkjip, sakip_documents, scorecards

#: The Word documents a recipe may name, each made from (session, version, day, nilai, language).
MAKERS = {
    "pk": lambda session, version, day, _nilai, language: pk_docx(
        sakip_documents.performance_agreement(session, version, day), language, partial(i18n.gettext, language)),
    "lkjip": lambda session, version, day, nilai, language: lkjip_docx(
        lkjip.performance_report(session, version, day), language, partial(i18n.gettext, language), nilai),
}


def recipe(document: str, version_id: int, day: date, nilai: bool) -> str:
    """What a request for a Word document asked for, as the stored build keeps it until the worker makes it."""
    if document not in MAKERS:
        raise ValueError(f"no Word document {document!r}")
    return json.dumps({"document": document, "version": version_id, "day": day.isoformat(), "nilai": nilai})


def make(session: Session, organisation_id: int, written: str, language: str) -> bytes:
    """The DOCX a recipe names, from the organisation's data as it stands now."""
    asked = json.loads(written)
    version = scorecards.get_version(session, organisation_id, asked["version"])
    if version is None:
        raise LookupError(f"scorecard version {asked['version']} no longer exists")
    return MAKERS[asked["document"]](session, version, date.fromisoformat(asked["day"]), asked["nilai"], language)
