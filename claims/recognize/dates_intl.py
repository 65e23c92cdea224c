"""Dates and periods in Spanish, German, Italian and Portuguese, with their granularity.

Called by :func:`claims.recognize.dates.find_dates` for "es", "de", "it" and "pt" (which keeps the
language-neutral patterns: numeric dates, "Q3 2024", bare years). Covered here, with the word
tables of :mod:`claims.recognize.lexicon_intl`:

* days: "12 de julio de 2019", "12. Juli 2019", "12 luglio 2019", "12 de julho de 2019";
* months: "julio de 2019", "Juli 2019", "luglio 2019", "julho de 2019"; "en julio", "im Juli" (the
  year guessed from the publication date); parts: "a principios de julio", "Anfang Juli 2019";
* years in context: "en 2019", "im Jahr 2019", "nel 2019", "em 2019" (at), "desde 2019", "seit 2019",
  "dal 2019" (since), "hasta 2025", "bis 2025", "fino al 2025", "até 2025" (until)...;
* parts of years: "a finales de 2019", "Ende 2019", "fine 2019", "no final de 2019", seasons, halves;
* ranges of years, months and days: "entre 2019 y 2021", "von Januar bis März 2024", "dal 7 al 9 luglio";
* quarters: "primer trimestre de 2024", "im ersten Quartal 2024", "1. Quartal 2024";
* decades: "los años 90", "die 1990er Jahre", "gli anni '90", "os anos 90";
* relative dates resolved against the publication date: "el año pasado", "letztes Jahr", "im
  vergangenen Jahr", "l'anno scorso", "no ano passado", "ayer", "gestern", "hace tres años", "vor
  drei Jahren", "tre anni fa", "há três anos"; and dates relative to an earlier date of the text:
  "un año antes", "ein Jahr zuvor", "im Vorjahr", "l'anno precedente", "o ano anterior".
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import lru_cache

from ..model import TimeRef
from . import lexicon_intl as LI
from .dates import (_PARTS_MONTH, _add_day_range, _PARTS_YEAR, _Collector, _guess_year, _month_end, _resolve_relative,
                    _safe_date, _shift, _timeref)
from .lexicon import fold, loose

__all__ = ["find_dates_intl"]

_SP = r"[\s\u00a0\u202f]"
_S = _SP + "+"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_YEAR_END = r"(?![\w/%]|[.,]\d|[\-–]\d)"


def _alt(words) -> str:
    """Accent-insensitive alternation, longest first; spaces match any run of spaces."""
    return "|".join(loose(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"


def _cased(word: str) -> str:
    """A capitalised word as a regex ("marz" -> "M[aä...]rz"), for German nouns."""
    return re.escape(word[0].upper()) + loose(word[1:])


class _Rx:
    """The compiled patterns of one language."""

    def __init__(self, lg: str):
        self.lg = lg
        full, abbr = LI.MONTHS[lg], LI.MONTH_ABBR[lg]
        self.months = {**abbr, **full}
        if lg in LI.MONTHS_CASED:
            names = "|".join(_cased(w) for w in sorted(full, key=len, reverse=True))
            abbrs = "|".join(_cased(w) for w in sorted(abbr, key=len, reverse=True))
            month_full = rf"(?-i:{names}|(?:{abbrs})\.)"
            month_any = rf"(?-i:{names}|(?:{abbrs})\.?)"
        else:
            month_full = rf"(?:{_alt(full)}|(?:{_alt(abbr)})\.)"
            month_any = rf"(?:{_alt(full)}|(?:{_alt(abbr)})\.?)"
        mf = rf"(?P<m>{month_full})(?![\w])"
        ma = rf"(?P<m>{month_any})(?![\w])"
        link = LI.DATE_LINKS[lg]
        ln = rf"{_S}{link}{_S}" if link else _S  # day -> month
        if lg == "es":
            ly = rf"(?:,?{_S}|{_S}de(?:l)?{_S})"  # month -> year: "julio de 2019", "julio del 2019"
        elif lg == "pt":
            ly = rf"(?:,?{_S}|{_S}de{_S})"
        elif lg == "it":
            ly = rf"(?:,?{_S}|{_S}del{_S})"
        else:
            ly = rf",?{_S}"
        if lg == "de":
            day = r"(?P<d>\d{1,2})\.?"
            ln = _S if not link else ln
        else:
            day = r"(?P<d>\d{1,2})(?:\.?[º°ºª])?"
            if lg in ("es", "pt"):
                day = r"(?P<d>\d{1,2}|1(?:\.?[º°]|ro|er))(?:\.?[º°])?"
        wd_words = LI.WEEKDAYS[lg]
        if lg in LI.MONTHS_CASED:
            wd = "(?-i:" + "|".join(_cased(w) for w in sorted(wd_words, key=len, reverse=True)) + ")"
        else:
            wd = _alt(wd_words)
        self.weekdays = wd_words
        wd_cased = sorted(wd_words, key=len, reverse=True)
        wd_alt = "|".join(_cased(w) if lg in LI.MONTHS_CASED else loose(w) for w in wd_cased)
        # as written: Spanish, Italian, Portuguese weekdays are lower-case ("Domingo" is a name)
        compounds = LI.WEEKDAY_COMPOUNDS.get(lg)
        suffix = f"(?:{'|'.join(sorted(compounds, key=len, reverse=True))})?" if compounds else ""
        self.weekday = re.compile(rf"(?<![\w-])(?P<wd>(?-i:{wd_alt})){suffix}(?![\w-])(?!,?{_S}(?:den{_S}|el{_S})?\d)")
        self.day = re.compile(
            rf"(?<![\w.])(?:(?P<wd>{wd}),?{_S}(?:(?:den|el|il|o){_S})?)?{day}{ln}{ma}(?:{ly}(?P<y>{_YEAR}){_YEAR_END})?",
            re.IGNORECASE,
        )
        day2 = day.replace("(?P<d>", "(?P<d2>")
        day1 = day.replace("(?P<d>", "(?P<d1>")
        p_words = [p for p, _ in LI.YEAR_RANGES[lg] if p] + [p + " " + a for p, _ in LI.YEAR_RANGES[lg] if p
                                                             for a in ("el", "la", "il", "o", "dem", "den")]
        g_words = {g for _, g in LI.YEAR_RANGES[lg]}
        self.day_range = re.compile(
            rf"(?<![\w.])(?:(?P<p>{_alt(p_words + ['vom', 'dal'])}){_S})?{day1}(?P<g>{_SP}*[-–]{_SP}*|{_S}(?:{_alt(list(g_words) + ['al', 'zum'])}){_S}){day2}{ln}{ma}"
            rf"(?:{ly}(?P<y>{_YEAR}){_YEAR_END})?",
            re.IGNORECASE,
        )
        parts = LI.DATE_PARTS[lg]
        if lg == "es":
            parts = {**parts, **{k[:-3] + " del": v for k, v in parts.items() if k.endswith(" de")}}
        self.parts = {" ".join(k.split()): v for k, v in parts.items()}
        month_parts = [k for k, v in self.parts.items() if v in ("debut", "mi", "fin")]
        mp = [k for k in month_parts if not k.endswith((" del", " des jahres"))]
        self.month_year = re.compile(
            rf"(?<![\w])(?:(?P<part>{_alt(mp)}){_S})?{ma}{ly}(?P<y>{_YEAR}){_YEAR_END}",
            re.IGNORECASE,
        )
        ctx = LI.MONTH_CONTEXT[lg]
        rel_after = {"es": "pasado|proximo|que viene", "de": "(?!)", "it": "scorso|prossimo|passato",
                     "pt": "passado|proximo|que vem"}[lg]
        self.month_alone = re.compile(
            rf"(?<![\w'’])(?P<ctx>{_alt(ctx + mp)})(?:{_S}|(?<=['’])){mf}(?!{_SP}*(?:(?:de|del){_S})?\d)"
            rf"(?:{_S}(?P<rel>{_alt(rel_after.split('|'))})(?![\w]))?",
            re.IGNORECASE,
        )
        self.year_ctx = re.compile(
            rf"(?<![\w'’])(?P<ctx>{_alt(LI.YEAR_CONTEXT[lg])})(?:{_S}|(?<=['’]))(?P<y>{_YEAR}){_YEAR_END}",
            re.IGNORECASE,
        )
        year_parts = [k for k in self.parts]
        self.part_year = re.compile(
            rf"(?<![\w'’])(?P<part>{_alt(year_parts)})(?:{_S}|(?<=['’]))(?:(?:el|del|il|o|des{_S}Jahres){_S})?(?P<y>{_YEAR}){_YEAR_END}",
            re.IGNORECASE,
        )
        rng = []
        for p, g in LI.YEAR_RANGES[lg]:
            pre = rf"(?P<p>{loose(p)}){_S}" if p else ""
            rng.append(rf"{pre}(?P<y1>{_YEAR}){_S}(?P<g>{loose(g)}){_S}(?P<y2>{_YEAR}|\d\d)")
        self.year_range = [re.compile(rf"(?<![\w'’]){r}(?![\w%]|[.,]\d)", re.IGNORECASE) for r in rng]
        m1 = month_any.replace("(?P<m>", "(")
        self.month_range = re.compile(
            rf"(?<![\w])(?:(?P<p>{_alt(p_words)}){_S})?(?P<m1>{m1})(?![\w])(?:{ly}(?P<y1>{_YEAR}))?"
            rf"{_S}(?P<g>{_alt(g_words)}){_S}(?P<m2>{m1})(?![\w])(?:{ly}(?P<y2>{_YEAR}){_YEAR_END})?",
            re.IGNORECASE,
        )
        self.range_pairs = {(fold(p), fold(g)) for p, g in LI.YEAR_RANGES[lg]}
        rel = LI.RELATIVE[lg]
        lower_only = [k for k in rel if lg == "de" and k == "morgen"]
        # Italian contracts a preposition with "l'": "dell'anno scorso", "all'anno precedente".
        art = r"(?:(?:de|ne|a|da|su)l(?=l['’]))?" if lg == "it" else ""
        self.relative = re.compile(
            rf"(?<![\w'’-]){art}(?:(?P<lo>(?-i:{'|'.join(lower_only) or '(?!)'}))|(?P<r>{_alt([k for k in rel if k not in lower_only])}))(?![\w'’-])",
            re.IGNORECASE,
        )
        self.relative_table = {" ".join(k.split()): v for k, v in rel.items()}
        before, after = LI.AGO[lg]
        units = {**LI.TIME_UNITS[lg], **{k: 0 for k, v in LI.DURATION_WORDS[lg].items() if v in ("week", "day")}}
        self.units = units
        numw = r"\d{1,3}|[^\W\d_]+"
        parts_ago = []
        if before:
            parts_ago.append(rf"(?P<b>{_alt(before)}){_S}(?P<n1>{numw}){_S}(?P<u1>{_alt(units)})")
        if after:
            parts_ago.append(rf"(?P<n2>{numw}){_S}(?P<u2>{_alt(units)}){_S}(?P<a>{_alt(after)})")
        self.ago = re.compile(rf"(?<![\w])(?:{'|'.join(parts_ago)})(?![\w])", re.IGNORECASE)
        anch = LI.ANCHORED_AFTER[lg]
        self.anchored_after = {" ".join(k.split()): v for k, v in anch.items()}
        self.anchored_phrases = {" ".join(k.split()): v for k, v in LI.ANCHORED_PHRASES[lg].items()}
        self.anchored = re.compile(
            rf"(?<![\w'’-])(?:(?P<n>{numw}){_S}(?P<u>{_alt(LI.TIME_UNITS[lg])}){_S}(?P<d>{_alt(anch)})"
            rf"|{art}(?P<ph>{_alt(self.anchored_phrases)}))(?![\w'’-])",
            re.IGNORECASE,
        )
        ords = LI.ORDINALS[lg]
        ord_alt = "|".join(re.escape(o) if o[0].isdigit() else loose(o) for o in sorted(ords, key=len, reverse=True))
        qw, hw = _alt(LI.QUARTER_WORDS[lg]), _alt(LI.HALF_YEAR_WORDS[lg])
        yl = rf"(?:{_S}(?:(?:de|del|des{_S}Jahres|do|di){_S})?|{_SP}*)"
        self.quarter = re.compile(
            rf"(?<![\w])(?P<o>{ord_alt}|[1-4](?:\.?[º°]|er|o)){_SP}*(?P<k>{qw}|{hw})(?:{yl}(?P<y>{_YEAR}){_YEAR_END})?",
            re.IGNORECASE,
        )
        self.quarter_ctx = re.compile(
            rf"(?:{_alt(['el', 'este', 'del', 'al', 'im', 'dem', 'des', 'diesem', 'nel', 'il', 'questo', 'del', 'no', 'o', 'neste', 'este', 'do', 'laufenden'])}){_S}\Z",
            re.IGNORECASE,
        )
        self.ords = {fold(k): v for k, v in ords.items()}
        self.quarter_words = {fold(w) for w in LI.QUARTER_WORDS[lg]}
        if lg == "de":
            self.decade = re.compile(rf"(?<![\w])(?P<d>(?:19|20)?[1-9]0)er(?:{_S}|-)Jahren?(?![\w])")
        else:
            dec_word = {"es": "a[ñn]os", "pt": "anos", "it": "anni"}[lg]
            self.decade = re.compile(
                rf"(?<![\w])(?:(?:los|las|os|gli|nos|negli|en{_S}los|nei){_S})?{dec_word}{_S}['’]?(?P<d>(?:19|20)?[1-9]0)(?![\w])",
                re.IGNORECASE,
            )
        self.relations = {" ".join(k.split()): v for k, v in LI.DATE_RELATIONS[lg].items()}
        self.relation_before = re.compile(
            rf"(?<![\w'’])(?P<r>{_alt(self.relations)})(?:{_S}|(?<=['’]))\Z", re.IGNORECASE)
        self.year_ctx_table = {" ".join(k.split()): v for k, v in LI.YEAR_CONTEXT[lg].items()}
        from .money import names

        cur_names = _alt(names(lg))
        pct = _alt(LI.PERCENT_WORDS[lg])
        self.quantity_next = re.compile(
            rf"{_SP}*(?:[%€$£¥]|(?:{cur_names}|{pct}|{_alt(LI.SCALE_WORDS[lg])})(?![\w]))", re.IGNORECASE)


@lru_cache(maxsize=None)
def _rx(lg: str) -> _Rx:
    return _Rx(lg)


def _key(s: str) -> str:
    return " ".join(fold(s).replace("’", "'").split())


def _add(col: _Collector, rx: _Rx, s: int, e: int, tr: TimeRef, strong: bool = True,
         with_relation: bool = True) -> None:
    """Add a date, taking in a relation word before it ("desde el 12 de julio", "seit Juli")."""
    text = col.text
    if with_relation and tr.relation == "at":
        m = rx.relation_before.search(text, max(0, s - 24), s)
        if m:
            rel = rx.relations.get(_key(m.group("r")))
            if rel:
                s = m.start()
                tr = tr.model_copy(update={"relation": rel, "start": s, "text": text[s:e]})
    col.add(s, e, tr, strong=strong, with_relation=False)


def _month_of(rx: _Rx, s: str) -> int | None:
    return rx.months.get(fold(s).rstrip("."))


def find_dates_intl(text: str, lang: str, published: dt.date | None, col: _Collector) -> None:
    """Add the dates of `text` in `lang` ("es", "de", "it", "pt") to `col`."""
    if lang not in LI.INTL_LANGS:
        return
    rx = _rx(lang)
    has_digit = any(c.isdigit() for c in text)
    if has_digit:
        _days(text, rx, col, published)
        _month_years(text, rx, col)
        _years(text, rx, col)
        _quarters(text, rx, col, published)
        _decades(text, rx, col)
    _months_alone(text, rx, col, published)
    _month_ranges(text, rx, col, published)
    _relatives(text, rx, col, published)
    _ago(text, rx, col, published)
    _weekdays(text, rx, col, published)
    _anchored(text, rx, col)
    if has_digit:
        _year_or_quantity(text, lang, rx, col)


def _year_or_quantity(text: str, lang: str, rx: _Rx, col: _Collector) -> None:
    """A year-like figure followed by a currency or a percent word is a quantity ("hasta 2000 euros",
    "ab 2000 Euro"): drop the date. Followed by a counted noun ("hasta 2000 personas") it may be
    either: the date is made weak, so the longer quantity wins."""
    from .quantities import _noun_after_intl

    kept = []
    for h in col.hits:
        t = h.mention.time
        if t is not None and t.granularity == "year" and h.mention.text[-4:].isdigit():
            if rx.quantity_next.match(text, h.mention.end):
                continue
            if h.strong and _noun_after_intl(text, h.mention.end, False, lang, plural=True) is not None:
                word = fold(text[h.mention.end:].split(None, 1)[0]) if text[h.mention.end:].strip() else ""
                if word not in LI.DURATION_WORDS[lang]:
                    h.strong = False
        kept.append(h)
    col.hits = kept


def _days(text: str, rx: _Rx, col: _Collector, published: dt.date | None) -> None:
    for m in rx.day.finditer(text):
        month = _month_of(rx, m.group("m"))
        draw = m.group("d")
        day = int(re.match(r"\d+", draw).group(0)) if draw[0].isdigit() else 1
        if month is None or not 1 <= day <= 31:
            continue
        s, e = m.span()
        if m.group("y"):
            d = _safe_date(int(m.group("y")), month, day)
            if d is None:
                continue
            _add(col, rx, s, e, _timeref(text, s, e, d.isoformat(), "day", d, d))
        elif published is not None:
            d = _safe_date(_guess_year(month, published), month, day)
            if d is None:
                continue
            _add(col, rx, s, e, _timeref(text, s, e, d.isoformat(), "day", d, d, relative=True))
        else:
            _add(col, rx, s, e, _timeref(text, s, e, None, "day", None, None, resolved=False, relative=True))
    for m in rx.day_range.finditer(text):
        p, g = _key(m.group("p") or ""), _key(m.group("g"))
        if g not in ("-", "–") and not p:
            continue
        month = _month_of(rx, m.group("m"))
        d1, d2 = int(re.match(r"\d+", m.group("d1")).group(0)), int(re.match(r"\d+", m.group("d2")).group(0))
        if month is None or not 1 <= d1 < d2 <= 31:
            continue
        _add_day_range(text, col, m.span(), month, d1, d2, m.group("y"), published)


def _month_years(text: str, rx: _Rx, col: _Collector) -> None:
    for m in rx.month_year.finditer(text):
        month = _month_of(rx, m.group("m"))
        if month is None:
            continue
        y = int(m.group("y"))
        s, e = m.span()
        first, last = dt.date(y, month, 1), _month_end(y, month)
        part = rx.parts.get(_key(m.group("part") or ""))
        if part in _PARTS_MONTH:
            a, b = _PARTS_MONTH[part]
            first, last = dt.date(y, month, a), dt.date(y, month, min(b, last.day))
        _add(col, rx, s, e, _timeref(text, s, e, f"{y:04d}-{month:02d}", "month", first, last))


_SHIFT_LAST = ("pasado", "scorso", "passado", "vergangenen")
_SHIFT_NEXT = ("proximo", "que viene", "prossimo", "que vem", "kommenden")


def _months_alone(text: str, rx: _Rx, col: _Collector, published: dt.date | None) -> None:
    for m in rx.month_alone.finditer(text):
        month = _month_of(rx, m.group("m"))
        if month is None:
            continue
        ctx = _key(m.group("ctx"))
        s, e = m.span()
        part = rx.parts.get(ctx) if rx.parts.get(ctx) in _PARTS_MONTH else None
        rel = rx.relations.get(ctx, "at")
        shift = _key(m.group("rel") or "")
        if part is None and rel == "at" and not shift and not any(w in ctx for w in _SHIFT_LAST + _SHIFT_NEXT):
            s = m.start("m")  # "en julio": the month; "desde julio" keeps "desde"
        if published is None:
            col.add(s, e, _timeref(text, s, e, None, "month", None, None, rel, resolved=False, relative=True),
                    with_relation=False)
            continue
        if shift.startswith(_SHIFT_NEXT) or any(w in ctx for w in _SHIFT_NEXT):
            y = published.year if month > published.month else published.year + 1
        elif shift.startswith(_SHIFT_LAST) or any(w in ctx for w in _SHIFT_LAST):
            y = published.year if month < published.month else published.year - 1
        else:
            y = _guess_year(month, published)
        first, last = dt.date(y, month, 1), _month_end(y, month)
        if part in _PARTS_MONTH:
            a, b = _PARTS_MONTH[part]
            first, last = dt.date(y, month, a), dt.date(y, month, min(b, last.day))
        col.add(s, e, _timeref(text, s, e, f"{y:04d}-{month:02d}", "month", first, last, rel, relative=True),
                with_relation=False)


def _years(text: str, rx: _Rx, col: _Collector) -> None:
    for r in rx.year_range:
        for m in r.finditer(text):
            y1, y2s = int(m.group("y1")), m.group("y2")
            y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
            if y2 <= y1 or y2 - y1 > 100 or (len(y2s) == 2 and y2 - y1 > 10):
                continue
            s, e = m.span()
            col.add(s, e, _timeref(text, s, e, f"{y1}/{y2}", "year", dt.date(y1, 1, 1), dt.date(y2, 12, 31), "range"),
                    with_relation=False)
    for m in rx.part_year.finditer(text):
        y = int(m.group("y"))
        part = rx.parts.get(_key(m.group("part")))
        if part is None:
            continue
        a, b = _PARTS_YEAR.get(part, (1, 12))
        s, e = m.span()
        _add(col, rx, s, e, _timeref(text, s, e, str(y), "year", dt.date(y, a, 1), _month_end(y, b)))
    for m in rx.year_ctx.finditer(text):
        y = int(m.group("y"))
        rel = rx.year_ctx_table.get(_key(m.group("ctx")), "at")
        s = m.start() if rel != "at" else m.start("y")
        e = m.end()
        col.add(s, e, _timeref(text, s, e, str(y), "year", dt.date(y, 1, 1), dt.date(y, 12, 31), rel),
                strong=True, with_relation=False)


def _quarters(text: str, rx: _Rx, col: _Collector, published: dt.date | None) -> None:
    for m in rx.quarter.finditer(text):
        o = fold(m.group("o"))
        n = rx.ords.get(o)
        if n is None and o[:1].isdigit():
            n = int(o[0])
        half = fold(m.group("k")) not in rx.quarter_words
        if n is None or (half and n > 2):
            continue
        s, e = m.span()
        ys = m.group("y")
        if ys:
            y, relative = int(ys), False
        elif not half and published is not None and rx.quarter_ctx.search(text, max(0, s - 16), s):
            pq = (published.month - 1) // 3 + 1
            y, relative = (published.year if n <= pq else published.year - 1), True
        else:
            continue
        if half:
            first, last = dt.date(y, 1 if n == 1 else 7, 1), _month_end(y, 6 if n == 1 else 12)
            _add(col, rx, s, e, _timeref(text, s, e, f"{y:04d}-H{n}", "year", first, last))
        else:
            first, last = dt.date(y, 3 * n - 2, 1), _month_end(y, 3 * n)
            _add(col, rx, s, e, _timeref(text, s, e, f"{y:04d}-Q{n}", "quarter", first, last, relative=relative))


def _decades(text: str, rx: _Rx, col: _Collector) -> None:
    for m in rx.decade.finditer(text):
        raw = m.group("d")
        d = 1900 + int(raw) if len(raw) == 2 else int(raw)
        s, e = m.span()
        col.add(s, e, _timeref(text, s, e, f"{d}s", "decade", dt.date(d, 1, 1), dt.date(d + 9, 12, 31)))


def _month_ranges(text: str, rx: _Rx, col: _Collector, published: dt.date | None) -> None:
    for m in rx.month_range.finditer(text):
        p, g = _key(m.group("p") or ""), _key(m.group("g"))
        p = p.split()[0] if p else ""
        if (p, g) not in rx.range_pairs and not ("", g) in rx.range_pairs:
            continue
        m1, m2 = _month_of(rx, m.group("m1")), _month_of(rx, m.group("m2"))
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
            continue
        y1 = int(m.group("y1")) if m.group("y1") else (y2 if m1 < m2 else y2 - 1)
        first, last = dt.date(y1, m1, 1), _month_end(y2, m2)
        if last <= first or (y2 - y1) * 12 + m2 - m1 > 36:
            continue
        if y1 == y2 and m1 % 3 == 1 and m2 == m1 + 2:
            value, gran = f"{y1:04d}-Q{m2 // 3}", "quarter"
        else:
            value, gran = f"{y1:04d}-{m1:02d}/{y2:04d}-{m2:02d}", "month"
        col.add(s, e, _timeref(text, s, e, value, gran, first, last, "range", relative=relative), with_relation=False)


def _relatives(text: str, rx: _Rx, col: _Collector, published: dt.date | None) -> None:
    for m in rx.relative.finditer(text):
        unit, off, rel = rx.relative_table[_key(m.group("lo") or m.group("r"))]
        s, e = m.span()
        gran = {"year": "year", "month": "month", "quarter": "quarter", "week": "unknown", "day": "day"}[unit]
        if published is None:
            col.add(s, e, _timeref(text, s, e, None, gran, None, None, rel, resolved=False, relative=True),
                    with_relation=False)
            continue
        value, gran, first, last = _resolve_relative(unit, off, published)
        col.add(s, e, _timeref(text, s, e, value, gran, first, last, rel, relative=True), with_relation=False)


def _count(word: str, lang: str) -> int | None:
    """A small count in digits or words ("3", "tres", "drei", "einem", "un")."""
    if word.isdigit():
        return int(word)
    f = fold(word)
    if f in LI.ARTICLES_ONE[lang] or f in ("einem", "einer"):
        return 1
    from .words_intl import parse_words

    v = parse_words(word, lang)
    return int(v) if v is not None and float(v).is_integer() and 0 < v < 1000 else None


def _ago(text: str, rx: _Rx, col: _Collector, published: dt.date | None) -> None:
    for m in rx.ago.finditer(text):
        gd = m.groupdict()
        n = _count(gd.get("n1") or gd.get("n2") or "", rx.lg)
        u = fold(gd.get("u1") or gd.get("u2") or "")
        if not n:
            continue
        months = rx.units.get(u)
        if months is None:
            continue
        dur = LI.DURATION_WORDS[rx.lg].get(u)
        unit = {12: "year", 3: "quarter", 1: "month"}.get(months) if months else ("week" if dur == "week" else "day")
        if unit is None:
            continue
        s, e = m.span()
        gran = {"year": "year", "quarter": "quarter", "month": "month", "week": "unknown", "day": "day"}[unit]
        if published is None:
            col.add(s, e, _timeref(text, s, e, None, gran, None, None, resolved=False, relative=True),
                    with_relation=False)
            continue
        if unit == "quarter":
            value, gran, first, last = _resolve_relative("month", -3 * n, published)
        else:
            value, gran, first, last = _resolve_relative(unit, -n, published)
        col.add(s, e, _timeref(text, s, e, value, gran, first, last, relative=True), with_relation=False)


def _weekdays(text: str, rx: _Rx, col: _Collector, published: dt.date | None) -> None:
    """"el lunes", "am Montag", "lunedì", "na segunda-feira": the last such day (or the next one
    with "próximo", "nächsten", "prossimo")."""
    for m in rx.weekday.finditer(text):
        s, e = m.span()
        if published is None:
            col.add(s, e, _timeref(text, s, e, None, "day", None, None, resolved=False, relative=True),
                    with_relation=False)
            continue
        wd = rx.weekdays[fold(m.group("wd"))]
        before = fold(text[max(0, s - 16):s])
        after = fold(text[e:e + 12])
        nxt = re.search(r"(?:proximo|nachsten|kommenden|prossimo)\s+$", before) or re.match(r"\s+(?:que viene|prossimo|que vem)", after)
        if nxt:
            delta = (wd - published.weekday()) % 7 or 7
        else:
            delta = -((published.weekday() - wd) % 7)
        d = published + dt.timedelta(days=delta)
        col.add(s, e, _timeref(text, s, e, d.isoformat(), "day", d, d, relative=True), with_relation=False)


def _anchored(text: str, rx: _Rx, col: _Collector) -> None:
    """"un año antes", "ein Jahr zuvor", "im Vorjahr", "l'anno precedente", "o ano anterior": moved
    from the nearest resolved date before them (unresolved when the text has none)."""
    anchors = sorted((h.mention for h in col.hits
                      if h.mention.time is not None and h.mention.time.resolved and h.mention.time.value is not None),
                     key=lambda a: (a.end, a.end - a.start))
    ends = [a.end for a in anchors]
    for m in rx.anchored.finditer(text):
        if m.group("ph"):
            step, direction = rx.anchored_phrases[_key(m.group("ph"))]
            n = 1
        else:
            n = _count(m.group("n"), rx.lg) or 0
            step = LI.TIME_UNITS[rx.lg].get(fold(m.group("u")), 0)
            direction = rx.anchored_after.get(_key(m.group("d")), 0)
        if not n or not step or not direction:
            continue
        months = direction * n * step
        s, e = m.span()
        gran = {12: "year", 3: "quarter", 1: "month"}[step]
        k = bisect.bisect_right(ends, s)
        found = anchors[k - 1] if k else None  # the latest date ending before, the longest of those
        shifted = _shift(found.time, months) if found is not None and found.time is not None else None
        if shifted is None:
            col.add(s, e, _timeref(text, s, e, None, gran, None, None, resolved=False, relative=True),
                    with_relation=False)
            continue
        value, g, first, last, relation = shifted
        col.add(s, e, _timeref(text, s, e, value, g, first, last, relation, relative=True), with_relation=False)

