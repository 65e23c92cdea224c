"""Who holds a post (sentences + entities -> office-holder findings for claims.extract).

An article that names the holder of a post that one person holds at a time ("Le préfet des
Hautes-Pyrénées, Jean-Marc Bertin", "Captain Nikos Drakos", "Betriebsratschef Uwe Brandstätter",
"Lucía Ferrándiz, la alcaldesa") claims that this person holds it. The posts, their title forms
per language and the words that say the person held it before or holds another post ("former",
"deputy", "ancien", "stellvertretende") are data: ``claims/data/posts.json``.

A title is tied to a person name (a PER entity) that follows it directly, after an optional
short qualifier ("of the Aegean Breeze", "des Hautes-Pyrénées") and comma, or that stands right
before it with a comma ("Lucía Ferrándiz, la alcaldesa"). Nothing else is guessed: a title with
no adjacent name makes no claim.
"""
from __future__ import annotations

import bisect
import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Optional, Sequence

from .context import fold, stop_words
from .entities import EntityMention
from .model import Sentence

MAX_QUALIFIER = 40  # characters of "of the Aegean Breeze" between a title and its holder's name
_QUALIFIER = re.compile(r"\s+(?:of(?: the)?|de(?: la| l['’])?|des|du|d['’]|del|de los|de las|der|des|von(?: der)?|di|della|del|dello|dei|do|da)"
                        r"\s*[^,;:.()]{1,%d}?\s*,?\s*" % MAX_QUALIFIER, re.I)
_DETERMINERS = r"(?:the|le|la|l['’]|el|der|die|il|lo|o|a)\s+"


@dataclass(frozen=True)
class Holder:
    post: str  # canonical post ("mayor")
    person: EntityMention
    qualifier: Optional[str]  # what the post is of ("Hautes-Pyrénées"), folded words
    start: int  # span of the title and the name (document offsets)
    end: int


@functools.lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(resources.files("claims").joinpath("data/posts.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=16)
def _titles(lang: Optional[str]) -> Optional[tuple[re.Pattern, dict[str, str], re.Pattern]]:
    posts = _data()["posts"]
    forms: list[tuple[str, str]] = []
    for post, table in posts.items():
        for form in table.get(lang or "", []):
            forms.append((form, post))
    if not forms:
        return None
    groups = {f"p{i}": post for i, (_, post) in enumerate(forms)}
    rx = re.compile("(?<![\\w-])(?:" + "|".join(f"(?P<p{i}>{form})" for i, (form, _) in enumerate(forms)) + ")(?![\\w-])", re.I)
    not_now = _data()["not_now"].get(lang or "", [])
    nn = re.compile("(?<![\\w-])(?:" + "|".join(not_now) + r")[\s-]*(?:" + _DETERMINERS + r")?$", re.I) if not_now else re.compile(r"(?!x)x")
    return rx, groups, nn


def post_titles(lang: Optional[str]) -> Optional[re.Pattern]:
    """The title forms of a language's posts (None when it has none)."""
    spec = _titles(lang)
    return spec[0] if spec else None


def find_holders(text: str, sent: Sentence, entities: Sequence[EntityMention], lang: Optional[str]) -> list[Holder]:
    """The post holders named in one sentence."""
    spec = _titles(lang)
    if spec is None:
        return []
    rx, groups, not_now = spec
    people = sorted((e for e in entities if e.label == "PER" and e.name), key=lambda e: e.start)
    starts = [e.start for e in people]
    ends = sorted(((e.end, i) for i, e in enumerate(people)))
    end_keys = [x for x, _ in ends]
    bodies = sorted((e for e in entities if e.label != "PER"), key=lambda e: e.end)
    body_ends = [e.end for e in bodies]
    out: list[Holder] = []
    for m in rx.finditer(text, sent.start, sent.end):
        if not_now.search(text[max(sent.start, m.start() - 30) : m.start()]):
            continue  # "the former mayor", "le premier adjoint au maire"
        if re.match(r"['’]s\b", text[m.end() : m.end() + 3]):
            continue  # "the mayor's office"
        post = groups[next(k for k, v in m.groupdict().items() if v is not None)]
        holder, qual = None, None
        i = bisect.bisect_left(starts, m.end())  # the first name after the title
        after = people[i] if i < len(people) else None
        if after is not None and after.start - m.end() <= MAX_QUALIFIER + 8:
            gap = text[m.end() : after.start]
            if re.fullmatch(r"\s*,?\s*", gap):
                holder = after
            else:
                q = _QUALIFIER.fullmatch(gap)
                if q:
                    holder, qual = after, gap
        if holder is None:
            j = bisect.bisect_right(end_keys, m.start())  # the last name ending before the title
            last = people[ends[j - 1][1]] if j else None
            if last is not None and re.fullmatch(r"\s*,\s*(?:" + _DETERMINERS + r")?", text[last.end : m.start()], re.I):
                holder = last
                q = _QUALIFIER.match(text[m.end() : min(sent.end, m.end() + MAX_QUALIFIER + 8)])
                qual = q.group(0) if q else None
        if holder is None:
            continue
        if qual is None:  # "Harrowgate CEO Daniel Okafor", "Northvale's chief executive": the body named before the title
            k = bisect.bisect_right(body_ends, m.start())
            body = bodies[k - 1] if k and re.fullmatch(r"(?:['’]s)?\s*", text[bodies[k - 1].end : m.start()]) else None
            if body is not None:
                qual = body.name or body.text
            else:  # a capitalised name the NER missed ("Lumen Path CEO"), not a sentence's first determiner
                run = re.search(r"((?:[A-Z][\w&'’-]*\s+){1,3})$", text[max(sent.start, m.start() - 40) : m.start()])
                if run:
                    words = [w for w in run.group(1).split() if w.casefold() not in stop_words(lang or "en")]
                    qual = " ".join(words) or None
        qual_words = None
        if qual:
            words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", qual) if w[:1].isupper()]
            qual_words = fold(" ".join(words)).strip() or None
        out.append(Holder(post, holder, qual_words, min(m.start(), holder.start), max(holder.end, m.end())))
    return out
