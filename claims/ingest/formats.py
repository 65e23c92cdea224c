"""Readers for the input formats: HTML (trafilatura), JSON Lines / JSON, Markdown front matter.

Each reader returns :class:`RawDoc` records; :mod:`claims.ingest` turns them into Documents.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

from ..errors import InputError
from .dates import parse_date_value

log = logging.getLogger("claims.ingest")


@dataclass
class RawDoc:
    """A decoded document before boilerplate removal and sentence splitting."""

    text: str
    id: str | None = None
    path: str | None = None
    name: str | None = None  # file name, the source of last resort
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None  # from metadata only
    language: str | None = None


# --------------------------------------------------------------------------- HTML

def looks_like_html(text: str) -> bool:
    """True when ``text`` starts like an HTML page."""
    head = text.lstrip()[:200].lower()
    return head.startswith("<!doctype html") or head.startswith("<html") or (
        head.startswith("<") and ("<body" in text[:5000].lower() or "<head" in text[:2000].lower())
    )


def read_html(html: str, name: str) -> RawDoc:
    """Main text and metadata of an HTML page (trafilatura; a simple tag stripper as fallback)."""
    title = url = None
    published: dt.date | None = None
    text = ""
    try:
        import trafilatura

        extracted = trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # noqa: BLE001 - trafilatura can fail on odd markup; fall back
        log.debug("trafilatura failed on %s: %s", name, exc)
        extracted = None
    if extracted is not None:
        text = (getattr(extracted, "text", None) or "").strip()
        title = getattr(extracted, "title", None) or None
        url = getattr(extracted, "url", None) or None
        published = parse_date_value(getattr(extracted, "date", None))
    if not text:
        stripped = strip_tags(html)
        text = stripped.text
        title = title or stripped.title
    # the page's lang attribute is often a template default: the language is detected instead
    return RawDoc(text=text, title=title, url=url, published=published)


class _Stripper(HTMLParser):
    _SKIP = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
             "button", "select", "iframe", "head"}
    _BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
              "main", "tr", "table", "blockquote", "pre", "dd", "dt", "figcaption", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.in_title = False
        self.title = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in self._SKIP:
            self.skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in self._SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.skip:
            self.parts.append(data)


@dataclass
class Stripped:
    text: str
    title: str | None


def strip_tags(html: str) -> Stripped:
    """Visible text of ``html`` without navigation, scripts or forms: one line per block."""
    parser = _Stripper()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient; be safe anyway
        pass
    lines = [re.sub(r"[ \t\f\v\u00a0]+", " ", line).strip() for line in "".join(parser.parts).split("\n")]
    text = "\n".join(line for line in lines if line)
    title = re.sub(r"\s+", " ", unescape(parser.title)).strip() or None
    return Stripped(text=text, title=title)


# --------------------------------------------------------------------------- JSON Lines / JSON

def _record(obj: object, where: str) -> RawDoc:
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object with a 'text' field")
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}: missing or non-string 'text' field")
    for key in ("title", "url", "source", "language"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise InputError(f"{where}: field '{key}' must be a string")
    rid = obj.get("id")
    if rid is not None and not isinstance(rid, (str, int)):
        raise InputError(f"{where}: field 'id' must be a string or an integer")
    published = None
    if obj.get("published") not in (None, ""):
        published = parse_date_value(obj["published"], obj.get("language"))
        if published is None:
            raise InputError(f"{where}: cannot read the date in 'published': {obj['published']!r}")
    return RawDoc(
        text=text,
        id=str(rid) if rid is not None and str(rid).strip() else None,
        title=obj.get("title") or None,
        url=obj.get("url") or None,
        source=obj.get("source") or None,
        published=published,
        language=obj.get("language") or None,
    )


def read_jsonl(content: str, name: str) -> list[tuple[int, RawDoc]]:
    """(line number, record) for each non-blank line; a bad line raises InputError naming it."""
    out: list[tuple[int, RawDoc]] = []
    for lineno, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}:{lineno}: invalid JSON ({exc.msg} at column {exc.colno})") from None
        except RecursionError:
            raise InputError(f"{name}:{lineno}: JSON nested too deeply to be an article") from None
        out.append((lineno, _record(obj, f"{name}:{lineno}")))
    return out


def read_json(content: str, name: str) -> list[tuple[int, RawDoc]]:
    """A JSON file holding one article object or a list of them: (1-based index, record)."""
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}:{exc.lineno}: invalid JSON ({exc.msg})") from None
    except RecursionError:
        raise InputError(f"{name}: JSON nested too deeply to be an article") from None
    items = data if isinstance(data, list) else [data]
    return [(i, _record(obj, f"{name}: item {i}")) for i, obj in enumerate(items, start=1)]


# --------------------------------------------------------------------------- Markdown

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)


def markdown_metadata(text: str) -> dict[str, str]:
    """``key: value`` pairs of a YAML front matter block at the top of ``text`` (flat values only)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}
    meta: dict[str, str] = {}
    for line in m.group(1).split("\n"):
        kv = _KEY_VALUE.match(line)
        if kv and kv.group(2):
            meta[kv.group(1).lower()] = kv.group(2).strip().strip("\"'")
    return meta


def read_markdown(text: str) -> RawDoc:
    """Markdown is kept as is; title, date, url, source and language come from the front matter."""
    meta = markdown_metadata(text)
    title = meta.get("title")
    if not title:
        body = text[_FRONT_MATTER.match(text).end():] if _FRONT_MATTER.match(text) else text
        h = _MD_HEADING.search(body[:3000])
        title = h.group(1) if h else None
    date_value = meta.get("date") or meta.get("published")
    published = parse_date_value(date_value, meta.get("lang") or meta.get("language")) if date_value else None
    return RawDoc(
        text=text,
        title=title,
        url=meta.get("url") or meta.get("link"),
        source=meta.get("source"),
        published=published,
        language=meta.get("lang") or meta.get("language"),
    )
