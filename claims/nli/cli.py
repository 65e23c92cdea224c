"""CLI commands of the NLI module: ``claims eval nli``, ``claims nli info``, ``claims nli calibrate``.

Heavy imports (numpy, torch, transformers) happen inside the commands, so the CLI starts fast.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import ClaimsError

NliOpt = Annotated[
    Optional[str],
    typer.Option("--nli", help="NLI model: hub id, local folder, 'offline' or 'none' (default: config / CLAIMS_NLI / offline)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object.")]
ThreadsOpt = Annotated[Optional[int], typer.Option("--threads", help="torch threads (CLAIMS_THREADS).")]


def _engine_or_exit(spec: str | None, cache: bool):
    """The engine for ``spec`` (no fallback), or one line on stderr and exit 2."""
    from .engine import get_engine

    try:
        engine = get_engine(spec, required=True, cache=cache)
    except ClaimsError as exc:
        print(f"claims: no NLI model available: {exc}", file=sys.stderr)
        raise typer.Exit(2)
    if engine is None:  # pragma: no cover - required=True never returns None
        print("claims: no NLI model available", file=sys.stderr)
        raise typer.Exit(2)
    return engine


def eval_nli(
    data: Annotated[Path, typer.Option("--data", help="Evaluation file.")],
    format: Annotated[Optional[str], typer.Option("--format", help="xnli | rte3 | daccord | fracas | jsonl (default: from the file name).")] = None,
    nli: NliOpt = None,
    limit: Annotated[Optional[int], typer.Option("--limit", help="Use the first N labelled pairs.")] = None,
    threshold: Annotated[Optional[float], typer.Option("--threshold", help="Contradiction threshold for DACCORD (default: calibrated or 0.5).")] = None,
    heldout: Annotated[bool, typer.Option("--heldout", help="Only the half of the file that models/train_nli.py does not train on (sha1(id) odd).")] = False,
    cache: Annotated[bool, typer.Option("--cache/--no-cache", help="Use the NLI result cache (off: measure the model).")] = False,
    threads: ThreadsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Evaluate an NLI model: accuracy, per-class P/R/F1, confusion, pairs/s (DACCORD: contradiction P/R/F1, AUC)."""
    from .evaluate import apply_threads, evaluate, format_report, load_eval_data

    if limit is not None and limit <= 0:
        raise ClaimsError("--limit must be positive")
    dataset = load_eval_data(data, format, limit)
    if heldout:
        dataset = dataset.heldout_half()
    apply_threads(threads)
    engine = _engine_or_exit(nli, cache)
    res = evaluate(engine, dataset, threshold)
    print(json.dumps(res, ensure_ascii=False) if as_json else format_report(res))


def calibrate(
    data: Annotated[Path, typer.Option("--data", help="DACCORD dev file (label 1 = contradiction).")],
    nli: NliOpt = None,
    format: Annotated[str, typer.Option("--format", help="Binary contradiction format (daccord).")] = "daccord",
    limit: Annotated[Optional[int], typer.Option("--limit", help="Use the first N pairs.")] = None,
    threads: ThreadsOpt = None,
    as_json: JsonOpt = False,
    min_precision: Annotated[Optional[float], typer.Option("--min-precision", help="Instead of the best F1, the lowest threshold whose precision reaches this value (fewer false conflicts).")] = None,
    heldout: Annotated[bool, typer.Option("--heldout", help="Use only the half of the file that models/train_nli.py does not train on (sha1(id) odd).")] = False,
) -> None:
    """Choose the contradiction threshold on DACCORD dev (best F1, or a precision floor) and store it with the model."""
    import numpy as np

    from .calibration import save_calibration
    from .evaluate import BINARY_FORMATS, apply_threads, load_eval_data
    from .metrics import best_f1_threshold, roc_auc

    if format not in BINARY_FORMATS:
        raise ClaimsError(f"calibration needs a binary contradiction data set ({', '.join(sorted(BINARY_FORMATS))})")
    if limit is not None and limit <= 0:
        raise ClaimsError("--limit must be positive")
    dataset = load_eval_data(data, format, limit)
    if heldout:
        dataset = dataset.heldout_half()
    apply_threads(threads)
    engine = _engine_or_exit(nli, cache=True)
    scores = engine.contradiction_many(dataset.pairs)
    gold = np.array(dataset.labels, dtype=int)
    thr, m = best_f1_threshold(scores, gold)
    objective = "best F1"
    if min_precision is not None:
        from .metrics import binary_prf

        cands = sorted(set(float(x) for x in scores))
        ok = [t for t in cands if binary_prf(scores, gold, t)["precision"] >= min_precision and binary_prf(scores, gold, t)["confusion"]["tp"] > 0]
        if ok:
            thr = ok[0]
            m = binary_prf(scores, gold, thr)
            objective = f"precision >= {min_precision}"
        else:
            objective = f"best F1 (no threshold reaches precision {min_precision})"
    record = {
        "threshold": thr,
        "objective": objective,
        "subset": "held-out half (sha1(id) odd)" if heldout else "all",
        "precision": m["precision"],
        "recall": m["recall"],
        "f1": m["f1"],
        "auc": roc_auc(scores, gold),
        "n": len(dataset.pairs),
        "data": Path(data).name,
        "score": "contradiction probability, max over both directions",
        "model": str(getattr(engine.backend, "model_id", None) or engine.backend.name),
    }
    path = save_calibration(engine.backend, record)
    record["file"] = str(path)
    if as_json:
        print(json.dumps(record, ensure_ascii=False))
    else:
        auc = "n/a" if record["auc"] is None else f"{record['auc']:.4f}"
        print(f"contradiction threshold {thr:.4f}: precision {m['precision']:.4f}  recall {m['recall']:.4f}  "
              f"F1 {m['f1']:.4f}  AUC {auc}  on {len(dataset.pairs)} pairs of {Path(data).name}")
        print(f"stored in {path} (scores on the calibration data itself are optimistic)")


def info(
    nli: NliOpt = None,
    load: Annotated[bool, typer.Option("--load/--no-load", help="Try to load the model.")] = True,
    as_json: JsonOpt = False,
) -> None:
    """Which NLI backend and model would be used, and why."""
    from .cache import cache_dir
    from .config import is_local_spec, load_settings

    st = load_settings(nli)
    spec = st.spec
    low = spec.lower()
    kind = ("disabled" if low in {"none", "off", "no", "false", "0", "disabled", "disable"} else
            "offline default" if low == "offline" else
            "local folder" if is_local_spec(spec) else "hub id")
    out: dict = {
        "spec": spec,
        "source": st.source,
        "kind": kind,
        "config_files": [str(p) for p in st.files],
        "threads": st.threads,
        "quantize": st.quantize,
        "cache": str(cache_dir() / "nli.sqlite"),
    }
    if load and kind != "disabled":
        from .calibration import load_calibration
        from .engine import get_engine, last_unavailable_reason

        engine = get_engine(nli, required=False, cache=False)
        if engine is None:
            out.update(available=False, reason=last_unavailable_reason())
        else:
            b = engine.backend
            cal = load_calibration(b)
            out.update(
                available=True,
                backend=b.name,
                model=str(getattr(b, "model_id", None) or b.name),
                path=str(getattr(b, "path", "") or "") or None,
                fingerprint=b.fingerprint,
                threshold=engine.threshold,
                threshold_source=(f"calibrated ({cal[1]})" if cal else "default (not calibrated)"),
            )
    elif kind == "disabled":
        out.update(available=False, reason=f"disabled ({st.source})")
    if as_json:
        print(json.dumps(out, ensure_ascii=False))
        return
    print(f"NLI model: {spec}  [{kind}; from {st.source}]")
    if st.files:
        print("config files: " + ", ".join(out["config_files"]))
    if "available" in out:
        if out["available"]:
            print(f"backend: {out['backend']}  model: {out['model']}")
            if out.get("path"):
                print(f"folder: {out['path']}")
            print(f"fingerprint: {out['fingerprint']}")
            print(f"contradiction threshold: {out['threshold']:.4f} ({out['threshold_source']})")
        else:
            from .config import QUALITY_MODEL, SPEED_MODEL

            print(f"not available: {out['reason']}")
            print(f"hint: --nli /path/to/model-folder, or a hub id such as {QUALITY_MODEL} (quality) "
                  f"or {SPEED_MODEL} (speed), downloaded once with network")
    print(f"cache: {out['cache']}   threads: {st.threads or 'torch default'}   int8: {'yes' if st.quantize else 'no'}")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add ``eval nli`` and the ``nli`` command group to the claims CLI."""
    nli_app = typer.Typer(no_args_is_help=True, pretty_exceptions_enable=False, help="NLI model: info and calibration.")
    nli_app.command("info")(info)
    nli_app.command("calibrate")(calibrate)
    app.add_typer(nli_app, name="nli")
    eval_app.command("nli")(eval_nli)
