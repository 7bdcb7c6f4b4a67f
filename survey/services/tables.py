"""Reading uploaded CSV/XLSX tables and writing exports, with errors a person can act on."""
from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from typing import Iterable, Iterator, Sequence
from xml.etree import ElementTree

import pandas as pd

from survey.services.errors import N_, Invalid
from survey.services.numbers import exact_text

MAX_ROWS = 5_000
#: Cells (rows x the widest row's columns, headers included) a file may have: parsing costs per cell, and
#: 4,900 rows x 300 columns, a 57 KB file, took 31 s. 5,000 rows of 40 columns read in a few seconds.
MAX_CELLS = 200_000
MAX_UNPACKED_BYTES = 25 * 2**20
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"  # an XLSX sheet's XML namespace
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#: Blank rows read before a file is refused, per row allowed: a few between tables, not a million.
BLANK_ROWS_PER_ROW = 10
UNREADABLE = {
    "xlsx": N_("The file could not be read as an XLSX workbook: open it in the spreadsheet program and save it "
               "again as .xlsx."),
    "csv": N_("The file could not be read as CSV: write one row per line, the columns separated by commas "
              "or semicolons, the first row naming the columns."),
}


def read_table(content: bytes, filename: str, required: Sequence[str], max_rows: int = MAX_ROWS,
               max_unpacked_bytes: int = MAX_UNPACKED_BYTES, max_cells: int = MAX_CELLS) -> pd.DataFrame:
    """Rows of an uploaded .csv or .xlsx, columns lower-cased, blank rows dropped: text stripped, and an XLSX
    number cell kept as a number (it is one already: reading it as text would need a language).
    Text stays as written: a unit "NA" or a weight "NaN" is not pandas' missing value (keep_default_na),
    so a number column refuses "NaN" instead of reading it as empty (issue 24).

    The rows and cells are counted as a stream before anything is parsed, and an XLSX's unpacked size is
    read from its zip directory first: an 800 KB file of 2.5 million rows, or a 57 KB one of 1.5 million
    cells, is refused in a moment, not after minutes.
    """
    name = filename.lower()
    try:
        if name.endswith(".xlsx"):
            _check_xlsx(content, max_rows, max_unpacked_bytes, max_cells)
            frame = pd.read_excel(io.BytesIO(content), dtype=object, engine="openpyxl", keep_default_na=False)
        elif name.endswith(".csv"):
            lines = csv.reader(io.TextIOWrapper(io.BytesIO(content), encoding="utf-8-sig", errors="replace",
                                                newline=""))
            _check_rows(((number, any(value.strip() for value in row), len(row))
                         for number, row in enumerate(lines, 1)), max_rows, max_cells)
            frame = pd.read_csv(io.BytesIO(content), dtype=str, sep=None, engine="python", encoding="utf-8-sig",
                                keep_default_na=False)
        else:
            raise Invalid({"file": N_("Upload a .csv or .xlsx file.")})
    except Invalid:
        raise
    except Exception:  # pandas/openpyxl/zipfile raise many kinds, in English: say it in our own words
        raise Invalid({"file": UNREADABLE["xlsx" if name.endswith(".xlsx") else "csv"]}) from None
    frame.columns = [str(column).strip().lower() for column in frame.columns]
    missing = [column for column in required if column not in frame.columns]
    if missing:
        raise Invalid({"file": N_("Missing column(s): %(columns)s.", columns=", ".join(missing))})
    frame = frame.fillna("").map(_stripped_or_number)
    return frame[(frame != "").any(axis=1)]


def _check_xlsx(content: bytes, max_rows: int, max_unpacked_bytes: int, max_cells: int) -> None:
    """Refuse a workbook that unpacks too large (zipfile holds each part to its declared size), then
    count the rows of its first sheet, the one pandas reads, from the sheet's XML as it streams
    (openpyxl, even read-only, first scans a whole sheet that does not state its size)."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        if sum(member.file_size for member in archive.infolist()) > max_unpacked_bytes:
            raise Invalid({"file": N_("The file unpacks to more than %(limit)s MB; split it into smaller files.",
                                      limit=max_unpacked_bytes // 2**20)})
        with archive.open(_first_sheet(archive)) as sheet:
            _check_rows(_sheet_rows(sheet), max_rows, max_cells)


def _first_sheet(archive: zipfile.ZipFile) -> str:
    """The path of the workbook's first sheet, from the workbook and its relationships."""
    first = next(e for e in ElementTree.fromstring(archive.read("xl/workbook.xml")).iter() if e.tag == f"{{{MAIN}}}sheet")
    relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    target = next(e.get("Target") for e in relations if e.get("Id") == first.get(f"{{{RELATIONSHIPS}}}id"))
    return target[1:] if target.startswith("/") else f"xl/{target}"


def _sheet_rows(sheet) -> Iterator[tuple[int, bool, int]]:
    """(row number, whether it holds a value, its last column's number) of each row of a sheet's XML,
    read as a stream; a cell's column is its reference's letters (``KN`` of ``KN4900``), else the next."""
    values, cell_tag, row_tag = (f"{{{MAIN}}}v", f"{{{MAIN}}}t"), f"{{{MAIN}}}c", f"{{{MAIN}}}row"
    number, filled, cells, last = 0, False, 0, None
    for _, element in ElementTree.iterparse(sheet, events=("end",)):
        tag = element.tag
        if tag == cell_tag:  # cells come in order: the row's last one is its widest
            cells, last = cells + 1, element
        elif tag in values:
            filled = filled or bool((element.text or "").strip())
        elif tag == row_tag:
            number = int(element.get("r") or number + 1)
            yield number, filled, (_column_number(last.get("r") or "") or cells) if last is not None else 0
            number, filled, cells, last = number, False, 0, None
            element.clear()


def _column_number(reference: str) -> int:
    """1 for ``A1``, 300 for ``KN4900``; 0 when the reference names no column."""
    number = 0
    for letter in reference:
        if not "A" <= letter <= "Z":
            break
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _check_rows(rows: Iterable[tuple[int, bool, int]], max_rows: int, max_cells: int) -> None:
    """Stop reading at the first row past ``max_rows`` under the headers, or past a flood of blank rows
    (rows skipped included: a reader builds them all before blank ones are dropped), or once the rows so
    far times the widest of them passes ``max_cells`` (a reader fills every row to the widest)."""
    filled = widest = 0
    for number, has_values, columns in rows:
        filled += has_values
        widest = max(widest, columns)
        if filled > max_rows + 1 or number > BLANK_ROWS_PER_ROW * (max_rows + 1):
            raise Invalid({"file": N_("At most %(rows)s rows per file.", rows=max_rows)})
        if number * widest > max_cells:
            raise Invalid({"file": N_("At most %(cells)s cells (rows times columns) per file: remove the columns "
                                      "that are not needed, or split the file.", cells=max_cells)})


def cell(row: dict, column: str) -> str:
    """A cell as stripped text; empty for a missing column, None or NaN. A whole number from a
    spreadsheet reads as written (2010, not 2010.0): codes and periods are often typed as numbers."""
    value = row.get(column)
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


#: The Indonesian words an import accepts for its English codes (compared without case): a person
#: fills a template in their own language.
CODE_WORDS = {"perspektif": "perspective", "sasaran": "objective", "sasaran strategis": "objective",
              "iku": "kpi", "lebih tinggi": "higher", "lebih rendah": "lower", "jumlah": "sum",
              "rata-rata": "mean", "terakhir": "last", "pemangku kepentingan": "stakeholder",
              "pegawai": "employee", "lokal": "local"}


def code_cell(row: dict, column: str) -> str:
    """A cell holding a code, as its English code: 'IKU' and 'kpi' both read 'kpi'."""
    written = " ".join(cell(row, column).lower().split())
    return CODE_WORDS.get(written, written)


def code_choices(codes) -> str:
    """The codes a column accepts in both languages, for a message: 'kpi/iku, ...'."""
    return ", ".join("/".join([code, *(word for word, english in CODE_WORDS.items() if english == code)])
                     for code in codes)


def _stripped_or_number(value):
    """A spreadsheet number as it is; text stripped, with an export's defusing ' taken off again."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return restored_cell(str(value).strip())


def split_pairs(text: str, separator: str, from_right: bool = False) -> list[tuple[str, str]]:
    """'a = 1; b = 2' -> [('a', '1'), ('b', '2')], parts stripped; ValueError naming a part without the separator.

    ``from_right`` splits at the last separator, for labels that may contain it.
    """
    pairs = []
    for part in text.split(";"):
        if not part.strip():
            continue
        key, found, value = part.rpartition(separator) if from_right else part.partition(separator)
        if not found:
            raise ValueError(part)
        pairs.append((key.strip(), value.strip()))
    return pairs


def row_label(index: int) -> str:
    """Spreadsheet row number of a data row (row 1 holds the headers)."""
    return N_("row %(number)s", number=index + 2)


#: What a spreadsheet takes for the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


#: A formula start after a list separator (and spaces): a spreadsheet that splits a CSV at ';' (Indonesian
#: Excel) or ',' makes a new cell there, quotes or not, and `x;=1+1` would hold the formula `=1+1`.
_AFTER_SEPARATOR = re.compile(r"([,;] *)(?=[=+\-@\t\r])")
_DEFUSED_AFTER_SEPARATOR = re.compile(r"([,;] *)'(?=[=+\-@\t\r])")


def safe_cell(value):
    """Text that a spreadsheet would run as a formula is prefixed with ' (CSV/formula injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_csv_cell(value):
    """safe_cell, and a ' after each , or ; that a formula start follows: a CSV cell is defused in
    whatever pieces a spreadsheet cuts it."""
    value = safe_cell(value)
    return _AFTER_SEPARATOR.sub(r"\1'", value) if isinstance(value, str) else value


def restored_cell(text: str) -> str:
    """An exported cell read back: the ' that safe_cell and safe_csv_cell put before a formula character
    taken off again."""
    text = _DEFUSED_AFTER_SEPARATOR.sub(r"\1", text)
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


#: XLSX number formats: grouped thousands, and decimals only where a number has them. Excel writes the
#: separators of the reader's own language (1.234,5 on an Indonesian Windows); the cell keeps the exact value.
WHOLE_NUMBER, DECIMAL_NUMBER = "#,##0", "#,##0.0###"


def _number_formats(sheet) -> None:
    for row in sheet.iter_rows(min_row=2):
        for cell_ in row:
            if isinstance(cell_.value, (int, float)) and not isinstance(cell_.value, bool):
                cell_.number_format = WHOLE_NUMBER if float(cell_.value).is_integer() else DECIMAL_NUMBER


def to_bytes(frame: pd.DataFrame, fmt: str, number_format: str | None = None) -> bytes:
    """A table as CSV or XLSX, formulas defused; in CSV every text is quoted, so a ';' inside a cell does
    not start a new cell in a spreadsheet whose list separator is ';' (Indonesian Excel), and a formula
    start after a separator is defused too, for the spreadsheets that split it anyway.
    With ``number_format`` (id or en) a CSV writes its numbers as that language does, exactly, so an import
    declaring the same format reads them back unchanged; an XLSX keeps numbers as numbers."""
    if fmt == "csv":
        frame = frame.map(safe_csv_cell)  # numbers stay numbers here: written as text after, never defused
        if number_format:
            frame = frame.map(lambda value: exact_text(value, number_format) if _is_number(value) else value)
        return frame.to_csv(index=False, quoting=csv.QUOTE_NONNUMERIC).encode("utf-8-sig")
    if fmt == "xlsx":
        frame = frame.map(safe_cell)
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            frame.to_excel(writer, index=False)
            _number_formats(writer.sheets["Sheet1"])
        return buffer.getvalue()
    raise Invalid({"format": "Choose csv or xlsx."})


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
