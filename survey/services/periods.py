"""Reporting periods: how a period's code is read, ordered and named.

A period is stored as text on measurements, ladders, findings and rounds. The calendar's codes are
``2026`` (year), ``2026-S1`` (semester), ``2026-Q2`` (quarter, triwulan) and ``2026-03`` (month); text
written before the calendar (any other string) stays a valid period, named and ordered by its text.

Order (``sort_key``): calendar periods by start date, then the longer first, so a year heads its
semesters, a semester its quarters and a quarter its months (2026 < 2026-S1 < 2026-Q1 < 2026-01 <
2026-02 < 2026-03 < 2026-Q2 < 2026-04 ...); text the calendar does not know comes after, as text.
A trend compares periods of one kind (``kind``): quarters with quarters, years with years.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from survey.services.errors import N_, Invalid

KINDS = ("year", "semester", "quarter", "month")
#: The periods a satisfaction survey (SKM) covers: offices survey once a year, per semester or per quarter.
SURVEY_KINDS = ("year", "semester", "quarter")
#: Months each kind lasts.
MONTHS = {"year": 12, "semester": 6, "quarter": 3, "month": 1}
TEXT = "text"  # the kind of a period the calendar does not know
EXAMPLES = "2026, 2026-S1, 2026-Q2, 2026-03, TW II 2026, 2026/TW2, Q2 2026, Semester I 2026, Maret 2026"

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
MONTH_NAMES = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
#: Written month names (both languages, full and short) -> month number.
_MONTH_WORDS = {**{name.lower(): n for names in MONTH_NAMES.values() for n, name in enumerate(names, 1)},
                **{name.lower()[:3]: n for names in MONTH_NAMES.values() for n, name in enumerate(names, 1)},
                "agu": 8, "agt": 8, "okt": 10, "des": 12, "sept": 9}
_QUARTER_WORDS = ("q", "tw", "triwulan", "quarter", "kuartal", "trimester")
_SEMESTER_WORDS = ("s", "sem", "semester", "h", "half")
_YEAR_WORDS = ("", "tahun", "year", "fy", "ta")
_CODE = re.compile(r"^(\d{4})(?:-(S[12]|Q[1-4]|0[1-9]|1[0-2]))?$")


@dataclass(frozen=True)
class Period:
    """A calendar period: its kind, year and position in the year (1 for a year)."""
    kind: str
    year: int
    number: int = 1

    @property
    def code(self) -> str:
        return {"year": f"{self.year}", "semester": f"{self.year}-S{self.number}",
                "quarter": f"{self.year}-Q{self.number}", "month": f"{self.year}-{self.number:02d}"}[self.kind]

    @property
    def start_month(self) -> int:
        return (self.number - 1) * MONTHS[self.kind] + 1

    def contains(self, other: Period) -> bool:
        """Whether ``other`` lies within this period (and is shorter)."""
        return (other.year == self.year and MONTHS[other.kind] < MONTHS[self.kind]
                and self.start_month <= other.start_month < self.start_month + MONTHS[self.kind])


def parse(period) -> Period | None:
    """The calendar period a canonical code names, or None for other text."""
    found = _CODE.match(str(period).strip())
    if found is None:
        return None
    year, part = int(found.group(1)), found.group(2)
    if part is None:
        return Period("year", year)
    if part[0] == "S":
        return Period("semester", year, int(part[1]))
    if part[0] == "Q":
        return Period("quarter", year, int(part[1]))
    return Period("month", year, int(part))


def read(text) -> Period | None:
    """The calendar period ``text`` names as offices write it (a code, "TW II 2026", "2026/TW2", "Q2 2026",
    "Semester I 2026", "H1 2026", "Maret 2026", "03/2026"), or None when it names none."""
    written = re.sub(r"[\s/\-_.,]+", " ", str(text).strip().lower()).strip()
    years = re.findall(r"(?<!\d)\d{4}(?!\d)", written)
    if len(years) != 1:
        return None
    rest = re.sub(r"\s+", " ", written.replace(years[0], " ", 1)).strip()
    year = int(years[0])
    if rest in _YEAR_WORDS:
        return Period("year", year)
    if rest in _MONTH_WORDS:  # before numerals: "mei" and "juli" end in an "i"
        return Period("month", year, _MONTH_WORDS[rest])
    found = re.fullmatch(r"([a-z]*) ?(\d{1,2}|i{1,3}|iv)", rest)
    if found is None:
        return None
    word, number = found.group(1), found.group(2)
    value = int(number) if number.isdigit() else ROMAN[number]
    if word in _QUARTER_WORDS and 1 <= value <= 4:
        return Period("quarter", year, value)
    if word in _SEMESTER_WORDS and 1 <= value <= 2:
        return Period("semester", year, value)
    if word in ("", "bulan", "month") and number.isdigit() and 1 <= value <= 12:
        return Period("month", year, value)  # 2026-03, 03/2026; a bare roman numeral ("I/2026") is ambiguous
    return None


def normalised(text, known=()) -> str:
    """The code of the period ``text`` names; text already stored as a period (``known``) stays as it is.

    Raises Invalid naming examples when the text is neither."""
    written = str(text if text is not None else "").strip()
    if not written:
        raise Invalid({"period": N_("Give the period, e.g. %(examples)s.", examples=EXAMPLES)})
    if written in known:
        return written
    found = read(written)
    if found is None:
        raise Invalid({"period": N_("'%(period)s' is not a period of the calendar; write it e.g. as %(examples)s.",
                                    period=written, examples=EXAMPLES)})
    return found.code


def survey_period(text, known=()) -> str:
    """The code of the year, semester or quarter ``text`` names (a satisfaction survey's period); Invalid
    names what is wrong (not a period, or a month or free text that no trend can place)."""
    code = normalised(text, known)
    if kind(code) not in SURVEY_KINDS:
        raise Invalid({"period": N_("A satisfaction survey covers a year, a semester or a quarter, e.g. 2026, "
                                    "2026-S1 or 2026-Q2; '%(period)s' is none of them.", period=str(text).strip())})
    return code


def kind(period: str) -> str:
    """``year``, ``semester``, ``quarter``, ``month``, or ``text`` for a period the calendar does not know."""
    found = parse(period)
    return found.kind if found else TEXT


def sort_key(period: str):
    """A key that sorts periods in calendar order (see the module's docstring)."""
    found = parse(period)
    if found is None:
        return (1, 0, 0, 0, str(period))
    return (0, found.year, found.start_month, -MONTHS[found.kind], "")


def ordered(periods) -> list[str]:
    """The periods in calendar order, each once."""
    return sorted(set(periods), key=sort_key)


def previous(period: str, periods) -> str | None:
    """The latest of ``periods`` before ``period`` of the same kind (last quarter for a quarter)."""
    earlier = [p for p in ordered(periods) if kind(p) == kind(period) and sort_key(p) < sort_key(period)]
    return earlier[-1] if earlier else None


def parts(period: str, periods) -> dict[str, list[str]]:
    """Of ``periods``, those within ``period``, by kind, in calendar order."""
    whole = parse(period)
    found: dict[str, list[str]] = {}
    if whole is None:
        return found
    for code in ordered(periods):
        part = parse(code)
        if part is not None and whole.contains(part):
            found.setdefault(part.kind, []).append(code)
    return found


def of_year(year: int, kinds) -> list[str]:
    """Every period of ``kinds`` in ``year``, in calendar order."""
    codes = []
    for chosen in kinds:
        codes += [Period(chosen, year, n).code for n in range(1, 12 // MONTHS[chosen] + 1)]
    return ordered(codes)


def label(period: str, locale: str = "id") -> str:
    """The period as a person reads it in ``locale``: "Triwulan II 2026" / "Q2 2026", "Semester I 2026" /
    "H1 2026", "Maret 2026" / "March 2026"; text the calendar does not know as it was written."""
    found = parse(period)
    if found is None:
        return str(period)
    english = str(locale).startswith("en")
    roman = {1: "I", 2: "II", 3: "III", 4: "IV"}
    if found.kind == "year":
        return str(found.year)
    if found.kind == "semester":
        return f"H{found.number} {found.year}" if english else f"Semester {roman[found.number]} {found.year}"
    if found.kind == "quarter":
        return f"Q{found.number} {found.year}" if english else f"Triwulan {roman[found.number]} {found.year}"
    return f"{MONTH_NAMES['en' if english else 'id'][found.number - 1]} {found.year}"
