"""Checking what an editor sends (files, pasted text) before it is queued, and reading it.

Uploads are checked in the request: allowed extensions, size and count limits (files, and
articles: each record of a JSON Lines file counts), real text (not a binary file renamed
``.txt``), not empty. A rejected upload gets a clear one-line message and
nothing is added. Accepted items are read into Documents later, in the background run, where a
failure is reported on that article only.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Optional

from ..errors import InputError
from ..ingest import TextInput, load_documents
from ..ingest.dates import parse_date_value
from ..ingest.decode import decode_bytes
from ..model import Document

#: File extensions accepted by the upload form ("" = no extension, read as plain text).
ALLOWED_EXTENSIONS: tuple[str, ...] = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".jsonl", ".ndjson", ".json", "")
FORMATS = ("auto", "text", "markdown", "html")
_LANG = re.compile(r"^[A-Za-z]{2}$")


@dataclass(frozen=True)
class Limits:
    """Upload limits of the web app."""

    max_files: int = 20
    max_file_bytes: int = 2_000_000
    max_text_bytes: int = 2_000_000  # pasted text, UTF-8 bytes
    max_note_chars: int = 5_000
    max_documents: int = 200  # articles in one upload, counting each record of a JSON Lines file

    @property
    def max_body_bytes(self) -> int:
        """The largest request body accepted (files + pasted text + form overhead)."""
        return self.max_files * self.max_file_bytes + self.max_text_bytes + 256_000


@dataclass
class PendingItem:
    """An accepted article waiting to be read: an uploaded file or a pasted text."""

    name: str
    data: Optional[bytes] = None
    text: Optional[TextInput] = None
    documents: int = 1  # articles it holds (JSON Lines: one per record)

    def load(self) -> list[Document]:
        """Read the item into Documents (a JSON Lines file may hold several). InputError on failure.

        A file is read exactly as ``claims check`` reads it (id from the file stem, format from the
        extension), from a private temporary copy that is removed at once; ``Document.path`` is the
        uploaded file's name.
        """
        if self.text is not None:
            return load_documents([self.text])
        assert self.data is not None
        tmp = Path(tempfile.mkdtemp(prefix="claims-upload-"))
        try:
            path = tmp / self.name
            path.write_bytes(self.data)
            try:
                docs = load_documents([path])
            except InputError as exc:  # name the upload, never the server's temporary folder
                raise InputError(str(exc).replace(str(path), self.name).replace(str(tmp), "")) from None
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return [d.model_copy(update={"path": self.name}) for d in docs]


def safe_filename(name: str) -> str:
    """The base name of an uploaded file, reduced to letters, digits, ``._-`` (at most 100 chars).

    Any directory part (``../../etc/passwd``, ``C:\\x\\y.txt``) is dropped.
    """
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    base = unicodedata.normalize("NFC", base)
    base = re.sub(r"[^\w.\-]+", "_", base).strip("._")
    if not base:
        base = "upload.txt"
    stem, dot, ext = base.rpartition(".")
    if dot and len(ext) <= 10:
        return stem[: 100 - len(ext) - 1] + "." + ext
    return base[:100]


def _extension(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix


def check_file(filename: str, data: bytes, limits: Limits) -> PendingItem:
    """Accept one uploaded file or raise InputError with a one-line reason."""
    shown = filename or "(unnamed file)"
    name = safe_filename(filename)
    ext = _extension(name)
    if ext not in ALLOWED_EXTENSIONS:
        allowed = ", ".join(e for e in ALLOWED_EXTENSIONS if e)
        raise InputError(f"{shown}: not a text article ({ext} files are not accepted; use {allowed})")
    if len(data) > limits.max_file_bytes:
        raise InputError(f"{shown}: too large ({len(data):,} bytes; the limit is {limits.max_file_bytes:,} bytes per file)")
    try:
        text = decode_bytes(data, shown)
    except InputError:
        raise InputError(f"{shown}: not a text file (binary content); upload plain text, Markdown, HTML or JSON Lines") from None
    if not text.strip():
        raise InputError(f"{shown}: the file is empty")
    n = count_documents(text, ext)
    if n > limits.max_documents:
        raise InputError(f"{shown}: too many articles ({n:,} records; at most {limits.max_documents:,} per upload)")
    return PendingItem(name=name, data=data, documents=n)


def count_documents(text: str, ext: str) -> int:
    """How many articles a file holds: one, or one per record of JSON Lines / a JSON list."""
    if ext in (".jsonl", ".ndjson"):
        return sum(1 for line in text.split("\n") if line.strip())
    if ext == ".json":
        stripped = text.lstrip()
        if stripped.startswith("["):
            try:
                data = json.loads(stripped)
            except (ValueError, RecursionError):
                return 1  # the reader says what is wrong with it
            return len(data) if isinstance(data, list) else 1
    return 1


def check_paste(text: str, *, title: str = "", source: str = "", url: str = "", published: str = "",
                language: str = "", fmt: str = "auto", limits: Limits = Limits()) -> PendingItem:
    """Accept a pasted article or raise InputError with a one-line reason.

    Its id is ``text-<hash of the text>`` so pasting the same text twice adds it once.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("the pasted text is empty")
    if len(text.encode("utf-8")) > limits.max_text_bytes:
        raise InputError(f"the pasted text is too large (the limit is {limits.max_text_bytes:,} bytes)")
    language = language.strip().lower()
    if language and not _LANG.match(language):
        raise InputError(f"unknown language code {language!r} (use a two-letter code such as fr or en)")
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    published = published.strip()
    if published and parse_date_value(published, language or None) is None:
        raise InputError(f"cannot read the publication date {published!r} (use YYYY-MM-DD)")
    doc_id = "text-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    title = " ".join(title.split())[:300]
    item = TextInput(
        text=text,
        id=doc_id,
        title=title or None,
        url=url.strip()[:2000] or None,
        source=" ".join(source.split())[:200] or None,
        published=published or None,
        language=language or None,
        format=None if fmt == "auto" else fmt,  # type: ignore[arg-type]
    )
    return PendingItem(name=title or doc_id, text=item)
