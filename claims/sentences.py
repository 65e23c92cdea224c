"""Sentence splitting inside the kept regions of a document (regex-based, French and English).

Rules
- Only ``Document.kept`` regions are split (the whole text when a document has neither kept nor
  removed regions). Offsets point into ``Document.text``.
- A line break ends a sentence (headings, bullet items and table rows are sentences of their
  own), except a soft-wrapped line: a line of 30 characters or more that does not end with
  punctuation (and is not laid out in columns), followed by a line starting with a lower-case
  letter that is not a short date line, continues the sentence.
- Bullet and heading markers ("•", "-", "*", "1.", "a)", "#", ">") are left out by moving ``start``.
- Inside a line, a sentence ends at ``.``, ``!``, ``?``, ``…`` (plus closing quotes/brackets)
  followed by a space and an upper-case letter, a digit or an opening quote, except
  * after abbreviations: M., MM., Mme., Dr., Pr., St., cf., av., janv., Mr., Mrs., Inc., Ltd.,
    Corp., vs., e.g., i.e., ... (see ``ABBREVIATIONS``); p., art., n., No., vol. before a number;
  * after initials and dotted acronyms ("J. K. Rowling", "U.S.", "av. J.-C.");
  * inside a quotation in « », “ ” or "" (up to ``MAX_QUOTE`` characters): a quoted sentence
    does not split the sentence around it, and a sentence that ends inside a quote ends after the
    closing quote ("... a-t-il dit. » Puis ...");
  * "[…]" / "(…)" marking a cut in a quotation.
  "etc." is not protected: followed by a capital it ends the sentence.
- A sentence is at most ``MAX_SENTENCE`` (1,500) characters: a longer stretch without a
  sentence end (a flattened table, one 200,000-character line) is cut at a comma, semicolon or
  dash, else at a space, so that every later stage, which works sentence by sentence, stays
  linear in the length of the document.
- ``Sentence.text`` is ``doc.text[start:end]``, trimmed of surrounding whitespace.
"""
from __future__ import annotations

import bisect
import re

from .model import Document, Sentence

MAX_QUOTE = 250
#: The longest sentence: a longer stretch with no sentence end is cut (see ``_cap``).
MAX_SENTENCE = 1500

ABBREVIATIONS = frozenset(
    """M MM Mme Mmes Mlle Mlles Me Dr Drs Pr Prof Profs St Ste Sts Mgr Cie Vve Gal Gén Cdt Col Lt Sgt Maj Adm
    cf Cf av apr env hab tél Tél ex resp coll éd dir trad vol Vol chap fig Fig éq
    janv Janv févr Févr fév Fév avr Avr juil Juil juill Juill sept Sept oct Oct nov Nov déc Déc
    Mr Mrs Ms Messrs Sr Jr Mt Inc Ltd Corp Co Bros Gov Gen Sen Rep Rev Hon Capt Ave Blvd Rd
    Jan Feb Mar Apr Jun Jul Aug Sep Dec vs v viz approx dept Dept Univ al ca cca
    Sra Srta Dña Ud Uds Hr Fr bzw usf""".split()
)
NUMBER_ABBREVIATIONS = frozenset("p pp P art Art n no No Nr nr vol Vol chap ch fig Fig t T sect §".split())

_TERMINATOR = re.compile(r"[.!?…]+")
_CLOSERS = "»”)]’"
_OPENERS_NEXT = "«“\"'‘„([¿¡"
_SPACE = " \t\n\u00a0\u202f\u2009"
_MARKER = re.compile(r"(?:[•●▪◦‣∙·*+>–—-]|#{1,6}|\d{1,3}[.)]|[a-zA-Z]\))[ \t\u00a0]+")
_ALNUM = re.compile(r"[^\W_]")
_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.-?)+[^\W\d_]{1,2}$")
_WORD_BEFORE = re.compile(r"[\w°º.'’-]*\w$")
_LINE_END_PUNCT = re.compile(r"[.!?…:;»”\"')\]]$")
_WORD_WINDOW = 64  # the longest word looked at before a period (abbreviations, initials)
_COLUMNS = re.compile(r"\S(?: {3,}|\t)\S")  # layout columns ("Title   Site"), not prose


def _quote_regions(s: str) -> tuple[list[int], list[int]]:
    """Sorted (starts, ends) of balanced quotations in ``s`` not longer than MAX_QUOTE."""
    regions: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(s):
        if ch in "»”“\"":
            top = stack[-1][0] if stack else None
            if (ch == "»" and top == "«") or (ch == "”" and top == "“") or (ch == "“" and top == "„") or (
                ch == '"' and top == '"'
            ):
                _, start = stack.pop()
                if i - start <= MAX_QUOTE:
                    regions.append((start, i))
                continue
        if ch in "«“„":
            stack.append((ch, i))
        elif ch == '"' and (i == 0 or s[i - 1] in _SPACE + "([{—–-") and i + 1 < len(s) and s[i + 1] not in _SPACE:
            stack.append((ch, i))
    regions.sort()
    # keep outermost regions only
    merged: list[tuple[int, int]] = []
    for a, b in regions:
        if merged and a < merged[-1][1]:
            continue
        merged.append((a, b))
    return [a for a, _ in merged], [b for _, b in merged]


def _inside(pos: int, starts: list[int], ends: list[int]) -> bool:
    """True when ``pos`` lies strictly inside a quotation (after its opening, up to its closing mark)."""
    k = bisect.bisect_right(starts, pos - 1) - 1
    return k >= 0 and starts[k] < pos <= ends[k]


def _abbreviation(s: str, dot: int) -> bool:
    """True when the period at ``s[dot]`` closes an abbreviation or an initial."""
    # the word before the period, looked for in a bounded window: searching from the start of
    # the paragraph for each period would be quadratic ("M. " * 33000)
    m = _WORD_BEFORE.search(s, max(0, dot - _WORD_WINDOW), dot)
    if not m:
        return False
    word = re.split(r"['’]", m.group(0))[-1].lstrip(".-")
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    k = dot + 1
    while k < len(s) and s[k] in _SPACE:
        k += 1
    nxt = s[k:k + 1]
    if word in NUMBER_ABBREVIATIONS and nxt.isdigit():
        return True
    if len(word) == 1 and word.isupper():
        return True  # initial: "J. K. Rowling", "M. Dupont"
    return bool(_INITIALS.match(word))  # "U.S", "J.-C", "e.g", "Ph.D"


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence boundaries in ``text[start:end]`` read as one paragraph: trimmed (start, end) pairs."""
    end = len(text) if end is None else end
    s = text[start:end]
    starts, ends = _quote_regions(s)
    closing = set(ends)
    cuts: list[int] = []
    for m in _TERMINATOR.finditer(s):
        i, j = m.start(), m.end()
        if m.group(0) in ("…", "...") and i > 0 and s[i - 1] in "[(" and s[j:j + 1] in "])":
            continue  # "[…]": a cut in a quotation
        # take closing quotes and brackets (with French spacing before »)
        while True:
            k = j
            while k < len(s) and s[k] in "\u00a0\u202f ":
                k += 1
            if k < len(s) and (s[k] in _CLOSERS or (s[k] == '"' and k in closing)):
                j = k + 1
            else:
                break
        if j >= len(s) or s[j] not in _SPACE:
            continue
        k = j
        while k < len(s) and s[k] in _SPACE:
            k += 1
        if k >= len(s):
            continue
        nxt = s[k]
        if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS_NEXT):
            continue
        if _inside(j, starts, ends):
            continue  # inside a quotation: the quoted sentence belongs to the enclosing one
        if m.group(0) == "." and _abbreviation(s, i):
            continue
        cuts.append(j)
    bounds = [0, *cuts, len(s)]
    spans = [_trim(text, start + a, start + b) for a, b in zip(bounds, bounds[1:])]
    return [piece for a, b in spans if b > a for piece in _cap(text, a, b)]


_SOFT_BREAK = re.compile(r"[,;:)\]»”]\s|\s[–—-]\s")


def _cap(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """``text[a:b]`` cut into pieces of at most MAX_SENTENCE characters: at the last comma,
    semicolon, dash... of each window, else at its last space, else (no space at all) at the
    limit. Every later stage works sentence by sentence; a run of 200,000 characters with no
    sentence end must not become one sentence."""
    if b - a <= MAX_SENTENCE:
        return [(a, b)]
    out: list[tuple[int, int]] = []
    while b - a > MAX_SENTENCE:
        limit = a + MAX_SENTENCE
        lo = a + MAX_SENTENCE // 2
        cut = None
        for m in _SOFT_BREAK.finditer(text, lo, limit):
            cut = m.start() + 1
        if cut is None:
            k = limit
            while k > lo and not text[k - 1].isspace():
                k -= 1
            cut = k if k > lo else limit
        piece = _trim(text, a, cut)
        if piece[1] > piece[0]:
            out.append(piece)
        a = _trim(text, cut, b)[0]
    if b > a:
        out.append((a, b))
    return out


def _dateline(line: str) -> bool:
    """A short line holding a full date ("décembre 12, 2024"): never a wrapped continuation."""
    from .ingest.dates import find_dates

    return len(line.split()) <= 6 and bool(find_dates(line))


def _units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Lines of ``text[start:end]``, soft-wrapped lines joined: (start, end) pairs."""
    units: list[tuple[int, int]] = []
    pos = start
    prev_open = False  # previous line may continue on this one
    for line in text[start:end].split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        stripped = line.strip()
        if not stripped:
            prev_open = False
            continue
        first = stripped[0]
        if prev_open and units and first.islower() and not _MARKER.match(stripped) and not _dateline(stripped):
            units[-1] = (units[-1][0], b)
        else:
            units.append((a, b))
        prev_open = (
            len(stripped) >= 30
            and not _LINE_END_PUNCT.search(stripped)
            and not stripped.startswith("#")
            and not _COLUMNS.search(stripped)
        )
    return units


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def split_sentences(doc: Document) -> list[Sentence]:
    """Sentences of the kept regions of ``doc``, in text order, indexed from 0."""
    text = doc.text
    regions = [(k.start, k.end) for k in sorted(doc.kept, key=lambda k: k.start)]
    if not regions and not doc.removed:
        regions = [(0, len(text))]
    out: list[Sentence] = []
    for r_start, r_end in regions:
        for u_start, u_end in _units(text, r_start, r_end):
            u_start, u_end = _trim(text, u_start, u_end)
            for _ in range(2):  # "> - item", "1. • item"
                m = _MARKER.match(text, u_start, u_end)
                if not m or m.end() >= u_end:
                    break
                u_start = m.end()
            for a, b in sentence_spans(text, u_start, u_end):
                if _ALNUM.search(text, a, b):
                    out.append(Sentence(document=doc.id, index=len(out), start=a, end=b, text=text[a:b]))
    return out
