"""Loading documents: files, folders and in-memory texts -> :class:`claims.model.Document`.

>>> docs = load_documents(["seeds/", TextInput("Le texte.", title="Note")])

Formats (by file extension): plain text (``.txt`` and any unknown text extension), Markdown
(``.md``: kept as is; markup-only lines become boilerplate), HTML (``.html``/``.htm``: main text
extracted with trafilatura, which also gives title, url and date), JSON Lines (``.jsonl``: one
article per line, ``text`` required; ``title``, ``url``, ``source``, ``published``, ``id``,
``language`` optional) and JSON (``.json``: one such object or a list of them). Folders are read
recursively in sorted order, skipping hidden entries and files that are clearly not text
(images, PDF, archives...); a file in a folder that cannot be read (binary, unreadable, not a
regular file, a symlink leading outside the folder) is skipped with a warning and counted (see
:func:`collect_skipped`), the same problem with a file named explicitly is an error. No file is
read past :data:`MAX_FILE_BYTES`.

``Document.text`` is the decoded text with newlines normalised to ``\\n`` (see
:mod:`claims.ingest.decode`); for HTML it is trafilatura's extracted text. All offsets point into
it. Problems raise :class:`claims.errors.InputError` with a one-line message.
"""
from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import hashlib
import logging
import os
import re
import stat
from collections.abc import Iterator, Sequence
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

__all__ = ["TextInput", "load_documents", "build_document", "SKIPPED_EXTENSIONS", "MAX_FILE_BYTES", "Skipped",
           "collect_skipped", "following_links", "read_bytes"]

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

#: The most bytes read from one input file: a larger file (or an endless one such as /dev/zero)
#: is refused with one line instead of filling the memory.
MAX_FILE_BYTES = 100_000_000


@dataclass(frozen=True)
class Skipped:
    """A file inside a folder that was not read, and why."""

    path: str
    reason: str


_SKIPPED: contextvars.ContextVar[list[Skipped] | None] = contextvars.ContextVar("claims_skipped", default=None)
_FOLLOW_LINKS: contextvars.ContextVar[bool] = contextvars.ContextVar("claims_follow_links", default=False)


@contextlib.contextmanager
def following_links(follow: bool = True) -> Iterator[None]:
    """Inside the block, :func:`load_documents` follows symlinks that lead outside a folder
    (``claims check --follow-links``); by default they are skipped and reported."""
    token = _FOLLOW_LINKS.set(follow)
    try:
        yield
    finally:
        _FOLLOW_LINKS.reset(token)


@contextlib.contextmanager
def collect_skipped() -> Iterator[list[Skipped]]:
    """Collect the files that :func:`load_documents` skips inside folders (unreadable, binary,
    not a regular file, a symlink leading outside the folder) while the block runs.

    >>> with collect_skipped() as skipped:
    ...     docs = load_documents(["corpus/"])
    >>> len(skipped)
    """
    found: list[Skipped] = []
    token = _SKIPPED.set(found)
    try:
        yield found
    finally:
        _SKIPPED.reset(token)


def _skip(path: Path, reason: str) -> list[RawDoc]:
    log.warning("skipping %s: %s", path, reason)
    found = _SKIPPED.get()
    if found is not None:
        found.append(Skipped(str(path), reason))
    return []


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot read ({exc.strerror or exc})"


def read_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """The content of a regular file, at most ``max_bytes`` (default :data:`MAX_FILE_BYTES`);
    InputError (one line) otherwise.

    The file is opened without blocking and checked to be a regular file before anything is read:
    a FIFO would block forever and a device such as /dev/zero never ends.
    """
    if max_bytes is None:
        max_bytes = MAX_FILE_BYTES
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: {_os_reason(exc)}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{path}: not a regular file ({_file_type(st.st_mode)}); give text files or folders")
        if st.st_size > max_bytes:
            raise InputError(f"{path}: too large ({st.st_size:,} bytes; at most {max_bytes:,} bytes per file)")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks, size = [], 0
        while True:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:  # grew while being read
                raise InputError(f"{path}: too large (more than {max_bytes:,} bytes per file)")
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(f"{path}: {_os_reason(exc)}") from None
    finally:
        os.close(fd)


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a file"


def _read_file(path: Path, *, explicit: bool) -> list[RawDoc]:
    """Records of one file; problems with ``explicit`` files raise, files found in a folder are
    skipped (reported by a warning and to :func:`collect_skipped`)."""
    try:
        data = read_bytes(path)
    except InputError as exc:
        if explicit:
            raise
        return _skip(path, str(exc).removeprefix(f"{path}: "))
    try:
        content = decode_bytes(data, str(path))
    except InputError:
        if explicit:
            raise
        return _skip(path, "binary file, not text")
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


def _inside(path: Path, root: Path) -> bool:
    try:
        Path(os.path.realpath(path)).relative_to(root)
        return True
    except ValueError:
        return False


def _walk(folder: Path, recursive: bool, follow_links: bool = False) -> list[Path]:
    """The files to read in ``folder``, sorted. Hidden entries and clearly non-text extensions
    are left out silently; symlinks leading outside the folder (unless ``follow_links``) and
    entries that are not regular files are skipped and reported."""
    root = Path(os.path.realpath(folder))
    candidates: list[Path] = []
    if recursive:
        seen_dirs = {root}
        for top, dirs, names in os.walk(folder, followlinks=follow_links):
            keep = []
            for d in sorted(dirs):
                if d.startswith("."):
                    continue
                full = Path(top, d)
                if full.is_symlink():
                    real = Path(os.path.realpath(full))
                    if not follow_links:
                        if not _inside(full, root):
                            _skip(full, "a symlink to a folder outside the folder (not followed)")
                        continue  # a link inside the folder: its files are read where they are
                    if real in seen_dirs:
                        continue  # a loop, or a folder read already
                    seen_dirs.add(real)
                keep.append(d)
            dirs[:] = keep
            candidates.extend(Path(top, n) for n in names if not n.startswith("."))
    else:
        candidates = [p for p in folder.iterdir() if not p.name.startswith(".")]
    files: list[Path] = []
    for p in candidates:
        if p.suffix.lower() in SKIPPED_EXTENSIONS:
            continue
        if p.is_symlink() and not follow_links and not _inside(p, root):
            _skip(p, "a symlink leading outside the folder (not followed)")
            continue
        try:
            mode = p.stat().st_mode
        except OSError as exc:
            _skip(p, _os_reason(exc))
            continue
        if stat.S_ISDIR(mode):
            continue  # (not recursive)
        if not stat.S_ISREG(mode):
            _skip(p, f"not a regular file ({_file_type(mode)})")
            continue
        files.append(p)
    return sorted(files, key=lambda p: p.relative_to(folder).parts)


def _from_path(path: Path, recursive: bool, follow_links: bool = False) -> list[RawDoc]:
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if path.is_dir():
        out: list[RawDoc] = []
        for f in _walk(path, recursive, follow_links):
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
    follow_links: bool | None = None,
) -> list[Document]:
    """Read files, folders and in-memory texts into Documents, in input order.

    Ids are stable and unique: the file stem ("001_30bbff10be10f2e0"), ``<stem>#<line>`` or the
    record's ``id`` for JSON Lines, ``text-1``, ``text-2``... for in-memory texts (a clash gets
    ``-2``, ``-3``...). Empty texts are skipped with a warning; a corpus with no text at all
    raises ``InputError("empty corpus: ...")``.

    A file named explicitly must be a readable regular file of at most :data:`MAX_FILE_BYTES`
    (else InputError). Inside a folder, a file that cannot be read (permission, binary content,
    too large, a FIFO or device, a symlink leading outside the folder unless ``follow_links``, by
    default as set by :func:`following_links`) is skipped with a warning and reported to
    :func:`collect_skipped`; the rest is read.
    """
    if follow_links is None:
        follow_links = _FOLLOW_LINKS.get()
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
            raws.extend(_from_path(Path(item), recursive, follow_links))
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

