"""JSON report: ``Report.model_dump(mode="json")``, UTF-8, ``ensure_ascii=False``, indent 2.

This is the contract the evaluation reads. Every field of the model is kept. ``Document.text`` is
included by default (the HTML report and a web app rebuild highlights from it); with
``include_text=False`` it is written as ``""`` so the file still validates against the schema.
"""
from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from ..errors import ClaimsError
from ..model import SCHEMA_VERSION, Report

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def report_to_dict(report: Report, *, include_text: bool = True) -> dict[str, Any]:
    """The JSON-ready dict of a report (all fields; document texts blanked unless ``include_text``)."""
    data = report.model_dump(mode="json")
    if not include_text:
        for doc in data["documents"]:
            doc["text"] = ""
    return data


def json_safe(obj: Any) -> Any:
    """``obj`` with every non-finite float (inf, -inf, NaN) replaced by None (JSON ``null``).

    JSON has no infinity: ``json.dumps`` would write ``Infinity``, which no JSON parser reads.
    For a value bound, null means unbounded, which is what an infinite bound says.
    """
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: json_safe(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [json_safe(v) for v in obj]
    return obj


def dumps_line(obj: Any) -> str:
    """One JSON Lines record: compact, UTF-8 text, never ``Infinity``/``NaN``."""
    return json.dumps(json_safe(obj), ensure_ascii=False, allow_nan=False)


def _non_finite_path(obj: Any, path: str = "$") -> str | None:
    if isinstance(obj, float) and not math.isfinite(obj):
        return path
    if isinstance(obj, dict):
        for k, v in obj.items():
            found = _non_finite_path(v, f"{path}.{k}")
            if found:
                return found
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            found = _non_finite_path(v, f"{path}[{i}]")
            if found:
                return found
    return None


def render_json(report: Report, *, include_text: bool = True) -> str:
    """The report as JSON text (ends with a newline). Non-finite numbers are a ClaimsError."""
    data = report_to_dict(report, include_text=include_text)
    try:
        return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    except ValueError:
        where = _non_finite_path(data) or "?"
        raise ClaimsError(f"report holds a non-finite number at {where}; use null for unbounded") from None


def write_json(report: Report, out: TextIO, *, include_text: bool = True) -> None:
    """Write the JSON report to an open text file."""
    out.write(render_json(report, include_text=include_text))


def report_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :class:`claims.model.Report`, for ``claims schema``."""
    schema = Report.model_json_schema()
    return {"$schema": JSON_SCHEMA_DIALECT, **schema}


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err.get("loc", ())) or "(top level)"
    more = exc.error_count() - 1
    tail = f" (and {more} more error{'s' if more > 1 else ''})" if more > 0 else ""
    return f"{loc}: {err.get('msg', 'invalid')}{tail}"


def read_report(path: str | os.PathLike) -> Report:
    """Read a JSON report back into the model. Any problem is a one-line ClaimsError."""
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ClaimsError(f"report not found: {p}") from None
    except IsADirectoryError:
        raise ClaimsError(f"not a report file: {p} is a directory") from None
    except UnicodeDecodeError:
        raise ClaimsError(f"report {p} is not UTF-8 text") from None
    except OSError as exc:
        raise ClaimsError(f"cannot read report {p}: {exc.strerror or exc}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ClaimsError(f"report {p} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    if not isinstance(data, dict):
        raise ClaimsError(f"report {p} is not a JSON object")
    version = str(data.get("schema_version", SCHEMA_VERSION))
    if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise ClaimsError(f"report {p} has schema version {version}; this version of claims reads {SCHEMA_VERSION}")
    try:
        return Report.model_validate(data)
    except ValidationError as exc:
        raise ClaimsError(f"report {p} does not match the report schema: {_first_error(exc)}") from None
