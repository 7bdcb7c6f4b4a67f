"""Small SVG charts for printed reports: no plotting library, crisp in PDF, readable in black and white.

Each function returns an SVG document as text; labels are escaped.
"""
from __future__ import annotations

from html import escape
from typing import Sequence

#: Fill and hatch per light, so the charts also read on a black-and-white printer.
LIGHT_FILLS = {"red": "#d9534f", "yellow": "#f0c419", "green": "#3c9a5f"}
LIGHT_PATTERNS = {"red": "url(#cross)", "yellow": "url(#diagonal)", "green": "none"}
_PATTERNS = (
    '<defs><pattern id="diagonal" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<path d="M0,6 L6,0" stroke="#000" stroke-width="0.8"/></pattern>'
    '<pattern id="cross" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<path d="M0,0 L6,6 M6,0 L0,6" stroke="#000" stroke-width="0.8"/></pattern></defs>'
)


def horizontal_bars(labels: Sequence[str], values: Sequence[float], maximum: float | None = None,
                    width: int = 460, row: int = 22, decimals: int = 2) -> str:
    """One bar per label, the value printed at its end."""
    top = maximum if maximum else max([v for v in values if v == v] + [1e-9])
    label_width, height = 150, row * len(labels) + 10
    bars = []
    for k, (label, value) in enumerate(zip(labels, values)):
        y = 5 + k * row
        length = 0 if value != value else max(0.0, value) / top * (width - label_width - 60)
        bars.append(
            f'<text x="{label_width - 6}" y="{y + row * 0.65:.1f}" text-anchor="end" font-size="11">{escape(str(label))}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="{row - 8}" fill="#4a78a8" stroke="#000" stroke-width="0.5"/>'
            f'<text x="{label_width + length + 4:.1f}" y="{y + row * 0.65:.1f}" font-size="11">'
            f'{"–" if value != value else f"{value:.{decimals}f}"}</text>')
    return _svg(width, height, "".join(bars))


def light_distribution(counts: dict[str, int], labels: dict[str, str] | None = None, width: int = 460,
                       height: int = 46) -> str:
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
    return _svg(width, height, _PATTERNS + "".join(parts))


def line(periods: Sequence[str], values: Sequence[float], minimum: float = 0.0, maximum: float = 10.0,
         width: int = 460, height: int = 150) -> str:
    """Values over periods (e.g. the index per year), each point labelled."""
    kept = [(p, v) for p, v in zip(periods, values) if v is not None and v == v]  # a period with no score has no point
    periods, values = [p for p, _ in kept], [v for _, v in kept]
    if not periods:
        return _svg(width, height, "")
    left, bottom, span = 40, height - 25, height - 40
    step = (width - left - 30) / max(len(periods) - 1, 1)
    points = [(left + k * step, bottom - (v - minimum) / (maximum - minimum) * span) for k, v in enumerate(values)]
    axis = (f'<line x1="{left}" y1="{bottom}" x2="{width - 10}" y2="{bottom}" stroke="#000"/>'
            f'<line x1="{left}" y1="{bottom}" x2="{left}" y2="{bottom - span}" stroke="#000"/>'
            f'<text x="{left - 4}" y="{bottom}" text-anchor="end" font-size="10">{minimum:g}</text>'
            f'<text x="{left - 4}" y="{bottom - span + 4}" text-anchor="end" font-size="10">{maximum:g}</text>')
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    marks = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3"/>'
                    f'<text x="{x:.1f}" y="{y - 7:.1f}" text-anchor="middle" font-size="10">{v:.2f}</text>'
                    f'<text x="{x:.1f}" y="{bottom + 14}" text-anchor="middle" font-size="10">{escape(str(p))}</text>'
                    for (x, y), v, p in zip(points, values, periods))
    return _svg(width, height, axis + f'<polyline points="{path}" fill="none" stroke="#000" stroke-width="1.5"/>' + marks)


def _svg(width: int, height: int, body: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, sans-serif">{body}</svg>')
