"""Evaluation against a hand-labelled gold file (the seeds' `seeds_gold.json` format).

Measures: gold claims found (span overlap and same value), gold groups recovered (every
matched claim of a gold group in one report group), gold pairs with an allowed verdict,
conflicts among the documents, and claims extracted from listed boilerplate.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

from .errors import InputError
from .model import Claim, Report


def _value_matches(gold: Optional[dict], claim: Claim) -> bool:
    v = claim.value
    if gold is None:
        return v is None
    if v is None:
        return False
    if gold.get("currency") and v.currency != gold["currency"]:
        return False
    amount, qual = gold.get("amount"), gold.get("qualifier", "exact")
    if amount is None:
        return v.qualifier == "vague"
    ours = v.amount if v.amount is not None else (v.low if qual == "lower_bound" else v.high)
    if ours is None or abs(ours - amount) > 1e-6 * abs(amount):
        return False
    if qual == "lower_bound":
        return v.qualifier == "lower_bound"
    if qual == "upper_bound":
        return v.qualifier == "upper_bound"
    return v.qualifier in ("exact", "approximate")


def _doc_id(file: str) -> str:
    return Path(file).stem


def evaluate_report(report: Report, gold: dict[str, Any]) -> dict[str, Any]:
    claims_by_doc: dict[str, list[Claim]] = {}
    for c in report.claims:
        claims_by_doc.setdefault(c.document, []).append(c)
    matched: dict[str, Optional[str]] = {}
    details = []
    for g in gold["claims"]:
        doc = _doc_id(g["document"])
        cands = [c for c in claims_by_doc.get(doc, []) if c.start < g["end"] and g["start"] < c.end and _value_matches(g.get("value"), c)]
        cands.sort(key=lambda c: (c.kind != g["kind"], abs(c.start - g["start"])))
        matched[g["id"]] = cands[0].id if cands else None
        details.append({"gold": g["id"], "claim": matched[g["id"]], "kind": cands[0].kind if cands else None})
    found = sum(1 for v in matched.values() if v)

    member_of: dict[str, set[str]] = {}
    for grp in report.groups:
        for cid in grp.claims:
            member_of.setdefault(cid, set()).add(grp.id)
    findings = {}
    for grp in report.groups:
        for f in grp.findings:
            findings[(grp.id, f.a, f.b)] = f
            findings[(grp.id, f.b, f.a)] = f

    groups_ok = []
    pairs = []
    for gg in gold["groups"]:
        ids = [matched.get(c) for c in gg["claims"]]
        common = None
        if all(ids):
            sets = [member_of.get(i, set()) for i in ids]
            common = set.intersection(*sets) if sets else set()
        ok = bool(common)
        groups_ok.append({"group": gg["id"], "ok": ok, "report_groups": sorted(common or [])})
        for p in gg.get("pairs", []):
            allowed = p["verdict"] if isinstance(p["verdict"], list) else [p["verdict"]]
            a, b = matched.get(p["a"]), matched.get(p["b"])
            verdict = None
            if a and b:
                for gid in member_of.get(a, set()) & member_of.get(b, set()):
                    f = findings.get((gid, a, b))
                    if f:
                        verdict = f.verdict
                        if f.verdict in allowed:
                            break
            pairs.append({"group": gg["id"], "a": p["a"], "b": p["b"], "allowed": allowed, "verdict": verdict, "ok": verdict in allowed})

    conflicts = [
        {"group": g.id, "a": f.a, "b": f.b, "explanation": f.explanation}
        for g in report.groups for f in g.findings if f.verdict == "conflict"
    ]
    boiler_hits = []
    docs = {d.id: d for d in report.documents}
    for needle in gold.get("boilerplate_must_not_yield_claims", []):
        for d in docs.values():
            pos = d.text.find(needle)
            while pos >= 0:
                end = pos + len(needle)
                for c in claims_by_doc.get(d.id, []):
                    if c.start < end and pos < c.end:
                        boiler_hits.append({"text": needle, "document": d.id, "claim": c.id})
                pos = d.text.find(needle, end)
    singles_ok = []
    for sid in gold.get("singletons", []):
        cid = matched.get(sid)
        singles_ok.append({"gold": sid, "claim": cid, "found": cid is not None})
    return {
        "claims_found": found,
        "claims_total": len(gold["claims"]),
        "groups_recovered": sum(g["ok"] for g in groups_ok),
        "groups_total": len(groups_ok),
        "pairs_allowed": sum(p["ok"] for p in pairs),
        "pairs_total": len(pairs),
        "conflicts": len(conflicts),
        "boilerplate_claims": len(boiler_hits),
        "report_claims": len(report.claims),
        "report_groups": len(report.groups),
        "details": {"claims": details, "groups": groups_ok, "pairs": pairs, "conflicts": conflicts, "boilerplate": boiler_hits, "singletons": singles_ok},
    }


def load_gold(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such gold file")
    try:
        return json.loads(p.read_text("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{p}: not a JSON gold file ({exc.__class__.__name__})") from None


def passed(result: dict[str, Any]) -> bool:
    """The acceptance bar of the seeds."""
    return (
        result["claims_found"] >= result["claims_total"] - 1
        and result["groups_recovered"] == result["groups_total"]
        and result["pairs_allowed"] == result["pairs_total"]
        and result["conflicts"] == 0
        and result["boilerplate_claims"] == 0
    )
