"""Publication dates: parsing metadata values and spotting a dateline in a document's header.

Only the header area (the first ``HEADER_LINES`` non-empty lines) is searched, and only
* a standalone date line ("décembre 12, 2024", "12 décembre 2024", "Le 3 mars 2023 à 10h30"), or
* a byline with a publication keyword ("Publié le 3 mars 2023", "Posted on December 12, 2024",
  "Mis à jour le ...", "Updated ..."; publication beats update)
counts. A date inside prose ("En juillet 2019, ...", "Le 12 mars 2024, Microsoft a annoncé ...")
is never a publication date, and partial dates (month + year) are ignored.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

HEADER_LINES = 15

_MONTHS: dict[str, int] = {}


def _add(month: int, *names: str) -> None:
    for name in names:
        _MONTHS[name] = month


# fr, en, es, de, it, pt, nl (full names and usual abbreviations), accents stripped
_add(1, "janvier", "janv", "january", "jan", "enero", "ene", "januar", "janner", "gennaio", "janeiro", "januari")
_add(2, "fevrier", "fevr", "fev", "february", "feb", "febrero", "februar", "febbraio", "fevereiro", "februari")
_add(3, "mars", "march", "mar", "marzo", "marz", "maerz", "marco", "maart", "mrt")
_add(4, "avril", "avr", "april", "apr", "abril", "abr", "aprile")
_add(5, "mai", "may", "mayo", "maggio", "maio", "mei")
_add(6, "juin", "june", "jun", "junio", "juni", "giugno", "junho")
_add(7, "juillet", "juil", "juill", "july", "jul", "julio", "juli", "luglio", "julho")
_add(8, "aout", "august", "aug", "agosto", "ago", "augustus")
_add(9, "septembre", "sept", "sep", "september", "septiembre", "setiembre", "settembre", "setembro")
_add(10, "octobre", "oct", "october", "octubre", "oktober", "okt", "ottobre", "outubro")
_add(11, "novembre", "nov", "november", "noviembre", "novembro")
_add(12, "decembre", "dec", "december", "diciembre", "dic", "dezember", "dez", "dicembre", "dezembro")

_WEEKDAYS = (
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|"
    "saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|lunes|martes|miercoles|jueves|viernes|"
    "sabado|domingo|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
)
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ORD = r"(?:er|re|st|nd|rd|th|º|°)?"

_D_M_Y = re.compile(
    rf"\b(?:(?:{_WEEKDAYS})\.?,?\s+)?(?:le\s+)?(\d{{1,2}}){_ORD}\.?\s+(?:de\s+)?({_MONTH_RE})\b\.?,?\s+"
    rf"(?:de\s+|del\s+)?(\d{{4}})\b"
)
_M_D_Y = re.compile(rf"\b(?:(?:{_WEEKDAYS})\.?,?\s+)?({_MONTH_RE})\b\.?\s+(\d{{1,2}}){_ORD},?\s+(\d{{4}})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?)?\b")
_NUMERIC = re.compile(r"\b(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})\b")
_TIME = re.compile(
    r"\b(?:a|at|um|alle|as)?\s*\d{1,2}\s*(?:h|:)\s*\d{0,2}\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*(?:cet|cest|utc|gmt|et|pt))?\b"
)
_WORD = re.compile(r"[^\W\d_]+")

_PUBLISHED = re.compile(
    r"\b(?:publie|publiee|paru|posted|published|publicado|publicada|veroffentlicht|pubblicato|gepubliceerd|"
    r"date de publication)\b"
)
_UPDATED = re.compile(
    r"\b(?:mis a jour|mise a jour|actualise|modifie|updated|last updated|actualizado|aktualisiert|aggiornato|"
    r"bijgewerkt)\b"
)


class _FoldTable(dict):
    """str.translate table, one character for one: accents off, lower case."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        base = unicodedata.normalize("NFD", ch)[0].lower()
        value = base if len(base) == 1 else ch
        self[code] = value
        return value


_FOLD = _FoldTable()


def _fold(text: str) -> str:
    """Lower-case, accent-free copy of ``text`` with the same length (offsets are preserved)."""
    return text.translate(_FOLD)


def _valid(year: int, month: int, day: int) -> dt.date | None:
    today = dt.date.today()
    if not 1990 <= year <= today.year + 1:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(line: str, language: str | None = None) -> list[tuple[dt.date, int, int]]:
    """Full dates (day, month, year) in ``line`` as (date, start, end), in text order.

    Numeric dates are read day-first, except in English where month-first is used, and a date
    that both readings allow (03/04/2024) is skipped as ambiguous.
    """
    folded = _fold(line)
    found: list[tuple[dt.date, int, int]] = []
    taken: list[tuple[int, int]] = []

    def add(date: dt.date | None, m: re.Match[str]) -> None:
        if date is None or any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        found.append((date, m.start(), m.end()))

    for m in _ISO.finditer(folded):
        add(_valid(int(m[1]), int(m[2]), int(m[3])), m)
    for m in _D_M_Y.finditer(folded):
        add(_valid(int(m[3]), _MONTHS[m[2]], int(m[1])), m)
    for m in _M_D_Y.finditer(folded):
        add(_valid(int(m[3]), _MONTHS[m[1]], int(m[2])), m)
    for m in _NUMERIC.finditer(folded):
        a, b, year = int(m[1]), int(m[3]), int(m[4])
        if language == "en":
            if a <= 12 and b <= 12 and a != b:
                continue  # US or UK order: ambiguous
            date = _valid(year, a, b) or _valid(year, b, a)
        else:
            date = _valid(year, b, a)
        add(date, m)
    found.sort(key=lambda x: x[1])
    return found


def find_publication_date(
    text: str, language: str | None = None, *, header_lines: int = HEADER_LINES
) -> dt.date | None:
    """Publication date from the dateline or byline of the header area, or None."""
    best: tuple[int, int, dt.date] | None = None  # (rank, line number, date); lower is better
    seen = 0
    for lineno, line in enumerate(text.split("\n")):
        if not line.strip():
            continue
        seen += 1
        if seen > header_lines:
            break
        dates = find_dates(line, language)
        if not dates:
            continue
        folded = _fold(line)
        date, start, end = dates[0]
        n_words = len(_WORD.findall(folded))
        if _PUBLISHED.search(folded) and n_words <= 30:
            rank = 0
        else:
            residue = _TIME.sub(" ", folded[:start] + " " + folded[end:])
            residue_words = [w for w in _WORD.findall(residue) if w not in {"le", "du", "the", "on", "el", "am", "il"}]
            if len(residue_words) <= 4:
                rank = 1
            elif _UPDATED.search(folded) and n_words <= 30:
                rank = 2
            else:
                continue
        if _UPDATED.search(folded[:start]) and not _PUBLISHED.search(folded):
            rank = 2
        if best is None or (rank, lineno) < best[:2]:
            best = (rank, lineno, date)
    return best[2] if best else None


def parse_date_value(value: object, language: str | None = None) -> dt.date | None:
    """Read a metadata date (date, datetime, ISO string or a written date); None if unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    s = value.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?", s)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    dates = find_dates(s, language)
    return dates[0][0] if dates else None
