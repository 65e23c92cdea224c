#!/usr/bin/env python3
"""Speed and accuracy of our recognizers vs. Microsoft Recognizers-Text (Python), side by side.

Both systems run on the same inputs (the French CurrencyModel, NumberModel and PercentModel
spec cases): ours in this process, Microsoft's `recognizers-text-suite` either imported (if
importable here) or in a worker subprocess of a separate virtualenv that times itself, so
process start and model loading are not counted. Microsoft's package is NOT a dependency of
`claims`; install it apart:

    python3 -m venv .venv-rt && .venv-rt/bin/pip install "recognizers-text-suite==1.0.2a2" "emoji<1"

Usage:
    python benchmarks/bench_recognizers.py --specs ../shared/eval/recognizers_fr \
        [--rt-python .venv-rt/bin/python] [--repeat 3] [--out bench-results/recognizers.json]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims.recognize.evaluate import (  # noqa: E402
    gold_results,
    gold_value,
    load_cases,
    predict,
    score,
)

FILES = {
    "currency": "NumberWithUnit/CurrencyModel.json",
    "number": "Number/NumberModel.json",
    "percent": "Number/PercentModel.json",
}

# Runs inside the Recognizers-Text environment: reads {"cases": [[model, text]], "repeat": n}
# on stdin, warms every model up, then times `repeat` passes over all cases.
WORKER = r'''
import json, sys, time
from recognizers_suite import Culture, recognize_currency, recognize_number, recognize_percentage
job = json.load(sys.stdin)
fns = {"currency": recognize_currency, "number": recognize_number, "percent": recognize_percentage}
for m, f in fns.items():
    f("1 234,5 millions de dollars et 12 %", Culture.French)
results = None
t0 = time.perf_counter()
for _ in range(job["repeat"]):
    out = []
    for model, text in job["cases"]:
        res = fns[model](text, Culture.French)
        out.append([{"Start": r.start, "End": r.end, "Text": r.text, "TypeName": r.type_name,
                     "Resolution": r.resolution} for r in res])
    results = out
seconds = time.perf_counter() - t0
json.dump({"seconds": seconds, "results": results}, sys.stdout, default=str)
'''


def _run_ms(cases: list[list[str]], repeat: int, rt_python: str | None) -> tuple[float, list, str]:
    """Microsoft's results and timed seconds (for `repeat` passes)."""
    job = json.dumps({"cases": cases, "repeat": repeat})
    try:  # importable here?
        import recognizers_suite  # type: ignore  # noqa: F401  (only to know it is importable)

        ns: dict = {}
        import io

        stdin, stdout = sys.stdin, sys.stdout
        sys.stdin, sys.stdout = io.StringIO(job), io.StringIO()
        try:
            exec(WORKER, ns)
            data = json.loads(sys.stdout.getvalue())
        finally:
            sys.stdin, sys.stdout = stdin, stdout
        return data["seconds"], data["results"], "in-process"
    except ImportError:
        pass
    py = rt_python or os.environ.get("CLAIMS_RT_PYTHON") or str(ROOT / ".venv-rt" / "bin" / "python")
    if not Path(py).exists():
        raise SystemExit(f"Recognizers-Text python not found: {py} (see the module docstring)")
    proc = subprocess.run([py, "-c", WORKER], input=job, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"Recognizers-Text worker failed:\n{proc.stderr[-2000:]}")
    data = json.loads(proc.stdout)
    return data["seconds"], data["results"], f"subprocess {py}"


def _run_ours(cases: list[list[str]], repeat: int) -> tuple[float, list]:
    for model in FILES:  # warm-up (regex compilation happens at import anyway)
        predict(model, "1 234,5 millions de dollars et 12 %")
    t0 = time.perf_counter()
    results = None
    for _ in range(repeat):
        results = [predict(model, text) for model, text in cases]
    return time.perf_counter() - t0, results


def _ms_preds(model: str, res: list[dict]) -> list:
    out = []
    for r in res:
        if r.get("Start") is None or r.get("End") is None:
            continue
        v = gold_value(model, {"Resolution": r.get("Resolution") or {}})
        out.append((int(r["Start"]), int(r["End"]) + 1, v))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--specs", type=Path, required=True, help="Recognizers-Text French spec folder")
    ap.add_argument("--out", type=Path, default=ROOT / "bench-results" / "recognizers.json")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes over all cases")
    ap.add_argument("--rt-python", default=None, help="python of the Recognizers-Text virtualenv")
    args = ap.parse_args(argv)

    cases: list[list[str]] = []
    meta: list[tuple[str, dict]] = []
    for model, rel in FILES.items():
        path = args.specs / rel
        if not path.is_file():
            raise SystemExit(f"spec file not found: {path}")
        for case in load_cases(path):
            if isinstance(case, dict) and "Input" in case:
                cases.append([model, str(case["Input"])])
                meta.append((model, case))

    ms_seconds, ms_results, ms_how = _run_ms(cases, args.repeat, args.rt_python)
    our_seconds, our_results = _run_ours(cases, args.repeat)
    n = len(cases) * args.repeat

    report: dict = {
        "cases": len(cases), "repeat": args.repeat, "python": platform.python_version(),
        "machine": platform.machine(), "microsoft_runner": ms_how, "systems": {},
    }
    for name, seconds, results in (("claims", our_seconds, our_results), ("recognizers-text", ms_seconds, ms_results)):
        per_model: dict = {}
        for model in FILES:
            rows = []
            for (m, case), preds in zip(meta, results):
                if m != model or case.get("NotSupported") or case.get("NotSupportedByDesign"):
                    continue
                p = preds if name == "claims" else _ms_preds(model, preds)
                rows.append((gold_results(case, model), [tuple(x) for x in p], case["Input"]))
            s = score(rows, model)
            per_model[model] = {"supported_cases": s["cases"], "value_accuracy": s["value_accuracy"],
                                "exact_span_f1": s["exact"]["f1"], "overlap_f1": s["overlap"]["f1"]}
        report["systems"][name] = {"seconds": seconds, "cases_per_second": n / seconds, "models": per_model}
    ratio = report["systems"]["claims"]["cases_per_second"] / report["systems"]["recognizers-text"]["cases_per_second"]
    report["speed_ratio"] = ratio

    print(f"{len(cases)} cases x {args.repeat} passes (Recognizers-Text: {ms_how})")
    print(f"{'system':18} {'cases/s':>10} {'currency':>9} {'number':>8} {'percent':>8}   (exact-value accuracy, supported cases)")
    for name, s in report["systems"].items():
        acc = [s["models"][m]["value_accuracy"] for m in FILES]
        print(f"{name:18} {s['cases_per_second']:10.0f} " + " ".join(f"{100 * a:8.1f}%" for a in acc))
    print(f"speed ratio claims / recognizers-text: {ratio:.1f}x")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
