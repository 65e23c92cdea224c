"""Number layer: figures written with digits or words, with their scale words.

`find_numbers(text, lang)` returns :class:`Num` spans ("1,5 million", "trois cents",
"deux tiers", "1 234 567,89", "$10B" -> the "10B" part). Money, percentages, counts and
qualifiers are built on top of it in :mod:`claims.recognize.quantities`.

Conventions: French (and other continental languages) read "," as the decimal mark and "."
or spaces as thousands separators; English reads "," as thousands separator and "." as the
decimal mark. "billion" is 1e12 in French and 1e9 in English. Spanish, German, Italian and
Portuguese have their own scale words and abbreviations (:mod:`.lexicon_intl`) and number words
(:mod:`.words_intl`); Spanish also reads Latin American "1,500 millones" (comma thousands).
"""
from __future__ import annotations

import bisect
import logging
import math
import re
from dataclasses import dataclass

from . import lexicon as L
from . import lexicon_intl as LI
from .lexicon import fold

__all__ = ["Num", "find_numbers", "parse_number_words", "number_atoms", "protected_spans", "nice", "plausible",
           "MAX_FIGURE"]

log = logging.getLogger("claims.recognize")

#: The sanity bound of every figure: a magnitude above it ("1e308 milliards", a 400-digit number)
#: is too large to be real. Such a figure is left as plain text: it is no mention and has no value
#: (so it never becomes a claim, and no infinity reaches a report or the store). 1e18 is above
#: any real amount in any currency (a state budget in rials is about 1e16) and keeps the
#: Recognizers-Text cases ("12,32e+14").
MAX_FIGURE = 1e18


def plausible(x: float | None) -> bool:
    """False for a figure too large to be real (or not finite); None (unbounded) is fine."""
    return x is None or (math.isfinite(x) and abs(x) <= MAX_FIGURE)


def _power(base: float, exponent: int) -> float:
    """``base ** exponent`` without OverflowError / ZeroDivisionError (inf instead: then rejected)."""
    try:
        return float(base) ** exponent
    except (OverflowError, ZeroDivisionError):
        return math.inf


@dataclass(slots=True)
class Num:
    """A number found in text (offsets are Python str offsets, end exclusive)."""

    start: int
    end: int
    value: float
    words: bool = False  # spelled out in words (at least in part)
    integer: bool = True  # no decimal or fraction part
    subtype: str = "integer"  # integer | decimal | fraction | power
    scale: float = 1.0  # multiplier contributed by a scale word or abbreviation
    scale_word: bool = False  # the scale is a full word ("millions"), so "de" may follow
    raw: str = ""  # the digits as written, for year detection ("2019")
    article: bool = False  # a lone "un"/"une"/"one": only a number next to a currency
    glued_unit: str | None = None  # "180ml" -> "ml"
    grouped: bool = False  # thousands separators were used

    @property
    def year_like(self) -> bool:
        """A bare 4-digit integer between 1800 and 2100 (a possible year)."""
        return (
            self.scale == 1.0
            and self.integer
            and not self.words
            and not self.grouped
            and len(self.raw) == 4
            and self.raw.isdigit()
            and 1800 <= int(self.raw) <= 2100
        )


# ---------------------------------------------------------------------------------------------
# Regions where digits are not quantities: URLs, e-mails, phone numbers, clock times, versions.
_SP = r"[ \u00a0\u202f\u2009]"
_P_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+")
_P_MAIL = re.compile(r"@[\w-]+(?:\.[\w-]+)+")
_P_DOMAIN = re.compile(r"\.[a-z]{2,6}(?:\.[a-z]{2,6})*/[^\s<>\"')\]]*")
# Every alternative starts after a character that is not a word character nor "+": a match
# glued to a word or to other digits is never kept (see protected_spans), and starting inside a
# run of digits would rescan the run from each of its digits (quadratic on "1" * 100000).
_P_DIGITS = re.compile(
    r"""
    (?<![\w+])(?:
    (?:\+\d{2,3}[ .]?(?:\(0\)[ .]?)?\d|0\d)(?:[ .-]?\d{2}){4}(?!\d)     # FR/intl phone
  | \(?\d{3}\)?[ .-]\d{3}-\d{4}(?!\d)                                   # US phone
  | 0[89]\d\d[ .]?\d{3}[ .]?\d{3}(?!\d)                                # FR 0800 123 456
  | \d{1,2}[ ]?[hH][ ]?\d{2}(?!\d)                                     # 14h30, 14 h 30
  | \d{1,2}[hH](?![\w])                                                # 14h
  | \d{1,2}:\d{2}(?::\d{2})?(?!\d)                                     # 14:30
  | \d{1,2}[ ]?(?:a\.m\.|p\.m\.|am|pm)(?![\w])                         # 3 pm
  | [vV]?\d+\.\d+\.\d+(?:\.\d+)*(?![\w.]*\d)                           # version 1.2.3
  | [vV]\d+(?:\.\d+)?(?![\w])                                          # v2, v2.1
    )
    """,
    re.VERBOSE,
)
_P_VERSION_WORDS = re.compile(r"(?<![\w])(?:version|release|build|iOS|Android|Windows|macOS)[ ]\d+(?:\.\d+)*(?![\w])")
_VERSION_GATE = ("ersion", "elease", "uild", "iOS", "ndroid", "indows", "macOS")
_ANY_DIGIT = re.compile(r"\d")
_LEFT_WORD = re.compile(r"[\w.+-]+\Z")
_THOUSANDS_DOTS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DATE_DOTS = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}")


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans where no figure should be read (URLs, e-mails, phones, times, versions...)."""
    out: list[tuple[int, int]] = []
    if "http" in text or "www." in text:
        out.extend(m.span() for m in _P_URL.finditer(text))
    if "@" in text:
        for m in _P_MAIL.finditer(text):
            left = _LEFT_WORD.search(text, max(0, m.start() - 64), m.start())
            if left:
                out.append((left.start(), m.end()))
    if "/" in text:
        for m in _P_DOMAIN.finditer(text):
            left = _LEFT_WORD.search(text, max(0, m.start() - 64), m.start())
            if left and (left.start() == 0 or text[left.start() - 1] not in "/"):
                out.append((left.start(), m.end()))
    if _ANY_DIGIT.search(text):
        for m in _P_DIGITS.finditer(text):
            s, e = m.span()
            c = text[s - 1] if s > 0 else " "
            if c.isalnum() or c in "_+" or (c in ".," and m.group(0)[0].isdigit() and s > 1 and text[s - 2].isdigit()):
                continue
            g = m.group(0)
            # "1.000.000" is a French number and "12.12.2024" a date, not versions.
            if _THOUSANDS_DOTS.fullmatch(g) or _DATE_DOTS.fullmatch(g):
                continue
            if c == "." and g[0] in "vV":
                continue
            out.append((s, e))
        if any(w in text for w in _VERSION_GATE):
            out.extend(m.span() for m in _P_VERSION_WORDS.finditer(text))
    return out


class _Spans:
    """Sorted, non-overlapping-ish spans with a fast overlap test."""

    __slots__ = ("starts", "ends")

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.starts, e)
        # any span starting before e whose end is after s
        for k in range(i - 1, max(-1, i - 8), -1):
            if self.ends[k] > s:
                return True
        return False


# ---------------------------------------------------------------------------------------------
# Digits.
def _digit_regex(english: bool, comma_groups: bool = False) -> re.Pattern:
    if english:
        groups = rf"\d{{1,3}}(?:,\d{{3}}(?!\d))+|\d{{1,3}}(?:{_SP}\d{{3}}(?!\d))+"
        dec = r"\.(?P<dec>\d+)"
        lead = r"\.(?P<dec0>\d+)"
    else:
        groups = rf"\d{{1,3}}(?:{_SP}\d{{3}}(?!\d))+|\d{{1,3}}(?:\.\d{{3}}(?!\d))+"
        if comma_groups:  # Latin American Spanish: "1,234,567" (two groups or more: no decimal reads so)
            groups = rf"[1-9]\d{{0,2}}(?:,\d{{3}}(?!\d)){{2,}}|" + groups
        dec = r"(?:,(?P<dec>\d+)|\.(?P<dec2>\d{1,2}|\d{4,})(?!\d))"
        lead = r",(?P<dec0>\d+)"
    return re.compile(
        rf"""
        (?P<sign>[-+\u2212](?=\d))?
        (?:
            (?:(?P<whole>\d{{1,3}}){_SP})?(?P<fn>\d{{1,3}})[ ]?/[ ]?(?P<fd>\d{{1,3}})(?![\d/])
          | (?P<int>{groups}|\d+)(?:{dec})?
          | (?<![\d\w]){lead}
        )
        (?:[eE](?P<exp>[+-]?\d{{1,3}})(?![\w]) | \^(?P<pow>[+\-]*\d{{1,3}}))?
        """,
        re.VERBOSE,
    )


_DIGITS = {False: _digit_regex(False), True: _digit_regex(True), "es": _digit_regex(False, comma_groups=True)}
# After "1,000" in Spanish: a scale word or a currency makes the comma a thousands separator
# (Latin American style: "1,000 millones de pesos", "US$ 2,500"); "el euríbor, en el 3,679 %" stays.
_ES_COMMA_THOUSANDS_CUE = re.compile(
    r"[\s\u00a0]*(?:[$€£]|(?:mil|millones|mill[oó]n|billones|bill[oó]n|pesos|d[oó]lares|euros|soles|reales|"
    r"USD|MXN|ARS|COP|CLP|PEN|EUR)(?![\w]))",
    re.IGNORECASE,
)

_ORDINAL_SUFFIX = re.compile(r"(?:ères?|eres?|ers?|res?|ièmes?|iemes?|èmes?|emes?|es?|è|nd|st|rd|th|ᵉ|ᵉʳ|ʳᵉ)(?![^\W\d_])")
_TIME_SUFFIX = re.compile(r"[hH](?:\d{2})?(?![^\W\d_])")
_UNITS = {
    "km": "km", "m": "m", "cm": "cm", "mm": "mm", "kg": "kg", "g": "g", "mg": "mg", "t": "t",
    "l": "l", "ml": "ml", "cl": "cl", "hl": "hl", "mw": "MW", "gw": "GW", "kw": "kW",
    "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh", "mt": "Mt", "gt": "Gt", "ha": "ha",
    "m2": "m2", "m²": "m2", "m3": "m3", "m³": "m3", "km2": "km2", "km²": "km2", "mph": "mph",
    "kmh": "km/h", "km/h": "km/h", "go": "Go", "gb": "GB", "mo": "Mo", "mb": "MB", "to": "To",
    "tb": "TB", "ko": "Ko", "kb": "KB", "hz": "Hz", "ghz": "GHz", "mhz": "MHz", "ug": "ug",
    "µg": "ug", "dm": "dm", "gwc": "GWc", "mwc": "MWc", "°c": "°C", "°f": "°F", "°": "°",
}
_UNIT_GLUED = re.compile(
    r"(?:km/h|km²|km2|kmh|kwh|mwh|gwh|twh|gwc|mwc|ghz|mhz|km|cm|mm|kg|mg|ml|cl|hl|mw|gw|kw|mt|gt|ha|m²|m2|m³|m3|mph|go|gb|mo|mb|to|tb|ko|kb|hz|ug|µg|dm|°c|°f|°|m|g|t|l)(?![^\W\d_])",
    re.IGNORECASE,
)
_SCALE_TABLES = {
    "fr": {**L.SCALE_WORDS_FR, **L.DOZEN_WORDS},
    "en": {**L.SCALE_WORDS_EN, **L.DOZEN_WORDS},
    "xx": dict(L.SCALE_WORDS_OTHER),
}
_SCALE_AFTER = {
    lang: re.compile(
        r"(?:[\s\u00a0\u202f]*|-)(?P<w>" + L.alternation(table) + r")(?![\w])"
        r"(?P<half>[\s\u00a0]+(?:et|and)[\s\u00a0]+(?:a[\s\u00a0]+)?(?:demie?|half))?",
        re.IGNORECASE,
    )
    for lang, table in _SCALE_TABLES.items()
}
# Spanish, German, Italian, Portuguese: their own scale words ("mil millones", "Milliarden"), halves
# ("dos millones y medio") and abbreviations ("Mio.", "mld", "mill.").
for _lg in LI.INTL_LANGS:
    _SCALE_TABLES[_lg] = dict(LI.SCALE_WORDS[_lg])
    _half = "|".join(r"[\s\u00a0]+".join(map(L.loose, h.split())) for h in LI.SCALE_HALF[_lg]) or "(?!)"
    _SCALE_AFTER[_lg] = re.compile(
        r"(?:[\s\u00a0\u202f]*|-)(?P<w>" + L.alternation(_SCALE_TABLES[_lg]) + r")(?![\w])"
        r"(?P<half>[\s\u00a0]+(?:" + _half + r"))?(?![\w])",
        re.IGNORECASE,
    )
_ABBR_INTL = {
    lg: re.compile(
        r"(?P<sp>[ \u00a0\u202f]?)(?P<a>"
        + "|".join(re.escape(a) for a in sorted(set(t) - LI.SCALE_ABBR_MONEY_ONLY[lg], key=len, reverse=True))
        + r")(?![^\W\d_])"
    )
    for lg, t in LI.SCALE_ABBR.items()
    if set(t) - LI.SCALE_ABBR_MONEY_ONLY[lg]
}
del _lg, _half
_MODEL_TAIL = re.compile(r"[\s\u00a0]*(?:%|pour|per|[€$£¥]|[kKM]\b|milli|billi|thousand)")
_MODEL_TAIL_INTL = re.compile(r"[\s\u00a0]*(?:%|por|per|prozent|[€$£¥]|[kKM]\b|mil|bil|mld|mrd|mio|tausend)", re.IGNORECASE)
_ABBR_AFTER = re.compile(r"(?P<sp>[ \u00a0\u202f]?)(?:(?P<a>k|K|Md|Mds|MD|MDS|bn|Bn|BN|bln|mln|tn|Tn)|(?P<d>Mrd|Mrds|Mio|mio|Mios)\.?)(?![^\W\d_])")
_GLUED_AFTER = re.compile(r"(?P<a>[MBT])(?![^\W\d_])")
_CAMEL_OR_CAPS = re.compile(r"(?:[a-z]+[A-Z][\w]*|[A-Z]{2,6})$")


def nice(x: float | None) -> float | None:
    """Drop binary noise from scaled decimals (16.4 * 1e6 -> 16400000.0)."""
    if x is None or x == 0 or x != x:
        return x
    return float(f"{x:.14g}")


def _to_float(int_part: str, dec: str | None) -> float:
    digits = re.sub(r"[^\d]", "", int_part)
    if dec:
        return float(f"{digits or '0'}.{dec}")
    return float(digits or "0")


def _digit_atoms(text: str, english: bool, protect: _Spans, scale_rx: re.Pattern, scales: dict,
                 lang: str = "") -> list[Num]:
    out: list[Num] = []
    abbr_rx = _ABBR_INTL.get(lang)
    model_tail = _MODEL_TAIL_INTL if lang in LI.INTL_LANGS else _MODEL_TAIL
    rx = _DIGITS["es"] if lang == "es" else _DIGITS[english]
    n = len(text)
    for m in rx.finditer(text):
        s, e = m.span()
        sign = m.group("sign")
        if sign and s > 0 and (text[s - 1].isalnum() or text[s - 1] in "-+_"):
            sign = None
            s += 1
        # --- left context: glued to a word or an identifier?
        p = s - 1
        if p >= 0:
            c = text[p]
            if c.isalnum() or c in "_#@/\\":
                continue
            if c in ".," and p > 0 and text[p - 1].isdigit():
                continue
            if c in "-‐‑" and p > 0 and (text[p - 1].isalpha() or text[p - 1] in "_"):
                continue  # GPT-3, COVID-19
        if protect.overlaps(s, e):
            continue
        # --- right context
        glued_unit = None
        if e < n:
            c = text[e]
            if c.isalpha() or c in "°µ":
                if _ORDINAL_SUFFIX.match(text, e) and m.group("int") and not m.group("dec") and not (m.groupdict().get("dec2")):
                    continue  # 1er, 2e, 3rd: ordinals are not quantities
                if _TIME_SUFFIX.match(text, e):
                    continue
                if not (
                    scale_rx.match(text, e)
                    or _ABBR_AFTER.match(text, e)
                    or (abbr_rx is not None and abbr_rx.match(text, e))
                    or _GLUED_AFTER.match(text, e)
                    or (text[e:e + 3].isupper() and text[e:e + 3] in L.ISO_CODES)
                ):
                    um = _UNIT_GLUED.match(text, e)
                    if not um:
                        continue  # 180ml is a unit; A320, 5G, 3D are identifiers
                    glued_unit = _UNITS.get(um.group(0).lower(), um.group(0))
            elif c in "/" and e + 1 < n and text[e + 1].isdigit():
                continue
            elif c in "-‐‑" and e + 1 < n and text[e + 1].isupper():
                continue  # 7-Up, 3-D: names
            elif c in ".:" and e + 1 < n and text[e + 1].isdigit():
                continue
            elif c == "," and english and e + 1 < n and text[e + 1].isdigit():
                continue
        # --- value
        neg = bool(sign) and sign in "-\u2212"
        gd = m.groupdict()
        if m.group("fn") is not None:
            fn, fd = int(m.group("fn")), int(m.group("fd"))
            if fd == 0 or fn >= fd:
                continue  # 24/7, 29/2: not a proper fraction (dates are handled elsewhere)
            val = fn / fd + (int(m.group("whole")) if m.group("whole") else 0)
            num = Num(s, e, -val if neg else val, integer=False, subtype="fraction", raw=m.group(0))
        else:
            dec = gd.get("dec") or gd.get("dec2") or gd.get("dec0")
            int_part = m.group("int") or ""
            if (
                lang == "es" and gd.get("dec") and len(dec) == 3 and int_part.isdigit() and int_part[0] != "0"
                and len(int_part) <= 3 and m.group("exp") is None and _ES_COMMA_THOUSANDS_CUE.match(text, e)
            ):
                int_part, dec = f"{int_part},{dec}", None  # "1,000 millones": one thousand millions
            val = _to_float(int_part, dec)
            subtype = "decimal" if dec else "integer"
            if m.group("exp") is not None:
                val = val * _power(10.0, int(m.group("exp")))
                subtype = "power"
            elif m.group("pow") is not None:
                ps = m.group("pow")
                expo = int(ps.lstrip("+-"))
                if ps.count("-") % 2:
                    expo = -expo
                val = _power(val, expo)
                subtype = "power"
            grouped = bool(re.search(r"[ \u00a0\u202f\u2009,]", int_part)) or (
                not english and "." in int_part
            )
            num = Num(
                s, e, -val if neg else val, integer=subtype == "integer" or float(val).is_integer(),
                subtype=subtype, raw=int_part, grouped=grouped, glued_unit=glued_unit,
            )
            if subtype == "decimal":
                num.integer = False
        # --- enumeration markers: "1. ", "2) " at the start of a line
        if num.subtype == "integer" and len(num.raw) <= 2 and e < n and text[e] in ".)" and (e + 1 >= n or text[e + 1] in " \t\u00a0"):
            j = s - 1
            while j >= 0 and text[j] in " \t\u00a0-•*":
                j -= 1
            if j < 0 or text[j] == "\n":
                continue
        # --- model names: "iPhone 15", "CAC 40" (small integers after a camelCase/ALL-CAPS word)
        if num.subtype == "integer" and len(num.raw) <= 3 and not glued_unit:
            j = s - 1
            while j >= 0 and text[j] in " \u00a0":
                j -= 1
            if j >= 0 and j < s - 1 and (text[j].isalpha()):
                k = j
                while k >= 0 and (text[k].isalnum()):
                    k -= 1
                word = text[k + 1:j + 1]
                if _CAMEL_OR_CAPS.match(word) and word not in L.ISO_CODES and word not in L.ISO_ALIASES:
                    tail = text[e:e + 12]
                    if not model_tail.match(tail):
                        continue
        _extend_scale(text, num, scale_rx, scales, abbr_rx, LI.SCALE_ABBR.get(lang))
        out.append(num)
    return out


def _extend_scale(text: str, num: Num, scale_rx: re.Pattern, scales: dict, abbr_rx: re.Pattern | None = None,
                  abbr_table: dict | None = None) -> None:
    """Absorb a following scale word or abbreviation: "3 millions", "1,5 Md", "10k", "5M"."""
    e = num.end
    m = scale_rx.match(text, e)
    if m:
        w = " ".join(fold(m.group("w")).split())
        mult = scales.get(w)
        if mult:
            val = num.value
            if m.group("half"):
                val += 0.5 if num.value >= 0 else -0.5
            num.value = nice(val * mult)
            num.scale = float(mult)
            num.scale_word = w not in L.DOZEN_WORDS
            num.end = m.end()
            num.glued_unit = None
            num.integer = float(num.value).is_integer()
            return
    m = abbr_rx.match(text, e) if abbr_rx is not None and abbr_table else None
    if m:
        num.value = nice(num.value * abbr_table[m.group("a")])
        num.scale = abbr_table[m.group("a")]
        num.end = m.end()
        num.glued_unit = None
        num.integer = float(num.value).is_integer()
        return
    m = _ABBR_AFTER.match(text, e)
    if m:
        mult = L.SCALE_ABBR[(m.group("a") or m.group("d")).lower()]
        num.value = nice(num.value * mult)
        num.scale = mult
        num.end = m.end()
        num.glued_unit = None
        num.integer = float(num.value).is_integer()
        return
    m = _GLUED_AFTER.match(text, e)
    if m:
        mult = L.SCALE_ABBR_GLUED[m.group("a").lower()]
        num.value = nice(num.value * mult)
        num.scale = mult
        num.end = m.end()
        num.glued_unit = None
        num.integer = float(num.value).is_integer()


# ---------------------------------------------------------------------------------------------
# Words.
@dataclass(slots=True)
class _Tok:
    w: str  # folded word
    start: int
    end: int
    hyphen: bool  # joined to the previous token by a hyphen


_FR_ORDINAL = re.compile(r"^(\w+?)iemes?$")
_ORD_STEM_FIX = {"cinqu": "cinq", "neuv": "neuf", "un": "un"}


def _ordinal_value(w: str, lang: str) -> tuple[int, bool] | None:
    """Denominator of a fraction word and whether it is singular ("cinquieme" -> (5, True))."""
    if lang == "en":
        v = L.EN_FRACTION_WORDS.get(w)
        return (v, w in L.FRACTION_SINGULAR) if v else None
    v = L.FR_FRACTION_WORDS.get(w)
    if v:
        return v, w in L.FRACTION_SINGULAR
    m = _FR_ORDINAL.match(w)
    if not m:
        return None
    stem = _ordinal_stem(m.group(1))
    if stem is None:
        return None
    c = L.FR_CARDINALS.get(stem)
    if c is None:
        return None
    return c[1], not w.endswith("s")


def _ordinal_stem(stem: str) -> str | None:
    if stem in _ORD_STEM_FIX:
        return _ORD_STEM_FIX[stem]
    if stem in L.FR_CARDINALS:
        return stem
    if stem + "e" in L.FR_CARDINALS:
        return stem + "e"
    return None


def _ordinal_cardinal_word(w: str, lang: str) -> str | None:
    """The cardinal word inside an ordinal ("cinquieme" -> "cinq")."""
    if lang == "en":
        return None
    m = _FR_ORDINAL.match(w)
    return _ordinal_stem(m.group(1)) if m else None


def _build_word_regex(lang: str) -> re.Pattern:
    if lang == "fr":
        words = set(L.FR_CARDINALS) | set(L.FR_FRACTION_WORDS) | {"douzaine", "douzaines"}
        ordinal = r"[^\W\d_]{2,}?i[eèé]mes?"
        conn = "et|virgule"
        start_extra = ""
    else:
        words = set(L.EN_CARDINALS) | set(L.EN_FRACTION_WORDS) | {"dozen"}
        ordinal = r"(?!)"
        conn = r"and|point|an?(?=[\s\u00a0]+(?:half|third|quarter|hundred|thousand|million|billion|dozen)\b)"
        start_extra = r"|an?(?=[\s\u00a0]+(?:hundred|thousand|million|billion|trillion|dozen|half|third|quarter)\b)"
    tok = r"(?:(?:" + L.alternation(words) + "|" + ordinal + r")(?![\w]))"
    sep = r"(?:[\s\u00a0\u202f]+|[\s\u00a0]*[-‐‑][\s\u00a0]*)"
    return re.compile(
        r"(?<![\w\-‐‑])(?:" + tok + start_extra + r")(?:" + sep + r"(?:" + tok + "|(?:" + conn + r")(?![\w])))*",
        re.IGNORECASE,
    )


_WORD_RUN = {"fr": _build_word_regex("fr"), "en": _build_word_regex("en")}
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _tokens(text: str, s: int, e: int) -> list[_Tok]:
    toks: list[_Tok] = []
    prev_end = s
    for m in _TOKEN.finditer(text, s, e):
        gap = text[prev_end:m.start()]
        toks.append(_Tok(fold(m.group(0)), m.start(), m.end(), bool(toks) and any(c in gap for c in "-‐‑")))
        prev_end = m.end()
    return toks


#: The most cardinal words before the ordinal of a compound denominator ("quatre-vingt-dix-neuvième").
_MAX_DENOMINATOR_WORDS = 8


class _Parser:
    """Parse a run of number-word tokens into numbers (cardinals, fractions, decimals)."""

    def __init__(self, toks: list[_Tok], lang: str):
        self.t = toks
        self.n = len(toks)
        self.words = [t.w for t in toks]
        self.lang = lang
        self.card = L.FR_CARDINALS if lang == "fr" else L.EN_CARDINALS

    # -- cardinals -------------------------------------------------------------------------
    def cardinal(self, i: int, words: list[str] | None = None, stop: int | None = None) -> tuple[int, float, float] | None:
        """Longest cardinal from token i, before token ``stop``: (end index, value, last scale consumed or 0)."""
        w = words if words is not None else self.words
        n = len(w) if stop is None else min(stop, len(w))
        card = self.card
        fr = self.lang == "fr"
        total = 0
        cur = 0
        last: str | None = None
        last_unit = 0
        last_teen = 0
        max_scale = 0
        last_scale = 0
        k = i
        end = i
        after_et = False
        if not fr and k < n and w[k] in ("a", "an") and k + 1 < n and (
            card.get(w[k + 1], ("",))[0] in ("hundred", "scale") or w[k + 1] in L.EN_FRACTION_WORDS or w[k + 1] in L.DOZEN_WORDS
        ):
            cur, last, last_unit = 1, "unit", 1
            k += 1
            end = k
        while k < n:
            c = card.get(w[k])
            if c is None:
                if w[k] == "et" and fr and last == "tens" and cur % 10 == 0 and k + 1 < n and w[k + 1] in ("un", "une", "onze"):
                    after_et = True
                    k += 1
                    continue
                if w[k] == "and" and not fr and last in ("hundred", "scale") and k + 1 < n and card.get(w[k + 1], ("",))[0] in ("unit", "teen", "tens"):
                    k += 1
                    continue
                break
            cls, v = c
            if cls == "zero":
                if last is None:
                    k += 1
                    end = k
                    last = "zero"
                break
            if cls == "unit":
                if last in (None, "hundred", "scale"):
                    cur += v
                elif last == "tens" and cur % 10 == 0 and (not after_et or v == 1):
                    cur += v
                elif fr and last == "teen" and last_teen == 10 and v >= 7 and cur % 100 in (10, 70, 90):
                    cur += v
                else:
                    break
                last, last_unit = "unit", v
            elif cls == "teen":
                if last in (None, "hundred", "scale"):
                    cur += v
                elif fr and last == "tens" and cur % 100 in (60, 80) and (not after_et or v == 11):
                    cur += v
                else:
                    break
                last, last_teen = "teen", v
            elif cls == "tens":
                if last in (None, "hundred", "scale"):
                    cur += v
                elif fr and v == 20 and last == "unit" and last_unit == 4 and cur % 100 == 4:
                    cur += 76
                else:
                    break
                last = "tens"
            elif cls == "hundred":
                if w[k] == "cents" and last not in ("unit", "teen"):
                    break  # "cents" only multiplies: "trois cents"; "64,2 cents" is money
                if last is None or (last == "scale" and cur == 0):
                    cur = 100
                elif last in ("unit", "teen") or (last == "tens" and not fr):
                    if 0 < cur < 100:
                        cur *= 100
                    else:
                        break
                else:
                    break
                last = "hundred"
            else:  # scale
                if last is None:
                    if fr and v == 1000:
                        cur = 1
                    else:
                        break
                if last == "scale" and cur == 0:
                    if v > max_scale:
                        total *= v
                    else:
                        break
                elif last_scale == 0 or v < last_scale:
                    total += (cur or 1) * v
                elif v > max_scale:
                    total = (total + cur) * v
                else:
                    break
                cur = 0
                max_scale = max(max_scale, v)
                last_scale = v
                last = "scale"
            after_et = False
            k += 1
            end = k
        if end == i:
            return None
        return end, float(total + cur), float(last_scale if last == "scale" else 0)

    # -- fractions -------------------------------------------------------------------------
    def _is_article(self, i: int, j: int) -> bool:
        return j == i + 1 and self.t[i].w in ("un", "une", "one", "a", "an")

    def _compound_den(self, j: int, require_hyphen: bool) -> tuple[int, float] | None:
        """A denominator made of cardinal words then an ordinal: "vingt cinquieme" -> 25."""
        m = j
        limit = min(self.n, j + _MAX_DENOMINATOR_WORDS)  # a longer run is no denominator: stop early
        while m < limit and (self.t[m].w in self.card or self.t[m].w in ("et",)) and _ordinal_value(self.t[m].w, self.lang) is None:
            if require_hyphen and m > j and not self.t[m].hyphen:
                return None
            m += 1
        if m >= limit or m == j:
            return None
        if require_hyphen and not self.t[m].hyphen:
            return None
        stem = _ordinal_cardinal_word(self.t[m].w, self.lang)
        if stem is None:
            return None
        words = [t.w for t in self.t[j:m]] + [stem]
        r = self.cardinal(0, words)
        if r is None or r[0] != len(words):
            return None
        return m + 1, r[1]

    def fraction(self, i: int) -> tuple[int, float, bool] | None:
        """numerator + denominator from token i: (end, value, denominator singular)."""
        if i >= self.n:
            return None
        # "demi" alone (after "et"): "un million et demi", "deux heures et demie"
        ov = _ordinal_value(self.t[i].w, self.lang)
        if ov and ov[0] == 2 and self.t[i].w.startswith("demi"):
            return i + 1, 0.5, True
        r = self.cardinal(i)
        if r is None:
            return None
        j, num, _ = r
        if j < self.n:
            ov = _ordinal_value(self.t[j].w, self.lang)
            if ov is not None and self.t[j].w != "unieme":
                den, singular = ov
                # hyphenated compound ordinal: "cent trente-cinquieme" = 100/35
                k = j
                while (
                    self.lang == "fr" and k > i and self.t[k].hyphen and _FR_ORDINAL.match(self.t[j].w)
                    and (self.t[k - 1].w in self.card or self.t[k - 1].w == "et")
                ):
                    k -= 1
                if k < j and not self._is_article(i, j):
                    if k == i:
                        return None  # "vingt-cinquieme": an ordinal, not a quantity
                    cd = self._compound_den(k, require_hyphen=True)
                    rn = self.cardinal(i, stop=k)
                    if cd and rn and rn[0] == k:
                        return cd[0], rn[1] / cd[1], singular
                # agreement: "vingt et un cinquieme" (singular) = 20 + 1/5
                if singular and num > 1 and j - i >= 3 and self.t[j - 2].w == "et" and self.t[j - 1].w in ("un", "une"):
                    rn = self.cardinal(i, stop=j - 2)
                    if rn and rn[0] == j - 2:
                        return j + 1, rn[1] + 1.0 / den, singular
                return j + 1, num / den, singular
            # "un vingt cinquieme" = 1/25; "une vingt et unieme" = 1/21
            if self._is_article(i, j) or (num == 1 and j == i + 1):
                cd = self._compound_den(j, require_hyphen=False)
                if cd:
                    return cd[0], 1.0 / cd[1], True
        return None

    # -- numbers ---------------------------------------------------------------------------
    def number(self, i: int) -> tuple[int, float, str] | None:
        """The longest number from token i: (end, value, subtype)."""
        fr_ = self.fraction(i)
        r = self.cardinal(i)
        if r is None and fr_ is None:
            return None
        if fr_ is not None and (r is None or fr_[0] > r[0]):
            end, val, subtype = fr_[0], fr_[1], "fraction"
            # "un demi million", "deux tiers de million"
            if end < self.n:
                c = self.card.get(self.t[end].w)
                if c and c[0] == "scale" and c[1] >= 10**6:
                    val *= c[1]
                    end += 1
        else:
            end, val, last_scale = r
            subtype = "integer"
            # "X et <fraction>": "cent et trois quarts", "un million et demi"
            if end + 1 < self.n and self.t[end].w in ("et", "and"):
                f = self.fraction(end + 1)
                if f is not None:
                    mult = last_scale or 1.0
                    val += f[1] * mult
                    end = f[0]
                    subtype = "fraction" if mult == 1.0 else "integer"
            # decimals in words: "deux cent virgule trois", "two point five"
            elif end + 1 < self.n and self.t[end].w in ("virgule", "point"):
                k = end + 1
                digits = ""
                while k < self.n:
                    c = self.card.get(self.t[k].w)
                    if c and c[0] in ("zero", "unit") and k + 1 < self.n and self.card.get(self.t[k + 1].w, ("",))[0] in ("zero", "unit") or (c and c[0] == "zero"):
                        digits += str(c[1])
                        k += 1
                        continue
                    break
                r2 = self.cardinal(k) if k < self.n else None
                if r2 is not None:
                    digits += str(int(r2[1]))
                    k = r2[0]
                if digits:
                    val = float(f"{int(val)}.{digits}")
                    end = k
                    subtype = "decimal"
        # dozens: "trois douzaines", "une demi-douzaine"
        if end < self.n and self.t[end].w in L.DOZEN_WORDS:
            val *= 12
            end += 1
            subtype = "integer" if float(val).is_integer() else subtype
        return end, val, subtype


def _word_atoms(text: str, lang: str, protect: _Spans) -> list[Num]:
    out: list[Num] = []
    wlang = "en" if lang == "en" else "fr"
    for m in _WORD_RUN[wlang].finditer(text):
        if protect.overlaps(m.start(), m.end()):
            continue
        toks = _tokens(text, m.start(), m.end())
        p = _Parser(toks, wlang)
        i = 0
        while i < len(toks):
            r = p.number(i)
            if r is None:
                i += 1
                continue
            end, val, subtype = r
            e_ = toks[end - 1].end
            if (
                end - i >= 1 and toks[end - 1].w in ("demi", "demie", "tiers", "quart", "half", "quarter")
                and e_ + 1 < len(text) and text[e_] in "-‐‑" and text[e_ + 1].isalpha()
            ):
                # "un demi-siècle", "un quart-temps": the fraction word belongs to a compound noun
                sub = _Parser(toks[i:end - 1], wlang).number(0) if end - 1 > i else None
                if sub is None:
                    i = end
                    continue
                end, val, subtype = i + sub[0], sub[1], sub[2]
            num = Num(
                toks[i].start, toks[end - 1].end, val, words=True,
                integer=float(val).is_integer() and subtype != "fraction", subtype=subtype,
                raw=text[toks[i].start:toks[end - 1].end],
            )
            num.article = end == i + 1 and toks[i].w in ("un", "une", "one")
            for t in toks[i:end]:
                c = p.card.get(t.w)
                if c and c[0] == "scale" and c[1] >= 10**6:
                    num.scale = float(c[1])
                    num.scale_word = True
            if toks[i].w == "neuf" and end == i + 1 and _adjective_neuf(text, toks[i].start):
                i = end
                continue
            out.append(num)
            i = end
    return out


_NEUF_BEFORE = re.compile(r"(?:\b(?:un|une|du|tout|toute|tous|toutes|flambant|à|a|de)\s+)$", re.IGNORECASE)


def _adjective_neuf(text: str, pos: int) -> bool:
    """"neuf" as the adjective "new" ("un logement neuf", "à neuf")."""
    return bool(_NEUF_BEFORE.search(text[max(0, pos - 12):pos]))


_FRACTION_JOIN = {"fr": re.compile(r"[\s\u00a0]+sur[\s\u00a0]+$"), "en": re.compile(r"[\s\u00a0]+(?:in|out of)[\s\u00a0]+$")}


def number_atoms(text: str, lang: str = "fr", protect: list[tuple[int, int]] | None = None) -> list[Num]:
    """All numbers, including lone articles ("un") and numbers glued to units ("180ml")."""
    english = lang == "en"
    spans = _Spans(protect if protect is not None else protected_spans(text))
    sl = "en" if english else ("fr" if lang == "fr" else lang if lang in LI.INTL_LANGS else "xx")
    if lang in ("fr", "en"):
        atoms = _word_atoms(text, lang, spans)
    elif lang in LI.INTL_LANGS:
        from .words_intl import word_atoms  # (imports this module)

        atoms = word_atoms(text, lang, spans)
    else:
        atoms = []
    if _ANY_DIGIT.search(text):
        atoms += _digit_atoms(text, english, spans, _SCALE_AFTER[sl], _SCALE_TABLES[sl], lang)
    atoms.sort(key=lambda a: (a.start, -a.end))
    # drop atoms inside others (a digit atom swallowing a scale word vs. a word atom)
    kept: list[Num] = []
    for a in atoms:
        if kept and a.start < kept[-1].end:
            if a.end - a.start > kept[-1].end - kept[-1].start:
                kept[-1] = a
            continue
        kept.append(a)
    too_large = [a for a in kept if not plausible(a.value)]
    if too_large:  # kept as text: no mention, no value
        for a in too_large:
            log.info("figure too large to be real, not read as a value: %.60r", text[a.start:a.end])
        kept = [a for a in kept if plausible(a.value)]
    # digits followed by words of a larger number: "1 sur cent vingt et un", "un sur 3"
    join = _FRACTION_JOIN["en" if english else "fr"]
    out: list[Num] = []
    for a in kept:
        if out:
            b = out[-1]
            gap = text[b.end:a.start]
            if (
                len(gap) < 12 and join.match(gap + "") and b.integer and a.integer and b.scale == 1 and a.scale == 1
                and 0 < b.value < a.value and not b.glued_unit
            ):
                out[-1] = Num(b.start, a.end, b.value / a.value, words=b.words or a.words, integer=False,
                              subtype="fraction", raw=text[b.start:a.end])
                continue
        out.append(a)
    return out


def find_numbers(text: str, lang: str = "fr") -> list[Num]:
    """Numbers as a reader would point at them: no lone articles, no "180ml"-style units."""
    return [a for a in number_atoms(text, lang) if not a.article and not a.glued_unit]


def parse_number_words(s: str, lang: str = "fr") -> float | None:
    """Value of a number written in words ("trois cent douze" -> 312.0), or None.

    The whole string must be one number (surrounding spaces allowed)."""
    s = s.strip()
    if not s:
        return None
    if lang in LI.INTL_LANGS:
        from .words_intl import parse_words

        return parse_words(s, lang)
    wlang = "en" if lang == "en" else "fr"
    toks = _tokens(s, 0, len(s))
    if not toks:
        return None
    r = _Parser(toks, wlang).number(0)
    if r is None or r[0] != len(toks):
        return None
    return r[1]
