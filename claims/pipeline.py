"""The whole pipeline: documents -> sentences -> mentions -> claims -> groups -> report.

`check()` is the Python API; the CLI's `check` and `extract` commands call it. Every stage is
its own module; this one only wires them together and times them.
"""
from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional, Sequence, Union

from .errors import ClaimsError, InputError
from .model import Claim, Document, Mention, NliInfo, Report, Sentence, Stats

Input = Union[str, os.PathLike, Any]

GENERIC_KINDS = {"quantity", "count", "percentage"}
NLI_TYPING_MIN = 0.85  # entailment probability needed to type a generic claim by NLI
# spaCy runs only on the sentences that can carry a claim (claims.extract.candidate_sentences);
# False runs it on every sentence (the benchmark's baseline)
SELECT_SENTENCES = os.environ.get("CLAIMS_ALL_SENTENCES", "") != "1"


@dataclass
class Timings:
    stages: dict[str, float] = field(default_factory=dict)

    def add(self, name: str, seconds: float) -> None:
        self.stages[name] = self.stages.get(name, 0.0) + seconds


def _as_inputs(inputs: Union[Input, Sequence[Input]]) -> list:
    from .ingest import TextInput

    if isinstance(inputs, (str, os.PathLike)) or not isinstance(inputs, Iterable):
        inputs = [inputs]
    out = []
    for i, x in enumerate(inputs):
        if isinstance(x, str) and not os.path.exists(x) and (("\n" in x) or (" " in x.strip() and not x.strip().endswith((".txt", ".md", ".html", ".htm", ".jsonl")))):
            out.append(TextInput(text=x))  # a text, not a path
        else:
            out.append(x)
    return out


def find_document_mentions(doc: Document, sentences: Sequence[Sentence]) -> list[Mention]:
    """Mentions of every sentence, with offsets into the document text."""
    from .recognize import find_mentions

    out: list[Mention] = []
    lang = doc.language or "fr"
    for s in sentences:
        for m in find_mentions(s.text, lang=lang, published=doc.published):
            upd = {"start": m.start + s.start, "end": m.end + s.start}
            t = m.time
            if t is not None and t.start is not None:
                t = t.model_copy(update={"start": t.start + s.start, "end": (t.end or t.start) + s.start})
                upd["time"] = t
            out.append(m.model_copy(update=upd))
    return out


def _load_engine(nli: Optional[str], required: bool) -> tuple[Any, NliInfo]:
    if nli is not None and nli.lower() == "none":
        return None, NliInfo(used=False, note="disabled (--nli none); structured checks only")
    try:
        from .nli import engine as nli_engine
    except ImportError as exc:  # pragma: no cover - part of the package
        if required:
            raise ClaimsError(f"NLI is required but the NLI layer cannot be imported: {exc}")
        return None, NliInfo(used=False, note=str(exc))
    eng = nli_engine.get_engine(nli, required=required)
    if eng is None:
        reason = getattr(nli_engine, "last_unavailable_reason", lambda: None)() or "no NLI model could be loaded"
        return None, NliInfo(used=False, note=f"{reason.rstrip('.')}; structured checks only")
    return eng, eng.info()


def _type_with_nli(claims: list[Claim], engine: Any, kind_specs: Any) -> None:
    """Zero-shot typing of claims that no rule cue typed."""
    for c in claims:
        if c.kind not in GENERIC_KINDS or c.value is None:
            continue
        ranked = engine.classify(c.text, c.language or "fr", kind_specs)
        if not ranked:
            continue
        best, score = ranked[0]
        if best not in GENERIC_KINDS and score >= NLI_TYPING_MIN:
            c.kind = best
            c.kind_source = "nli"


@dataclass
class DocumentResult:
    """What the per-document stages produce (cacheable by the document's content hash)."""

    document: Document
    sentences: list[Sentence]
    mentions: int
    claims: list[Claim]


def analyse_document(doc: Document, *, aliases: Optional[str] = None, timings: Optional[Timings] = None) -> DocumentResult:
    """Sentences, mentions, entities and claims of one document (no cross-document work)."""
    from .entities import analyse
    from .extract import candidate_sentences, extract_claims
    from .sentences import split_sentences

    tm = timings or Timings()
    t = time.perf_counter()
    sents = split_sentences(doc)
    tm.add("sentences", time.perf_counter() - t)
    t = time.perf_counter()
    mentions = find_document_mentions(doc, sents)
    tm.add("mentions", time.perf_counter() - t)
    t = time.perf_counter()
    figures = [(m.start, m.end) for m in mentions if m.kind in ("money", "percent")]
    ents = analyse(doc, sents, aliases, candidate_sentences(doc, sents, mentions) if SELECT_SENTENCES else None, figures)
    tm.add("entities", time.perf_counter() - t)
    t = time.perf_counter()
    claims = extract_claims(doc, sents, mentions, ents)
    tm.add("claims", time.perf_counter() - t)
    return DocumentResult(doc, sents, len(mentions), claims)


def assemble(
    results: Sequence[DocumentResult],
    *,
    nli: Optional[str] = None,
    nli_required: bool = False,
    kinds_config: Optional[str] = None,
    timings: Optional[Timings] = None,
    started: Optional[float] = None,
) -> Report:
    """Cross-document stages: NLI typing, grouping, verdicts, and the report."""
    from .crosscheck import crosscheck

    t0 = started if started is not None else time.perf_counter()
    tm = timings or Timings()
    docs = [r.document for r in results]
    all_sentences = [s for r in results for s in r.sentences]
    all_claims = [c for r in results for c in r.claims]
    t = time.perf_counter()
    engine, nli_info = _load_engine(nli, nli_required)
    if engine is not None:
        from .nli.kinds import load_kind_specs

        _type_with_nli(all_claims, engine, load_kind_specs(kinds_config))
    tm.add("nli_typing", time.perf_counter() - t)
    t = time.perf_counter()
    groups, compared = crosscheck(all_claims, docs, engine)
    tm.add("crosscheck", time.perf_counter() - t)
    if engine is not None:
        nli_info = engine.info()
    stats = Stats(
        documents=len(docs),
        sentences=len(all_sentences),
        mentions=sum(r.mentions for r in results),
        claims=len(all_claims),
        groups=len(groups),
        pairs_compared=compared,
        conflicts=sum(f.verdict == "conflict" for g in groups for f in g.findings),
        seconds=round(time.perf_counter() - t0, 3),
    )
    return Report(
        created=dt.datetime.now(dt.timezone.utc).replace(microsecond=0),
        documents=docs,
        sentences=all_sentences,
        claims=all_claims,
        groups=groups,
        nli=nli_info,
        stats=stats,
    )


def _analyse_timed(doc: Document, aliases: Optional[str]) -> tuple[DocumentResult, dict[str, float]]:
    tm = Timings()
    return analyse_document(doc, aliases=aliases, timings=tm), tm.stages


def analyse_documents(
    docs: Sequence[Document],
    *,
    aliases: Optional[str] = None,
    workers: int = 1,
    progress: Optional[Callable[[str, int, int], None]] = None,
    timings: Optional[Timings] = None,
) -> list[DocumentResult]:
    """The per-document stages of every document, in order; with ``workers`` > 1 in that many
    processes (each loads the spaCy pipelines once), for corpora of at least
    ``MIN_DOCS_PER_WORKER`` documents per worker. 0 = one worker per CPU core."""
    tm = timings or Timings()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    n = workers if workers > 0 else cores
    n = min(n, max(1, len(docs) // MIN_DOCS_PER_WORKER))
    results: list[DocumentResult] = []
    if n <= 1:
        for i, doc in enumerate(docs):
            results.append(analyse_document(doc, aliases=aliases, timings=tm))
            if progress:
                progress("documents", i + 1, len(docs))
        return results
    import multiprocessing as mp
    import sys
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    if sys.platform.startswith("linux"):
        from .nlp import get_nlp

        for lang in {d.language for d in docs}:
            get_nlp(lang)  # loaded once here, shared by the forked workers (copy on write)
        ctx = mp.get_context("fork")
    else:  # fork is unsafe on macOS and absent on Windows: each worker loads the pipelines
        ctx = mp.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=n, mp_context=ctx)
    try:
        for i, (res, stages) in enumerate(pool.map(partial(_analyse_timed, aliases=aliases), docs, chunksize=4)):
            results.append(res)
            for k, v in stages.items():
                tm.add(k, v / n)  # wall time: the workers' seconds shared among them
            if progress:
                progress("documents", i + 1, len(docs))
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)  # the first failure ends the run, not the corpus's end
        raise
    pool.shutdown()
    return results


MIN_DOCS_PER_WORKER = 20  # below this, starting a process costs more than it saves


def check(
    inputs: Union[Input, Sequence[Input]],
    *,
    nli: Optional[str] = None,
    nli_required: bool = False,
    aliases: Optional[str] = None,
    kinds_config: Optional[str] = None,
    progress: Optional[Callable[[str, int, int], None]] = None,
    timings: Optional[Timings] = None,
    workers: int = 1,
) -> Report:
    """Run the pipeline on paths (files, folders) or texts and return the report. ``workers``:
    processes for the per-document stages (1: this one; 0: one per CPU core)."""
    from .ingest import load_documents

    t0 = time.perf_counter()
    tm = timings or Timings()
    t = time.perf_counter()
    docs = load_documents(_as_inputs(inputs))
    tm.add("ingest", time.perf_counter() - t)
    if not docs:
        raise InputError("empty corpus: no documents to check")
    results = analyse_documents(docs, aliases=aliases, workers=workers, progress=progress, timings=tm)
    return assemble(results, nli=nli, nli_required=nli_required, kinds_config=kinds_config, timings=tm, started=t0)
