"""Dates and periods with their granularity (French and English; Spanish, German, Italian and
Portuguese words are in :mod:`claims.recognize.dates_intl`).

`find_dates(text, lang, published)` returns :class:`DateHit` (a date Mention plus whether the
context makes it certain: "en 2019" is a strong year, a bare "2019" a weak one that a longer
quantity such as "2019 salariés" overrides). Relative expressions ("l'an dernier", "hier",
"last year") are resolved against the publication date when it is known.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from ..model import Mention, TimeRef
from . import lexicon as L
from .lexicon import fold
from .lexicon_intl import INTL_LANGS
from .numbers import _Spans, parse_number_words

__all__ = ["DateHit", "find_dates"]

_SP = r"[\s\u00a0\u202f]"
_S = _SP + "+"


@dataclass(slots=True)
class DateHit:
    mention: Mention
    strong: bool


# ---------------------------------------------------------------------------------------------
# Calendar helpers.
def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


_PARTS_YEAR = {  # part of a year -> (first month, last month)
    "debut": (1, 4), "early": (1, 4), "mi": (5, 8), "mid": (5, 8), "fin": (9, 12), "late": (9, 12),
    "courant": (1, 12), "h1": (1, 6), "h2": (7, 12), "s1": (1, 6), "s2": (7, 12),
    "printemps": (3, 6), "ete": (6, 9), "automne": (9, 12), "hiver": (1, 3), "spring": (3, 6),
    "summer": (6, 9), "autumn": (9, 12), "fall": (9, 12), "winter": (1, 3),
}
_PARTS_MONTH = {"debut": (1, 10), "early": (1, 10), "mi": (11, 20), "mid": (11, 20), "fin": (21, 31), "late": (21, 31)}


def _part_key(s: str | None) -> str | None:
    if not s:
        return None
    f = fold(s).strip(" -")
    for k in ("debut", "early", "mi", "mid", "fin", "late", "courant"):
        if f.startswith(k) or f.endswith(k):
            return k
    if "beginning" in f or "start" in f:
        return "early"
    if "end" in f:
        return "late"
    if "middle" in f:
        return "mid"
    return f if f in _PARTS_YEAR else None


# ---------------------------------------------------------------------------------------------
# Vocabulary as regex.
_FR_MONTHS_RX = L.alternation(sorted(L.FR_MONTHS - {"sept", "dec", "fev", "avr", "janv", "juil", "fevr"})) + r"|(?:sept|d[ée]c|f[ée]vr?|avr|janv|juil)\."
_EN_MONTHS_RX = "(?-i:" + "|".join(
    sorted({m.capitalize() for m in L.EN_MONTHS if len(m) > 3} | {m.capitalize() + r"\.?" for m in L.EN_MONTHS if len(m) <= 4 and m != "may"} | {"May"}, key=len, reverse=True)
) + ")"
_MONTH = rf"(?P<m>{_FR_MONTHS_RX}|{_EN_MONTHS_RX})(?![\w])"
_YEAR = r"(?P<y>(?:1\d\d\d|20\d\d|2100))(?![\d])"
_WEEKDAY = L.alternation(L.WEEKDAYS)


def _month_num(s: str) -> int | None:
    return L.MONTHS.get(fold(s).rstrip("."))


_DAY_MONTH_YEAR = re.compile(
    rf"(?<![\w])(?:(?P<wd>{_WEEKDAY}){_S}(?:the{_S})?)?(?P<d>1er|1re|1st|2nd|3rd|\d{{1,2}}(?:th|st|nd|rd)?)(?:{_S}of)?{_S}{_MONTH}(?:,?{_S}{_YEAR})?",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    rf"(?<![\w]){_MONTH}\.?{_S}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d\w])(?:,?{_S}{_YEAR})?",
    re.IGNORECASE,
)
_DAY_RANGE = re.compile(
    rf"(?<![\w])(?:(?P<p>du|from|entre|between){_S})?(?P<d1>1er|\d{{1,2}})(?P<g>{_SP}*[-–]{_SP}*|{_S}(?:au|à|to|et|and){_S})(?P<d2>\d{{1,2}}){_S}{_MONTH}(?:,?{_S}{_YEAR})?",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    r"(?<![\w/.\-])(?:(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
    r"|(?P<iy>\d{4})(?P<isep>[\-/])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2}))(?![\w/]|[.\-]\d)"
)
_MONTH_YEAR = re.compile(
    rf"(?<![\w])(?:(?P<part>d[ée]but|fin|mi|courant|early|late|mid)(?:{_S}|{_SP}*-{_SP}*))?(?:(?:le{_S})?mois{_S}d['’e]{_SP}*)?{_MONTH}(?:,?{_S}|{_S}of{_S}|{_S}de{_S}){_YEAR}",
    re.IGNORECASE,
)
_MONTH_ALONE = re.compile(
    rf"(?<![\w])(?P<ctx>en|in|depuis|since|dès|from|until|jusqu['’]en|d['’]ici{_S}[àa]|d['’]ici|by|avant|apr[èe]s|before|after|d[ée]but|fin|mi|courant|early|late|mid|au{_S}mois{_S}de|le{_S}mois{_S}de|ce{_S}mois{_S}de|cette|ce|last|this|next)(?:{_S}|{_SP}*-{_SP}*){_MONTH}(?!{_SP}*\d)(?:{_S}(?P<rel>dernier|prochain|pass[ée]|last|next))?",
    re.IGNORECASE,
)
_ORD = r"(?P<q>premier|1er|deuxi[eè]me|second|2e|2[eè]me|2nd|troisi[eè]me|3e|3[eè]me|3rd|quatri[eè]me|4e|4[eè]me|4th|dernier|first|third|fourth|last)"
_QUARTER = re.compile(
    rf"(?<![\w])(?:{_ORD}{_S}(?:trimestre|quarter)(?:{_S}(?:de{_S}|d['’]|of{_S})?(?:l['’]ann[ée]e{_S}|l['’]exercice{_S}|the{_S}year{_S}|fiscal{_S})?{_YEAR})?"
    rf"|(?P<qq>[QT])(?P<qn>[1-4])(?:{_S}|-|{_SP}*/{_SP}*)?(?P<y2>(?:19|20)\d\d)?(?![\w])"
    rf"|{_YEAR.replace('(?P<y>', '(?P<y3>')}{_SP}*[-/]?{_SP}*(?P<qq3>Q)(?P<qn3>[1-4])(?![\w]))",
)
_HALF = re.compile(
    rf"(?<![\w])(?:(?P<h>premier|1er|second|deuxi[eè]me|2e|2nd|first|second){_S}(?:semestre|half)(?:{_S}(?:de{_S}|d['’]|of{_S})?(?:l['’]ann[ée]e{_S})?{_YEAR})?"
    rf"|(?P<hh>[HS])(?P<hn>[12])(?:{_S}|-)?(?P<y2>(?:19|20)\d\d)(?![\w]))",
)
_DECADE = re.compile(
    rf"(?<![\w])(?:(?:(?P<pfr>d[ée]but|fin|milieu|mi)(?:{_S}|{_SP}*-{_SP}*)des{_S}|(?:les|des){_S})?ann[ée]es{_S}(?P<d1>(?:1[89]|20)\d0|[2-9]0)(?![\d])"
    rf"|(?P<the>the{_S})?(?:(?P<pen>early|late|mid)(?:{_S}|{_SP}*-{_SP}*))?(?P<d2>(?:1[89]|20)\d0|['’]?[2-9]0)s(?![\w]))",
    re.IGNORECASE,
)
_DECADE_PART = {"debut": (0, 3), "early": (0, 3), "milieu": (3, 6), "mi": (3, 6), "mid": (3, 6), "fin": (7, 9), "late": (7, 9)}
_YEAR_RANGE = re.compile(
    rf"(?<![\w])(?:(?P<p>de|entre|from|between){_S})?(?P<y1>(?:1\d\d\d|20\d\d))(?P<g>{_SP}*[-–/]{_SP}*|{_S}(?:à|a|au|et|and|to){_S})(?P<y2>(?:1\d\d\d|20\d\d)|\d\d)(?![\w%])",
    re.IGNORECASE,
)
_PART_YEAR = re.compile(
    rf"(?<![\w])(?P<part>d[ée]but|fin|mi|courant|early|late|mid|(?:the{_S})?(?:end|beginning|start|middle){_S}of|printemps|[ée]t[ée]|automne|hiver|spring|summer|autumn|fall|winter)"
    rf"(?:{_S}|{_SP}*-{_SP}*)(?:(?:de{_S})?l['’]ann[ée]e{_S}|d['’]ann[ée]e{_S}|de{_S})?{_YEAR}",
    re.IGNORECASE,
)
_YEAR_CTX = re.compile(
    rf"(?<![\w])(?P<ctx>en|in|depuis|since|dès|from|jusqu['’]en|jusqu['’]à|until|till|avant|apr[èe]s|before|after|d['’]ici{_S}[àa]|d['’]ici|by|"
    rf"l['’]ann[ée]e|ann[ée]e|the{_S}year|year|exercice|l['’]exercice|fiscal|pour|for|au{_S}cours{_S}de|during|through){_S}\Z",
    re.IGNORECASE,
)
_BARE_YEAR = re.compile(r"(?<![\w.,/\-–+])(?P<y>1\d\d\d|20\d\d|2100)(?![\w/%]|[.,]\d|[\-–]\d)")
_RELATION_BEFORE = re.compile(
    rf"(?<![\w])(?P<r>depuis|since|dès|[àa]{_S}partir{_S}d['’e]|[àa]{_S}compter{_S}d['’e]|jusqu['’](?:en|à|au)|until|till|avant|apr[èe]s|before|after|d['’]ici{_S}[àa]|d['’]ici|by)(?:{_S}(?:le|la|l['’]|the|les))?{_SP}*\Z",
    re.IGNORECASE,
)
_REL_OF = {
    "depuis": "since", "since": "since", "des": "since", "a partir de": "since", "a partir d'": "since",
    "a compter de": "since", "a compter d'": "since", "jusqu'en": "until", "jusqu'a": "until",
    "jusqu'au": "until", "until": "until", "till": "until", "d'ici": "until", "d'ici a": "until", "by": "until",
    "avant": "before", "before": "before", "apres": "after", "after": "after",
}


def _relation_key(s: str) -> str:
    return re.sub(r"[\s\u00a0]+", " ", fold(s)).strip()


# Relative expressions: pattern -> (unit, offset, relation)
_RELATIVE: list[tuple[str, str, int, str]] = [
    (r"l['’]an{_S}(?:dernier|pass[ée])", "year", -1, "at"),
    (r"l['’]ann[ée]e{_S}(?:derni[èe]re|pass[ée]e)", "year", -1, "at"),
    (r"cette{_S}ann[ée]e|l['’]ann[ée]e{_S}en{_S}cours", "year", 0, "at"),
    (r"l['’]an{_S}prochain|l['’]ann[ée]e{_S}prochaine", "year", 1, "at"),
    (r"(?-i:[Ll])ast{_S}year|(?-i:[Tt])his{_S}year|(?-i:[Nn])ext{_S}year", "year", 9, "at"),
    (r"le{_S}mois{_S}(?:dernier|pass[ée])|(?-i:[Ll])ast{_S}month", "month", -1, "at"),
    (r"ce{_S}mois(?:-ci)?|(?-i:[Tt])his{_S}month", "month", 0, "at"),
    (r"le{_S}mois{_S}prochain|(?-i:[Nn])ext{_S}month", "month", 1, "at"),
    (r"la{_S}semaine{_S}(?:derni[èe]re|pass[ée]e)|(?-i:[Ll])ast{_S}week", "week", -1, "at"),
    (r"cette{_S}semaine|(?-i:[Tt])his{_S}week", "week", 0, "at"),
    (r"la{_S}semaine{_S}prochaine|(?-i:[Nn])ext{_S}week", "week", 1, "at"),
    (r"le{_S}trimestre{_S}(?:dernier|pass[ée])|(?-i:[Ll])ast{_S}quarter", "quarter", -1, "at"),
    (r"ce{_S}trimestre|(?-i:[Tt])his{_S}quarter", "quarter", 0, "at"),
    (r"avant-hier", "day", -2, "at"),
    (r"hier|(?-i:[Yy])esterday", "day", -1, "at"),
    (r"aujourd['’]hui|(?-i:[Tt])oday", "day", 0, "at"),
    (r"apr[èe]s-demain", "day", 2, "at"),
    (r"demain|(?-i:[Tt])omorrow", "day", 1, "at"),
    (r"d[ée]sormais|dor[ée]navant|(?-i:[Ff])rom{_S}now{_S}on|(?-i:[Hh])enceforth", "day", 0, "since"),
    (r"actuellement|maintenant|[àa]{_S}pr[ée]sent|en{_S}ce{_S}moment|de{_S}nos{_S}jours|(?-i:[Nn])ow|(?-i:[Cc])urrently|(?-i:[Nn])owadays|(?-i:[Aa])t{_S}present|(?-i:[Tt])hese{_S}days", "day", 0, "at"),
]
_RELATIVE_RX = re.compile(
    r"(?<![\w'’-])(?:"
    + "|".join(f"(?P<r{i}>" + p.replace("{_S}", _S) + ")" for i, (p, _, _, _) in enumerate(_RELATIVE))
    + rf"|(?P<wd>{L.alternation(L.WEEKDAYS)})(?:{_S}(?P<wdrel>dernier|prochain|last|next))?"
    + r")(?:(?=['’]s(?![\w]))|(?![\w'’-]))",  # "last year's massacre", "Sunday's shooting": the possessive
    re.IGNORECASE,
)
_AGO = re.compile(
    rf"(?<![\w])(?:il{_S}y{_S}a{_S}(?P<n1>\d+|\w+){_S}(?P<u1>ans?|ann[ée]es?|mois|jours?|semaines?)|(?P<n2>\d+|\w+){_S}(?P<u2>years?|months?|weeks?|days?){_S}ago)(?![\w])",
    re.IGNORECASE,
)
# "la fin de l'année", "fin d'année", "the end of the year", "the end of next year", "year-end",
# "la fin du mois": a part of the publication year or month (a relation word before it, "d'ici",
# "by", "avant", is read by the collector: "d'ici la fin de l'année" is until then).
_PERIOD_END = re.compile(
    rf"(?<![\w'’-])(?:(?:fin|end){_S}(?:de{_S}l['’]|d['’]|of{_S}(?:the{_S}|this{_S})?)(?P<u>ann[ée]e|year|exercice)"
    rf"(?:{_S}(?P<rel>prochaine|derni[èe]re|pass[ée]e|en{_S}cours|courante))?"
    rf"|(?:fin|end){_S}(?:du|of{_S}(?:the|this))?{_SP}*(?P<um>mois|month)(?:{_S}(?P<relm>prochain|dernier|pass[ée]))?"
    rf"|end{_S}of{_S}(?P<rel2>next|last|this){_S}(?P<u2>year|month)"
    rf"|(?P<ye>year[- ]end))(?![\w'’-])(?!{_SP}+(?:\d{{4}}|de{_S}\d|of{_S}\d))",
    re.IGNORECASE,
)
_EN_WEEKDAY_CAP = re.compile(r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")

# Month ranges: "entre juillet et septembre 2024", "de janvier à mars", "from July to September 2024",
# "juillet-septembre 2024", "de juillet 2023 à mars 2024".
_MONTH1 = _MONTH.replace("(?P<m>", "(?P<m1>")
_MONTH2 = _MONTH.replace("(?P<m>", "(?P<m2>")
_MONTH_RANGE = re.compile(
    rf"(?<![\w])(?:(?P<p>entre|between|de|d['’]|du{_S}mois{_S}de|from){_SP}*)?{_MONTH1}(?:,?{_S}{_YEAR.replace('(?P<y>', '(?P<y1>')})?"
    rf"(?P<g>{_S}(?:et|and|à|a|au|to|through|until|jusqu['’](?:à|en)){_S}|{_SP}*[-–]{_SP}*){_MONTH2}"
    rf"(?:(?:,?{_S}|{_S}(?:de|of){_S}){_YEAR.replace('(?P<y>', '(?P<y2>')})?",
    re.IGNORECASE,
)
_RANGE_GAPS = {"entre": ("et", "and", "-", "–"), "between": ("and", "et", "-", "–"),
               "de": ("a", "au", "jusqu'a", "jusqu'en", "-", "–"), "d'": ("a", "au", "jusqu'a", "jusqu'en", "-", "–"),
               "du mois de": ("a", "au", "-", "–"), "from": ("to", "through", "until", "-", "–"), "": ("-", "–")}

# Dates relative to another date of the same text: "un an plus tôt", "l'année précédente",
# "a year earlier", "the previous quarter", "deux ans plus tard".
_COUNT_WORDS = {"un": 1, "une": 1, "a": 1, "an": 1, "one": 1, "deux": 2, "two": 2, "trois": 3, "three": 3,
                "quatre": 4, "four": 4, "cinq": 5, "five": 5, "six": 6, "dix": 10, "ten": 10}
_UNIT_MONTHS = {"an": 12, "ans": 12, "annee": 12, "annees": 12, "exercice": 12, "year": 12, "years": 12,
                "fiscal year": 12, "trimestre": 3, "trimestres": 3, "quarter": 3, "quarters": 3, "mois": 1,
                "month": 1, "months": 1}
_CLAUSE_END = rf"(?={_SP}*(?:[,.;:)!?]|\Z))"
_ANCHORED_RX = re.compile(
    rf"(?<![\w'’-])(?:"
    rf"(?P<n>\d{{1,2}}|{L.alternation(_COUNT_WORDS)}){_S}(?P<u>ans?|ann[ée]es?|trimestres?|mois|years?|quarters?|months?)"
    rf"{_S}(?P<d>plus{_S}t[ôo]t|auparavant|plus{_S}tard|earlier|later|(?:avant|apr[èe]s|before|after|prior){_CLAUSE_END})"
    rf"|(?:l['’]|(?:le|au|du){_S})?(?P<u2>ann[ée]e|an|exercice|trimestre|mois){_S}(?P<d2>pr[ée]c[ée]dente?|d['’]avant|suivante?|d['’]apr[èe]s)"
    rf"|(?:the{_S})?(?P<d3>previous|prior|preceding|following){_S}(?P<u3>year|quarter|month|fiscal{_S}year)"
    rf"|the{_S}(?P<u4>year|quarter|month){_S}(?P<d4>before|after){_CLAUSE_END}"
    rf")(?![\w'’-])",
    re.IGNORECASE,
)
_BACKWARD = ("plus tot", "auparavant", "earlier", "avant", "before", "prior", "precedent", "precedente",
             "d'avant", "previous", "preceding")


# ---------------------------------------------------------------------------------------------
def _timeref(text: str, s: int, e: int, value: str | None, gran: str, earliest: dt.date | None,
             latest: dt.date | None, relation: str = "at", resolved: bool = True,
             relative: bool = False) -> TimeRef:
    return TimeRef(text=text[s:e], start=s, end=e, value=value, granularity=gran,  # type: ignore[arg-type]
                   relation=relation, earliest=earliest, latest=latest,  # type: ignore[arg-type]
                   resolved=resolved, relative=relative)


def _year_span(y: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _guess_year(month: int, published: dt.date) -> int:
    """Year of a month named without one: the latest such month not far after publication."""
    return published.year if month <= published.month + 2 else published.year - 1


class _Collector:
    def __init__(self, text: str):
        self.text = text
        self.hits: list[DateHit] = []

    def add(self, s: int, e: int, tr: TimeRef, strong: bool = True, with_relation: bool = True) -> None:
        text = self.text
        if with_relation and tr.relation == "at":
            m = _RELATION_BEFORE.search(text, max(0, s - 24), s)
            if m:
                rel = _REL_OF.get(_relation_key(m.group("r")))
                if rel:
                    s = m.start()
                    tr = tr.model_copy(update={"relation": rel, "start": s, "text": text[s:e]})
        self.hits.append(DateHit(Mention(kind="date", start=s, end=e, text=text[s:e], time=tr), strong))


_MONTH_ANY = re.compile(rf"(?<![\w]){_MONTH}", re.IGNORECASE)
_YEARISH = re.compile(r"\d{4}(?!\d)")
_QT_DIGIT = re.compile(r"[QT][1-4]")


def _windows(spans: list[tuple[int, int]], before: int, after: int, n: int) -> list[tuple[int, int]]:
    """Merged text windows around hits: date patterns are only tried there."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        a, b = max(0, s - before), min(n, e + after)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _scan(rx: re.Pattern, text: str, windows: list[tuple[int, int]]):
    for a, b in windows:
        yield from rx.finditer(text, a, b)


def find_dates(text: str, lang: str = "fr", published: dt.date | None = None,
               protect: list[tuple[int, int]] | None = None) -> list[DateHit]:
    """All date candidates (overlapping ones included; the caller keeps the longest)."""
    col = _Collector(text)
    en = lang == "en"
    intl = lang in INTL_LANGS
    n = len(text)
    low = text.lower()
    months = [] if intl else _windows([m.span() for m in _MONTH_ANY.finditer(text)], 50, 30, n)
    years = _windows([m.span() for m in _YEARISH.finditer(text)
                      if not (m.start() and text[m.start() - 1].isdigit())], 60, 14, n)
    if months:
        _days(text, col, en, published, months)
        _day_ranges(text, col, published, months)
        _months(text, col, published, months)
        _month_ranges(text, col, published, months)
    if years or "/" in text or "." in text:
        _numeric(text, col, en)
    qspans = years
    if "trimestre" in low or "quarter" in low or _QT_DIGIT.search(text):
        qspans = [(0, n)]
    _quarters(text, col, published, qspans, years)
    if "ann" in low or "0s" in text:
        _decades(text, col)
    if years:
        _years(text, col, years)
    if intl:
        from .dates_intl import find_dates_intl  # (imports this module)

        find_dates_intl(text, lang, published, col)
    else:
        _relatives(text, col, published, low)
        if "fin" in low or "end" in low:
            _period_ends(text, col, published)
        _anchored(text, col)
    _holidays(text, col, published, lang)
    if protect:
        sp = _Spans(protect)
        col.hits = [h for h in col.hits if not sp.overlaps(h.mention.start, h.mention.end)]
    return col.hits


def _days(text: str, col: _Collector, en: bool, published: dt.date | None, win: list[tuple[int, int]]) -> None:
    for rx in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for m in _scan(rx, text, win):
            month = _month_num(m.group("m"))
            dtok = re.match(r"\d+", m.group("d"))
            day = int(dtok.group(0)) if dtok else 1
            if month is None or not 1 <= day <= 31:
                continue
            s, e = m.span()
            if rx is _MONTH_DAY_YEAR and not m.group("y"):
                # "December 12" is an English date; French "mai 12" without a year is rare
                if fold(m.group("m")) in L.FR_MONTHS and fold(m.group("m")) not in L.EN_MONTHS:
                    continue
            if m.group("y"):
                y = int(m.group("y"))
                d = _safe_date(y, month, day)
                if d is None:
                    continue
                col.add(s, e, _timeref(col.text, s, e, d.isoformat(), "day", d, d))
            elif published is not None:
                y = _guess_year(month, published)
                d = _safe_date(y, month, day)
                if d is None:
                    continue
                col.add(s, e, _timeref(col.text, s, e, d.isoformat(), "day", d, d, relative=True))
            else:
                col.add(s, e, _timeref(col.text, s, e, None, "day", None, None, resolved=False, relative=True))


def _day_ranges(text: str, col: _Collector, published: dt.date | None, win: list[tuple[int, int]]) -> None:
    """"du 7 au 9 décembre 2024", "7-9 décembre", "entre le 3 et le 5 mai"."""
    for m in _scan(_DAY_RANGE, text, win):
        g = fold(m.group("g")).strip()
        p = fold(m.group("p") or "")
        if g in ("au", "a", "to") and p not in ("du", "from"):
            continue
        if g in ("et", "and") and p not in ("entre", "between"):
            continue
        month = _month_num(m.group("m"))
        d1, d2 = (1 if m.group("d1").startswith("1e") else int(m.group("d1"))), int(m.group("d2"))
        if month is None or not 1 <= d1 < d2 <= 31:
            continue
        _add_day_range(text, col, m.span(), month, d1, d2, m.group("y"), published)


def _add_day_range(text: str, col: _Collector, span: tuple[int, int], month: int, d1: int, d2: int,
                   year: str | None, published: dt.date | None) -> None:
    """Add "du 3 au 5 mars [2024]" as one day range; without a year, guess it from the publication."""
    s, e = span
    if year:
        y, relative = int(year), False
    elif published is not None:
        y, relative = _guess_year(month, published), True
    else:
        col.add(s, e, _timeref(text, s, e, None, "day", None, None, "range", resolved=False, relative=True),
                with_relation=False)
        return
    a, b = _safe_date(y, month, d1), _safe_date(y, month, d2)
    if a is not None and b is not None:
        col.add(s, e, _timeref(text, s, e, f"{a.isoformat()}/{b.isoformat()}", "day", a, b, "range", relative=relative),
                with_relation=False)


def _month_ranges(text: str, col: _Collector, published: dt.date | None, win: list[tuple[int, int]]) -> None:
    """"entre juillet et septembre 2024": a range of months, a quarter when it is exactly one."""
    for m in _scan(_MONTH_RANGE, text, win):
        p = _relation_key(m.group("p") or "").replace("’", "'")
        g = _relation_key(m.group("g")).replace("’", "'")
        if g not in _RANGE_GAPS.get(p, ()):
            continue
        m1, m2 = _month_num(m.group("m1")), _month_num(m.group("m2"))
        if m1 is None or m2 is None or m1 == m2:
            continue
        s, e = m.span()
        relative = False
        if m.group("y2"):
            y2 = int(m.group("y2"))
        elif published is not None and not m.group("y1"):
            y2, relative = _guess_year(m2, published), True
        elif not m.group("y1"):
            col.add(s, e, _timeref(text, s, e, None, "month", None, None, "range", resolved=False, relative=True),
                    with_relation=False)
            continue
        else:
            continue  # "de juillet 2023 à mars": the second month has no year of its own
        y1 = int(m.group("y1")) if m.group("y1") else (y2 if m1 < m2 else y2 - 1)
        first, last = dt.date(y1, m1, 1), _month_end(y2, m2)
        if last <= first or (y2 - y1) * 12 + m2 - m1 > 36:
            continue
        if y1 == y2 and m1 % 3 == 1 and m2 == m1 + 2:
            value, gran = f"{y1:04d}-Q{m2 // 3}", "quarter"
        else:
            value, gran = f"{y1:04d}-{m1:02d}/{y2:04d}-{m2:02d}", "month"
        col.add(s, e, _timeref(text, s, e, value, gran, first, last, "range", relative=relative), with_relation=False)


def _numeric(text: str, col: _Collector, en: bool) -> None:
    for m in _NUMERIC.finditer(text):
        s, e = m.span()
        if m.group("iy"):
            y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
        else:
            a, b = int(m.group("a")), int(m.group("b"))
            ys = m.group("y")
            if len(ys) == 2 and m.group("sep") == "-":
                continue
            y = int(ys) if len(ys) == 4 else (2000 + int(ys) if int(ys) < 50 else 1900 + int(ys))
            if en and a <= 12:
                mo, d = a, b
            elif a > 12:
                d, mo = a, b
            else:
                d, mo = a, b
        date = _safe_date(y, mo, d)
        if date is None or not 1800 <= y <= 2100:
            continue
        col.add(s, e, _timeref(col.text, s, e, date.isoformat(), "day", date, date))


def _months(text: str, col: _Collector, published: dt.date | None, win: list[tuple[int, int]]) -> None:
    for m in _scan(_MONTH_YEAR, text, win):
        month = _month_num(m.group("m"))
        if month is None:
            continue
        y = int(m.group("y"))
        s, e = m.span()
        first, last = dt.date(y, month, 1), _month_end(y, month)
        part = _part_key(m.group("part"))
        if part in _PARTS_MONTH:
            a, b = _PARTS_MONTH[part]
            first, last = dt.date(y, month, a), dt.date(y, month, min(b, last.day))
        col.add(s, e, _timeref(col.text, s, e, f"{y:04d}-{month:02d}", "month", first, last))
    for m in _scan(_MONTH_ALONE, text, win):
        month = _month_num(m.group("m"))
        if month is None:
            continue
        ctx = re.sub(r"\s+", " ", fold(m.group("ctx")))
        s, e = m.span()
        part = _part_key(ctx) if ctx in ("debut", "fin", "mi", "courant", "early", "late", "mid") else None
        if part is None and ctx not in ("cette", "ce", "this", "last", "next") and not m.group("rel"):
            s = m.start("m")  # "en juillet": the span is the month; "depuis juillet" keeps "depuis"
            if ctx in ("depuis", "since", "des", "from", "until", "jusqu'en", "d'ici", "d'ici a", "by", "avant", "apres",
                       "before", "after"):
                s = m.start()
        rel = {"depuis": "since", "since": "since", "des": "since", "from": "since", "until": "until",
               "jusqu'en": "until", "d'ici": "until", "d'ici a": "until", "by": "until", "avant": "before",
               "before": "before", "apres": "after", "after": "after"}.get(ctx, "at")
        if published is None:
            col.add(s, e, _timeref(col.text, s, e, None, "month", None, None, rel, resolved=False, relative=True), with_relation=False)
            continue
        shift = fold(m.group("rel") or "")
        if shift in ("prochain", "next") or ctx == "next":
            y = published.year if month > published.month else published.year + 1
        elif shift in ("dernier", "passe", "last") or ctx == "last":
            y = published.year if month < published.month else published.year - 1
        elif ctx in ("cette", "ce", "this"):
            y = published.year
        elif ctx in ("d'ici", "d'ici a"):
            y = published.year if month >= published.month else published.year + 1  # always ahead
        else:
            y = _guess_year(month, published)
        first, last = dt.date(y, month, 1), _month_end(y, month)
        if part in _PARTS_MONTH:
            a, b = _PARTS_MONTH[part]
            first, last = dt.date(y, month, a), dt.date(y, month, min(b, last.day))
        col.add(s, e, _timeref(col.text, s, e, f"{y:04d}-{month:02d}", "month", first, last, rel, relative=True),
                with_relation=False)


_QNUM = {"premier": 1, "1er": 1, "first": 1, "deuxieme": 2, "second": 2, "2e": 2, "2eme": 2, "2nd": 2,
         "troisieme": 3, "3e": 3, "3eme": 3, "3rd": 3, "third": 3, "quatrieme": 4, "4e": 4, "4eme": 4,
         "4th": 4, "fourth": 4, "dernier": 4, "last": 4}


def _quarters(text: str, col: _Collector, published: dt.date | None, win: list[tuple[int, int]],
              years: list[tuple[int, int]]) -> None:
    for m in _scan(_QUARTER, text, win):
        s, e = m.span()
        if m.group("q"):
            qn = _QNUM.get(fold(m.group("q")))
            ys = m.group("y")
            before = text[max(0, s - 12):s].lower()
            if not ys and not re.search(r"(?:au|le|du|ce|the|this)\s+$", before):
                continue
        elif m.group("qq"):
            qn, ys = int(m.group("qn")), m.group("y2")
            if m.group("qq") == "T" and not ys:
                continue  # "T3" alone is too ambiguous
        else:
            qn, ys = int(m.group("qn3")), m.group("y3")
        if not qn:
            continue
        if ys:
            y, relative = int(ys), False
        elif published is not None:
            pq = (published.month - 1) // 3 + 1
            y, relative = (published.year if qn <= pq else published.year - 1), True
        else:
            col.add(s, e, _timeref(text, s, e, None, "quarter", None, None, resolved=False, relative=True))
            continue
        first = dt.date(y, 3 * qn - 2, 1)
        last = _month_end(y, 3 * qn)
        col.add(s, e, _timeref(text, s, e, f"{y:04d}-Q{qn}", "quarter", first, last, relative=relative))
    for m in _scan(_HALF, text, years):
        s, e = m.span()
        if m.group("h"):
            hn = 1 if fold(m.group("h")) in ("premier", "1er", "first") else 2
            ys = m.group("y")
        else:
            hn, ys = int(m.group("hn")), m.group("y2")
        if not ys:
            continue
        y = int(ys)
        first, last = dt.date(y, 1 if hn == 1 else 7, 1), _month_end(y, 6 if hn == 1 else 12)
        col.add(s, e, _timeref(text, s, e, f"{y:04d}-H{hn}", "year", first, last))


def _decades(text: str, col: _Collector) -> None:
    for m in _DECADE.finditer(text):
        raw = (m.group("d1") or m.group("d2")).lstrip("'’")
        if m.group("d2") and len(raw) == 2 and not (m.group("the") or m.group("d2")[0] in "'’"):
            continue  # "in his 30s" is an age
        d = 1900 + int(raw) if len(raw) == 2 else int(raw)
        a, b = _DECADE_PART.get(fold(m.group("pfr") or m.group("pen") or ""), (0, 9))
        s, e = m.span()
        col.add(s, e, _timeref(text, s, e, f"{d}s", "decade", dt.date(d + a, 1, 1), dt.date(d + b, 12, 31)))


def _years(text: str, col: _Collector, win: list[tuple[int, int]]) -> None:
    for m in _scan(_YEAR_RANGE, text, win):
        y1 = int(m.group("y1"))
        y2s = m.group("y2")
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        g = fold(m.group("g")).strip()
        p = fold(m.group("p") or "")
        if y2 <= y1 or y2 - y1 > 100 or (len(y2s) == 2 and (y2 - y1 > 10 or y1 < 1800)):
            continue
        if g in ("et", "and") and p not in ("entre", "between"):
            continue
        if g in ("a", "au", "to") and p not in ("de", "from"):
            continue
        if g == "/" and len(y2s) == 4:
            continue
        s, e = m.span()
        col.add(s, e, _timeref(text, s, e, f"{y1}/{y2}", "year", dt.date(y1, 1, 1), dt.date(y2, 12, 31), "range"),
                with_relation=False)
    for m in _scan(_PART_YEAR, text, win):
        y = int(m.group("y"))
        part = _part_key(m.group("part"))
        s, e = m.span()
        a, b = _PARTS_YEAR.get(part or "courant", (1, 12))
        col.add(s, e, _timeref(text, s, e, str(y), "year", dt.date(y, a, 1), _month_end(y, b)))
    for m in _scan(_BARE_YEAR, text, win):
        y = int(m.group("y"))
        s, e = m.span()
        ctx = _YEAR_CTX.search(text, max(0, s - 24), s)
        first, last = _year_span(y)
        if not ctx and y < 1800:
            continue  # a bare "1500" is a number; "en 1500" is a year
        if ctx:
            key = _relation_key(ctx.group("ctx"))
            rel = _REL_OF.get(key, "at")
            start = ctx.start() if rel != "at" else s
            col.add(start, e, _timeref(text, start, e, str(y), "year", first, last, rel), strong=True,
                    with_relation=False)
        else:
            col.add(s, e, _timeref(text, s, e, str(y), "year", first, last), strong=False)


def _resolve_relative(unit: str, off: int, published: dt.date) -> tuple[str, str, dt.date, dt.date]:
    if unit == "year":
        y = published.year + off
        return str(y), "year", dt.date(y, 1, 1), dt.date(y, 12, 31)
    if unit == "month":
        y, mo = _add_months(published.year, published.month, off)
        return f"{y:04d}-{mo:02d}", "month", dt.date(y, mo, 1), _month_end(y, mo)
    if unit == "quarter":
        q = (published.month - 1) // 3 + off
        y = published.year + q // 4
        qn = q % 4 + 1
        return f"{y:04d}-Q{qn}", "quarter", dt.date(y, 3 * qn - 2, 1), _month_end(y, 3 * qn)
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=off)
        iso = monday.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}", "unknown", monday, monday + dt.timedelta(days=6)
    d = published + dt.timedelta(days=off)
    return d.isoformat(), "day", d, d


def _easter(y: int) -> dt.date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(y, month, day + 1)


def _holiday_date(rule: dict, y: int) -> dt.date | None:
    if "date" in rule:
        return _safe_date(y, *rule["date"])
    if "easter" in rule:
        return _easter(y) + dt.timedelta(days=rule["easter"])
    month, weekday, n = rule["nth_weekday"]
    days = [d for d in range(1, calendar.monthrange(y, month)[1] + 1) if dt.date(y, month, d).weekday() == weekday]
    return dt.date(y, month, days[n - 1 if n > 0 else n]) + dt.timedelta(days=rule.get("offset", 0))


@functools.lru_cache(maxsize=16)
def _holiday_rx(lang: str) -> tuple[re.Pattern | None, list[tuple[re.Pattern, dict]]]:
    """One pattern that finds any named day of the language, and one pattern per name."""
    import json
    from importlib import resources

    data = json.loads(resources.files("claims").joinpath("data/holidays.json").read_text(encoding="utf-8"))
    rules = data.get(lang, [])
    weekend = "|".join(data.get("_weekend", {}).get(lang, [])) or "(?!x)x"
    tail = rf"(?P<tail>{_S}(?P<y>1\d\d\d|20\d\d)(?!\d)|{_SP}*-?{_SP}*(?P<we>{weekend})(?![\w-]))?"
    each = [(re.compile(rf"(?P<name>{n})(?![\w'’-]){tail}"), r) for r in rules for n in r["names"]]
    if not each:
        return None, each
    return re.compile(r"(?<![\w-])(?:" + "|".join(n for r in rules for n in r["names"]) + r")(?![\w'’-])"), each  # "l'Ascension"


_CAPITALIZED_BEFORE = re.compile(r"(?<=[\w,;:)»\"”]\s)[A-ZÀ-Ý][\w'’]{3,}[\s-]$|(?<=[\w,;:)»\"”]\s)[A-ZÀ-Ý][\w'’]*-$")
HOLIDAY_AHEAD_DAYS = 45  # a named day without a year: the next one when it is at most this far ahead
_CAPITALIZED_AFTER = re.compile(r"^[\s-][A-ZÀ-Ý]")


def _holidays(text: str, col: _Collector, published: dt.date | None, lang: str) -> None:
    """Named days ("Labor Day weekend", "Noël", "Heiligabend"; claims/data/holidays.json): the
    latest occurrence up to the publication (or the next within HOLIDAY_AHEAD_DAYS), or the stated year."""
    rx, each = _holiday_rx(lang)
    if rx is None:
        return
    for hit in rx.finditer(text):
        s = hit.start()
        found = [(m, r) for m, r in ((p.match(text, s), r) for p, r in each) if m]
        if not found:
            continue
        m, rule = max(found, key=lambda x: x[0].end("name"))  # the longest name: "Christmas Eve", not "Christmas"
        e, word_end = m.end(), m.end("name")
        if " " not in m.group("name") and (_CAPITALIZED_BEFORE.search(text[max(0, s - 30) : s]) and not text[max(0, s - 3) : s].endswith(". ")
                                           or _CAPITALIZED_AFTER.match(text[word_end : word_end + 2]) and not m.group("tail")):
            continue  # a one-word name next to a capitalized word is a person's name ("Noël Mamère", "Jean Noël")
        if m.group("y"):
            d = _holiday_date(rule, int(m.group("y")))
        elif published is not None:
            # the latest occurrence up to the publication, or the next one when it is close
            # ("before Christmas" in November); not a date half a year ahead
            cands = [x for x in (_holiday_date(rule, y) for y in (published.year - 1, published.year, published.year + 1)) if x]
            ahead = [x for x in cands if x > published and (x - published).days <= HOLIDAY_AHEAD_DAYS]
            past = [x for x in cands if x <= published]
            d = min(ahead) if ahead else (max(past) if past else min(cands))
        else:
            col.add(s, e, _timeref(text, s, e, None, "day", None, None, resolved=False, relative=True))
            continue
        if d is None:
            continue
        if m.group("we"):  # "the Labor Day weekend": the days around it
            col.add(s, e, _timeref(text, s, e, d.isoformat(), "day", d - dt.timedelta(days=3), d + dt.timedelta(days=3), "around",
                                   relative=not m.group("y")))
        else:
            col.add(s, e, _timeref(text, s, e, d.isoformat(), "day", d, d, relative=not m.group("y")))


def _relatives(text: str, col: _Collector, published: dt.date | None, low: str) -> None:
    for m in _RELATIVE_RX.finditer(text):
        s, e = m.span()
        name = m.lastgroup
        if name in ("wd", "wdrel"):
            _weekday(text, col, m, published)
            continue
        _, unit, off, rel = _RELATIVE[int(name[1:])]  # type: ignore[index]
        if off == 9:  # English last/this/next
            off = {"last": -1, "this": 0, "next": 1}[m.group(0).split()[0].lower()]
        gran = {"year": "year", "month": "month", "quarter": "quarter", "week": "unknown", "day": "day"}[unit]
        if published is None:
            col.add(s, e, _timeref(text, s, e, None, gran, None, None, rel, resolved=False, relative=True))
            continue
        value, gran, first, last = _resolve_relative(unit, off, published)
        col.add(s, e, _timeref(text, s, e, value, gran, first, last, rel, relative=True))
    if "il y a" not in low and "ago" not in low:
        return
    for m in _AGO.finditer(text):
        n_raw = m.group("n1") or m.group("n2")
        unit_raw = fold(m.group("u1") or m.group("u2"))
        n = int(n_raw) if n_raw.isdigit() else parse_number_words(n_raw, "en" if m.group("n2") else "fr")
        if n is None:
            continue
        n = int(n)
        unit = "year" if unit_raw.startswith(("an", "year")) else "month" if unit_raw.startswith(("mois", "month")) else \
            "week" if unit_raw.startswith(("semaine", "week")) else "day"
        s, e = m.span()
        gran = {"year": "year", "month": "month", "week": "unknown", "day": "day"}[unit]
        if published is None:
            col.add(s, e, _timeref(text, s, e, None, gran, None, None, resolved=False, relative=True))
            continue
        value, gran, first, last = _resolve_relative(unit, -n, published)
        col.add(s, e, _timeref(text, s, e, value, gran, first, last, relative=True))


def _period_ends(text: str, col: _Collector, published: dt.date | None) -> None:
    """The end of the current (next, last) year or month: September to December of the year, the
    21st to the end of the month."""
    for m in _PERIOD_END.finditer(text):
        s, e = m.span()
        month = bool(m.group("um")) or fold(m.group("u2") or "") == "month"
        rel = fold(m.group("rel") or m.group("relm") or m.group("rel2") or "")
        off = 1 if rel.startswith(("prochain", "next")) else -1 if rel.startswith(("dernier", "derniere", "pass", "last")) else 0
        gran = "month" if month else "year"
        if published is None:
            col.add(s, e, _timeref(text, s, e, None, gran, None, None, resolved=False, relative=True))
            continue
        if month:
            y, mo = _add_months(published.year, published.month, off)
            last = _month_end(y, mo)
            col.add(s, e, _timeref(text, s, e, f"{y:04d}-{mo:02d}", "month", dt.date(y, mo, 21), last, relative=True))
        else:
            y = published.year + off
            col.add(s, e, _timeref(text, s, e, str(y), "year", dt.date(y, 9, 1), dt.date(y, 12, 31), relative=True))


def _shift_date(d: dt.date, months: int, keep_month_end: bool = False) -> dt.date:
    y, mo = _add_months(d.year, d.month, months)
    end = calendar.monthrange(y, mo)[1]
    return dt.date(y, mo, end if keep_month_end else min(d.day, end))


def _shift(tr: TimeRef, months: int) -> tuple[str, str, dt.date, dt.date, str] | None:
    """`tr` moved by `months`, keeping its granularity: (value, granularity, earliest, latest, relation)."""
    if tr.earliest is None or tr.latest is None or tr.value is None:
        return None
    gran = tr.granularity
    if gran == "year" and months % 12:
        return None  # "en 2023 ... un trimestre plus tôt": no finer anchor to move
    if gran == "quarter" and months % 3:
        return None
    if gran not in ("day", "month", "quarter", "year"):
        return None
    first = _shift_date(tr.earliest, months)
    last = _shift_date(tr.latest, months, keep_month_end=tr.latest.day == calendar.monthrange(tr.latest.year, tr.latest.month)[1])
    relation = "range" if tr.relation == "range" else "at"
    if gran == "day":
        value = first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"
    elif gran == "month":
        value = f"{first:%Y-%m}" if (first.year, first.month) == (last.year, last.month) else f"{first:%Y-%m}/{last:%Y-%m}"
    elif gran == "quarter":
        value = f"{first.year:04d}-Q{(first.month - 1) // 3 + 1}"
    else:
        value = re.sub(r"(?<!\d)\d{4}(?!\d)", lambda y: str(int(y.group(0)) + months // 12), tr.value)
    return value, gran, first, last, relation


def _anchored(text: str, col: _Collector) -> None:
    """Dates relative to an earlier date of the same text: "en 2023, contre 17,9 % un an plus tôt".

    The nearest resolved date that ends before the expression is moved by the stated offset
    ("2023" -> "2022"; "troisième trimestre 2024" -> "2023-Q3" for "un an plus tôt"). With no
    such date the mention is unresolved: the reference time is not in the text.
    """
    anchors = [h.mention for h in col.hits
               if h.mention.time is not None and h.mention.time.resolved and h.mention.time.value is not None]
    for m in _ANCHORED_RX.finditer(text):
        gd = m.groupdict()
        unit = fold(gd.get("u") or gd.get("u2") or gd.get("u3") or gd.get("u4") or "")
        unit = re.sub(r"\s+", " ", unit)
        direction = re.sub(r"\s+", " ", fold(gd.get("d") or gd.get("d2") or gd.get("d3") or gd.get("d4") or ""))
        raw_n = gd.get("n")
        n = (int(raw_n) if raw_n.isdigit() else _COUNT_WORDS.get(fold(raw_n), 0)) if raw_n else 1
        step = _UNIT_MONTHS.get(unit)
        if not n or step is None:
            continue
        months = -n * step if direction in _BACKWARD else n * step
        s, e = m.span()
        gran = {12: "year", 3: "quarter", 1: "month"}[step]
        found = None
        for a in anchors:
            if a.end <= s and (found is None or (a.end, a.end - a.start) > (found.end, found.end - found.start)):
                found = a
        shifted = _shift(found.time, months) if found is not None and found.time is not None else None
        if shifted is None:
            col.add(s, e, _timeref(text, s, e, None, gran, None, None, resolved=False, relative=True),
                    with_relation=False)
            continue
        value, g, first, last, relation = shifted
        col.add(s, e, _timeref(text, s, e, value, g, first, last, relation, relative=True), with_relation=False)


def _weekday(text: str, col: _Collector, m: re.Match, published: dt.date | None) -> None:
    wd_raw = m.group("wd")
    if fold(wd_raw) in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday") and not _EN_WEEKDAY_CAP.match(wd_raw):
        return
    s, e = m.span()
    if published is None:
        col.add(s, e, _timeref(text, s, e, None, "day", None, None, resolved=False, relative=True))
        return
    wd = L.WEEKDAYS[fold(wd_raw)]
    shift = fold(m.group("wdrel") or "")
    if shift in ("prochain", "next"):
        delta = (wd - published.weekday()) % 7 or 7
    else:
        delta = -((published.weekday() - wd) % 7)
        if shift in ("dernier", "last") and delta == 0:
            delta = -7
    d = published + dt.timedelta(days=delta)
    col.add(s, e, _timeref(text, s, e, d.isoformat(), "day", d, d, relative=True))
