"""Small SVG charts for pages and printed reports: no plotting library, no JavaScript, crisp in PDF.

Each function returns an SVG element as text: labels are escaped, numbers are written in the
reader's language (survey.render.numbers), lines differ by dash as well as by colour and lights by
hatching, so a grey print still reads, and a <title> and <desc> give the figures to a screen reader.
"""
from __future__ import annotations

import itertools
import math
import textwrap
from html import escape
from typing import Mapping, Sequence

from survey.render.numbers import format_number

#: Fill and hatch per light, so the charts also read on a black-and-white printer.
LIGHT_FILLS = {"red": "#d9534f", "yellow": "#f0c419", "green": "#3c9a5f"}
LIGHT_PATTERNS = {"red": "url(#cross)", "yellow": "url(#diagonal)", "green": "none"}
#: One dash and grey per line: the first (the index) solid and black.
LINE_STYLES = (("", "#000", 2.2), ("6 3", "#1f4e8c", 1.4), ("2 2", "#6a3d9a", 1.4), ("8 3 2 3", "#2e7d32", 1.4),
               ("1 3", "#8c4a1f", 1.6))
_PATTERNS = (
    '<defs><pattern id="diagonal" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<path d="M0,6 L6,0" stroke="#000" stroke-width="0.8"/></pattern>'
    '<pattern id="cross" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<path d="M0,0 L6,6 M6,0 L0,6" stroke="#000" stroke-width="0.8"/></pattern></defs>'
)
_ids = itertools.count(1)
LEGEND_CHARACTERS = 18  # letters of a line of a line chart's key: its 100 px beside the chart
_CHARACTER_WIDTH = 6.4  # DejaVu Sans at 11 px, an average letter: how many fit a label's width


def horizontal_bars(labels: Sequence[str], values: Sequence[float], maximum: float | None = None,
                    width: int = 460, row: int = 22, kind: str = "index", language: str = "en",
                    title: str = "", label_width: int = 150,
                    intervals: Sequence[tuple[float, float]] | None = None, interval_words: str = "") -> str:
    """One bar per label, the value printed at its end (``kind='weight'`` prints a share as a %); with
    ``intervals`` (low, high) per bar, an error bar across each, read out after ``interval_words``."""
    top = maximum if maximum else max([v for v in values if _number(v)] + [1e-9])
    # A label wraps onto a second line rather than be cut ("Wajib Pajak dan Masyara…"): rows grow to fit.
    wrapped = [_wrapped(label, max(4, int((label_width - 10) / _CHARACTER_WIDTH))) for label in labels]
    row = max(row, 26) if any(len(lines) > 1 for lines in wrapped) else row
    height = row * len(labels) + 10
    suffix = "%" if kind == "weight" else ""
    bars, read = [], []
    scale = (width - label_width - 70) / top
    for k, (label, value) in enumerate(zip(labels, values)):
        y = 5 + k * row
        length = max(0.0, value) * scale if _number(value) else 0
        shown = format_number(value if _number(value) else None, kind, language) + (suffix if _number(value) else "")
        read.append(f"{label}: {shown}")
        whisker, end = "", length
        if intervals is not None and all(_number(v) for v in intervals[k]):
            low, high = (max(0.0, v) * scale + label_width for v in intervals[k])
            middle = y + 3 + (row - 8) / 2
            whisker = (f'<path d="M{low:.1f} {middle:.1f}H{high:.1f}M{low:.1f} {middle - 4:.1f}V{middle + 4:.1f}'
                       f'M{high:.1f} {middle - 4:.1f}V{middle + 4:.1f}" stroke="#000" stroke-width="1.2" fill="none"/>')
            end = max(length, high - label_width)
            read[-1] += " (" + interval_words + " " + "–".join(
                format_number(v, kind, language) for v in intervals[k]) + suffix + ")"
        first = y + row * 0.65 - 6 * (len(wrapped[k]) - 1)
        text = "".join(f'<tspan x="{label_width - 6}" y="{first + 12 * n:.1f}">{escape(part)}</tspan>'
                       for n, part in enumerate(wrapped[k]))
        bars.append(
            f'<text x="{label_width - 6}" y="{first:.1f}" text-anchor="end" font-size="11">{text}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="{row - 8}" fill="#4a78a8" stroke="#000" stroke-width="0.5"/>'
            f'{whisker}<text x="{label_width + end + 4:.1f}" y="{y + row * 0.65:.1f}" font-size="11">{escape(shown)}</text>')
    return _svg(width, height, "".join(bars), title, "; ".join(read))


def light_distribution(counts: Mapping[str, int], labels: Mapping[str, str] | None = None, width: int = 460,
                       height: int = 46, title: str = "") -> str:
    """A stacked bar of red, yellow and green KPIs, each part hatched differently and labelled."""
    labels = labels or {name: name for name in LIGHT_FILLS}
    total = sum(counts.get(name, 0) for name in LIGHT_FILLS) or 1
    x, parts = 0.0, []
    for name, fill in LIGHT_FILLS.items():
        share = counts.get(name, 0) / total * width
        if share:
            parts.append(f'<rect x="{x:.1f}" y="2" width="{share:.1f}" height="26" fill="{fill}" stroke="#000" stroke-width="0.6"/>'
                         f'<rect x="{x:.1f}" y="2" width="{share:.1f}" height="26" fill="{LIGHT_PATTERNS[name]}"/>'
                         f'<text x="{x + share / 2:.1f}" y="42" text-anchor="middle" font-size="11">'
                         f'{escape(labels[name])} {counts.get(name, 0)}</text>')
        x += share
    read = "; ".join(f"{labels[name]}: {counts.get(name, 0)}" for name in LIGHT_FILLS)
    return _svg(width, height, _PATTERNS + "".join(parts), title, read)


def line(periods: Sequence[str], values: Sequence[float], minimum: float = 0.0, maximum: float = 10.0,
         width: int = 460, height: int = 150, language: str = "en", title: str = "", name: str = "") -> str:
    """Values over periods (e.g. the index per year), each point labelled."""
    return lines(periods, {name: values}, minimum, maximum, width, height, language, title)


def lines(periods: Sequence[str], series: Mapping[str, Sequence[float]] | Sequence[tuple[str, Sequence[float]]], minimum: float = 0.0,
          maximum: float = 10.0, width: int = 460, height: int = 170, language: str = "en", title: str = "",
          kind: str = "index", axis_names: tuple[str, str] | None = None) -> str:
    """Several series over the same periods (the index and each perspective), each with its own dash;
    a period without a number leaves a gap. The first series' points are labelled with their values.

    With ``axis_names`` (left, right) the series after the first have their own scale on a right-hand
    axis, from ``minimum`` to a round number above their largest value: perspective subtotals (1-3)
    would hug the bottom of the index's 0-10."""
    periods = [str(p) for p in periods]
    series = dict(series)
    named = any(series)
    # The key names each series in full, wrapped onto lines of LEGEND_CHARACTERS (cut at 18, two KPIs
    # "Persentase pelayanan tepat waktu" and "Persentase pelayanan tepat sasaran" read alike, issue 26).
    keys = [textwrap.wrap(str(name), LEGEND_CHARACTERS) if name else [] for name in series]
    tops = list(itertools.accumulate([12] + [14 + 12 * max(len(key) - 1, 0) for key in keys[:-1]]))
    height = max(height, (tops[-1] + 12 * len(keys[-1]) + 4) if keys else height)  # the chart grows to hold its key
    # A period's name is centred under its point: the first and last need room for half of theirs
    # ("Semester II 2025" was cut at the chart's left edge), about 3 px a character at this size.
    half = 3 * max(map(len, periods), default=0) + 4
    axis = left = max(34, half)
    right, bottom = max((140 if named else 16) + (30 if axis_names else 0), half), height - 22
    span = bottom - 14 - (10 if axis_names else 0)
    step = (width - left - right) / max(len(periods) - 1, 1)
    if len(periods) == 1:  # one period: its points in the middle
        left, step = (width - right + left) / 2, 0
    others = [v for values in list(series.values())[1:] for v in values]
    second = _nice_maximum(others) if axis_names else maximum

    def scaled(top):
        return lambda value: bottom - (min(max(value, minimum), top) - minimum) / (top - minimum) * span

    y = scaled(maximum)
    body = [f'<line x1="{axis}" y1="{bottom}" x2="{width - right + 6}" y2="{bottom}" stroke="#000"/>',
            f'<line x1="{axis}" y1="{bottom}" x2="{axis}" y2="{bottom - span}" stroke="#000"/>',
            f'<text x="{axis - 4}" y="{bottom}" text-anchor="end" font-size="10">{format_number(minimum, "count", language)}</text>',
            f'<text x="{axis - 4}" y="{bottom - span + 4}" text-anchor="end" font-size="10">{format_number(maximum, "count", language)}</text>']
    if axis_names:
        edge = width - right + 14  # clear of the last period's points
        body += [f'<line x1="{edge}" y1="{bottom}" x2="{edge}" y2="{bottom - span}" stroke="#000"/>',
                 f'<text x="{edge + 4}" y="{bottom}" font-size="10">{format_number(minimum, "count", language)}</text>',
                 f'<text x="{edge + 4}" y="{bottom - span + 4}" font-size="10">{format_number(second, "exact", language)}</text>',
                 f'<text x="{axis}" y="{bottom - span - 6}" font-size="10">{escape(axis_names[0])}</text>',
                 f'<text x="{edge}" y="{bottom - span - 6}" text-anchor="end" font-size="10">{escape(axis_names[1])}</text>']
    body += [f'<text x="{left + k * step:.1f}" y="{bottom + 14}" text-anchor="middle" font-size="10">{escape(p)}</text>'
             for k, p in enumerate(periods)]
    read = []
    for number, (name, values) in enumerate(series.items()):
        dash, colour, stroke = LINE_STYLES[number % len(LINE_STYLES)]
        y = scaled(maximum if number == 0 else second)
        points = [(left + k * step, y(v), v) for k, v in enumerate(values) if _number(v)]
        read.append((f"{name}: " if name else "") + ", ".join(
            f"{p} {format_number(v, kind, language)}" for p, v in zip(periods, values) if _number(v)))
        for run in _runs(values, left, step, y):
            body.append(f'<polyline points="{run}" fill="none" stroke="{colour}" stroke-width="{stroke}"'
                        + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")
        body += [f'<circle cx="{px:.1f}" cy="{py:.1f}" r="{2.8 if number == 0 else 2}" fill="{colour}"/>'
                 for px, py, _ in points]
        if number == 0:
            body += [f'<text x="{px:.1f}" y="{py - 7:.1f}" text-anchor="middle" font-size="10">'
                     f'{format_number(v, kind, language)}</text>' for px, py, v in points]
        if name and points:
            legend_y = tops[number]
            key_x = width - right + 12 + (30 if axis_names else 0)  # clear of the right-hand axis' numbers
            text = (escape(keys[number][0]) if len(keys[number]) == 1 else
                    "".join(f'<tspan x="{key_x + 26}" y="{legend_y + 12 * n}">{escape(part)}</tspan>'
                            for n, part in enumerate(keys[number])))
            body.append(f'<line x1="{key_x}" y1="{legend_y - 3}" x2="{key_x + 22}" y2="{legend_y - 3}" '
                        f'stroke="{colour}" stroke-width="{stroke}"' + (f' stroke-dasharray="{dash}"' if dash else "") + "/>"
                        f'<text x="{key_x + 26}" y="{legend_y}" font-size="10">{text}</text>')
    return _svg(width, height, "".join(body), title, "; ".join(read))


def sparkline(periods: Sequence[str], values: Sequence[float], minimum: float = 0.0, maximum: float = 10.0,
              width: int = 64, height: int = 22, language: str = "en", title: str = "", kind: str = "level") -> str:
    """A KPI's level over the periods in a table cell: a small line, the last point marked."""
    step = (width - 8) / max(len(values) - 1, 1)

    def y(value):
        return height - 3 - (min(max(value, minimum), maximum) - minimum) / (maximum - minimum) * (height - 6)

    body = [f'<line x1="2" y1="{height - 3}" x2="{width - 2}" y2="{height - 3}" stroke="#999" stroke-width="0.5"/>']
    body += [f'<polyline points="{run}" fill="none" stroke="#000" stroke-width="1.2"/>'
             for run in _runs(values, 4, step, y)]
    marked = [(4 + k * step, y(v)) for k, v in enumerate(values) if _number(v)]
    if marked:
        body.append(f'<circle cx="{marked[-1][0]:.1f}" cy="{marked[-1][1]:.1f}" r="2.2"/>')
    read = ", ".join(f"{p} {format_number(v if _number(v) else None, kind, language)}" for p, v in zip(periods, values))
    return _svg(width, height, "".join(body), title, read)


def _runs(values, left, step, y) -> list[str]:
    """Polyline point lists of consecutive numbers: a missing value breaks the line."""
    runs, current = [], []
    for k, value in enumerate(values):
        if _number(value):
            current.append(f"{left + k * step:.1f},{y(value):.1f}")
        else:
            runs.append(current)
            current = []
    runs.append(current)
    return [" ".join(run) for run in runs if len(run) > 1]


def _number(value) -> bool:
    return value is not None and value == value


def _wrapped(text: str, most: int, lines: int = 2) -> list[str]:
    """``text`` in at most ``lines`` lines of about ``most`` characters, the last shortened if need be."""
    parts = textwrap.wrap(str(text), most) or [""]
    if len(parts) > lines:
        parts = parts[:lines - 1] + [_short(" ".join(parts[lines - 1:]), most)]
    return [part if len(part) <= most else _short(part, most) for part in parts]


def _nice_maximum(values) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten at or above the largest of ``values`` (1 for none)."""
    largest = max([v for v in values if _number(v)] + [0.0])
    if largest <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(largest))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= largest)


def _short(text: str, most: int = 24) -> str:
    text = str(text)
    return text if len(text) <= most else text[:most - 1] + "…"


def _svg(width: int, height: int, body: str, title: str = "", description: str = "") -> str:
    """The chart, scaled to its box (never wider than the page), named for a screen reader."""
    key = next(_ids)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" '
            f'aria-labelledby="chart-{key}-title chart-{key}-desc" font-family="DejaVu Sans, sans-serif">'
            f'<title id="chart-{key}-title">{escape(title)}</title><desc id="chart-{key}-desc">{escape(description)}</desc>'
            f'{body}</svg>')
