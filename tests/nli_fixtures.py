"""Shared fixtures of the NLI tests: tiny random NLI checkpoints and an isolated environment.

The tiny models are built once per test session (SentencePiece tokenizer trained on the seed
articles plus a few English sentences, random 2-layer DeBERTa-v2 / XLM-R weights) and saved
with ``save_pretrained``, so the tests load them exactly as users load a local model folder.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
EVAL = Path("/work/shared/eval")
if not EVAL.is_dir():  # the layout documented in /work/shared/eval/README.md: ../shared/eval
    EVAL = REPO.parent / "shared" / "eval"

needs_eval_data = pytest.mark.skipif(not (EVAL / "xnli_fr").is_dir(), reason=f"evaluation data not found in {EVAL}")

# Unusual label order and spellings on purpose: the engine must follow config.id2label.
ODD_ID2LABEL = {0: "CONTRADICTION", 1: "entailment", 2: "Neutral"}

_built: dict[str, Path] = {}


def seed_texts() -> list[str]:
    """The seed articles (French news) used to train the tiny tokenizers."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    assert texts, f"no seed articles in {SEEDS}"
    return texts


def _build(key: str, factory, **kwargs) -> Path:
    if key not in _built:
        from claims.nli.tiny import build_tiny_nli_model

        out = factory.mktemp(f"tiny-{key}")
        _built[key] = build_tiny_nli_model(out, seed_texts(), **kwargs)
    return _built[key]


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory) -> Path:
    """A DeBERTa-v2 tiny NLI folder with id2label {0: CONTRADICTION, 1: entailment, 2: Neutral}."""
    import torch

    torch.set_num_threads(1)
    return _build("deberta", tmp_path_factory, arch="deberta-v2", id2label=ODD_ID2LABEL)


@pytest.fixture(scope="session")
def tiny_xlmr_dir(tmp_path_factory) -> Path:
    """An XLM-R tiny NLI folder with id2label {0: entail, 1: neutral, 2: contradict}."""
    return _build("xlmr", tmp_path_factory, arch="xlm-roberta",
                  id2label={0: "entail", 1: "neutral", 2: "contradict"})


@pytest.fixture(scope="session")
def tiny_two_class_dir(tmp_path_factory) -> Path:
    """A 2-class (not_entailment / entailment) tiny model."""
    return _build("twoclass", tmp_path_factory, arch="deberta-v2", id2label={0: "not_entailment", 1: "entailment"})


def copy_model(src: Path, dst: Path, id2label: dict | None = None) -> Path:
    """Copy a model folder (optionally rewriting config.id2label)."""
    shutil.copytree(src, dst)
    if id2label is not None:
        cfg = json.loads((dst / "config.json").read_text())
        cfg["id2label"] = {str(k): v for k, v in id2label.items()}
        cfg["label2id"] = {v: int(k) for k, v in id2label.items()}
        (dst / "config.json").write_text(json.dumps(cfg))
    return dst


@pytest.fixture(autouse=True)
def nli_env(tmp_path, monkeypatch):
    """Isolate each test: cache and config dirs in tmp, no CLAIMS_* from the caller, hub offline."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("CLAIMS_CACHE_DIR", str(cache))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    for var in ("CLAIMS_NLI", "CLAIMS_THREADS", "CLAIMS_NLI_QUANTIZE"):
        monkeypatch.delenv(var, raising=False)
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    return cache
