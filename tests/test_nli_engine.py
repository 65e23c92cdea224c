"""The NLI engine on tiny random checkpoints loaded the way users load models (get_engine(path))."""
from __future__ import annotations

import logging

import numpy as np
import pytest

try:
    from tests.nli_fixtures import (copy_model, nli_env, tiny_model_dir, tiny_two_class_dir,  # noqa: F401
                                    tiny_xlmr_dir)
except ImportError:
    from nli_fixtures import copy_model, nli_env, tiny_model_dir, tiny_two_class_dir, tiny_xlmr_dir  # noqa: F401

from claims.errors import ClaimsError
from claims.nli import engine as engine_mod
from claims.nli.base import NLIUnavailable
from claims.nli.cache import NLICache
from claims.nli.engine import NLIEngine, get_engine, last_unavailable_reason, unavailable_info
from claims.nli.kinds import BUILTIN_KINDS, load_kind_specs

PAIRS = [
    ("Microsoft a investi 10 milliards de dollars dans OpenAI en janvier 2023.",
     "OpenAI a reçu un investissement de Microsoft."),
    ("Selon la presse, l'entreprise aurait levé plus de 6 milliards de dollars.",
     "L'entreprise n'a levé aucun fonds."),
    ("Le partenariat a commencé en 2019.", "Le partenariat est récent."),
    ("The company invested ten billion dollars in the startup.", "No money was invested."),
    ("Au moins douze personnes ont été tuées.", "Il y a eu des victimes."),
    ("Court.", "Une hypothèse un peu plus longue que la prémisse, avec des chiffres : 3,5 %."),
]
HUB_ID = "claims-tests/no-such-nli-model"  # never exists in the (empty, test-local) HF cache


def _manual_probs(folder, pairs, order):
    """Softmax of the checkpoint's own logits; ``order`` = model indices of entailment, neutral, contradiction."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(folder))
    model = AutoModelForSequenceClassification.from_pretrained(str(folder)).eval()
    rows = []
    with torch.inference_mode():
        for p, h in pairs:
            enc = tok(p, h, return_tensors="pt")
            logits = model(**enc).logits[0].double()
            rows.append(torch.softmax(logits, -1).numpy()[order])
    return np.array(rows)


def test_label_mapping_matches_manual_softmax(tiny_model_dir):
    eng = get_engine(str(tiny_model_dir), cache=False)
    got = eng.predict(PAIRS)
    assert got.shape == (len(PAIRS), 3)
    np.testing.assert_allclose(got.sum(axis=1), 1.0, atol=1e-9)
    np.testing.assert_allclose(got, _manual_probs(tiny_model_dir, PAIRS, [1, 2, 0]), atol=1e-5)
    # the odd id2label really matters: the raw model order differs from ours
    assert eng.backend.columns == [1, 2, 0]


def test_batch_equals_one_by_one_and_is_deterministic(tiny_model_dir):
    eng = get_engine(str(tiny_model_dir), cache=False)
    batch = eng.backend.predict(PAIRS)
    single = np.vstack([eng.backend.predict([p]) for p in PAIRS])
    np.testing.assert_allclose(batch, single, atol=1e-5)
    np.testing.assert_array_equal(batch, eng.backend.predict(PAIRS))
    assert not eng.backend.model.training


def test_encoding_matches_tokenizer_for_short_pairs(tiny_model_dir):
    b = get_engine(str(tiny_model_dir), cache=False).backend
    for (p, h), (ids, types) in zip(PAIRS, b.encode(PAIRS)):
        enc = b.tokenizer(p, h)
        assert ids == enc["input_ids"]


def test_truncation_keeps_the_hypothesis_whole(tiny_model_dir):
    b = get_engine(str(tiny_model_dir), cache=False).backend
    premise = " ".join(["Le groupe a investi 10 milliards de dollars dans la société en 2023."] * 40)
    hyp = "La société a reçu de l'argent du groupe."
    (ids, types), = b.encode([(premise, hyp)])
    assert len(ids) == b.max_length == 128
    hyp_ids = b.tokenizer(hyp, add_special_tokens=False)["input_ids"]
    sep = b.tokenizer.sep_token_id
    assert ids[-len(hyp_ids) - 1:-1] == hyp_ids and ids[-1] == sep
    # a hypothesis longer than the model: the premise keeps its first tokens, the hypothesis is cut last
    long_hyp = " ".join([hyp] * 40)
    (ids2, _), = b.encode([("Le groupe a investi dans la société.", long_hyp)])
    assert len(ids2) == 128
    prem_ids = b.tokenizer("Le groupe a investi dans la société.", add_special_tokens=False)["input_ids"]
    from claims.nli.transformers_backend import PREMISE_FLOOR

    kept = prem_ids[:PREMISE_FLOOR]
    assert ids2[: 1 + len(kept) + 1] == [b.tokenizer.cls_token_id, *kept, sep]
    long_hyp_ids = b.tokenizer(long_hyp, add_special_tokens=False)["input_ids"]
    assert ids2[len(kept) + 2 : -1] == long_hyp_ids[: 128 - len(kept) - 3]  # hypothesis cut at its end
    out = b.predict([(premise, hyp), ("Le groupe a investi dans la société.", long_hyp)])
    assert out.shape == (2, 3) and np.all(np.isfinite(out))


def test_cache_second_run_does_no_model_work(tiny_model_dir, nli_env):
    eng = get_engine(str(tiny_model_dir))
    assert eng.cache is not None and eng.cache.path.parent == nli_env  # CLAIMS_CACHE_DIR honoured
    calls = []
    real = eng.backend.predict

    def counting(pairs):
        calls.append(len(pairs))
        return real(pairs)

    eng.backend.predict = counting
    try:
        first = eng.predict(PAIRS + PAIRS[:2])  # duplicates are computed once
        assert calls == [len(PAIRS)]
        assert eng.info().cache_hits == 2
        fresh = NLIEngine(eng.backend, NLICache())  # a new run: new engine, same cache file
        again = fresh.predict(PAIRS)
        assert calls == [len(PAIRS)]
        np.testing.assert_allclose(again, first[: len(PAIRS)])
        info = fresh.info()
        assert info.used and info.pairs == len(PAIRS) and info.cache_hits == len(PAIRS)
        assert info.model == str(tiny_model_dir)
    finally:
        del eng.backend.predict
    assert (nli_env / "nli.sqlite").is_file()


def test_no_cache_option(tiny_model_dir, nli_env):
    eng = get_engine(str(tiny_model_dir), cache=False)
    eng.predict(PAIRS[:2])
    assert eng.cache is None and not (nli_env / "nli.sqlite").exists()


def test_contradiction_entailment_and_conflict(tiny_model_dir):
    eng = get_engine(str(tiny_model_dir), cache=False)
    a, b = PAIRS[1]
    probs = eng.predict([(a, b), (b, a)])
    assert eng.contradiction(a, b) == pytest.approx(probs[:, 2].max())
    assert eng.contradiction(b, a) == pytest.approx(eng.contradiction(a, b))
    assert eng.mutual_entailment(a, b) == pytest.approx(probs[:, 0].min())
    many = eng.contradiction_many(PAIRS)
    assert many.shape == (len(PAIRS),)
    assert many[1] == pytest.approx(eng.contradiction(a, b))
    np.testing.assert_allclose(eng.mutual_entailment_many(PAIRS[:2])[1], eng.mutual_entailment(a, b))
    score = eng.contradiction(a, b)
    assert eng.threshold == 0.5  # not calibrated
    eng.contradiction_threshold = score - 1e-6
    assert eng.is_conflict(a, b) == (True, pytest.approx(score))
    eng.contradiction_threshold = score + 1e-6
    assert eng.is_conflict(a, b)[0] is False


def test_zero_shot_typing_returns_all_kinds_sorted(tiny_model_dir):
    eng = get_engine(str(tiny_model_dir), cache=False)
    text = "Microsoft a investi 10 milliards de dollars dans OpenAI en janvier 2023."
    ranked = eng.classify(text, "fr", load_kind_specs())
    assert sorted(n for n, _ in ranked) == sorted(k.name for k in BUILTIN_KINDS)
    scores = [s for _, s in ranked]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
    inv = next(k for k in BUILTIN_KINDS if k.name == "investment")
    expected = eng.predict([(text, t) for t in inv.templates_for("fr")])[:, 0].mean()
    assert dict(ranked)["investment"] == pytest.approx(expected)
    # English text with the English templates
    en = eng.classify("The startup raised 6 billion dollars.", "en", list(BUILTIN_KINDS[:3]))
    assert [n for n, _ in en] and len(en) == 3


def test_offline_hub_id_one_message_and_fallback(tiny_model_dir, monkeypatch, caplog):
    from claims.nli import offline, transformers_backend

    def no_network(*a, **k):
        raise AssertionError("network attempted")

    monkeypatch.setattr(transformers_backend, "hub_reachable", no_network)

    def not_built(**kwargs):
        raise NLIUnavailable("the offline NLI model is not built yet")

    monkeypatch.setattr(offline, "load_offline_backend", not_built)
    engine_mod.clear_loaded_backends()  # another test may have loaded the shipped offline model
    with caplog.at_level(logging.WARNING, logger="claims.nli"):
        assert get_engine(HUB_ID) is None
    msgs = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(msgs) == 1
    assert HUB_ID in msgs[0] and "--nli /path/to/folder" in msgs[0] and "CLAIMS_NLI=" in msgs[0]
    assert "\n" not in msgs[0]
    reason = last_unavailable_reason()
    assert "not built yet" in reason and HUB_ID in reason
    assert unavailable_info().used is False and "not built yet" in unavailable_info().note

    # required: the same one line, as a ClaimsError, and no fallback
    with pytest.raises(ClaimsError) as err:
        get_engine(HUB_ID, required=True)
    assert "--nli /path/to/folder" in str(err.value) and "\n" not in str(err.value)

    # with an offline default available the run goes on with it
    tiny = get_engine(str(tiny_model_dir), cache=False).backend
    monkeypatch.setattr(offline, "load_offline_backend", lambda **kw: tiny)
    engine_mod.clear_loaded_backends()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="claims.nli"):
        eng = get_engine(HUB_ID)
    assert eng is not None and eng.backend is tiny
    assert len([r for r in caplog.records if r.levelno >= logging.WARNING]) == 1


def test_hub_unreachable_without_offline_flag(monkeypatch):
    from claims.nli import offline, transformers_backend

    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(transformers_backend, "_hub_offline", lambda: False)
    monkeypatch.setattr(transformers_backend, "hub_reachable", lambda timeout=3.0: False)
    monkeypatch.setattr(offline, "load_offline_backend",
                        lambda **kw: (_ for _ in ()).throw(NLIUnavailable("offline model missing")))
    with pytest.raises(ClaimsError, match="hub cannot be reached"):
        get_engine(HUB_ID, required=True)


def test_none_and_offline_specs(monkeypatch):
    from claims.nli import offline

    assert get_engine("none") is None and "disabled" in last_unavailable_reason()
    with pytest.raises(ClaimsError, match="disabled"):
        get_engine("none", required=True)
    monkeypatch.setattr(offline, "load_offline_backend",
                        lambda **kw: (_ for _ in ()).throw(NLIUnavailable("the offline NLI model is not built yet")))
    engine_mod.clear_loaded_backends()
    assert get_engine() is None  # default spec is offline
    assert "not built yet" in last_unavailable_reason()
    with pytest.raises(ClaimsError, match="not built yet"):
        get_engine(None, required=True)
    monkeypatch.setenv("CLAIMS_NLI", "none")
    assert get_engine() is None and "CLAIMS_NLI" in last_unavailable_reason()


def test_missing_local_folder_is_an_error(tmp_path):
    with pytest.raises(ClaimsError, match="not found"):
        get_engine(str(tmp_path / "no-model-here"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(ClaimsError, match="config.json"):
        get_engine(str(tmp_path / "empty"))


def test_generic_label_names_need_mapping(tiny_model_dir, tmp_path):
    folder = copy_model(tiny_model_dir, tmp_path / "generic", {0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"})
    with pytest.raises(ClaimsError, match="LABEL_0"):
        get_engine(str(folder), cache=False)
    # the same mapping as the original checkpoint, given in claims.toml
    (tmp_path / "cwd" / "claims.toml").write_text(
        '[nli.labels]\nLABEL_0 = "contradiction"\nLABEL_1 = "entailment"\nLABEL_2 = "neutral"\n')
    mapped = get_engine(str(folder), cache=False).predict(PAIRS[:3])
    original = get_engine(str(tiny_model_dir), cache=False).predict(PAIRS[:3])
    np.testing.assert_allclose(mapped, original, atol=1e-9)


def test_two_class_model(tiny_two_class_dir):
    eng = get_engine(str(tiny_two_class_dir), cache=False)
    assert eng.backend.two_class
    out = eng.predict(PAIRS)
    assert np.all(out[:, 2] == 0.0)
    np.testing.assert_allclose(out.sum(axis=1), 1.0, atol=1e-9)
    assert eng.is_conflict(*PAIRS[1])[0] is False


def test_xlmr_checkpoint(tiny_xlmr_dir):
    eng = get_engine(str(tiny_xlmr_dir), cache=False)
    b = eng.backend
    assert b.max_length == 128
    np.testing.assert_allclose(eng.predict(PAIRS), _manual_probs(tiny_xlmr_dir, PAIRS, [0, 1, 2]), atol=1e-5)
    premise = " ".join(["La commission européenne a ouvert une enquête approfondie."] * 50)
    (ids, _), = b.encode([(premise, "Une enquête est ouverte.")])
    assert len(ids) == 128 and ids[-1] == b.tokenizer.eos_token_id
    np.testing.assert_allclose(b.predict(PAIRS), np.vstack([b.predict([p]) for p in PAIRS]), atol=1e-5)


def test_threads_and_int8(tiny_model_dir, monkeypatch):
    import torch

    monkeypatch.setenv("CLAIMS_THREADS", "1")
    monkeypatch.setenv("CLAIMS_NLI_QUANTIZE", "1")
    eng = get_engine(str(tiny_model_dir), cache=False)
    assert eng.backend.quantized and torch.get_num_threads() == 1
    out = eng.predict(PAIRS)
    np.testing.assert_allclose(out.sum(axis=1), 1.0, atol=1e-6)
    monkeypatch.delenv("CLAIMS_NLI_QUANTIZE")
    plain = get_engine(str(tiny_model_dir), cache=False)
    assert not plain.backend.quantized
    assert plain.backend.fingerprint != eng.backend.fingerprint  # cached results never mix
    assert np.abs(plain.predict(PAIRS) - out).max() < 0.2  # int8 stays close to float


def test_generic_encoding_fallback_agrees(tiny_model_dir):
    """The text-level fallback (for tokenizers whose pair assembly we cannot reproduce) gives the same ids."""
    b = get_engine(str(tiny_model_dir), cache=False).backend
    assert b.encoding_mode == "fast"
    premise = " ".join(["Le groupe a investi 10 milliards de dollars dans la société en 2023."] * 40)
    hyp = "La société a reçu de l'argent du groupe."
    pairs = PAIRS + [(premise, hyp)]
    fast = b.encode(pairs)
    b.encoding_mode = "generic"
    try:
        generic = b.encode(pairs)
        out = b.predict(pairs)
    finally:
        b.encoding_mode = "fast"
    assert [ids for ids, _ in generic[:-1]] == [ids for ids, _ in fast[:-1]]
    ids = generic[-1][0]
    hyp_ids = b.tokenizer(hyp, add_special_tokens=False)["input_ids"]
    assert len(ids) <= 128 and ids[-len(hyp_ids) - 1:-1] == hyp_ids
    np.testing.assert_allclose(out[:-1], b.predict(PAIRS), atol=1e-5)
