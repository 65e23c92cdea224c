"""The reviewed report as JSON, CSV or a self-contained HTML page.

JSON is the standard report (``claims.report``) whose findings carry ``review`` (state, note,
fingerprint, changed): it validates against the report schema. CSV is the standard CSV with review
columns appended (every cell through :func:`claims.report.csvio.safe_cell`, as in the CLI). HTML is a static copy of the review page (inline CSS, no script, no forms).
"""
from __future__ import annotations

import csv
import io
from typing import Callable

from ..model import Report
from ..report import render
from ..report.csvio import safe_cell
from .views import Filters, build_review_page

#: Columns appended to the standard CSV report.
REVIEW_COLUMNS = ("review_state", "review_note", "review_changed", "review_updated", "fingerprint")
FORMATS = {"json": "application/json", "csv": "text/csv", "html": "text/html"}


def export_json(report: Report) -> str:
    return render(report, "json")


def export_csv(report: Report) -> str:
    """The standard CSV (one row per finding) with the review columns appended."""
    by_pair = {}
    for g in report.groups:
        for f in g.findings:
            by_pair[(g.id, f.a, f.b)] = f.review
    rows = list(csv.reader(io.StringIO(render(report, "csv"), newline="")))
    header, body = rows[0], rows[1:]
    col = {name: i for i, name in enumerate(header)}
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow([*header, *REVIEW_COLUMNS])

    def raw(v: str) -> str:
        return v[1:] if v.startswith("'") else v

    for row in body:
        key = (raw(row[col["group"]]), raw(row[col["a_claim"]]), raw(row[col["b_claim"]]))
        r = by_pair.get(key)
        if r is None:
            extra = ["", "", "", "", ""]
        else:
            extra = [r.state, " ".join(r.note.split()), "yes" if r.changed else "",
                     r.updated.isoformat() if r.updated else "", r.fingerprint or ""]
        writer.writerow([*row, *(safe_cell(c) for c in extra)])
    return out.getvalue()


def export_html(report: Report, render_template: Callable[..., str], new: set[str]) -> str:
    """A static page: summary, every group with its findings, review states and notes."""
    page = build_review_page(report, Filters(), new)
    return render_template("export.html", page=page)
