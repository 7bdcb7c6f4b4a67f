"""The SAKIP documents' files besides their PDFs: the Perjanjian Kinerja as a DOCX HR can still edit in Word
(python-docx) and the realisation report as an XLSX. Each reads the view model of services.sakip_documents,
the same object its PDF template (templates/reports/pk.html, realisation.html) reads, through the cell texts
below, so the DOCX, the XLSX and the PDF print the same words and numbers.
"""
from __future__ import annotations

import io
from typing import Callable, Sequence

from babel.dates import format_date
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from survey.render.numbers import format_number
from survey.services import periods
from survey.services.sakip_documents import PerformanceAgreement, RealisationReport

Gettext = Callable[..., str]


def _identity(message: str, **values) -> str:
    return message % values if values else message


def rupiah(value, language: str) -> str:
    """A rupiah amount as the office writes it: Rp 1.234.567 (Indonesian), Rp 1,234,567 (English)."""
    return "–" if value is None else f"Rp {format_number(value, 'money', language)}"


def measure(value, unit: str, language: str) -> str:
    """A target or realisation with its unit: 95,5 %, 14 hari."""
    text = format_number(value, "measure", language)
    return f"{text} {unit}" if unit and value is not None else text


def long_date(day, language: str) -> str:
    return format_date(day, "long", locale=language)


UNVERIFIED_MARK = "*"


def nilai_text(capaian, nilai, language: str) -> str:
    """A capaian's nilai (0-120, PermenPANRB 8/2021); '–*' where there is a capaian but no verified formula for
    it (the footnote nilai_note says so), '–' where there is no capaian."""
    if nilai is None and capaian is not None:
        return f"–{UNVERIFIED_MARK}"
    return format_number(nilai, "measure", language)


def nilai_note(gettext: Gettext) -> str:
    """The footnote under a table with the nilai column: its source, and what an unverified formula leaves."""
    return gettext("Score (0–120): the achievement converted by PermenPANRB 8/2021. –%(mark)s: formula not "
                   "verified; the regulation's formula for this achievement (101 %%–110 %%, or below 0 %%) is not "
                   "verified, so no score is given.", mark=UNVERIFIED_MARK)


def pk_annex_rows(pk: PerformanceAgreement, language: str) -> list[tuple[str, str, str, str]]:
    """No | Sasaran Strategis | Indikator Kinerja | Target: one row per indicator, the objective's number and
    name on each of its rows (the DOCX merges them, the PDF spans them)."""
    return [(str(objective.number), objective.name, indicator.name, measure(indicator.target, indicator.unit, language))
            for objective in pk.objectives for indicator in objective.indicators]


def pk_programme_rows(pk: PerformanceAgreement, language: str) -> list[tuple[str, str, str]]:
    """No | Program | Anggaran."""
    return [(str(number), programme.name, rupiah(programme.budget, language))
            for number, programme in enumerate(pk.programmes, 1)]


def pk_context(pk: PerformanceAgreement, language: str, gettext: Gettext = _identity) -> dict:
    """What templates/reports/pk.html prints: the view model and the DOCX's own cell texts."""
    rows, groups = pk_annex_rows(pk, language), []
    for objective in pk.objectives:
        groups.append(rows[:len(objective.indicators)])
        rows = rows[len(objective.indicators):]
    return {"pk": pk, "annex_groups": groups, "programme_rows": pk_programme_rows(pk, language),
            "total": rupiah(pk.total_budget, language), "long_date": long_date(pk.day, language),
            "provisional": provisional_note([pk.period], language, gettext) if pk.provisional else ""}


def realisation_context(report: RealisationReport, language: str, gettext: Gettext, nilai: bool = False) -> dict:
    """What templates/reports/realisation.html prints: the view model and the XLSX's headings; ``nilai`` adds
    the column of each capaian's nilai (0-120)."""
    return {"report": report, "header": realisation_header(report, language, gettext, nilai),
            "provisional": provisional_note(report.provisional_periods, language, gettext),
            "nilai": [nilai_text(line.capaian, line.nilai, language) for line in report.lines] if nilai else None,
            "nilai_note": nilai_note(gettext) if nilai else ""}


def pk_title(pk: PerformanceAgreement, gettext: Gettext) -> str:
    return gettext("PERFORMANCE AGREEMENT %(year)s", year=pk.year)


def provisional_note(provisional: Sequence[str], language: str, gettext: Gettext) -> str:
    """The one line saying which periods are provisional; '' when none is."""
    if not provisional:
        return ""
    return gettext("Provisional: the values of %(period)s are not yet verified.",
                   period=", ".join(periods.label(period, language) for period in provisional))


def pk_docx(pk: PerformanceAgreement, language: str, gettext: Gettext = _identity) -> bytes:
    """The PK as a Word document: the statement page, then the annex on a page of its own."""
    document = new_document()
    add_pk(document, pk, language, gettext)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def new_document():
    document = Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Arial", Pt(11)
    return document


def add_pk(document, pk: PerformanceAgreement, language: str, gettext: Gettext = _identity) -> None:
    """The PK's statement page and annex, added to ``document`` (its own, or the LKjIP's annex)."""
    centred(document, pk_title(pk, gettext), bold=True, size=13)
    centred(document, pk.organisation.upper(), bold=True)
    if pk.provisional:
        centred(document, provisional_note([pk.period], language, gettext), bold=True)
    document.add_paragraph(gettext(pk.statement[0]))
    _party(document, pk.first, gettext)  # the regulation's format names the one who promises; the superior signs
    document.add_paragraph(gettext(pk.statement[1]))
    document.add_paragraph(gettext(pk.statement[2]))
    _signatures(document, pk, language, gettext)
    document.add_page_break()
    centred(document, gettext("ANNEX TO THE PERFORMANCE AGREEMENT %(year)s", year=pk.year), bold=True)
    centred(document, pk.organisation.upper(), bold=True)
    if pk.provisional:
        centred(document, provisional_note([pk.period], language, gettext), bold=True)
    add_pk_tables(document, pk, language, gettext)
    _signatures(document, pk, language, gettext)


def add_pk_tables(document, pk: PerformanceAgreement, language: str, gettext: Gettext = _identity) -> None:
    """The PK's annex tables: the year's targets by objective, then the programmes with their budget."""
    targets = pk_annex_rows(pk, language)
    table = add_table(document, (gettext("No."), gettext("Strategic objective"), gettext("Performance indicator"),
                                 gettext("Target")), targets, widths=(1.2, 5.5, 6.5, 3.0))
    first_row = 1
    for objective in pk.objectives:  # an objective's number and name span its indicators' rows
        last_row = first_row + len(objective.indicators) - 1
        for column in (0, 1):
            if last_row > first_row:
                top = table.cell(first_row, column)
                top.merge(table.cell(last_row, column))
                for paragraph in top.paragraphs[1:]:  # merging joins the cells' paragraphs: keep one
                    paragraph._element.getparent().remove(paragraph._element)
        first_row = last_row + 1
    document.add_paragraph()
    rows = pk_programme_rows(pk, language)
    if pk.programmes:
        rows.append(("", gettext("Total budget"), rupiah(pk.total_budget, language)))
    add_table(document, (gettext("No."), gettext("Programme"), gettext("Budget (Rp)")), rows, widths=(1.2, 11, 4))


def centred(document, text: str, bold: bool = False, size: int | None = None):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    return paragraph


def _party(document, party, gettext: Gettext) -> None:
    lines = [(gettext("Name"), party.name), (gettext("Position"), party.position)]
    if party.nip:
        lines.append((gettext("NIP"), party.nip))
    for label, value in lines:
        paragraph = document.add_paragraph(f"{label}\t: {value}")
        paragraph.paragraph_format.left_indent = Cm(1)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(4.5))
        paragraph.paragraph_format.space_after = Pt(0)


def _signatures(document, pk: PerformanceAgreement, language: str, gettext: Gettext) -> None:
    """The second party (superior) signs on the left, the first (the unit's head) on the right under place
    and date, as the PK formats print them; a table without borders keeps the two columns in Word."""
    document.add_paragraph()
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, party, dated in ((table.cell(0, 0), pk.second, False), (table.cell(0, 1), pk.first, True)):
        lines = ([f"{pk.place}, {long_date(pk.day, language)}" if pk.place else long_date(pk.day, language)]
                 if dated else [""])
        lines += [party.position, "", "", "", party.name] + ([f"{gettext('NIP')} {party.nip}"] if party.nip else [])
        cell.text = "\n".join(lines)
        for paragraph in cell.paragraphs:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def add_table(document, header: tuple[str, ...], rows: list[tuple[str, ...]], widths: tuple[float, ...]):
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    for column, text in enumerate(header):
        cell = table.cell(0, column)
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for r, row in enumerate(rows, 1):
        for column, text in enumerate(row):
            table.cell(r, column).text = text
    for column, width in enumerate(widths):
        for cell in table.columns[column].cells:
            cell.width = Cm(width)
    return table


def realisation_header(report: RealisationReport, language: str, gettext: Gettext, nilai: bool = False) -> list[str]:
    """The realisation table's columns; a provisional period says so in its own heading."""
    shown = [periods.label(p, language) + (f" ({gettext('provisional')})" if report.provisional(p) else "")
             for p in report.periods]
    to_date = gettext("Realisation to date")
    if report.provisional(str(report.year)):
        to_date += f" ({gettext('provisional')})"
    return [gettext("No."), gettext("Strategic objective"), gettext("Code"), gettext("Performance indicator"),
            gettext("Target %(year)s", year=report.year), *shown, to_date, gettext("Achievement (%)"),
            *([gettext("Score (0–120)")] if nilai else []), gettext("Rating"), gettext("Root cause"),
            gettext("Action")]


def narrative_text(line, field: str, language: str) -> str:
    """The owners' words of every period, each after its period's name."""
    return "\n".join(f"{periods.label(n.period, language)}: {getattr(n, field)}" for n in line.narrative
                     if getattr(n, field))


def _nilai_cell(line) -> float | str | None:
    """A number where there is a nilai, the unverified mark where a capaian has none, empty without a capaian."""
    if line.nilai is not None:
        return line.nilai
    return f"–{UNVERIFIED_MARK}" if line.capaian is not None else None


def realisation_xlsx(report: RealisationReport, language: str, gettext: Gettext = _identity,
                     nilai: bool = False) -> bytes:
    """The realisation table as a workbook: numbers stay numbers (the cells' format writes them in the reader's
    own separators), the provisional periods named above the table and in their headings; ``nilai`` adds each
    capaian's nilai (0-120) after it, '–*' and the footnote below the table where its formula is not verified."""
    book = Workbook()
    sheet = book.active
    sheet.title = gettext("Realisation")[:31]
    sheet.append([gettext("Performance realisation %(year)s", year=report.year)])
    sheet.append([report.organisation, report.scorecard])
    sheet.append([provisional_note(report.provisional_periods, language, gettext)])
    header = realisation_header(report, language, gettext, nilai)
    sheet.append(header)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet["A1"].font = Font(bold=True, size=13)
    for number, line in enumerate(report.lines, 1):
        sheet.append([number, line.objective, line.code, line.name, line.target, *line.realisations, line.to_date,
                      None if line.capaian is None else round(line.capaian, 1),
                      *([_nilai_cell(line)] if nilai else []),
                      report.bands[line.predikat].label(language) if line.predikat >= 0 else gettext(line.capaian_note),
                      narrative_text(line, "root_cause", language), narrative_text(line, "action", language)])
        for cell in sheet[sheet.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(cell.value, float):
                cell.number_format = "#,##0.0" if cell.column == 6 + len(report.periods) + 1 else "#,##0.##"
    if nilai:
        sheet.append([])
        sheet.append([nilai_note(gettext)])
    widths = (5, 28, 8, 36, 12, *([12] * len(report.periods)), 14, 12, *([10] if nilai else []), 14, 30, 30)
    for column, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

