"""A network round's supermatrices as Super Decisions prints them: one sheet per matrix, two header rows
(cluster, then node) above the columns and two header columns (cluster, node) before the rows, the
cluster's name written once at its first node."""
from __future__ import annotations

import csv
import io

from openpyxl import Workbook

from survey.services.network import CLUSTER_NAMES
from survey.services.outcome import Supermatrices
from survey.services.tables import safe_cell, safe_csv_cell

FORMATS = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "csv": "text/csv"}
#: The matrices and the titles Super Decisions gives them (its menu Computations).
MATRICES = (("unweighted", "Unweighted Super Matrix"), ("weighted", "Weighted Super Matrix"),
            ("limit", "Limit Matrix"))


def grid(supermatrices: Supermatrices, matrix, gettext) -> list[list]:
    """A matrix with its cluster and node headers, as rows of cells."""
    clusters = [gettext(CLUSTER_NAMES[node.kind]) for node in supermatrices.nodes]
    shown = [name if k == 0 or clusters[k - 1] != name else "" for k, name in enumerate(clusters)]
    names = [f"{node.code} {node.name}" for node in supermatrices.nodes]
    rows = [["", ""] + shown, ["", ""] + names]
    for k, (cluster, name) in enumerate(zip(shown, names)):
        rows.append([cluster, name] + [float(value) for value in matrix[k]])
    return [[safe_cell(cell) for cell in row] for row in rows]


def to_bytes(supermatrices: Supermatrices, fmt: str, gettext) -> bytes:
    if fmt == "xlsx":
        book = Workbook()
        book.remove(book.active)
        for attribute, title in MATRICES:
            sheet = book.create_sheet(title)
            for row in grid(supermatrices, getattr(supermatrices, attribute), gettext):
                sheet.append(row)
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
    text = io.StringIO()
    writer = csv.writer(text)
    for attribute, title in MATRICES:
        writer.writerow([title])
        writer.writerows([safe_csv_cell(cell) for cell in row] for row in grid(supermatrices, getattr(supermatrices, attribute),
                                                                                gettext))
        writer.writerow([])
    return text.getvalue().encode("utf-8-sig")

