"""`claims eval nli`: NLI accuracy on XNLI-fr, RTE3-FR, FraCaS-FR, JSONL; contradiction P/R/F1/AUC on DACCORD.

Formats (tab-separated, UTF-8, no quoting):
- ``xnli``: premise, hypothesis, label (no header; a header with premise/hypothesis/label is accepted);
- ``rte3``: header with premise, hypothesis, label (0 entailment, 1 neutral, 2 contradiction) and label_text;
- ``fracas``: header id, premise, hypothesis, label; ``undef`` problems are skipped (and counted);
- ``daccord``: header with premise, hypothesis, label (1 contradiction, 0 compatible): binary;
- ``jsonl``: one ``{"premise", "hypothesis", "label"}`` object a line (label a name or 0/1/2).
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ClaimsError, InputError
from .base import LABELS

FORMATS = ("xnli", "rte3", "daccord", "fracas", "jsonl")
BINARY_FORMATS = {"daccord"}
_LABEL_WORDS = {
    "entailment": "entailment", "entails": "entailment", "entail": "entailment", "yes": "entailment",
    "neutral": "neutral", "unknown": "neutral", "neutre": "neutral",
    "contradiction": "contradiction", "contradict": "contradiction", "no": "contradiction",
}
_SKIP_LABELS = {"undef", "undefined", "-", ""}
_NUMERIC = {"0": "entailment", "1": "neutral", "2": "contradiction"}


@dataclass
class EvalData:
    """Pairs and gold labels read from an evaluation file."""

    path: Path
    format: str
    pairs: list[tuple[str, str]]
    labels: list[Any]  # LABELS names (3-class) or 0/1 (binary)
    skipped: dict[str, int] = field(default_factory=dict)
    ids: list[str] = field(default_factory=list)  # the file's id column when it has one

    def heldout_half(self) -> "EvalData":
        """The pairs models/train_nli.py never trains on: sha1(id) odd (files with an id column)."""
        import hashlib

        if len(self.ids) != len(self.pairs):
            raise ClaimsError(f"{self.path}: no id column, so the training split cannot be reproduced")
        keep = [i for i, x in enumerate(self.ids) if int(hashlib.sha1(x.encode()).hexdigest(), 16) % 2 == 1]
        return EvalData(self.path, self.format, [self.pairs[i] for i in keep], [self.labels[i] for i in keep],
                        dict(self.skipped), [self.ids[i] for i in keep])

    @property
    def binary(self) -> bool:
        return self.format in BINARY_FORMATS


def guess_format(path: str | Path) -> str:
    """Format from the file name (xnli / rte / daccord / fracas / .jsonl)."""
    name = Path(path).name.lower()
    if name.endswith((".jsonl", ".json")):
        return "jsonl"
    for key, fmt in (("xnli", "xnli"), ("rte", "rte3"), ("daccord", "daccord"), ("fracas", "fracas")):
        if key in name:
            return fmt
    raise ClaimsError(f"cannot tell the format of {path}; give --format ({'|'.join(FORMATS)})")


def _read_lines(path: Path) -> list[str]:
    if not path.is_file():
        raise InputError(f"evaluation file not found: {path}")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return [ln.rstrip("\r") for ln in text.split("\n")]


def _label3(raw: Any, where: str, skipped: dict[str, int]) -> str | None:
    s = str(raw).strip().lower()
    if s in _SKIP_LABELS:
        skipped[s or "empty"] = skipped.get(s or "empty", 0) + 1
        return None
    if s in _LABEL_WORDS:
        return _LABEL_WORDS[s]
    if s in _NUMERIC:
        return _NUMERIC[s]
    raise ClaimsError(f"{where}: unknown label {raw!r} (expected entailment, neutral or contradiction)")


def _columns(header: list[str], where: str) -> tuple[int, int, int, int | None]:
    low = [h.strip().lower() for h in header]

    def find(*names: str) -> int | None:
        for n in names:
            if n in low:
                return low.index(n)
        return None

    p, h = find("premise", "sentence1", "text"), find("hypothesis", "sentence2")
    lab = find("label", "gold_label")
    if p is None or h is None or lab is None:
        raise ClaimsError(f"{where}: header must name premise, hypothesis and label columns, got {header}")
    return p, h, lab, find("label_text")


def load_eval_data(path: str | Path, fmt: str | None = None, limit: int | None = None) -> EvalData:
    """Read an evaluation file (one-line ClaimsError for a missing or malformed file)."""
    path = Path(path).expanduser()
    fmt = (fmt or guess_format(path)).lower()
    if fmt not in FORMATS:
        raise ClaimsError(f"unknown format {fmt!r} (expected {', '.join(FORMATS)})")
    lines = _read_lines(path)
    data = EvalData(path=path, format=fmt, pairs=[], labels=[])
    if fmt == "jsonl":
        for no, ln in enumerate(lines, 1):
            if limit is not None and len(data.pairs) >= limit:
                break
            if not ln.strip():
                continue
            where = f"{path}:{no}"
            try:
                obj = json.loads(ln)
            except json.JSONDecodeError as exc:
                raise ClaimsError(f"{where}: invalid JSON ({exc.msg})") from None
            if not isinstance(obj, dict) or not {"premise", "hypothesis", "label"} <= set(obj):
                raise ClaimsError(f"{where}: expected an object with premise, hypothesis and label")
            lab = _label3(obj["label"], where, data.skipped)
            if lab is not None:
                data.pairs.append((str(obj["premise"]), str(obj["hypothesis"])))
                data.labels.append(lab)
    else:
        rows = [(no, ln.split("\t")) for no, ln in enumerate(lines, 1) if ln.strip()]
        if not rows:
            raise ClaimsError(f"{path}: empty evaluation file")
        first = [c.strip().lower() for c in rows[0][1]]
        has_header = fmt != "xnli" or ("premise" in first or "sentence1" in first)
        id_col = None
        if has_header:
            p, h, lab, lab_text = _columns(rows[0][1], f"{path}:1")
            id_col = first.index("id") if "id" in first else None
            rows = rows[1:]
        else:
            p, h, lab, lab_text = 0, 1, 2, None
        need = max(c for c in (p, h, lab, lab_text) if c is not None) + 1
        for no, cols in rows:
            if limit is not None and len(data.pairs) >= limit:
                break
            where = f"{path}:{no}"
            if len(cols) < need:
                raise ClaimsError(f"{where}: expected at least {need} tab-separated columns, found {len(cols)}")
            raw = cols[lab].strip()
            if fmt == "daccord":
                if raw not in {"0", "1"}:
                    raise ClaimsError(f"{where}: DACCORD label must be 1 (contradiction) or 0 (compatible), not {raw!r}")
                label: Any = int(raw)
            else:
                label = _label3(cols[lab_text] if lab_text is not None and cols[lab_text].strip() else raw,
                                where, data.skipped)
                if label is None:
                    continue
            data.pairs.append((cols[p].strip(), cols[h].strip()))
            data.labels.append(label)
            if id_col is not None:
                data.ids.append(cols[id_col].strip())
    if not data.pairs:
        raise ClaimsError(f"{path}: no labelled pairs found")
    return data


def evaluate(engine, data: EvalData, threshold: float | None = None) -> dict[str, Any]:
    """Run ``engine`` on ``data``; 3-class metrics, or contradiction metrics for binary data."""
    from .metrics import binary_prf, multiclass_report, roc_auc

    backend = engine.backend
    asked_before, hits_before = engine.pairs, engine.cache_hits
    t0 = time.perf_counter()
    if data.binary:
        scores = engine.contradiction_many(data.pairs)
    else:
        probs = engine.predict(data.pairs)
    seconds = time.perf_counter() - t0
    asked = engine.pairs - asked_before
    hits = engine.cache_hits - hits_before
    common = {
        "data": str(data.path),
        "format": data.format,
        "n": len(data.pairs),
        "skipped": data.skipped,
        "backend": backend.name,
        "model": str(getattr(backend, "model_id", None) or backend.name),
        "fingerprint": backend.fingerprint,
        "model_pairs": asked,  # NLI pairs scored (2 per pair for the symmetric contradiction score)
        "cache_hits": hits,
        "seconds": round(seconds, 3),
        "pairs_per_second": (asked / seconds) if seconds > 0 else None,
        "threads": _threads(),
    }
    if data.binary:
        thr = engine.threshold if threshold is None else float(threshold)
        gold = np.array(data.labels, dtype=int)
        m = binary_prf(scores, gold, thr)
        return {
            "precision": m["precision"],
            "recall": m["recall"],
            "f1": m["f1"],
            "auc": roc_auc(scores, gold),
            "accuracy": m["accuracy"],
            "confusion": m["confusion"],
            "threshold": thr,
            "threshold_source": "given" if threshold is not None else (
                "calibrated" if engine.contradiction_threshold is not None else "default"),
            "score": "contradiction probability, max over both directions",
            **common,
        }
    pred = [LABELS[i] for i in probs.argmax(axis=1)]
    rep = multiclass_report(data.labels, pred, LABELS)
    return {**rep, **common}


def _threads() -> int | None:
    try:
        import torch

        return int(torch.get_num_threads())
    except Exception:  # pragma: no cover
        return None


def format_report(res: dict[str, Any]) -> str:
    """Human-readable evaluation report."""
    out = [f"NLI evaluation: {Path(res['data']).name} ({res['format']}, {res['n']} pairs) - {res['backend']} {res['model']}"]
    if res.get("skipped"):
        out.append("skipped: " + ", ".join(f"{k} {v}" for k, v in res["skipped"].items()))
    if "per_class" in res:
        out.append(f"accuracy {res['accuracy']:.4f}   macro-F1 {res['macro_f1']:.4f}")
        out.append(f"{'class':<15}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}")
        for lab, m in res["per_class"].items():
            out.append(f"{lab:<15}{m['precision']:>10.4f}{m['recall']:>10.4f}{m['f1']:>10.4f}{m['support']:>9}")
        labels = res["confusion"]["labels"]
        out.append("confusion (rows gold, columns predicted)")
        out.append(" " * 15 + "".join(f"{lab[:13]:>15}" for lab in labels))
        for lab, row in zip(labels, res["confusion"]["matrix"]):
            out.append(f"{lab:<15}" + "".join(f"{v:>15}" for v in row))
    else:
        auc = "n/a" if res["auc"] is None else f"{res['auc']:.4f}"
        out.append(f"contradiction: precision {res['precision']:.4f}  recall {res['recall']:.4f}  "
                   f"F1 {res['f1']:.4f}  AUC {auc}  (threshold {res['threshold']:.4f}, {res['threshold_source']})")
        c = res["confusion"]
        out.append(f"tp {c['tp']}  fp {c['fp']}  fn {c['fn']}  tn {c['tn']}   accuracy {res['accuracy']:.4f}")
    pps = res.get("pairs_per_second")
    out.append(f"pairs/second {pps:.1f} ({res['model_pairs']} model pairs in {res['seconds']:.2f} s, "
               f"{res['threads']} threads)" if pps else f"{res['model_pairs']} model pairs")
    return "\n".join(out)


def apply_threads(threads: int | None) -> None:
    """Make ``--threads`` visible to the engine loader (``CLAIMS_THREADS``)."""
    if threads:
        if threads <= 0:
            raise ClaimsError("--threads must be positive")
        os.environ["CLAIMS_THREADS"] = str(int(threads))
