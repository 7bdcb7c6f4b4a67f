"""Printed reports: report data -> HTML (Jinja) -> PDF (WeasyPrint).

The same HTML is served as a print-ready page and turned into an A4 PDF.
Templates live in templates/reports; the caller passes the translation
functions, so this module knows nothing of the web app.
"""
from __future__ import annotations

import io
import multiprocessing
import re
from concurrent.futures import ProcessPoolExecutor, as_completed
from datetime import datetime
from functools import lru_cache
from html import unescape
from pathlib import Path
from typing import Callable, Sequence
from urllib.parse import quote, unquote

from jinja2 import Environment, FileSystemLoader, select_autoescape

from survey.render import charts
from survey.render.numbers import format_number, scale_of
from survey.render.strategy_map import picture, strategy_map
from survey.services import periods
from survey.services.qr import qr_svg

#: An image address a template writes for a link's QR code (``link|qr``): drawn when the PDF is printed
#: (``html_to_pdf``, in the background for a stored document), not when the HTML is written (the page
#: that asked): drawing takes ~9 ms a code, seconds for a round's letters.
QR_SCHEME = "qr:"

REPORT_TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "reports"

#: Cells, headings and paragraphs may break a word anywhere (base.html: ``overflow-wrap: anywhere``), so that
#: a long unbroken name (an email, an address, a name typed without spaces) stays within its page. WeasyPrint
#: then works out each table column's narrowest width letter by letter: a third of an office scorecard's
#: printing. A document whose words are all at most this long breaks them nowhere, only at spaces: the same
#: pages (no word that long needs breaking), printed faster (office scorecard 1.38 -> 0.96 s).
LONGEST_WORD = 24
#: Markup, styles, scripts and drawings: not words of the page.
_NOT_TEXT = re.compile(r"(?s)<(style|script|svg)\b.*?</\1>|<[^>]+>")
#: A word as lines break: only plain spaces end it (a no-break space joins, so it counts as part of it).
_LONG_WORD = re.compile(rf"[^ \t\r\n]{{{LONGEST_WORD + 1},}}")


def _identity(message: str, **values) -> str:
    return message % values if values else message


def environment(gettext: Callable[..., str] = _identity) -> Environment:
    """Jinja with autoescaping (names with HTML stay text) and the caller's translations."""
    env = Environment(loader=FileSystemLoader(str(REPORT_TEMPLATES)), autoescape=select_autoescape(["html"]),
                      extensions=["jinja2.ext.i18n"])
    env.install_gettext_callables(gettext=gettext, ngettext=lambda s, p, n, **kw: gettext(s if n == 1 else p, **kw),
                                  newstyle=True)
    env.globals.update(charts=charts, strategy_map=strategy_map, strategy_picture=picture)
    env.filters["scale_of"] = scale_of
    env.filters["qr"] = lambda link: QR_SCHEME + quote(link, safe="")
    return env


def render_html(template: str, context: dict, *, organisation: str, language: str,
                gettext: Callable[..., str] = _identity, generated: datetime | None = None) -> str:
    """The report as a complete HTML document (header fields are part of every page)."""
    env = environment(gettext)
    env.filters["number"] = lambda value, kind="measure", signed=False: format_number(value, kind, language, signed)
    env.filters["period"] = lambda period: periods.label(period, language)  # as the site's |period filter
    return env.get_template(template).render(
        organisation=organisation, language=language, generated=(generated or datetime.now()).strftime("%Y-%m-%d %H:%M"),
        **context)


def html_to_pdf(html: str) -> bytes:
    """A4 PDF of a report's HTML; fonts are subset (fast with libharfbuzz-subset)."""
    from weasyprint import HTML  # imported here: loading pango is slow and only PDFs need it
    return HTML(string=html, base_url=str(REPORT_TEMPLATES), url_fetcher=_fetcher()).write_pdf(
        stylesheets=[] if has_long_word(html) else [_words_whole()])


def has_long_word(html: str) -> bool:
    """Whether the page's text holds a word longer than LONGEST_WORD, which may need breaking to fit."""
    return _LONG_WORD.search(unescape(_NOT_TEXT.sub(" ", html))) is not None


@lru_cache(maxsize=1)
def _words_whole():
    """Words break at spaces only (a reader's rule, above the document's own)."""
    from weasyprint import CSS
    return CSS(string="th, td, h1, h2, p, li { overflow-wrap: break-word !important; }")


def _fetcher():
    """WeasyPrint's fetcher of images and styles, drawing a ``qr:`` address's QR code (the ``qr`` filter)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class DrawingQrCodes(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith(QR_SCHEME):
                return URLFetcherResponse(url, qr_svg(unquote(url[len(QR_SCHEME):])).encode(),
                                          {"Content-Type": "image/svg+xml"})
            return super().fetch(url, headers)
    return DrawingQrCodes()


def render_pdf(parts: Sequence[tuple[str, dict]], *, organisation: str, language: str,
               gettext: Callable[..., str] = _identity, processes: int = 1,
               progress: Callable[[int, int], None] | None = None) -> bytes:
    """The one way a PDF is made: each (template, context) part laid out as its own document, the parts
    joined in order. With ``processes`` 1 (or a single part) they are printed here, else on ``processes``
    cores (e.g. 25 employees each; ``gettext`` must then be picklable: a module-level function or a
    functools.partial of one); ``progress(done, total)`` follows them. Every part carries the same
    "generated" time.
    """
    generated = datetime.now()
    if len(parts) == 1 or processes <= 1:  # here: no process to start
        pdfs = []
        for template, context in parts:
            pdfs.append(_render_part(template, context, organisation, language, gettext, generated))
            if progress:
                progress(len(pdfs), len(parts))
        return pdfs[0] if len(pdfs) == 1 else merge_pdfs(pdfs)
    pdfs: list[bytes | None] = [None] * len(parts)
    context = multiprocessing.get_context("spawn")  # no fork of a threaded web worker
    with ProcessPoolExecutor(max_workers=max(1, processes), mp_context=context) as pool:
        futures = {pool.submit(_render_part, template, part, organisation, language, gettext, generated): index
                   for index, (template, part) in enumerate(parts)}
        for done, future in enumerate(as_completed(futures), start=1):
            pdfs[futures[future]] = future.result()
            if progress:
                progress(done, len(parts))
    return merge_pdfs(pdfs)


def merge_pdfs(pdfs: Sequence[bytes]) -> bytes:
    from pypdf import PdfWriter
    writer = PdfWriter()
    for pdf in pdfs:
        writer.append(io.BytesIO(pdf))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _render_part(template, context, organisation, language, gettext, generated) -> bytes:
    html = render_html(template, context, organisation=organisation, language=language, gettext=gettext,
                       generated=generated)
    return html_to_pdf(html)
