"""The review web app (``claims serve``): see :mod:`claims.web.app`."""
from __future__ import annotations

__all__ = ["create_app"]


def create_app(*args, **kwargs):  # type: ignore[no-untyped-def]
    """See :func:`claims.web.app.create_app` (imported lazily: the CLI loads fast)."""
    from .app import create_app as _create

    return _create(*args, **kwargs)
