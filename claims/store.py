"""A persistent claim store: one SQLite file holding a corpus and its review states.

    store = ClaimStore("corpus.db")
    store.add_documents(load_documents(["seeds/"]))   # new / updated / unchanged / duplicate
    report = store.check(nli="none")                  # analyse what changed, cross-check everything
    store.set_review(fingerprint, "dismissed", "same tranche, different rounding")

or, in one call (what ``claims check --store FILE`` does)::

    report = check_with_store("corpus.db", ["seeds/"], nli="none")

What is stored: documents (the :class:`~claims.model.Document` JSON, its content hash, status and
error), sentences and claims per document (the per-document analysis, cached), the groups and
findings of the latest check, review states, and the runs of the web app (progress, outcomes).

Incremental work
    A document is re-analysed only when its *analysis key* changes: the sha256 of its text, its
    language and publication date (both feed the analysis), the pipeline's source code and the
    alias table. Adding articles therefore processes only new or changed ones; the cross-document
    stages (:func:`claims.pipeline.assemble`) then run over the whole corpus, which is cheap.
    A document whose analysis crashes is kept with ``status="error"`` and its message; it is left
    out of the report and the rest of the corpus is unaffected.

Document identity
    Documents are keyed by id (file stem, as in ``claims check``). The same id with a different
    text is a new version that replaces the old one; a new id whose text is already stored is a
    duplicate and is skipped. Texts given without an id get ``text-<hash>``.

Review states and finding fingerprints
    Group ids and claim ids are renumbered by each check, so a review is keyed by the finding's
    fingerprint (:func:`finding_fingerprint`): the group kind and, for both claims (order-free),
    the document's content hash, the claim's start/end offsets, kind and normalised value. A
    finding between claims of unchanged documents keeps its fingerprint, hence its review. Any
    edit to a document changes the fingerprints of its findings (they come back "open").
    When the verdict of a reviewed finding changes in a later check, the state and note are kept
    and the review is flagged ``changed`` (``Review.reviewed_verdict`` holds the verdict the editor
    saw) until the editor saves the review again.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import logging
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Optional, Sequence, Union

from .errors import AnalysisFailed, ClaimsError, InputError
from .model import Claim, Document, Finding, Group, NliInfo, Report, Review, Sentence, Stats

__all__ = [
    "ClaimStore",
    "StoreBusy",
    "StoreDamaged",
    "AddOutcome",
    "DocumentInfo",
    "RunInfo",
    "REVIEW_STATES",
    "check_with_store",
    "finding_fingerprint",
    "analysis_version",
]

log = logging.getLogger("claims.store")

STORE_SCHEMA = 1
APPLICATION = "claims-store"
REVIEW_STATES: tuple[str, ...] = ("open", "confirmed", "dismissed", "follow_up")
Progress = Callable[[str, int, int], None]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    analysis_key TEXT,
    status TEXT NOT NULL DEFAULT 'pending',
    error TEXT,
    mentions INTEGER NOT NULL DEFAULT 0,
    added TEXT NOT NULL,
    updated TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_sha ON documents(sha256);
CREATE TABLE IF NOT EXISTS sentences (
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start_off INTEGER NOT NULL,
    end_off INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (document, idx)
);
CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    final TEXT
);
CREATE INDEX IF NOT EXISTS claims_document ON claims(document);
CREATE TABLE IF NOT EXISTS groups (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    topic TEXT NOT NULL,
    has_conflict INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS findings (
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    verdict TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (group_id, position)
);
CREATE INDEX IF NOT EXISTS findings_fp ON findings(fingerprint);
CREATE TABLE IF NOT EXISTS reviews (
    fingerprint TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    verdict TEXT,
    updated TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS seen (
    fingerprint TEXT PRIMARY KEY,
    first_check INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS checks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    nli TEXT,
    nli_info TEXT NOT NULL,
    stats TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    stage TEXT NOT NULL DEFAULT '',
    done INTEGER NOT NULL DEFAULT 0,
    total INTEGER NOT NULL DEFAULT 0,
    message TEXT NOT NULL DEFAULT '',
    items TEXT NOT NULL DEFAULT '[]',
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS jobs (
    run INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    args TEXT NOT NULL DEFAULT '{}',
    attempts INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS job_items (
    run INTEGER NOT NULL REFERENCES jobs(run) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    data BLOB,
    text TEXT,
    PRIMARY KEY (run, position)
);
"""


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- keys and fingerprints

#: Parts of the package that do not change what the per-document analysis produces.
_NOT_ANALYSIS = {"web", "report", "nli", "store.py", "cli.py", "commands.py", "crosscheck.py", "evaluate_seeds.py", "__pycache__"}


@functools.lru_cache(maxsize=8)
def analysis_version(aliases: Optional[str] = None) -> str:
    """A hash of what the per-document analysis depends on: the pipeline's code and data, and the
    user's alias table. Cached analyses with another version are recomputed."""
    h = hashlib.sha256()
    root = Path(__file__).resolve().parent
    try:
        files = sorted(
            p for p in root.rglob("*")
            if p.is_file() and p.suffix in (".py", ".json", ".txt")
            and not (set(p.relative_to(root).parts) & _NOT_ANALYSIS)
        )
        for p in files:
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    except OSError:  # pragma: no cover - e.g. a zipped install
        from . import __version__

        h.update(str(__version__).encode())
    if aliases:
        try:
            h.update(Path(aliases).read_bytes())
        except OSError as exc:
            raise InputError(f"cannot read the alias table {aliases}: {exc.strerror or exc}") from None
    return h.hexdigest()[:24]


def _analysis_key(doc: Document, version: str) -> str:
    parts = [doc.sha256 or _text_sha(doc.text), doc.language or "", doc.published.isoformat() if doc.published else "", version]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def _text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _claim_key(claim: Claim, doc_sha: Mapping[str, str]) -> list[Any]:
    value = claim.value.model_dump(mode="json") if claim.value is not None else None
    return [doc_sha.get(claim.document, claim.document), claim.start, claim.end, claim.kind, value]


def finding_fingerprint(group_kind: str, a: Optional[Claim], b: Optional[Claim], doc_sha: Mapping[str, str],
                        a_id: str = "", b_id: str = "") -> str:
    """The stable identity of a finding across checks (see the module docstring).

    ``doc_sha`` maps document ids to content hashes; a missing claim falls back to its id.
    """
    ka = _claim_key(a, doc_sha) if a is not None else [a_id]
    kb = _claim_key(b, doc_sha) if b is not None else [b_id]
    pair = sorted(json.dumps(k, sort_keys=True, ensure_ascii=False) for k in (ka, kb))
    return hashlib.sha256(json.dumps([group_kind, *pair], ensure_ascii=False).encode()).hexdigest()[:32]


# --------------------------------------------------------------------------- small records

@dataclass
class AddOutcome:
    """What happened to one document given to :meth:`ClaimStore.add_documents`."""

    document: str
    status: str  # "added" | "updated" | "unchanged" | "duplicate"
    message: str = ""


@dataclass
class DocumentInfo:
    """A stored document with its processing status."""

    document: Document
    position: int
    status: str  # "pending" | "ok" | "error"
    error: Optional[str]
    claims: int
    sentences: int
    added: str
    updated: str


@dataclass
class RunInfo:
    """A web-app run (adding articles, re-checking): progress and per-article outcomes."""

    id: int
    kind: str
    status: str  # "queued" | "running" | "done" | "failed" | "interrupted"
    stage: str
    done: int
    total: int
    message: str
    items: list[dict[str, Any]] = field(default_factory=list)
    created: str = ""
    updated: str = ""

    @property
    def finished(self) -> bool:
        return self.status in ("done", "failed", "interrupted")

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "status": self.status, "stage": self.stage, "done": self.done,
            "total": self.total, "message": self.message, "items": self.items, "finished": self.finished,
            "created": self.created, "updated": self.updated,
        }


# --------------------------------------------------------------------------- the store

class StoreBusy(ClaimsError):
    """The store stayed locked (by another process or a long write) for the whole busy timeout."""


class StoreDamaged(ClaimsError):
    """The store file is not a readable SQLite database any more (corrupt, truncated)."""


_BUSY = ("database is locked", "database table is locked", "database is busy")
_SQLITE_MAX_INT = 2**63 - 1


class ClaimStore:
    """A corpus in one SQLite file. Safe to use from several threads (one connection per call).

    ``busy_timeout``: how long a call waits for a store locked by someone else before raising
    :class:`StoreBusy`. Every SQLite error comes out as one line: :class:`StoreBusy`,
    :class:`StoreDamaged` (a corrupt file) or :class:`ClaimsError`.
    """

    def __init__(self, path: Union[str, os.PathLike], *, busy_timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.busy_timeout = float(busy_timeout)
        if self.path.is_dir():
            raise InputError(f"store {self.path} is a directory, not a file")
        if not self.path.parent.is_dir():
            raise InputError(f"store {self.path}: folder {self.path.parent} does not exist")
        if self.path.exists() and not self.path.is_file():
            raise InputError(f"store {self.path} is not a regular file")
        try:
            self._init()
        except StoreDamaged as exc:
            raise StoreDamaged(f"{self.path} is not a claims store ({exc.__cause__ or exc})") from None
        except StoreBusy:
            raise
        except sqlite3.DatabaseError as exc:  # pragma: no cover - converted by _db
            raise ClaimsError(f"{self.path} is not a claims store ({exc})") from None

    # -- connection

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        try:
            con = sqlite3.connect(self.path, timeout=self.busy_timeout)
            try:
                con.row_factory = sqlite3.Row
                con.execute("PRAGMA foreign_keys = ON")
                con.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
                with con:
                    yield con
            finally:
                con.close()
        except sqlite3.OperationalError as exc:
            if any(b in str(exc).lower() for b in _BUSY):
                raise StoreBusy(f"the claim store {self.path} is busy (locked by another process for more than "
                                f"{self.busy_timeout:g} s); try again later") from None
            raise ClaimsError(f"claim store {self.path}: {_one_line(str(exc))}") from None
        except sqlite3.DatabaseError as exc:
            if type(exc) is sqlite3.DatabaseError:  # corrupt or not a database at all
                err = StoreDamaged(f"the claim store {self.path} is damaged ({_one_line(str(exc))}); restore it from a copy")
                err.__cause__ = exc
                raise err from exc
            raise

    def verify(self) -> None:
        """Read the whole file once (SQLite ``quick_check``): StoreDamaged when it is corrupt.

        What ``claims serve`` does at start, so that a damaged store is refused at once rather than
        on some later request."""
        with self._db() as con:
            rows = [r[0] for r in con.execute("PRAGMA quick_check(3)")]
        if rows != ["ok"]:
            raise StoreDamaged(f"the claim store {self.path} is damaged ({_one_line('; '.join(map(str, rows)))}); restore it from a copy")

    def _init(self) -> None:
        with self._db() as con:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if tables and "meta" not in tables:
                raise ClaimsError(f"{self.path} is an SQLite file but not a claims store")
            if "meta" in tables:
                row = con.execute("SELECT value FROM meta WHERE key='application'").fetchone()
                if row is None or row[0] != APPLICATION:
                    raise ClaimsError(f"{self.path} is an SQLite file but not a claims store")
                version = int(con.execute("SELECT value FROM meta WHERE key='schema'").fetchone()[0])
                if version > STORE_SCHEMA:
                    raise ClaimsError(f"store {self.path} has schema {version}; this version of claims reads {STORE_SCHEMA}")
        with self._db() as con:
            con.execute("PRAGMA journal_mode = WAL")
        with self._db() as con:
            con.executescript(_SCHEMA)
            con.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('application', ?)", (APPLICATION,))
            con.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', ?)", (str(STORE_SCHEMA),))

    # -- documents

    def add_documents(self, docs: Sequence[Document]) -> list[AddOutcome]:
        """Store documents: new ids are added, a changed text or metadata replaces the stored
        version, an identical one is left alone, a known text under a new id is skipped.

        Nothing is analysed here; :meth:`check` analyses what is new or changed.
        """
        outcomes: list[AddOutcome] = []
        now = _now()
        with self._db() as con:
            for doc in docs:
                sha = doc.sha256 or _text_sha(doc.text)
                if doc.sha256 is None:
                    doc = doc.model_copy(update={"sha256": sha})
                data = doc.model_dump_json()
                row = con.execute("SELECT data, sha256 FROM documents WHERE id=?", (doc.id,)).fetchone()
                if row is None:
                    dup = con.execute("SELECT id FROM documents WHERE sha256=? LIMIT 1", (sha,)).fetchone()
                    if dup is not None:
                        outcomes.append(AddOutcome(doc.id, "duplicate", f"same text as document {dup[0]}; skipped"))
                        continue
                    pos = con.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM documents").fetchone()[0]
                    con.execute(
                        "INSERT INTO documents(id, position, sha256, status, added, updated, data) VALUES (?,?,?,?,?,?,?)",
                        (doc.id, pos, sha, "pending", now, now, data),
                    )
                    outcomes.append(AddOutcome(doc.id, "added"))
                elif row["data"] == data:
                    outcomes.append(AddOutcome(doc.id, "unchanged"))
                else:
                    changed_text = row["sha256"] != sha
                    con.execute("UPDATE documents SET data=?, sha256=?, updated=? WHERE id=?", (data, sha, now, doc.id))
                    if changed_text:
                        self._clear_analysis(con, doc.id)
                    outcomes.append(AddOutcome(doc.id, "updated", "new text" if changed_text else "new metadata"))
        return outcomes

    @staticmethod
    def _clear_analysis(con: sqlite3.Connection, doc_id: str) -> None:
        con.execute("DELETE FROM sentences WHERE document=?", (doc_id,))
        con.execute("DELETE FROM claims WHERE document=?", (doc_id,))
        con.execute("UPDATE documents SET analysis_key=NULL, status='pending', error=NULL, mentions=0 WHERE id=?", (doc_id,))

    def remove_document(self, doc_id: str) -> bool:
        """Delete a document with its sentences and claims; True when it existed.

        Groups keep referring to its claims until the next :meth:`check`.
        """
        with self._db() as con:
            cur = con.execute("DELETE FROM documents WHERE id=?", (doc_id,))
            return cur.rowcount > 0

    def documents(self) -> list[DocumentInfo]:
        """Every stored document in corpus order, with status and counts."""
        return self._document_infos("", ())

    def _document_infos(self, where: str, args: tuple[Any, ...]) -> list[DocumentInfo]:
        with self._db() as con:
            rows = con.execute(
                "SELECT d.*, (SELECT COUNT(*) FROM claims c WHERE c.document=d.id) AS n_claims,"
                " (SELECT COUNT(*) FROM sentences s WHERE s.document=d.id) AS n_sentences"
                f" FROM documents d {where} ORDER BY position", args
            ).fetchall()
        return [
            DocumentInfo(
                document=Document.model_validate_json(r["data"]), position=r["position"], status=r["status"],
                error=r["error"], claims=r["n_claims"], sentences=r["n_sentences"], added=r["added"], updated=r["updated"],
            )
            for r in rows
        ]

    def document(self, doc_id: str) -> Optional[DocumentInfo]:
        """One stored document, or None."""
        return next(iter(self._document_infos("WHERE d.id=?", (doc_id,))), None)

    def document_counts(self) -> dict[str, int]:
        """``{"documents": n, "ok": n, "error": n, "pending": n}``."""
        with self._db() as con:
            rows = con.execute("SELECT status, COUNT(*) FROM documents GROUP BY status").fetchall()
        counts = {"documents": 0, "ok": 0, "error": 0, "pending": 0}
        for status, n in rows:
            counts[status] = n
            counts["documents"] += n
        return counts

    # -- analysis and check

    def _analyse_pending(self, aliases: Optional[str], progress: Optional[Progress], retry_errors: bool = False,
                         analyse: Optional[Callable[..., Any]] = None) -> None:
        from . import pipeline

        version = analysis_version(aliases)
        with self._db() as con:
            rows = con.execute("SELECT id, data, analysis_key, status FROM documents ORDER BY position").fetchall()
        todo = []
        for r in rows:
            doc = Document.model_validate_json(r["data"])
            key = _analysis_key(doc, version)
            if r["analysis_key"] != key or (retry_errors and r["status"] == "error"):
                todo.append((doc, key))
        for i, (doc, key) in enumerate(todo):
            if progress:
                progress(f"analysing {doc.id}", i, len(todo))
            try:
                result = (analyse or pipeline.analyse_document)(doc, aliases=aliases)
            except Exception as exc:  # one article's crash must not lose the corpus
                if isinstance(exc, AnalysisFailed):
                    log.warning("analysis of %s failed: %s", doc.id, exc)
                    msg = _one_line(f"analysis failed: {exc}")
                else:
                    log.exception("analysis of %s failed", doc.id)
                    msg = _one_line(f"analysis failed: {type(exc).__name__}: {exc}")
                with self._db() as con:
                    self._clear_analysis(con, doc.id)
                    con.execute("UPDATE documents SET analysis_key=?, status='error', error=?, updated=? WHERE id=?",
                                (key, msg, _now(), doc.id))
                continue
            with self._db() as con:
                if con.execute("SELECT 1 FROM documents WHERE id=?", (doc.id,)).fetchone() is None:
                    continue  # removed meanwhile
                self._clear_analysis(con, doc.id)
                con.executemany(
                    "INSERT INTO sentences(document, idx, start_off, end_off, text) VALUES (?,?,?,?,?)",
                    [(doc.id, s.index, s.start, s.end, s.text) for s in result.sentences],
                )
                con.executemany(
                    "INSERT INTO claims(id, document, position, kind, data) VALUES (?,?,?,?,?)",
                    [(c.id, doc.id, n, c.kind, c.model_dump_json()) for n, c in enumerate(result.claims)],
                )
                con.execute("UPDATE documents SET analysis_key=?, status='ok', error=NULL, mentions=?, updated=? WHERE id=?",
                            (key, result.mentions, _now(), doc.id))
        if progress:
            progress("analysed", len(todo), len(todo))

    def _results(self) -> list[Any]:
        """DocumentResults of every analysed document (fresh objects from the cache)."""
        from .pipeline import DocumentResult

        with self._db() as con:
            docs = con.execute("SELECT id, data, mentions FROM documents WHERE status='ok' ORDER BY position").fetchall()
            sents = con.execute("SELECT * FROM sentences ORDER BY document, idx").fetchall()
            claims = con.execute("SELECT document, data FROM claims ORDER BY document, position").fetchall()
        by_doc_s: dict[str, list[Sentence]] = {}
        for s in sents:
            by_doc_s.setdefault(s["document"], []).append(
                Sentence(document=s["document"], index=s["idx"], start=s["start_off"], end=s["end_off"], text=s["text"]))
        by_doc_c: dict[str, list[Claim]] = {}
        for c in claims:
            by_doc_c.setdefault(c["document"], []).append(Claim.model_validate_json(c["data"]))
        return [
            DocumentResult(Document.model_validate_json(d["data"]), by_doc_s.get(d["id"], []), d["mentions"], by_doc_c.get(d["id"], []))
            for d in docs
        ]

    def check(
        self,
        *,
        nli: Optional[str] = None,
        nli_required: bool = False,
        aliases: Optional[str] = None,
        kinds_config: Optional[str] = None,
        progress: Optional[Progress] = None,
        retry_errors: bool = False,
        analyse: Optional[Callable[..., Any]] = None,
    ) -> Report:
        """Analyse new or changed documents, cross-check the whole corpus, save groups and
        findings, and return the report with review states.

        A document whose analysis failed is retried when its analysis key changes, or always with
        ``retry_errors``. ``progress(stage, done, total)`` is called as documents are analysed.
        ``analyse(doc, aliases=...)`` replaces :func:`claims.pipeline.analyse_document` (the web
        app analyses in a separate process, with a deadline per document); an
        :class:`~claims.errors.AnalysisFailed` it raises is that document's error message.
        """
        import time

        from .pipeline import assemble

        t0 = time.perf_counter()
        self._analyse_pending(aliases, progress, retry_errors, analyse)
        results = self._results()
        if progress:
            progress("cross-checking", 0, 1)
        if results:
            report = assemble(results, nli=nli, nli_required=nli_required, kinds_config=kinds_config, started=t0)
        else:
            report = Report(documents=[], claims=[], groups=[], nli=NliInfo(note="empty corpus"),
                            created=dt.datetime.now(dt.timezone.utc).replace(microsecond=0))
        self._save_check(report, nli)
        if progress:
            progress("cross-checked", 1, 1)
        out = self.report()
        assert out is not None
        return out

    def _save_check(self, report: Report, nli: Optional[str]) -> None:
        doc_sha = {d.id: d.sha256 or _text_sha(d.text) for d in report.documents}
        claims = {c.id: c for c in report.claims}
        with self._db() as con:
            cur = con.execute(
                "INSERT INTO checks(created, nli, nli_info, stats) VALUES (?,?,?,?)",
                ((report.created or dt.datetime.now(dt.timezone.utc)).isoformat(), nli,
                 report.nli.model_dump_json(), report.stats.model_dump_json()),
            )
            check_id = cur.lastrowid
            con.execute("DELETE FROM findings")
            con.execute("DELETE FROM groups")
            con.execute("UPDATE claims SET final=NULL")
            con.executemany("UPDATE claims SET final=? WHERE id=?", [(c.model_dump_json(), c.id) for c in report.claims])
            for gpos, g in enumerate(report.groups):
                con.execute(
                    "INSERT INTO groups(id, position, kind, topic, has_conflict, data) VALUES (?,?,?,?,?,?)",
                    (g.id, gpos, g.kind, g.topic, int(g.has_conflict), g.model_dump_json(exclude={"findings"})),
                )
                for fpos, f in enumerate(g.findings):
                    fp = finding_fingerprint(g.kind, claims.get(f.a), claims.get(f.b), doc_sha, f.a, f.b)
                    con.execute(
                        "INSERT INTO findings(group_id, position, fingerprint, a, b, verdict, data) VALUES (?,?,?,?,?,?,?)",
                        (g.id, fpos, fp, f.a, f.b, f.verdict, f.model_dump_json(exclude={"review"})),
                    )
                    con.execute("INSERT OR IGNORE INTO seen(fingerprint, first_check) VALUES (?,?)", (fp, check_id))

    # -- reading the report

    def last_check(self) -> Optional[dict[str, Any]]:
        """``{"id", "created", "nli", "first"}`` of the latest check (``first``: the id of the first one), or None."""
        with self._db() as con:
            row = con.execute("SELECT id, created, nli FROM checks ORDER BY id DESC LIMIT 1").fetchone()
            first = con.execute("SELECT MIN(id) FROM checks").fetchone()[0]
        if row is None:
            return None
        return {"id": row["id"], "created": row["created"], "nli": row["nli"], "first": first}

    def new_fingerprints(self) -> set[str]:
        """Fingerprints of the current findings first seen in the latest check (empty after the first check)."""
        last = self.last_check()
        if last is None or last["id"] == last["first"]:
            return set()
        with self._db() as con:
            rows = con.execute(
                "SELECT f.fingerprint FROM findings f JOIN seen s ON s.fingerprint=f.fingerprint WHERE s.first_check=?",
                (last["id"],),
            ).fetchall()
        return {r[0] for r in rows}

    def report(self, *, with_reviews: bool = True) -> Optional[Report]:
        """The report of the latest check (None before the first one), review states attached to
        every finding (``Finding.review``, with its fingerprint) unless ``with_reviews`` is False."""
        with self._db() as con:
            chk = con.execute("SELECT * FROM checks ORDER BY id DESC LIMIT 1").fetchone()
            if chk is None:
                return None
            docs = [Document.model_validate_json(r[0]) for r in
                    con.execute("SELECT data FROM documents WHERE status='ok' ORDER BY position")]
            ok = {d.id for d in docs}
            sentences = [
                Sentence(document=r["document"], index=r["idx"], start=r["start_off"], end=r["end_off"], text=r["text"])
                for r in con.execute("SELECT * FROM sentences ORDER BY document, idx") if r["document"] in ok
            ]
            order = {d.id: i for i, d in enumerate(docs)}
            crow = con.execute("SELECT document, position, data, final FROM claims").fetchall()
            crow = sorted((r for r in crow if r["document"] in ok), key=lambda r: (order[r["document"]], r["position"]))
            claims = [Claim.model_validate_json(r["final"] or r["data"]) for r in crow]
            groups_rows = con.execute("SELECT id, data FROM groups ORDER BY position").fetchall()
            findings_rows = con.execute("SELECT group_id, fingerprint, data FROM findings ORDER BY group_id, position").fetchall()
            reviews = {r["fingerprint"]: r for r in con.execute("SELECT * FROM reviews")} if with_reviews else {}
        sentences.sort(key=lambda s: (order[s.document], s.index))
        by_group: dict[str, list[Finding]] = {}
        for r in findings_rows:
            f = Finding.model_validate_json(r["data"])
            if with_reviews:
                f.review = _review(r["fingerprint"], f.verdict, reviews.get(r["fingerprint"]))
            by_group.setdefault(r["group_id"], []).append(f)
        groups = []
        for r in groups_rows:
            g = Group.model_validate_json(r["data"])
            g.findings = by_group.get(r["id"], [])
            groups.append(g)
        stats = Stats.model_validate_json(chk["stats"])
        return Report(
            created=dt.datetime.fromisoformat(chk["created"]),
            documents=docs,
            sentences=sentences,
            claims=claims,
            groups=groups,
            nli=NliInfo.model_validate_json(chk["nli_info"]),
            stats=stats,
        )

    # -- reviews

    def set_review(self, fingerprint: str, state: str, note: Optional[str] = None) -> Review:
        """Save an editor's review of a current finding; ``note=None`` keeps the stored note.

        Raises ``InputError`` for an unknown state or a fingerprint not among the current findings.
        """
        if state not in REVIEW_STATES:
            raise InputError(f"unknown review state {state!r}; use one of: {', '.join(REVIEW_STATES)}")
        with self._db() as con:
            row = con.execute("SELECT verdict FROM findings WHERE fingerprint=? LIMIT 1", (fingerprint,)).fetchone()
            if row is None:
                raise InputError(f"no current finding has the fingerprint {fingerprint!r}")
            old = con.execute("SELECT note FROM reviews WHERE fingerprint=?", (fingerprint,)).fetchone()
            if note is None:
                note = old["note"] if old is not None else ""
            now = _now()
            con.execute(
                "INSERT INTO reviews(fingerprint, state, note, verdict, updated) VALUES (?,?,?,?,?)"
                " ON CONFLICT(fingerprint) DO UPDATE SET state=excluded.state, note=excluded.note,"
                " verdict=excluded.verdict, updated=excluded.updated",
                (fingerprint, state, note, row["verdict"], now),
            )
            rev = con.execute("SELECT * FROM reviews WHERE fingerprint=?", (fingerprint,)).fetchone()
        return _review(fingerprint, row["verdict"], rev)

    def reviews(self) -> dict[str, Review]:
        """Every stored review by fingerprint (including those of findings no longer present)."""
        with self._db() as con:
            rows = con.execute("SELECT * FROM reviews").fetchall()
        return {r["fingerprint"]: _review(r["fingerprint"], r["verdict"], r) for r in rows}

    # -- runs (progress of the web app's background work)

    def create_run(self, kind: str, total: int = 0, message: str = "") -> int:
        """A new queued run; returns its id."""
        now = _now()
        with self._db() as con:
            cur = con.execute("INSERT INTO runs(kind, status, total, message, created, updated) VALUES (?,?,?,?,?,?)",
                              (kind, "queued", total, message, now, now))
            return int(cur.lastrowid)

    def update_run(self, run_id: int, **fields: Any) -> None:
        """Update ``status``, ``stage``, ``done``, ``total``, ``message`` or ``items`` of a run."""
        allowed = {"status", "stage", "done", "total", "message", "items"}
        bad = set(fields) - allowed
        if bad:
            raise ValueError(f"unknown run fields: {sorted(bad)}")
        if "items" in fields:
            fields["items"] = json.dumps(fields["items"], ensure_ascii=False)
        fields["updated"] = _now()
        cols = ", ".join(f"{k}=?" for k in fields)
        with self._db() as con:
            con.execute(f"UPDATE runs SET {cols} WHERE id=?", (*fields.values(), run_id))

    def get_run(self, run_id: int) -> Optional[RunInfo]:
        if not -_SQLITE_MAX_INT <= run_id <= _SQLITE_MAX_INT:
            return None  # no run has an id SQLite cannot even store
        with self._db() as con:
            r = con.execute("SELECT * FROM runs WHERE id=?", (run_id,)).fetchone()
        return _run_info(r) if r is not None else None

    def runs(self, limit: int = 10) -> list[RunInfo]:
        """The latest runs, newest first."""
        with self._db() as con:
            rows = con.execute("SELECT * FROM runs ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [_run_info(r) for r in rows]

    # -- the job queue of the web app: it lives here, so that it survives a killed server

    def enqueue(self, kind: str, *, total: int = 0, message: str = "", args: Optional[dict[str, Any]] = None,
                items: Sequence[tuple[str, Optional[bytes], Optional[str]]] = ()) -> int:
        """A new queued run with its job: ``kind`` ("add", "check", "remove"), JSON ``args`` and
        the uploaded ``items`` as (name, file bytes or None, pasted-text JSON or None). One
        transaction: the run is never there without what it needs. Returns the run id."""
        now = _now()
        with self._db() as con:
            cur = con.execute("INSERT INTO runs(kind, status, total, message, created, updated) VALUES (?,?,?,?,?,?)",
                              (kind, "queued", total, message, now, now))
            run_id = int(cur.lastrowid)
            con.execute("INSERT INTO jobs(run, kind, args) VALUES (?,?,?)", (run_id, kind, json.dumps(args or {})))
            con.executemany("INSERT INTO job_items(run, position, name, data, text) VALUES (?,?,?,?,?)",
                            [(run_id, i, name, data, text) for i, (name, data, text) in enumerate(items)])
        return run_id

    def job(self, run_id: int) -> Optional[dict[str, Any]]:
        """``{"run", "kind", "args", "attempts", "items": [(name, data, text), ...]}`` of a queued job, or None."""
        with self._db() as con:
            row = con.execute("SELECT * FROM jobs WHERE run=?", (run_id,)).fetchone()
            if row is None:
                return None
            items = [(r["name"], r["data"], r["text"])
                     for r in con.execute("SELECT name, data, text FROM job_items WHERE run=? ORDER BY position", (run_id,))]
        return {"run": run_id, "kind": row["kind"], "args": json.loads(row["args"] or "{}"), "attempts": row["attempts"],
                "items": items}

    def start_job(self, run_id: int) -> int:
        """Mark a job's run running and count the attempt; returns the attempt number (1 = first)."""
        with self._db() as con:
            con.execute("UPDATE jobs SET attempts = attempts + 1 WHERE run=?", (run_id,))
            con.execute("UPDATE runs SET status='running', updated=? WHERE id=?", (_now(), run_id))
            row = con.execute("SELECT attempts FROM jobs WHERE run=?", (run_id,)).fetchone()
        return int(row[0]) if row is not None else 0

    def finish_job(self, run_id: int) -> None:
        """The job is over (its run is done or failed): drop its queued data."""
        with self._db() as con:
            con.execute("DELETE FROM jobs WHERE run=?", (run_id,))

    def recover_runs(self, max_attempts: int = 2) -> tuple[list[int], int]:
        """After a server stopped (even by ``kill -9``): the runs to resume, in order, and how many
        were given up.

        A queued run resumes. A run that was running resumes too (adding the same articles again is
        harmless: unchanged documents are left alone), unless it was started ``max_attempts``
        times already: then it is marked failed, and each of its articles says it was not
        processed, so nothing goes missing silently. A run left without a job (a store of an
        older version) is marked interrupted.
        """
        resume: list[int] = []
        failed = 0
        with self._db() as con:
            rows = con.execute("SELECT r.id, r.status, r.items, j.attempts, j.run AS job FROM runs r LEFT JOIN jobs j"
                               " ON j.run = r.id WHERE r.status IN ('queued', 'running') ORDER BY r.id").fetchall()
            for r in rows:
                if r["job"] is None:
                    con.execute("UPDATE runs SET status='interrupted', message='the server stopped before this run finished',"
                                " updated=? WHERE id=?", (_now(), r["id"]))
                    failed += 1
                elif r["attempts"] >= max_attempts:
                    names = [n for (n,) in con.execute("SELECT name FROM job_items WHERE run=? ORDER BY position", (r["id"],))]
                    known = {i.get("name"): i for i in json.loads(r["items"] or "[]")}
                    items = []
                    for n in names:
                        it = known.get(n) or {"name": n, "documents": []}
                        if it.get("status") not in ("added", "updated", "unchanged", "duplicate"):
                            it = {**it, "status": "error", "message": "not processed: the server stopped while running this run"}
                        items.append(it)
                    con.execute("UPDATE runs SET status='failed', stage='failed', items=?, updated=?, message=? WHERE id=?",
                                (json.dumps(items, ensure_ascii=False), _now(),
                                 f"the server stopped {r['attempts']} times while running this run; given up", r["id"]))
                    con.execute("DELETE FROM jobs WHERE run=?", (r["id"],))
                    failed += 1
                else:
                    con.execute("UPDATE runs SET status='queued', message=?, updated=? WHERE id=?",
                                ("resumed after a server restart" if r["status"] == "running" else "queued", _now(), r["id"]))
                    resume.append(int(r["id"]))
        return resume, failed

    def interrupt_stale_runs(self) -> int:
        """Mark runs left queued or running by a stopped server as interrupted; returns how many."""
        with self._db() as con:
            cur = con.execute("UPDATE runs SET status='interrupted', message='the server stopped before this run finished',"
                              " updated=? WHERE status IN ('queued', 'running')", (_now(),))
            return cur.rowcount


def _review(fingerprint: str, verdict: Optional[str], row: Optional[sqlite3.Row]) -> Review:
    if row is None:
        return Review(fingerprint=fingerprint)
    reviewed = row["verdict"]
    return Review(
        state=row["state"],
        note=row["note"],
        fingerprint=fingerprint,
        updated=dt.datetime.fromisoformat(row["updated"]),
        reviewed_verdict=reviewed,
        changed=bool(reviewed and verdict and reviewed != verdict),
    )


def _run_info(r: sqlite3.Row) -> RunInfo:
    return RunInfo(id=r["id"], kind=r["kind"], status=r["status"], stage=r["stage"], done=r["done"], total=r["total"],
                   message=r["message"], items=json.loads(r["items"] or "[]"), created=r["created"], updated=r["updated"])


# --------------------------------------------------------------------------- one-call API

def check_with_store(
    store_path: Union[str, os.PathLike],
    inputs: Any,
    nli: Optional[str] = None,
    *,
    nli_required: bool = False,
    aliases: Optional[str] = None,
    kinds_config: Optional[str] = None,
    progress: Optional[Progress] = None,
) -> Report:
    """Add ``inputs`` (paths, folders, texts, :class:`~claims.ingest.TextInput`) to the store at
    ``store_path`` (created if missing) and check the whole stored corpus.

    Only new or changed documents are analysed; the report covers every document in the store and
    carries the review states. ``inputs`` may be empty to re-check the store as it is.
    """
    from .ingest import TextInput, load_documents
    from .pipeline import _as_inputs

    store = ClaimStore(store_path)
    items = _as_inputs(inputs) if inputs else []
    items = [
        TextInput(**{**x.__dict__, "id": f"text-{_text_sha(x.text)[:10]}"}) if isinstance(x, TextInput) and not x.id and isinstance(x.text, str) else x
        for x in items
    ]
    if items:
        store.add_documents(load_documents(items))
    elif not store.documents():
        raise InputError(f"empty corpus: no input given and the store {store.path} holds no document")
    return store.check(nli=nli, nli_required=nli_required, aliases=aliases, kinds_config=kinds_config, progress=progress)
