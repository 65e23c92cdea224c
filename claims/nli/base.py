"""The NLI backend protocol, the fixed label order and checkpoint label-name mapping."""
from __future__ import annotations

import re
from typing import Mapping, Protocol, Sequence, runtime_checkable

import numpy as np

from ..errors import ClaimsError

#: Column order of every probability array produced by a backend.
LABELS: tuple[str, str, str] = ("entailment", "neutral", "contradiction")
ENTAILMENT, NEUTRAL, CONTRADICTION = 0, 1, 2


class NLIUnavailable(ClaimsError):
    """No NLI model can be loaded; the message says why (one line)."""


@runtime_checkable
class NLIBackend(Protocol):
    """Anything that turns (premise, hypothesis) pairs into (entailment, neutral, contradiction) probabilities."""

    name: str  # backend kind and model, e.g. "transformers:MoritzLaurer/..."
    fingerprint: str  # stable id of weights + config + settings that change outputs

    def predict(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Return an (n, 3) float array of probabilities in the order of :data:`LABELS`."""
        ...


def canonical_label(name: str) -> str | None:
    """Map a checkpoint label name to entailment / neutral / contradiction / not_entailment, or None.

    Accepts the spellings found on the hub: ``ENTAILMENT``, ``entail``, ``Neutral``,
    ``contradict``, ``CONTRADICTION``, ``not_entailment``, ``non-entailment``. Generic names
    such as ``LABEL_0`` give None (the caller then needs an explicit mapping).
    """
    s = re.sub(r"[^a-z]", "", str(name).lower())
    if s in {"notentailment", "nonentailment", "notentail", "nonentail", "notentailed"}:
        return "not_entailment"
    if s.startswith("entail"):
        return "entailment"
    if s in {"neutral", "neutre"}:
        return "neutral"
    if s.startswith("contradict") or s == "contra":
        return "contradiction"
    return None


def label_columns(
    id2label: Mapping[int, str], label_map: Mapping[str | int, str] | None = None
) -> tuple[list[int], bool]:
    """Return (columns, two_class) to reorder a model's outputs into :data:`LABELS` order.

    ``columns[k]`` is the model output index of ``LABELS[k]``. For a 2-class
    entailment / not_entailment model, ``two_class`` is True and ``columns`` is
    ``[entailment_index, not_entailment_index, -1]``: the not_entailment probability is
    reported as *neutral* and contradiction is always 0, because such a model cannot tell
    "unrelated" from "contradicts" (so it never raises a conflict on its own).
    ``label_map`` maps checkpoint label names (or indices) to canonical names and wins over
    the names in ``id2label``.
    """
    label_map = dict(label_map or {})
    found: dict[str, int] = {}
    unknown: list[str] = []
    for idx, raw in sorted(((int(k), v) for k, v in id2label.items())):
        target = label_map.get(raw, label_map.get(idx, label_map.get(str(idx))))
        canon = canonical_label(target) if target is not None else canonical_label(raw)
        if canon is None:
            unknown.append(f"{idx}:{raw}")
            continue
        if canon in found:
            raise ClaimsError(f"NLI model has two outputs mapped to {canon!r} (id2label={dict(id2label)})")
        found[canon] = idx
    if unknown:
        raise ClaimsError(
            "NLI model label names not understood ("
            + ", ".join(unknown)
            + "); give a mapping such as nli.labels = {LABEL_0 = \"entailment\", ...} in claims.toml"
        )
    if set(found) == {"entailment", "neutral", "contradiction"}:
        return [found["entailment"], found["neutral"], found["contradiction"]], False
    if set(found) == {"entailment", "not_entailment"}:
        return [found["entailment"], found["not_entailment"], -1], True
    raise ClaimsError(
        f"NLI model outputs {sorted(found)} are not entailment/neutral/contradiction "
        "or entailment/not_entailment"
    )


def reorder_probs(probs: np.ndarray, columns: Sequence[int]) -> np.ndarray:
    """Reorder model probabilities (n, k) into (n, 3) using :func:`label_columns` output."""
    out = np.zeros((probs.shape[0], 3), dtype=np.float64)
    for k, col in enumerate(columns):
        if col >= 0:
            out[:, k] = probs[:, col]
    return out
