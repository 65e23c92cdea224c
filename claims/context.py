"""What a figure is about, in words: the measure cues of a claim.

Input: a sentence (its text and offsets), the span of one figure, the spans of the sentence's
other mentions (figures and dates) and, where the language is parsed, its dependency parse.
Output: the content words of the sentence, nearest to the figure first, as folded stems
(``Claim.cues``). "Nearest" is the distance in the dependency tree where there is a parse
("the participation reached 61.4 %": *participation* is two arcs from the figure), else the
distance in words. Stop words come from spaCy's per-language lists and reporting words ("said",
"selon") from ``claims/data/cues.json`` (data, not code); number words, figures and dates are
left out because the claim's value and time already carry them.

Stems are a word's first six letters, folded. Snowball stemmers (``snowballstemmer``) were
measured side by side on the development corpora (2026-12-03, ``claims eval corpora
tests/corpora``): 11 of 50 planted contradictions and 5 traps violated with Snowball, 13 and 4
with the prefix, which keeps apart words Snowball merges ("fijada" / "fijos").

The cues are what ``claims.align`` compares across articles: two figures measure the same
thing when their nearest words agree, whatever names or kinds the rules gave them, and in any
language the stop-word lists cover.
"""
from __future__ import annotations

import functools
import importlib
import re
import unicodedata
from collections import deque
from typing import Optional, Sequence

from .syntax import Parse

MAX_CUES = 8
STEM_LEN = 6  # a word's first letters stand for its inflections ("Mitarbeiter" / "Mitarbeitenden")
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")


@functools.lru_cache(maxsize=16)
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words of ``lang`` (folded), or an empty set for a language it lacks."""
    try:
        mod = importlib.import_module(f"spacy.lang.{lang}.stop_words")
    except (ImportError, ValueError):
        return frozenset()
    return frozenset(fold(w) for w in getattr(mod, "STOP_WORDS", ()))


@functools.lru_cache(maxsize=16)
def ignored_words(lang: str) -> frozenset[str]:
    """Reporting and attribution words of ``lang`` (``claims/data/cues.json``), folded."""
    import json
    from importlib import resources

    data = json.loads(resources.files("claims").joinpath("data/cues.json").read_text(encoding="utf-8"))
    return frozenset(fold(w) for w in data.get(lang, []))


def fold(word: str) -> str:
    """Case and accents folded: "Élection" -> "election"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch)).casefold()


def stem(word: str) -> str:
    w = fold(word).replace("’", "'")
    w = w.split("'")[-1] if "'" in w[:3] else w  # elision: "l'affluenza" -> "affluenza"
    if len(w) > 3 and w.endswith("s"):
        w = w[:-1]  # a plural or third-person "s" ("starts" / "start", "sièges" / "siège")
    return w[:STEM_LEN]


def _inside(s: int, e: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < b and e > a for a, b in spans)


def figure_cues(
    text: str,
    sent_start: int,
    sent_end: int,
    anchor: tuple[int, int],
    lang: str,
    exclude: Sequence[tuple[int, int]] = (),
    parse: Optional[Parse] = None,
) -> list[str]:
    """The stems of the content words of the sentence, nearest to the figure first."""
    stops = stop_words(lang) | stop_words("en") | ignored_words(lang) | ignored_words("en")
    a_s, a_e = anchor
    if parse is not None and parse.tokens:
        toks = [(t.start, t.end, t.text) for t in parse.tokens]
        fig = [t.i for t in parse.tokens if t.start < a_e and t.end > a_s]
        dist = _tree_distances(parse, fig) if fig else None
    else:
        dist = None
        toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, sent_start, sent_end)]
        fig = [i for i, (s, e, _) in enumerate(toks) if s < a_e and e > a_s]
    if dist is None:
        if not fig:  # the figure is digits only: measure from where it stands
            pos = next((i for i, (s, _, _) in enumerate(toks) if s >= a_e), len(toks))
            fig = [max(pos - 1, 0)] if toks else []
        dist = {i: min(abs(i - j) for j in fig) for i in range(len(toks))} if fig else {}
    scored: list[tuple[float, int, str]] = []
    for i, (s, e, w) in enumerate(toks):
        if i in fig or i not in dist or _inside(s, e, exclude) or (s < a_e and e > a_s):
            continue
        if not _WORD.fullmatch(w) or len(w) < 2:
            continue
        f = fold(w)
        if f in stops or f.split("'")[-1] in stops:
            continue
        scored.append((dist[i], i, stem(w)))
    out: list[str] = []
    for _, _, st in sorted(scored):
        if st not in out:
            out.append(st)
        if len(out) >= MAX_CUES:
            break
    return out


def _tree_distances(p: Parse, start: list[int]) -> dict[int, int]:
    """Arcs between each token and the nearest figure token (the tree taken as undirected)."""
    dist = {i: 0 for i in start}
    q = deque(start)
    while q:
        i = q.popleft()
        t = p.tokens[i]
        nbrs = list(p.children[i]) + ([t.head] if t.head != i else [])
        for j in nbrs:
            if j not in dist:
                dist[j] = dist[i] + 1
                q.append(j)
    return dist
