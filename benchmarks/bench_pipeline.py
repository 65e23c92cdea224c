#!/usr/bin/env python
"""Pipeline throughput on the seeds repeated up to N documents, and how compared pairs grow.

Usage: python benchmarks/bench_pipeline.py [--seeds seeds] [--sizes 5,50,200,1000] [--out bench-results/pipeline.json]

Each size copies the seed articles (with distinct ids) into a temporary corpus and runs the
whole pipeline (NLI off, so the figures measure the pipeline itself). Prints documents/s,
sentences/s, per-stage seconds, claims, groups and pairs compared (against the n*(n-1)/2 pairs
that an all-pairs checker would compare).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claims.pipeline import Timings, check  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default="seeds")
    ap.add_argument("--sizes", default="5,50,200,1000")
    ap.add_argument("--out", default="bench-results/pipeline.json")
    args = ap.parse_args()
    seeds = sorted(p for p in Path(args.seeds).iterdir() if p.is_file())
    sizes = [int(s) for s in args.sizes.split(",")]
    check([str(seeds[0])], nli="none")  # warm up: load spaCy and tables
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            for i in range(n):
                src = seeds[i % len(seeds)]
                Path(tmp, f"{i:05d}_{src.name}").write_text(src.read_text("utf-8"), encoding="utf-8")
            tm = Timings()
            t = time.perf_counter()
            r = check([tmp], nli="none", timings=tm)
            dt = time.perf_counter() - t
        claims = r.stats.claims
        row = {
            "documents": n,
            "seconds": round(dt, 3),
            "documents_per_s": round(n / dt, 2),
            "sentences": r.stats.sentences,
            "sentences_per_s": round(r.stats.sentences / dt, 1),
            "claims": claims,
            "groups": r.stats.groups,
            "pairs_compared": r.stats.pairs_compared,
            "all_pairs_of_claims": claims * (claims - 1) // 2,
            "stages_s": {k: round(v, 3) for k, v in tm.stages.items()},
        }
        rows.append(row)
        print(f"{n:5d} docs  {dt:7.2f} s  {row['documents_per_s']:7.2f} docs/s  {row['sentences_per_s']:8.1f} sent/s  "
              f"{claims:6d} claims  {r.stats.groups:4d} groups  {r.stats.pairs_compared:7d} pairs compared "
              f"(all pairs: {row['all_pairs_of_claims']})  stages: {row['stages_s']}", flush=True)
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        print(f"corpus x{b['documents'] / a['documents']:.0f}: pairs compared x{(b['pairs_compared'] or 1) / (a['pairs_compared'] or 1):.1f}, "
              f"throughput ratio (docs/s) {b['documents_per_s'] / a['documents_per_s']:.2f}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"machine": {"cpus": os.cpu_count()}, "runs": rows}, indent=2), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
