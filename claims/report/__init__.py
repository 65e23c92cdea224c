"""Report writers: JSON (the contract), CSV, Markdown and a self-contained HTML page.

    from claims.report import write_report, render, read_report, report_json_schema, FORMATS

``write_report`` picks the format from the file extension (``.json .csv .md .markdown .html .htm``)
unless ``fmt`` is given, and writes atomically (temp file, fsync, ``os.replace``): an existing
report is never left half-written. ``write_reports`` writes several formats all or none.
"""
from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Callable, Optional, TextIO

from ..errors import ClaimsError
from ..model import Report
from .atomic import atomic_write, atomic_write_many, atomic_write_text, check_output
from .common import format_time, format_value, group_has_conflict, sort_groups
from .csvio import CSV_COLUMNS, write_csv
from .html import write_html
from .jsonio import read_report, report_json_schema, report_to_dict, write_json
from .markdown import write_markdown

#: Format name -> file extensions (the first one is the default).
FORMATS: dict[str, tuple[str, ...]] = {
    "json": (".json",),
    "csv": (".csv",),
    "markdown": (".md", ".markdown"),
    "html": (".html", ".htm"),
}

_ALIASES = {ext.lstrip("."): name for name, exts in FORMATS.items() for ext in exts} | {n: n for n in FORMATS}

__all__ = [
    "FORMATS",
    "CSV_COLUMNS",
    "write_report",
    "write_reports",
    "check_output",
    "render",
    "read_report",
    "report_json_schema",
    "report_to_dict",
    "format_for_path",
    "normalize_format",
    "sort_groups",
    "group_has_conflict",
    "format_value",
    "format_time",
    "atomic_write",
    "atomic_write_text",
    "atomic_write_many",
]


def normalize_format(fmt: str) -> str:
    """``"md"``, ``".MD"``, ``"markdown"`` -> ``"markdown"``; unknown -> ClaimsError."""
    key = str(fmt).strip().lower().lstrip(".")
    if key not in _ALIASES:
        raise ClaimsError(f"unknown report format {fmt!r}; use one of: {', '.join(FORMATS)}")
    return _ALIASES[key]


def format_for_path(path: str | os.PathLike) -> str:
    """The report format implied by a file's extension; unknown -> ClaimsError."""
    suffix = Path(path).suffix.lower()
    for name, exts in FORMATS.items():
        if suffix in exts:
            return name
    known = " ".join(e for exts in FORMATS.values() for e in exts)
    shown = f"extension {suffix!r}" if suffix else "no extension"
    raise ClaimsError(f"cannot tell the report format of {Path(path).name} ({shown}); use {known} or give a format")


def _writer(fmt: str, include_text: bool) -> Callable[[Report, TextIO], None]:
    name = normalize_format(fmt)
    if name == "json":
        return lambda report, out: write_json(report, out, include_text=include_text)
    return {"csv": write_csv, "markdown": write_markdown, "html": write_html}[name]


def render(report: Report, fmt: str, *, include_text: bool = True) -> str:
    """The report as text in ``fmt`` (json, csv, markdown/md, html/htm).

    ``include_text`` applies to JSON only: ``False`` blanks ``Document.text``.
    """
    writer = _writer(fmt, include_text)
    buf = io.StringIO(newline="")
    writer(report, buf)
    return buf.getvalue()


def write_report(
    report: Report,
    path: str | os.PathLike,
    fmt: Optional[str] = None,
    *,
    include_text: bool = True,
) -> Path:
    """Write ``report`` to ``path`` atomically; returns the path written.

    The format comes from ``fmt`` or else from the extension. UTF-8 without BOM. A missing parent
    directory, an unknown format or an OS error is a one-line :class:`ClaimsError`.
    """
    writer = _writer(fmt if fmt is not None else format_for_path(path), include_text)
    return atomic_write(path, lambda out: writer(report, out), encoding="utf-8", newline="")


def write_reports(report: Report, paths: list[str | os.PathLike], *, include_text: bool = True) -> list[Path]:
    """Write ``report`` to several files (format from each extension): all of them or none."""
    items = []
    for path in paths:
        writer = _writer(format_for_path(path), include_text)
        items.append((path, lambda out, w=writer: w(report, out)))
    return atomic_write_many(items, encoding="utf-8", newline="")
