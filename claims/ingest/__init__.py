"""Loading documents: files, folders and in-memory texts -> :class:`claims.model.Document`.

>>> docs = load_documents(["seeds/", TextInput("Le texte.", title="Note")])

Formats (by file extension): plain text (``.txt`` and any unknown text extension), Markdown
(``.md``: kept as is; markup-only lines become boilerplate), HTML (``.html``/``.htm``: main text
extracted with trafilatura, which also gives title, url and date), JSON Lines (``.jsonl``: one
article per line, ``text`` required; ``title``, ``url``, ``source``, ``published``, ``id``,
``language`` optional) and JSON (``.json``: one such object or a list of them). Folders are read
recursively in sorted order, skipping hidden entries and files that are clearly not text
(images, PDF, archives...); a binary file with an unknown extension in a folder is skipped with a
warning, a binary file named explicitly is an error.

``Document.text`` is the decoded text with newlines normalised to ``\\n`` (see
:mod:`claims.ingest.decode`); for HTML it is trafilatura's extracted text. All offsets point into
it. Problems raise :class:`claims.errors.InputError` with a one-line message.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

from ..boilerplate import find_boilerplate, kept_spans
from ..errors import InputError
from ..langdetect import detect_language, sample_for_detection
from ..model import Document
from .dates import find_publication_date, parse_date_value
from .decode import decode_bytes
from .formats import RawDoc, looks_like_html, read_html, read_json, read_jsonl, read_markdown

__all__ = ["TextInput", "load_documents", "build_document", "SKIPPED_EXTENSIONS"]

log = logging.getLogger("claims.ingest")

Format = Literal["text", "markdown", "html"]


@dataclass
class TextInput:
    """An in-memory text to check, with optional metadata.

    ``published`` may be a date, a datetime or a string ("2024-12-12", "12 décembre 2024").
    ``format`` is "text", "markdown" or "html"; None reads HTML when the text starts like a page.
    """

    text: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | dt.datetime | str | None = None
    language: str | None = None
    format: Format | None = None


HTML_EXTENSIONS = {".html", ".htm", ".xhtml", ".shtml"}
MARKDOWN_EXTENSIONS = {".md", ".markdown", ".mdown", ".mkd", ".mkdn"}
JSONL_EXTENSIONS = {".jsonl", ".ndjson"}
JSON_EXTENSIONS = {".json"}
#: Extensions skipped silently inside folders (clearly not text).
SKIPPED_EXTENSIONS = {
    ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".ico", ".svg", ".heic", ".avif",
    ".mp3", ".mp4", ".wav", ".ogg", ".flac", ".m4a", ".avi", ".mov", ".mkv", ".webm", ".zip", ".gz", ".tgz",
    ".bz2", ".xz", ".7z", ".rar", ".tar", ".zst", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt",
    ".ods", ".odp", ".epub", ".exe", ".dll", ".so", ".dylib", ".bin", ".o", ".a", ".pyc", ".class", ".jar",
    ".whl", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".db", ".sqlite", ".pkl", ".pt", ".pth", ".onnx",
    ".npy", ".npz", ".parquet", ".arrow", ".safetensors", ".ckpt", ".h5", ".iso", ".dmg",
}

_LANG_CODE = re.compile(r"^([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*$")


# ----------------------------------------------------------------------------- helpers

def _domain(url: str | None) -> str | None:
    if not url:
        return None
    netloc = urlparse(url if "//" in url else "//" + url).hostname or ""
    netloc = netloc.lower()
    return netloc[4:] if netloc.startswith("www.") else (netloc or None)


def _language_code(value: str | None, where: str) -> str | None:
    if value is None or not value.strip():
        return None
    m = _LANG_CODE.match(value.strip())
    if not m:
        raise InputError(f"{where}: unknown language code {value!r} (expected ISO 639-1, e.g. 'fr')")
    return m.group(1).lower()


_HEADING_MARK = re.compile(r"^#{1,6}\s+")


def _guess_title(doc_text: str, kept: list) -> str | None:
    """The first kept line when it looks like a heading (short, no final period)."""
    if not kept:
        return None
    first = doc_text[kept[0].start:kept[0].end].split("\n", 1)[0].strip()
    first = _HEADING_MARK.sub("", first)
    words = first.split()
    if not words or len(words) > 25 or first.endswith((".", "…", ":", ";", ",")):
        return None
    return first


def build_document(raw: RawDoc, doc_id: str) -> Document:
    """Language, boilerplate, kept regions and publication date for one decoded text."""
    text = raw.text
    where = raw.path or doc_id
    language = _language_code(raw.language, where) or detect_language(sample_for_detection(text, 2000))
    removed = find_boilerplate(text, language)
    kept = kept_spans(text, removed)
    published, published_from = raw.published, None
    if published is not None:
        published_from = "metadata"
    else:
        published = find_publication_date(text, language)
        if published is not None:
            published_from = "text"
    return Document(
        id=doc_id,
        path=raw.path,
        title=raw.title or _guess_title(text, kept),
        url=raw.url,
        source=raw.source or _domain(raw.url) or raw.name,
        language=language,
        published=published,
        published_from=published_from,
        text=text,
        kept=kept,
        removed=removed,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


# ----------------------------------------------------------------------------- readers

def _read_file(path: Path, *, explicit: bool) -> list[RawDoc]:
    """Records of one file; ``explicit`` files that are binary raise, others are skipped."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        content = decode_bytes(data, str(path))
    except InputError:
        if explicit:
            raise
        log.warning("skipping %s: binary file, not text", path)
        return []
    suffix = path.suffix.lower()
    name = path.name
    stem = path.stem
    if suffix in JSONL_EXTENSIONS or suffix in JSON_EXTENSIONS:
        reader = read_jsonl if suffix in JSONL_EXTENSIONS else read_json
        records = []
        for n, rec in reader(content, str(path)):
            rec.id = rec.id or f"{stem}#{n}"
            rec.path = str(path)
            rec.name = name
            records.append(rec)
        return records
    sniff_html = suffix not in MARKDOWN_EXTENSIONS and suffix != ".txt" and looks_like_html(content)
    if suffix in HTML_EXTENSIONS or sniff_html:
        rec = read_html(content, str(path))
    elif suffix in MARKDOWN_EXTENSIONS:
        rec = read_markdown(content)
    else:
        rec = RawDoc(text=content)
    rec.id, rec.path, rec.name = stem, str(path), name
    return [rec]


def _walk(folder: Path, recursive: bool) -> list[Path]:
    files: list[Path] = []
    if recursive:
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            files.extend(Path(root, n) for n in names if not n.startswith("."))
    else:
        files = [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")]
    files = [p for p in files if p.suffix.lower() not in SKIPPED_EXTENSIONS and p.is_file()]
    return sorted(files, key=lambda p: p.relative_to(folder).parts)


def _from_path(path: Path, recursive: bool) -> list[RawDoc]:
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if path.is_dir():
        out: list[RawDoc] = []
        for f in _walk(path, recursive):
            out.extend(_read_file(f, explicit=False))
        return out
    return _read_file(path, explicit=True)


def _from_text(item: TextInput, n: int) -> RawDoc:
    where = item.id or f"text-{n}"
    if not isinstance(item.text, str):
        raise InputError(f"{where}: text must be a string")
    text = item.text.replace("\r\n", "\n").replace("\r", "\n")
    fmt = item.format or ("html" if looks_like_html(text) else "text")
    if fmt == "html":
        rec = read_html(text, where)
    elif fmt == "markdown":
        rec = read_markdown(text)
    elif fmt == "text":
        rec = RawDoc(text=text)
    else:
        raise InputError(f"{where}: unknown format {fmt!r} (expected text, markdown or html)")
    published = None
    if item.published is not None and item.published != "":
        published = parse_date_value(item.published, item.language)
        if published is None:
            raise InputError(f"{where}: cannot read the publication date {item.published!r}")
    rec.id = item.id or f"text-{n}"
    rec.title = item.title or rec.title
    rec.url = item.url or rec.url
    rec.source = item.source or rec.source
    rec.published = published or rec.published
    rec.language = item.language or rec.language
    return rec


def _unique(doc_id: str, used: set[str]) -> str:
    if doc_id not in used:
        return doc_id
    k = 2
    while f"{doc_id}-{k}" in used:
        k += 1
    return f"{doc_id}-{k}"


def _describe(inputs: Sequence[object]) -> str:
    names = [str(i) if not isinstance(i, TextInput) else (i.id or "text") for i in inputs]
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return shown or "no input given"


# ----------------------------------------------------------------------------- entry point

def load_documents(
    inputs: Sequence[str | os.PathLike[str] | TextInput] | str | os.PathLike[str] | TextInput,
    *,
    recursive: bool = True,
) -> list[Document]:
    """Read files, folders and in-memory texts into Documents, in input order.

    Ids are stable and unique: the file stem ("001_30bbff10be10f2e0"), ``<stem>#<line>`` or the
    record's ``id`` for JSON Lines, ``text-1``, ``text-2``... for in-memory texts (a clash gets
    ``-2``, ``-3``...). Empty texts are skipped with a warning; a corpus with no text at all
    raises ``InputError("empty corpus: ...")``.
    """
    if isinstance(inputs, (str, os.PathLike, TextInput)):
        inputs = [inputs]
    inputs = list(inputs)
    raws: list[RawDoc] = []
    n_text = 0
    for item in inputs:
        if isinstance(item, TextInput):
            n_text += 1
            raws.append(_from_text(item, n_text))
        elif isinstance(item, (str, os.PathLike)):
            if isinstance(item, str) and not item.strip():
                raise InputError("empty path given")
            raws.extend(_from_path(Path(item), recursive))
        else:
            raise InputError(f"unsupported input: {type(item).__name__} (expected a path or a TextInput)")

    used: set[str] = set()
    docs: list[Document] = []
    for raw in raws:
        if not raw.text.strip():
            log.warning("skipping %s: empty document", raw.path or raw.id)
            continue
        doc_id = _unique(raw.id or f"doc-{len(docs) + 1}", used)
        used.add(doc_id)
        docs.append(build_document(raw, doc_id))
    if not docs:
        raise InputError(f"empty corpus: no text found in {_describe(inputs)}")
    if not any(d.kept for d in docs):
        raise InputError(f"empty corpus: only boilerplate found in {_describe(inputs)}")
    return docs

