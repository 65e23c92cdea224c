"""The pipeline through the NLI layer: a real transformers checkpoint (tiny, built by the tests)
loaded by path, used for claim typing, event comparison and paraphrase alignment, cached."""
from __future__ import annotations

from tests.nli_fixtures import nli_env, tiny_model_dir  # noqa: F401

from claims.ingest import TextInput
from claims.pipeline import check

from .conftest import ROOT

BOARD_A = "En juillet 2024, Microsoft a renoncé à son siège d'observateur au conseil d'administration d'OpenAI."
BOARD_B = "Microsoft a décidé de se retirer de son siège au conseil d'OpenAI."


def test_seeds_run_through_the_nli_layer_and_the_cache(tiny_model_dir, nli_env):
    r1 = check([str(ROOT / "seeds")], nli=str(tiny_model_dir))
    assert r1.nli.used and r1.nli.model
    assert r1.nli.pairs > 0  # event claims were compared (and typed) by the model
    r2 = check([str(ROOT / "seeds")], nli=str(tiny_model_dir))
    assert r2.nli.pairs == r1.nli.pairs and r2.nli.cache_hits == r2.nli.pairs  # a re-run does no NLI work
    # same verdicts either way: the cache returns what the model said
    v1 = [(f.a, f.b, f.verdict) for g in r1.groups for f in g.findings]
    v2 = [(f.a, f.b, f.verdict) for g in r2.groups for f in g.findings]
    assert v1 == v2


def test_event_pairs_are_judged_by_nli_with_the_threshold(tiny_model_dir, nli_env):
    from claims.nli.engine import get_engine

    eng = get_engine(str(tiny_model_dir))
    conflict, p = eng.is_conflict(BOARD_A, BOARD_B)
    r = check([TextInput(text=BOARD_A, id="a"), TextInput(text=BOARD_B, id="b")], nli=str(tiny_model_dir))
    f = r.groups[0].findings[0]
    if conflict:
        assert f.verdict == "conflict" and f.method == "nli"
    else:
        assert f.verdict in ("agree", "compatible") and "NLI contradiction" in f.explanation


def test_report_says_plainly_when_nli_is_not_used(nli_env):
    r = check([TextInput(text=BOARD_A, id="a")], nli="none")
    assert not r.nli.used and "structured checks only" in r.nli.note
