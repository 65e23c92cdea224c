"""Inference speed of the offline e5-small NLI cross-encoder on this CPU, fp32 and int8.

Pairs are real French news sentence pairs (DACCORD dev, fact-checking articles), max length
128. Uses the shipped delta (or ``--delta DIR``); without one, the base with an untrained head
(same cost). Prints the figures and writes ``bench-results/nli_e5_speed.json``.

    python models/bench_nli_speed.py --threads 1 2 --n 256
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims.nli import e5  # noqa: E402

SHARED = Path(os.environ.get("CLAIMS_SHARED_DIR", ROOT.parent / "shared"))


def news_pairs(n: int) -> list[tuple[str, str]]:
    rows = (SHARED / "eval/daccord/daccord_dev.tsv").read_text(encoding="utf-8").splitlines()[1:]
    pairs = [(r.split("\t")[1], r.split("\t")[2]) for r in rows if r.strip()]
    return (pairs * (n // len(pairs) + 1))[:n]


def backend(delta: Path | None, int8: bool, threads: int) -> e5.E5NLIBackend:
    if delta is not None and (delta / e5.DELTA_FILE).is_file():
        return e5.load_offline_nli(delta, threads=threads, int8=int8)
    base = e5.build_e5_checkpoint()
    model, _ = e5.load_nli_classifier(base)
    if int8:
        model = e5.quantize_int8(model)
    return e5.E5NLIBackend(model, e5.load_e5_tokenizer(base), "untrained-head", threads=threads)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=256)
    ap.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--delta", type=Path, default=e5.default_delta_dir())
    ap.add_argument("--out", type=Path, default=ROOT / "bench-results" / "nli_e5_speed.json")
    args = ap.parse_args()
    pairs = news_pairs(args.n)
    results: dict = {"n_pairs": len(pairs), "max_length": 128, "batch_size": args.batch_size,
                     "load_avg_before": list(os.getloadavg()), "runs": []}
    probs: dict[bool, np.ndarray] = {}
    for int8 in (False, True):
        for threads in args.threads:
            be = backend(args.delta, int8, threads)
            be.batch_size = args.batch_size
            be.predict(pairs[:16])  # warm-up
            enc = be.tokenizer([p for p, _ in pairs], [h for _, h in pairs], truncation=True, max_length=128)
            t0 = time.perf_counter()
            p = be.predict(pairs)
            dt = time.perf_counter() - t0
            probs[int8] = p
            run = {"dtype": "int8-dynamic" if int8 else "fp32", "threads": threads,
                   "pairs_per_s": round(len(pairs) / dt, 1), "seconds": round(dt, 2),
                   "mean_tokens": round(float(np.mean([len(x) for x in enc["input_ids"]])), 1),
                   "model": be.fingerprint, "load_avg": list(os.getloadavg())}
            results["runs"].append(run)
            print(run)
    a, b = probs[False], probs[True]
    results["int8_vs_fp32"] = {"argmax_agreement": float((a.argmax(1) == b.argmax(1)).mean()),
                               "max_abs_prob_diff": float(np.abs(a - b).max())}
    print(results["int8_vs_fp32"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
