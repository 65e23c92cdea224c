"""Background runs of the web app: one worker thread, one run at a time, the queue in the store.

A run reads the accepted articles, stores them (new, updated, unchanged or duplicate), analyses
what changed and re-checks the corpus, writing its progress and per-article outcomes to the store
(``runs`` table) so that any request can show them. An exception while reading or analysing one
article is reported on that article; the rest of the run goes on.

The queue lives in the store (``jobs``: what each run has to do, with the uploaded files), not
in memory: a server killed with ``kill -9`` loses nothing. At the next start the queued runs
resume, in order; a run that was running resumes too (adding the same articles twice is
harmless), unless it was already started twice, then it is marked failed and each article says it
was not processed (:meth:`ClaimStore.recover_runs`). With a ``deadline``, each article is
analysed in a separate process and stopped after that many seconds
(:mod:`claims.web.analyser`).
"""
from __future__ import annotations

import dataclasses
import json
import logging
import queue
import threading
from dataclasses import dataclass
from typing import Any, Callable, Optional

from ..errors import ClaimsError
from ..ingest import TextInput
from ..store import ClaimStore
from .analyser import DEFAULT_TARGET, IsolatedAnalyser
from .uploads import PendingItem

log = logging.getLogger("claims.web")


@dataclass(frozen=True)
class CheckOptions:
    """Options passed to :meth:`ClaimStore.check` on every run.

    ``deadline``: seconds one article may take to analyse (None: no limit, analysed in this
    process); ``analyse_target``: the function the analysis process calls ("module:function").
    """

    nli: Optional[str] = None
    aliases: Optional[str] = None
    kinds_config: Optional[str] = None
    deadline: Optional[float] = None
    analyse_target: str = DEFAULT_TARGET


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def item_record(item: PendingItem) -> tuple[str, Optional[bytes], Optional[str]]:
    """An accepted upload as stored in the queue: (name, file bytes, pasted text as JSON)."""
    if item.text is not None:
        fields = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in dataclasses.asdict(item.text).items()}
        return item.name, None, json.dumps(fields, ensure_ascii=False)
    return item.name, item.data, None


def item_from_record(name: str, data: Optional[bytes], text: Optional[str]) -> PendingItem:
    if text is not None:
        return PendingItem(name=name, text=TextInput(**json.loads(text)))
    return PendingItem(name=name, data=bytes(data or b""))


class Worker:
    """Runs the store's queued jobs in a daemon thread; ``submit_*`` return the run id at once.

    ``public`` turns a message into what the web page may show (no server paths)."""

    def __init__(self, store: ClaimStore, options: CheckOptions, public: Callable[[str], str] = lambda s: s) -> None:
        self.store = store
        self.options = options
        self.public = public
        self._queue: "queue.Queue[Optional[int]]" = queue.Queue()
        self._thread: Optional[threading.Thread] = None
        self._lock = threading.Lock()
        self.current: Optional[int] = None
        self.analyser = IsolatedAnalyser(options.deadline, options.analyse_target) if options.deadline else None

    # -- lifecycle

    def start(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name="claims-worker", daemon=True)
                self._thread.start()

    def resume(self) -> int:
        """Queue the runs a stopped server left (see :meth:`ClaimStore.recover_runs`); returns how many."""
        runs, given_up = self.store.recover_runs()
        if given_up:
            log.warning("%d run(s) of a previous server could not be resumed", given_up)
        for run_id in runs:
            self._queue.put(run_id)
        if runs:
            log.warning("resuming %d run(s) of a previous server", len(runs))
            self.start()
        return len(runs)

    def stop(self, timeout: float = 10.0) -> None:
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None and thread.is_alive():
            self._queue.put(None)
            thread.join(timeout)
        if self.analyser is not None:
            self.analyser.close()

    def _loop(self) -> None:
        while True:
            run_id = self._queue.get()
            if run_id is None:
                return
            self.current = run_id
            try:
                job = self.store.job(run_id)
                if job is None:
                    continue  # done meanwhile (resumed twice)
                self.store.start_job(run_id)
                self._run(run_id, job)
                self.store.finish_job(run_id)
            except Exception as exc:  # never let the worker die
                log.exception("run %s failed", run_id)
                try:
                    msg = str(exc) if isinstance(exc, ClaimsError) else f"{type(exc).__name__}: {exc}"
                    self.store.update_run(run_id, status="failed", stage="failed", message=self.public(_one_line(msg)))
                    self.store.finish_job(run_id)
                except Exception:  # pragma: no cover - the store itself is broken
                    log.exception("cannot record the failure of run %s", run_id)
            finally:
                self.current = None

    def _run(self, run_id: int, job: dict[str, Any]) -> None:
        kind, args = job["kind"], job["args"]
        if kind == "add":
            self._add(run_id, [item_from_record(*it) for it in job["items"]])
        elif kind == "remove":
            self._remove(run_id, args["document"])
        else:
            self._check(run_id, [], bool(args.get("retry_errors", True)), "check")

    def _submit(self, kind: str, total: int, message: str, args: dict[str, Any], items: list[PendingItem] = ()) -> int:
        run_id = self.store.enqueue(kind, total=total, message=message, args=args, items=[item_record(i) for i in items])
        self.start()
        self._queue.put(run_id)
        return run_id

    # -- jobs

    def submit_add(self, items: list[PendingItem]) -> int:
        """Queue articles to add; the run then re-checks the corpus."""
        return self._submit("add", len(items), f"{len(items)} article(s) queued", {}, items)

    def submit_check(self, retry_errors: bool = True) -> int:
        """Queue a re-check of the whole corpus (articles that failed are retried)."""
        return self._submit("check", 0, "re-check queued", {"retry_errors": retry_errors})

    def submit_remove(self, doc_id: str) -> int:
        """Queue the removal of a document, then a re-check."""
        return self._submit("remove", 1, f"removal of {doc_id} queued", {"document": doc_id})

    def _progress(self, run_id: int) -> Callable[[str, int, int], None]:
        def cb(stage: str, done: int, total: int) -> None:
            self.store.update_run(run_id, stage=stage, done=done, total=total)

        return cb

    def _add(self, run_id: int, items: list[PendingItem]) -> None:
        self.store.update_run(run_id, stage="reading articles", done=0, total=len(items))
        results: list[dict[str, Any]] = []
        docs = []
        used: set[str] = set()
        for i, item in enumerate(items):
            entry: dict[str, Any] = {"name": item.name, "status": "error", "message": "", "documents": []}
            try:
                loaded = item.load()
            except ClaimsError as exc:
                entry["message"] = self.public(_one_line(str(exc)))
            except Exception as exc:  # a crash on one article: report it there
                log.exception("reading %s failed", item.name)
                entry["message"] = self.public(_one_line(f"could not read the article: {type(exc).__name__}: {exc}"))
            else:
                for d in loaded:
                    if d.id in used:  # two uploads with the same stem in one run
                        k = 2
                        while f"{d.id}-{k}" in used:
                            k += 1
                        d = d.model_copy(update={"id": f"{d.id}-{k}"})
                    used.add(d.id)
                    docs.append(d)
                    entry["documents"].append(d.id)
                entry["status"] = "read"
            results.append(entry)
            self.store.update_run(run_id, done=i + 1, items=results)
        outcomes = {o.document: o for o in self.store.add_documents(docs)}
        for entry in results:
            for doc_id in entry["documents"]:
                o = outcomes.get(doc_id)
                if o is not None:
                    entry["status"] = o.status
                    entry["message"] = o.message
        self.store.update_run(run_id, items=results)
        self._check(run_id, results, retry_errors=False)

    def _check(self, run_id: int, results: list[dict[str, Any]], retry_errors: bool, what: str = "add") -> None:
        self.store.check(
            nli=self.options.nli,
            aliases=self.options.aliases,
            kinds_config=self.options.kinds_config,
            progress=self._progress(run_id),
            retry_errors=retry_errors,
            analyse=self.analyser,
        )
        failed = {d.document.id: d.error for d in self.store.documents() if d.status == "error"}
        for entry in results:
            errs = [f"{doc_id}: {failed[doc_id]}" for doc_id in entry.get("documents", []) if doc_id in failed]
            if errs:
                entry["status"] = "error"
                entry["message"] = self.public(_one_line("; ".join(errs)))
        n_err = sum(e["status"] == "error" for e in results)
        if what == "add":
            message = f"{len(results) - n_err} of {len(results)} article(s) processed" + (f", {n_err} with errors" if n_err else "")
        elif what == "remove":
            message = "document removed, corpus re-checked" if not n_err else "no such document"
        else:
            message = "corpus re-checked"
            if failed:
                message += f"; {len(failed)} document(s) could not be analysed"
        self.store.update_run(run_id, status="done", stage="done", items=results, message=message)

    def _remove(self, run_id: int, doc_id: str) -> None:
        existed = self.store.remove_document(doc_id)
        results = [{"name": doc_id, "status": "removed" if existed else "error",
                    "message": "" if existed else "no such document", "documents": []}]
        self.store.update_run(run_id, done=1, items=results)
        self._check(run_id, results, retry_errors=False, what="remove")
