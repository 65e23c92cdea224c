"""NLI module parts that need no model: labels, metrics, data readers, config, kinds, cache, offline hook."""
from __future__ import annotations

import itertools
import json
import multiprocessing as mp
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

try:
    from tests.nli_fixtures import EVAL, needs_eval_data, nli_env  # noqa: F401
except ImportError:  # tests/ is not a package: pytest put it on sys.path
    from nli_fixtures import EVAL, needs_eval_data, nli_env  # noqa: F401

from claims.errors import ClaimsError
from claims.nli.base import canonical_label, label_columns, reorder_probs
from claims.nli.cache import NLICache, cache_dir, pair_key
from claims.nli.config import is_local_spec, load_settings
from claims.nli.evaluate import guess_format, load_eval_data
from claims.nli.kinds import BUILTIN_KINDS, load_kind_specs, read_kinds_file
from claims.nli.metrics import best_f1_threshold, binary_prf, multiclass_report, roc_auc

XNLI = EVAL / "xnli_fr" / "xnli_dev_fr.tsv"
RTE3 = EVAL / "rte3_fr" / "RTE3-FR-dev-set-3class.tsv"
DACCORD = EVAL / "daccord" / "daccord_dev.tsv"
FRACAS = EVAL / "fracas_fr" / "fracas_test_fr_nli.tsv"


# -- labels -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name,expected",
    [("ENTAILMENT", "entailment"), ("entail", "entailment"), ("Neutral", "neutral"),
     ("contradict", "contradiction"), ("CONTRADICTION", "contradiction"),
     ("not_entailment", "not_entailment"), ("non-entailment", "not_entailment"), ("LABEL_0", None)],
)
def test_canonical_label(name, expected):
    assert canonical_label(name) == expected


def test_label_columns_reorders_any_order():
    cols, two = label_columns({0: "CONTRADICTION", 1: "entailment", 2: "Neutral"})
    assert cols == [1, 2, 0] and not two
    probs = np.array([[0.7, 0.2, 0.1]])  # model order: contradiction, entailment, neutral
    np.testing.assert_allclose(reorder_probs(probs, cols), [[0.2, 0.1, 0.7]])


def test_label_columns_generic_names_need_a_mapping():
    with pytest.raises(ClaimsError, match="LABEL_0"):
        label_columns({0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"})
    cols, _ = label_columns({0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"},
                            {"LABEL_0": "contradiction", "LABEL_1": "neutral", "LABEL_2": "entailment"})
    assert cols == [2, 1, 0]


def test_label_columns_two_class_maps_not_entailment_to_neutral():
    cols, two = label_columns({0: "not_entailment", 1: "entailment"})
    assert two and cols == [1, 0, -1]
    out = reorder_probs(np.array([[0.9, 0.1]]), cols)
    np.testing.assert_allclose(out, [[0.1, 0.9, 0.0]])


def test_label_columns_rejects_duplicates():
    with pytest.raises(ClaimsError, match="two outputs"):
        label_columns({0: "entailment", 1: "ENTAILMENT", 2: "neutral"})


# -- metrics ------------------------------------------------------------------------
def test_multiclass_report_by_hand():
    gold = ["entailment", "entailment", "neutral", "contradiction", "contradiction", "neutral"]
    pred = ["entailment", "neutral", "neutral", "contradiction", "entailment", "neutral"]
    rep = multiclass_report(gold, pred, ["entailment", "neutral", "contradiction"])
    assert rep["accuracy"] == pytest.approx(4 / 6)
    assert rep["confusion"]["matrix"] == [[1, 1, 0], [0, 2, 0], [1, 0, 1]]
    ent = rep["per_class"]["entailment"]
    assert ent["precision"] == pytest.approx(0.5) and ent["recall"] == pytest.approx(0.5)
    neu = rep["per_class"]["neutral"]
    assert neu["precision"] == pytest.approx(2 / 3) and neu["recall"] == 1.0 and neu["f1"] == pytest.approx(0.8)


def test_auc_matches_pairwise_count():
    rng = np.random.default_rng(0)
    scores = np.round(rng.random(60), 1)  # many ties
    gold = rng.random(60) < 0.4
    pos, neg = scores[gold], scores[~gold]
    brute = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))
    assert roc_auc(scores, gold) == pytest.approx(brute)
    assert roc_auc(scores, np.zeros(60, bool)) is None


def test_best_threshold_is_optimal():
    rng = np.random.default_rng(1)
    gold = rng.random(80) < 0.5
    scores = np.clip(gold * 0.3 + rng.random(80) * 0.7, 0, 1)
    thr, best = best_f1_threshold(scores, gold)
    brute = max(binary_prf(scores, gold, t)["f1"] for t in np.unique(scores))
    assert best["f1"] == pytest.approx(brute)
    assert binary_prf(scores, gold, thr)["f1"] == pytest.approx(brute)


# -- evaluation data ----------------------------------------------------------------
@needs_eval_data
def test_read_xnli_rte3_daccord_fracas():
    x = load_eval_data(XNLI, "xnli", limit=30)
    assert len(x.pairs) == 30 and set(x.labels) == {"entailment", "neutral", "contradiction"}
    assert x.pairs[0][0].startswith("Et il a dit")
    r = load_eval_data(RTE3, "rte3", limit=40)
    assert len(r.pairs) == 40 and r.labels[0] == "entailment" and r.labels[1] == "contradiction"
    d = load_eval_data(DACCORD, None, limit=20)
    assert d.format == "daccord" and d.binary and set(d.labels) <= {0, 1} and d.labels[1] == 1
    f = load_eval_data(FRACAS)
    assert f.format == "fracas" and f.skipped.get("undef", 0) > 0
    assert len(f.pairs) + f.skipped["undef"] == 296
    assert "undef" not in f.labels


def test_read_jsonl(tmp_path):
    p = tmp_path / "pairs.jsonl"
    rows = [{"premise": "Le chat dort.", "hypothesis": "Un animal dort.", "label": "entailment"},
            {"premise": "Il pleut.", "hypothesis": "Il fait sec.", "label": 2}]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    d = load_eval_data(p)
    assert d.format == "jsonl" and d.labels == ["entailment", "contradiction"]


@pytest.mark.parametrize(
    "content,fmt,match",
    [("a\tb\n", "xnli", "columns"),
     ("p\th\tmaybe\n", "xnli", "unknown label"),
     ("id\tpremise\thypothesis\tlabel\n1\tp\th\t7\n", "daccord", "DACCORD label"),
     ("id\tfoo\tbar\n1\tp\th\n", "fracas", "header"),
     ("{not json}\n", "jsonl", "invalid JSON"),
     ("", "xnli", "empty")],
)
def test_bad_eval_files_give_one_line(tmp_path, content, fmt, match):
    p = tmp_path / "bad.tsv"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(ClaimsError, match=match) as err:
        load_eval_data(p, fmt)
    assert "\n" not in str(err.value)


def test_missing_or_binary_eval_file(tmp_path):
    with pytest.raises(ClaimsError, match="not found"):
        load_eval_data(tmp_path / "nope.tsv", "xnli")
    b = tmp_path / "bin.tsv"
    b.write_bytes(b"\xff\xfe\x00\x81\x82")
    with pytest.raises(ClaimsError, match="UTF-8"):
        load_eval_data(b, "xnli")
    with pytest.raises(ClaimsError, match="--format"):
        guess_format("data.tsv")


# -- configuration ------------------------------------------------------------------
def test_settings_precedence(tmp_path, monkeypatch):
    assert load_settings().spec == "offline" and load_settings().source == "default"
    user = tmp_path / "xdg" / "claims" / "config.toml"
    user.parent.mkdir(parents=True)
    user.write_text('[nli]\nmodel = "user/model"\nthreads = 3\n')
    assert (load_settings().spec, load_settings().threads) == ("user/model", 3)
    Path("claims.toml").write_text('[nli]\nmodel = "./cwd-model"\nquantize = true\n')
    st = load_settings()
    assert st.spec == "./cwd-model" and st.quantize and st.threads == 3 and "claims.toml" in st.source
    monkeypatch.setenv("CLAIMS_NLI", "env/model")
    assert load_settings().spec == "env/model"
    assert load_settings("none").spec == "none"


def test_bad_config_is_one_line():
    Path("claims.toml").write_text("[nli\nmodel = 1\n")
    with pytest.raises(ClaimsError, match="invalid TOML") as err:
        load_settings()
    assert "\n" not in str(err.value)


def test_local_spec_detection(tmp_path):
    assert is_local_spec(str(tmp_path)) and is_local_spec("./models/x") and is_local_spec("~/m")
    assert not is_local_spec("MoritzLaurer/mDeBERTa-v3-base-xnli-multilingual-nli-2mil7")
    assert not is_local_spec("offline")


# -- claim kinds ----------------------------------------------------------------------
def test_builtin_kinds():
    names = [k.name for k in BUILTIN_KINDS]
    assert names == ["investment", "valuation", "revenue", "funding", "founding", "acquisition",
                     "partnership_start", "partnership_end", "board_change", "leadership_change", "regulatory_action",
                     "casualties", "count", "quantity"]
    for k in BUILTIN_KINDS:
        assert k.templates_for("fr") and k.templates_for("en") and k.keywords_for("fr")
    inv = next(k for k in BUILTIN_KINDS if k.name == "investment")
    assert inv.templates_for("de") == inv.templates_for("en")  # English when the language is missing
    assert inv.matches_keywords("Le groupe a investi 2 milliards d'euros.", "fr")
    assert not inv.matches_keywords("Le match a eu lieu hier soir.", "fr")


def test_user_kinds_toml_and_json(tmp_path):
    t = tmp_path / "kinds.toml"
    t.write_text('[[kinds]]\nname = "layoffs"\ntemplates = { fr = "Ce passage parle de licenciements.", '
                 'en = "This text is about layoffs." }\nkeywords = { fr = ["licenciement"] }\n\n'
                 '[[kinds]]\nname = "revenue"\ntemplates = { en = ["This is about sales.", "This is about revenue."] }\n',
                 encoding="utf-8")
    kinds = load_kind_specs(t)
    by = {k.name: k for k in kinds}
    assert "layoffs" in by and len(kinds) == len(BUILTIN_KINDS) + 1
    assert by["revenue"].templates["en"] == ["This is about sales.", "This is about revenue."]
    j = tmp_path / "kinds.json"
    j.write_text(json.dumps([{"name": "strike", "templates": {"fr": "Ce passage parle d'une grève."}}]))
    assert read_kinds_file(j)[0].templates_for("fr") == ["Ce passage parle d'une grève."]
    # from the claims config
    Path("claims.toml").write_text(f'[nli]\nkinds = "{t}"\n')
    assert "layoffs" in {k.name for k in load_kind_specs()}


def test_bad_kinds_file(tmp_path):
    p = tmp_path / "k.json"
    p.write_text(json.dumps([{"name": "x y", "templates": {"fr": "a"}}]))
    with pytest.raises(ClaimsError, match="kind #1"):
        read_kinds_file(p)
    p.write_text(json.dumps({"kinds": [{"name": "ok", "templates": {}}]}))
    with pytest.raises(ClaimsError, match="template"):
        read_kinds_file(p)


# -- cache ----------------------------------------------------------------------------
def test_cache_dir_from_env(nli_env):
    assert cache_dir() == nli_env
    assert NLICache().path.parent == nli_env


def test_cache_roundtrip(tmp_path):
    c = NLICache(tmp_path / "c.sqlite")
    pairs = [("Microsoft a investi 10 milliards.", "OpenAI a reçu de l'argent."), ("a", "b")]
    assert c.get_many("fp1", pairs) == [None, None]
    c.put_many("fp1", pairs, np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]))
    got = c.get_many("fp1", pairs + [("b", "a")])
    np.testing.assert_allclose(got[0], [0.7, 0.2, 0.1])
    np.testing.assert_allclose(got[1], [0.1, 0.1, 0.8])
    assert got[2] is None
    assert c.get_many("fp2", pairs) == [None, None]  # another model
    assert c.count("fp1") == 2
    assert pair_key("a", "bc") != pair_key("ab", "c")


def _writer(path: str, worker: int, n: int) -> None:
    c = NLICache(path)
    for i in range(n):
        pairs = [(f"premise {worker} {i} {j}", f"hypothesis {j}") for j in range(5)]
        c.put_many("fp", pairs, np.full((5, 3), worker / 10))
        c.get_many("fp", pairs)
    c.close()


def test_cache_concurrent_processes(tmp_path):
    path = str(tmp_path / "shared.sqlite")
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(path, w, 40)) for w in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert all(p.exitcode == 0 for p in procs)
    assert NLICache(path).count("fp") == 3 * 40 * 5


# -- offline hook and import cost -----------------------------------------------------------
def test_offline_hook_when_e5_module_is_missing(monkeypatch):
    from claims.nli.base import NLIUnavailable
    from claims.nli.offline import load_offline_backend

    monkeypatch.setitem(sys.modules, "claims.nli.e5", None)
    with pytest.raises(NLIUnavailable, match="offline NLI model is not built yet"):
        load_offline_backend()


def test_import_is_cheap():
    code = ("import sys, claims.nli, claims.nli.cli, claims.nli.engine, claims.nli.kinds, claims.nli.cache;"
            "print(sorted(m for m in ('torch', 'transformers', 'sentencepiece') if m in sys.modules))")
    repo = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=repo)
    assert out.stdout.strip() == "[]"
