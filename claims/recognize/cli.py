"""CLI commands of the recognizers: `claims mentions` and `claims eval recognizers`."""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer

from ..errors import InputError
from ..model import Mention
from ..report.jsonio import dumps_line

__all__ = ["register", "mention_record", "mentions_in_document"]


def mention_record(m: Mention, document: str | None = None) -> dict[str, Any]:
    """One JSON Lines record for a mention."""
    rec: dict[str, Any] = {}
    if document is not None:
        rec["document"] = document
    rec.update(kind=m.kind, start=m.start, end=m.end, text=m.text)
    rec["value"] = m.value.model_dump(mode="json") if m.value is not None else None
    rec["time"] = m.time.model_dump(mode="json") if m.time is not None else None
    return rec


def mentions_in_document(doc: Any, lang: str | None = None, published: dt.date | None = None) -> list[Mention]:
    """Mentions inside the kept (main-text) regions of a Document; offsets stay into doc.text."""
    from . import find_mentions

    text: str = doc.text
    lg = lang or doc.language or "fr"
    pub = published or doc.published
    regions = [(s.start, s.end) for s in (doc.kept or [])] or [(0, len(text))]
    out: list[Mention] = []
    for s, e in regions:
        for m in find_mentions(text[s:e], lg, pub):
            upd: dict[str, Any] = {"start": m.start + s, "end": m.end + s}
            if m.time is not None and m.time.start is not None:
                upd["time"] = m.time.model_copy(update={"start": m.time.start + s, "end": (m.time.end or 0) + s})
            out.append(m.model_copy(update=upd))
    return out


def _parse_date(s: str | None) -> dt.date | None:
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        raise InputError(f"--published must be a date YYYY-MM-DD, got {s!r}") from None


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


def _print_table(result: dict) -> None:
    rows = []
    for name, r in result["files"].items():
        for g in ("supported", "not_supported"):
            s = r[g]
            if not s["cases"]:
                continue
            rows.append([
                Path(name).stem, "yes" if g == "supported" else "no", str(s["cases"]), str(s["gold"]), str(s["predicted"]),
                _pct(s["exact"]["precision"]), _pct(s["exact"]["recall"]), _pct(s["exact"]["f1"]),
                _pct(s["overlap"]["f1"]), _pct(s["value_accuracy"]),
            ])
    head = ["file", "supported", "cases", "gold", "ours", "P", "R", "F1", "F1 overlap", "value acc %"]
    try:
        from rich.console import Console
        from rich.table import Table

        t = Table(title=f"Recognizers-Text specs: {result['spec_dir']}")
        for h in head:
            t.add_column(h, justify="left" if h in ("file", "supported") else "right")
        for r in rows:
            t.add_row(*r)
        console = Console()
        if not console.is_terminal:
            console = Console(width=120)
        console.print(t)
    except ImportError:  # pragma: no cover
        print("\t".join(head))
        for r in rows:
            print("\t".join(r))


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add `mentions` to the main app and `recognizers` to `claims eval`."""

    @eval_app.command("recognizers")
    def eval_recognizers(
        specs: Path = typer.Option(..., "--specs", help="folder of Recognizers-Text French specs"),
        file: Optional[list[str]] = typer.Option(None, "--file", help="spec file(s) to run, e.g. CurrencyModel"),
        as_json: bool = typer.Option(False, "--json", help="print one JSON object"),
        errors: bool = typer.Option(False, "--errors", help="list the gold results we miss or get wrong"),
    ) -> None:
        """Span P/R/F1 and exact-value accuracy on Microsoft Recognizers-Text specs."""
        from .evaluate import evaluate_specs

        result = evaluate_specs(specs, file or None, errors=errors)
        if as_json:
            print(json.dumps(result, ensure_ascii=False))
            return
        _print_table(result)
        if errors:
            for name, r in result["files"].items():
                for g in ("supported", "not_supported"):
                    for e in r[g].get("errors", []):
                        print(json.dumps({"file": name, "group": g, **e}, ensure_ascii=False))

    @app.command("mentions")
    def mentions(
        paths: Optional[list[Path]] = typer.Argument(None, help="documents (HTML, text...)"),
        text: Optional[str] = typer.Option(None, "--text", help="recognise mentions in this text"),
        lang: Optional[str] = typer.Option(None, "--lang", help="language (default: the document's, else fr)"),
        published: Optional[str] = typer.Option(None, "--published", help="publication date YYYY-MM-DD"),
    ) -> None:
        """Print money, number, percent, count and date mentions as JSON Lines."""
        pub = _parse_date(published)
        if text is None and not paths:
            raise InputError("give document paths or --text TEXT")
        if text is not None and paths:
            raise InputError("give either document paths or --text, not both")
        out = sys.stdout
        if text is not None:
            from . import find_mentions

            for m in find_mentions(text, lang or "fr", pub):
                out.write(dumps_line(mention_record(m)) + "\n")
            return
        for p in paths or []:
            if not p.exists():
                raise InputError(f"no such file or directory: {p}")
        from ..ingest import load_documents  # lazily: written by another module

        for doc in load_documents([Path(p) for p in paths or []]):
            for m in mentions_in_document(doc, lang, pub):
                out.write(dumps_line(mention_record(m, doc.id)) + "\n")
