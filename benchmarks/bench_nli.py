"""NLI throughput: pairs per second of each backend, cold and on a cached re-run.

    python benchmarks/bench_nli.py [--nli SPEC ...] [--pairs N] [--threads T] [--out bench-results/nli.json]

SPEC is anything ``--nli`` accepts (hub id, local folder, ``offline``) or ``tiny`` (a random
2-layer DeBERTa-v2 built on the fly: measures the plumbing, not a real model). Default:
``tiny`` plus ``offline`` when the offline model is available. Pairs are French news-like
(premise, hypothesis) pairs from DACCORD dev and RTE3-FR dev (../shared/eval). Each backend
runs twice on the same pairs: cold (empty cache in a temp dir: all model work), then as a new
run reading the SQLite cache (no model work); the ratio is cold time / cached time.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
EVAL = REPO.parent / "shared" / "eval"
if not EVAL.is_dir():
    EVAL = Path("/work/shared/eval")


def news_pairs(n: int) -> list[tuple[str, str]]:
    """Up to ``n`` distinct French (premise, hypothesis) pairs from DACCORD and RTE3-FR dev."""
    from claims.nli.evaluate import load_eval_data

    pool: list[tuple[str, str]] = []
    for path, fmt in ((EVAL / "daccord" / "daccord_dev.tsv", "daccord"),
                      (EVAL / "rte3_fr" / "RTE3-FR-dev-set-3class.tsv", "rte3")):
        if path.is_file():
            pool += load_eval_data(path, fmt).pairs
    pool += [(h, p) for p, h in pool]  # both directions, as the pipeline's contradiction check does
    pool = list(dict.fromkeys(pool))
    if not pool:
        raise SystemExit(f"no evaluation data found under {EVAL}")
    return pool[:n]


def build_tiny(folder: Path) -> Path:
    from claims.nli.tiny import build_tiny_nli_model

    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    return build_tiny_nli_model(folder, texts)


def bench_one(label: str, spec: str, pairs: list[tuple[str, str]], cache_root: Path) -> dict:
    import torch

    from claims.nli.cache import NLICache
    from claims.nli.engine import NLIEngine, clear_loaded_backends, get_engine, last_unavailable_reason

    os.environ["CLAIMS_CACHE_DIR"] = str(cache_root / label.replace("/", "_"))
    clear_loaded_backends()
    t0 = time.perf_counter()
    engine = get_engine(spec, required=False, cache=True)
    load_s = time.perf_counter() - t0
    if engine is None:
        return {"spec": label, "available": False, "reason": last_unavailable_reason()}
    b = engine.backend
    engine.predict(pairs[:8])  # warm-up (first-call allocations); those pairs are then cached
    engine = NLIEngine(b, NLICache(Path(os.environ["CLAIMS_CACHE_DIR"]) / "cold.sqlite"))
    t0 = time.perf_counter()
    engine.predict(pairs)
    cold = time.perf_counter() - t0
    rerun = NLIEngine(b, NLICache(Path(os.environ["CLAIMS_CACHE_DIR"]) / "cold.sqlite"))
    t0 = time.perf_counter()
    rerun.predict(pairs)
    warm = time.perf_counter() - t0
    return {
        "spec": label,
        "available": True,
        "backend": b.name,
        "model": str(getattr(b, "model_id", None) or b.name),
        "fingerprint": b.fingerprint,
        "device": str(getattr(b, "device", "cpu")),
        "quantized": bool(getattr(b, "quantized", False)),
        "batch_size": getattr(b, "batch_size", None),
        "max_length": getattr(b, "max_length", None),
        "threads": torch.get_num_threads(),
        "load_seconds": round(load_s, 3),
        "pairs": len(pairs),
        "cold_seconds": round(cold, 4),
        "cold_pairs_per_second": round(len(pairs) / cold, 1),
        "cached_seconds": round(warm, 4),
        "cached_pairs_per_second": round(len(pairs) / warm, 1),
        "cache_hits_on_rerun": rerun.cache_hits,
        "cold_over_cached": round(cold / warm, 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("--nli", action="append", help="backend spec (repeatable); 'tiny' = random tiny model")
    ap.add_argument("--pairs", type=int, default=512)
    ap.add_argument("--threads", type=int, default=None, help="torch threads (CLAIMS_THREADS)")
    ap.add_argument("--out", default=str(REPO / "bench-results" / "nli.json"))
    args = ap.parse_args(argv)
    if args.threads:
        os.environ["CLAIMS_THREADS"] = str(args.threads)
    specs = args.nli or ["tiny", "offline"]
    pairs = news_pairs(args.pairs)
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-nli-") as tmp:
        tmpdir = Path(tmp)
        for spec in specs:
            real = str(build_tiny(tmpdir / "tiny-model")) if spec == "tiny" else spec
            res = bench_one(spec, real, pairs, tmpdir / "cache")
            results.append(res)
            if res["available"]:
                print(f"{spec:<28} cold {res['cold_pairs_per_second']:>9.1f} pairs/s   cached "
                      f"{res['cached_pairs_per_second']:>10.1f} pairs/s   x{res['cold_over_cached']:<7} "
                      f"({res['pairs']} pairs, {res['threads']} threads, {res['device']}, load {res['load_seconds']} s)")
            else:
                print(f"{spec:<28} not available: {res['reason']}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    meta = {"python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count()}
    out.write_text(json.dumps({"benchmark": "nli", "meta": meta, "results": results}, indent=2) + "\n")
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
