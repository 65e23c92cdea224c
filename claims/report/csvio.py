"""CSV report: one row per pair finding, for spreadsheets.

Encoding: UTF-8 *without* BOM (Python, pandas, LibreOffice and recent Excel read it; a BOM would
break naive readers and ``csv.DictReader``'s first header). Rows end with CRLF (RFC 4180); fields
are quoted by the csv module when needed. A header row is always written, even with no findings.
Cells taken from articles that start with ``= + @ TAB CR`` (or ``-`` not followed by a digit) get
a leading apostrophe so that spreadsheets do not run them as formulas.
"""
from __future__ import annotations

import csv
import io
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


def _safe(cell: Optional[str]) -> str:
    """Neutralise spreadsheet formulas in free text; ``None`` -> ``""``."""
    if not cell:
        return ""
    first = cell[0]
    if first in "=+@\t\r" or (first == "-" and not cell[1:2].isdigit()):
        return "'" + cell
    return cell


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _side(index: ReportIndex, claim_id: str) -> dict[str, str]:
    claim: Optional[Claim] = index.claims.get(claim_id)
    if claim is None:
        return {"claim": _safe(claim_id)}
    doc = index.documents.get(claim.document)
    source = ""
    published = ""
    if doc is not None:
        source = doc.source or doc.title or doc.url or doc.path or ""
        published = doc.published.isoformat() if doc.published else ""
    return {
        "claim": _safe(claim.id),
        "document": _safe(claim.document),
        "source": _safe(_one_line(source)),
        "published": published,
        "kind": _safe(claim.kind),
        "value": format_value(claim.value),
        "time": _safe(format_time(claim.time)),
        "scope": claim.scope,
        "text": _safe(_one_line(claim.text)),
    }


def write_csv(report: Report, out: TextIO) -> None:
    """Write one row per finding (groups with conflicts first) to an open text file (newline='')."""
    index = ReportIndex(report)
    writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS), extrasaction="raise")
    writer.writeheader()
    for group in sort_groups(report.groups):
        for finding in sort_findings(group):
            row = {
                "group": _safe(group.id),
                "topic": _safe(_one_line(group.topic)),
                "verdict": finding.verdict,
                "confidence": str(round(finding.confidence, 4)),
                "explanation": _safe(_one_line(finding.explanation)),
                "method": finding.method,
            }
            for prefix, claim_id in (("a", finding.a), ("b", finding.b)):
                for key, val in _side(index, claim_id).items():
                    row[f"{prefix}_{key}"] = val
            writer.writerow(row)


def render_csv(report: Report) -> str:
    """The CSV report as a string."""
    buf = io.StringIO(newline="")
    write_csv(report, buf)
    return buf.getvalue()
