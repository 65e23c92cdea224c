"""Safe decoding of input files: BOMs, UTF-8, cp1252/Latin-1 fallback, binary detection.

Offsets everywhere in `claims` point into the text returned by :func:`decode_bytes`: the bytes
decoded as described below, with ``\\r\\n`` and lone ``\\r`` turned into ``\\n`` and nothing
else changed (a UTF-8 file with ``\\n`` newlines decodes to exactly ``bytes.decode("utf-8")``).
"""
from __future__ import annotations

import codecs

from ..errors import InputError

_SNIFF = 8192
# Magic numbers of common binary formats (pdf, png, jpeg, gif, zip/docx/xlsx, gzip, ELF, ...).
_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF",
          b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\xd0\xcf\x11\xe0", b"OggS", b"RIFF", b"ID3",
          b"\x00\x00\x01\x00", b"wOFF", b"wOF2", b"SQLite format 3")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TEXT_CONTROLS = {9, 10, 12, 13, 27}  # tab, newline, form feed, carriage return, escape


def normalize_newlines(text: str) -> str:
    """Turn ``\\r\\n`` and lone ``\\r`` into ``\\n``."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _bom_encoding(data: bytes) -> tuple[str, int] | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when ``sample`` looks like BOM-less UTF-16 of mostly ASCII text."""
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    n = min(len(even), len(odd))
    zero_even, zero_odd = even.count(0) / n, odd.count(0) / n
    if zero_odd > 0.6 and zero_even < 0.05:
        return "utf-16-le"
    if zero_even > 0.6 and zero_odd < 0.05:
        return "utf-16-be"
    return None


def _utf32_without_bom(sample: bytes) -> str | None:
    """'utf-32-le' / 'utf-32-be' when ``sample`` looks like BOM-less UTF-32 text: in each group
    of four bytes the two high bytes are zero (every code point is below U+10000, as in any
    text) and the low byte mostly is not."""
    n = len(sample) // 4
    if n < 2:
        return None
    quads = [sample[i::4][:n] for i in range(4)]
    zero = [q.count(0) / n for q in quads]
    if zero[2] == 1.0 and zero[3] == 1.0 and zero[0] < 0.5:
        return "utf-32-le"
    if zero[0] == 1.0 and zero[1] == 1.0 and zero[3] < 0.5:
        return "utf-32-be"
    return None


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: a known binary signature, NUL bytes, many control bytes."""
    if _bom_encoding(data):
        return False
    sample = data[:_SNIFF]
    if sample.startswith(_MAGIC):
        return True
    if b"\x00" in sample:
        return _utf16_without_bom(sample) is None and _utf32_without_bom(sample) is None
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls / len(sample) > 0.05


def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """Decode file content to text; raise InputError for binary data.

    Order: BOM (UTF-8, UTF-16/32 LE/BE), BOM-less UTF-32 and UTF-16, strict UTF-8, then line by
    line: UTF-8 where a line is UTF-8, else cp1252 (bytes that cp1252 leaves undefined are read
    as Latin-1). Newlines are normalised to ``\\n``.
    """
    bom = _bom_encoding(data)
    if bom:
        enc, skip = bom
        try:
            return normalize_newlines(data[skip:].decode(enc))
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: cannot decode as {enc} despite its byte order mark ({exc.reason})") from None
    if b"\x00" in data[:_SNIFF]:
        for enc in (_utf32_without_bom(data[:_SNIFF]), _utf16_without_bom(data[:_SNIFF])):
            if enc:
                try:
                    text = data.decode(enc)
                except UnicodeDecodeError:
                    continue
                if "\x00" not in text:
                    return normalize_newlines(text)
        raise InputError(f"{name}: binary file, not text")
    if looks_binary(data):
        raise InputError(f"{name}: binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_lines(data)
    if "\x00" in text:
        raise InputError(f"{name}: binary file, not text")
    return normalize_newlines(text)


def _decode_lines(data: bytes) -> str:
    """Bytes that are not UTF-8 as a whole, decoded line by line: each line as UTF-8 when it is,
    else as cp1252. A file pasted together from UTF-8 and Latin-1 parts keeps its "€" and "é" on
    both sides (a whole-file cp1252 reading turns the UTF-8 "€" into "â‚¬")."""
    out: list[str] = []
    for line in data.split(b"\n"):
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(_decode_cp1252(line))
    return "\n".join(out)


def _decode_cp1252(data: bytes) -> str:
    """Decode ``data`` as cp1252, reading the five bytes cp1252 leaves undefined as Latin-1."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    out: list[str] = []
    for byte in data:
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)
