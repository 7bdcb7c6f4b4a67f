"""Reading uploaded CSV/XLSX tables and writing exports, with errors a person can act on."""
from __future__ import annotations

import io
from typing import Sequence

import pandas as pd

from survey.services.errors import N_, Invalid

MAX_ROWS = 20_000


def read_table(content: bytes, filename: str, required: Sequence[str]) -> pd.DataFrame:
    """Rows of an uploaded .csv or .xlsx, columns lower-cased, blank rows dropped: text stripped, and an XLSX
    number cell kept as a number (it is one already: reading it as text would need a language)."""
    name = filename.lower()
    try:
        if name.endswith(".xlsx"):
            frame = pd.read_excel(io.BytesIO(content), dtype=object, engine="openpyxl")
        elif name.endswith(".csv"):
            frame = pd.read_csv(io.BytesIO(content), dtype=str, sep=None, engine="python", encoding="utf-8-sig")
        else:
            raise Invalid({"file": N_("Upload a .csv or .xlsx file.")})
    except Invalid:
        raise
    except Exception as error:  # pandas/openpyxl raise many kinds for a broken file
        raise Invalid({"file": N_("The file could not be read: %(error)s", error=str(error))}) from None
    frame.columns = [str(column).strip().lower() for column in frame.columns]
    missing = [column for column in required if column not in frame.columns]
    if missing:
        raise Invalid({"file": N_("Missing column(s): %(columns)s.", columns=", ".join(missing))})
    frame = frame.fillna("").map(_stripped_or_number)
    frame = frame[(frame != "").any(axis=1)]
    if len(frame) > MAX_ROWS:
        raise Invalid({"file": N_("At most %(rows)s rows per file.", rows=MAX_ROWS)})
    return frame


def cell(row: dict, column: str) -> str:
    """A cell as stripped text; empty for a missing column, None or NaN. A whole number from a
    spreadsheet reads as written (2010, not 2010.0): codes and periods are often typed as numbers."""
    value = row.get(column)
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _stripped_or_number(value):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return str(value).strip()


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


def safe_cell(value):
    """Text that a spreadsheet would run as a formula is prefixed with ' (CSV/formula injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_bytes(frame: pd.DataFrame, fmt: str) -> bytes:
    frame = frame.map(safe_cell)
    if fmt == "csv":
        return frame.to_csv(index=False).encode("utf-8-sig")
    if fmt == "xlsx":
        buffer = io.BytesIO()
        frame.to_excel(buffer, index=False, engine="openpyxl")
        return buffer.getvalue()
    raise Invalid({"format": "Choose csv or xlsx."})
