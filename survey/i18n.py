"""Bahasa Indonesia and English: catalogs compiled on start, used by pages (Flask-Babel) and emails.

The .po files in survey/translations are the source; their .mo files are built
into the instance folder when missing or stale, so there is no build step to forget.
A process without an app (a script, a service called directly) reads them in memory.
"""
from __future__ import annotations

import io
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from survey.services.zones import on_wall_clock

SOURCE = Path(__file__).resolve().parent / "translations"
LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANGUAGE = "id"
_compiled: Path | None = None  # where this process's .mo files are


def compile_catalogs(target: Path) -> Path:
    """Write ``target/<lang>/LC_MESSAGES/messages.mo`` for every .po newer than its .mo."""
    for po_path in SOURCE.glob("*/LC_MESSAGES/messages.po"):
        language = po_path.parent.parent.name
        mo_path = target / language / "LC_MESSAGES" / "messages.mo"
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        mo_path.parent.mkdir(parents=True, exist_ok=True)
        with po_path.open("rb") as source:
            catalog = read_po(source, locale=language)
        partial = mo_path.with_suffix(f".{id(catalog)}.tmp")  # several workers may compile at once
        with partial.open("wb") as out:
            write_mo(out, catalog)
        partial.replace(mo_path)
    global _compiled
    _compiled = target
    translations.cache_clear()
    return target


@lru_cache(maxsize=None)
def translations(language: str) -> Translations:
    if _compiled is not None:
        return Translations.load(str(_compiled), [language])
    # No app has compiled the catalogs: compile this one in memory rather than into a folder
    # nobody would remove (a temporary one per process used to pile up in /tmp).
    po_path = SOURCE / language / "LC_MESSAGES" / "messages.po"
    if not po_path.exists():
        return Translations.load(str(SOURCE), [language])  # English: the messages as written
    with po_path.open("rb") as source:
        compiled = io.BytesIO()
        write_mo(compiled, read_po(source, locale=language))
    compiled.seek(0)
    return Translations(compiled)


def gettext(language: str, message: str, **values) -> str:
    """Translate outside a request (emails, CLI)."""
    text = translations(language).gettext(message)
    return text % values if values else text


def wall_clock(moment: datetime, zone: str, language: str) -> str:
    """A stored moment as the clocks of ``zone`` show it, in the language's own way, with the zone's
    abbreviation: '30 Nov 2026 17.00 WIB', 'Nov 30, 2026, 5:00 PM WIB'."""
    local = on_wall_clock(moment, zone)
    locale = Locale.parse(language)
    # The locale's medium date and short time (no seconds), joined as the locale joins them.
    pattern = locale.datetime_formats["medium"].format(locale.time_formats["short"].pattern,
                                                       locale.date_formats["medium"].pattern)
    return f"{format_datetime(local, pattern, tzinfo=local.tzinfo, locale=locale)} {local.tzname()}"

