"""Claims: one structured claim per checkable statement.

Input: a document, its sentences, the mentions found in them and the document's entities.
Output: `Claim`s with kind, subject, object, value, time, scope, hedging, negation and
attribution. Rules, in order:

1. Every money, percent and count mention is a value claim; its kind comes from the nearest
   cue in the sentence (`claims.kinds.VALUE_CUES`), else a generic kind.
2. A sentence with an event cue (board seat given up, partnership started, founding, ...)
   and no figure is an event claim; with a figure, the value claim also speaks to that event
   (`Claim.also`), so a dated first investment also dates the start of a partnership.
3. Roles: prepositions and verbs around entity mentions say who is the agent and who the
   target ("de la part de X", "dans Y", "X a investi", "En injectant ..., X"); descriptions
   are resolved through the document (`claims.entities`); a document frame (the roles most
   often seen for that kind in the document) fills what a sentence leaves implicit (passives).
4. Time: the nearest date of the sentence; else a repeated figure inherits the time of its
   first mention, and a sentence that opens on an anaphor ("Cette première approche ...")
   inherits the time of the previous sentence.
5. Scope: "depuis", totals and plurals make a figure cumulative; a dated flow is a tranche,
   a dated stock a point in time; otherwise unknown.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import json
import re
from collections import Counter, defaultdict
from importlib import resources
from typing import Iterable, Optional, Sequence

from . import kinds as K
from .context import figure_cues, fold, stop_words
from .entities import DocumentEntities, EntityMention
from .frames import FigureFrame, conjoined_head, date_governs, figure_frame, lexicon, part_label, part_predicate, reports_several_events
from .model import Claim, Document, Mention, Sentence, TimeRef, Value
from .posts import find_holders, post_titles
from .recognize.clock import find_times, incident_time
from .syntax import Parse

VALUE_MENTIONS = {"money", "percent", "count"}
_NEEDS_TIME = {"founding", "partnership_start", "partnership_end"}
_DEFAULT_KIND = {"money": "quantity", "percent": "percentage", "count": "count"}

_TARGET_BEFORE = re.compile(
    r"(?:\bdans|\ben|\bavec|\bau capital|\bauprès|\bà l['’]égard|\bsur|\binto|\bin|\bwith)\s*"
    r"(?:de la\s|de l['’]|de\s|du\s|d['’])?\s*(?:l['’]|la\s|le\s)?\s*$",
    re.I,
)
_AGENT_BEFORE = re.compile(r"(?:\bde la part(?:\s+d[ue]|\s+de l['’]|\s+d['’])?|\bpar|\bby|\bfrom)\s*(?:l['’])?\s*$", re.I)
_OF_BEFORE = re.compile(r"(?:\bd['’]|\bde\s|\bdu\s|\bof\s|\bchez\s)\s*$", re.I)
@functools.lru_cache(maxsize=16)
def _prep_before(lang: Optional[str]) -> re.Pattern:
    """A preposition (and an article) right before a name (``claims/data/roles.json``)."""
    data = json.loads(resources.files("claims").joinpath("data/roles.json").read_text(encoding="utf-8"))
    table = data["prepositions"]
    langs = [lang] if lang in table else list(table)

    def alt(words: Iterable[str]) -> str:
        ws = sorted(set(words), key=len, reverse=True)
        return "|".join(re.escape(w) + ("" if w[-1] in "'’" else r"\s") for w in ws)

    preps = alt(w for code in langs for w in table[code])
    arts = [w for code in langs for w in data["articles"].get(code, [])]
    art = r"(?:\s*(?:" + alt(arts) + r"))?" if arts else ""
    return re.compile(r"(?<![\w'’-])(?:" + preps + ")" + art + r"\s*$", re.I)
_AGENT_VERB_AFTER = re.compile(
    r"^\s*(?:,\s*)?(?:a |avait |aurait |va |vient d['’]|annonce |annonçait |annoncé |has |had |will |)?\s*"
    r"(?:investi\w*|inject\w*|annonç\w+|annonc\w+|apport\w+|lev\w+|rach\w+|acqui\w+|acquiert|invest\w*|pump\w+|rais\w+|bought|buy\w*|a décidé|décid\w+|renon\w+|quitt\w+|abandon\w+|retir\w+|a surpris)",
    re.I,
)
_GERUND = re.compile(r"^\s*en\s+\w+ant\b", re.I)
_BOARD_OF = re.compile(r"(?:conseil|board|administration|siège d['’]observateur|observateur|comité|consejo|Aufsichtsrat|Vorstand|Verwaltungsrat|consiglio|conselho)\s*(?:d['’]|de\s|du\s|of\s|von\s|des\s|di\s|del\s|do\s|da\s)\s*$", re.I)
_FOUND_AFTER = re.compile(r"^\s*,?\s*(?:a été |was |est |fut |)?(?:fondée?|créée?|founded|created|established)", re.I)
_BETWEEN = re.compile(r"\bentre\s*$|\bbetween\s*$", re.I)
DEFINITE_REFERENCE_MAX = 10  # "les deux entreprises" refers back; "the 4,812 patients randomised" is a count
_DEFINITE_BEFORE = re.compile(r"(?:\bdes|\baux|\bles|\bces|\bleurs|\bses|\bnos|\bvos|\bmes|\btes|\bthe|\bthese|\bthose|\bboth|\bits|\btheir|\bour)\s*$", re.I)
_SELL = re.compile(r"(?<![\w-])(?:sells?|sold|selling|sale of|cède|cédé|céder|cession|vend(?:u|re|ra)?|vente de)(?![\w-])", re.I)
_BUY_OBJ = re.compile(
    r"(?:rachat|rachète|rachètent|racheté|racheter|acquisition|acquiert|acquièrent|acquis|acquérir|acquire[sd]?|acquiring|buy(?:s|ing)?|bought|"
    r"purchas(?:e|es|ed|ing)|s['’]offr\w+|reprise|reprend|reprendre|takeover of)\s+(?:de\s|d['’]|du\s|of\s)?\s*(?:l['’]|le\s|la\s)?$",
    re.I,
)
_CLAUSE_SPLIT = re.compile(r"[,;:()\u2013\u2014]|\s-\s")


def _clause(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The comma/semicolon-delimited clause of the document text around [start, end)."""
    left = lo
    for m in _CLAUSE_SPLIT.finditer(text, lo, start):
        left = m.end()
    right = hi
    m = _CLAUSE_SPLIT.search(text, end, hi)
    if m:
        right = m.start()
    return left, right


class _Frame:
    """Roles most often seen for a kind in one document (weighted votes)."""

    def __init__(self) -> None:
        self.subj: dict[str, Counter] = defaultdict(Counter)
        self.obj: dict[str, Counter] = defaultdict(Counter)

    def vote(self, kind: str, subj: Optional[str], obj: Optional[str], w: float = 1.0) -> None:
        if subj:
            self.subj[kind][subj] += w
        if obj:
            self.obj[kind][obj] += w

    def best(self, kind: str, role: str, exclude: Iterable[str] = ()) -> Optional[str]:
        table = (self.subj if role == "subject" else self.obj).get(kind)
        if not table:
            return None
        excl = set(exclude)
        ranked = [(n, c) for n, c in table.most_common() if n not in excl]
        if not ranked:
            return None
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None
        return ranked[0][0]


_CASUALTY_UNITS = [
    ("deaths", re.compile(r"(?<![\w-])(?:morts?|tuée?s?|décès|décédée?s?|killed|dead|deaths?|died|muert[oa]s?|fallecid[oa]s?|morti|Tote|Todesopfer)(?![\w-])", re.I)),
    ("injured", re.compile(r"(?<![\w-])(?:blessée?s?|injured|wounded|herid[oa]s?|feriti|Verletzte)(?![\w-])", re.I)),
    ("missing", re.compile(r"(?<![\w-])(?:disparue?s?|missing|desaparecid[oa]s?|dispersi|Vermisste)(?![\w-])", re.I)),
]


@functools.lru_cache(maxsize=None)
def _age_forms(lang: str) -> Optional[re.Pattern]:
    """How ``lang`` states a person's age (``claims/data/ages.json``), as one pattern."""
    data = json.loads(resources.files("claims").joinpath("data/ages.json").read_text(encoding="utf-8")).get(lang)
    if not data:
        return None
    alts = list(data["forms"])
    if data.get("holders") and data.get("after_holder"):
        holders = "|".join(data["holders"])
        alts += [rf"\b(?:{holders})\s+(?:[\w'’-]+\s+)?{a}" for a in data["after_holder"]]
    return re.compile("|".join(_renumber(alts)), re.I)


@functools.lru_cache(maxsize=None)
def _several_ages(lang: str) -> Optional[re.Pattern]:
    """Lists of ages in ``lang`` ("de 7 et 11 ans"): the article speaks of several people."""
    data = json.loads(resources.files("claims").joinpath("data/ages.json").read_text(encoding="utf-8")).get(lang) or {}
    return re.compile("|".join(data["several"]), re.I) if data.get("several") else None


def _renumber(alts: list[str]) -> list[str]:
    """One named group per alternative (n0, n1, ...): a pattern may not repeat a group name."""
    return [a.replace("(?P<n>", f"(?P<n{i}>") for i, a in enumerate(alts)]


def _ages(text: str, sent: Sentence, lang: str) -> list[tuple[Mention, tuple[int, int]]]:
    """Ages stated in a sentence, as figures in years ("a 61-year-old", "un homme de 43 ans"),
    each with the span of its whole phrase (left out of the claim's cues)."""
    rx = _age_forms(lang)
    if rx is None:
        return []
    out = []
    for m in rx.finditer(text, sent.start, sent.end):
        g = next(k for k, v in m.groupdict().items() if v is not None)
        n = float(m.group(g))
        if not 0 < n < 120:
            continue
        s, e = m.span(g)
        # the phrase left out of the cues: the age and its preposition, not the person noun
        # before it ("un bombero forestal de 27 años": "bombero" says whose age it is)
        phrase = (max(m.start(), text.rfind(" ", m.start(), max(m.start(), s - 1)) + 1), m.end())
        out.append((Mention(kind="count", start=s, end=e, text=m.group(g),
                            value=Value(amount=n, low=n, high=n, unit="years old")), phrase))
    return out


_AGE_WORD = re.compile(r"(?<![\w])old\b", re.I)  # "a 15 year-old", "a seven-year-old girl": an age, not a duration
# "faces up to 10 years in prison", "carries a mandatory minimum sentence of ten years", "risque
# jusqu'à cinq ans", "rischia otto anni": what the law allows, not a sentence given (compared
# only with other such bounds)
_MAXIMUM_BEFORE = re.compile(r"(?:faces?|facing|could\s+get|could\s+face|maximum(?:\s+of)?|minimum(?:\s+of)?|up\s+to|carr(?:y|ies)|"
                             r"risque|encourt|jusqu['’]à|rischia|fino\s+a|drohen|droht|bis\s+zu|enfrenta|hasta)\s*(?:[\w'’-]+\s+){0,4}$", re.I)
_DURATION_JOIN = re.compile(r"^\s*(?:,|and|et|y|und|e)\s*$", re.I)
_COMPOUND_YEAR = re.compile(r"^-(?P<u>year|month)s?(?:-long)?(?![\w])", re.I)  # "a five-year contract"


def _durations(text: str, sent: Sentence, values: list[Mention]) -> list[tuple[Mention, list[Mention], str, Optional[str]]]:
    """Durations of a decision in a sentence (``K.DURATION_CUES``), in months: (the duration as a
    figure, the number mentions it is made of, its kind, "maximum" for the most a court may give).
    "6 anni e 4 mesi di reclusione" is one
    duration of 76 months; "a four-year deal" is a contract's 48 months."""
    units = []
    for v in values:
        if v.kind != "number" or v.value is None or v.value.amount is None:
            continue
        u = fold(v.value.unit or "")
        m = _COMPOUND_YEAR.match(text[v.end : v.end + 16]) if not u else None
        months = K.DURATION_MONTHS.get(u) or (K.DURATION_MONTHS[m.group("u").lower()] if m else None)
        end = v.end + (m.end() if m else 0)
        if months and not _AGE_WORD.search(text, max(v.start, end - 4), end + 8):
            units.append((v, months, end))
    out = []
    i = 0
    while i < len(units):
        parts = [units[i]]
        while i + 1 < len(units) and parts[-1][1] == 12 and units[i + 1][1] == 1 and _DURATION_JOIN.match(text[parts[-1][2] : units[i + 1][0].start]):
            i += 1
            parts.append(units[i])
        i += 1
        s, e = parts[0][0].start, parts[-1][2]
        kind = None
        if K.DURATION_CUES["prison_term"].match(text[e : min(sent.end, e + 50)]) or \
                K.DURATION_CUES["prison_term"].search(text[max(sent.start, s - 50) : s]):
            kind = "prison_term"
        elif K.DURATION_CUES["contract_length"].search(text, max(sent.start, s - 60), min(sent.end, e + 60)):
            kind = "contract_length"
        if kind is None:
            continue
        n = float(sum(v.value.amount * months for v, months, _ in parts))
        maximum = bool(_MAXIMUM_BEFORE.search(text[max(sent.start, s - 40) : s])) or any(v.value.qualifier != "exact" for v, _, _ in parts)
        out.append((Mention(kind="number", start=s, end=e, text=text[s:e], value=Value(amount=n, low=n, high=n, unit="months")),
                    [v for v, _, _ in parts], kind, "maximum" if maximum else None))
    return out


def _figure_span(m: Mention) -> tuple[int, int]:
    """The figure of a mention, left out of every claim's cues: a count's counted noun ("48
    pasajeros", "5 starts") is a word of the sentence, and may say what a neighbour measures."""
    if m.kind == "count":
        words = m.text.rstrip().rsplit(None, 1)
        if len(words) == 2 and words[1][:1].isalpha():
            return (m.start, m.start + len(words[0]))
    return (m.start, m.end)


def _unit_is_verb(parse, start: int, end: int) -> bool:
    """Whether the counted noun of a count mention is tagged a verb by the parser (the last
    token of the mention): a counted thing is a noun in every language."""
    toks = parse.tokens_in(start, end)
    return bool(toks) and len(toks) > 1 and toks[-1].pos in {"VERB", "AUX"}


def _nearest_in(table, text: str, start: int, end: int, lo: int, hi: int, max_distance: Optional[int] = None) -> Optional[str]:
    """The key of ``table`` (a dict or (key, regex) pairs) whose match in text[lo:hi] is nearest
    to the figure at [start, end); None when there is none (or none within ``max_distance``)."""
    best: tuple[int, str] | None = None
    for key, rx in (table.items() if isinstance(table, dict) else table):
        for m in rx.finditer(text, lo, hi):
            d = max(start - m.end() if m.end() <= start else m.start() - end, 0)
            if best is None or d < best[0]:
                best = (d, key)
    if best is None or (max_distance is not None and best[0] > max_distance):
        return None
    return best[1]


def _framed_values(parse: Parse, text: str, ms: Sequence[Mention], values: list[Mention], lang: str) -> tuple[list[Mention], dict[int, FigureFrame]]:
    """Frames of the sentence's figures; a bare number that is an argument of a casualty
    predicate ("two are dead", "killing six") is a count of people."""
    frames: dict[int, FigureFrame] = {}
    out = list(values)
    dates = [(m.start, m.end) for m in ms if m.kind == "date"]
    for m in ms:
        if m.kind not in ("count", "number") or m.value is None:
            continue
        f = figure_frame(parse, m.start, m.end, lang, dates)
        if f is None:
            continue
        frames[m.start] = f
        if m.kind == "number":
            amount = m.value.amount
            if (f.measure and f.measure != "shot" or f.measure == "shot" and f.persons) and f.argument and f.persons and amount is not None \
                    and amount == int(amount) and 0 < amount < 100000 and not _looks_like_year_or_age(m.text) \
                    and not _bracketed(text, m) and not _age_after_name(text, m, lang) and not _counter_or_age(text, m, lang):
                out.append(m.model_copy(update={"kind": "count", "value": m.value.model_copy(update={"unit": "person"})}))
    out.sort(key=lambda x: x.start)
    return out, frames


def _bracketed(text: str, m: Mention) -> bool:
    """A bare number in brackets is a reference mark or an age ("[18]", "(25)"), not a count."""
    return m.start > 0 and text[m.start - 1 : m.start] in ("[", "(") and text[m.end : m.end + 1] in ("]", ")")


_AGE_AFTER_NAME = re.compile(r"[A-ZÀ-Ý][\w'’-]+,\s*$")


def _age_after_name(text: str, m: Mention, lang: str) -> bool:
    """"Weiss, 19," / "Clark, 25;" / a caption's "Frank Gomez, 28 Photo: ...": a number right after
    a name and a comma, and before a punctuation mark or a capitalized word that is not what a
    title-case headline counts ("Leaves 1 Man Dead, 8 People Wounded"), is an age."""
    if not _AGE_AFTER_NAME.search(text[max(0, m.start - 40) : m.start]):
        return False
    if text[m.end : m.end + 1] in (",", ";", ".", ")", ""):
        return True
    nxt = re.match(r"\s+([A-ZÀ-Ý][\w'’-]*)", text[m.end : m.end + 40])
    lex = lexicon(lang)
    return nxt is not None and not lex.persons.fullmatch(nxt.group(1)) and not any(rx.fullmatch(nxt.group(1)) for rx in lex.measures.values())


_GALLERY_BEFORE = re.compile(r"(?:image|photo|picture|slide|foto|bild|diapo\w*|imagen|immagine)s?\s+\d+\s*(?:of|/|de|sur|von|di|su)\s*$", re.I)
_COUNTER_AFTER = re.compile(r"^\s*(?:of|/|de|sur|von|di|su)\s+\d")
_COUNTER_BEFORE = re.compile(r"\d\s*(?:of|/|de|sur|von|di|su)\s*$")


def _counter_or_age(text: str, m: Mention, lang: str) -> bool:
    """A number of a counter ("Image 5 of 44", "3/15") or an age ("ages 19 and 41")."""
    if m.text.strip().isdigit() and (_COUNTER_AFTER.match(text[m.end : m.end + 12]) or _COUNTER_BEFORE.search(text[max(0, m.start - 8) : m.start])):
        return True
    return bool(lexicon(lang).ages.search(text[max(0, m.start - 40) : m.start]))


def _counts_people(mention_text: str, lang: str) -> bool:
    """Whether a count's noun counts people ("900 personas", "14.500 Menschen")."""
    words = re.findall(r"[^\W\d_]+", mention_text)
    return bool(words) and (lexicon(lang).persons.fullmatch(words[-1]) is not None or K.is_job_unit(words[-1]))


def _looks_like_year_or_age(text: str) -> bool:
    t = text.strip()
    return bool(re.fullmatch(r"(?:1[89]|20)\d\d", t)) or "-" in t or ":" in t


def _part_label(f: FigureFrame) -> Optional[str]:
    return part_predicate(f.part_label) if f.part else None


def _conjoined_totals(parse: Parse, frames: dict[int, FigureFrame], drafts: list[dict], sent: Sentence) -> list[dict]:
    """"Three children and two adults were found dead": the parts, and their sum as a total."""
    out = []
    mine = [d for d in drafts if d["sent"] is sent and d["mention"] is not None and d["kind"] == "casualties"]
    by_noun = {}
    for d in mine:
        f = frames.get(d["anchor"][0])
        if f is not None:
            by_noun[f.noun.i] = (d, f)
    for d, f in list(by_noun.values()):
        if not (f.conjuncts or f.ones) or f.of_whole or conjoined_head(parse, f.noun) is not None:
            continue
        head = parse.head(f.noun)
        if f.noun.rel == "appos" and head is not None and head.i in by_noun:
            continue  # "six people, three men and three women": the breakdown of the figure before it
        parts = [(d, f)] + [by_noun[k.i] for k in f.conjuncts if k.i in by_noun]
        if len(parts) != 1 + len(f.conjuncts) or len({p[0]["mention"].value.unit for p in parts}) != 1:
            for pd, pf in parts:  # a member without a figure: the total is not stated, each is a part
                pd["part"] = part_predicate(part_label(pf.noun, pf.number))
            continue
        amounts = [p[0]["mention"].value.amount for p in parts]
        if any(a is None for a in amounts):
            continue
        if len(amounts) + f.ones >= 3 and amounts[0] == sum(amounts[1:]) + f.ones:
            for pd, pf in parts[1:]:  # "six people, three men and three women", "three others — two males and a female": the first is the whole
                pd["part"] = part_predicate(part_label(pf.noun, pf.number))
            continue
        for pd, pf in parts:
            pd["part"] = part_predicate(part_label(pf.noun, pf.number))
        includes = list(d.get("includes", []))
        for pd, _ in parts:
            pd["includes"] = []  # "three people and then himself": the total counts the killer, not its parts
        first, last = parts[0][0]["mention"], parts[-1][0]["mention"]
        n = float(sum(amounts) + f.ones)
        end = max(last.end, f.list_end or 0)
        total = first.model_copy(update={
            "start": first.start, "end": end, "text": sent.text[first.start - sent.start : end - sent.start],
            "value": first.value.model_copy(update={"amount": n, "low": n, "high": n, "precision": None})})
        out.append(dict(d, anchor=(first.start, end), mention=total, part=None, includes=includes))
    return out


LEAD_SENTENCES = 3  # the title and the first sentences state an article's toll


def _mark_details(claims: list[Claim], sentences: Sequence[Sentence], several_events: bool = False) -> None:
    """An article's toll is what its title and lead state (else its largest figure); the other
    figures of the same measure tell the story ("the next two were shot") or other events, and
    are marked as details (``predicate="detail"``): they are never set against other articles."""
    lead = {s.index for s in sorted(sentences, key=lambda s: s.start)[:LEAD_SENTENCES]}
    if several_events:  # "5 dead, 17 wounded in weekend shootings": aggregate tolls of several events
        for c in claims:
            if c.kind in K.ROLELESS_KINDS and c.value is not None:
                c.scope = "cumulative"
    by_measure: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if _toll_figure(c):
            by_measure[(c.kind, c.value.unit)].append(c)
    for cs in by_measure.values():
        heads = [c for c in cs if c.sentence in lead]
        if not heads:
            undated = [c for c in cs if c.time is None or c.time.inherited]
            pool = undated or cs
            top = max(c.value.amount or c.value.low or 0 for c in pool)
            heads = [c for c in pool if (c.value.amount or c.value.low or 0) == top]
        keep = {_value_key(c.value) for c in heads}
        for c in cs:
            if _value_key(c.value) not in keep:
                c.predicate = "detail"


def _toll_figure(c: Claim) -> bool:
    """A casualty figure of the article's own event: neither a part of a count nor a detail."""
    return c.kind in K.ROLELESS_KINDS and c.value is not None and not (c.predicate or "").startswith("part") and not K.is_detail(c.predicate)


def _stop_word_name(m: Optional[EntityMention], lang: str) -> bool:
    words = m.text.split() if m is not None else []
    return len(words) == 1 and fold(words[0]) in stop_words(lang)


def _counted_noun(m: Optional[EntityMention], draft: dict) -> bool:
    """The entity is inside a figure's mention or the noun right after it: what the figure
    counts ("1.560 Mitarbeitenden"), not who."""
    if m is None or draft.get("mention") is None:
        return False
    (a_s, a_e), sent = draft["anchor"], draft["sent"]
    if m.start < a_e and m.end > a_s:
        return True
    return 0 <= m.start - a_e <= 2 and not sent.text[a_e - sent.start : m.start - sent.start].strip()


def _not_a_name(m: Optional[EntityMention], draft: dict, lang: str) -> bool:
    """An entity that names nobody: a span the NER found over a figure or a date ("Millionen
    Euro", "Aug"), a lone stop word taken for a name (a capitalised "Al" opening a sentence), or
    the noun right after the figure, which is what the figure counts."""
    if m is None:
        return False
    if _stop_word_name(m, lang):
        return True  # whoever found it (NER, a capitalised word, a repeat)
    if _counted_noun(m, draft):
        return True  # the figure's counted noun ("1.560 Mitarbeitenden", a German noun the NER took for a name)
    if m.via != "ner":
        return False
    spans = list(draft.get("exclude", ())) + [draft["anchor"]]
    return any(m.start < e and m.end > s for s, e in spans)


def _value_key(v: Optional[Value]) -> tuple:
    return (None,) if v is None else (v.amount, v.low, v.high, v.qualifier)


def _window(sent: Sentence, start: int, end: int, before: int, after: int) -> tuple[int, int]:
    return max(sent.start, start - before), min(sent.end, end + after)


def _earlier_cue(text: str, sent: Sentence, anchor: tuple[int, int], values: list[tuple[int, int]]) -> Optional[str]:
    """The cue that makes this figure an earlier, superseded one, if any: an 'initialement' cue
    nearest to this figure (of all figures of the sentence), or 'de/from' before this figure in a
    sentence that revises a figure ("ramené l'amende de 4,34 à 4,125 milliards")."""
    for m in K.EARLIER_CUES.finditer(text, sent.start, sent.end):
        def dist(v: tuple[int, int]) -> int:
            return m.start() - v[1] if v[1] <= m.start() else (v[0] - m.end() if v[0] >= m.end() else 0)
        if values and min(values, key=dist) == anchor and dist(anchor) <= 40:
            return m.group(0)
    for m in K.THEN_CUES.finditer(text, sent.start, anchor[0]):
        between = text[m.end() : anchor[0]]
        if ";" not in between and not _NOW.search(between):
            return m.group(0)
    if len(values) >= 2 and K.REVISION_VERBS.search(text, sent.start, sent.end):
        before = text[max(sent.start, anchor[0] - 25) : anchor[0]]
        if re.search(r"(?:\bde\s+(?:l['’]\w+\s+de\s+)?|\bfrom\s+|\bd['’])$", before, re.I) and not re.search(r"\bà\s*$|\bto\s*$", before):
            later = [v for v in values if v[0] > anchor[1]]
            if later and re.search(r"(?:\bà|\bto)\s*$", text[max(sent.start, later[0][0] - 6) : later[0][0]], re.I):
                return "revised from"
            if any(v[1] < anchor[0] for v in values) and re.search(r"\bfrom\s*$", before, re.I):
                return "revised from"
    return None


_MANTISSA = re.compile(r"\d[\d\s\u00a0\u202f.,']*")


def _precision(mention_text: str, amount: Optional[float]) -> Optional[float]:
    """Half a unit of the last digit as written: "4,2 milliards" -> 5e7, "13 milliards" -> 5e8."""
    if amount is None:
        return None
    m = _MANTISSA.search(mention_text)
    if not m:
        return None
    raw = re.sub(r"[\s\u00a0\u202f']", "", m.group(0)).rstrip(".,")
    dec = re.search(r"[.,](\d{1,2})$", raw)  # a decimal part (1-2 digits after the last separator)
    decimals = len(dec.group(1)) if dec else 0
    digits = re.sub(r"[.,]", "", raw)
    try:
        value = float(digits) / (10 ** decimals)
    except ValueError:
        return None
    if value == 0:
        return None
    scale = abs(amount) / value
    return 0.5 * scale * 10 ** (-decimals)


class _Roles:
    def __init__(self, text: str, info_entities: list[EntityMention], sent: Sentence, lang: Optional[str] = None):
        self.text = text
        self.prep = _prep_before(lang)
        self.ents = info_entities
        self.sent = sent

    def before(self, e: EntityMention, n: int = 40) -> str:
        return self.text[max(self.sent.start, e.start - n) : e.start]

    def after(self, e: EntityMention, n: int = 60) -> str:
        return self.text[e.end : min(self.sent.end, e.end + n)]

    def is_free(self, e: EntityMention) -> bool:
        """Not governed by a preposition (a likely grammatical subject)."""
        return not self.prep.search(self.before(e, 25))

    def assign(self, kind: str, anchor_s: int) -> tuple[Optional[EntityMention], Optional[EntityMention]]:
        money_kinds = {"investment", "funding", "acquisition", "valuation", "revenue", "profit", "loss", "quantity", "budget",
                       "aid", "transfer_fee", "unit_price"}
        ents = [e for e in self.ents if e.label != "PER" or kind not in money_kinds]
        subj = obj = None
        if kind in {"investment", "funding", "acquisition", "quantity"}:
            for e in ents:
                b = self.before(e)
                if obj is None and _TARGET_BEFORE.search(b):
                    obj = e
                elif subj is None and (_AGENT_BEFORE.search(b) or _AGENT_VERB_AFTER.match(self.after(e))):
                    subj = e
                elif subj is None and _GERUND.match(self.text[self.sent.start : e.start]) and self.text[self.sent.start : e.start].rstrip().endswith(","):
                    subj = e
            if kind == "acquisition":
                sent_text = self.text[self.sent.start : self.sent.end]
                selling = _SELL.search(sent_text)
                for i, e in enumerate(ents):
                    b30 = self.before(e, 30)
                    if _BUY_OBJ.search(b30):
                        obj = e
                    # "Fastweb, which it bought in 2007": the relative pronoun is the object
                    elif re.match(r"\s*,\s*(?:which|that|qu['’]|que|dont)\b", self.after(e, 12), re.I) and K.VALUE_CUES["acquisition"].search(self.after(e, 40)):
                        obj = e
                    if selling and re.search(r"(?:\bto|\bà|\bau profit d[eu']|\bauprès d[eu']|\ba)\s*(?:l['’])?\s*$", b30, re.I):
                        subj = e  # "X sells its arm to Y": the buyer is Y
                if selling and obj is not None and subj is obj:
                    obj = None
            if subj is None and kind == "acquisition" and _SELL.search(self.text[self.sent.start : self.sent.end]):
                pass  # "X sold its unit for ...": X is the seller, not the acquirer
            elif subj is None:  # the grammatical subject: before the figure, else the main clause after it
                free = [e for e in ents if e is not obj and self.is_free(e)]
                free = [e for e in free if e.label != "LOC"] + [e for e in free if e.label == "LOC"]
                subj = next((e for e in free if e.start < anchor_s), None) or next((e for e in free if e.start > anchor_s), None)
        elif kind in {"valuation", "revenue", "profit", "loss"}:
            for e in ents:
                if _OF_BEFORE.search(self.before(e, 6)) and K.VALUE_CUES.get(kind, re.compile("x^")).search(self.before(e, 40)):
                    subj = e
                    break
            if subj is None:
                for e in ents:
                    if self.is_free(e):
                        subj = e
                        break
        elif kind == "fine":
            # the one fined, not the authority: "amende à X", "X's fine", "l'amende de X", "X a été condamné"
            cands = [e for e in ents if not K.AUTHORITY_RE.search(e.name or e.key or e.text)]
            for e in cands:
                b = self.before(e, 20)
                if re.search(r"(?:\bà|\bau|\baux|\bto|\bon|\bagainst|\bcontre|amende\s+(?:de\s|d['’])|fine\s+(?:of|on))\s*(?:l['’]|le\s|la\s)?$", b, re.I) \
                        or re.match(r"\s*['’]s\b|\s+(?:a|avait|has|had|was)\s+(?:été|been)\s+(?:condamn|fined|sanctionn)", self.after(e, 30), re.I):
                    subj = e
                    break
            if subj is None:
                subj = next((e for e in cands if self.is_free(e)), None)
        elif kind == "board_change":
            for e in ents:
                if obj is None and _BOARD_OF.search(self.before(e)):
                    obj = e
                elif subj is None and self.is_free(e):
                    subj = e
                elif subj is None and re.search(r"(?:décision|retrait|départ|decision|exit)\s+(?:de\s|d['’]|du\s|of\s)\s*$", self.before(e, 20), re.I):
                    subj = e
        elif kind == "leadership_change":
            # the person who leaves, keeps or takes the post; the company it is the post of
            people = [e for e in ents if e.label == "PER"]
            subj = next((e for e in people if e.start < anchor_s), None) or next(iter(people), None)
            orgs = [e for e in ents if e is not subj and e.label != "PER"]  # nearest the post ("Paylisse co-founder and chief executive")
            obj = min(orgs, key=lambda e: abs(e.start - anchor_s)) if orgs else None
        elif kind == "founding":
            for e in ents:
                if _FOUND_AFTER.match(self.after(e, 40)):
                    subj = e
                    break
            if subj is None:  # "Founded in 2019 by A and B, Lumora has ..."
                after_comma = [e for e in ents if e.label not in ("PER", "LOC") and self.text[self.sent.start : e.start].rstrip().endswith(",")]
                subj = next(iter(after_comma), None) or next((e for e in ents if self.is_free(e) and e.label != "PER"), None)
        elif kind in K.SYMMETRIC_KINDS:
            named = []
            for e in ents:
                if e.label == "PER":
                    continue
                if all((e.name or e.key) != (x.name or x.key) for x in named):
                    named.append(e)
            if named:
                subj = named[0]
            if len(named) > 1:
                obj = named[1]
        elif kind == "regulatory_action":
            orgs = [e for e in ents if e.label != "PER"]
            if orgs:
                subj = orgs[0]
            target = [e for e in orgs[1:] if re.search(r"(?:\bde\s|\bd['’]|\bof\s|\bsur\s|\binto\s|\bcontre\s|\bagainst\s)\s*$", self.before(e, 12), re.I)]
            if target:
                obj = target[0]
            elif len(orgs) > 1:
                obj = orgs[1]
        else:  # counts, percentages, generic quantities: the grammatical subject, places last,
            # never the source that gives the figure ("the CGT union said 700,000 marched")
            spans = [(m.start("who"), m.end("who")) for rx in (K.SAYS_RE, K.ATTRIBUTION_RE)
                     for m in rx.finditer(self.text, self.sent.start, self.sent.end)]
            ents = [e for e in ents if not any(a <= e.start < b for a, b in spans)] or ents
            ordered = [e for e in ents if e.label != "LOC"] + [e for e in ents if e.label == "LOC"]
            subj = next((e for e in ordered if self.is_free(e)), ordered[0] if ordered else None)
        if subj is obj:
            obj = None
        return subj, obj


_NOW = re.compile(r"(?:désormais|actuellement|aujourd['’]hui|à présent|maintenant|now|currently|today|ahora|actualmente|jetzt|derzeit|ora|attualmente)", re.I)
_CONTRAST = re.compile(r"(?<![\w-])(?:contre|versus|vs\.?|compared (?:with|to)|against|par rapport à|up from|down from|frente a|gegenüber)(?![\w-])", re.I)


_WORDS = re.compile(r"[^\W\d_]+")


def _window_date_governs(text: str, sent: Sentence, anchor: tuple[int, int], date: Mention, values: Sequence[Mention], lang: str) -> bool:
    """Without a parse, whether a date after a figure of its sentence may govern it (the
    fallback of ``claims.frames.date_governs``, measured apart): not when another figure stands
    between them ("300 euros al mes ... y la contratación de 140 facultativos en 2025": the
    date is the hiring's), and not when the date sits in a later comma-delimited segment that
    says more than the date ("... contro Massimo Ruggeri, che governava la città dal 2014";
    "X employs 1,400, up from a year founded in 2018"). Only stop words may stand beside the
    date in a later segment that governs ("Microsoft a investi 1 milliard, en 2019"). A date
    before the figure keeps the nearest-date rule: without a parse, a clause that opens the
    sentence ("En 2019, ...", "nel 2023 ... 4,9 morti ogni 100.000") cannot be told from an
    apposition."""
    a_s, a_e = anchor
    if date.end <= a_s:
        return True
    if any(a_e <= x.start and x.end <= date.start for x in values if (x.start, x.end) != anchor):
        return False
    seg_s, seg_e = _clause(text, date.start, date.end, sent.start, sent.end)
    if seg_s <= a_s:
        return True  # the figure's own segment
    stops = stop_words(lang)
    rest = text[seg_s:date.start] + " " + text[date.end:seg_e]
    return all(fold(w) in stops for w in _WORDS.findall(rest))


def _pick_time(anchor_s: int, anchor_e: int, dates: list[Mention], sent: Sentence, text: str) -> Optional[TimeRef]:
    """The date that governs a figure: the nearest date of its sentence, except dates that
    belong to the reporting verb ("a annoncé jeudi", "said on Monday") and dates on the other
    side of a contrast ("16,5 % en 2023, contre 17,9 % un an plus tôt")."""
    usable = []
    for m in dates:
        if K.REPORTING_BEFORE.search(text[max(sent.start, m.start - 40) : m.start]) and m.time is not None and m.time.granularity == "day":
            continue
        lo, hi = (m.end, anchor_s) if m.end <= anchor_s else (anchor_e, m.start)
        between = text[lo:hi]
        if _CONTRAST.search(between):
            continue
        # "contre 17,9 %" governs the figure after it: a date before the contrast word is not its date
        if m.end <= anchor_s and _CONTRAST.search(text[max(sent.start, anchor_s - 14) : anchor_s]):
            continue
        usable.append(m)
    if not usable:
        return None

    def dist(m: Mention) -> int:
        if m.end <= anchor_s:
            d = anchor_s - m.end
            # a date that opens the sentence ("En juillet 2019, ...") governs it
            if text[sent.start : m.start].strip(" \t«\"") in {"", "En", "en", "In", "in", "Depuis", "depuis", "Since", "since", "Dès", "Fin", "Début", "Mi"}:
                d = min(d, 40)
            return d
        return (m.start - anchor_e) + 5  # slightly prefer dates before the figure when equally near
    best = min(usable, key=dist)
    return best.time.model_copy() if best.time else None


def _hedging(text: str, sent: Sentence, clause: tuple[int, int], conditional: list[tuple[int, int]], anchor_s: int) -> tuple[bool, Optional[str]]:
    attribution = None
    # the source nearest to the figure: "according to X" / "selon X" or "X said N" / "N, X said"
    best = None
    for m in list(K.ATTRIBUTION_RE.finditer(text, sent.start, sent.end)) + list(K.SAYS_RE.finditer(text, sent.start, sent.end)):
        d = abs(m.start() - anchor_s)
        if best is None or d < best[0]:
            best = (d, m.group("who").strip())
    if best:
        attribution = best[1]
    clause_text = text[clause[0] : clause[1]]
    modal = bool(re.search(r"(?<![\w-])(?:aurait|auraient|pourrait|pourraient|serait|seraient|semble|semblent|could|might|may|reportedly|allegedly|rumou?red)(?![\w-])", clause_text, re.I))
    cond = any(clause[0] <= s < clause[1] for s, _ in conditional)
    modal = modal or bool(K.PROSPECTIVE_CUES.search(text, sent.start, sent.end)) or bool(K.FORECAST_VERBS.search(clause_text)) or bool(
        K.FORECAST_NOUNS.search(text, clause[0], max(clause[0], anchor_s)))
    # a figure from an anonymous source is one account among others (compared, attributed), not
    # a forecast: only rumours hedge it
    hedged = modal or cond or (attribution is not None and re.search(r"rumeur|rumor|rumour", attribution, re.I) is not None)
    return hedged, attribution


def _scope(kind: str, time: Optional[TimeRef], clause_text: str, sentence_text: str) -> str:
    if time is not None and time.relation == "since" and time.value:
        return "cumulative"
    if K.CUMULATIVE_CUES.search(clause_text):
        return "cumulative"
    if kind in K.FLOW_KINDS and K.TRANCHE_CUES.search(sentence_text):
        return "tranche"
    if K.PART_CUES.search(clause_text):
        return "tranche"  # one part of a whole
    if kind in {"headcount", "job_cuts", "count"} and K.SITE_CUES.search(clause_text):
        return "tranche"  # one site's figure, a part of the organisation's
    if time is not None and time.granularity in {"day", "month", "quarter", "year"} and time.relation in {"at", "around"}:
        return "tranche" if kind in K.FLOW_KINDS else "point_in_time"
    return "unknown"


def _same_value(a: Optional[Value], b: Optional[Value]) -> bool:
    if a is None or b is None or a.amount is None or b.amount is None:
        return False
    if a.currency != b.currency or a.unit != b.unit or a.qualifier != b.qualifier:
        return False
    return abs(a.amount - b.amount) <= 1e-9 * max(abs(a.amount), 1.0)


@functools.lru_cache(maxsize=16)
def _dated_event_rules(lang: str) -> list[tuple[str, re.Pattern, list[tuple[str, re.Pattern]], Optional[str], int]]:
    """(kind, cue pattern, [(noun key, noun pattern)], fixed predicate, max distance to the date) for one language (claims/data/dated_events.json)."""
    data = _dated_data()
    out = []
    for kind, rec in data.items():
        if kind.startswith("_") or not rec["cues"].get(lang):
            continue
        cue = re.compile(r"(?<![\w-])(?:" + "|".join(rec["cues"][lang]) + r")(?![\w-])", re.I)
        nouns = [(key, re.compile(r"(?<![\w-])(?:" + "|".join(words[lang]) + r")(?![\w-])", re.I))
                 for key, words in rec.get("nouns", {}).items() if words.get(lang)]
        out.append((kind, cue, nouns, rec.get("predicate"), rec.get("max_after", _DATED_AFTER)))
    return out


@functools.lru_cache(maxsize=1)
def _dated_data() -> dict:
    return json.loads(resources.files("claims").joinpath("data/dated_events.json").read_text(encoding="utf-8"))


def _dated_max_age(kind: str) -> Optional[int]:
    return _dated_data().get(kind, {}).get("max_age_days")


_DATED_AFTER = 60  # characters from a dated event's cue to its date after it
_ANTECEDENT = 30  # characters before the cue's clause where what the event is of may stand
_DATED_BEFORE = 25  # or before it ("am 4. November beginnt")


def _dated_events(text: str, sent: Sentence, dates: list[Mention], lang: str) -> list[tuple[str, int, int, Mention, Optional[str]]]:
    """One-off events dated in the sentence: (kind, cue start, cue end, date, predicate). The date
    is the nearest after the cue (or right before it); a kind with nouns needs one in the sentence."""
    out = []
    if not dates:
        return out
    for kind, cue, nouns, fixed, max_after in _dated_event_rules(lang):
        m = cue.search(text, sent.start, sent.end)
        if m is None:
            continue
        pred = fixed
        if nouns:  # the thing the event is of, in the cue's clause ("the strike begins", not "opened fire ... began")
            c_lo, c_hi = _clause(text, m.start(), m.end(), sent.start, sent.end)
            c_lo = max(sent.start, c_lo - _ANTECEDENT)  # "The fire, which broke out on Sunday": a relative's antecedent
            found = [(key, n.search(text, c_lo, c_hi)) for key, n in nouns]
            found = [(key, x) for key, x in found if x]
            if not found:
                continue
            pred = min(found, key=lambda kx: abs(kx[1].start() - m.start()))[0]
        after = [d for d in dates if m.start() <= d.start <= m.end() + max_after or d.start <= m.start() < d.end]  # "a partir del 4 de noviembre" is one date
        before = [d for d in dates if m.start() - _DATED_BEFORE <= d.end <= m.start()]
        d = min(after, key=lambda d: d.start) if after else (max(before, key=lambda d: d.end) if before else None)
        if d is not None and d.time is not None:
            out.append((kind, m.start(), m.end(), d, pred))
    return out


STORY_NAMES = 3  # a dated event's story: its article's most salient names and people


def _story_names(entities: DocumentEntities) -> list[str]:
    """The names of the story an article tells: its most salient organisations, things and
    places ("the Cedar Hollow Fire", the county) and people. Two reports of one closing, one
    release, one strike, one sentence share at least one (claims.crosscheck)."""
    names = entities.organisations()[:STORY_NAMES]
    people = sorted((n for n in entities.salience if entities.labels.get(n) == "PER"), key=lambda n: -entities.salience[n])[:STORY_NAMES]
    return names + people


# single-spaced capital words (no run of spaces to split among the \s: linear on padded text)
_DATELINE_PLACE = re.compile(r"[ \t]*(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+(?: [A-ZÀ-Ý][A-ZÀ-Ý'’.-]*){0,3})[ \t]?(?:\([^)]{1,40}\))?"
                             r"[ \t]?(?:,[^–—\n-]{0,40})?[ \t]?[–—-][ \t]")


def _dateline_place(entities: DocumentEntities) -> list[str]:
    """The place of the article's dateline ("VALMORENS –", "PARIS (AFP) -"): where the story
    happened, a name of the story although it is no actor."""
    for info in sorted(entities.sentences.values(), key=lambda i: i.sentence.start)[:3]:
        m = _DATELINE_PLACE.match(info.sentence.text[:120])
        if m:
            return [m.group("place").strip().title()]
    return []


def _story_cues(story: list[str], subj: Optional[str], entities: Optional[DocumentEntities] = None) -> list[str]:
    """A claim's story names as cues ("name:<folded name>"), its own subject first, and the
    dateline's place ("place:<folded>"; where the wire was filed, so it makes one story only
    with another shared name, claims.crosscheck._one_story)."""
    cues = [f"name:{fold(n)}" for n in dict.fromkeys(([subj] if subj else []) + story)]
    return cues + ([f"place:{fold(p)}" for p in _dateline_place(entities)] if entities is not None else [])


_SENTENCE_CUES = [rx for _, rx, _ in K.EVENT_CUES] + [K.VALUE_CUES[k] for k in ("investment", "funding", "acquisition")]


def candidate_sentences(document: Document, sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> set[int]:
    """The sentences that can carry a claim, for the stages before this one (the spaCy run of
    ``claims.entities``): the title and lead (the article's frame), and every sentence with a
    figure, a date, an event cue, an investment cue (which votes for the document frame) or a
    post's title (``claims.posts``)."""
    out = {s.index for s in sorted(sentences, key=lambda s: s.start)[:LEAD_SENTENCES]}
    starts = [s.start for s in sentences]
    import bisect

    for m in mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0:
            out.add(sentences[i].index)
    titles = post_titles(document.language)
    for s in sentences:
        if s.index not in out and (any(rx.search(s.text) for rx in _SENTENCE_CUES) or (titles is not None and titles.search(s.text))):
            out.add(s.index)  # (a post's title: its holder's name needs the NER)
    return out


def extract_claims(
    document: Document,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    entities: DocumentEntities,
) -> list[Claim]:
    """All claims of one document, in text order."""
    text = document.text
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    starts = [s.start for s in sentences]
    import bisect

    for m in mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0 and m.end <= sentences[i].end:
            by_sentence[sentences[i].index].append(m)
    frame = _Frame()
    drafts: list[dict] = []
    for sent in sentences:
        if sent.text.rstrip().endswith("?"):
            continue  # questions assert nothing
        info = entities.sentences.get(sent.index)
        ents = info.entities if info else []
        roles = _Roles(text, ents, sent, document.language)
        ms = by_sentence.get(sent.index, [])
        dates = [m for m in ms if m.kind == "date" and m.time is not None]
        values = [m for m in ms if m.kind in VALUE_MENTIONS and m.value is not None]
        parse = info.parse if info else None
        lang = document.language or "fr"
        frames: dict[int, FigureFrame] = {}
        if parse is not None:
            values, frames = _framed_values(parse, text, ms, values, lang)
        exclude = [_figure_span(x) for x in ms if x.kind in VALUE_MENTIONS or x.kind == "date"]  # never a claim's cue
        durations = _durations(text, sent, [m for m in ms if m.kind in VALUE_MENTIONS | {"number"} and m.value is not None])
        if durations:  # "condannato a 6 anni e 4 mesi": one duration, not two counts of years and months
            used = {(v.start, v.end) for _, parts, _, _ in durations for v in parts}
            values = [v for v in values if (v.start, v.end) not in used]
        events: list[tuple[str, re.Match, str]] = []
        seen_kinds = set()
        for kind, rx, direction in K.EVENT_CUES:
            m = rx.search(text, sent.start, sent.end)
            if m and kind not in seen_kinds:
                events.append((kind, m, direction))
                seen_kinds.add(kind)
        # investment cues without figures still tell the document frame who invests in whom
        if not values:
            for kind in ("investment", "funding", "acquisition"):
                cue = K.VALUE_CUES[kind].search(text, sent.start, sent.end)
                if cue:
                    s, o = roles.assign(kind, cue.start())
                    frame.vote(kind, s.name if s else None, o.name if o else None, 0.5)
        for v in values:
            cue = _nearest_in(K.VALUE_CUES, text, v.start, v.end, sent.start, sent.end, max_distance=120)
            if cue in K.NEGATIVE_CUES and K.NEGATIVE_CUES[cue].search(text, sent.start, sent.end):
                cue = None
            if v.kind == "money":
                kind = cue if cue and cue != "casualties" else "quantity"
                if K.PER_UNIT_AFTER.search(text[v.end : min(sent.end, v.end + 20)]):
                    kind = "unit_price"  # "$56 a share": a price, not a total
            elif v.kind == "percent":
                kind = _nearest_in(K.PERCENT_MEASURES, text, v.start, v.end, *_window(sent, v.start, v.end, 60, 40)) or "percentage"
                if kind == "percentage" and cue in {"investment", "acquisition"}:
                    kind = "stake"
            else:
                unit = (v.value.unit or "") if v.value else ""
                if unit in K.DURATION_UNITS or unit.rstrip("s") in K.DURATION_UNITS:
                    continue  # "sur cinq ans", "23 ans": a duration or an age, not a count
                if _GALLERY_BEFORE.search(text[max(sent.start, v.start - 24) : v.start]):
                    continue  # "Image 108 of 111 Flowers, balloons...": a gallery counter, not a count
                if unit and parse is not None and _unit_is_verb(parse, v.start, v.end):
                    continue  # "The Aurion 5 starts at $849": a model number before a verb, not a count
                kind = _nearest_in(K.COUNT_CUES, text, v.start, v.end, *_window(sent, v.start, v.end, 60, 60)) or "count"
                if kind == "count" and _DEFINITE_BEFORE.search(text[max(sent.start, v.start - 12) : v.start]) \
                        and v.value is not None and (v.value.amount or 0) <= DEFINITE_REFERENCE_MAX:
                    continue  # "les deux entreprises": a reference, not a checkable count
                if kind in {"job_cuts", "headcount"} and unit and not (K.is_job_unit(unit) or _counts_people(v.text, lang)):
                    kind = "count"  # "412 supermercados" next to "plantilla": the cue is another figure's
                if kind in {"job_cuts", "headcount"} or K.is_job_unit(unit):
                    if K.is_job_unit(unit) or kind in {"job_cuts", "headcount"}:
                        v = v.model_copy(update={"value": v.value.model_copy(update={"unit": "job"})})
                    if kind == "count":
                        kind = "headcount"
                fr_ = frames.get(v.start)
                if fr_ is not None and (kind == "casualties" or fr_.measure):
                    # with a parse, the frame decides: its noun and predicate say what is counted
                    kind = "casualties" if fr_.measure and (fr_.persons or fr_.noun_measure) else (
                        "count" if kind == "casualties" else kind)
                    if kind == "casualties":
                        v = v.model_copy(update={"value": v.value.model_copy(update={"unit": fr_.measure})})
                elif kind == "casualties":
                    unit = _nearest_in(_CASUALTY_UNITS, text, v.start, v.end, *_window(sent, v.start, v.end, 30, 50))
                    if unit:  # deaths, injured and missing are different measures
                        v = v.model_copy(update={"value": v.value.model_copy(update={"unit": unit})})
            clause = _clause(text, v.start, v.end, sent.start, sent.end)
            fr_ = frames.get(v.start)
            if parse is None:  # no parse: punctuation and the sentence's other figures bound the clause
                v_dates = [m for m in dates if _window_date_governs(text, sent, (v.start, v.end), m, values, lang)]
            else:
                v_dates = dates if fr_ is None or fr_.clause is None else [
                    m for m in dates if date_governs(parse, fr_.clause, m.start, m.end, fr_.noun)]
            drafts.append(dict(sent=sent, anchor=(v.start, v.end), mention=v, kind=kind, roles=roles.assign(kind, v.start),
                               dates=v_dates, clause=clause, also=[k for k, _, _ in events], direction=None, info=info,
                               values=[(x.start, x.end) for x in values],
                               part=_part_label(fr_) if fr_ is not None and kind == "casualties" else None,
                               elsewhere=fr_ is not None and fr_.elsewhere and kind in K.ROLELESS_KINDS,
                               includes=list(fr_.includes) if fr_ is not None and kind == "casualties" else [],
                               exclude=exclude, parse=parse))
        if parse is not None:
            drafts.extend(_conjoined_totals(parse, frames, drafts, sent))
        for m, phrase in _ages(text, sent, document.language or "fr"):
            # a person's age: no roles (the figure's words say whose age it is, claims.align)
            drafts.append(dict(sent=sent, anchor=(m.start, m.end), mention=m, kind="age", roles=(None, None), dates=[],
                               clause=_clause(text, m.start, m.end, sent.start, sent.end), also=[], direction=None, info=info,
                               values=[(m.start, m.end)], part=None,
                               exclude=exclude + [phrase],
                               parse=parse))
        for dm, _, kind, bound in durations:
            people = [e for e in ents if e.label == "PER"]
            who = min(people, key=lambda e: abs(e.start - dm.start)) if people else None
            drafts.append(dict(sent=sent, anchor=(dm.start, dm.end), mention=dm, kind=kind, roles=(who, None), dates=dates,
                               clause=_clause(text, dm.start, dm.end, sent.start, sent.end), also=[], direction=None, info=info,
                               values=[(dm.start, dm.end)], part=None, parse=parse, predicate=bound,
                               exclude=exclude))
        for kind, c_s, c_e, date_m, pred in _dated_events(text, sent, dates, lang):
            # "is expected to close in the first quarter of 2025", "a partir del 4 de noviembre"
            max_age = _dated_max_age(kind)
            if max_age is not None and document.published and date_m.time.latest \
                    and date_m.time.latest < document.published - dt.timedelta(days=max_age):
                continue  # "En mars 2019, un séisme ...": an earlier incident recalled, not the article's
            clause = _clause(text, c_s, c_e, sent.start, sent.end)
            orgs = [e for e in ents if e.label == "ORG" and clause[0] <= e.start < clause[1]]
            who = min(orgs, key=lambda e: abs(e.start - c_s)) if orgs else None  # whose deal, product, strike
            drafts.append(dict(sent=sent, anchor=(c_s, c_e), mention=None, kind=kind, roles=(who, None),
                               dates=[date_m], clause=clause, also=[], direction=None, info=info, values=[], predicate=pred))
        if not values:
            for kind, m, direction in events:
                if kind in _NEEDS_TIME and not dates:
                    continue  # "a partnership started" with no date says nothing checkable
                if not ents:
                    continue
                clause = _clause(text, m.start(), m.end(), sent.start, sent.end)
                drafts.append(dict(sent=sent, anchor=(m.start(), m.end()), mention=None, kind=kind, roles=roles.assign(kind, m.start()),
                                   dates=dates, clause=clause, also=[], direction=direction, info=info, values=[]))
    # document frame from named roles
    for d in drafts:
        s, o = (None if _stop_word_name(m, document.language or "fr") or _counted_noun(m, d) else m for m in d["roles"])
        w = 1.0 if d["mention"] is not None else 0.5
        frame.vote(d["kind"], s.name if s else None, o.name if o else None, w)

    claims: list[Claim] = []
    story = _story_names(entities) if any(d["kind"] in K.DATED_KINDS or d["kind"] in K.DURATION_CUES for d in drafts) else []
    prev_time_by_sentence: dict[int, TimeRef] = {}
    for n, d in enumerate(drafts):
        sent: Sentence = d["sent"]
        kind = d["kind"]
        s_m, o_m = (None if _not_a_name(m, d, document.language or "fr") else m for m in d["roles"])
        subj = s_m.name if s_m and s_m.name else None
        obj = o_m.name if o_m and o_m.name else None
        if s_m is not None and subj is None:
            subj = entities.resolve(s_m, exclude=[obj] if obj else [])
        if o_m is not None and obj is None:
            obj = entities.resolve(o_m, exclude=[x for x in (subj, frame.best(kind, "subject")) if x])
        if subj is None and kind not in {"count", "percentage", "quantity"} | set(K.DURATION_CUES):
            # (a duration with no person in its sentence, "Otto anni di carcere", joins the one
            # group of its kind: claims.crosscheck.group_claims)
            subj = frame.best(kind, "subject", exclude=[obj] if obj else [])
        if subj is None and kind in K.DATED_KINDS:
            # "It will go on sale on Sept. 27": the article's main organisation, shown, not a grouping key
            orgs = [n for n in entities.organisations() if entities.labels.get(n) == "ORG"]
            subj = orgs[0] if orgs else None
        sale = kind == "acquisition" and _SELL.search(sent.text)
        if obj is None and kind in K.FLOW_KINDS | K.SYMMETRIC_KINDS | K.POST_KINDS and not sale:
            obj = frame.best(kind, "object", exclude=[subj] if subj else [])
        if kind in K.SYMMETRIC_KINDS and subj and obj:
            first = entities.first_seen
            subj, obj = sorted([subj, obj], key=lambda x: first.get(x, 10**9))
        a_s, a_e = d["anchor"]
        time = _pick_time(a_s, a_e, d["dates"], sent, text)
        if time is not None and time.relative and _NOW.fullmatch(time.text.strip()):
            time = time.model_copy(update={"relation": "at"})  # "désormais", "now": a current figure, not a period
        claim_value: Optional[Value] = d["mention"].value if d["mention"] is not None else None
        if claim_value is not None and claim_value.precision is None:
            claim_value = claim_value.model_copy(update={"precision": _precision(d["mention"].text, claim_value.amount)})
        if time is None and claim_value is not None:
            for c in claims:  # a repeated figure inherits the time of its first mention
                if c.kind == kind and c.time is not None and _same_value(c.value, claim_value):
                    time = c.time.model_copy(update={"inherited": True})
                    break
        if time is None and K.ANAPHORIC_START.match(sent.text):
            prev = prev_time_by_sentence.get(sent.index - 1)
            if prev is not None:
                time = prev.model_copy(update={"inherited": True})
        if d["dates"]:
            prev_time_by_sentence[sent.index] = (time or d["dates"][-1].time).model_copy()
        elif time is not None:
            prev_time_by_sentence[sent.index] = time
        clause_text = text[d["clause"][0] : d["clause"][1]]
        earlier_cue = _earlier_cue(text, sent, (a_s, a_e), d["values"]) if claim_value is not None else None
        if earlier_cue is None and claim_value is not None and kind not in K.ROLELESS_KINDS \
                and K.PLUPERFECT_BEFORE.search(text[max(d["clause"][0], a_s - 45) : a_s]):
            earlier_cue = "pluperfect"  # "il avait parcouru 1 400 hectares": the state before the one reported
        if earlier_cue and (time is None or time.relation == "since" or time.inherited or time.granularity == "day"
                            or K.THEN_CUES.fullmatch(earlier_cue)):
            # "initialement fixée à 2 milliards", "ramenée de 4,34 à 4,125": an earlier, superseded figure
            time = TimeRef(text=earlier_cue, relation="before", granularity="unknown",
                           latest=(document.published - dt.timedelta(days=1)) if document.published else None,
                           resolved=document.published is not None, relative=True)
        scope = _scope(kind, time, clause_text, sent.text) if claim_value is not None else "point_in_time" if time else "unknown"
        predicate = None
        if kind == "vote_share" or kind == "turnout" or kind == "seats":
            # the round named nearest the figure ("al secondo turno è stata del 47,2 %, contro il 58,9 % del primo turno")
            predicate = _nearest_in(K.ROUND_CUES, text, a_s, a_e, sent.start, sent.end)
        if kind in {"funding", "investment"}:
            rm = K.FUNDING_ROUND.search(clause_text) or K.FUNDING_ROUND.search(sent.text)
            if rm:
                predicate = f"series {(rm.group(1) or rm.group(2)).upper()}" if rm.group(1) else "seed"
        if d.get("predicate"):
            predicate = d["predicate"]  # what a dated event is of ("strike", "deal")
        if d.get("part"):
            predicate, scope = d["part"], "tranche"  # one part of a count ("including four children")
        if d.get("elsewhere"):
            predicate = K.OTHER_EVENT  # "in other shootings, two men were wounded": not this article's toll
        info = d["info"]
        hedged, attribution = _hedging(text, sent, d["clause"], info.conditional if info else [], a_s)
        neg_window = text[d["clause"][0] : d["clause"][1]]
        negated = bool(K.NEGATION_RE.search(neg_window)) if claim_value is None else bool(
            re.search(r"\b(?:n['’]|ne\s)\s*(?:\w+\s+){0,2}?(?:pas|jamais|point)\b|\bnot\b|\bnever\b|\bdenied\b", neg_window, re.I)
        )
        claims.append(
            Claim(
                id=f"{document.id}:c{len(claims) + 1}",
                document=document.id,
                sentence=sent.index,
                start=sent.start,
                end=sent.end,
                text=sent.text,
                kind=kind,
                also=[k for k in d["also"] if k != kind],
                subject=subj,
                object=obj,
                predicate=predicate,
                value=claim_value,
                time=time,
                scope=scope,
                hedged=hedged,
                negated=negated,
                attribution=attribution,
                language=document.language,
                anchor_start=a_s,
                anchor_end=a_e,
                direction=d["direction"],
                includes=list(d.get("includes", [])),
                cues=(figure_cues(text, sent.start, sent.end, (a_s, a_e), document.language or "fr", d.get("exclude", ()), d.get("parse"))
                      + (_story_cues(story, subj) if kind in K.DURATION_CUES else []))
                if claim_value is not None else (_story_cues(story, subj) if kind in K.DATED_KINDS else []),
            )
        )
    claims += _office_holders(document, sentences, entities, len(claims))
    claims += _incident_times(document, sentences, mentions, entities, len(claims))
    claims += _stances(document, sentences, entities, len(claims))
    _mark_several_dates(claims)
    lead_parses = [entities.sentences[s.index].parse for s in sorted(sentences, key=lambda s: s.start)[:2] if s.index in entities.sentences]
    _mark_details(claims, sentences, any(reports_several_events(p, document.language or "fr") for p in lead_parses))
    _anchor_periods(claims, document.language or "fr")
    claims += _derive_injured(claims, text, document.language or "fr")
    ages = {c.value.amount for c in claims if c.kind == "age"}
    several = _several_ages(document.language or "fr")
    if len(ages) > 1 or (ages and several is not None and several.search(text)):
        # an article that gives several ages speaks of several people: which one another
        # article's age is about, the words alone do not tell (a victim, the suspect)
        claims = [c for c in claims if c.kind != "age"]
    return claims


@functools.lru_cache(maxsize=1)
def _stance_data() -> dict:
    return json.loads(resources.files("claims").joinpath("data/stances.json").read_text(encoding="utf-8"))


def _words_rx(words: list[str]) -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])", re.I) if words else re.compile(r"(?!x)x")


@functools.lru_cache(maxsize=16)
def _stance_rules(lang: Optional[str]) -> tuple[list[tuple[str, re.Pattern, re.Pattern]], re.Pattern, re.Pattern]:
    """(kind, positive, negative) per stance kind of a language, then its hedge and other-case patterns."""
    data = _stance_data()
    code = lang or ""
    rules = [(kind, _words_rx(rec["positive"].get(code, [])), _words_rx(rec["negative"].get(code, [])))
             for kind, rec in data["kinds"].items() if rec["positive"].get(code) or rec["negative"].get(code)]
    return rules, _words_rx(data["hedges"].get(code, [])), _words_rx(data["other_case"].get(code, []))


def _stances(document: Document, sentences: Sequence[Sentence], entities: DocumentEntities, n: int) -> list[Claim]:
    """The article's stance on each yes-or-no fact of ``claims/data/stances.json`` (an arrest was
    made or not): negative when any sentence says no, else positive when one says yes; one claim
    per kind, on the deciding sentence."""
    rules, hedge, other = _stance_rules(document.language)
    if not rules:
        return []
    out: list[Claim] = []
    story: Optional[list[str]] = None
    for kind, pos, neg in rules:
        found: dict[bool, Sentence] = {}
        for sent in sentences:
            if sent.text.rstrip().endswith("?") or hedge.search(sent.text) or other.search(sent.text):
                continue
            if neg.search(sent.text):
                found.setdefault(True, sent)
            elif pos.search(sent.text):
                found.setdefault(False, sent)
        if not found:
            continue
        negated = True in found
        sent = found[negated]
        if story is None:
            story = _story_names(entities)
        m = (neg if negated else pos).search(sent.text)
        out.append(Claim(
            id=f"{document.id}:c{n + len(out) + 1}", document=document.id, sentence=sent.index, start=sent.start, end=sent.end,
            text=sent.text, kind=kind, value=None, time=None, scope="unknown", negated=negated, language=document.language,
            anchor_start=sent.start + m.start(), anchor_end=sent.start + m.end(), cues=_story_cues(story, None, entities),
        ))
    return out


def _incident_times(document: Document, sentences: Sequence[Sentence], mentions: Sequence[Mention],
                    entities: DocumentEntities, n: int) -> list[Claim]:
    """When the article's incident happened, to the minute (``claims.recognize.clock``): one claim
    per time of day that stands by an incident word, dated by the sentence's nearest date; an
    article that gives two times that cannot overlap (a main shock and an aftershock) speaks of two
    moments and its times are not compared."""
    text = document.text
    out: list[Claim] = []
    story: Optional[list[str]] = None
    dates = sorted((m for m in mentions if m.kind == "date" and m.time is not None), key=lambda m: m.start)
    date_starts = [m.start for m in dates]
    for sent in sentences:
        if sent.text.rstrip().endswith("?"):
            continue
        for t in find_times(text, document.language, sent.start, sent.end):
            if not incident_time(text, document.language, sent.start, sent.end, t):
                continue
            if story is None:
                story = _story_names(entities)
            lo_i, hi_i = bisect.bisect_left(date_starts, max(sent.start, t.start - 40)), bisect.bisect_right(date_starts, min(sent.end - 1, t.start + 40))
            near = dates[lo_i:hi_i]
            day = min(near, key=lambda d: abs(d.start - t.start)).time if near else None
            value = Value(amount=t.minutes, low=t.low, high=t.high, qualifier=t.qualifier, unit="clock")
            out.append(Claim(
                id=f"{document.id}:c{n + len(out) + 1}", document=document.id, sentence=sent.index, start=sent.start, end=sent.end,
                text=sent.text, kind="time_of_day", predicate="incident", value=value, time=day,
                scope="point_in_time" if day else "unknown", language=document.language, anchor_start=t.start, anchor_end=t.end,
                cues=_story_cues(story, None, entities),
            ))
    if out and max(c.value.low for c in out) > min(c.value.high for c in out):  # two times that cannot overlap (linear)
        for c in out:
            c.cues.append("several times")
    return out


def _mark_several_dates(claims: list[Claim]) -> None:
    """An article that dates one event (kind and predicate) at two dates that cannot overlap speaks
    of two events (this attack and an earlier one): its dates of that event are not compared."""
    by: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind in K.DATED_KINDS and c.value is None and c.time is not None and c.time.earliest and c.time.latest:
            by[(c.kind, c.predicate)].append(c)
    for group in by.values():
        if max(c.time.earliest for c in group) > min(c.time.latest for c in group):  # two dates that cannot overlap (linear)
            for c in group:
                c.cues.append("several dates")


def _office_holders(document: Document, sentences: Sequence[Sentence], entities: DocumentEntities, n: int) -> list[Claim]:
    """Who holds a post, one claim per title and name (``claims.posts``): grouped by the post,
    compared within one story (the article's salient names are its cues)."""
    out: list[Claim] = []
    story: Optional[list[str]] = None
    for sent in sentences:
        info = entities.sentences.get(sent.index)
        if info is None or sent.text.rstrip().endswith("?"):
            continue
        for h in find_holders(document.text, sent, info.entities, document.language):
            if story is None:
                story = _story_names(entities)
            out.append(Claim(
                id=f"{document.id}:c{n + len(out) + 1}", document=document.id, sentence=sent.index, start=sent.start, end=sent.end,
                text=sent.text, kind="office_holder", subject=h.person.name, predicate=f"post: {h.post}", value=None, time=None,
                scope="unknown", language=document.language, anchor_start=h.start, anchor_end=h.end,
                cues=_story_cues(story, h.person.name, entities) + ([f"of:{h.qualifier}"] if h.qualifier else []),
            ))
    holders: dict[str, set[str]] = defaultdict(set)
    for c in out:
        holders[c.predicate or ""].add(c.subject or "")
    for c in out:  # an article that names two holders of one title speaks of two posts (two companies) or a succession
        if len(holders[c.predicate or ""]) > 1:
            c.cues.append("several holders")
    return out


_GRAN_OF_PERIOD = {"quarter": "quarter"}


def _derive_injured(claims: list[Claim], text: str, lang: str) -> list[Claim]:
    """The wounded of an article that gives only how many were shot: people shot are the
    killed and the wounded, so an article's "shot" toll less its death toll (of the same
    sentence, else the article's one death toll) is its injured count, and an article with
    no death toll and no word of death ("three people were shot Saturday") counts as many
    wounded as shot. Nothing is derived when the article states its injured, or its death
    tolls disagree. The derived claim says how it was derived (``Claim.derived``)."""
    tolls: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if _toll_figure(c) and c.value.amount is not None and not c.hedged and c.scope != "cumulative":
            tolls[c.value.unit or ""].append(c)
    if not tolls.get("shot") or any(c.kind in K.ROLELESS_KINDS and c.value is not None and c.value.unit == "injured" for c in claims):
        return []  # the article states injured people (as its toll, a part or a detail of the story)
    deaths = tolls.get("deaths", [])
    death_words = lexicon(lang).measures["deaths"]
    no_death = not deaths and not any(death_words.fullmatch(w) for w in re.findall(r"\w[\w'’-]*", text.lower()))
    article_deaths = {c.value.amount for c in deaths}
    out: list[Claim] = []
    n = len(claims)
    for s in tolls["shot"]:
        same = [d for d in deaths if d.sentence == s.sentence]  # one article's claims: the same sentence
        if same:
            killed, how = same[0].value.amount, f"{s.value.amount:g} shot - {same[0].value.amount:g} killed"
        elif len(article_deaths) == 1:
            killed = next(iter(article_deaths))
            how = f"{s.value.amount:g} shot - {killed:g} killed (the article's death toll)"
        elif no_death:
            killed, how = 0.0, f"{s.value.amount:g} shot, none said to have died"
        else:
            continue
        injured = s.value.amount - killed
        if injured <= 0:
            continue
        n += 1
        out.append(s.model_copy(update={
            "id": f"{s.document}:c{n}", "derived": how,
            "value": s.value.model_copy(update={"amount": injured, "unit": "injured",
                                                "low": None if s.value.low is None else s.value.low - killed,
                                                "high": None if s.value.high is None else s.value.high - killed})}))
    return out


@functools.lru_cache(maxsize=None)
def _period_refs(lang: str) -> tuple[tuple[str, re.Pattern], ...]:
    """Bare references to the reporting period ("le résultat net du trimestre") of ``lang``
    (``claims/data/periods.json``)."""
    data = json.loads(resources.files("claims").joinpath("data/periods.json").read_text(encoding="utf-8"))
    return tuple((g, re.compile("|".join(rx), re.I)) for g, rx in data.get(lang, {}).items())


def _anchor_periods(claims: list[Claim], lang: str) -> None:
    """An undated figure "of the quarter" is a figure of the quarter its article reports: the
    period (of that granularity) its dated figures name most often. Marked ``inherited``; with
    no dated figure of that granularity in the article, the figure stays undated."""
    refs = _period_refs(lang)
    if not refs:
        return
    for gran, rx in refs:
        dated = Counter(c.time.value for c in claims if c.time is not None and not c.time.inherited
                        and c.time.granularity == _GRAN_OF_PERIOD[gran] and c.time.relation == "at" and c.time.value)
        if not dated:
            continue
        top, _ = dated.most_common(1)[0]
        model = next(c.time for c in claims if c.time is not None and c.time.value == top and not c.time.inherited)
        for c in claims:
            if c.time is not None or c.value is None or not rx.search(c.text):
                continue
            c.time = model.model_copy(update={"inherited": True, "start": None, "end": None})
            if c.scope == "unknown":
                c.scope = "tranche" if c.kind in K.FLOW_KINDS else "point_in_time"

