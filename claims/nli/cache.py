"""Persistent NLI result cache: one SQLite file, keyed by model fingerprint + pair hash.

The file lives in ``platformdirs.user_cache_dir("claims")`` (or ``$CLAIMS_CACHE_DIR``). It is
opened in WAL mode with a busy timeout and every write is one short transaction, so several
``claims`` processes can share it.
"""
from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

log = logging.getLogger("claims.nli")

_CHUNK = 500  # SQLite host-parameter budget per query


def cache_dir() -> Path:
    """The claims cache directory (``$CLAIMS_CACHE_DIR`` or the platform user cache dir)."""
    env = os.environ.get("CLAIMS_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("claims"))


def pair_key(premise: str, hypothesis: str) -> bytes:
    """16-byte hash of one (premise, hypothesis) pair."""
    h = hashlib.sha256()
    h.update(premise.encode("utf-8", "surrogatepass"))
    h.update(b"\x00\x1f\x00")
    h.update(hypothesis.encode("utf-8", "surrogatepass"))
    return h.digest()[:16]


class NLICache:
    """Stores the three probabilities of each (model, premise, hypothesis)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else cache_dir() / "nli.sqlite"
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self.disabled_reason: str | None = None

    def _connect(self) -> sqlite3.Connection | None:
        if self._conn is not None or self.disabled_reason:
            return self._conn
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), timeout=30.0, check_same_thread=False, isolation_level=None)
            conn.execute("PRAGMA busy_timeout=30000")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS nli (fp TEXT NOT NULL, k BLOB NOT NULL, "
                "e REAL NOT NULL, n REAL NOT NULL, c REAL NOT NULL, PRIMARY KEY (fp, k)) WITHOUT ROWID"
            )
        except (sqlite3.Error, OSError) as exc:
            self.disabled_reason = f"NLI cache disabled: cannot open {self.path}: {exc}"
            log.warning("claims: %s", self.disabled_reason)
            return None
        self._conn = conn
        return conn

    def get_many(self, fingerprint: str, pairs: Sequence[tuple[str, str]]) -> list[np.ndarray | None]:
        """Cached probabilities for each pair (None where missing), in input order."""
        keys = [pair_key(p, h) for p, h in pairs]
        found: dict[bytes, np.ndarray] = {}
        conn = self._connect()
        if conn is not None and keys:
            uniq = list(dict.fromkeys(keys))
            try:
                with self._lock:
                    for i in range(0, len(uniq), _CHUNK):
                        chunk = uniq[i : i + _CHUNK]
                        marks = ",".join("?" * len(chunk))
                        rows = conn.execute(
                            f"SELECT k, e, n, c FROM nli WHERE fp = ? AND k IN ({marks})", [fingerprint, *chunk]
                        ).fetchall()
                        for k, e, n, c in rows:
                            found[bytes(k)] = np.array([e, n, c], dtype=np.float64)
            except sqlite3.Error as exc:
                log.warning("claims: NLI cache read failed (%s); computing instead", exc)
                return [None] * len(keys)
        return [found.get(k) for k in keys]

    def put_many(self, fingerprint: str, pairs: Iterable[tuple[str, str]], probs: np.ndarray) -> None:
        """Store probabilities for pairs (one short transaction)."""
        conn = self._connect()
        if conn is None:
            return
        rows = [
            (fingerprint, pair_key(p, h), float(r[0]), float(r[1]), float(r[2]))
            for (p, h), r in zip(pairs, np.asarray(probs))
        ]
        if not rows:
            return
        try:
            with self._lock:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    conn.executemany("INSERT OR REPLACE INTO nli (fp, k, e, n, c) VALUES (?, ?, ?, ?, ?)", rows)
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
        except sqlite3.Error as exc:
            log.warning("claims: NLI cache write failed (%s); results not cached", exc)

    def count(self, fingerprint: str | None = None) -> int:
        """Number of cached pairs (for one model, or all)."""
        conn = self._connect()
        if conn is None:
            return 0
        with self._lock:
            if fingerprint is None:
                return int(conn.execute("SELECT COUNT(*) FROM nli").fetchone()[0])
            return int(conn.execute("SELECT COUNT(*) FROM nli WHERE fp = ?", (fingerprint,)).fetchone()[0])

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> "NLICache":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
