#!/usr/bin/env python
"""Time per stage on hostile inputs at 25, 50 and 100 kB: every stage must grow linearly.

Usage: python benchmarks/bench_hostile.py [--sizes 25,50,100] [--inputs NAME,...] [--no-pipeline]
                                          [--limit 10] [--out bench-results/hostile.json]

Inputs (each cut to the size in kB):

- ``abbrev``: ``"M. " * n`` (a period after each abbreviation: the sentence splitter looked back
  from the start of the paragraph for each one);
- ``digits``: ``"1" * n`` (one run of digits: the phone/version patterns restarted inside it);
- ``dashes``: ``"1-" * n`` (a figure every two characters: the qualifier search before each one);
- ``long_line``: news prose with figures, dates and names on one line with no newline at all;
- ``prose``: the same prose, one sentence a line, each with another figure (the reference).

Stages: ``ingest`` (the text written to a file and read back by ``load_documents``: decoding,
boilerplate, language, publication date), ``sentences`` (``split_sentences``), ``recognizers``
(``find_mentions`` on each sentence, as the pipeline calls it) and ``pipeline`` (the whole
``claims.check(path, nli="none")``, entities and claims included). The table gives seconds per
size and the growth ratio of the last size to the one before it (2.0 = linear for doubling
sizes). A stage that passes ``--limit`` seconds is not run on the larger sizes. The results go to
``--out`` as JSON.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claims import check  # noqa: E402
from claims.ingest import load_documents  # noqa: E402
from claims.recognize import find_mentions  # noqa: E402
from claims.sentences import split_sentences  # noqa: E402

PROSE = ("Selon M. Dupont, Microsoft a investi plus de 10 milliards de dollars dans OpenAI en janvier 2023, "
         "après 1 milliard en 2019. ")


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


INPUTS: dict[str, Callable[[int], str]] = {
    "abbrev": lambda n: _repeat("M. ", n),
    "digits": lambda n: "1" * n,
    "dashes": lambda n: _repeat("1-", n),
    "long_line": lambda n: _repeat(PROSE, n).rstrip() + ".",
    "prose": lambda n: _lines(n),
}


def _lines(n: int) -> str:
    """Distinct lines of prose (identical lines would be boilerplate), ``n`` characters in all."""
    out, size, i = [], 0, 0
    while size < n:
        i += 1
        line = PROSE.replace("10 milliards", f"{i} milliards").rstrip() + "\n"
        out.append(line)
        size += len(line)
    return "".join(out)[:n]
STAGES = ("ingest", "sentences", "recognizers", "pipeline")


def _timed(fn: Callable[[], object]) -> float:
    gc.collect()
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def _measure(stage: str, path: Path) -> float:
    if stage == "ingest":
        return _timed(lambda: load_documents([path]))
    if stage == "pipeline":
        return _timed(lambda: check([str(path)], nli="none"))
    doc = load_documents([path])[0]
    if stage == "sentences":
        return _timed(lambda: split_sentences(doc))
    sentences = split_sentences(doc)
    lang = doc.language or "fr"
    return _timed(lambda: [find_mentions(s.text, lang, doc.published) for s in sentences])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="25,50,100", help="sizes in kB (1 kB = 1000 characters)")
    ap.add_argument("--inputs", default=",".join(INPUTS), help="which inputs: " + ", ".join(INPUTS))
    ap.add_argument("--no-pipeline", action="store_true", help="skip the whole-pipeline rows")
    ap.add_argument("--limit", type=float, default=10.0, help="seconds after which a stage is not run on larger sizes")
    ap.add_argument("--out", default="bench-results/hostile.json")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    names = [n.strip() for n in args.inputs.split(",") if n.strip()]
    unknown = [n for n in names if n not in INPUTS]
    if unknown:
        ap.error(f"unknown input(s): {', '.join(unknown)}")
    stages = [s for s in STAGES if not (args.no_pipeline and s == "pipeline")]

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp, "warm.txt")
        warm.write_text(PROSE * 3, encoding="utf-8")
        check([str(warm)], nli="none")  # load spaCy, lingua and the tables once
        warm.write_text(_lines(3000), encoding="utf-8")
        load_documents([warm])  # and what reading many lines loads
        for name in names:
            for stage in stages:
                times: list[float | None] = []
                for kb in sizes:
                    if times and (times[-1] is None or times[-1] > args.limit):
                        times.append(None)
                        continue
                    path = Path(tmp, f"{name}-{kb}kB.txt")
                    path.write_text(INPUTS[name](kb * 1000), encoding="utf-8")
                    times.append(_measure(stage, path))
                growth = times[-1] / times[-2] if len(times) > 1 and times[-1] and times[-2] else None
                rows.append({"input": name, "stage": stage, "seconds": times, "growth": growth})
                cells = "  ".join(f"{t:8.2f}" if t is not None else f"{'-':>8}" for t in times)
                print(f"{name:10} {stage:12} {cells}  {'x%.2f' % growth if growth else '-':>7}", flush=True)

    head = f"{'input':10} {'stage':12} " + "  ".join(f"{str(kb) + ' kB':>8}" for kb in sizes) + f"  {'growth':>7}"
    ratio = sizes[-1] / sizes[-2] if len(sizes) > 1 else 1
    worst = max((r for r in rows if r["growth"]), key=lambda r: r["growth"], default=None)
    slowest = max((t for r in rows for t in r["seconds"] if t is not None), default=0.0)
    print()
    print(head)
    for r in rows:
        cells = "  ".join(f"{t:8.2f}" if t is not None else f"{'-':>8}" for t in r["seconds"])
        print(f"{r['input']:10} {r['stage']:12} {cells}  {'x%.2f' % r['growth'] if r['growth'] else '-':>7}")
    print(f"(seconds; growth = time at {sizes[-1]} kB / time at {sizes[-2] if len(sizes) > 1 else sizes[-1]} kB, "
          f"linear = x{ratio:.1f})")
    if worst:
        print(f"largest growth: {worst['input']}/{worst['stage']} x{worst['growth']:.2f}; slowest: {slowest:.2f} s")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "sizes_kB": sizes, "limit_s": args.limit, "rows": rows,
    }, indent=2), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
