"""Atomic file writes: temp file in the same directory, fsync, ``os.replace``.

A reader sees either the old file or the complete new one, never a half-written report. On any
error the temp file is removed and an existing file is left untouched.
"""
from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path
from typing import Callable, TextIO

from ..errors import ClaimsError


def _check_target(path: str | os.PathLike) -> Path:
    target = Path(path)
    if str(path) == "" or target.name in ("", ".", ".."):
        raise ClaimsError(f"invalid output path: {str(path)!r}")
    if target.is_symlink():  # write through the link, keep the link itself
        target = Path(os.path.realpath(target))
    parent = target.parent
    if not parent.exists():
        raise ClaimsError(f"cannot write {target}: directory {parent} does not exist")
    if not parent.is_dir():
        raise ClaimsError(f"cannot write {target}: {parent} is not a directory")
    if target.is_dir():
        raise ClaimsError(f"cannot write {target}: it is a directory")
    return target


def _create_temp(target: Path) -> tuple[int, Path]:
    """Create a fresh temp file next to ``target``; the usual umask applies to its mode."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise ClaimsError(f"cannot create a temporary file next to {target}")  # pragma: no cover


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable (POSIX); silently skipped where directories cannot be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(
    path: str | os.PathLike,
    write: Callable[[TextIO], None],
    *,
    encoding: str = "utf-8",
    newline: str = "",
) -> Path:
    """Call ``write(fh)`` on a temp file next to ``path``, then atomically move it into place.

    ``newline=""`` writes line endings exactly as given. Returns the path written.
    Raises :class:`ClaimsError` (one line) for a missing directory or an OS/encoding error; any
    other exception from ``write`` propagates unchanged, after the temp file is removed.
    """
    target = _check_target(path)
    try:
        fd, tmp = _create_temp(target)
    except OSError as exc:
        raise ClaimsError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        if target.exists():  # keep the permissions of the file we replace
            try:
                os.chmod(tmp, stat.S_IMODE(os.stat(target).st_mode))
            except OSError:
                pass
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as fh:
            fd = -1  # owned by fh now
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        if fd >= 0:
            os.close(fd)
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, UnicodeEncodeError):
            raise ClaimsError(f"cannot write {target}: text not encodable as {encoding} ({exc.reason})") from None
        if isinstance(exc, OSError):
            raise ClaimsError(f"cannot write {target}: {exc.strerror or exc}") from None
        raise
    _fsync_dir(target.parent)
    return target


def atomic_write_text(path: str | os.PathLike, text: str, *, encoding: str = "utf-8") -> Path:
    """Atomically replace ``path`` with ``text`` (no newline translation)."""
    return atomic_write(path, lambda fh: fh.write(text), encoding=encoding)
