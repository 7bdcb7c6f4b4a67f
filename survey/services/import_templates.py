"""Files to start an import from: the columns an import reads and an example row, in the user's language.

A CSV writes its numbers as text the way the user's language writes them (the import form reads text
numbers that way by default); an XLSX keeps them as number cells, which need no language.
"""
from __future__ import annotations

import pandas as pd

from survey.render.numbers import format_number
from survey.services.errors import N_, Invalid
from survey.services.tables import to_bytes

#: Example rows per import, by language: names and codes a person of that language would write (an
#: import reads codes in either language, survey/services/tables.CODE_WORDS).
_EXAMPLES = {
    "scorecard": {
        "id": [{"code": "F", "kind": "perspektif", "parent": "", "name": "Keuangan", "unit": "", "better": ""},
               {"code": "F1", "kind": "sasaran", "parent": "F", "name": "Meningkatkan pendapatan", "unit": "",
                "better": ""},
               {"code": "F1a", "kind": "IKU", "parent": "F1", "name": "Realisasi pendapatan", "unit": "%",
                "better": "lebih tinggi"}],
        "en": [{"code": "F", "kind": "perspective", "parent": "", "name": "Financial", "unit": "", "better": ""},
               {"code": "F1", "kind": "objective", "parent": "F", "name": "Increase revenue", "unit": "",
                "better": ""},
               {"code": "F1a", "kind": "kpi", "parent": "F1", "name": "Revenue realised", "unit": "%",
                "better": "higher"}]},
    "people": {
        "id": [{"name": "Siti Rahmawati", "email": "siti@kantor.go.id", "phone": "0812-3456-7890", "unit": "Seksi Pelayanan",
                "role": "Kepala Seksi", "kind": "pemangku kepentingan", "weight": 1.5}],
        "en": [{"name": "Jane Smith", "email": "jane@office.example", "phone": "+62 812 3456 7890", "unit": "Service section",
                "role": "Head of section", "kind": "stakeholder", "weight": 1.5}]},
}
KINDS = ("scorecard", "people", "measurements", "ladders")


def template(kind: str, language: str, kpi: str = "K1", fmt: str = "csv") -> bytes:
    """The template of ``kind`` as CSV or XLSX bytes; ``kpi`` is the code the performance examples use."""
    language = "en" if language == "en" else "id"
    if kind in _EXAMPLES:
        frame = pd.DataFrame(_EXAMPLES[kind][language])
    elif kind == "measurements":
        frame = pd.DataFrame([{"kpi": kpi, "period": "2010", "target": 1250000.5, "actual": 1187500.25}])
    elif kind == "ladders":
        frame = pd.DataFrame([{"kpi": kpi, "period": "2010", "0": 60.0, "3": 75.5, "10": 100.0}])
    else:
        raise Invalid({"kind": N_("There is no template for %(kind)s.", kind=kind)})
    if fmt == "csv":
        frame = frame.map(lambda value: format_number(value, "exact", language) if isinstance(value, float) else value)
    return to_bytes(frame, fmt)
