"""CSV injection: no cell of a CSV that claims writes starts like a spreadsheet formula. One
function (`claims.report.csvio.safe_cell`) for the CLI report and the web export."""
from __future__ import annotations

import csv
import io

import pytest

from claims.model import Claim, Document, Finding, Group, Report, Sentence
from claims.report import render
from claims.report.csvio import safe_cell

DANGEROUS = ["=1+1", "+1+1", "@SUM(A1)", "\t=1", "\r=1", "-2+3+cmd|' /C calc'!A0", "-cmd", "- 2", "-", "-1e5+1",
             "=HYPERLINK(\"http://x\")"]
PLAIN = ["", "texte", "2", "-2", "-3.5", "-1,25", "-1e5", "10 000 000 000 USD", "'=already", "a=b"]


@pytest.mark.parametrize("cell", DANGEROUS)
def test_formulas_get_an_apostrophe(cell):
    assert safe_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", PLAIN)
def test_plain_cells_are_unchanged(cell):
    assert safe_cell(cell) == cell


def test_none_is_empty():
    assert safe_cell(None) == ""


def _report(texts: list[str]) -> Report:
    docs, sents, claims = [], [], []
    for i, t in enumerate(texts):
        d = f"{t[:3]}doc{i}"
        docs.append(Document(id=d, source=t, title=t, text=t))
        sents.append(Sentence(document=d, index=0, start=0, end=len(t), text=t))
        claims.append(Claim(id=f"{t[:2]}c{i}", document=d, sentence=0, start=0, end=len(t), text=t, kind="investment"))
    group = Group(id="=g1", kind="investment", topic="=cmd|' /C calc'!A0", claims=[c.id for c in claims], has_conflict=True,
                  findings=[Finding(a=claims[i].id, b=claims[i + 1].id, verdict="conflict", confidence=0.5,
                                    explanation="-2+3+cmd|' /C calc'!A0") for i in range(len(claims) - 1)])
    return Report(documents=docs, sentences=sents, claims=claims, groups=[group])


def test_every_cell_of_the_csv_report_is_safe():
    report = _report(DANGEROUS)
    rows = list(csv.reader(io.StringIO(render(report, "csv"), newline="")))
    cells = [c for row in rows[1:] for c in row]
    assert len(rows) == len(DANGEROUS)
    assert all(not c or c[0] not in "=+@\t\r" for c in cells), [c for c in cells if c and c[0] in "=+@\t\r"]
    assert all(not c.startswith("-") or safe_cell(c) == c for c in cells)
    assert "'-2+3+cmd|' /C calc'!A0" in cells


def test_web_export_uses_the_same_function():
    from claims.web import exports

    assert exports.safe_cell is safe_cell
    assert not hasattr(exports, "_safe")
