#!/usr/bin/env python
"""Pipeline throughput on the seeds repeated up to N documents, and how compared pairs grow.

Usage: python benchmarks/bench_pipeline.py [--seeds seeds] [--sizes 5,50,200,1000] [--out bench-results/pipeline.json]
       python benchmarks/bench_pipeline.py --gva ../shared/eval/gva_dev/incidents.jsonl [--docs 400] [--sizes 100,400,1600]

Seeds mode: each size copies the seed articles (with distinct ids) into a temporary corpus and
runs the whole pipeline (NLI off, so the figures measure the pipeline itself). Prints
documents/s, sentences/s, per-stage seconds, claims, groups and pairs compared (against the
n*(n-1)/2 pairs that an all-pairs checker would compare).

gva mode (distinct real articles): the first ``--docs`` articles run three ways in one process,
side by side: spaCy on every sentence in one process (the pipeline before sentence selection),
spaCy only on the sentences that can carry a claim, and that with one worker process per core;
the three reports must be equal (timestamps aside). Then pairs compared at each of ``--sizes``
distinct articles, to show that they grow with the corpus, not with its square.
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


def _gva_inputs(path: str, n: int) -> list:
    from claims.evaluate_corpora import _incident_inputs, load_incidents

    out: list = []
    for inc in load_incidents(path):
        out += _incident_inputs(inc)
        if len(out) >= n:
            break
    return out[:n]


def _run(inputs: list, select: bool, workers: int) -> tuple[float, object, Timings]:
    import claims.pipeline as pl

    pl.SELECT_SENTENCES = select
    tm = Timings()
    t = time.perf_counter()
    r = check(inputs, nli="none", timings=tm, workers=workers)
    return time.perf_counter() - t, r, tm


def gva(args) -> int:
    inputs = _gva_inputs(args.gva, max([args.docs] + [int(s) for s in args.sizes.split(",")]))
    check(inputs[:2], nli="none")  # warm up: load spaCy and tables
    base = inputs[: args.docs]
    configs = [("all sentences, 1 process (before)", False, 1), ("claim sentences, 1 process", True, 1),
               ("claim sentences, 1 process per core", True, 0)]
    rows, reports, claims = [], [], []
    for name, select, workers in configs:
        dt, r, tm = _run(base, select, workers)
        reports.append(r.model_dump(mode="json", exclude={"created": True, "stats": {"seconds"}}))
        claims.append({c.id: c.model_dump(mode="json") for c in r.claims})
        row = {"config": name, "documents": len(r.documents), "seconds": round(dt, 2), "documents_per_s": round(len(r.documents) / dt, 2),
               "claims": r.stats.claims, "pairs_compared": r.stats.pairs_compared, "conflicts": r.stats.conflicts,
               "stages_s": {k: round(v, 2) for k, v in tm.stages.items()}}
        rows.append(row)
        print(f"{name:40s} {row['documents']:5d} docs {dt:7.1f} s {row['documents_per_s']:7.2f} docs/s  "
              f"{row['claims']} claims  {row['pairs_compared']} pairs  {row['conflicts']} conflicts  stages {row['stages_s']}", flush=True)
    same = reports[1] == reports[2]  # processes change nothing
    # names found only in the sentences left out ("Bill Brown" for a later "Brown"): claims
    # whose fields differ from the all-sentences run
    differ = sum(claims[0].get(k) != v for k, v in claims[1].items()) + len(claims[0].keys() - claims[1].keys())
    ratios = {r["config"]: round(r["documents_per_s"] / rows[0]["documents_per_s"], 2) for r in rows}
    print(f"speed-up against '{rows[0]['config']}': {ratios}; one process and one per core give equal reports: {same}; "
          f"claims that differ from the all-sentences run: {differ} of {len(claims[0])}")
    growth = []
    for n in [int(s) for s in args.sizes.split(",")]:
        dt, r, _ = _run(inputs[:n], True, 0)
        growth.append({"documents": len(r.documents), "claims": r.stats.claims, "pairs_compared": r.stats.pairs_compared,
                       "pairs_per_document": round(r.stats.pairs_compared / max(1, len(r.documents)), 2), "seconds": round(dt, 1)})
        print(f"{len(r.documents):5d} distinct articles: {r.stats.claims} claims, {r.stats.pairs_compared} pairs compared "
              f"({growth[-1]['pairs_per_document']} per document), {dt:.1f} s", flush=True)
    out = Path(args.out if args.out != "bench-results/pipeline.json" else "bench-results/pipeline_gva.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"machine": {"cpus": os.cpu_count()}, "configs": rows, "speedup": ratios, "reports_equal": same,
                               "claims_differing_from_all_sentences": differ,
                               "pairs_growth": growth}, indent=2), encoding="utf-8")
    print(f"wrote {out}")
    return 0 if same else 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default="seeds")
    ap.add_argument("--sizes", default=None)
    ap.add_argument("--gva", default=None, help="gva_dev incidents.jsonl: benchmark on distinct real articles")
    ap.add_argument("--docs", type=int, default=400, help="gva mode: articles for the side-by-side runs")
    ap.add_argument("--out", default="bench-results/pipeline.json")
    args = ap.parse_args()
    if args.gva:
        args.sizes = args.sizes or "100,400,1600"
        return gva(args)
    args.sizes = args.sizes or "5,50,200,1000"
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
