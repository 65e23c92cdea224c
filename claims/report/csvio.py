"""CSV report: one row per pair finding, for spreadsheets.

Encoding: UTF-8 *without* BOM (Python, pandas, LibreOffice and recent Excel read it; a BOM would
break naive readers and ``csv.DictReader``'s first header). Rows end with CRLF (RFC 4180); fields
are quoted by the csv module when needed. A header row is always written, even with no findings.
Every cell that starts with ``= + @ TAB CR`` (or ``-`` when the cell is not a plain number) gets
a leading apostrophe so that spreadsheets do not run it as a formula (:func:`safe_cell`).
"""
from __future__ import annotations

import csv
import io
import re
from typing import Optional, TextIO

from ..model import Claim, Report
from .common import ReportIndex, format_time, format_value, sort_findings, sort_groups

_SIDE_FIELDS = ("claim", "document", "source", "published", "kind", "value", "time", "scope", "text")

#: Column names, in order.
CSV_COLUMNS: tuple[str, ...] = (
    "group",
    "topic",
    "verdict",
    "confidence",
    *(f"a_{f}" for f in _SIDE_FIELDS),
    *(f"b_{f}" for f in _SIDE_FIELDS),
    "explanation",
    "method",
)


_PLAIN_NUMBER = re.compile(r"-\d+(?:[.,]\d+)*(?:[eE][-+]?\d+)?")


def safe_cell(cell: Optional[str]) -> str:
    """A CSV cell that no spreadsheet runs as a formula; ``None`` -> ``""``.

    A cell starting with ``=``, ``+``, ``@``, a tab or a carriage return, or with ``-`` unless
    the whole cell is a plain number ("-2", "-3.5"), gets a leading apostrophe: "-2+3+cmd|' /C
    calc'!A0" is a formula. The one rule for every CSV that ``claims`` writes (the report, the web
    app's export).
    """
    if not cell:
        return ""
    cell = str(cell)
    first = cell[0]
    if first in "=+@\t\r" or (first == "-" and not _PLAIN_NUMBER.fullmatch(cell)):
        return "'" + cell
    return cell


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _side(index: ReportIndex, claim_id: str) -> dict[str, str]:
    claim: Optional[Claim] = index.claims.get(claim_id)
    if claim is None:
        return {"claim": claim_id}
    doc = index.documents.get(claim.document)
    source = ""
    published = ""
    if doc is not None:
        source = doc.source or doc.title or doc.url or doc.path or ""
        published = doc.published.isoformat() if doc.published else ""
    return {
        "claim": claim.id,
        "document": claim.document,
        "source": _one_line(source),
        "published": published,
        "kind": claim.kind,
        "value": format_value(claim.value),
        "time": format_time(claim.time),
        "scope": claim.scope,
        "text": _one_line(claim.text),
    }


def write_csv(report: Report, out: TextIO) -> None:
    """Write one row per finding (groups with conflicts first) to an open text file (newline='')."""
    index = ReportIndex(report)
    writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS), extrasaction="raise")
    writer.writeheader()
    for group in sort_groups(report.groups):
        for finding in sort_findings(group):
            row = {
                "group": group.id,
                "topic": _one_line(group.topic),
                "verdict": finding.verdict,
                "confidence": str(round(finding.confidence, 4)),
                "explanation": _one_line(finding.explanation),
                "method": finding.method,
            }
            for prefix, claim_id in (("a", finding.a), ("b", finding.b)):
                for key, val in _side(index, claim_id).items():
                    row[f"{prefix}_{key}"] = val
            writer.writerow({k: safe_cell(v) for k, v in row.items()})


def render_csv(report: Report) -> str:
    """The CSV report as a string."""
    buf = io.StringIO(newline="")
    write_csv(report, buf)
    return buf.getvalue()
