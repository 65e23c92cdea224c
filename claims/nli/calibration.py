"""Contradiction threshold calibration: choose, store and load the threshold of a model.

The threshold is stored in ``claims_nli.json`` next to the model files when the model is a
writable local folder, else in ``<cache dir>/calibration/<fingerprint>.json``. Records are keyed
by the backend fingerprint, so a changed model (or quantised variant) is never given the
threshold of another one.
"""
from __future__ import annotations

import datetime as _dt
import json
import logging
import os
from pathlib import Path
from typing import Any

from .base import NLIBackend
from .cache import cache_dir

log = logging.getLogger("claims.nli")

CALIBRATION_FILE = "claims_nli.json"


def _model_file(backend: NLIBackend) -> Path | None:
    folder = getattr(backend, "path", None)
    if folder is None or not getattr(backend, "local", False):
        return None
    return Path(folder) / CALIBRATION_FILE


def _cache_file(backend: NLIBackend) -> Path:
    return cache_dir() / "calibration" / f"{backend.fingerprint}.json"


def _read(path: Path) -> dict[str, Any] | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("claims: ignoring unreadable calibration file %s (%s)", path, exc)
        return None


def save_calibration(backend: NLIBackend, record: dict[str, Any]) -> Path:
    """Store a calibration record (must contain ``threshold``) for ``backend``; return the file written."""
    record = dict(record, fingerprint=backend.fingerprint,
                  created=_dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"))
    target = _model_file(backend)
    if target is not None and os.access(target.parent, os.W_OK):
        data = _read(target) or {}
        data.setdefault("calibrations", {})[backend.fingerprint] = record
        try:
            _atomic_write(target, data)
            return target
        except OSError as exc:
            log.info("claims: cannot write %s (%s); storing calibration in the cache dir", target, exc)
    target = _cache_file(backend)
    target.parent.mkdir(parents=True, exist_ok=True)
    _atomic_write(target, record)
    return target


def _atomic_write(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def load_calibration(backend: NLIBackend) -> tuple[dict[str, Any], Path] | None:
    """The stored calibration record of ``backend`` and its file, or None."""
    target = _model_file(backend)
    if target is not None:
        data = _read(target)
        rec = (data or {}).get("calibrations", {}).get(backend.fingerprint)
        if isinstance(rec, dict) and "threshold" in rec:
            return rec, target
    extra = getattr(backend, "calibration_file", None)  # a backend may ship its own record
    if extra:
        data = _read(Path(extra))
        rec = (data or {}).get("calibrations", {}).get(backend.fingerprint) if data else None
        if isinstance(rec, dict) and "threshold" in rec:
            return rec, Path(extra)
    cached = _cache_file(backend)
    rec = _read(cached)
    if isinstance(rec, dict) and rec.get("fingerprint") == backend.fingerprint and "threshold" in rec:
        return rec, cached
    return None


def load_threshold(backend: NLIBackend) -> float | None:
    """The calibrated contradiction threshold of ``backend``, or None when not calibrated."""
    found = load_calibration(backend)
    if found is None:
        return None
    try:
        return float(found[0]["threshold"])
    except (TypeError, ValueError):
        return None
