"""Natural-language inference for `claims`: backends, cache, engine, claim typing, evaluation.

Importing this package is cheap: torch and transformers load only when a model is loaded.
Public API (lazy attributes): :class:`NLIEngine`, :func:`get_engine`, :func:`last_unavailable_reason`,
:func:`unavailable_info`, :class:`NLIBackend`, :class:`NLIUnavailable`, :class:`NLICache`,
:class:`ClaimKindSpec`, :func:`load_kind_specs`, :data:`BUILTIN_KINDS`, :data:`LABELS`.
"""
from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "NLIEngine": "engine",
    "get_engine": "engine",
    "last_unavailable_reason": "engine",
    "unavailable_info": "engine",
    "NLIBackend": "base",
    "NLIUnavailable": "base",
    "LABELS": "base",
    "NLICache": "cache",
    "ClaimKindSpec": "kinds",
    "load_kind_specs": "kinds",
    "BUILTIN_KINDS": "kinds",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    mod = _EXPORTS.get(name)
    if mod is None:
        raise AttributeError(f"module 'claims.nli' has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{mod}"), name)
