"""Cross-check: group claims about the same thing, then decide every pair in a group.

Grouping never compares all pairs of a corpus: claims are bucketed by a key (kind, subject,
object, unit family), so only claims sharing a key are compared. A claim also joins the groups
of the other kinds it speaks to (`Claim.also`). Claims missing one role join the single group
that matches the role they have.

Verdicts (see the model):
- agree: same fact, same value (within rounding) and compatible times;
- compatible: both can be true (a figure inside a bound or a vague range, a month inside a year);
- scope_difference: values differ because the claims cover different times or scopes
  (a dated tranche versus a total, different years);
- conflict: they cannot both be true for the same time and scope.

Event claims without figures are compared by their structure (direction, negation, time) and,
when an NLI engine is available, in both directions by NLI with a calibrated threshold.
Large groups are compared by distinct claim signatures: identical claims are compared once
and the finding says how many pairs it stands for (`Finding.covers`).
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Callable, Optional, Sequence

from . import kinds as K
from .model import Claim, Document, Finding, Group, TimeRef, Value

FULL_PAIRS_MAX = 40  # groups up to this size list every pair individually
MAX_NEIGHBOURS = 12
SAME_DIRECTION_NLI_MIN = 0.95  # NLI contradiction needed between two events of the same direction  # in larger groups, each distinct claim is compared with this many neighbours
NEWS_CYCLE_DAYS = 7  # an undated report of an event refers to the week before its publication
REL_TOL = 0.02  # values within 2% agree ("within rounding")

_KIND_TOPIC = {
    **K.DATED_TOPICS,
    "age": "age",
    "investment": "investment",
    "funding": "funding",
    "valuation": "valuation",
    "revenue": "revenue",
    "acquisition": "acquisition",
    "profit": "profit",
    "loss": "loss",
    "founding": "founding",
    "partnership_start": "start of the partnership",
    "partnership_end": "end of the partnership",
    "board_change": "board seat / governance change",
    "leadership_change": "executive post (leaves, keeps, takes)",
    "regulatory_action": "regulatory action",
    "casualties": "casualties",
    "count": "count",
    "percentage": "percentage",
    "stake": "stake",
    "quantity": "amount",
}


# ---------------------------------------------------------------- formatting helpers
def fmt_amount(x: float) -> str:
    ax = abs(x)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        if ax >= scale:
            v = x / scale
            s = f"{v:.2f}".rstrip("0").rstrip(".")
            return f"{s} {word}"
    return f"{x:.2f}".rstrip("0").rstrip(".")


def fmt_clock_value(v: Value) -> str:
    """A time of day: "10:40", "about 10:40 (10:25-10:55)", "08:30-09:00"."""
    from .recognize.clock import fmt_clock

    if v.qualifier == "range" and v.low is not None and v.high is not None:
        return f"{fmt_clock(v.low)}-{fmt_clock(v.high)}"
    if v.qualifier == "approximate" and v.amount is not None:
        return f"about {fmt_clock(v.amount)}"
    return fmt_clock(v.amount or 0)


def fmt_value(v: Optional[Value]) -> str:
    if v is None:
        return "no value"
    if v.unit == "clock":
        return fmt_clock_value(v)
    unit = v.currency or v.unit or ""
    unit = ("" if unit == "%" else " ") + unit if unit else ""
    if v.qualifier == "vague":
        if v.low is not None and v.low > 0:
            scale = fmt_amount(v.low / 2)  # "plusieurs milliards" = [2e9, ...): "several billion"
            if scale.startswith("1 "):
                return f"several {scale[2:]}{unit}"
        if v.low is not None and v.high is not None:
            return f"between {fmt_amount(v.low)} and {fmt_amount(v.high)}{unit}"
        return f"an unspecified amount{unit}"
    if v.qualifier == "lower_bound" and v.low is not None:
        return f"more than {fmt_amount(v.low)}{unit}" if not v.low_inclusive else f"at least {fmt_amount(v.low)}{unit}"
    if v.qualifier == "upper_bound" and v.high is not None:
        return f"less than {fmt_amount(v.high)}{unit}" if not v.high_inclusive else f"up to {fmt_amount(v.high)}{unit}"
    if v.qualifier == "approximate" and v.amount is not None:
        return f"about {fmt_amount(v.amount)}{unit}"
    if v.qualifier == "range" and v.low is not None and v.high is not None:
        return f"{fmt_amount(v.low)} to {fmt_amount(v.high)}{unit}"
    if v.amount is not None:
        return f"{fmt_amount(v.amount)}{unit}"
    return f"[{v.low}, {v.high}]{unit}"


def fmt_time(t: Optional[TimeRef]) -> str:
    if t is None:
        return "undated"
    val = t.value or t.text
    return {"since": f"since {val}", "until": f"until {val}", "before": f"before {val}", "after": f"after {val}"}.get(t.relation, val)


# ---------------------------------------------------------------- intervals
def _bounds(v: Value) -> tuple[float, float]:
    lo = v.low if v.low is not None else float("-inf")
    hi = v.high if v.high is not None else float("inf")
    if v.qualifier == "exact" and v.amount is not None:
        lo = hi = v.amount
    return lo, hi


def _overlap(a: Value, b: Value) -> bool:
    alo, ahi = _bounds(a)
    blo, bhi = _bounds(b)
    tol = REL_TOL * max(abs(x) for x in (alo, ahi, blo, bhi) if x not in (float("inf"), float("-inf"))) if any(
        x not in (float("inf"), float("-inf")) for x in (alo, ahi, blo, bhi)) else 0.0
    # strict bounds ("plus de 10") exclude the bound itself
    if a.qualifier == "lower_bound" and not a.low_inclusive and bhi <= alo + (0 if b.qualifier != "exact" else -tol) and b.qualifier == "exact":
        return bhi > alo
    if b.qualifier == "lower_bound" and not b.low_inclusive and ahi <= blo and a.qualifier == "exact":
        return ahi > blo
    return alo <= bhi + tol and blo <= ahi + tol


def _same(a: Value, b: Value) -> bool:
    if a.qualifier != b.qualifier:
        return False
    if a.amount is not None and b.amount is not None:
        # within rounding: half a unit of the last digit of the less precise figure
        # ("4,2 milliards" = 4,15..4,25; so 4,12 differs), or 0.5% when the precision is unknown
        tol = max(a.precision or 0.0, b.precision or 0.0) or 0.005 * max(abs(a.amount), abs(b.amount))
        return abs(a.amount - b.amount) <= tol * (1 + 1e-9)
    return a.low == b.low and a.high == b.high


def _time_interval(t: Optional[TimeRef], published: Optional[dt.date] = None) -> Optional[tuple[dt.date, dt.date]]:
    if t is None or not t.resolved:
        return None
    lo, hi = t.earliest, t.latest
    if lo is None and hi is None:
        return None
    if t.relation == "since":
        hi = published or dt.date.max
    lo = lo or dt.date.min
    hi = hi or dt.date.max
    return lo, hi


def _times_overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


_GRAN_RANK = {"day": 0, "month": 1, "quarter": 2, "year": 3, "decade": 4, "unknown": 5}


# ---------------------------------------------------------------- pair decisions
Decision = tuple[str, float, str, str]  # verdict, confidence, explanation, method


def _label(c: Claim) -> str:
    return f"{fmt_value(c.value)} ({fmt_time(c.time)}{', ' + c.scope if c.scope not in ('unknown',) else ''})"


@dataclass(frozen=True)
class Rule:
    """One verdict rule: when ``when(a, b, ctx)`` returns template fields, the pair gets
    ``verdict`` with ``confidence`` and the explanation ``explain.format(**fields)``.
    Rules are tried in table order; the first that applies decides."""

    name: str
    when: Callable[[Claim, Claim, "Ctx"], Optional[dict]]
    verdict: str
    confidence: float
    explain: str


Reported = dict[tuple[str, str, str], list[Claim]]  # (document, kind, unit) -> the figures it states


def reported_index(claims: Sequence[Claim]) -> Reported:
    """Each article's stated figures by measure: the wholes (not parts), unhedged, of its own
    event (not the figures it gives of other events)."""
    out: Reported = defaultdict(list)
    for c in claims:
        if c.value is not None and not c.hedged and not (c.predicate or "").startswith("part") and c.predicate != K.OTHER_EVENT:
            out[(c.document, c.kind, c.value.currency or c.value.unit or "")].append(c)
    return out


@dataclass
class Ctx:
    pub: dict[str, Optional[dt.date]]
    decision: Optional[Decision] = None  # the kind comparison's decision (for the rules after it)
    reported: Optional[Reported] = None


def _r_units(a: Claim, b: Claim, ctx: Ctx) -> Optional[dict]:
    ua, ub = a.value.currency or a.value.unit, b.value.currency or b.value.unit
    return {"ua": ua, "ub": ub} if ua != ub else None


def _r_earlier(a: Claim, b: Claim, ctx: Ctx) -> Optional[dict]:
    earlier = [c for c in (a, b) if c.time is not None and c.time.relation == "before" and c.time.relative]
    if len(earlier) == 1 and not _same(a.value, b.value):
        e = earlier[0]
        return {"cue": e.time.text, "old": fmt_value(e.value), "new": fmt_value((b if e is a else a).value)}
    return None


def _r_one_article(a: Claim, b: Claim, ctx: Ctx) -> Optional[dict]:
    # figures of one article are not rivals (parts, updates, other events) unless it says one
    # corrects the other (an 'initialement' / 'revised from' figure, handled above)
    if a.document == b.document and not _same(a.value, b.value) and a.kind in K.ROLELESS_KINDS:
        return {"doc": a.document}
    return None


def _can_be_part(part: Claim, whole: Claim) -> bool:
    """A part is never more than its whole: a "part" above the other figure is not a part of it."""
    lo, _ = _bounds(part.value)
    _, hi = _bounds(whole.value)
    return lo <= hi * (1 + REL_TOL)  # open bounds are infinite: an "at least" part may be a part


def _r_part(a: Claim, b: Claim, ctx: Ctx) -> Optional[dict]:
    pa, pb = (a.predicate or "").startswith("part"), (b.predicate or "").startswith("part")
    if pa != pb and not _same(a.value, b.value):
        part, whole = (a, b) if pa else (b, a)
        if not _can_be_part(part, whole):
            return None
        return {"part": _label(part), "whole": _label(whole), "what": (part.predicate or "part").replace("part: ", "")}
    return None


def _r_two_stories(a: Claim, b: Claim, ctx: Ctx) -> Optional[dict]:
    """Durations of two articles that share no salient name (a sentence in one story, a sentence
    in another): two decisions, not two reports of one."""
    if a.kind in K.DURATION_CUES and a.document != b.document and not _one_story(a, b):
        return {"la": _label(a), "lb": _label(b)}
    return None


def _r_predicates(a: Claim, b: Claim, ctx: Ctx) -> Optional[dict]:
    """Figures of two named rounds (series A / series B, first / second round of a vote)."""
    pa, pb = a.predicate, b.predicate
    if pa and pb and pa != pb and not pa.startswith("part") and not pb.startswith("part") and not K.is_detail(pa) and not K.is_detail(pb):
        return {"pa": pa, "pb": pb}
    return None


def _later(a: Claim, b: Claim, ctx: Ctx) -> Optional[Claim]:
    pa, pb = ctx.pub.get(a.document), ctx.pub.get(b.document)
    if pa and pb and pa != pb:
        return a if pa > pb else b
    return None


def _r_update(a: Claim, b: Claim, ctx: Ctx) -> Optional[dict]:
    if a.kind not in K.ROLELESS_KINDS or _same(a.value, b.value):
        return None
    from .frames import is_update

    later = _later(a, b, ctx)
    for c in ([later] if later else [a, b]):
        if is_update(c.text, c.language or "en"):
            other = b if c is a else a
            return {"new": _label(c), "old": _label(other)}
    return None


_COARSE = ("month", "quarter", "year", "decade")


def _r_period_toll(a: Claim, b: Claim, ctx: Ctx) -> Optional[dict]:
    """A toll is the toll of one event, on a day: a casualty figure dated by its own clause with a
    whole month or year ("104 people shot in Toledo this year", "in 2016") counts a period's
    events, or another event, and is no rival of an incident's toll."""
    if a.kind not in K.ROLELESS_KINDS or _same(a.value, b.value):
        return None
    coarse = [c for c in (a, b) if c.time is not None and not c.time.inherited and c.time.granularity in _COARSE]
    if len(coarse) == 1:
        c = coarse[0]
        return {"period": _label(c), "one": _label(b if c is a else a)}
    return None


def _r_same_sentence(a: Claim, b: Claim, ctx: Ctx) -> Optional[dict]:
    if a.document == b.document and a.sentence == b.sentence:
        return {}
    return None


def _r_entities(a: Claim, b: Claim, ctx: Ctx) -> Optional[dict]:
    """Two named subjects, neither a part of the other's name: figures of two entities (a
    parent and its subsidiary), not two reports of one."""
    from .align import names_clash
    from .nlp import PARSED

    if a.kind in K.ROLELESS_KINDS or _same(a.value, b.value) or not names_clash(a.subject, b.subject):
        return None  # a toll's names are where it happened, not whose figure it is
    if a.kind in K.GENERIC_KINDS | {"count"} and not (a.language in PARSED and b.language in PARSED):
        return None  # a generic figure's "subject" found by another language's NER ("Höchststand") names no entity
    return {"sa": a.subject, "sb": b.subject}


def _r_sources(a: Claim, b: Claim, ctx: Ctx) -> Optional[dict]:
    from .align import names_clash

    sa, sb = _source(a), _source(b)
    if sa and sb and names_clash(sa, sb):  # "police" and "Brennan police" are one source
        return {"sa": a.attribution, "sb": b.attribution}
    return None


def _r_also_reported(a: Claim, b: Claim, ctx: Ctx) -> Optional[dict]:
    """One article also states the other's figure for the same measure: the outlets agree on
    it, and the figure that differs is another count of that article (a part, an early toll)."""
    if ctx.reported is None or a.document == b.document:
        return None
    for x, y in ((a, b), (b, a)):
        for c in ctx.reported.get((x.document, x.kind, x.value.currency or x.value.unit or ""), []):
            if c.id != x.id and _same(c.value, y.value):
                return {"doc": x.document, "v": fmt_value(y.value)}
    return None


def _r_hedged(a: Claim, b: Claim, ctx: Ctx) -> Optional[dict]:
    if a.hedged != b.hedged:
        return {"which": "one claim is"}
    return None


def _r_both_hedged(a: Claim, b: Claim, ctx: Ctx) -> Optional[dict]:
    return {} if a.hedged and b.hedged else None


# Tried before the kind's own comparison (flow / stock / one-off).
RULES_BEFORE: list[Rule] = [
    Rule("different_units", _r_units, "compatible", 0.3,
         "Different units ({ua} vs {ub}): not compared (a conversion, or a different measure)."),
    Rule("earlier_figure", _r_earlier, "scope_difference", 0.7,
         "An earlier figure ('{cue}': {old}) and a later one ({new}): a revised figure or an earlier period."),
    Rule("two_stories", _r_two_stories, "scope_difference", 0.6,
         "Two articles with no organisation or person in common: {la} and {lb} are two decisions of two stories."),
    Rule("one_article", _r_one_article, "scope_difference", 0.6,
         "Two figures of one article ({doc}): parts, updates or other events, not rival reports."),
    Rule("different_rounds", _r_predicates, "scope_difference", 0.75,
         "Figures of different rounds ({pa} / {pb})."),
    Rule("part_and_whole", _r_part, "scope_difference", 0.7,
         "A part ({part}: {what}) and a whole ({whole})."),
    Rule("period_toll", _r_period_toll, "scope_difference", 0.7,
         "A figure of a whole period ({period}: several events, or another one) and one event's toll ({one})."),
    Rule("updated_toll", _r_update, "scope_difference", 0.7,
         "An updated figure ({new}, which says it revises the toll) and an earlier one ({old})."),
]
# Tried after it, only when it found a conflict (``ctx.decision``): what makes two different
# figures no contradiction.
ADULT_AGE = 18
AGE_MISREPORT = 10  # years: two reports of one person's age differ by a typo or an update, not more


def _r_two_people(a: Claim, b: Claim, ctx: Ctx) -> Optional[dict]:
    """Two ages far apart, or a child's and an adult's, are the ages of two people."""
    if a.kind != "age" or b.kind != "age" or a.value.amount is None or b.value.amount is None:
        return None
    x, y = a.value.amount, b.value.amount
    if (x < ADULT_AGE) != (y < ADULT_AGE) or abs(x - y) > AGE_MISREPORT:
        return {"x": f"{x:g}", "y": f"{y:g}"}
    return None


def _r_with_perpetrator(a: Claim, b: Claim, ctx: Ctx) -> Optional[dict]:
    """One toll counts the attacker with the victims ("seven, including the shooter"), the other
    only the victims ("killed six people"): one more dead is the attacker, not a contradiction."""
    if a.kind not in K.ROLELESS_KINDS or a.value.amount is None or b.value.amount is None:
        return None
    pa, pb = "perpetrator" in a.includes, "perpetrator" in b.includes
    if pa == pb:
        return None
    w, wo = (a, b) if pa else (b, a)
    if w.value.amount - wo.value.amount == 1:
        return {"lw": _label(w), "lwo": _label(wo)}
    return None


def _r_far_apart_generic(a: Claim, b: Claim, ctx: Ctx) -> Optional[dict]:
    """``far_apart`` for figures whose kind says nothing of what they measure (a count of people)."""
    from .align import SPECIFIC_NEUTRAL

    return _r_far_apart(a, b, ctx) if a.kind in SPECIFIC_NEUTRAL and b.kind in SPECIFIC_NEUTRAL else None


RULES_AFTER: list[Rule] = [
    Rule("two_people", _r_two_people, "scope_difference", 0.6,
         "{why}; but ages {x} and {y} are too far apart (or a child's and an adult's) to be one person's."),
    Rule("different_entities", _r_entities, "scope_difference", 0.5,
         "{why}; but the figures are given for different entities ({sa} / {sb})."),
    Rule("with_perpetrator", _r_with_perpetrator, "compatible", 0.6,
         "{why}; but {lw} counts the attacker with the victims and {lwo} does not: the one more dead is the attacker."),
    Rule("same_sentence", _r_same_sentence, "scope_difference", 0.6,
         "{why}; the two figures stand side by side in one sentence, so they measure different things."),
    Rule("different_sources", _r_sources, "scope_difference", 0.5,
         "{why}; the figures come from different sources ({sa} / {sb}): a disputed figure, not one source contradicting another."),
    Rule("far_apart", _r_far_apart_generic, "scope_difference", 0.5,
         "{why}; but {la} and {lb} are too far apart to be two reports of one figure: different measures or scopes."),
    Rule("also_reported", _r_also_reported, "compatible", 0.5,
         "{why}; but {doc} also reports {v} for this measure elsewhere: the articles agree on that figure."),
    Rule("hedged", _r_hedged, "scope_difference", 0.5,
         "{why}; but {which} hedged or prospective (reported, conditional, talks, plans, a forecast), so this is not a contradiction of facts."),
    Rule("both_hedged", _r_both_hedged, "conflict", 0.4,
         "{why}; both claims are hedged or prospective (two forecasts or two reported figures that disagree)."),
]


FAR_APART = 4.0  # aligned figures more than this factor apart measure different things


def _r_far_apart(a: Claim, b: Claim, ctx: Ctx) -> Optional[dict]:
    """Two figures aligned only by their words, one more than ``FAR_APART`` times the other:
    a town's population and a party's guests, the rounds fired and the rounds carried."""
    x, y = _bounds(a.value), _bounds(b.value)
    lo, hi = min(x[1], y[1]), max(x[0], y[0])
    if lo is None or hi is None or lo <= 0 or hi / lo <= FAR_APART:
        return None
    return {"la": _label(a), "lb": _label(b)}


# Rules for figures paired by alignment (their words), after the kind's comparison said conflict
ALIGNED_RULES: list[Rule] = [
    Rule("far_apart", _r_far_apart, "scope_difference", 0.5,
         "{why}; but {la} and {lb} are too far apart to be two reports of one figure: different measures or scopes."),
]


def _apply(rules: Sequence[Rule], a: Claim, b: Claim, ctx: Ctx) -> Optional[Decision]:
    for r in rules:
        fields = r.when(a, b, ctx)
        if fields is not None:
            why = ctx.decision[2].rstrip(".") if ctx.decision else ""  # "{why}": the decision the rule revises
            return (r.verdict, r.confidence, r.explain.format(why=why, **fields), ctx.decision[3] if ctx.decision else "rules")
    return None


def _in_one_currency(a: Claim, b: Claim, pub: dict[str, Optional[dt.date]]) -> Optional[tuple[Claim, str]]:
    """``b`` converted into ``a``'s currency at the ECB rate of its date (its own day, else its
    article's publication), with a note saying so; None when both share a currency or no rate is known."""
    from .fx import FX_TOLERANCE, convert

    ca, cb = a.value.currency, b.value.currency
    if not (ca and cb) or ca == cb:
        return None
    on = b.time.earliest if b.time is not None and b.time.granularity == "day" and b.time.earliest else pub.get(b.document) or pub.get(a.document)
    if on is None:
        return None
    res = convert(b.value, ca, on)
    if res is None:
        return None
    v, r = res
    note = f"{fmt_value(b.value)} converted at the ECB rate of {on.isoformat()}, {r:.4f} {ca} per {cb}, +- {FX_TOLERANCE:.0%}"
    return b.model_copy(update={"value": v}), note


def compare_values(a: Claim, b: Claim, pub: dict[str, Optional[dt.date]], reported: Optional[Reported] = None) -> Decision:
    """Verdict for two figures of one group (same kind, entities and unit): the rules before,
    the kind's comparison, then the rules after (see ``RULES_BEFORE`` / ``RULES_AFTER``)."""
    if a.kind in K.CLOCK_KINDS:
        return compare_clock(a, b, pub)
    conv = _in_one_currency(a, b, pub)
    if conv is not None:
        b, note = conv
        d = compare_values(a, b, pub, reported)
        return (d[0], d[1], d[2].rstrip(".") + f" ({note}).", d[3])
    ctx = Ctx(pub, reported=reported)
    d = _apply(RULES_BEFORE, a, b, ctx)
    if d is not None:
        return d
    if a.kind in K.ONE_OFF_KINDS:
        d = _compare_one_off(a, b, pub)
    elif a.kind in K.STOCK_KINDS:
        d = _compare_stock(a, b, pub)
    else:
        d = _compare_flow(a, b, pub)
    if d[0] != "conflict":
        return d
    ctx.decision = d
    return _apply(RULES_AFTER, a, b, ctx) or d


_OWN_STATEMENT = re.compile(r"communiqué|statement|press release|release|annonce|announcement|dans un|in a\b|sources?", re.I)


def _source(c: Claim) -> Optional[str]:
    """A third party the figure is attributed to (police, a union, a ministry), or None when the
    attribution is the claim's own actor, its press release, or anonymous sources."""
    att = c.attribution
    if not att or _OWN_STATEMENT.search(att):
        return None
    n = _norm(att)
    if any(x and _norm(x) in n for x in (c.subject, c.object)):
        return None
    return re.sub(r"^(?:the|la|le|les|l['’])\s+", "", n)


def _values_verdict(a: Claim, b: Claim, what: str, conflict_conf: float) -> Decision:
    la, lb = _label(a), _label(b)
    if _same(a.value, b.value):
        return ("agree", 0.9, f"Same figure {what}: {la} and {lb}.", "numeric")
    if _overlap(a.value, b.value):
        return ("compatible", 0.8, f"Compatible figures {what}: {la} and {lb}.", "numeric")
    return ("conflict", conflict_conf, f"Different figures {what}: {la} vs {lb}.", "numeric")


def _deal_time(c: Claim, pub: dict[str, Optional[dt.date]]) -> Optional[tuple[dt.date, dt.date]]:
    """When a deal was made: its own date, else (undated) the year its article reports it in."""
    if c.time is not None and c.time.granularity in ("year", "quarter", "month", "day"):
        return _time_interval(c.time)
    p = pub.get(c.document)
    return (p - dt.timedelta(days=NEWS_CYCLE_DAYS), p) if p else None


def _compare_one_off(a: Claim, b: Claim, pub: dict[str, Optional[dt.date]]) -> Decision:
    """A deal has one price: compare the figures unless the dates show two different deals."""
    ta, tb = _deal_time(a, pub), _deal_time(b, pub)
    if ta and tb and (ta[1].year < tb[0].year or tb[1].year < ta[0].year):
        return ("scope_difference", 0.7, f"Different years, possibly different deals: {_label(a)} vs {_label(b)}.", "time")
    if (a.scope == "tranche") != (b.scope == "tranche") and not _same(a.value, b.value):
        part, whole = (a, b) if a.scope == "tranche" else (b, a)  # "40 M of fixed fee" against "45 M in all"
        if _can_be_part(part, whole):
            return ("scope_difference", 0.7, f"A part of the price ({_label(part)}) and a whole ({_label(whole)}).", "numeric")
    return _values_verdict(a, b, "for the same deal", 0.8)


def _as_of(c: Claim, pub: dict[str, Optional[dt.date]]) -> tuple[Optional[tuple[dt.date, dt.date]], bool]:
    p = pub.get(c.document)
    t = _time_interval(c.time, p)
    near = (c.time is None or c.time.start is None or c.anchor_start is None
            or abs(c.time.start - c.anchor_start) <= 50)
    if c.kind in K.ROLELESS_KINDS and p is not None:
        # a toll is the toll of one event: its own date (the parse keeps only the dates of its
        # clause), else the news cycle before its article's publication
        if t is not None and c.time is not None and c.time.granularity in ("day", "month", "year", "quarter") and not c.time.inherited:
            return t, False
        return (p - dt.timedelta(days=NEWS_CYCLE_DAYS), p), True
    if t is not None and (near or p is None):
        return t, False
    # a date far from the figure dates the event around it ("les inondations de dimanche"),
    # not the measure: an undated figure of a news article is the current one, as of the news
    # cycle before its publication (two articles a day apart report the same state)
    return ((p - dt.timedelta(days=NEWS_CYCLE_DAYS), p), True) if p else (None, True)


def _compare_stock(a: Claim, b: Claim, pub: dict[str, Optional[dt.date]]) -> Decision:
    """A measure at a point in time (a valuation, a toll, a share): an undated figure is taken
    as of its article's publication date, and figures as of different dates do not conflict."""
    ta, ia = _as_of(a, pub)
    tb, ib = _as_of(b, pub)
    tot, one = (a, b) if a.scope == "cumulative" else (b, a)
    if (a.scope == "cumulative") != (b.scope == "cumulative") and not _same(a.value, b.value) \
            and (_can_be_part(one, tot) or a.kind in K.ROLELESS_KINDS):
        # a single figure above the total is no part of it: two rival totals (a headcount); a
        # toll's "total" is often of other victims ("a total of five others"), so tolls stay apart
        return ("scope_difference", 0.7, f"A total ({_label(tot)}) and a single figure ({_label(one)}).", "numeric")
    part, whole = (a, b) if a.scope == "tranche" else (b, a)
    if (a.scope == "tranche") != (b.scope == "tranche") and not _same(a.value, b.value) and _can_be_part(part, whole):
        return ("scope_difference", 0.7, f"A part ({_label(part)}) and a whole ({_label(whole)}).", "numeric")
    if _same(a.value, b.value):
        return ("agree", 0.85, f"Same figure: {_label(a)} and {_label(b)}.", "numeric")
    if ta and tb and not _times_overlap(ta, tb):
        return ("scope_difference", 0.8 if not (ia or ib) else 0.65,
                f"As of different dates ({_span(ta)} vs {_span(tb)}): {_label(a)} vs {_label(b)}.", "time")
    conf = 0.85 if ta and tb and not (ia or ib) else 0.55
    if K.PROVISIONAL_CUES.search(a.text) or K.PROVISIONAL_CUES.search(b.text):
        conf -= 0.15
    what = "for the same date" if ta and tb else "with nothing to tell their dates apart"
    return _values_verdict(a, b, what, conf)


def _span(t: tuple[dt.date, dt.date]) -> str:
    return t[0].isoformat() if t[0] == t[1] else f"{t[0].isoformat()}..{t[1].isoformat()}"


def _compare_flow(a: Claim, b: Claim, pub: dict[str, Optional[dt.date]]) -> Decision:
    va, vb = a.value, b.value  # same unit: compare_values checked it
    ta = _time_interval(a.time, pub.get(a.document))
    tb = _time_interval(b.time, pub.get(b.document))
    same = _same(va, vb)
    overlap = _overlap(va, vb)
    la, lb = _label(a), _label(b)
    hedge = 0.15 if (a.hedged or b.hedged) else 0.0
    # different dated periods
    if a.scope in ("tranche", "point_in_time") and b.scope in ("tranche", "point_in_time"):
        if ta and tb and not _times_overlap(ta, tb):
            if same:
                return ("scope_difference", 0.7, f"Same figure reported for different times: {la} vs {lb}.", "time")
            return ("scope_difference", 0.9, f"Different times: {la} vs {lb}.", "time")
        if ta and tb:
            if same:
                return ("agree", 0.95 - hedge, f"Same figure for the same time: {la} and {lb}.", "numeric")
            if overlap:
                return ("compatible", 0.8 - hedge, f"Compatible figures for the same time: {la} and {lb}.", "numeric")
            ga, gb = _GRAN_RANK[a.time.granularity], _GRAN_RANK[b.time.granularity]
            conf = 0.9 if ga == gb else 0.65
            return ("conflict", max(conf - hedge, 0.3), f"Different figures for the same time and scope: {la} vs {lb}.", "numeric")
    # a dated part against a total (or an undated figure); an undated "tranche" (a named round,
    # "la série B") is compared like any undated figure
    dated = {c.scope for c in (a, b) if c.scope != "tranche" or c.time is not None}
    if "tranche" in dated and a.scope != b.scope:
        tranche, total = (a, b) if a.scope == "tranche" else (b, a)
        tt, tot_t = (ta, tb) if tranche is a else (tb, ta)
        if same:
            return ("agree", 0.6 - hedge, f"Same figure: {la} and {lb} (one dated, one not).", "numeric")
        lo_tot, hi_tot = _bounds(total.value)
        t_lo, _ = _bounds(tranche.value)
        # the total must be as of the tranche's time or later (undated figures: their publication)
        tot_e, _ = _as_of(total, pub)
        tr_e, _ = _as_of(tranche, pub)
        total_after = tot_e is None or tr_e is None or tot_e[1] >= tr_e[1]
        if total.scope == "cumulative" and hi_tot < t_lo * (1 - REL_TOL) and total_after:
            return ("conflict", 0.6 - hedge, f"A single dated tranche ({_label(tranche)}) exceeds the reported total ({_label(total)}).", "numeric")
        return ("scope_difference", 0.85, f"Different scope: {_label(total)} vs a dated tranche {_label(tranche)}.", "numeric")
    # cumulative / unknown against each other
    if same:
        return ("agree", 0.9 - hedge, f"Same figure: {la} and {lb}.", "numeric")
    if overlap:
        return ("compatible", 0.8 - hedge, f"Both can be true: {la} and {lb} overlap.", "numeric")
    if ta and tb and not _times_overlap(ta, tb):
        return ("scope_difference", 0.8, f"Different times: {la} vs {lb}.", "time")
    pa, pb = pub.get(a.document), pub.get(b.document)
    if pa and pb and abs((pa - pb).days) > 90:
        return ("scope_difference", 0.6, f"Reported at different times ({pa} vs {pb}): {la} vs {lb}.", "time")
    flow = a.kind in K.FLOW_KINDS
    if flow and not (a.scope == b.scope == "cumulative"):
        # an undated flow may be one tranche or the total; reported in one news cycle with no
        # word of a part or a total ("au total", "dont", a date), the two figures are two
        # accounts of the same news, and differ: a weak conflict, not a silent scope difference
        if pa and pb and abs((pa - pb).days) <= NEWS_CYCLE_DAYS and "cumulative" not in (a.scope, b.scope):
            return ("conflict", max(0.45 - hedge, 0.3), f"Different figures reported in the same news cycle ({pa} / {pb}), "
                    f"and nothing says one is a part or a total: {la} vs {lb}.", "numeric")
        return ("scope_difference", 0.5, f"Different figures, and nothing says they cover the same period or scope "
                f"(a tranche or a total): {la} vs {lb}.", "numeric")
    what = "totals" if flow else "figures"
    return ("conflict", max(0.6 - hedge, 0.3), f"Different {what} for the same scope, with nothing to tell their times apart: {la} vs {lb}.", "numeric")


def compare_times(a: Claim, b: Claim, kind: str, pub: dict[str, Optional[dt.date]]) -> Decision:
    def when(c: Claim) -> Optional[tuple[dt.date, dt.date]]:
        t = c.time
        if kind in K.DATED_KINDS and t is not None and t.relation == "since":
            t = t.model_copy(update={"relation": "at"})  # "a partir del 11 de noviembre": the event's date is the 11th
        return _time_interval(t, pub.get(c.document))

    ta, tb = when(a), when(b)
    fa, fb = fmt_time(a.time), fmt_time(b.time)
    if ta is None or tb is None:
        return ("compatible", 0.6, f"Same event; {'neither' if ta is None and tb is None else 'only one'} source dates it ({fa} / {fb}).", "time")
    if _times_overlap(ta, tb):
        if a.time.value == b.time.value and a.time.relation == b.time.relation:
            return ("agree", 0.9, f"Same date: {fa}.", "time")
        return ("compatible", 0.8, f"Compatible dates: {fa} and {fb} (one more precise).", "time")
    if kind in {"founding", "partnership_start", "partnership_end"} | K.DATED_KINDS:
        return ("conflict", 0.8, f"A one-off event dated differently: {fa} vs {fb}.", "time")
    return ("scope_difference", 0.7, f"Different dates: {fa} vs {fb} (possibly separate events).", "time")


def _one_story(a: Claim, b: Claim) -> bool:
    """Two articles of one story: they share a salient name (``Claim.cues`` "name:...",
    claims.extract); or two words of their names; or one name is a word of the other's compound
    place name ("Oursanne" / "Saint-Aubin-d'Oursanne"); a shared dateline place ("place:...")
    counts only with one more shared name word."""
    na = [c[5:] for c in a.cues if c.startswith("name:")]
    nb = [c[5:] for c in b.cues if c.startswith("name:")]
    if set(na) & set(nb):
        return True  # one name in both
    # two words of their names in common ("Sindicato", "Valdeserra" / "Sindicato Médico de
    # Valdeserra"), not one ("Martin" / "Martin Luther King Day")
    wa = {w for n in na for w in n.split() if len(w) > 2}
    wb = {w for n in nb for w in n.split() if len(w) > 2}
    if len(wa & wb) >= 2:
        return True

    def parts(name: str) -> list[str]:
        return re.split(r"[-'’]+", name) if re.search(r"[-'’]", name) and " " not in name else []

    if any(n in parts(m) for n in na for m in nb) or any(n in parts(m) for n in nb for m in na):
        return True
    pa = {c[6:] for c in a.cues if c.startswith("place:")}
    pb = {c[6:] for c in b.cues if c.startswith("place:")}
    places = (pa & (pb | set(nb))) | (pb & set(na))
    return bool(places) and bool((wa & wb) - places)


def _opposite(a: Claim, b: Claim) -> Optional[Decision]:
    """Structured contradiction between event directions (leaving vs joining or keeping)."""
    if not (a.direction and b.direction) or a.direction == b.direction or a.value is not None or b.value is not None:
        return None
    ta, tb = _time_interval(a.time), _time_interval(b.time)
    dirs = {a.direction, b.direction}
    if dirs == {"exit", "keep"}:
        ex, kp = (a, b) if a.direction == "exit" else (b, a)
        te, tk = (ta, tb) if ex is a else (tb, ta)
        # keeping a seat at or after the date it was given up contradicts the exit
        what = "post" if a.kind == "leadership_change" else "seat"
        if te is None or tk is None or tk[1] >= te[0]:
            return ("conflict", 0.75, f"One source says the {what} was given up ({fmt_time(ex.time)}), the other that it was kept "
                    f"({fmt_time(kp.time)}).", "rules")
        return ("scope_difference", 0.6, f"Kept ({fmt_time(kp.time)}) before being given up ({fmt_time(ex.time)}).", "time")
    if dirs == {"keep", "enter"}:
        return None  # joining then keeping a seat is one story
    if ta is not None and tb is not None and _times_overlap(ta, tb) and a.time.granularity == b.time.granularity:
        return ("conflict", 0.75, f"Opposite events at the same time: '{a.direction}' vs '{b.direction}' ({fmt_time(a.time)}).", "rules")
    return ("scope_difference", 0.6, f"Different events: '{a.direction}' ({fmt_time(a.time)}) and '{b.direction}' ({fmt_time(b.time)}).", "rules")


def compare_clock(a: Claim, b: Claim, pub: dict[str, Optional[dt.date]]) -> Decision:
    """Two articles time one story's incident: times that cannot overlap conflict, unless the
    articles share no name, an article gives two times (two moments of the story), or the two
    are dated to different days."""
    la, lb = fmt_value(a.value), fmt_value(b.value)
    if a.document == b.document or "several times" in a.cues or "several times" in b.cues:
        return ("scope_difference", 0.5, f"An article gives several times of day: two moments ({la} / {lb}).", "rules")
    if not _one_story(a, b):
        return ("scope_difference", 0.6, f"Two articles with no name in common: times of two stories ({la} / {lb}).", "rules")
    ta, tb = _time_interval(a.time, pub.get(a.document)), _time_interval(b.time, pub.get(b.document))
    va, vb = a.value, b.value  # minutes after midnight: the intervals are the tolerance, no relative one
    near_midnight = min(va.low % 1440, vb.low % 1440) < 120 or max(va.high % 1440, vb.high % 1440) > 1320
    if ta and tb and not _times_overlap(ta, tb) and not (near_midnight and abs((ta[0] - tb[0]).days) <= 1):
        return ("scope_difference", 0.6, f"Times of different days: {la} ({fmt_time(a.time)}) vs {lb} ({fmt_time(b.time)}).", "time")
    if any(va.low <= vb.high + d and vb.low + d <= va.high for d in (-1440, 0, 1440)):  # round midnight too
        return ("agree" if (va.low, va.high) == (vb.low, vb.high) else "compatible", 0.8, f"Compatible times of the incident: {la} and {lb}.", "numeric")
    pa, pb = pub.get(a.document), pub.get(b.document)
    if pa and pb and abs((pa - pb).days) > NEWS_CYCLE_DAYS:
        return ("scope_difference", 0.6, f"Reported at different times ({pa} / {pb}): {la} vs {lb}.", "time")
    return ("conflict", 0.7, f"The incident is timed differently: {la} vs {lb}.", "numeric")


def compare_holders(a: Claim, b: Claim, pub: dict[str, Optional[dt.date]]) -> Decision:
    """Two articles name the holder of one post: the same person agrees; two people conflict when
    the articles are of one story, of one news cycle, and name no different place or body the
    post is of ("préfet du Gard" / "préfet des Hautes-Pyrénées")."""
    from .align import names_clash

    post = (a.predicate or "").removeprefix("post: ")
    if not names_clash(a.subject, b.subject):
        return ("agree", 0.85, f"Same {post}: {a.subject}.", "rules")
    qa = [c[3:] for c in a.cues if c.startswith("of:")]
    qb = [c[3:] for c in b.cues if c.startswith("of:")]
    if qa and qb and names_clash(qa[0], qb[0]):
        return ("scope_difference", 0.7, f"Two posts: {post} of {qa[0]} ({a.subject}) and of {qb[0]} ({b.subject}).", "rules")
    if bool(qa) != bool(qb):  # "Harrowgate CEO X" / "Y, the chief executive": maybe of the other body
        return ("scope_difference", 0.55, f"Only one source says whose {post} it is: {a.subject} / {b.subject}.", "rules")
    if a.document == b.document or "several holders" in a.cues or "several holders" in b.cues:
        return ("scope_difference", 0.5, f"An article names two people with the title {post}: {a.subject} and {b.subject} (two posts or a succession).", "rules")
    if not _one_story(a, b):
        return ("scope_difference", 0.6, f"Two articles with no name in common: the {post} of two stories ({a.subject} / {b.subject}).", "rules")
    pa, pb = pub.get(a.document), pub.get(b.document)
    if pa and pb and abs((pa - pb).days) > NEWS_CYCLE_DAYS:
        return ("scope_difference", 0.6, f"Reported at different times ({pa} / {pb}): {post} {a.subject} vs {b.subject}.", "time")
    return ("conflict", 0.7, f"The two sources name different people as {post}: {a.subject} vs {b.subject}.", "rules")


def compare_stances(a: Claim, b: Claim, kind: str, pub: dict[str, Optional[dt.date]]) -> Decision:
    """Two articles' stances on a yes-or-no fact (an arrest): the same stance agrees; opposite
    stances conflict when the negative article is published after the positive one, within one
    story (an earlier "no arrest" and a later arrest is an update)."""
    topic = K.STANCE_TOPICS.get(kind, kind)
    if a.negated == b.negated:
        return ("agree", 0.8, f"Both sources {'deny' if a.negated else 'report'} the {topic}.", "rules")
    if not _one_story(a, b):
        return ("scope_difference", 0.6, f"Two articles with no name in common: the {topic} of two stories.", "rules")
    neg, pos = (a, b) if a.negated else (b, a)
    pn, pp = pub.get(neg.document), pub.get(pos.document)
    if K.STANCE_CONFLICT.get(kind) == "any" and pn and pp and abs((pn - pp).days) <= NEWS_CYCLE_DAYS:
        return ("conflict", 0.65, f"One source says there will be an {topic}, the other that there will be none ({pp} / {pn}).", "rules")
    if pn and pp and pn > pp and (pn - pp).days <= NEWS_CYCLE_DAYS:
        return ("conflict", 0.65, f"A later source ({pn}) says there was no {topic}; an earlier one ({pp}) reported it.", "rules")
    return ("scope_difference", 0.55, f"One source reports the {topic}, another ({pn or 'undated'}, not later) says there was none yet: "
            "possibly an update.", "time")


def compare_events(a: Claim, b: Claim, kind: str, pub: dict[str, Optional[dt.date]], nli: Any = None) -> Decision:
    if kind in K.HOLDER_KINDS:
        return compare_holders(a, b, pub)
    if kind in K.STANCE_KINDS:
        return compare_stances(a, b, kind, pub)
    if kind in K.DATED_KINDS and ("several dates" in a.cues or "several dates" in b.cues):
        return ("scope_difference", 0.6, f"An article dates the {_KIND_TOPIC.get(kind, kind)} twice: two events "
                f"({fmt_time(a.time)} / {fmt_time(b.time)}).", "rules")
    if kind in K.DATED_KINDS and a.document != b.document and not _one_story(a, b):
        return ("scope_difference", 0.6, "Two articles with no organisation or person in common: the "
                f"{_KIND_TOPIC.get(kind, kind)} of two stories ({fmt_time(a.time)} / {fmt_time(b.time)}).", "rules")
    if a.document == b.document and a.sentence == b.sentence:
        # two figures of one sentence that both mention the event: one statement of it, whose
        # figures carry their own dates ("founded in 2019, it employs 240 people today")
        return ("compatible", 0.5, "One sentence mentions the event once; its figures' dates are not the event's.", "rules")
    opp = _opposite(a, b)
    if opp is not None:
        if opp[0] == "conflict" and (a.hedged or b.hedged):
            return ("scope_difference", 0.5, opp[2].rstrip(".") + "; but a claim is hedged or prospective.", opp[3])
        return opp
    if a.negated != b.negated and not (a.hedged or b.hedged):
        neg, pos = (a, b) if a.negated else (b, a)
        return ("conflict", 0.7, f"One source negates what the other states ({fmt_time(pos.time)}).", "rules")
    decision = compare_times(a, b, kind, pub)
    if nli is not None and a.value is None and b.value is None and a.text != b.text:
        conflict, p = nli.is_conflict(a.text, b.text)
        # an article does not contradict itself, and two claims of one direction ("gave up the
        # seat" twice) need near-certainty from the model to be called contradictory
        if conflict and a.document == b.document:
            conflict = False
        if conflict and a.direction and a.direction == b.direction and a.negated == b.negated and p < SAME_DIRECTION_NLI_MIN:
            conflict = False
        if conflict and decision[0] != "scope_difference" and not (a.hedged or b.hedged):
            return ("conflict", round(float(p), 3), f"NLI finds the statements contradictory (p={p:.2f}, both directions).", "nli")
        if decision[0] in ("agree", "compatible"):
            return (decision[0], decision[1], decision[2] + f" NLI contradiction p={p:.2f}.", decision[3])
    return decision


# ---------------------------------------------------------------- grouping
def _unit_family(c: Claim) -> str:
    if c.value is None:
        return "event"
    if c.value.currency:
        return "money"
    return c.value.unit or "number"


def _norm(name: Optional[str]) -> Optional[str]:
    """Grouping form of a name: accents folded, case folded ("Nuvéo" = "Nuveo")."""
    if name is None:
        return None
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)).casefold()


def _keys(c: Claim) -> list[tuple]:
    out = []
    for kind in [c.kind] + list(c.also):
        if kind in K.GENERIC_KINDS:
            continue  # a figure whose measure is unknown is compared with nothing
        fam = _unit_family(c) if kind == c.kind else "event"
        subj, obj = _norm(c.subject), _norm(c.object)
        if kind in K.UNNAMED_KINDS:
            subj = obj = None  # the event's date tells tolls apart, not the names around them; a
            # dated event is grouped by what it is of ("start|strike"), and compared within one story
            if K.is_detail(c.predicate) and kind == c.kind:
                continue  # a figure of the story, not the article's toll
        if kind in K.SYMMETRIC_KINDS and subj and obj:
            subj, obj = sorted([subj, obj])
        if c.predicate and kind == c.kind and kind not in {"funding", "investment"}:
            fam = f"{fam}|{c.predicate}"  # e.g. the election round
        out.append((kind, fam, subj, obj))
    return out


def _signature(c: Claim, kind: str, with_text: bool) -> tuple:
    v = c.value
    vs = None if v is None else (v.amount, v.low, v.high, v.qualifier, v.currency, v.unit)
    t = c.time
    ts = None if t is None else (t.value, t.relation, t.granularity)
    sig = (kind == c.kind and vs, ts, c.scope, c.direction, c.negated, c.hedged)
    if kind in K.UNNAMED_KINDS - K.ROLELESS_KINDS:  # the person and the story tell these apart, not the value alone
        sig += (c.subject, tuple(sorted(x for x in c.cues if x.startswith(("name:", "place:", "of:")))))
    return sig + ((c.text,) if with_text else ())


def _sort_time(c: Claim) -> dt.date:
    t = _time_interval(c.time)
    return t[0] if t else dt.date.min


def _short_names(claims: Sequence[Claim]) -> dict[str, str]:
    """A short name that begins exactly one longer name of the corpus stands for it
    ("Brightway" -> "Brightway Home", "Helix" -> "Helix Mobile")."""
    names = {_norm(n) for c in claims for n in (c.subject, c.object) if n}
    out = {}
    for n in names:
        if len(n) < 4:
            continue
        longer = [m for m in names if m != n and m.startswith(n + " ")]
        if len(longer) == 1:
            out[n] = longer[0]
    return out


def group_claims(claims: Sequence[Claim]) -> dict[tuple, list[Claim]]:
    buckets: dict[tuple, list[Claim]] = defaultdict(list)
    partial: list[tuple[tuple, Claim]] = []
    short = _short_names(claims)
    for c in claims:
        for key in _keys(c):
            if short:
                kind, fam, subj, obj = key
                key = (kind, fam, short.get(subj, subj), short.get(obj, obj))
            kind, fam, subj, obj = key
            if kind in K.UNNAMED_KINDS:
                buckets[key].append(c)
                continue
            if subj is None and obj is None:
                if kind in K.DURATION_CUES:  # "Otto anni di carcere": the one sentenced person's group, else one of its own
                    partial.append((key, c))
                continue
            if subj is None or (obj is None and kind in K.FLOW_KINDS | K.SYMMETRIC_KINDS | K.POST_KINDS):
                partial.append((key, c))
            else:
                buckets[key].append(c)
    by_kind: dict[tuple, list[tuple]] = defaultdict(list)  # buckets by (kind, family): linear, not all buckets per claim
    for k in buckets:
        by_kind[(k[0], k[1])].append(k)
    for key, c in partial:
        kind, fam, subj, obj = key
        matches = [k for k in by_kind.get((kind, fam), []) if (subj is None or k[2] == subj) and (obj is None or k[3] == obj)]
        if len(matches) == 1:
            buckets[matches[0]].append(c)
        else:
            buckets[key].append(c)
    return buckets


PARAPHRASE_MIN = 0.8  # mutual entailment needed to treat two event claims as the same claim


def align_paraphrases(buckets: dict[tuple, list[Claim]], nli: Any) -> dict[tuple, list[Claim]]:
    """Merge event buckets whose claims entail each other (NLI paraphrase alignment).

    Only buckets that share an entity are tried, and only one representative pair per bucket
    pair is sent to the model, so the cost grows with the number of groups, not of claims.
    """
    if nli is None:
        return buckets
    keys = [k for k in buckets if k[1] == "event"]
    merged: dict[tuple, tuple] = {}
    for i, ka in enumerate(keys):
        for kb in keys[i + 1 :]:
            if ka[0] == kb[0] or merged.get(kb) or merged.get(ka):
                continue
            if not ({ka[2], ka[3]} - {None}) & ({kb[2], kb[3]} - {None}):
                continue
            a, b = buckets[ka][0], buckets[kb][0]
            if a.document == b.document and a.sentence == b.sentence:
                continue
            if nli.mutual_entailment(a.text, b.text) >= PARAPHRASE_MIN:
                merged[kb] = ka
    for kb, ka in merged.items():
        while ka in merged:
            ka = merged[ka]
        buckets[ka].extend(c for c in buckets.pop(kb) if c not in buckets[ka])
    return buckets


def reconcile(claims: Sequence[Claim], docs: dict[str, Document]) -> Optional[str]:
    """Sum dated tranches against reported totals (flow kinds, one currency)."""
    money = [c for c in claims if c.value is not None and c.value.currency]
    if len({c.value.currency for c in money}) != 1:
        return None
    cur = money[0].value.currency
    tranches: list[Claim] = []
    for c in sorted((c for c in money if c.scope == "tranche" and c.value.qualifier == "exact"), key=lambda c: _GRAN_RANK[c.time.granularity] if c.time else 9):
        ti = _time_interval(c.time)
        dup = False
        for t in tranches:
            tj = _time_interval(t.time)
            if ti and tj and _times_overlap(ti, tj) and _same(c.value, t.value):
                dup = True
                break
        if not dup:
            tranches.append(c)
    totals = [c for c in money if c.scope in ("cumulative", "unknown")]
    if not tranches or not totals:
        return None
    tranches.sort(key=lambda c: (c.time.earliest or dt.date.min) if c.time else dt.date.min)
    # tranches reported for overlapping times with different figures are one disputed tranche:
    # count it once, with the figure of the most sources (ties: the smallest), and say so
    clusters: list[list[Claim]] = []
    for c in tranches:
        ti = _time_interval(c.time)
        for cl in clusters:
            tj = _time_interval(cl[0].time)
            if ti and tj and _times_overlap(ti, tj):
                cl.append(c)
                break
        else:
            clusters.append([c])
    disputed = []
    chosen = []
    for cl in clusters:
        if len(cl) == 1:
            chosen.append(cl[0])
            continue
        support = {id(c): sum(1 for m in money if m.scope == "tranche" and _same(m.value, c.value)) for c in cl}
        best = max(cl, key=lambda c: (support[id(c)], -c.value.amount))
        chosen.append(best)
        disputed.append(f"{fmt_time(best.time)}: " + " vs ".join(fmt_amount(c.value.amount) for c in cl))
    tranches = chosen
    s = sum(c.value.amount for c in tranches)
    parts = " + ".join(f"{fmt_amount(c.value.amount)} ({fmt_time(c.time)})" for c in tranches)
    tot_desc = "; ".join(sorted({f"{fmt_value(c.value)} [{c.document}]" for c in totals}))
    text = f"Dated tranches: {parts} = {fmt_amount(s)} {cur}. Reported totals: {tot_desc}."
    if disputed:
        text += " Disputed tranche figures (counted once, as most sources give them): " + "; ".join(disputed) + "."
    exact_totals = sorted({c.value.amount for c in totals if c.value.qualifier == "exact" and c.value.amount})
    notes = []
    for tot in exact_totals:
        if tot > s * (1 + REL_TOL):
            notes.append(f"the tranches account for {fmt_amount(s)} of {fmt_amount(tot)} {cur}; {fmt_amount(tot - s)} {cur} not accounted for by any dated tranche in the sources")
        elif tot < s * (1 - REL_TOL):
            notes.append(f"the tranches ({fmt_amount(s)} {cur}) exceed the reported total of {fmt_amount(tot)} {cur}")
        else:
            notes.append(f"the tranches add up to the reported total of {fmt_amount(tot)} {cur}")
    for c in totals:
        v = c.value
        if v.qualifier in ("lower_bound", "vague", "upper_bound", "range"):
            lo, hi = _bounds(v)
            ok = lo <= s * (1 + REL_TOL) and s <= hi * (1 + REL_TOL) if v.qualifier != "lower_bound" else True
            if v.qualifier == "lower_bound":
                notes.append(f"consistent with '{fmt_value(v)}'" if s >= lo * (1 - REL_TOL) or any(t >= lo for t in exact_totals) else f"below '{fmt_value(v)}'")
            elif not ok:
                notes.append(f"not within '{fmt_value(v)}'")
    if notes:
        joined = "; ".join(dict.fromkeys(notes))
        text += " " + joined[:1].upper() + joined[1:] + "."
    return text


def _topic(kind: str, subj: Optional[str], obj: Optional[str]) -> str:
    name = _KIND_TOPIC.get(kind, kind.replace("_", " "))
    if kind in K.SYMMETRIC_KINDS:
        who = " and ".join(x for x in (subj, obj) if x)
        return f"{name.capitalize()} between {who}" if who else name.capitalize()
    if subj and obj:
        rel = {"investment": "in", "acquisition": "of", "board_change": "at"}.get(kind, "/")
        return f"{subj}: {name} {rel} {obj}"
    return f"{(subj or obj)}: {name}"


def _aligned_kind(a: Claim, b: Claim) -> str:
    from .align import SPECIFIC_NEUTRAL

    for c in (a, b):
        if c.kind not in SPECIFIC_NEUTRAL:
            return c.kind
    return "count" if "count" in (a.kind, b.kind) else a.kind


TWO_HOP_MAX = 3  # two-hop partners a figure is compared with at most (linear in the corpus)


def _two_hop(comp: list, by_id: dict[str, Claim]) -> list:
    """Pairs of figures of two articles that are not each other's best match but are both
    aligned with one figure of a third ("53,8 %" ~ "more than 53 %" ~ "55,2 %"): what two
    figures measure is shared through the one they both measure, so they are compared too;
    the pair scores as its weaker edge, and never pairs clashing kinds or named subjects."""
    from .align import Alignment, _kinds_clash, subjects_clash
    from .nlp import PARSED

    nbrs: dict[str, list] = defaultdict(list)
    for al in comp:
        nbrs[al.a].append((al.b, al))
        nbrs[al.b].append((al.a, al))
    have = {frozenset((al.a, al.b)) for al in comp}
    count: dict[str, int] = defaultdict(int)
    out = []
    for mid in sorted(nbrs):
        ends = sorted(nbrs[mid], key=lambda t: (-t[1].score, t[0]))
        for i, (x, ax) in enumerate(ends):
            for y, ay in ends[i + 1:]:
                a, b = by_id[x], by_id[y]
                k = frozenset((x, y))
                if a.document == b.document or k in have or count[x] >= TWO_HOP_MAX or count[y] >= TWO_HOP_MAX:
                    continue
                if _kinds_clash(a, b) or (a.language in PARSED and b.language in PARSED and subjects_clash(a, b)):
                    continue
                have.add(k)
                count[x] += 1
                count[y] += 1
                shared = tuple(c for c in ax.shared if c in ay.shared) or ax.shared
                out.append(Alignment(x, y, min(ax.score, ay.score), shared))
    return out


def _aligned_finding(al, by_id: dict[str, Claim], pub: dict[str, Optional[dt.date]], reported: Optional[Reported]) -> Finding:
    from .align import is_person_unit

    a, b = by_id[al.a], by_id[al.b]
    upd = {"kind": _aligned_kind(a, b)}
    ca, cb = a.model_copy(update=upd), b.model_copy(update=upd)
    for c in (ca, cb):
        if c.value.unit and is_person_unit(c.value.unit, c.language):
            c.value = c.value.model_copy(update={"unit": "persons"})
    verdict, conf, expl, method = compare_values(ca, cb, pub, reported)
    if verdict == "conflict":
        verdict, conf, expl, method = _apply(ALIGNED_RULES, ca, cb, Ctx(pub, (verdict, conf, expl, method))) or (verdict, conf, expl, method)
    expl = expl.rstrip(".") + f". Aligned by what they measure ({', '.join(x.replace('unit:', '') for x in al.shared[:3])}; similarity {al.score:.2f})."
    return Finding(a=a.id, b=b.id, verdict=verdict, confidence=round(conf * min(1.0, 0.5 + al.score), 3), explanation=expl, method=method)


def _aligned_groups(claims: Sequence[Claim], groups: Sequence[Group], pub: dict[str, Optional[dt.date]],
                    reported: Optional[Reported] = None) -> list[Group]:
    """Groups of figures aligned across articles by what they measure (``claims.align``) that
    the grouping by kind and subject did not already compare."""
    from .align import align_figures

    done = {frozenset((f.a, f.b)) for g in groups for f in g.findings}
    same_group = defaultdict(set)
    for g in groups:
        for cid in g.claims:
            same_group[cid].add(g.id or g.topic)
    by_id = {c.id: c for c in claims}
    edges = [al for al in align_figures(claims) if frozenset((al.a, al.b)) not in done
             and not (same_group[al.a] & same_group[al.b])]
    # connected components of the aligned pairs (union-find)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for al in edges:
        parent[find(al.a)] = find(al.b)
    comps: dict[str, list] = defaultdict(list)
    for al in edges:
        comps[find(al.a)].append(al)
    out: list[Group] = []
    for comp in comps.values():
        findings = []
        members: list[str] = []
        kind = _aligned_kind(by_id[comp[0].a], by_id[comp[0].b])
        consistent = []
        for al in comp:
            f = _aligned_finding(al, by_id, pub, reported)
            findings.append(f)
            if f.verdict in ("agree", "compatible"):
                consistent.append(al)
            members += [x for x in (al.a, al.b) if x not in members]
        findings += [_aligned_finding(al, by_id, pub, reported) for al in _two_hop(consistent, by_id)]
        cues = [c.replace("unit:", "") for c in comp[0].shared[:3]]
        name = _KIND_TOPIC.get(kind, kind.replace("_", " "))
        out.append(Group(id="", kind=kind, topic=f"{name[:1].upper()}{name[1:]} (aligned by: {', '.join(cues)})" if cues else name,
                         claims=members, findings=findings, has_conflict=any(f.verdict == "conflict" for f in findings)))
    return out


def crosscheck(
    claims: Sequence[Claim],
    documents: Sequence[Document],
    nli: Any = None,
    progress: Optional[Callable[[int], None]] = None,
) -> tuple[list[Group], int]:
    """Group claims and decide every pair in each group. Returns (groups, pairs compared)."""
    docs = {d.id: d for d in documents}
    pub = {d.id: d.published for d in documents}
    reported = reported_index(claims)
    buckets = align_paraphrases(group_claims(claims), nli)
    originals: dict[str, str] = {}
    for c in claims:  # the spelling of a name as first written, for the group's topic
        for n in (c.subject, c.object):
            if n:
                originals.setdefault(_norm(n), n)
    groups: list[Group] = []
    compared = 0
    for key, members in buckets.items():
        # one claim once per group
        seen = set()
        members = [c for c in members if not (c.id in seen or seen.add(c.id))]
        if len(members) < 2:
            continue
        kind, fam, subj, obj = key
        subj = originals.get(subj, subj) if subj else subj
        obj = originals.get(obj, obj) if obj else obj
        if kind in K.SYMMETRIC_KINDS and subj and obj:
            subj, obj = sorted([subj, obj], key=lambda n: min((c.start for c in members if n in (c.subject, c.object)), default=0))
        findings: list[Finding] = []
        is_event_view = fam.split("|")[0] == "event"
        with_text = nli is not None and is_event_view

        def decide(a: Claim, b: Claim) -> Decision:
            if not is_event_view and a.value is not None and b.value is not None:
                return compare_values(a, b, pub, reported)
            return compare_events(a, b, kind, pub, nli)

        if len(members) <= FULL_PAIRS_MAX:
            for a, b in itertools.combinations(members, 2):
                verdict, conf, expl, method = decide(a, b)
                compared += 1
                findings.append(Finding(a=a.id, b=b.id, verdict=verdict, confidence=round(conf, 3), explanation=expl, method=method))
        else:
            classes: dict[tuple, list[Claim]] = defaultdict(list)
            for c in members:
                classes[_signature(c, kind, with_text)].append(c)
            reps = list(classes.values())
            # compare distinct claims with each other, but in very large groups only with their
            # MAX_NEIGHBOURS nearest (by time, then value): cost stays linear in the group size
            reps.sort(key=lambda cl: (_sort_time(cl[0]), (cl[0].value.amount or cl[0].value.low or 0) if cl[0].value else 0))
            for i, ci in enumerate(reps):
                if len(ci) > 1:
                    n = len(ci) * (len(ci) - 1) // 2
                    verdict, conf, expl, method = decide(ci[0], ci[1])
                    compared += 1
                    findings.append(Finding(a=ci[0].id, b=ci[1].id, verdict=verdict, confidence=round(conf, 3),
                                            explanation=expl + f" (stands for {n} pairs of identical claims)", method=method, covers=n))
                for cj in reps[i + 1 : i + 1 + MAX_NEIGHBOURS] if len(reps) > FULL_PAIRS_MAX else reps[i + 1 :]:
                    verdict, conf, expl, method = decide(ci[0], cj[0])
                    compared += 1
                    findings.append(Finding(a=ci[0].id, b=cj[0].id, verdict=verdict, confidence=round(conf, 3), explanation=expl,
                                            method=method, covers=len(ci) * len(cj)))
        if progress:
            progress(len(members))
        recon = reconcile(members, docs) if (not is_event_view and kind in K.FLOW_KINDS) else None
        groups.append(
            Group(
                id="",
                kind=kind,
                subject=subj,
                object=obj,
                topic=_topic(kind, subj, obj),
                claims=[c.id for c in members],
                findings=findings,
                reconciliation=recon,
                has_conflict=any(f.verdict == "conflict" for f in findings),
            )
        )
    aligned = _aligned_groups(claims, groups, pub, reported)
    compared += sum(len(g.findings) for g in aligned)
    groups.extend(aligned)
    groups.sort(key=lambda g: (not g.has_conflict, -len(g.claims), g.topic))
    for i, g in enumerate(groups, 1):
        g.id = f"G{i}"
    return groups, compared
