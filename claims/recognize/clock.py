"""Times of day ("à 3 h 12", "at about 6:15 a.m.", "hacia las 11:40 horas", "um 3 Uhr",
"intorno alle 7.15", "poco dopo le 8") as intervals of minutes after midnight.

The words are data (``claims/data/clock.json``): hour words, words that introduce a bare hour,
morning / evening day parts, and the qualifiers "about" (+-15 minutes), "shortly after" (the
time to 30 minutes after) and "shortly before". An exact time stands for +-5 minutes, a bare hour
("à 9 heures") for +-10. A dotted time ("7.15") or a bare hour without a unit ("le 8") counts
only after a word that introduces an hour, so decimals and counts stay what they are.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Optional

EXACT, BARE, ABOUT, SHORTLY, BOUND = 5, 10, 20, 30, 180  # minutes
_AMPM = {"a.m.", "p.m.", "am", "pm"}
RESPONSE_WINDOW = 200  # characters before a time where a response word may govern it


@dataclass(frozen=True)
class ClockTime:
    start: int  # offsets in the text searched
    end: int
    minutes: int  # after midnight
    low: int
    high: int
    qualifier: str  # exact / approximate / range


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")" if words else "(?!x)x"


@functools.lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(resources.files("claims").joinpath("data/clock.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=16)
def _patterns(lang: Optional[str]) -> Optional[dict]:
    t = _data()["languages"].get(lang or "")
    if t is None:
        return None
    intro = _alt(t["before_hour"] + t["introduce"])
    ampm = [w for w in t["am"] + t["pm"] if w.replace("\\", "").lower() in _AMPM]  # a.m. / p.m. where the language writes them
    core = re.compile(
        r"(?<![\w.,:])(?P<h>[01]?\d|2[0-3])"
        r"(?:(?P<sep>\s?[hH:]\s?|\.)(?P<m>[0-5]\d)(?!\d)(?![.,]\d)"
        r"|(?=\s*(?P<hw>" + _alt(t["hour_words"] + ampm) + r")(?![\w]))"
        r"|(?!\d)(?![.,:]\d))")
    return {
        "core": core,
        "intro": re.compile(r"(?<![\w])" + intro + r"\s*$", re.I),
        "about": re.compile(r"(?<![\w])" + _alt(t["about"]) + r"(?:\s+" + intro + r")?\s*$", re.I),
        "after": re.compile(r"(?<![\w])" + _alt(t["after"]) + r"(?:\s+" + intro + r")?\s*$", re.I),
        "before": re.compile(r"(?<![\w])" + _alt(t["before"]) + r"(?:\s+" + intro + r")?\s*$", re.I),
        "tail": re.compile(r"(?:\s*" + _alt(t["hour_words"]) + r"(?![\w]))?(?:\s*(?:[A-Z][a-z]+\s+)?(?P<dp>" + _alt(t["am"] + t["pm"] + t["night"]) + r")(?![\w]))?", re.I),
        "night": re.compile(_alt(t["night"]) + "$", re.I),
        "duration": re.compile(r"(?<![\w])" + _alt(t["duration_before"]) + r"\s*$", re.I),
        "pm": re.compile(_alt(t["pm"]) + "$", re.I),
        "am": re.compile(_alt(t["am"]) + "$", re.I),
        "pm_any": re.compile(r"(?<![\w])" + _alt([w for w in t["pm"] if w.replace("\\", "").lower() not in _AMPM]) + r"(?![\w])", re.I),
        "am_any": re.compile(r"(?<![\w])" + _alt([w for w in t["am"] if w.replace("\\", "").lower() not in _AMPM]) + r"(?![\w])", re.I),
        "shortly": re.compile(_alt(t["shortly_before"]) + r"(?:\s+" + intro + r")?\s*$", re.I),
        "shortly_after": re.compile(_alt(t["shortly_after"]) + r"(?:\s+" + intro + r")?\s*$", re.I),
        "cues": re.compile(r"(?<![\w-])" + _alt(t["cues"]) + r"(?![\w-])", re.I),
        "response": re.compile(r"(?<![\w-])" + _alt(t["response"]) + r"(?![\w-])", re.I),
        "other_event": re.compile(r"(?<![\w-])" + _alt(t.get("other_event", [])) + r"\s+(?:\w+\s+)?$", re.I),
    }


def find_times(text: str, lang: Optional[str], lo: int = 0, hi: Optional[int] = None) -> list[ClockTime]:
    """The times of day in ``text[lo:hi]``."""
    p = _patterns(lang)
    if p is None:
        return []
    hi = len(text) if hi is None else hi
    out: list[ClockTime] = []
    day_part: Optional[bool] = None
    for m in p["core"].finditer(text, lo, hi):
        before = text[max(lo, m.start() - 30) : m.start()]
        if p["duration"].search(before):
            continue  # "a duré 3 h 15", "duró 6 horas": a duration
        has_intro = p["intro"].search(before)
        tail = p["tail"].match(text, m.end(), hi)
        ampm = bool(m.group("hw") and m.group("hw").lower() in _AMPM) or bool(tail and tail.group("dp") and tail.group("dp").lower() in _AMPM)
        qualified = p["about"].search(before) or p["after"].search(before) or p["before"].search(before)
        if m.group("sep") == "." and not has_intro and not ampm or \
                m.group("sep") == ":" and not (has_intro or ampm or qualified):
            continue  # "7.15" is a decimal ("about 10.35 km") and "0:28" a video's length unless an hour is introduced ("alle 7.15", "at 3:50")
        if m.group("m") is None and m.group("hw") is None and not (qualified and p["intro"].search(before)):
            continue  # a bare number is an hour only as "poco dopo le 8", "hacia las 9"
        h = int(m.group("h"))
        minutes = int(m.group("m") or 0)
        end = tail.end() if tail else m.end()
        dp = (tail.group("dp") if tail else None) or (m.group("hw") if m.group("hw") and m.group("hw").lower().startswith(("p.m", "pm")) else None)
        pm = bool(dp and p["pm"].search(dp)) or (m.group("hw") or "").lower() in ("p.m.", "pm")
        if dp and p["night"].search(dp):  # "at 11:30 Tuesday night", "a las 12:00 de la noche", "2:10 last night"
            pm = 6 <= h < 12
            if h == 12:
                h = 0
        if not dp and not ampm and h < 12:  # "Thursday afternoon ... at 2:27": the sentence's day part
            if day_part is None:  # searched once per call: linear in the sentence
                day_part = bool(p["pm_any"].search(text, lo, hi)) and not p["am_any"].search(text, lo, hi)
            pm = day_part
        if pm and h < 12:
            h += 12
        elif not pm and h == 12 and ((m.group("hw") or "").lower() in ("a.m.", "am") or (dp and p["am"].search(dp))):
            h = 0  # "12:30 a.m." is half past midnight
        t = h * 60 + minutes
        if p["after"].search(before):
            shortly = p["shortly_after"].search(before)
            low, high, q = t, t + (SHORTLY if shortly else BOUND), "range"  # "after 11 p.m." is a bound, "just after" a window
        elif p["before"].search(before):
            shortly = p["shortly"].search(before)
            low, high, q = max(0, t - (SHORTLY if shortly else BOUND)), t, "range"  # "before 4 a.m." is a bound, "just before" a window
        elif p["about"].search(before):
            low, high, q = t - ABOUT - (0 if m.group("m") else 5), t + ABOUT + (0 if m.group("m") else 5), "approximate"
        else:
            w = EXACT if m.group("m") else BARE
            low, high, q = t - w, t + w, "exact"
        out.append(ClockTime(m.start(), end, t, low, high, q))
    return out


def incident_time(text: str, lang: Optional[str], lo: int, hi: int, t: ClockTime, max_distance: int = 80) -> bool:
    """Whether a time says when the sentence's incident happened: an incident word or verb of
    happening stands within ``max_distance`` characters, and no word of the response (help
    arriving, a press conference) stands nearer to it."""
    p = _patterns(lang)
    if p is None:
        return False

    def dist(m: re.Match) -> int:
        return t.start - m.end() if m.end() <= t.start else (m.start() - t.end if m.start() >= t.end else 0)

    # only a window around the time matters (a cue farther than max_distance is no cue; a response
    # counts when nearer than the cue or in the clause before the time): linear in the text
    w_lo, w_hi = max(lo, t.start - RESPONSE_WINDOW), min(hi, t.end + max_distance + 40)
    found = [m for m in p["cues"].finditer(text, max(lo, t.start - max_distance - 40), w_hi)]
    if not found:
        return False
    cue = min(found, key=dist)
    if dist(cue) > max_distance or p["other_event"].search(text[max(lo, cue.start() - 25) : cue.start()]):
        return False  # no incident word near, or "another shooting"
    for r in p["response"].finditer(text, w_lo, w_hi):
        if dist(r) < dist(cue) or (r.end() <= t.start and not re.search(r"[.,;:!?]", text[r.end() : t.start])):
            return False  # "police responded to the call around 2:30 a.m.": the response's time
    return True


def fmt_clock(minutes: float) -> str:
    m = int(round(minutes)) % (24 * 60)
    return f"{m // 60:02d}:{m % 60:02d}"
