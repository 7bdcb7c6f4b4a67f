"""Evidence files attached to a KPI's period: a scanned decree, a photo of the counter, the sheet the
actual was counted from. Kept in the database (every app machine reads it), checked by what the file
really is, not by its name, and only ever served as a download, never rendered inline.
"""
from __future__ import annotations

import re
import zipfile
from io import BytesIO

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from survey.models import Element, Evidence
from survey.services import period_locks
from survey.services.errors import N_, Invalid
from survey.services.text import unsafe_characters
from survey.services.transactions import in_unit_of_work

#: What may be attached, by extension: the media type it is served with and how its first bytes look.
KINDS = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
    "csv": ("text/csv", ()),
}
#: Files per KPI and period: enough for a decree, photos and the source sheet.
MAX_FILES = 10


@in_unit_of_work
def attach(session: Session, element: Element, period: str, filename: str, content: bytes, uploaded_by: str,
           max_bytes: int) -> Evidence:
    """Keep ``content`` as evidence of the KPI's period, or refuse it (Invalid) and keep nothing; a locked
    period keeps the evidence it was verified with."""
    period_locks.refuse_locked(session, element.version_id, [period])
    name = _safe_name(filename)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in KINDS:
        raise Invalid({"file": N_("Attach a PDF, an image (PNG or JPEG) or a spreadsheet (XLSX or CSV).")})
    media_type, signatures = KINDS[extension]
    if not content:
        raise Invalid({"file": N_("The file is empty.")})
    if len(content) > max_bytes:
        raise Invalid({"file": N_("The file is larger than %(limit)s MB.", limit=max(1, max_bytes // 2**20))})
    if not _looks_like(extension, content, signatures):
        raise Invalid({"file": N_("The file is not the %(kind)s its name says.", kind=extension.upper())})
    if len(listed(session, element.id, period)) >= MAX_FILES:
        raise Invalid({"file": N_("At most %(count)s files per KPI and period.", count=MAX_FILES)})
    evidence = Evidence(organisation_id=element.version.scorecard.organisation_id, element_id=element.id,
                        period=period, filename=name, media_type=media_type, size=len(content), content=content,
                        uploaded_by=uploaded_by)
    session.add(evidence)
    return evidence


def listed(session: Session, element_id: int, period: str) -> list[Evidence]:
    """The KPI's evidence in the period, oldest first, without their contents."""
    return list(session.scalars(select(Evidence).options(defer(Evidence.content))
                                .where(Evidence.element_id == element_id, Evidence.period == period)
                                .order_by(Evidence.created_at, Evidence.id)))


def by_code(session: Session, element_ids: list[int], period: str) -> dict[str, list[Evidence]]:
    """KPI code -> its evidence in the period (for the office scorecard and its PDF), without contents."""
    found: dict[str, list[Evidence]] = {}
    for code, evidence in session.execute(select(Element.code, Evidence).options(defer(Evidence.content))
                                          .join(Element, Element.id == Evidence.element_id)
                                          .where(Evidence.element_id.in_(element_ids), Evidence.period == period)
                                          .order_by(Element.position, Evidence.created_at, Evidence.id)):
        found.setdefault(code, []).append(evidence)
    return found


def get(session: Session, organisation_id: int, evidence_id: int) -> Evidence | None:
    evidence = session.get(Evidence, evidence_id)
    return evidence if evidence is not None and evidence.organisation_id == organisation_id else None


def _safe_name(filename: str) -> str:
    """The file's own name without folders or characters a header or a page could misread."""
    name = re.split(r"[\\/]", filename or "")[-1].strip()
    name = re.sub(r"[^\w .()-]", "_", name)[:200]
    if not name or unsafe_characters({"file": name}):
        raise Invalid({"file": N_("Give the file a name.")})
    return name


def _looks_like(extension: str, content: bytes, signatures: tuple[bytes, ...]) -> bool:
    if extension == "csv":  # text: no NUL byte, readable as UTF-8
        try:
            content.decode("utf-8-sig")
        except UnicodeDecodeError:
            return False
        return b"\x00" not in content
    if not content.startswith(signatures):
        return False
    if extension == "xlsx":  # a zip holding a workbook, not any zip
        try:
            return "xl/workbook.xml" in zipfile.ZipFile(BytesIO(content)).namelist()
        except zipfile.BadZipFile:
            return False
    return True
