"""Claim frames from syntax: what a figure measures, what it is part of, and which dates govern it.

Input: a sentence's dependency parse (``claims.syntax.Parse``) and the span of a figure.
Output: a ``FigureFrame``: the figure's head noun, its predicate, the casualty measure the
frame's words give (deaths / injured / missing / shot, from ``claims/data/measures.json``),
whether the figure is a part of another count ("including four children", "four of them",
"three children and two adults"), the conjoined figures it sums with, and the clause it
belongs to, which decides which dates may govern it (a date never crosses into a relative,
adverbial or appositive clause that does not contain the figure).

Rules work on the relations of ``claims.syntax`` (one label set for every pipeline), so they
are the same for French and English; a language only brings its words.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Optional, Sequence

from .syntax import Parse, Token

_PREDICATE_POS = {"VERB", "AUX", "ADJ"}
_NOMINAL_RELS = {"subj", "obj", "pobj", "obl", "appos", "conj", "root", "nmod", "comp", "other", "tmod"}


@dataclass
class Lexicon:
    priority: list[str]
    measures: dict[str, re.Pattern]
    persons: re.Pattern
    not_people: re.Pattern
    increment: re.Pattern
    events: re.Pattern
    part_preps: re.Pattern
    partitive: re.Pattern
    update: re.Pattern
    subset: re.Pattern
    also: re.Pattern
    other: re.Pattern
    one: re.Pattern
    ages: re.Pattern
    elsewhere: re.Pattern
    event_nouns: re.Pattern
    age_noun: re.Pattern
    reflexive: re.Pattern
    scene: re.Pattern
    perpetrators: re.Pattern


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(words) + ")" if words else "(?!x)x"


@functools.lru_cache(maxsize=16)
def lexicon(lang: str) -> Lexicon:
    data = json.loads(resources.files("claims").joinpath("data/measures.json").read_text(encoding="utf-8"))

    def words(table: dict) -> list[str]:
        return table.get(lang) or table.get("en", [])  # a table's "_doc" is never a language

    def rx(name: str) -> re.Pattern:
        return re.compile(_alt(words(data[name])), re.I)

    return Lexicon(
        priority=list(data["priority"]),
        measures={m: re.compile(_alt(words(t)), re.I) for m, t in data["measures"].items()},
        persons=rx("persons"), not_people=rx("not_people"), increment=rx("increment"), events=rx("events"),
        part_preps=rx("part_preps"), partitive=rx("partitive"),
        update=re.compile(r"(?<![\w-])" + _alt(words(data["update"])) + r"(?![\w-])", re.I),
        subset=rx("subset"), also=rx("also"), other=rx("other"), one=rx("one"),
        elsewhere=rx("elsewhere"), event_nouns=rx("event_nouns"),
        reflexive=rx("reflexive"), scene=rx("scene"), perpetrators=rx("perpetrators"),
        age_noun=re.compile(_alt(data["age_nouns"].get(lang, [])) + "$", re.I),
        ages=re.compile(r"(?<![\w-])" + _alt(words(data["ages"]))
                        + r"(?:\s+de)?\s+(?:\d{1,3}\s*(?:,|and|et|y|und|e)\s*)*$", re.I),
    )


@dataclass
class FigureFrame:
    number: Token
    noun: Token  # the head noun (the number itself when it stands alone: "two are dead")
    predicate: Optional[Token]
    clause: Optional[Token]  # head of the clause the figure belongs to
    measure: Optional[str] = None  # deaths / injured / missing / shot
    persons: bool = False  # the noun counts people
    part: bool = False  # a part of another count
    part_label: Optional[str] = None  # what the part counts ("children")
    conjuncts: list[Token] = field(default_factory=list)  # the other figures' nouns it sums with
    ones: int = 0  # listed people without a figure that count one each ("and a baby")
    list_end: Optional[int] = None  # where the list of counted people ends (a text offset)
    argument: bool = False  # the figure is an argument of its predicate (subject, object, oblique)
    of_whole: bool = False  # a part of a stated whole ("including", "of them", "dont")
    noun_measure: Optional[str] = None  # the measure the noun itself names ("12 morts", "4 dead")
    elsewhere: bool = False  # the figure's predicate happens in other events ("in other shootings, two men were wounded")
    includes: list[str] = field(default_factory=list)  # who it counts beyond its noun: "perpetrator" ("including the shooter", "and himself")


def _number_token(p: Parse, start: int, end: int) -> Optional[Token]:
    toks = p.tokens_in(start, end)
    nums = [t for t in toks if t.pos == "NUM" or t.text[:1].isdigit()]
    return nums[-1] if nums else (toks[0] if toks else None)


def _head_noun(p: Parse, num: Token, start: int, end: int) -> Token:
    root = p.root_of(start, end)
    if root is not None and root is not num and root.pos in {"NOUN", "PROPN", "PRON", "ADJ"}:
        return root
    if num.rel == "num":
        h = p.head(num)
        if h is not None and h.pos in {"NOUN", "PROPN", "ADJ", "PRON"}:
            return h
    return num


def _predicate(p: Parse, noun: Token) -> Optional[Token]:
    """The verb (or predicative adjective) the noun is an argument of; climbs through
    prepositions, conjoined nouns and nominal modifiers, never through a clause boundary."""
    t = noun
    for _ in range(8):
        h = p.head(t)
        if h is None:
            return t if t.pos in _PREDICATE_POS else None
        if h.pos in _PREDICATE_POS and t.rel != "conj" and h.rel != "case":
            return h
        if h.pos in _PREDICATE_POS and t.rel == "conj" and h.pos == "ADJ":
            return h
        if t.rel == "conj" and h.pos in {"VERB", "AUX"}:
            return h  # "two are dead and two are hurt" parsed as a conjoined clause
        t = h
    return None


def clause_head(p: Parse, t: Token) -> Token:
    """The head of the clause a token belongs to: climb until a clause boundary (relative,
    adverbial, complement or appositive clause, or the root)."""
    cur = t
    for _ in range(len(p.tokens)):
        h = p.head(cur)
        if h is None or cur.rel in {"clause", "appos"} and cur.pos in _PREDICATE_POS | {"NOUN", "PROPN"}:
            return cur
        cur = h
    return cur


def _clause_ancestors(p: Parse, c: Token) -> list[int]:
    out = [c.i]
    cur = c
    for _ in range(len(p.tokens)):
        h = p.head(cur)
        if h is None:
            break
        cur = clause_head(p, h)
        out.append(cur.i)
    return out


def date_governs(p: Parse, figure_clause: Token, date_start: int, date_end: int, noun: Optional[Token] = None) -> bool:
    """A date may govern a figure when it sits in the figure's clause or in a clause above it,
    or in the clause that says what the counted noun measures ("104 people shot in Toledo this
    year", "six people killed on Sunday")."""
    root = p.root_of(date_start, date_end)
    if root is None:
        return True
    dc = clause_head(p, root)
    if noun is not None and dc.rel == "clause" and p.head(dc) is noun:
        return True
    return dc.i in _clause_ancestors(p, figure_clause)


def _words_of(p: Parse, noun: Token, pred: Optional[Token]) -> list[Token]:
    """The words that say what the figure measures, nearest first."""
    out = [noun]
    out += [k for k in p.kids(noun) if k.rel in {"mod", "comp", "clause"}]
    for k in p.kids(noun, "clause"):  # "five people who were killed", "six people killed"
        out += [x for x in p.kids(k) if x.rel in {"comp", "mod"}]
    if pred is not None:
        out.append(pred)
        for k in p.kids(pred):
            if k.rel in {"comp", "mod", "obj"} and k is not noun:
                out.append(k)
                out += [x for x in p.kids(k) if x.rel == "mod"]
                for c in p.kids(k, "case"):  # "found shot to death"
                    out += p.kids(c, "pobj")
            if k.rel == "case":  # "in critical condition", "with gunshot wounds"
                for x in p.kids(k, "pobj"):
                    out += [x] + [y for y in p.kids(x) if y.rel == "mod"]
            if k.rel == "obl":
                out += [k] + [y for y in p.kids(k) if y.rel == "mod"]
        # "were shot and killed": a conjoined verb of the same arguments
        for k in p.kids(pred, "conj"):
            if k.pos == "VERB" and not p.kids(k, "subj", "obj"):
                out.append(k)
    return out


def _measure(lex: Lexicon, toks: list[Token]) -> Optional[str]:
    found = set()
    for t in toks:
        for m, rx in lex.measures.items():
            if rx.fullmatch(t.lower):
                found.add(m)
    # "shot and killed", "fatally shot": the stronger measure wins
    for m in lex.priority:
        if m in found:
            return m
    return None


def _noun_measure(p: Parse, lex: Lexicon, noun: Token, num: Token) -> Optional[str]:
    """The measure the counted noun's own words give, nearest first: the noun ("12 morts"), a
    participle right after it ("Gonzalez killed, four men wounded": not the clause before), the
    noun whose complement it is ("the wounding of three others", "la mort de trois personnes"),
    its other modifiers, and a measure word right after the number that depends on it ("4 dead
    in shooting at Hampton Inn": the parse may take a later name for the noun)."""
    kids = [k for k in p.kids(noun) if k.rel in {"mod", "comp", "clause"}]
    m = _measure(lex, [noun]) or _measure(lex, [k for k in kids if k.i == noun.i + 1])
    if m:
        return m
    h = p.head(noun)
    gov = None
    if h is not None and h.rel == "case" and h.i < noun.i:
        gov = p.head(h)  # "of" hangs on the noun it completes
    elif h is not None and noun.rel == "nmod" and h.i < noun.i and p.kids(noun, "case"):
        gov = h  # UD: "mort" <-nmod- "personnes" -case-> "de"
    if gov is not None and gov.pos == "NOUN" and gov is not noun:
        m = _measure(lex, [gov])
        if m:
            return m
    return _measure(lex, kids + [k for k in p.kids(num) if k.rel in {"mod", "clause"} and k.i == num.i + 1])


def _own_measure(p: Parse, lex: Lexicon, noun: Token) -> Optional[str]:
    """The measure the noun itself or a participle right after it names ("12 morts", "four men
    wounded"), not one it takes from a noun it completes ("the murders of five adults")."""
    return _measure(lex, [noun]) or _measure(lex, [k for k in p.kids(noun) if k.rel in {"mod", "comp", "clause"} and k.i == noun.i + 1])


@dataclass
class _Member:
    start: int  # token index of the member's first word
    head: Token  # the person noun (or age noun) it ends with
    count: str  # "num" (it carries a figure), "one" (a singular person), "unknown" (plural or definite, no figure)


def _separator(t: Token) -> bool:
    return t.text in {",", "&"} or t.pos == "CCONJ"


def _person_head(p: Parse, lex: Lexicon, t: Token) -> bool:
    """A person noun, or an age used as one ("a 16-year-old and two children")."""
    if t.pos in {"NOUN", "PROPN", "ADJ"} and lex.persons.fullmatch(t.lower) or t.pos == "PRON" and lex.reflexive.fullmatch(t.lower):
        return True  # "killed three people and then himself": the killer is one more
    return t.i >= 2 and bool(lex.age_noun.search("".join(x.text for x in p.tokens[max(0, t.i - 4) : t.i + 1])))


def _modifier(p: Parse, t: Token) -> bool:
    return t.pos in {"ADJ", "NUM", "DET", "ADV"} or t.text == "-" or (
        t.pos in {"NOUN", "X"} and t.i + 1 < len(p.tokens) and p.tokens[t.i + 1].text == "-")


def _member_before(p: Parse, lex: Lexicon, h: int) -> Optional[_Member]:
    """The member whose head is token h, extended left over its modifiers."""
    if h < 0 or not _person_head(p, lex, p.tokens[h]):
        return None
    i = h
    while i - 1 >= 0 and _modifier(p, p.tokens[i - 1]) and not _separator(p.tokens[i - 1]):
        i -= 1
    return _Member(i, p.tokens[h], _member_count(p, lex, i, h))


def _member_after(p: Parse, lex: Lexicon, i: int) -> Optional[_Member]:
    """The member that starts at token i, ending with its first person noun."""
    j = i
    while j < len(p.tokens) and j - i <= 6:
        t = p.tokens[j]
        if _person_head(p, lex, t) and (j + 1 >= len(p.tokens) or not (p.tokens[j + 1].text == "-")):
            return _Member(i, t, _member_count(p, lex, i, j))
        if not _modifier(p, t) or _separator(t):
            return None
        j += 1
    return None


def _member_count(p: Parse, lex: Lexicon, i: int, h: int) -> str:
    toks = p.tokens[i : h + 1]
    nums = [t for t in toks[:-1] if t.pos == "NUM" and not (t.i + 1 < len(p.tokens) and p.tokens[t.i + 1].text == "-")]
    if any(not lex.one.fullmatch(t.lower) for t in nums):
        return "num"
    if (toks[0].pos in {"DET", "NUM"} and lex.one.fullmatch(toks[0].lower)) or nums:
        return "one"
    if not p.tokens[h].plural and not any(t.pos == "DET" or t.pos == "PRON" for t in toks[:-1]):
        return "one"  # "Baby, 4 people injured", "Suspect & 2 victims shot": a headline's bare singular
    return "unknown"


def _surface_list(p: Parse, lex: Lexicon, num: Token, noun: Token) -> Optional[tuple[list[_Member], int]]:
    """People listed in the word sequence when the parse does not coordinate them ("a
    16-year-old and two children were shot", "Suspect & 2 victims shot", "Baby, 4 people
    injured"): members joined by commas or a conjunction, each ending with a person noun.
    Returns the members and the index of the figure's member, or None when the figure is alone."""
    if not (num.i < noun.i <= num.i + 6):
        return None
    i = num.i
    while i - 1 >= 0 and _modifier(p, p.tokens[i - 1]) and not _separator(p.tokens[i - 1]):
        i -= 1  # "the two men": the figure's member with its determiner
    me = _Member(i, noun, "num")
    members = [me]
    # leftwards: separators, then a member ending right before them
    while True:
        j = i - 1
        seps = 0
        while j >= 0 and _separator(p.tokens[j]) and seps < 2:
            j, seps = j - 1, seps + 1
        if not seps:
            break
        m = _member_before(p, lex, j)
        if m is None:
            break
        members.insert(0, m)
        i = m.start
    k = noun.i  # rightwards
    while True:
        j = k + 1
        seps = 0
        while j < len(p.tokens) and _separator(p.tokens[j]) and seps < 2:
            j, seps = j + 1, seps + 1
        if not seps:
            break
        m = _member_after(p, lex, j)
        if m is None:
            break
        members.append(m)
        k = m.head.i
    if len(members) == 1:
        return None
    return members, members.index(me)


def _count_list(f: FigureFrame, listed: tuple[list[_Member], int], noun: Token) -> None:
    members, mine = listed
    numbered = [m for m in members if m.count == "num"]
    if any(m.count == "unknown" for m in members) or numbered[0].head is not noun:
        f.part = True  # a member without a figure, or a later figure of the list: not the total
        f.part_label = part_label(noun, f.number)
        return
    f.conjuncts = [m.head for m in numbered[1:]]
    f.ones = sum(m.count == "one" for m in members)
    f.list_end = members[-1].head.end


def _definite(d: Token, noun: Token) -> bool:
    """A determiner or a possessor before the noun ("the men", "ses enfants", "Shelton's children",
    "his victims"): the noun names a known set, so a count taken of it is a part."""
    return d.i < noun.i and (d.pos == "DET" or d.rel == "nmod" and d.pos in {"PRON", "PROPN"})


def _in_other_events(p: Parse, lex: Lexicon, pred: Token) -> bool:
    """The predicate is placed in other events than the article's ("in other shootings", "in
    separate attacks", "dans d'autres fusillades"): its figures are not the article's toll."""
    for k in p.kids(pred):
        if k.rel in {"case", "pobj", "obl", "nmod"} and lex.event_nouns.fullmatch(k.lower):
            cands = [k]
        elif k.pos == "ADP":
            cands = [g for g in p.kids(k) if lex.event_nouns.fullmatch(g.lower)]
        else:
            continue
        for ev in cands:
            if any(m.i < ev.i and lex.elsewhere.fullmatch(m.lower) for m in p.kids(ev)):
                return True
    return False


def figure_frame(p: Parse, start: int, end: int, lang: str, dates: Sequence[tuple[int, int]] = ()) -> Optional[FigureFrame]:
    """The frame of the figure at [start, end); ``dates`` are the spans of the sentence's date
    mentions, which never are what a number counts."""
    num = _number_token(p, start, end)
    if num is None:
        return None
    lex = lexicon(lang)
    noun = _head_noun(p, num, start, end)
    date_head = noun if noun is not num and any(s <= noun.start and noun.end <= e for s, e in dates) else None
    if date_head is not None:
        # "en a blessé cinq autres jeudi" parsed with "jeudi" as the head of "cinq": a weekday
        # or a month is never counted by a figure; the figure counts the word between them
        # ("autres"), or stands alone, and is the argument the date's token was parsed as
        between = [k for k in p.kids(date_head) if num.i < k.i < date_head.i and k.pos in {"ADJ", "NOUN", "PRON"}]
        noun = between[0] if between else num
    nxt = p.tokens[num.i + 1] if num.i + 1 < len(p.tokens) else None
    if noun is not num and nxt is not None and p.head(nxt) is num and _measure(lex, [nxt]):
        noun = num  # "4 dead in shooting at Hampton Inn": the number's own measure word, whatever head a headline's parse gives it
    pred = _predicate(p, noun)
    clause = clause_head(p, pred or noun)
    f = FigureFrame(number=num, noun=noun, predicate=pred, clause=clause)
    f.persons = bool(lex.persons.fullmatch(noun.lower)) or noun is num
    headline = False
    adverbs: list[Token] = []  # an adverb between a headline figure and its measure word
    if noun is num and nxt is not None:
        # "Three dead, two wounded": a headline's figure and the measure word right after it,
        # nearer than any clause a broken headline parse hangs on the number ("2 killed, 2
        # wounded: 'Bill got shot!'"); "Leaves 1 Man Dead": after one person noun
        f.noun_measure = _measure(lex, [nxt] + [k for k in p.kids(nxt, "conj") if k.pos in _PREDICATE_POS])
        if f.noun_measure is None and lex.persons.fullmatch(nxt.lower) and nxt.i + 1 < len(p.tokens):
            f.noun_measure = _measure(lex, [p.tokens[nxt.i + 1]])
        if f.noun_measure is None and nxt.pos == "ADV" and nxt.i + 1 < len(p.tokens):
            f.noun_measure = _measure(lex, [p.tokens[nxt.i + 1]])  # "two critically injured", "deux grièvement blessés"
            if f.noun_measure is not None:
                adverbs.append(nxt)
        headline = f.noun_measure is not None
    if f.noun_measure is None:
        f.noun_measure = _noun_measure(p, lex, noun, num)
    f.measure = f.noun_measure or _measure(lex, _words_of(p, noun, pred))
    if f.measure == "shot" and any(lex.other.fullmatch(k.lower) for k in [noun] + p.kids(noun) + p.kids(num)) and any(
            lex.measures["deaths"].fullmatch(t.lower) for t in p.tokens):
        f.measure = "injured"  # "one killed, six others shot": the others are the ones who survived
    if noun is not num and lex.not_people.fullmatch(noun.lower):
        f.measure = f.noun_measure = None  # "25 stab wounds", "three shootings": not people
    # an argument of its predicate; a bare number in apposition is an age ("Clark, 25,")
    f.argument = headline or (noun is num and f.noun_measure is not None) or noun.rel in _NOMINAL_RELS and not (noun is num and noun.rel == "appos") \
        or (date_head is not None and date_head.rel in _NOMINAL_RELS)
    # a part: "including four children", "dont deux enfants", "four of them", "among them two"
    if any(lex.part_preps.fullmatch(x.lower) for x in _governing_preps(p, noun)):
        f.part = True
    # "dont deux enfants": a part word before the noun that depends on it
    for k in p.kids(noun):
        if k.i < noun.i and lex.part_preps.fullmatch(k.lower):
            f.part = True
    for k in p.kids(noun, "case"):
        for x in p.kids(k, "pobj"):
            if lex.partitive.fullmatch(x.lower) or (noun is num and any(_definite(d, x) for d in p.kids(x))):
                f.part = True  # "four of them", "three of the men", "three of Shelton's children"
    for k in p.kids(noun, "nmod", "obl"):
        if lex.partitive.fullmatch(k.lower) or (noun is num and k.i > num.i and p.kids(k, "case") and any(
                _definite(d, k) for d in p.kids(k))):
            f.part = True  # "quatre d'entre eux", "trois de ses enfants"
    increment = not f.part and any(lex.increment.fullmatch(k.lower) for k in p.kids(noun) + p.kids(num))
    if increment:
        f.part = True  # "two more people died": an increment, not the toll
    pred_kids = p.kids(pred) if pred is not None else []
    if not f.part and any(lex.other.fullmatch(k.lower) for k in p.kids(noun) + p.kids(num)) and any(
            lex.also.fullmatch(k.lower) for k in pred_kids):
        f.part = True  # "three other men were also shot": added to another count
    if not f.part and any(lex.other.fullmatch(k.lower) for k in p.kids(noun)) and any(
            _definite(k, noun) for k in p.kids(noun) if k.i < noun.i and not lex.other.fullmatch(k.lower)):
        f.part = True  # "his other two victims", "the other three", "les deux autres": the rest of a known set
    near = p.kids(noun) + p.kids(num) + [g for k in p.kids(noun) if k.pos == "ADP" for g in p.kids(k)]
    if pred is not None:
        near.append(pred)
        if p.head(noun) is pred:  # a direct argument: "three others critically injured" (not "the most seriously injured of six")
            near += [k for k in pred_kids if k.pos == "ADV"]
    if not f.part and any(lex.subset.fullmatch(k.lower) for k in near + adverbs):
        f.part = True  # "two remain in critical condition", "deux blessés graves": a subset by the victims' state
    if not f.part and pred is not None and _at_scene(p, lex, pred):
        f.part = True  # "two were pronounced dead at the scene", "morts sur place": the others died later
    f.elsewhere = _in_other_events(p, lex, pred if pred is not None else noun)
    if f.part:
        f.part_label = part_label(noun, num)
        if increment:  # compared with other increments only, not with a part of the toll ("including two people")
            f.part_label = f"more {f.part_label}" if f.part_label else "more"
        f.of_whole = True
        whole = _whole_of(p, noun)
        if whole is not None:  # a part measures what its whole measures ("seven died, including four women")
            f.measure = f.noun_measure or _measure(lex, _words_of(p, whole, _predicate(p, whole))) or f.measure
    # conjoined figures: "three children and two adults were found dead"; a figure coordinated
    # with people of no stated number ("the parents and two children") is a part of an unstated total
    # "the three dead suspects and two uninjured residents", "4,331 shooting victims": a
    # member's own state word says what it counts, and the list is not one count
    state = _measure(lex, [k for k in p.kids(noun) if k.rel == "mod" and k.i < noun.i])
    if noun is not num and f.persons and not _measure(lex, [noun]) and not state:  # people coordinated, not measures ("deux morts et cinq blessés")
        # a participle right after the noun ("Gonzalez killed, four men wounded") ends a
        # coordination in the parse; a list of person nouns in the word sequence it does not end
        members = [noun] if _own_measure(p, lex, noun) else [
            m for m in coordination(p, noun, lex)  # "and several cut from broken glass": not a person
            if m is noun or _has_number(p, m) or m.pos in {"PRON", "PROPN", "NUM"} or _person_head(p, lex, m)
            or m.plural or any(k.pos == "DET" for k in p.kids(m))]
        listed = _surface_list(p, lex, num, noun) if len(members) == 1 else None
        if listed is not None:
            _count_list(f, listed, noun)
        elif len(members) > 1:
            numbered = [m for m in members if _has_number(p, m)]
            ones = [m for m in members if not _has_number(p, m) and (
                any(k.pos in {"DET", "NUM"} and lex.one.fullmatch(k.lower) for k in p.kids(m))
                or not m.plural and m.pos in {"NOUN", "PROPN"} or m.pos == "PRON" and lex.reflexive.fullmatch(m.lower))]
            # listed with counted people: a person ("and a baby", "and himself")
            if len(numbered) + len(ones) < len(members) or not numbered or numbered[0] is not noun:
                if not f.part:  # a member without a figure ("the parents"): the total is not stated
                    f.part, f.part_label = True, part_label(noun, num)
            else:  # "two women and a baby", "the driver and two passengers": a singular member counts one
                f.conjuncts, f.ones, f.list_end = numbered[1:], len(ones), members[-1].end
            if f.measure is None:  # "2 adults, six children dead": the list's last words say what it counts
                last = members[-1]
                f.measure = _measure(lex, [last] + [k for k in p.kids(last) if k.rel in {"mod", "comp", "clause"}])
    if noun is not num and f.persons and not f.part and not f.conjuncts and not f.ones and pred is not None:
        _add_sibling_people(p, lex, f, noun, pred)
    # the count names the attacker ("including the shooter"), or lists him ("and then himself")
    if not f.part and (_includes_perpetrator(p, lex, noun) or f.ones and any(
            t.pos == "PRON" and lex.reflexive.fullmatch(t.lower) for t in p.tokens if num.end <= t.start < (f.list_end or 0))):
        f.includes = ["perpetrator"]
    return f


def _includes_perpetrator(p: Parse, lex: Lexicon, noun: Token) -> bool:
    """"Seven people, including the shooter, were killed": the count names the attacker among
    the people it counts (a part word introducing an attacker noun with no figure of its own)."""
    for k in p.kids(noun):
        if k.rel == "case" and lex.part_preps.fullmatch(k.lower):
            xs = p.kids(k, "pobj")  # ClearNLP: noun -prep-> including -pobj-> shooter
        elif k.rel in {"nmod", "obl", "appos", "clause"} and any(lex.part_preps.fullmatch(c.lower) for c in p.kids(k)):
            xs = [k]  # UD: noun -nmod-> tireur -case-> "y compris"; "dont le tireur" parsed as a clause
        else:
            continue
        if any(lex.perpetrators.fullmatch(x.lower) and not _has_number(p, x) for x in xs):
            return True
    return False


def _at_scene(p: Parse, lex: Lexicon, pred: Token) -> bool:
    """The predicate happens at the scene ("died at the scene", "tué sur place"), a place phrase
    with no complement of its own ("at the scene of the crash" names a place)."""
    pairs = []
    for k in p.kids(pred):
        if k.rel == "case":
            pairs += [(k, x) for x in p.kids(k, "pobj")]
        elif k.rel in {"obl", "nmod"}:
            pairs += [(c, k) for c in p.kids(k, "case")]
    for prep, place in pairs:
        if lex.scene.fullmatch(f"{prep.lower} {place.lower}") and not any(
                x.i > place.i and x.rel in {"case", "nmod", "clause"} for x in p.kids(place)):
            return True
    return False


def _add_sibling_people(p: Parse, lex: Lexicon, f: FigureFrame, noun: Token, pred: Token) -> None:
    """People a coordinated clause counts in the same measure: "one man is in critical
    condition and three others are injured" (four injured: the others are more of the same);
    "killed three people and then himself" (four dead). "One killed, three others injured"
    counts another measure, and the others stay the toll of theirs."""
    if f.measure in {"injured", "hospitalized"} and any(lex.other.fullmatch(k.lower) for k in [noun] + p.kids(noun)):
        h = p.head(pred)
        sibs = ([h] if pred.rel == "conj" and h is not None and h.pos in _PREDICATE_POS else []) + [
            k for k in p.kids(pred, "conj") if k.pos in _PREDICATE_POS]
        for c in sibs:
            for subj in p.kids(c, "subj"):
                if not (lex.persons.fullmatch(subj.lower) or _has_number(p, subj)) or subj.i > noun.i:
                    continue
                words = _words_of(p, subj, c)
                m = _measure(lex, words)
                if m in {"injured", "hospitalized"} or m is None and any(lex.subset.fullmatch(w.lower) for w in words):
                    nums = [k for k in p.kids(subj) if k.pos == "NUM"]
                    if nums and not all(lex.one.fullmatch(k.lower) for k in nums):
                        f.conjuncts = [subj]
                    else:
                        f.ones = 1
                    return
    if f.measure == "deaths":
        for k in p.kids(pred, "conj") + p.kids(noun, "conj"):
            if k.pos == "PRON" and lex.reflexive.fullmatch(k.lower):
                f.ones, f.list_end = 1, k.end  # the killer, counted with his victims
                return


def _governing_preps(p: Parse, noun: Token) -> list[Token]:
    """The prepositions that introduce a noun (its case markers, or the preposition it is the
    object of), also those of the first conjunct for a later one ("including four women and two children")."""
    nouns = [noun]
    h = p.head(noun)
    if noun.rel == "conj" and h is not None:
        nouns.append(h)
    out: list[Token] = []
    for x in nouns:
        out += [k for k in p.kids(x, "case") if k.i < x.i]  # UD: the marker before its noun (ClearNLP hangs a
        hx = p.head(x)                                        # following "prep" on the noun it modifies)
        if hx is not None and hx.rel == "case":
            out.append(hx)
    return out


def _has_number(p: Parse, t: Token) -> bool:
    return any(x.rel == "num" or x.pos == "NUM" for x in p.kids(t))


def coordination(p: Parse, noun: Token, lex: Optional[Lexicon] = None) -> list[Token]:
    """The nouns coordinated with this one, first conjunct first (person nouns only). A
    numbered apposition headed by an 'other' word ("2 men killed, 2 others in critical
    condition") counts something else, not a part of the list."""
    first = noun
    while first.rel == "conj" and p.head(first) is not None and p.head(first).pos in {"NOUN", "PROPN", "PRON"}:
        first = p.head(first)
    out = [first]
    stack = [first]
    while stack:
        t = stack.pop()
        for k in p.kids(t, "conj") + [a for a in p.kids(t, "appos") if _has_number(p, a) and _has_number(p, t)
                                      and not (lex is not None and lex.other.fullmatch(a.lower))]:
            if k.pos in {"NOUN", "PROPN", "PRON", "NUM"}:
                out.append(k)
                stack.append(k)
    if lex is not None and len(out) == 1:
        out += _asyndetic(p, first, lex)
    out.sort(key=lambda t: t.i)
    return out


def _asyndetic(p: Parse, first: Token, lex: Lexicon) -> list[Token]:
    """Numbered person nouns listed with commas only, which a headline parse leaves as siblings
    ("3 adults, 1 child found shot to death"): the other nouns of the list this one is in, each
    after the one before it with only a comma and its own modifiers between them."""
    h = p.head(first)

    def member(t: Token) -> bool:
        return t.pos in {"NOUN", "PROPN"} and _has_number(p, t) and bool(lex.persons.fullmatch(t.lower))

    if h is None or not member(first):
        return []
    sibs = sorted((k for k in p.kids(h) if member(k)), key=lambda t: t.i)
    chain: list[Token] = []
    for s in sibs:
        if chain:
            between = p.tokens[chain[-1].i + 1 : s.i]
            kids = {k.i for k in p.kids(s)}
            if not (between and between[0].text == "," and all(t.text == "," or t.i in kids for t in between[1:])):
                if first.i <= chain[-1].i:
                    break  # the list with this noun has ended
                chain = []
        chain.append(s)
    return [t for t in chain if t.i != first.i] if any(t.i == first.i for t in chain) else []


def _whole_of(p: Parse, noun: Token) -> Optional[Token]:
    """The count a part belongs to: the noun the part's preposition attaches to."""
    t = noun
    if t.rel == "conj":
        t = p.head(t) or t
    h = p.head(t)
    if h is not None and h.rel == "case":
        w = p.head(h)
        if w is not None and w.pos in {"NOUN", "PROPN", "NUM", "PRON"}:
            return w
        if w is not None and w.pos in _PREDICATE_POS:  # "seven died, including ...": the subject of the verb
            subj = p.kids(w, "subj")
            return subj[0] if subj else None
    return None


def conjoined_head(p: Parse, noun: Token) -> Optional[Token]:
    """The first noun of a coordination the noun is a later conjunct of ("two adults" in
    "three children and two adults"), when that first noun also carries a figure."""
    h = p.head(noun)
    if noun.rel == "conj" and h is not None and h.pos in {"NOUN", "PROPN"} and any(x.rel == "num" for x in p.kids(h)):
        return h
    return None


def part_label(noun: Token, num: Token) -> Optional[str]:
    if noun is num:
        return None
    w = noun.lower
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def part_predicate(label: Optional[str]) -> str:
    """The claim predicate of a part ("part: children"): parts are grouped by what they count."""
    return f"part: {label}" if label else "part"


def is_update(text: str, lang: str) -> bool:
    """The sentence says a figure revises an earlier one ("the toll rose to five")."""
    return bool(lexicon(lang).update.search(text))


def reports_several_events(parse: Optional[Parse], lang: str) -> bool:
    """The sentence counts several events ("5 dead in weekend shootings", "three shootings")."""
    if parse is None:
        return False
    rx = lexicon(lang).events
    return any(rx.fullmatch(t.lower) for t in parse.tokens)
