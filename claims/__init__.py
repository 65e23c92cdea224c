"""claims: multilingual claim extraction and cross-source fact-consistency checking."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["check", "__version__"]


def check(inputs, **kwargs):
    """Run the whole pipeline on paths or texts and return a :class:`claims.model.Report`."""
    from .pipeline import check as _check

    return _check(inputs, **kwargs)
