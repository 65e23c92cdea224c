"""The NLI engine the pipeline uses: backend choice, caching, contradiction / paraphrase / typing helpers.

Typical use (once per run)::

    engine = get_engine(spec, required=False)
    if engine is None:
        report.nli = unavailable_info()           # says plainly why NLI was not used
    else:
        engine.classify(sentence, "fr", kinds); engine.is_conflict(a, b); report.nli = engine.info()
"""
from __future__ import annotations

import logging
from typing import Iterable, Sequence

import numpy as np

from ..errors import ClaimsError
from ..model import NliInfo
from .base import CONTRADICTION, ENTAILMENT, NLIBackend, NLIUnavailable
from .cache import NLICache
from .kinds import ClaimKindSpec

log = logging.getLogger("claims.nli")

DEFAULT_THRESHOLD = 0.5
_DISABLED = {"none", "off", "no", "false", "0", "disabled", "disable"}
_last_reason: str | None = None
_BACKENDS: dict[tuple, NLIBackend] = {}


class NLIEngine:
    """Cached NLI predictions plus the derived scores used by the pipeline."""

    def __init__(
        self,
        backend: NLIBackend,
        cache: NLICache | None = None,
        contradiction_threshold: float | None = None,
    ) -> None:
        self.backend = backend
        self.cache = cache
        self.contradiction_threshold = contradiction_threshold
        self.pairs = 0  # pairs asked for
        self.cache_hits = 0  # pairs answered without model work (persistent cache, this run's memo, repeats)
        self._memo: dict[tuple[str, str], np.ndarray] = {}

    @property
    def threshold(self) -> float:
        """The contradiction threshold in use (calibrated, or 0.5)."""
        t = self.contradiction_threshold
        return DEFAULT_THRESHOLD if t is None else float(t)

    def predict(self, pairs: Iterable[tuple[str, str]]) -> np.ndarray:
        """(n, 3) probabilities (entailment, neutral, contradiction); cached pairs skip the model."""
        pairs = [(str(p), str(h)) for p, h in pairs]
        n = len(pairs)
        out = np.zeros((n, 3), dtype=np.float64)
        if n == 0:
            return out
        self.pairs += n
        missing: dict[tuple[str, str], list[int]] = {}
        for i, pair in enumerate(pairs):
            hit = self._memo.get(pair)
            if hit is not None:
                out[i] = hit
                self.cache_hits += 1
            else:
                missing.setdefault(pair, []).append(i)
        if missing and self.cache is not None:
            todo = list(missing)
            for pair, row in zip(todo, self.cache.get_many(self.backend.fingerprint, todo)):
                if row is not None:
                    idx = missing.pop(pair)
                    out[idx] = row
                    self._memo[pair] = row
                    self.cache_hits += len(idx)
        if missing:
            todo = list(missing)
            probs = np.asarray(self.backend.predict(todo), dtype=np.float64)
            if probs.shape != (len(todo), 3):
                raise ClaimsError(
                    f"NLI backend {self.backend.name!r} returned shape {probs.shape}, expected ({len(todo)}, 3)"
                )
            for pair, row in zip(todo, probs):
                out[missing[pair]] = row
                self._memo[pair] = row
                self.cache_hits += len(missing[pair]) - 1  # repeats within the call: computed once
            if self.cache is not None:
                self.cache.put_many(self.backend.fingerprint, todo, probs)
        return out

    def contradiction_many(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Contradiction score of each pair: the max over both directions."""
        pairs = list(pairs)
        if not pairs:
            return np.zeros(0, dtype=np.float64)
        both = [x for a, b in pairs for x in ((a, b), (b, a))]
        probs = self.predict(both)[:, CONTRADICTION].reshape(-1, 2)
        return probs.max(axis=1)

    def contradiction(self, a: str, b: str) -> float:
        """Probability that ``a`` and ``b`` contradict each other (max of both directions)."""
        return float(self.contradiction_many([(a, b)])[0])

    def mutual_entailment(self, a: str, b: str) -> float:
        """Paraphrase score: min of the entailment probabilities of both directions."""
        probs = self.predict([(a, b), (b, a)])[:, ENTAILMENT]
        return float(probs.min())

    def mutual_entailment_many(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """:meth:`mutual_entailment` for many pairs at once."""
        pairs = list(pairs)
        if not pairs:
            return np.zeros(0, dtype=np.float64)
        both = [x for a, b in pairs for x in ((a, b), (b, a))]
        return self.predict(both)[:, ENTAILMENT].reshape(-1, 2).min(axis=1)

    def classify(self, text: str, lang: str, kinds: list[ClaimKindSpec]) -> list[tuple[str, float]]:
        """Zero-shot typing: each kind's mean entailment probability of its templates, best first."""
        spans: list[tuple[str, int, int]] = []
        pairs: list[tuple[str, str]] = []
        for kind in kinds:
            temps = [t for t in kind.templates_for(lang) if t.strip()]
            spans.append((kind.name, len(pairs), len(pairs) + len(temps)))
            pairs.extend((text, t) for t in temps)
        ent = self.predict(pairs)[:, ENTAILMENT] if pairs else np.zeros(0)
        scored = [(name, float(ent[a:b].mean()) if b > a else 0.0) for name, a, b in spans]
        return sorted(scored, key=lambda x: -x[1])

    def is_conflict(self, a: str, b: str) -> tuple[bool, float]:
        """(contradiction score >= threshold, contradiction score)."""
        score = self.contradiction(a, b)
        return score >= self.threshold, score

    def info(self) -> NliInfo:
        """What the report says about NLI: backend, model, pairs, cache hits, threshold."""
        calibrated = self.contradiction_threshold is not None
        note = f"contradiction threshold {self.threshold:.3f}" + (
            " (calibrated)" if calibrated else " (default; run `claims nli calibrate` to calibrate)"
        )
        return NliInfo(
            used=True,
            backend=self.backend.name,
            model=str(getattr(self.backend, "model_id", None) or self.backend.name),
            note=note,
            pairs=self.pairs,
            cache_hits=self.cache_hits,
        )


def last_unavailable_reason() -> str | None:
    """Why the last :func:`get_engine` call returned None (None if it returned an engine)."""
    return _last_reason


def unavailable_info(reason: str | None = None) -> NliInfo:
    """The report's NLI section when no engine could be had."""
    reason = reason or _last_reason or "NLI was not used"
    return NliInfo(used=False, note=f"NLI not used: {reason}")


def clear_loaded_backends() -> None:
    """Forget the backends loaded in this process (tests, long-lived servers)."""
    _BACKENDS.clear()


def _load_backend(spec: str, settings) -> NLIBackend:
    """Load (or reuse: models are loaded once per process and settings) the backend for ``spec``."""
    key = (spec, settings.threads, settings.quantize, settings.batch_size, settings.max_length,
           settings.device, tuple(sorted(settings.labels.items())))
    if key in _BACKENDS:
        return _BACKENDS[key]
    if spec == "offline":
        from . import offline

        backend = offline.load_offline_backend(
            threads=settings.threads, quantize=settings.quantize, batch_size=settings.batch_size
        )
        _BACKENDS[key] = backend
        return backend
    from .transformers_backend import TransformersBackend

    backend = TransformersBackend.from_spec(
        spec,
        threads=settings.threads,
        quantize=settings.quantize,
        batch_size=settings.batch_size,
        max_length=settings.max_length,
        device=settings.device,
        label_map=settings.labels or None,
    )
    _BACKENDS[key] = backend
    return backend


def resolve_backend(spec: str | None = None, required: bool = False) -> tuple[NLIBackend | None, str | None]:
    """(backend, None) or (None, reason): the model choice logic of :func:`get_engine`, without the engine."""
    from .config import load_settings

    st = load_settings(spec)
    name = st.spec
    if name.lower() in _DISABLED:
        if required:
            raise ClaimsError(f"NLI is required but disabled ({st.source} is {name!r})")
        return None, f"disabled ({st.source} is {name!r})"
    if name.lower() == "offline":
        name = "offline"
    try:
        return _load_backend(name, st), None
    except NLIUnavailable as exc:
        if required:
            raise ClaimsError(str(exc)) from None
        if name == "offline":
            return None, str(exc)
        log.warning("claims: %s; going on with the offline default", exc)
        try:
            return _load_backend("offline", st), None
        except NLIUnavailable as exc2:
            return None, f"{exc}; the offline default is not available either: {exc2}"


def get_engine(spec: str | None = None, required: bool = False, cache: bool = True) -> NLIEngine | None:
    """The NLI engine for ``spec`` (hub id, local folder, ``offline``, ``none``; None: configuration).

    Returns None when no model can be loaded and NLI is not ``required`` (the reason is in
    :func:`last_unavailable_reason`); raises :class:`ClaimsError` with one line when it is required.
    A hub id that cannot be fetched logs one warning and falls back to the offline default.
    """
    global _last_reason
    _last_reason = None
    backend, reason = resolve_backend(spec, required)
    if backend is None:
        _last_reason = reason
        return None
    from .calibration import load_threshold

    return NLIEngine(backend, NLICache() if cache else None, load_threshold(backend))
