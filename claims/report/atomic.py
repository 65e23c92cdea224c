"""Atomic file writes: temp file in the same directory, fsync, ``os.replace``.

A reader sees either the old file or the complete new one, never a half-written report. On any
error the temp file is removed and an existing file is left untouched; a temp file left by a
killed run (``kill -9``) is removed by the next write of the same file. Several files can be
written as one (:func:`atomic_write_many`: all or none), and :func:`check_output` tells before
a run whether a path can be written at all.
"""
from __future__ import annotations

import os
import re
import secrets
import stat
import time
from pathlib import Path
from typing import Callable, Sequence, TextIO

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


def _process_started() -> float:
    """When this process started (epoch seconds): the start of "the run"."""
    now = time.time()
    try:
        with open("/proc/self/stat", "rb") as fh:
            started = int(fh.read().rsplit(b")", 1)[1].split()[19]) / os.sysconf("SC_CLK_TCK")
        with open("/proc/uptime", "rb") as fh:
            uptime = float(fh.read().split()[0])
        return min(now, now - (uptime - started))
    except (OSError, ValueError, IndexError, AttributeError):
        return now


#: Temp files of an earlier run older than this are debris of a killed writer (``kill -9``).
RUN_STARTED = _process_started()
_TEMP_NAME = re.compile(r"^\.(?P<name>.+)\.[0-9a-f]{8}\.tmp$")


def clean_stale_temps(target: str | os.PathLike, older_than: float | None = None) -> list[Path]:
    """Remove the temp files that an interrupted write of ``target`` left beside it
    (``.<name>.<8 hex>.tmp``, modified before ``older_than``, by default the start of this run).
    Returns the paths removed."""
    target = Path(target)
    limit = RUN_STARTED if older_than is None else older_than
    removed = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        m = _TEMP_NAME.match(entry.name)
        if not m or m.group("name") != target.name:
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < limit:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def check_output(path: str | os.PathLike) -> Path:
    """Check before any work that ``path`` can be written: its folder exists and is writable, it
    is not a folder. A temp file is created and removed to be sure (permissions, read-only
    file systems, quotas on creation). Raises a one-line ClaimsError; returns the target."""
    target = _check_target(path)
    try:
        fd, tmp = _create_temp(target)
    except OSError as exc:
        raise ClaimsError(f"cannot write {target}: {exc.strerror or exc}") from None
    os.close(fd)
    try:
        os.unlink(tmp)
    except OSError:
        pass
    return target


def _abort(fd: int, tmp: Path) -> None:
    if fd >= 0:
        try:
            os.close(fd)
        except OSError:
            pass
    try:
        os.unlink(tmp)
    except OSError:
        pass


def _one_line_error(target: Path, exc: BaseException, encoding: str) -> BaseException:
    if isinstance(exc, UnicodeEncodeError):
        return ClaimsError(f"cannot write {target}: text not encodable as {encoding} ({exc.reason})")
    if isinstance(exc, OSError):
        return ClaimsError(f"cannot write {target}: {exc.strerror or exc}")
    return exc


def _write_temp(target: Path, write: Callable[[TextIO], None], encoding: str, newline: str) -> Path:
    """Write a complete, fsynced temp file next to ``target``; on any error it is removed."""
    clean_stale_temps(target)
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
    except BaseException as exc:
        _abort(fd, tmp)
        err = _one_line_error(target, exc, encoding)
        if err is exc:
            raise
        raise err from None
    return tmp


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
    other exception from ``write`` propagates unchanged, after the temp file is removed. Temp
    files left beside ``path`` by an earlier, killed run are removed first.
    """
    return atomic_write_many([(path, write)], encoding=encoding, newline=newline)[0]


def atomic_write_many(
    items: Sequence[tuple[str | os.PathLike, Callable[[TextIO], None]]],
    *,
    encoding: str = "utf-8",
    newline: str = "",
) -> list[Path]:
    """Write several files as one: all of them, or none.

    Every file is first written completely to its temp file; only then are they moved into
    place. If a write fails, no target is touched; if a move fails, the targets already moved
    are put back as they were (their old content, or no file). Errors as in :func:`atomic_write`.
    """
    targets = [_check_target(p) for p, _ in items]
    seen: dict[Path, int] = {}
    for t in targets:
        key = Path(os.path.realpath(t))
        if key in seen:
            raise ClaimsError(f"cannot write {t} twice in one run")
        seen[key] = 1
    temps: list[Path] = []
    try:
        for target, (_, write) in zip(targets, items):
            temps.append(_write_temp(target, write, encoding, newline))
    except BaseException:
        for tmp in temps:
            _abort(-1, tmp)
        raise
    # keep the old files until every new one is in place
    backups: list[Path | None] = []
    for target in targets:
        backup = None
        if len(targets) > 1 and target.exists():
            try:
                fd, backup = _create_temp(target)
                os.close(fd)
                os.unlink(backup)
                os.link(target, backup)
            except OSError:
                backup = None  # no hard links here: a failed move cannot be undone for this one
        backups.append(backup)
    done = 0
    try:
        for target, tmp in zip(targets, temps):
            os.replace(tmp, target)
            done += 1
    except BaseException as exc:
        for target, backup in list(zip(targets, backups))[:done]:
            try:
                if backup is not None:
                    os.replace(backup, target)
                elif target.exists():
                    os.unlink(target)
            except OSError:
                pass
        for tmp in temps[done:]:
            _abort(-1, tmp)
        for backup in backups:
            if backup is not None:
                _abort(-1, backup)
        err = _one_line_error(targets[min(done, len(targets) - 1)], exc, encoding)
        if err is exc:
            raise
        raise err from None
    for backup in backups:
        if backup is not None:
            _abort(-1, backup)
    for target in {t.parent for t in targets}:
        _fsync_dir(target)
    return targets


def atomic_write_text(path: str | os.PathLike, text: str, *, encoding: str = "utf-8") -> Path:
    """Atomically replace ``path`` with ``text`` (no newline translation)."""
    return atomic_write(path, lambda fh: fh.write(text), encoding=encoding)
