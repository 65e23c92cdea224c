"""What the review page shows: groups, findings and claims prepared for the templates.

Everything here is plain text; the templates escape it (Jinja2 autoescape). A claim is shown as
its paragraph with the claim's sentence set apart and the figure (or the claim span) marked, next
to its source, publication date, language and normalised value.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Optional
from urllib.parse import urlencode

from ..model import Claim, Document, Finding, Group, Report, Review
from ..report.common import (
    VERDICT_ORDER,
    ReportIndex,
    claim_flags,
    format_time,
    format_value,
    group_has_conflict,
    sort_findings,
    sort_groups,
    worst_verdict,
)
from ..report.html import safe_href
from ..store import REVIEW_STATES

#: Characters of paragraph kept on each side of the claim's sentence.
PARA_CONTEXT = 320
STATE_LABELS = {"open": "open", "confirmed": "confirmed", "dismissed": "dismissed", "follow_up": "to follow up"}
VERDICT_LABELS = {"conflict": "conflict", "scope_difference": "scope difference", "compatible": "compatible", "agree": "agree"}
#: Review-state filter values: the states, plus "changed" (verdict changed since review) and "new".
STATE_FILTERS = (*REVIEW_STATES, "changed", "new")


@dataclass
class Passage:
    """A claim's paragraph in five pieces: before the sentence, the sentence around the mark, after."""

    before: str
    sent_pre: str
    mark: str
    sent_post: str
    after: str
    lead_ellipsis: bool = False
    trail_ellipsis: bool = False


@dataclass
class ClaimCard:
    claim: Claim
    document: Optional[Document]
    label: str  # document title, source or id
    source: str  # the source used by the filter
    href: Optional[str]
    published: str
    published_from: str
    language: str
    value: str
    time: str
    scope: str
    flags: list[str]
    passage: Passage


@dataclass
class FindingCard:
    finding: Finding
    fingerprint: str
    review: Review
    a: ClaimCard
    b: ClaimCard
    new: bool

    @property
    def anchor(self) -> str:
        return f"f-{self.fingerprint}"


@dataclass
class GroupCard:
    group: Group
    verdict: Optional[str]
    has_conflict: bool
    claims: list[ClaimCard]
    findings: list[FindingCard]
    total_findings: int
    new_conflict: bool


@dataclass
class Filters:
    """The review page's filters (query parameters); empty = no filter."""

    verdict: str = ""
    kind: str = ""
    source: str = ""
    state: str = ""

    @classmethod
    def from_query(cls, params: Mapping[str, str]) -> "Filters":
        return cls(**{k: str(params.get(k, "") or "")[:200] for k in ("verdict", "kind", "source", "state")})

    @property
    def active(self) -> bool:
        return any((self.verdict, self.kind, self.source, self.state))

    def query(self) -> str:
        """The filters as a query string ("" when none)."""
        items = {k: v for k, v in self.__dict__.items() if v}
        return ("?" + urlencode(items)) if items else ""


@dataclass
class ReviewPage:
    groups: list[GroupCard]
    filters: Filters
    verdicts: list[str]
    kinds: list[str]
    sources: list[str]
    states: list[str]
    shown_findings: int
    total_findings: int
    state_counts: dict[str, int]
    conflicts: int
    open_conflicts: int
    single_claims: int
    report: Report
    index: ReportIndex = field(repr=False)


def _passage(text: str, s0: int, s1: int, h0: int, h1: int) -> Passage:
    """Paragraph pieces around sentence [s0, s1) with mark [h0, h1) (document offsets)."""
    p0 = text.rfind("\n", 0, s0) + 1
    p1 = text.find("\n", s1)
    if p1 < 0:
        p1 = len(text)
    lead = trail = False
    if s0 - p0 > PARA_CONTEXT:
        cut = text.find(" ", s0 - PARA_CONTEXT, s0)
        p0, lead = (cut + 1 if cut >= 0 else s0 - PARA_CONTEXT), True
    if p1 - s1 > PARA_CONTEXT:
        cut = text.rfind(" ", s1, s1 + PARA_CONTEXT)
        p1, trail = (cut if cut > s1 else s1 + PARA_CONTEXT), True
    return Passage(text[p0:s0], text[s0:h0], text[h0:h1], text[h1:s1], text[s1:p1], lead, trail)


def claim_passage(index: ReportIndex, claim: Claim) -> Passage:
    """The claim's paragraph with its sentence and figure (anchor) or claim span marked."""
    doc = index.documents.get(claim.document)
    if doc is None or not doc.text or not (0 <= claim.start <= claim.end <= len(doc.text)):
        return Passage("", "", claim.text, "", "")
    sent = index.sentences.get((claim.document, claim.sentence))
    if sent is not None and 0 <= sent.start <= sent.end <= len(doc.text) and sent.start <= claim.start < sent.end:
        s0, s1 = sent.start, sent.end
    else:
        s0, s1 = claim.start, claim.end
    a0, a1 = claim.anchor_start, claim.anchor_end
    if a0 is not None and a1 is not None and s0 <= a0 < a1 <= s1:
        h0, h1 = a0, a1
    else:
        h0, h1 = max(s0, claim.start), min(s1, claim.end)
        if h0 >= h1:
            h0 = h1 = s0
    return _passage(doc.text, s0, s1, h0, h1)


def source_of(doc: Optional[Document], doc_id: str) -> str:
    """The label used for the source filter: the source, else the title, else the id."""
    if doc is None:
        return doc_id
    return doc.source or doc.title or doc.id


def claim_card(index: ReportIndex, claim: Claim) -> ClaimCard:
    doc = index.documents.get(claim.document)
    return ClaimCard(
        claim=claim,
        document=doc,
        label=index.document_label(claim.document),
        source=source_of(doc, claim.document),
        href=safe_href(doc.url) if doc is not None else None,
        published=doc.published.isoformat() if doc is not None and doc.published else "",
        published_from=(doc.published_from or "") if doc is not None else "",
        language=claim.language or (doc.language if doc is not None and doc.language else ""),
        value=format_value(claim.value),
        time=format_time(claim.time),
        scope=claim.scope.replace("_", " ") if claim.scope != "unknown" else "",
        flags=claim_flags(claim),
        passage=claim_passage(index, claim),
    )


def _missing_claim(claim_id: str) -> Claim:
    return Claim(id=claim_id, document="", sentence=0, start=0, end=0, text=f"(claim {claim_id} is missing)", kind="?")


def _matches(f: FindingCard, group: Group, flt: Filters) -> bool:
    if flt.verdict and f.finding.verdict != flt.verdict:
        return False
    if flt.kind and group.kind != flt.kind:
        return False
    if flt.source and flt.source not in (f.a.source, f.b.source):
        return False
    if flt.state:
        if flt.state == "changed":
            return f.review.changed
        if flt.state == "new":
            return f.new
        return f.review.state == flt.state
    return True


def build_review_page(report: Report, filters: Filters, new: set[str] | frozenset[str] = frozenset()) -> ReviewPage:
    """Groups of two or more claims, conflicts first (groups with a new conflict on top), each
    with its claims and the findings that pass the filters."""
    index = ReportIndex(report)
    cards: dict[str, ClaimCard] = {}

    def card(cid: str) -> ClaimCard:
        if cid not in cards:
            claim = index.claims.get(cid)
            cards[cid] = claim_card(index, claim if claim is not None else _missing_claim(cid))
        return cards[cid]

    multi = [g for g in report.groups if len(g.claims) >= 2]
    in_multi = {cid for g in multi for cid in g.claims}
    groups: list[GroupCard] = []
    total = shown = conflicts = open_conflicts = 0
    state_counts = {s: 0 for s in STATE_FILTERS}
    verdicts, kinds, sources = set(), set(), set()
    for g in sort_groups(multi):
        kinds.add(g.kind)
        findings = []
        all_f = []
        for f in sort_findings(g):
            review = f.review or Review()
            fc = FindingCard(f, review.fingerprint or "", review, card(f.a), card(f.b), bool(review.fingerprint in new))
            all_f.append(fc)
            total += 1
            verdicts.add(f.verdict)
            sources.update((fc.a.source, fc.b.source))
            state_counts[review.state] += 1
            state_counts["changed"] += review.changed
            state_counts["new"] += fc.new
            if f.verdict == "conflict":
                conflicts += 1
                open_conflicts += review.state in ("open", "follow_up")
            if _matches(fc, g, filters):
                findings.append(fc)
        if filters.active and not findings:
            continue
        shown += len(findings)
        groups.append(GroupCard(
            group=g,
            verdict=worst_verdict(g),
            has_conflict=group_has_conflict(g),
            claims=[card(cid) for cid in g.claims],
            findings=findings,
            total_findings=len(all_f),
            new_conflict=any(fc.new and fc.finding.verdict == "conflict" for fc in all_f),
        ))
    groups.sort(key=lambda gc: 0 if gc.new_conflict else 1)  # stable: keeps sort_groups order otherwise
    return ReviewPage(
        groups=groups,
        filters=filters,
        verdicts=[v for v in VERDICT_ORDER if v in verdicts],
        kinds=sorted(kinds),
        sources=sorted(sources, key=str.lower),
        states=list(STATE_FILTERS),
        shown_findings=shown,
        total_findings=total,
        state_counts=state_counts,
        conflicts=conflicts,
        open_conflicts=open_conflicts,
        single_claims=sum(1 for c in report.claims if c.id not in in_multi),
        report=report,
        index=index,
    )


def document_passages(doc: Document, claims: list[Claim]) -> list[list[tuple[str, Optional[Claim]]]]:
    """A document's paragraphs as runs of (text, claim or None) for the document page.

    Claim spans are marked where they do not overlap an earlier one.
    """
    spans = sorted((c for c in claims if 0 <= c.start < c.end <= len(doc.text)), key=lambda c: (c.start, -c.end))
    paras: list[list[tuple[str, Optional[Claim]]]] = []
    text = doc.text
    pos = 0
    runs: list[tuple[str, Optional[Claim]]] = []
    cuts: list[tuple[int, int, Optional[Claim]]] = []
    last = 0
    for c in spans:
        if c.start < last:
            continue
        cuts.append((c.start, c.end, c))
        last = c.end
    points: list[tuple[int, int, Optional[Claim]]] = []
    for s, e, c in cuts:
        if pos < s:
            points.append((pos, s, None))
        points.append((s, e, c))
        pos = e
    if pos < len(text):
        points.append((pos, len(text), None))
    for s, e, c in points:
        chunk = text[s:e]
        if c is not None:
            runs.append((chunk, c))
            continue
        pieces = chunk.split("\n")
        for k, piece in enumerate(pieces):
            if k > 0:
                if runs:
                    paras.append(runs)
                runs = []
            if piece:
                runs.append((piece, None))
    if runs:
        paras.append(runs)
    return [p for p in paras if any(t.strip() for t, _ in p)]
