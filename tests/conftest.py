from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Never touch the user's real cache (NLI results, converted models) from tests."""
    if "CLAIMS_CACHE_DIR" not in os.environ or not os.environ["CLAIMS_CACHE_DIR"].startswith(str(tmp_path_factory.getbasetemp())):
        monkeypatch.setenv("CLAIMS_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "claims-cache"))


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED
