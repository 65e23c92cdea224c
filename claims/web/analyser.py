"""Per-document analysis with a deadline, in a separate process.

    analyser = IsolatedAnalyser(deadline=120)
    result = analyser(doc, aliases=None)    # a DocumentResult, or AnalysisFailed
    analyser.close()

The web app's worker must not be blocked by one pathological article. Python cannot stop a
thread, so each document is analysed in a child process (started with "spawn": safe in a server
with threads) that stays up between documents. When a document takes longer than ``deadline``
seconds, the child is killed, the document gets the error "took longer than ... s" and the next
document starts a fresh child. A child that dies (a crash, the memory killer) fails only the
document it was analysing. The child warms up (loads the pipeline and its models) before the
deadline of its first document starts.

``target`` ("module:function", default ``claims.pipeline:analyse_document``) is what the child
calls; tests point it at a function of their own.
"""
from __future__ import annotations

import importlib
import logging
import multiprocessing as mp
import threading
import time
from typing import Any, Optional

from ..errors import AnalysisFailed
from ..model import Document

log = logging.getLogger("claims.web")

DEFAULT_TARGET = "claims.pipeline:analyse_document"
WARM_UP_TEXT = "Le 12 janvier 2024, Microsoft a investi 10 milliards de dollars dans OpenAI, selon M. Dupont."
WARM_UP_TIMEOUT = 600.0


def _resolve(target: str) -> Any:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def _child(conn: Any, target: str) -> None:  # pragma: no cover - runs in the child process
    try:
        fn = _resolve(target)
        fn(Document(id="warm-up", language="fr", text=WARM_UP_TEXT), aliases=None)
        conn.send(("ready", None))
    except BaseException as exc:  # noqa: BLE001
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if msg is None:
            return
        doc_json, aliases = msg
        try:
            result = fn(Document.model_validate_json(doc_json), aliases=aliases)
            conn.send(("ok", result))
        except BaseException as exc:  # noqa: BLE001 - reported on the document
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class IsolatedAnalyser:
    """Calls ``target(doc, aliases=...)`` in a child process, at most ``deadline`` seconds a document."""

    def __init__(self, deadline: float, target: str = DEFAULT_TARGET) -> None:
        if deadline <= 0:
            raise ValueError("deadline must be positive")
        self.deadline = float(deadline)
        self.target = target
        self._ctx = mp.get_context("spawn")
        self._proc: Optional[Any] = None
        self._conn: Optional[Any] = None
        self._lock = threading.Lock()

    # -- the child

    def _start(self) -> None:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_child, args=(child, self.target), name="claims-analyser", daemon=True)
        proc.start()
        child.close()
        self._proc, self._conn = proc, parent
        if not parent.poll(WARM_UP_TIMEOUT):
            self._kill()
            raise AnalysisFailed(f"the analysis process did not start within {WARM_UP_TIMEOUT:g} s")
        try:
            kind, payload = parent.recv()
        except (EOFError, OSError):
            self._kill()
            raise AnalysisFailed("the analysis process stopped while starting") from None
        if kind != "ready":
            self._kill()
            raise AnalysisFailed(f"the analysis process cannot start: {payload}")

    def _kill(self) -> None:
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if conn is not None:
            try:
                conn.close()
            except OSError:
                pass
        if proc is not None and proc.is_alive():
            proc.kill()
        if proc is not None:
            proc.join(10)

    def close(self) -> None:
        """Stop the child (it is started again on the next document)."""
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.send(None)
                except OSError:
                    pass
            if self._proc is not None:
                self._proc.join(2)
            self._kill()

    # -- one document

    def __call__(self, doc: Document, *, aliases: Optional[str] = None) -> Any:
        with self._lock:
            if self._proc is None or not self._proc.is_alive():
                self._kill()
                self._start()
            assert self._conn is not None and self._proc is not None
            t0 = time.monotonic()
            try:
                self._conn.send((doc.model_dump_json(), aliases))
            except OSError:
                self._kill()
                raise AnalysisFailed("the analysis process stopped before this article") from None
            if not self._conn.poll(self.deadline):
                self._kill()
                log.warning("analysis of %s passed its deadline of %g s: stopped", doc.id, self.deadline)
                raise AnalysisFailed(f"took longer than {self.deadline:g} s (the deadline per article); stopped. "
                                     "Split the article or raise --deadline")
            try:
                kind, payload = self._conn.recv()
            except (EOFError, OSError):
                proc = self._proc
                self._kill()
                code = proc.exitcode if proc is not None else None
                how = f" (exit code {code})" if code is not None else ""
                raise AnalysisFailed(f"the analysis process died while analysing this article{how}") from None
            if kind == "error":
                raise AnalysisFailed(str(payload))
            log.debug("analysed %s in %.2f s", doc.id, time.monotonic() - t0)
            return payload
