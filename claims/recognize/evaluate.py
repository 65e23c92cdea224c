"""Evaluate the recognizers on Microsoft Recognizers-Text test specs (French).

Each spec file is a JSON list of cases ``{"Input", "Results": [{"Text", "TypeName",
"Resolution": {"value", "unit"}, "Start", "End"}], "NotSupported"?...}`` with ``End``
inclusive. Cases marked NotSupported / NotSupportedByDesign are scored separately.

Per file and group we report span precision / recall / F1 (exact span and overlap) and the
exact-value accuracy: the share of gold results whose span is matched (overlap) by one of
our mentions of the right kind and whose value equals ours.
"""
from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

from ..errors import InputError
from . import find_mentions
from .lexicon import CURRENCY_NAMES, fold
from .numbers import find_numbers

__all__ = ["evaluate_specs", "evaluate_file", "DEFAULT_FILES", "GOLD_CURRENCY", "parse_gold_number",
           "gold_results", "score", "model_of", "predict", "load_cases"]

DEFAULT_FILES = [
    "Number/NumberModel.json",
    "Number/PercentModel.json",
    "NumberWithUnit/CurrencyModel.json",
    "NumberWithUnit/DimensionModel.json",
    "DateTime/DateTimeModel.json",
    "DateTime/DatePeriodExtractor.json",
]

# Recognizers-Text French currency unit names -> (ISO 4217 code, factor to the major unit).
GOLD_CURRENCY: dict[str, tuple[str | None, float]] = {
    "dollar": ("USD", 1), "dollar etats-unis": ("USD", 1), "dollar americain": ("USD", 1),
    "dollar canadien": ("CAD", 1), "dollar australien": ("AUD", 1), "dollar neo-zelandais": ("NZD", 1),
    "dollar de hong kong": ("HKD", 1), "dollar de singapour": ("SGD", 1), "euro": ("EUR", 1),
    "livre": ("GBP", 1), "livre sterling": ("GBP", 1), "yen japonais": ("JPY", 1), "yen": ("JPY", 1),
    "yuan chinois": ("CNY", 1), "yuan": ("CNY", 1), "franc": ("FRF", 1), "franc suisse": ("CHF", 1),
    "florins neerlandais": ("NLG", 1), "florin neerlandais": ("NLG", 1), "roupie indienne": ("INR", 1),
    "roupie": ("INR", 1), "rouble": ("RUB", 1), "cent": ("USD", 0.01), "pence": ("GBP", 0.01),
    "penny": ("GBP", 0.01), "pesewa": ("GHS", 0.01), "centime": ("EUR", 0.01),
}


def load_cases(path: Path) -> list[dict]:
    """The cases of a spec file (a JSON list)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read spec file {path}: {exc}") from None
    if not isinstance(data, list):
        raise InputError(f"spec file {path} is not a JSON list of cases")
    return data


def parse_gold_number(s: Any) -> float | None:
    """A Recognizers-Text value ("0,2", "1E-07", "10%", "-1,2732E+15") as a float."""
    if s is None:
        return None
    t = str(s).strip().rstrip("%").replace("\u202f", "").replace(" ", "")
    if "," in t:
        t = t.replace(".", "").replace(",", ".") if t.count(",") == 1 else t.replace(",", "")
    try:
        return float(t)
    except ValueError:
        return None


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _gold_span(case: dict, r: dict) -> tuple[int, int] | None:
    start = r.get("Start")
    if start is None:
        start = (r.get("Resolution") or {}).get("Start") if isinstance(r.get("Resolution"), dict) else None
    if start is not None:
        if r.get("Length") is not None:
            return int(start), int(start) + int(r["Length"])
        end = r.get("End")
        if end is None and isinstance(r.get("Resolution"), dict):
            end = r["Resolution"].get("End")
        if end is not None:
            start, end = int(start), int(end)
            txt = (r.get("Text") or "").lower()
            inp = str(case["Input"]).lower()
            # End is inclusive in these specs, but some cases are written with an exclusive End
            if end >= len(inp) or (txt and inp[start:end + 1] != txt and inp[start:end] == txt):
                return start, end
            return start, end + 1
        if r.get("Text"):
            return int(start), int(start) + len(r["Text"])
    txt = (r.get("Text") or "").strip()
    if txt:
        i = case["Input"].lower().find(txt.lower())
        if i >= 0:
            return i, i + len(txt)
    return None


# -- our side -------------------------------------------------------------------------------
Pred = tuple[int, int, Any]  # start, end, value payload


def _mention_amount(m) -> float | None:
    v = m.value
    if v is None:
        return None
    if v.amount is not None:
        return v.amount
    if v.low is not None and v.low == v.high:
        return v.low
    return None


def predict(model: str, text: str, published: dt.date | None = None) -> list[Pred]:
    """Our (start, end, value) predictions for a spec model ("number", "currency"...)."""
    if model == "number":
        return [(n.start, n.end, n.value) for n in find_numbers(text, "fr")]
    ms = find_mentions(text, "fr", published)
    if model == "percent":
        return [(m.start, m.end, _mention_amount(m)) for m in ms if m.kind == "percent"]
    if model == "currency":
        return [(m.start, m.end, (_mention_amount(m), m.value.currency)) for m in ms if m.kind == "money"]
    if model == "dimension":
        return [(m.start, m.end, _mention_amount(m)) for m in ms if m.kind == "count" and m.value and m.value.unit]
    return [(m.start, m.end, m.time.value if m.time else None) for m in ms if m.kind == "date"]


def gold_value(model: str, r: dict) -> Any:
    """The comparable value of a gold (or Recognizers-Text) result."""
    res = r.get("Resolution")
    if model == "dateperiod" or res is None:
        return None
    if model in ("number", "percent", "dimension"):
        return parse_gold_number(res.get("value"))
    if model == "currency":
        v = parse_gold_number(res.get("value"))
        unit = fold(str(res.get("unit") or "")).strip()
        iso, factor = GOLD_CURRENCY.get(unit, (None, 1.0))
        if iso is None:
            hit = CURRENCY_NAMES.get(unit) or CURRENCY_NAMES.get(unit + "s")
            if hit:
                iso, factor = hit
        return (None if v is None else v * factor, iso)
    values = res.get("values") or []
    return [v.get("timex") for v in values if isinstance(v, dict) and v.get("timex")]


def _value_equal(model: str, ours: Any, gold: Any) -> bool:
    if gold is None or ours is None:
        return False
    if model == "currency":
        (a, cur), (b, gcur) = ours, gold
        return _close(a, b) and (gcur is None or cur == gcur)
    if model in ("datetime",):
        return ours in gold
    return _close(ours, gold)


def model_of(name: str) -> str:
    """Spec model of a file name: number, percent, currency, dimension, datetime, dateperiod."""
    n = name.lower()
    for key, model in (("currency", "currency"), ("percent", "percent"), ("dimension", "dimension"),
                       ("dateperiod", "dateperiod"), ("datetime", "datetime"), ("number", "number")):
        if key in n:
            return model
    return "number"


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def score(rows: list[tuple[list, list, str]], model: str) -> dict:
    """Scores of rows (gold [(s, e, value)], predictions [(s, e, value)], input text)."""
    n_gold = n_pred = tp_exact = tp_overlap = value_ok = value_ok_exact = value_gold = 0
    for gold, preds, _ in rows:
        n_gold += len(gold)
        n_pred += len(preds)
        used_exact: set[int] = set()
        for gs, ge, _ in gold:
            for k, (s, e, _) in enumerate(preds):
                if k not in used_exact and (s, e) == (gs, ge):
                    used_exact.add(k)
                    tp_exact += 1
                    break
        used: set[int] = set()
        for gs, ge, gv in gold:
            best, best_ov = None, 0
            for k, (s, e, _) in enumerate(preds):
                if k in used:
                    continue
                ov = min(e, ge) - max(s, gs)
                if ov > best_ov:
                    best, best_ov = k, ov
            if gv is not None:
                value_gold += 1
            if best is None:
                continue
            used.add(best)
            tp_overlap += 1
            if gv is not None and _value_equal(model, preds[best][2], gv):
                value_ok += 1
                if (preds[best][0], preds[best][1]) == (gs, ge):
                    value_ok_exact += 1
    pe = tp_exact / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    re_ = tp_exact / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    po = tp_overlap / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    ro = tp_overlap / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    return {
        "cases": len(rows),
        "gold": n_gold,
        "predicted": n_pred,
        "exact": {"precision": pe, "recall": re_, "f1": _f1(pe, re_)},
        "overlap": {"precision": po, "recall": ro, "f1": _f1(po, ro)},
        "value_gold": value_gold,
        "value_correct": value_ok,
        "value_accuracy": (value_ok / value_gold) if value_gold else None,
        "value_accuracy_exact_span": (value_ok_exact / value_gold) if value_gold else None,
    }


def gold_results(case: dict, model: str) -> list[tuple[int, int, Any]]:
    """Gold (start, end exclusive, value) of a case."""
    gold = []
    for r in case.get("Results") or []:
        span = _gold_span(case, r)
        if span is not None:
            gold.append((span[0], span[1], gold_value(model, r)))
    return gold


def _reference_date(case: dict) -> dt.date | None:
    ctx = case.get("Context") or {}
    ref = ctx.get("ReferenceDateTime") if isinstance(ctx, dict) else None
    if not ref:
        return None
    try:
        return dt.datetime.fromisoformat(str(ref)).date()
    except ValueError:
        return None


def evaluate_file(path: Path, model: str | None = None, errors: bool = False) -> dict:
    """Scores for one spec file: {"supported": {...}, "not_supported": {...}}."""
    model = model or model_of(path.name)
    groups: dict[str, list] = {"supported": [], "not_supported": []}
    for case in load_cases(path):
        if not isinstance(case, dict) or "Input" not in case:
            continue
        text = str(case["Input"])
        gold = gold_results(case, model)
        preds = predict(model, text, _reference_date(case))
        ns = bool(case.get("NotSupported") or case.get("NotSupportedByDesign"))
        groups["not_supported" if ns else "supported"].append((gold, preds, text))
    out: dict[str, Any] = {"file": path.name, "model": model}
    for g, rows in groups.items():
        out[g] = score(rows, model)
        if errors:
            out[g]["errors"] = _errors(rows, model)
    return out


def _errors(rows: list, model: str) -> list[dict]:
    errs = []
    for gold, preds, text in rows:
        for gs, ge, gv in gold:
            hit = [p for p in preds if min(p[1], ge) - max(p[0], gs) > 0]
            if not hit or (gv is not None and not any(_value_equal(model, p[2], gv) for p in hit)):
                errs.append({"input": text[:160], "gold": [text[gs:ge], gv],
                             "ours": [[text[p[0]:p[1]], p[2]] for p in hit]})
    return errs


def evaluate_specs(spec_dir: Path, files: list[str] | None = None, errors: bool = False) -> dict:
    """Evaluate on the spec files under `spec_dir` (default: all known French spec files).

    `files` entries may be relative paths ("Number/NumberModel.json") or bare names
    ("CurrencyModel"). Returns {"spec_dir", "files": {name: scores}}."""
    spec_dir = Path(spec_dir)
    if not spec_dir.is_dir():
        raise InputError(f"spec directory not found: {spec_dir}")
    chosen: list[Path] = []
    wanted = files or DEFAULT_FILES
    for f in wanted:
        p = spec_dir / f
        if not p.suffix:
            p = p.with_suffix(".json")
        if not p.is_file():
            found = sorted(spec_dir.rglob(Path(f).stem + ".json"))
            if not found:
                if files:
                    raise InputError(f"spec file not found under {spec_dir}: {f}")
                continue
            p = found[0]
        chosen.append(p)
    result: dict[str, Any] = {"spec_dir": str(spec_dir), "files": {}}
    for p in chosen:
        result["files"][str(p.relative_to(spec_dir))] = evaluate_file(p, errors=errors)
    return result
