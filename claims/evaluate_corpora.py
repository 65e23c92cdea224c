"""Evaluation on multi-source corpora: `claims eval gva` and `claims eval corpora`.

gva (real news, ``../shared/eval/gva_dev/incidents.jsonl``): each incident's articles are
checked as one corpus (what an editor would give the tool). Measures, per article: whether a
casualty claim gives the gold killed / injured figure with the right measure (over incidents
whose gold figure is 2 or more); the share of casualty claims that match no gold figure; the
cross-article casualty pairs compared; the conflicts reported (with their two sentences, to be
read); documents per second.

corpora (folders of articles with an ``EXPECT.json``, see ``tests/corpora/README.md``): an
expected conflict is found when a reported conflict pairs a claim whose sentence contains quote
``a`` (in file ``a``) with one whose sentence contains quote ``b``; a trap is violated when such
a pair is reported as a conflict; every other reported conflict is listed as "other".
"""
from __future__ import annotations

import json
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Optional

from .errors import InputError
from .model import Claim, Report


# ------------------------------------------------------------------ gva
def load_incidents(path: str, limit: Optional[int] = None) -> list[dict]:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: no such file")
    out = []
    with p.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}: not JSON Lines ({exc.msg})") from None
            if limit and len(out) >= limit:
                break
    return out


def _incident_inputs(inc: dict) -> list:
    from .ingest import TextInput

    out = []
    for i, a in enumerate(inc.get("articles", [])):
        text = (a.get("title") or "").strip()
        body = a.get("text") or ""
        out.append(TextInput(text=(text + "\n\n" + body) if text else body, id=f"{inc['incident']}-{i + 1}",
                             title=a.get("title"), url=a.get("url"), published=a.get("published"), language="en"))
    return out


def _casualty_claims(report: Report) -> list[Claim]:
    return [c for c in report.claims if c.kind == "casualties" and c.value is not None and c.value.amount is not None
            and not c.hedged]


def _figure(c: Claim) -> Optional[float]:
    return c.value.amount if c.value is not None else None


def evaluate_gva(incidents: Iterable[dict], nli: Optional[str] = "none", progress=None) -> dict[str, Any]:
    from .pipeline import check

    killed_hit = killed_n = injured_hit = injured_n = 0
    cas_total = cas_unmatched = 0
    pairs = conflicts = 0
    conflict_rows: list[dict] = []
    other_conflicts: dict[str, int] = {}
    other_rows: list[dict] = []
    docs = 0
    t0 = time.perf_counter()
    incidents = list(incidents)
    for n, inc in enumerate(incidents, 1):
        inputs = _incident_inputs(inc)
        if not inputs:
            continue
        report = check(inputs, nli=nli)
        docs += len(report.documents)
        cas = _casualty_claims(report)
        gold_k = inc.get("killed", 0) or 0
        gold_i = inc.get("injured", 0) or 0
        gold_k_alt = {gold_k, inc.get("victims_killed", gold_k) or 0}
        by_doc: dict[str, list[Claim]] = {}
        for c in cas:
            by_doc.setdefault(c.document, []).append(c)
        for d in report.documents:
            mine = by_doc.get(d.id, [])
            if gold_k >= 2:
                killed_n += 1
                killed_hit += any(c.value.unit == "deaths" and _figure(c) in gold_k_alt for c in mine)
            if gold_i >= 2:
                injured_n += 1
                injured_hit += any(c.value.unit == "injured" and _figure(c) == gold_i for c in mine)
        for c in cas:
            cas_total += 1
            f = _figure(c)
            unit = c.value.unit
            ok = (unit == "deaths" and f in gold_k_alt) or (unit == "injured" and f == gold_i) or (
                unit not in ("deaths", "injured") and f in gold_k_alt | {gold_i, gold_k + gold_i})
            cas_unmatched += not ok
        claims_by_id = {c.id: c for c in report.claims}
        for g in report.groups:
            if g.kind != "casualties":
                for f in g.findings:  # what a reader sees too: conflicts of other kinds (counts, ages, money)
                    a, b = claims_by_id[f.a], claims_by_id[f.b]
                    if a.document != b.document and f.verdict == "conflict":
                        other_conflicts[g.kind] = other_conflicts.get(g.kind, 0) + 1
                        other_rows.append({
                            "incident": inc["incident"], "kind": g.kind,
                            "a": {"doc": a.document, "value": _figure(a) if a.value else None, "text": a.text[:300]},
                            "b": {"doc": b.document, "value": _figure(b) if b.value else None, "text": b.text[:300]},
                            "explanation": f.explanation,
                        })
                continue
            for f in g.findings:
                a, b = claims_by_id[f.a], claims_by_id[f.b]
                if a.document == b.document:
                    continue
                pairs += 1
                if f.verdict == "conflict":
                    conflicts += 1
                    conflict_rows.append({
                        "incident": inc["incident"], "gold_killed": gold_k, "gold_injured": gold_i,
                        "a": {"doc": a.document, "value": _figure(a), "unit": a.value.unit, "text": a.text[:300]},
                        "b": {"doc": b.document, "value": _figure(b), "unit": b.value.unit, "text": b.text[:300]},
                        "explanation": f.explanation,
                    })
        if progress:
            progress("incidents", n, len(incidents))
    secs = time.perf_counter() - t0
    return {
        "incidents": len(incidents),
        "documents": docs,
        "killed_recall": round(killed_hit / killed_n, 3) if killed_n else None,
        "killed_articles": killed_n,
        "injured_recall": round(injured_hit / injured_n, 3) if injured_n else None,
        "injured_articles": injured_n,
        "casualty_claims": cas_total,
        "unmatched_share": round(cas_unmatched / cas_total, 3) if cas_total else None,
        "cross_article_pairs": pairs,
        "conflicts": conflicts,
        "other_conflicts": sum(other_conflicts.values()),
        "other_conflicts_by_kind": dict(sorted(other_conflicts.items())),
        "documents_per_s": round(docs / secs, 2) if secs else None,
        "seconds": round(secs, 1),
        "conflict_list": conflict_rows,
        "other_conflict_list": other_rows,
    }


# ------------------------------------------------------------------ corpora
def load_expect(folder: Path) -> dict:
    p = folder / "EXPECT.json"
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"{p}: cannot read ({exc})") from None
    return data


def _quote_claims(report: Report, doc_id: str, quote: str) -> set[str]:
    """Claims of ``doc_id`` that the quote names: those whose figure (or event cue) lies in the
    quote's span; when none does, those whose sentence contains the quote (whitespace-insensitive)."""
    q = " ".join(quote.split())
    in_sentence = [c for c in report.claims if c.document == doc_id and q in " ".join(c.text.split())]
    doc = next((d for d in report.documents if d.id == doc_id), None)
    spans = []
    if doc is not None:
        pat = re.compile(r"\s+".join(re.escape(w) for w in quote.split()))
        spans = [(m.start(), m.end()) for m in pat.finditer(doc.text)]
    anchored = {c.id for c in in_sentence if c.anchor_start is not None
                and any(c.anchor_start < e and (c.anchor_end or c.anchor_start) > s for s, e in spans)}
    return anchored or {c.id for c in in_sentence}


def evaluate_corpus(folder: Path, nli: Optional[str] = "none") -> dict[str, Any]:
    from .pipeline import check

    exp = load_expect(folder)
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".txt", ".md", ".html") and p.name != "README.md")
    report = check([str(p) for p in files], nli=nli)
    doc_of = {Path(d.path).name if d.path else d.id: d.id for d in report.documents}
    conflicts = [(f, g) for g in report.groups for f in g.findings if f.verdict == "conflict"]
    claims = {c.id: c for c in report.claims}

    def same_figure(doc: str, ids: set[str]) -> set[str]:
        """The quoted claims and the claims of the same article that repeat their figure (a
        title and its body): a conflict reported on either is the planted one."""
        keys = {(claims[i].kind, _vkey(claims[i])) for i in ids if claims[i].value is not None}
        return ids | {c.id for c in report.claims if c.document == doc and c.value is not None and (c.kind, _vkey(c)) in keys}

    def pair_ids(item: dict) -> tuple[set[str], set[str]]:
        a, b = item["a"], item["b"]
        da, db = doc_of.get(a["file"], ""), doc_of.get(b["file"], "")
        return (same_figure(da, _quote_claims(report, da, a["quote"])), same_figure(db, _quote_claims(report, db, b["quote"])))

    by_pair = {frozenset((f.a, f.b)): f for g in report.groups for f in g.findings}

    def reported(ia: set[str], ib: set[str]) -> Optional[Any]:
        # sorted: which of several equal pairs (a title and its body) counts as the planted one does not depend on set order
        return next((f for x in sorted(ia) for y in sorted(ib) if (f := by_pair.get(frozenset((x, y)))) is not None and f.verdict == "conflict"), None)

    def compared(ia: set[str], ib: set[str]) -> bool:
        return any(frozenset((x, y)) in by_pair for x in ia for y in ib)

    used: set[int] = set()
    found = []
    for item in exp.get("conflicts", []):
        ia, ib = pair_ids(item)
        f = reported(ia, ib)
        if f is not None:
            used.add(id(f))
        found.append({"why": item.get("why"), "found": f is not None, "extracted": bool(ia) and bool(ib),
                      "a": item["a"]["quote"], "b": item["b"]["quote"]})
    traps = []
    for item in exp.get("non_conflicts", []) + exp.get("extra_non_conflicts", []):
        ia, ib = pair_ids(item)
        f = reported(ia, ib)
        if f is not None:
            used.add(id(f))
        traps.append({"trap": item.get("trap"), "violated": f is not None, "compared": compared(ia, ib),
                      "a": item["a"]["quote"], "b": item["b"]["quote"]})
    other = []
    for f, g in conflicts:
        if id(f) in used:
            continue
        a, b = claims[f.a], claims[f.b]
        other.append({"a": a.text[:200], "b": b.text[:200], "explanation": f.explanation})
    return {
        "corpus": folder.name,
        "language": exp.get("language"),
        "expected": len(found),
        "found": sum(x["found"] for x in found),
        "traps": len(traps),
        "traps_violated": sum(x["violated"] for x in traps),
        "traps_compared": sum(x["compared"] for x in traps),
        "other_conflicts": len(other),
        "details": {"conflicts": found, "traps": traps, "other": other},
    }


def _vkey(c: Claim) -> tuple:
    v = c.value
    return (v.amount, v.low, v.high, v.currency, v.unit)


def evaluate_corpora(root: str, nli: Optional[str] = "none") -> dict[str, Any]:
    base = Path(root)
    if not base.is_dir():
        raise InputError(f"{root}: no such folder")
    folders = sorted(p for p in base.iterdir() if p.is_dir() and (p / "EXPECT.json").is_file())
    if not folders:
        raise InputError(f"{root}: no corpus folder with an EXPECT.json")
    results = [evaluate_corpus(f, nli) for f in folders]
    by_lang: dict[str, Counter] = {}
    for r in results:
        c = by_lang.setdefault(r["language"] or "?", Counter())
        for k in ("expected", "found", "traps", "traps_violated", "traps_compared", "other_conflicts"):
            c[k] += r[k]
        c["corpora"] += 1
    summary = {lang: dict(c, recall=round(c["found"] / c["expected"], 3) if c["expected"] else None) for lang, c in sorted(by_lang.items())}
    tot = Counter()
    for c in by_lang.values():
        tot.update(c)
    summary["all"] = dict(tot, recall=round(tot["found"] / tot["expected"], 3) if tot["expected"] else None)
    return {"summary": summary, "corpora": results}
