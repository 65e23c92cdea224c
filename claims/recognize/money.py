"""Currency cues around a figure: symbols, ISO codes and names, before or after the amount
(names and links such as "de", "di" per language for Spanish, German, Italian, Portuguese)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon as L
from . import lexicon_intl as LI
from .lexicon import fold

__all__ = ["CurrencyHit", "currency_before", "currency_after", "currency_name", "abbreviation_after", "names"]

_SP = r"[\s\u00a0\u202f]"
_SYMS = sorted(L.CURRENCY_SYMBOLS, key=len, reverse=True)
_SYM_ALT = "|".join(re.escape(s) for s in _SYMS)
_CODE_ALT = "|".join(sorted(L.ISO_CODES | set(L.ISO_ALIASES), key=len, reverse=True)).replace(".", r"\.")
_MARKER_ALT = "|".join(sorted(L.DOLLAR_MARKERS, key=len, reverse=True))
_NAME_ALT = L.alternation(L.CURRENCY_NAMES)
_MONEY_ABBR = r"k|K|Md|Mds|MD|MDS|Mrd|Mrds|Mio|mio|M|G|B|bn|Bn|mn|m|T|tn"

# Currency written before the amount, ending right where the amount starts.
_BEFORE = re.compile(
    rf"(?:(?<![\w$€£¥])(?P<sym>{_SYM_ALT})|(?<![\w])(?P<code>(?-i:{_CODE_ALT}))(?![\w]))[ \u00a0\u202f]?\Z"
)
# Currency written after the amount (and its scale word), starting right after it.
_AFTER = re.compile(
    rf"""
    (?P<abbr>[ \u00a0\u202f]?(?-i:{_MONEY_ABBR})(?=[ \u00a0\u202f]?(?:[€$£¥]|(?-i:{_CODE_ALT})\b)|{_SP}+(?:de{_SP}+|d['’])?(?:{_NAME_ALT})))?
    (?P<de>{_SP}*(?:de{_SP}+|d['’]|of{_SP}+))?
    {_SP}*
    (?:
        (?P<sym>{_SYM_ALT})(?P<marker>(?<=\$)[ \u00a0]?(?:{_MARKER_ALT})(?![\w'’]))?
      | (?P<code>(?-i:{_CODE_ALT}))(?![\w])
      | (?P<name>{_NAME_ALT})(?![\w])
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)
# A money-only scale abbreviation right after a prefixed amount: "$5m", "£3.2bn", "US$ 2 B".
_ABBR_ONLY = re.compile(r"(?P<sp>[ \u00a0]?)(?P<abbr>(?-i:bn|Bn|mn|m|M|B|G|T|tn|k|K|Md|Mds|Mrd))(?![\w])")


def names(lang: str) -> dict[str, tuple[str, float]]:
    """Currency names read in `lang`: the shared table, plus the language's own for es/de/it/pt."""
    return _names(lang) if lang in LI.INTL_LANGS else L.CURRENCY_NAMES


@lru_cache(maxsize=None)
def _names(lang: str) -> dict[str, tuple[str, float]]:
    return {**L.CURRENCY_NAMES, **LI.CURRENCY_NAMES[lang]}


@lru_cache(maxsize=None)
def _after_rx(lang: str) -> re.Pattern:
    """`_AFTER` for Spanish, German, Italian, Portuguese: their links ("de", "di") and names."""
    links = [L.loose(w) + ("" if w.endswith("'") else f"{_SP}+") for w in LI.CURRENCY_LINKS[lang]]
    link = "|".join(links) or "(?!)"
    name_alt = L.alternation(_names(lang))
    return re.compile(
        rf"""
        (?P<abbr>[ \u00a0\u202f]?(?-i:{_MONEY_ABBR})(?=[ \u00a0\u202f]?(?:[€$£¥]|(?-i:{_CODE_ALT})\b)|{_SP}+(?:{link})?(?:{name_alt})))?
        (?P<de>{_SP}*(?:{link}))?
        {_SP}*
        (?:
            (?P<sym>{_SYM_ALT})(?P<marker>(?<=\$)[ \u00a0]?(?:{_MARKER_ALT})(?![\w'’]))?
          | (?P<code>(?-i:{_CODE_ALT}))(?![\w])
          | (?P<name>{name_alt})(?![\w])
        )
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@lru_cache(maxsize=None)
def _abbr_only_rx(lang: str) -> re.Pattern | None:
    extra = sorted(LI.SCALE_ABBR.get(lang, {}), key=len, reverse=True)
    if not extra:
        return None
    alt = "|".join(re.escape(a) for a in extra)
    return re.compile(r"(?P<sp>[ \u00a0]?)(?P<abbr>(?-i:" + alt + r"))(?![\w])")


@dataclass(slots=True)
class CurrencyHit:
    start: int
    end: int
    currency: str
    factor: float = 1.0  # 0.01 for cents, pence...
    scale: float = 1.0  # scale abbreviation met with the currency ("20 M€")
    used_de: bool = False


def currency_name(name: str, lang: str = "fr") -> tuple[str, float] | None:
    """ISO code and factor of a currency name ("dollars canadiens" -> ("CAD", 1.0))."""
    key = re.sub(r"[\s\u00a0]+", " ", fold(name)).replace("‐", "-")
    if lang in LI.INTL_LANGS:
        key = re.sub(r"\s*[-‑–]\s*", "-", key)  # "US - Dollar"
    return names(lang).get(key)


def _code(code: str) -> str:
    return L.ISO_ALIASES.get(code, code)


def currency_before(text: str, start: int) -> CurrencyHit | None:
    """A currency symbol or code ending at `start` ("$", "US$ ", "EUR ")."""
    m = _BEFORE.search(text, max(0, start - 8), start)
    if not m:
        return None
    if m.group("sym"):
        return CurrencyHit(m.start(), start, L.CURRENCY_SYMBOLS[m.group("sym")])
    return CurrencyHit(m.start(), start, _code(m.group("code")))


def abbreviation_after(text: str, pos: int, lang: str = "fr") -> tuple[int, float] | None:
    """Scale abbreviation after a prefixed amount ("$5m" -> 1e6; "R$ 2,5 bi" -> 1e9 in Portuguese)."""
    rx = _abbr_only_rx(lang) if lang in LI.INTL_LANGS else None
    m = rx.match(text, pos) if rx is not None else None
    if m:
        return m.end(), LI.SCALE_ABBR[lang][m.group("abbr")]
    m = _ABBR_ONLY.match(text, pos)
    if not m:
        return None
    a = m.group("abbr")
    mult = L.SCALE_ABBR.get(a.lower()) or L.SCALE_ABBR_MONEY.get(a.lower())
    if a in ("k", "K"):
        mult = 1e3
    return (m.end(), mult) if mult else None


def currency_after(text: str, pos: int, allow_de: bool, lang: str) -> CurrencyHit | None:
    """A currency starting at `pos` (after the amount): " $", " M€", " millions de dollars"."""
    intl = lang in LI.INTL_LANGS
    m = (_after_rx(lang) if intl else _AFTER).match(text, pos)
    if not m:
        return None
    if m.group("de") and not allow_de:
        return None
    scale = 1.0
    if m.group("abbr"):
        a = m.group("abbr").strip()
        scale = L.SCALE_ABBR.get(a.lower()) or L.SCALE_ABBR_MONEY.get(a.lower()) or 1.0
        if a in ("k", "K"):
            scale = 1e3
    if m.group("sym"):
        cur = L.CURRENCY_SYMBOLS[m.group("sym")]
        if m.group("marker") and cur == "USD" and m.group("sym") == "$":
            cur = L.DOLLAR_MARKERS[fold(m.group("marker").strip())]
        return CurrencyHit(pos, m.end(), cur, 1.0, scale, bool(m.group("de")))
    if m.group("code"):
        return CurrencyHit(pos, m.end(), _code(m.group("code")), 1.0, scale, bool(m.group("de")))
    name = m.group("name")
    hit = currency_name(name, lang)
    if hit is None:
        return None
    key = re.sub(r"[\s\u00a0]+", " ", fold(name))
    ambiguous = L.AMBIGUOUS_CURRENCY_NAMES | LI.AMBIGUOUS_CURRENCY_NAMES[lang] if intl else L.AMBIGUOUS_CURRENCY_NAMES
    if key in ambiguous and not allow_de and key not in ("cent", "franc"):
        return None  # "10 pounds" may be a weight, "3 marks" a score: money after a scale word only
    if key == "cent" and lang not in ("en", "de"):
        return None  # French "cent" is a number word (German "Cent" is a euro cent)
    cur, factor = hit
    return CurrencyHit(pos, m.end(), cur, factor, scale, bool(m.group("de")))
