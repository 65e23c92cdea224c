"""The data model of `claims`: every stage reads and writes these pydantic types.

Data flows one way:
    Document -> Sentence -> Mention -> Claim -> Group (with Findings) -> Report

Conventions
- Offsets (`start`, `end`) are Python ``str`` offsets into ``Document.text``, the decoded
  original text (end exclusive). Boilerplate is never deleted from ``text``; it is listed in
  ``Document.removed`` and no sentence is produced from it.
- A numeric ``Value`` is an interval ``[low, high]``: ``None`` on either side means unbounded
  ("plus de 10 milliards de dollars" is low=1e10, high=None, qualifier="lower_bound").
- A ``TimeRef`` keeps its granularity: "juillet 2019" is value "2019-07", granularity "month".
"""
from __future__ import annotations

import datetime as _dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    start: int
    end: int


class RemovedSpan(_Model):
    """A region of a document recognised as boilerplate (never yields sentences)."""

    start: int
    end: int
    reason: str  # e.g. "share_counter", "cookie_banner", "read_also", "tag_cloud", "foreign_language"


class Document(_Model):
    id: str
    path: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    language: Optional[str] = None  # ISO 639-1 ("fr", "en", ...)
    published: Optional[_dt.date] = None
    published_from: Optional[Literal["metadata", "text"]] = None
    text: str = Field(description="decoded original text; all offsets point into it")
    kept: list[Span] = Field(default_factory=list, description="main-text regions")
    removed: list[RemovedSpan] = Field(default_factory=list)
    sha256: Optional[str] = None


class Sentence(_Model):
    document: str
    index: int
    start: int
    end: int
    text: str


Qualifier = Literal[
    "exact",  # "10 milliards"
    "lower_bound",  # "plus de", "au moins", "more than"
    "upper_bound",  # "moins de", "jusqu'à", "up to"
    "approximate",  # "environ", "près de", "about", "nearly"
    "range",  # "entre 10 et 12", "10 à 12"
    "vague",  # "plusieurs milliards", "several billion"
]


class Value(_Model):
    """A normalised quantity: an interval with currency or unit."""

    amount: Optional[float] = Field(None, description="the figure as stated, scaled (None when vague)")
    low: Optional[float] = Field(None, description="lower bound; None = unbounded")
    high: Optional[float] = Field(None, description="upper bound; None = unbounded")
    low_inclusive: bool = True
    high_inclusive: bool = True
    qualifier: Qualifier = "exact"
    currency: Optional[str] = Field(None, description="ISO 4217 code for money")
    unit: Optional[str] = Field(None, description="'%' for percentages, the counted noun for counts")
    precision: Optional[float] = Field(None, description="half a unit of the last digit stated ('4,2 milliards': 5e7); figures this close agree")


Granularity = Literal["day", "month", "quarter", "year", "decade", "unknown"]


class TimeRef(_Model):
    """A date or period with its granularity."""

    text: str
    start: Optional[int] = None
    end: Optional[int] = None
    value: Optional[str] = Field(None, description="ISO-like: '2019', '2019-07', '2019-07-22', '2019-Q3'")
    granularity: Granularity = "unknown"
    relation: Literal["at", "since", "until", "before", "after", "around", "range"] = "at"
    earliest: Optional[_dt.date] = None
    latest: Optional[_dt.date] = None
    resolved: bool = True  # False for relative expressions with no publication date
    relative: bool = False  # "l'an dernier", "désormais"
    inherited: bool = False  # taken from an earlier mention of the same figure in the document


MentionKind = Literal["money", "number", "percent", "date", "count", "entity"]


class Mention(_Model):
    kind: MentionKind
    start: int
    end: int
    text: str
    value: Optional[Value] = None
    time: Optional[TimeRef] = None
    label: Optional[str] = Field(None, description="entity label (ORG, PER, ...) or canonical name")


ClaimKind = str  # built-ins in claims.kinds.CLAIM_KINDS; user config may add more
Scope = Literal["tranche", "cumulative", "point_in_time", "unknown"]


class Claim(_Model):
    id: str
    document: str
    sentence: int
    start: int
    end: int
    text: str
    kind: ClaimKind
    also: list[str] = Field(default_factory=list, description="other kinds this claim speaks to (a dated investment that also dates a partnership)")
    subject: Optional[str] = None
    object: Optional[str] = None
    predicate: Optional[str] = None
    value: Optional[Value] = None
    time: Optional[TimeRef] = None
    scope: Scope = "unknown"
    hedged: bool = False
    negated: bool = False
    attribution: Optional[str] = None
    language: Optional[str] = None
    kind_source: Literal["rules", "nli", "config"] = "rules"
    anchor_start: Optional[int] = Field(None, description="span of the figure or trigger inside the claim")
    anchor_end: Optional[int] = None
    direction: Optional[str] = Field(None, description="for events: exit / enter / start / end / create / act")
    cues: list[str] = Field(default_factory=list, description="what a figure measures: stems of the sentence's content words, nearest to the figure first (claims.context)")
    derived: Optional[str] = Field(None, description="how a figure the article does not state was derived from figures it does ('5 shot - 1 killed')")
    includes: list[str] = Field(default_factory=list, description="who a count includes beyond the people it names: 'perpetrator' ('seven people, including the shooter', 'three people and then himself')")


Verdict = Literal["agree", "compatible", "scope_difference", "conflict"]
ReviewState = Literal["open", "confirmed", "dismissed", "follow_up"]


class Review(_Model):
    """An editor's review of a finding (kept by the claim store across re-runs, see claims.store)."""

    state: ReviewState = "open"
    note: str = ""
    fingerprint: Optional[str] = Field(None, description="stable id of the finding across re-runs")
    updated: Optional[_dt.datetime] = None
    reviewed_verdict: Optional[Verdict] = Field(None, description="the finding's verdict when it was reviewed")
    changed: bool = Field(False, description="the verdict changed since the review")


class Finding(_Model):
    a: str
    b: str
    verdict: Verdict
    confidence: float
    explanation: str
    method: Literal["numeric", "time", "nli", "rules"] = "numeric"
    covers: int = Field(1, description="number of claim pairs this finding stands for (identical claims are compared once)")
    review: Optional[Review] = Field(None, description="editor's review state (review app / claim store only)")


class Group(_Model):
    id: str
    kind: str
    subject: Optional[str] = None
    object: Optional[str] = None
    topic: str
    claims: list[str]
    findings: list[Finding] = Field(default_factory=list)
    reconciliation: Optional[str] = None
    has_conflict: bool = False


class NliInfo(_Model):
    used: bool = False
    backend: Optional[str] = None
    model: Optional[str] = None
    note: Optional[str] = None
    pairs: int = 0
    cache_hits: int = 0


class Stats(_Model):
    documents: int = 0
    sentences: int = 0
    mentions: int = 0
    claims: int = 0
    groups: int = 0
    pairs_compared: int = 0
    conflicts: int = 0
    seconds: float = 0.0


class Report(_Model):
    schema_version: str = SCHEMA_VERSION
    generator: str = "claims"
    created: Optional[_dt.datetime] = None
    documents: list[Document]
    sentences: list[Sentence] = Field(default_factory=list)
    claims: list[Claim]
    groups: list[Group]
    nli: NliInfo = Field(default_factory=NliInfo)
    stats: Stats = Field(default_factory=Stats)
