"""Cross-article alignment of figures by what they measure (claims -> candidate pairs).

The grouping by kind and named subject (``claims.crosscheck.group_claims``) needs the rules
to give two reports of one fact the same kind and the same subject, which they often do not
("La participation s'est établie à 58,1 %" has no subject; "Das Ebit belief sich auf 124
Millionen Euro" gets the subject "Millionen Euro"). Alignment asks a weaker question in any
language: do two figures of different articles have the same dimension (money, a percentage,
a count of the same unit) and the same nearest words (``Claim.cues``)?

- Each cue weighs by its rank (nearest first) and by how rare it is among the corpus's figures
  (inverse claim frequency): the story's names, present in every sentence, weigh little; the
  word that says what is measured ("participation", "Ebit", "vermisst") weighs most.
- A pair is aligned when each figure is the other's best match in the other's article
  (mutual best) and their cosine reaches ``MIN_SCORE``; two figures with different specific
  kinds (revenue vs profit) or of two differently named subjects (a parent and its subsidiary)
  never align.
- Candidates come from an inverted index over cues, and each claim keeps one match per other
  article and at most ``MAX_PARTNERS`` articles: the number of pairs grows with the number of
  claims, not its square.
"""
from __future__ import annotations

import functools
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from typing import Optional, Sequence

from . import kinds as K
from .context import fold, stem
from .model import Claim

MIN_SCORE = 0.2
MAX_PARTNERS = 4  # articles a figure is aligned with at most (its best matches)
MAX_POSTINGS = 400
MAX_DF = 0.5  # a cue of more than half the corpus's figures is the corpus's topic, not a measure  # a cue shared by more figures than this tells nothing apart: not indexed
_LEXICON_LANGS = ("en", "fr", "es", "de", "it")  # person nouns of any of these languages count as persons
SAME_KIND_BONUS = 0.25  # two figures the rules gave one specific kind (turnout, revenue) need fewer shared words
SAME_SUBJECT_BONUS = 0.1  # two figures about one named entity need fewer shared words
SPECIFIC_NEUTRAL = {"count", "quantity", "percentage", "change_rate"}  # kinds that say nothing about the measure


@dataclass(frozen=True)
class Alignment:
    a: str
    b: str
    score: float
    shared: tuple[str, ...]  # the cues the two figures share, most weight first


def dimension(c: Claim) -> Optional[str]:
    """What kind of quantity a figure is: money (per unit or total), a percentage or
    percentage-point move, or a count of one unit. None for figures that are not aligned."""
    v = c.value
    if v is None or c.kind in K.ROLELESS_KINDS or c.kind in K.CLOCK_KINDS:
        return None
    if c.kind == "age":
        return "age"
    if v.currency:
        return "money/unit" if c.kind == "unit_price" else "money"
    if v.unit == "%":
        return "%"
    if v.unit:
        return "count:persons" if is_person_unit(v.unit, c.language) else "count:" + v.unit.casefold()[:6]
    return None


def is_person_unit(unit: str, lang: Optional[str]) -> bool:
    """Jobs, employees and people of any kind count one measure: persons (``kinds.JOB_UNITS``
    and the person nouns of ``data/measures.json``)."""
    from .frames import lexicon

    if K.is_job_unit(unit) or unit == "persons":
        return True
    langs = [lang] if lang else []
    return any(lexicon(lg).persons.fullmatch(unit) for lg in langs + [x for x in _LEXICON_LANGS if x != lang])


def _cues(c: Claim) -> list[str]:
    """The claim's cues, led by its counted noun for a count ("48 pasajeros": what is counted is
    the first thing a count measures)."""
    v = c.value
    lead: list[str] = []
    if c.kind not in SPECIFIC_NEUTRAL:
        lead.append("kind:" + c.kind)  # what the rules said it measures is a word of its own
        if c.predicate and not c.predicate.startswith(("part", "detail")):
            lead.append("pred:" + c.predicate)  # a named round ("round 2", "series B") of that measure
    if v is not None and v.unit and v.unit != "%" and not v.currency:
        lead.append("unit:" + stem(v.unit))
        if dimension(c) == "count:persons":
            lead.append("unit:persons")  # persons of any name and language are one measure, weighed less
    return lead + list(c.cues)


def _weights(c: Claim) -> dict[str, float]:
    w: dict[str, float] = {}
    for r, cue in enumerate(_cues(c)):
        w.setdefault(cue, 1.0 / (1.0 + r / 2.0))
    return w


def names_clash(x: Optional[str], y: Optional[str]) -> bool:
    """Two names, neither a part (whole words) of the other: "Hollmann" and "Chemiekonzern
    Hollmann" are one entity, "Entreprise1" and "Entreprise16" are two."""
    if not (x and y):
        return False
    fx, fy = fold(x), fold(y)

    def within(p: str, q: str) -> bool:
        return re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", q) is not None

    return not (within(fx, fy) or within(fy, fx))


def _same_named(x: Optional[str], y: Optional[str]) -> bool:
    """Two named subjects that are one entity (one name within the other, whole words)."""
    return bool(x and y) and not names_clash(x, y)


@functools.lru_cache(maxsize=1)
def _generic_units() -> frozenset[str]:
    """The unit cues of nouns that only say people are counted (``data/measures.json``)."""
    data = json.loads(resources.files("claims").joinpath("data/measures.json").read_text(encoding="utf-8"))
    words = [w for lang, ws in data["generic_persons"].items() if not lang.startswith("_") for w in ws]
    return frozenset({"unit:persons", "unit:job"} | {"unit:" + stem(w) for w in words})  # "job": every employee noun


@functools.lru_cache(maxsize=1)
def _measurement_units() -> frozenset[str]:
    data = json.loads(resources.files("claims").joinpath("data/units.json").read_text(encoding="utf-8"))
    return frozenset(k for k in data if not k.startswith("_"))


POPULATION_MIN = 100  # a count of people this large is a population ("412 passengers"), not a group described ("two men")


def _unit_says_what(a: Claim, b: Claim) -> bool:
    """Whether the two figures' shared counted noun says by itself what is counted: a noun that
    is not a person noun ("4,218 patients", "22 countries"), or a person noun counting a
    population ("412 passengers" / "390 passengers"); never an age, nor "three men" / "two men"."""
    if a.kind == "age" or b.kind == "age" or a.value is None or b.value is None or not a.value.unit:
        return False
    if a.value.unit in _measurement_units():
        return False  # "210 km" of line and "100 km/h": a unit of measure says how, not what, is measured
    if not is_person_unit(a.value.unit, a.language):
        return True
    return min(a.value.amount or 0, b.value.amount or 0) >= POPULATION_MIN


def _content_shared(u: dict[str, float], v: dict[str, float], names: set[str], unit_counts: bool = False) -> bool:
    """Whether two figures share a word that says what is measured: not only a generic unit
    ("people"), the kind or the words of the corpus's names (a place or a company named in both
    sentences). With ``unit_counts`` (``_unit_says_what``), a specific counted noun says it."""
    generic = _generic_units()
    return any(((":" not in cue or cue.startswith("pred:")) and cue not in names)
               or (unit_counts and cue.startswith("unit:") and cue not in generic) for cue in set(u) & set(v))


def subjects_clash(a: Claim, b: Claim) -> bool:
    """Two named subjects (or objects) that are different entities: figures of two entities."""
    return names_clash(a.subject, b.subject) or names_clash(a.object, b.object)


def _kinds_clash(a: Claim, b: Claim) -> bool:
    ka, kb = a.kind, b.kind
    return ka != kb and ka not in SPECIFIC_NEUTRAL and kb not in SPECIFIC_NEUTRAL


def align_figures(claims: Sequence[Claim], min_score: float = MIN_SCORE) -> list[Alignment]:
    """Mutual-best pairs of figures from different articles that measure the same thing."""
    figs = [c for c in claims if c.cues and dimension(c) is not None]
    if len(figs) < 2:
        return []
    df: dict[str, int] = defaultdict(int)
    for c in figs:
        for cue in set(_cues(c)):
            df[cue] += 1
    n = len(figs)
    idf = {cue: math.log(1.0 + n / d) for cue, d in df.items()}
    vecs: list[dict[str, float]] = []
    norms: list[float] = []
    for c in figs:
        v = {cue: w * idf[cue] for cue, w in _weights(c).items()}
        vecs.append(v)
        norms.append(math.sqrt(sum(x * x for x in v.values())) or 1.0)
    dims = [dimension(c) for c in figs]
    from .nlp import PARSED

    own_ner = [c.language in PARSED for c in figs]
    names = {stem(w) for c in figs for n in (c.subject, c.object) if n for w in re.findall(r"\w[\w'’-]*", n)}
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, c in enumerate(figs):
        for cue in vecs[i]:
            index[(dims[i], cue)].append(i)
    # best match of each figure in each other article
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for i, c in enumerate(figs):
        scores: dict[int, float] = defaultdict(float)
        for cue, x in vecs[i].items():
            post = index[(dims[i], cue)]
            if len(post) > MAX_POSTINGS or df[cue] > max(2, MAX_DF * n):
                continue
            for j in post:
                if j != i and figs[j].document != c.document:
                    scores[j] += x * vecs[j][cue]
        for j, s in scores.items():
            if _kinds_clash(c, figs[j]) or (own_ner[i] and own_ner[j] and subjects_clash(c, figs[j])):
                continue  # names found by another language's NER ("Höchststand") tell no entities apart
            if not _content_shared(vecs[i], vecs[j], names, _unit_says_what(c, figs[j])):
                continue  # a shared unit ("people"), kind or name says what is counted, not which count
            s /= norms[i] * norms[j]
            if c.kind == figs[j].kind and c.kind not in SPECIFIC_NEUTRAL:
                s += SAME_KIND_BONUS
            if _same_named(c.subject, figs[j].subject) and _content_shared(vecs[i], vecs[j], names):
                s += SAME_SUBJECT_BONUS
            key = (i, figs[j].document)
            if s > best.get(key, (0.0, -1))[0]:
                best[key] = (s, j)
    # each figure keeps its MAX_PARTNERS best articles: pairs stay linear in the corpus size
    kept: dict[int, set[int]] = defaultdict(set)
    per_claim: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (i, _doc), (s, j) in best.items():
        per_claim[i].append((s, j))
    for i, lst in per_claim.items():
        kept[i] = {j for _, j in sorted(lst, reverse=True)[:MAX_PARTNERS]}
    out: list[Alignment] = []
    for (i, doc_b), (s, j) in best.items():
        if j not in kept[i] or i not in kept[j]:
            continue
        if i > j or s < min_score:
            continue
        back = best.get((j, figs[i].document))
        if back is None or back[1] != i:
            continue
        a, b = figs[i], figs[j]
        shared = sorted(set(vecs[i]) & set(vecs[j]), key=lambda cue: -vecs[i][cue] * vecs[j][cue])
        out.append(Alignment(a.id, b.id, round(s, 3), tuple(shared)))
    # when both are the other's best, the pair was seen from each side: keep it once
    seen = set()
    uniq = []
    for al in out:
        k = frozenset((al.a, al.b))
        if k not in seen:
            seen.add(k)
            uniq.append(al)
    return uniq
