"""The strategy map as SVG: perspectives as bands, objectives as boxes in their light, cause-and-effect arrows.

Each box says its light in words and carries the light's hatching in a strip, so a grey print reads;
the <desc> lists every objective's light and every arrow for a screen reader.
"""
from __future__ import annotations

import math
import textwrap
from html import escape
from typing import Mapping, Sequence

from survey.render.charts import _PATTERNS, LIGHT_FILLS, LIGHT_PATTERNS, _short, _svg
from survey.render.numbers import format_number

PALE = {"red": "#f8d7d5", "yellow": "#fff3c4", "green": "#d6efdc", "none": "#eeeeee"}
BOLD = ' font-weight="bold"'
SYMBOLS = {"red": "✖", "yellow": "▲", "green": "●", "none": "–"}
_ARROW = ('<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
          'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#000"/></marker>')


def strategy_map(bands: Sequence[tuple[str, Sequence[tuple[str, str, str, float | None]]]],
                 arrows: Sequence[tuple[str, str]], light_labels: Mapping[str, str], width: int = 720,
                 band_height: int = 92, language: str = "en", title: str = "") -> str:
    """``bands``: (perspective, [(code, name, light, level), ...]) from top to bottom;
    ``arrows``: (cause code, effect code); ``light_labels``: the words for red, yellow, green, none."""
    label_width, box_height = 130, 58
    boxes, body, read = {}, [], []
    for row, (perspective, objectives) in enumerate(bands):
        top = row * band_height
        body.append(f'<rect x="0" y="{top}" width="{width}" height="{band_height - 4}" fill="{"#f4f6f8" if row % 2 else "#fff"}" '
                    f'stroke="#888" stroke-width="0.6"/>')
        body += [f'<text x="8" y="{top + 22 + 13 * k}" font-size="11" font-weight="bold">{escape(line)}</text>'
                 for k, line in enumerate(textwrap.wrap(perspective, 18)[:4])]
        count = max(len(objectives), 1)
        gap = 14
        box_width = min(170, (width - label_width - gap * (count + 1)) / count)
        start = label_width + (width - label_width - count * box_width - (count - 1) * gap) / 2
        for k, (code, name, light, level) in enumerate(objectives):
            x, y = start + k * (box_width + gap), top + (band_height - 4 - box_height) / 2
            boxes[code] = (x, y, box_width, box_height)
            words = f"{SYMBOLS.get(light, '–')} {light_labels.get(light, light)}"
            if level is not None:
                words += f" {format_number(level, 'level', language)}"
            read.append(f"{perspective}: {code} {name}, {light_labels.get(light, light)}")
            body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{box_width:.1f}" height="{box_height}" rx="5" '
                        f'fill="{PALE.get(light, PALE["none"])}" stroke="#000" stroke-width="0.8"/>')
            if light in LIGHT_FILLS:
                body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="8" height="{box_height}" fill="{LIGHT_FILLS[light]}"/>'
                            f'<rect x="{x:.1f}" y="{y:.1f}" width="8" height="{box_height}" fill="{LIGHT_PATTERNS[light]}"/>')
            lines = [f"{code} · {words}"] + textwrap.wrap(name, max(8, int(box_width / 6.2)))[:2]
            body += [f'<text x="{x + 12:.1f}" y="{y + 15 + 14 * n:.1f}" font-size="10"{BOLD if n == 0 else ""}>'
                     f'{escape(_short(text, int(box_width / 5.6)))}</text>' for n, text in enumerate(lines)]
    for cause, effect in arrows:
        if cause in boxes and effect in boxes:
            (x1, y1), (x2, y2) = _edge(boxes[cause], boxes[effect]), _edge(boxes[effect], boxes[cause])
            body.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#000" '
                        f'stroke-width="1.3" marker-end="url(#arrow)"/>')
            read.append(f"{cause} → {effect}")
    height = max(len(bands), 1) * band_height
    return _svg(width, height, _PATTERNS.replace("</defs>", _ARROW + "</defs>") + "".join(body), title, "; ".join(read))


def picture(the_map, light_labels: Mapping[str, str], language: str, title: str = "", **options) -> str:
    """A services.strategy.StrategyMap as SVG, on HR's page and in the printed report."""
    return strategy_map(plain_bands(the_map), the_map.arrows, light_labels, language=language, title=title, **options)


def plain_bands(the_map) -> list[tuple[str, list[tuple]]]:
    """The map's bands as (perspective, [(code, name, light, level), ...])."""
    return [(name, [(o.code, o.name, o.light, o.level) for o in objectives]) for name, objectives in the_map.bands]


def _edge(box, other) -> tuple[float, float]:
    """Where the line from ``box``'s centre towards ``other``'s centre leaves ``box``."""
    x, y, w, h = box
    cx, cy = x + w / 2, y + h / 2
    ox, oy = other[0] + other[2] / 2, other[1] + other[3] / 2
    dx, dy = ox - cx, oy - cy
    if dx == 0 and dy == 0:
        return cx, cy
    scale = min(w / 2 / abs(dx) if dx else math.inf, h / 2 / abs(dy) if dy else math.inf)
    return cx + dx * scale, cy + dy * scale
