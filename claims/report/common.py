"""Helpers shared by the report writers: ordering, value/time formatting, quotes with highlights."""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Optional

from ..model import Claim, Document, Group, Report, Sentence, TimeRef, Value

#: Verdicts from the most to the least alarming.
VERDICT_ORDER: tuple[str, ...] = ("conflict", "scope_difference", "compatible", "agree")
_VERDICT_RANK = {v: i for i, v in enumerate(VERDICT_ORDER)}


def group_has_conflict(group: Group) -> bool:
    """True when the group is flagged or holds at least one ``conflict`` finding."""
    return group.has_conflict or any(f.verdict == "conflict" for f in group.findings)


def worst_verdict(group: Group) -> Optional[str]:
    """The most alarming verdict among the group's findings (None without findings)."""
    if not group.findings:
        return "conflict" if group.has_conflict else None
    return min((f.verdict for f in group.findings), key=lambda v: _VERDICT_RANK.get(v, len(VERDICT_ORDER)))


def sort_groups(groups: Iterable[Group]) -> list[Group]:
    """Groups with conflicts first (most conflicting findings first), then the others by size.

    Ties keep the input order (the sort is stable).
    """

    def key(item: tuple[int, Group]) -> tuple:
        i, g = item
        conflict = group_has_conflict(g)
        n_conflicts = sum(f.verdict == "conflict" for f in g.findings)
        return (0 if conflict else 1, -n_conflicts, -len(g.claims), i)

    return [g for _, g in sorted(enumerate(groups), key=key)]


def sort_findings(group: Group) -> list:
    """Findings of a group, the most alarming verdict first, then by confidence (descending)."""
    return sorted(
        group.findings,
        key=lambda f: (_VERDICT_RANK.get(f.verdict, len(VERDICT_ORDER)), -(f.confidence or 0.0)),
    )


# --------------------------------------------------------------------------- numbers and values

def format_number(x: float) -> str:
    """``10000000000.0`` -> ``"10 000 000 000"``; ``3.25`` -> ``"3.25"`` (space as thousands separator)."""
    if x is None:
        return "?"
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if float(x).is_integer() and abs(x) < 1e21:
        return f"{int(x):,}".replace(",", " ")
    # up to 6 significant decimals, no trailing zeros
    text = f"{x:,.6f}".rstrip("0").rstrip(".")
    return text.replace(",", " ")


def _unit_suffix(value: Value) -> str:
    unit = value.currency or value.unit
    return f" {unit}" if unit else ""


def format_value(value: Optional[Value]) -> str:
    """A human-readable interval: ``"> 10 000 000 000 USD"``, ``"≈ 3.5 %"``, ``"10 – 12 EUR"``.

    Empty string for ``None``.
    """
    if value is None:
        return ""
    if value.unit == "clock":  # a time of day
        from ..crosscheck import fmt_clock_value

        return fmt_clock_value(value)
    unit = _unit_suffix(value)
    lo, hi, amount, q = value.low, value.high, value.amount, value.qualifier
    ge = "≥" if value.low_inclusive else ">"
    le = "≤" if value.high_inclusive else "<"

    def interval() -> str:
        if lo is not None and hi is not None:
            if lo == hi:
                return format_number(lo)
            return f"{format_number(lo)} – {format_number(hi)}"
        if lo is not None:
            return f"{ge} {format_number(lo)}"
        if hi is not None:
            return f"{le} {format_number(hi)}"
        return format_number(amount) if amount is not None else "?"

    if q == "lower_bound":
        base = lo if lo is not None else amount
        text = f"{ge} {format_number(base)}" if base is not None else interval()
    elif q == "upper_bound":
        base = hi if hi is not None else amount
        text = f"{le} {format_number(base)}" if base is not None else interval()
    elif q == "approximate":
        text = f"≈ {format_number(amount)}" if amount is not None else f"≈ {interval()}"
    elif q == "range":
        text = interval()
    elif q == "vague":
        return f"{interval()}{unit} (vague)"
    else:  # exact
        text = format_number(amount) if amount is not None else interval()
    return text + unit


_RELATION_WORD = {
    "at": "",
    "since": "since ",
    "until": "until ",
    "before": "before ",
    "after": "after ",
    "around": "around ",
    "range": "",
}


def format_time(time: Optional[TimeRef]) -> str:
    """``"2019"``, ``"since 2019-07"``, ``"2019-01-01 – 2020-12-31"``; unresolved -> ``"l'an dernier (unresolved)"``."""
    if time is None:
        return ""
    if time.relation == "range" and time.earliest and time.latest:
        core = f"{time.earliest.isoformat()} – {time.latest.isoformat()}"
    else:
        core = time.value or time.text
    text = _RELATION_WORD.get(time.relation, "") + (core or "")
    flags = []
    if not time.resolved:
        flags.append("unresolved")
    if time.inherited:
        flags.append("inherited")
    if flags:
        text += f" ({', '.join(flags)})"
    return text.strip()


def claim_flags(claim: Claim) -> list[str]:
    """Short flags worth showing next to a claim (hedged, negated, attribution...)."""
    flags = []
    if claim.hedged:
        flags.append("hedged")
    if claim.negated:
        flags.append("negated")
    if claim.attribution:
        flags.append(f"according to {claim.attribution}")
    if claim.derived:
        flags.append(f"derived: {claim.derived}")
    if "perpetrator" in claim.includes:
        flags.append("includes the attacker")
    return flags


def removed_summary(doc: Document) -> str:
    """``"3 (share_counter ×2, read_also ×1)"`` or ``"0"``."""
    if not doc.removed:
        return "0"
    counts = Counter(r.reason for r in doc.removed)
    parts = ", ".join(f"{reason} ×{n}" for reason, n in counts.most_common())
    return f"{len(doc.removed)} ({parts})"


def nli_summary(report: Report) -> str:
    """One line on whether NLI was used, with which model, or why not."""
    nli = report.nli
    if nli.used:
        what = " / ".join(x for x in (nli.backend, nli.model) if x) or "unknown model"
        text = f"used ({what}); {nli.pairs} pairs, {nli.cache_hits} cache hits"
    else:
        text = "not used"
        if nli.note:
            text += f": {nli.note}"
    if nli.used and nli.note:
        text += f" ({nli.note})"
    return text


# --------------------------------------------------------------------------- quotes

@dataclass(frozen=True)
class Quote:
    """A piece of text to show for a claim, with the claim span at ``[hl_start, hl_end)``.

    ``hl_start == hl_end == -1`` when the span could not be located in ``text``.
    """

    text: str
    hl_start: int
    hl_end: int
    prefix_ellipsis: bool = False
    suffix_ellipsis: bool = False

    @property
    def highlighted(self) -> bool:
        return 0 <= self.hl_start < self.hl_end <= len(self.text)

    def parts(self) -> tuple[str, str, str]:
        """(before, span, after); span is empty when there is no highlight."""
        if not self.highlighted:
            return self.text, "", ""
        return self.text[: self.hl_start], self.text[self.hl_start : self.hl_end], self.text[self.hl_end :]


_BOUNDARY = re.compile(r"[.!?…](?=\s)|\n")
_WINDOW = 300


class ReportIndex:
    """Look-ups over a report: documents, sentences and claims by id; group membership."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.documents: dict[str, Document] = {d.id: d for d in report.documents}
        self.sentences: dict[tuple[str, int], Sentence] = {(s.document, s.index): s for s in report.sentences}
        self.claims: dict[str, Claim] = {c.id: c for c in report.claims}
        self.sentence_counts = Counter(s.document for s in report.sentences)
        self.claim_counts = Counter(c.document for c in report.claims)

    def document_label(self, doc_id: str) -> str:
        """The document's title, else its source, else its id."""
        doc = self.documents.get(doc_id)
        if doc is None:
            return doc_id
        return doc.title or doc.source or doc.id

    def span_text(self, claim: Claim) -> str:
        """The claim span as it stands in the document text (``claim.text`` when unavailable)."""
        doc = self.documents.get(claim.document)
        if doc is not None and doc.text and 0 <= claim.start < claim.end <= len(doc.text):
            return doc.text[claim.start : claim.end]
        return claim.text

    def quote(self, claim: Claim) -> Quote:
        """The claim's sentence with the claim span located in it.

        Uses ``report.sentences`` (matched on document and sentence index); falls back to the
        document text around the span, then to the claim text alone.
        """
        span = self.span_text(claim)
        sent = self.sentences.get((claim.document, claim.sentence))
        a_s, a_e = claim.anchor_start, claim.anchor_end
        if sent is not None and sent.text and a_s is not None and a_e is not None:
            rel_s, rel_e = a_s - sent.start, a_e - sent.start
            if 0 <= rel_s < rel_e <= len(sent.text):  # highlight the figure or trigger itself
                return Quote(sent.text, rel_s, rel_e)
        if sent is not None and sent.text:
            rel_s, rel_e = claim.start - sent.start, claim.end - sent.start
            if 0 <= rel_s < rel_e <= len(sent.text) and sent.text[rel_s:rel_e] == span:
                return Quote(sent.text, rel_s, rel_e)
            pos = sent.text.find(span) if span else -1
            if pos >= 0:
                return Quote(sent.text, pos, pos + len(span))
            if sent.start <= claim.start < sent.end:  # the span runs past the sentence: show the span alone
                return Quote(span, 0, len(span))
        doc = self.documents.get(claim.document)
        if doc is not None and doc.text and 0 <= claim.start < claim.end <= len(doc.text):
            return _window(doc.text, claim.start, claim.end)
        return Quote(claim.text, 0, len(claim.text))


def _window(text: str, start: int, end: int) -> Quote:
    """The sentence-ish window of ``text`` around ``[start, end)``, at most ~_WINDOW chars each side."""
    lo = max(0, start - _WINDOW)
    left, cut_left = lo, lo > 0
    for m in _BOUNDARY.finditer(text, lo, start):
        left, cut_left = m.end(), False
    hi = min(len(text), end + _WINDOW)
    m = _BOUNDARY.search(text, end, hi)
    right = m.end() if m else hi
    # trim whitespace without losing the offsets
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return Quote(
        text[left:right],
        start - left,
        end - left,
        prefix_ellipsis=cut_left,
        suffix_ellipsis=m is None and hi < len(text),
    )


def split_groups(report: Report) -> tuple[list[Group], list[Claim]]:
    """(groups with two or more claims, sorted; single claims in report order).

    Single claims are those of one-claim groups and those in no group at all.
    """
    multi = [g for g in report.groups if len(g.claims) >= 2]
    in_multi = {cid for g in multi for cid in g.claims}
    singles = [c for c in report.claims if c.id not in in_multi]
    return sort_groups(multi), singles


def count_conflicts(report: Report) -> tuple[int, int]:
    """(conflict findings, groups with a conflict)."""
    findings = sum(f.verdict == "conflict" for g in report.groups for f in g.findings)
    groups = sum(group_has_conflict(g) for g in report.groups)
    return findings, groups
