"""Mention recognizers: money, numbers, percentages, counts and dates in French and English, and
in Spanish, German, Italian and Portuguese (word tables in :mod:`claims.recognize.lexicon_intl`).

Pure regular expressions and word tables (no model): fast enough to run on every sentence.

    >>> from claims.recognize import find_mentions
    >>> [m.text for m in find_mentions("Microsoft a investi plus de 10 milliards de dollars en 2023.")]
    ['plus de 10 milliards de dollars', '2023']
"""
from __future__ import annotations

import bisect
import datetime as dt

from ..model import Mention
from .dates import find_dates
from .numbers import find_numbers, parse_number_words, protected_spans
from .quantities import find_quantities

__all__ = ["find_mentions", "find_numbers", "parse_number_words"]

# Tie-break between candidates of equal length (lower wins).
_PRIORITY = {"date_strong": 0, "money": 1, "percent": 2, "count": 3, "date_weak": 4, "number": 5}


def _lang(lang: str | None) -> str:
    """Recognizer language: "fr", "en", or another code (digits and symbols only, decimal comma)."""
    code = (lang or "fr").lower()[:2]
    return code if code.isalpha() and len(code) == 2 else "fr"


def find_mentions(text: str, lang: str = "fr", published: dt.date | None = None) -> list[Mention]:
    """Money, number, percent, count and date mentions in `text`, sorted by start.

    Mentions never overlap: the longest candidate wins, then dates in a clear date context,
    money, percentages, counts, bare years and plain numbers, in that order. Offsets are Python
    str offsets into `text` (end exclusive). Relative dates are resolved against `published`.
    `lang` is an ISO 639-1 code: "fr" and "en", and "es", "de", "it", "pt" with their own words
    (months, scale and currency words, qualifiers, number words); other languages get French
    number conventions (decimal comma), digits and currency symbols.
    """
    if not text:
        return []
    lg = _lang(lang)
    protect = protected_spans(text)
    dates = find_dates(text, lg, published, protect)
    strong = [(h.mention.start, h.mention.end) for h in dates if h.strong]
    quantities = find_quantities(text, lg, blocked=strong, protect=protect)
    cands: list[tuple[int, int, int, Mention]] = []
    for h in dates:
        m = h.mention
        cands.append((m.end - m.start, _PRIORITY["date_strong" if h.strong else "date_weak"], m.start, m))
    for q in quantities:
        m = q.to_mention(text)
        cands.append((m.end - m.start, _PRIORITY[m.kind], m.start, m))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    starts: list[int] = []  # chosen spans, sorted and disjoint
    ends: list[int] = []
    chosen: list[Mention] = []
    for _, _, _, m in cands:
        i = bisect.bisect_left(starts, m.start)
        if (i < len(starts) and starts[i] < m.end) or (i > 0 and ends[i - 1] > m.start):
            continue
        starts.insert(i, m.start)
        ends.insert(i, m.end)
        chosen.append(m)
    chosen.sort(key=lambda m: m.start)
    return chosen
