"""Numbers written in words in Spanish, German, Italian and Portuguese.

"dos millones", "treinta y cinco", "zwei Milliarden", "dreihundertfünfzig", "un miliardo",
"trecentomila", "dois bilhões", "cento e vinte". Runs of number words are found with the word
tables of :mod:`claims.recognize.lexicon_intl` and valued with text2num (the longest prefix of
the run that it reads), plus the forms it does not read: an article before a scale word ("eine
Milliarde"), a half ("medio millón", "dos millones y medio", "zweieinhalb Milliarden").
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon_intl as LI
from .lexicon import alternation, fold
from .numbers import Num, _Spans

__all__ = ["word_atoms", "parse_words"]

_SP = r"[\s\u00a0\u202f]"
_CONNECTORS = {"es": ("y",), "pt": ("e",), "it": ("e",), "de": ()}


def _token_alt(lang: str) -> str:
    scales = sorted(LI.SCALE_WORDS[lang], key=len, reverse=True)
    scale_alt = alternation([s for s in scales if " " not in s])
    if lang in LI.NUMBER_MORPHEMES:
        morph = alternation(LI.NUMBER_MORPHEMES[lang])
        extra = alternation(LI.NUMBER_SCALE_WORDS[lang])
        half = r"|(?:" + morph + r")*(?:einhalb)|anderthalb" if lang == "de" else ""
        return rf"(?:(?:{morph})+{half}|{extra}|{scale_alt})"
    return rf"(?:{alternation(LI.NUMBER_WORDS[lang])}|{scale_alt})"


@lru_cache(maxsize=None)
def _run_rx(lang: str) -> re.Pattern:
    tok = _token_alt(lang) + r"(?![\w])"
    conn = "|".join(_CONNECTORS[lang])
    sep = rf"(?:{_SP}+(?:(?:{conn}){_SP}+)?|{_SP}*-{_SP}*)" if conn else rf"(?:{_SP}+|{_SP}*-{_SP}*)"
    return re.compile(rf"(?<![\w\-‐‑]){tok}(?:{sep}{tok})*", re.IGNORECASE)


_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=None)
def _prefixes(lang: str) -> frozenset:
    """First two letters (folded) of the words a number can start with: runs are tried only there."""
    words = LI.NUMBER_MORPHEMES.get(lang) or LI.NUMBER_WORDS.get(lang) or []
    words = list(words) + list(LI.SCALE_WORDS[lang]) + list(LI.NUMBER_SCALE_WORDS.get(lang, [])) + ["anderthalb"]
    return frozenset(fold(w)[:2] for w in words)


def _text2num(phrase: str, lang: str) -> float | None:
    try:
        from text_to_num import text2num
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    try:
        return float(text2num(phrase, lang))
    except Exception:  # not a number (ValueError), or a language this text2num does not know
        return None


def _scale_of(word: str, lang: str) -> float | None:
    return LI.SCALE_WORDS[lang].get(fold(word))


def parse_words(phrase: str, lang: str) -> float | None:
    """Value of `phrase`, entirely one number in words of `lang` ("dos millones" -> 2e6), or None."""
    words = _WORD.findall(phrase)
    if not words:
        return None
    low = [fold(w) for w in words]
    conns = _CONNECTORS.get(lang, ())
    if low[-1] in conns or low[0] in conns:
        return None
    # "dos millones y medio", "due milioni e mezzo": X + half a scale
    if len(low) >= 3 and low[-1] in LI.HALF_WORDS[lang] and low[-2] in conns:
        sc = _scale_of(words[-3], lang)
        base = parse_words(" ".join(words[:-2]), lang)
        if sc and base is not None:
            return base + 0.5 * sc
        return None
    # "medio millón", "eine Milliarde", "un millón" (article + scale)
    if len(low) == 2 and (low[0] in LI.HALF_WORDS[lang] or low[0] in LI.ARTICLES_ONE[lang]):
        sc = _scale_of(words[1], lang)
        if sc and sc >= 1e3:
            return (0.5 if low[0] in LI.HALF_WORDS[lang] else 1.0) * sc
        if low[0] in LI.HALF_WORDS[lang]:
            return None
    if low[0] in LI.HALF_WORDS[lang]:
        return None
    # German "zweieinhalb (Milliarden)", "anderthalb"
    if lang == "de" and (low[0].endswith("einhalb") or low[0] == "anderthalb") and len(low) <= 2:
        if low[0] == "anderthalb":
            base = 1.5
        else:
            head = parse_words(words[0][: -len("einhalb")], lang) if len(low[0]) > 7 else None
            if head is None:
                return None
            base = head + 0.5
        if len(low) == 1:
            return base
        sc = _scale_of(words[1], lang)
        return base * sc if sc else None
    phrase = " ".join(words)
    if lang == "es":
        phrase = re.sub(r"(?i)\bveinti[uú]n\b", "veintiuno", phrase)
    v = _text2num(phrase, lang)
    if v is None and lang == "de" and low[0] in LI.ARTICLES_ONE["de"] and len(low) >= 2:
        return None
    return v


_SENTENCE_START = re.compile(r"(?:\A|[.!?:;«»\"“”(\n\-–—]|\.\.\.)[\s\u00a0]*\Z")
_SEI_VERB = re.compile(r"(?:\b(?:tu|non|ci|lo|la|ne|mi|ti|che|dove|chi|come|se)" + _SP + r"+)$", re.IGNORECASE)


def word_atoms(text: str, lang: str, protect: _Spans) -> list[Num]:
    """Numbers in words of `lang` in `text` (lone articles flagged as such)."""
    out: list[Num] = []
    if lang not in LI.INTL_LANGS:
        return out
    conns = _CONNECTORS[lang]
    rx, prefixes = _run_rx(lang), _prefixes(lang)
    pos = 0
    for w in _WORD.finditer(text):
        if w.start() < pos or fold(w.group(0)[:2]) not in prefixes:
            continue
        m = rx.match(text, w.start())
        if m is None:
            continue
        pos = m.end()
        if protect.overlaps(m.start(), m.end()):
            continue
        toks = [(w.group(0), w.start(), w.end()) for w in _WORD.finditer(text, m.start(), m.end())]
        i = 0
        n = len(toks)
        while i < n:
            if fold(toks[i][0]) in conns or fold(toks[i][0]) == "und" and lang == "de":
                i += 1
                continue
            found = None
            for j in range(n, i, -1):
                if fold(toks[j - 1][0]) in conns:
                    continue
                s, e = toks[i][1], toks[j - 1][2]
                v = parse_words(text[s:e], lang)
                if v is not None:
                    found = (j, s, e, v)
                    break
            if found is None:
                i += 1
                continue
            j, s, e, v = found
            words = [fold(t[0]) for t in toks[i:j]]
            num = Num(s, e, v, words=True, integer=float(v).is_integer(),
                      subtype="integer" if float(v).is_integer() else "decimal", raw=text[s:e])
            num.article = j == i + 1 and words[0] in LI.ARTICLES_ONE[lang]
            for w in words:
                sc = LI.SCALE_WORDS[lang].get(w)
                if sc and sc >= 1e6 and sc > num.scale:
                    num.scale, num.scale_word = float(sc), True
            if lang == "it" and j == i + 1 and words[0] == "sei" and _SEI_VERB.search(text, max(0, s - 8), s):
                i = j
                continue  # "tu sei", "non sei": the verb
            if text[s].isupper() and not _SENTENCE_START.search(text, max(0, s - 8), s):
                i = j
                continue  # "Otto Rossi", "Domingo": a capitalised number word inside a sentence is a name
            out.append(num)
            i = j
    return out
