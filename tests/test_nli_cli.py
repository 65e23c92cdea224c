"""`claims eval nli`, `claims nli calibrate`, `claims nli info` on real evaluation data with a tiny model."""
from __future__ import annotations

import json

import pytest
import typer

try:
    from tests.nli_fixtures import EVAL, copy_model, needs_eval_data, nli_env, tiny_model_dir  # noqa: F401
except ImportError:
    from nli_fixtures import EVAL, copy_model, needs_eval_data, nli_env, tiny_model_dir  # noqa: F401

from claims.errors import ClaimsError

pytestmark = needs_eval_data

DATA = {
    "xnli": EVAL / "xnli_fr" / "xnli_dev_fr.tsv",
    "rte3": EVAL / "rte3_fr" / "RTE3-FR-dev-set-3class.tsv",
    "daccord": EVAL / "daccord" / "daccord_dev.tsv",
    "fracas": EVAL / "fracas_fr" / "fracas_test_fr_nli.tsv",
}


def run(args: list[str], capsys) -> tuple[int, str, str]:
    """Run the NLI commands as registered in the claims CLI; (exit code, stdout, stderr)."""
    from claims.nli.cli import register

    app = typer.Typer(pretty_exceptions_enable=False)
    eval_app = typer.Typer(pretty_exceptions_enable=False)
    app.add_typer(eval_app, name="eval")
    register(app, eval_app)
    try:
        rv = app(args=args, standalone_mode=False)  # click returns typer.Exit's code here
        code = rv if isinstance(rv, int) else 0
    except ClaimsError as exc:  # what claims.cli.main prints as one line with exit 2
        print(f"claims: error: {exc}", file=__import__("sys").stderr)
        code = exc.exit_code
    except typer.Exit as exc:
        code = exc.exit_code
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("fmt", ["xnli", "rte3", "fracas"])
def test_eval_nli_three_class_json(fmt, tiny_model_dir, capsys):
    code, out, err = run(["eval", "nli", "--data", str(DATA[fmt]), "--format", fmt, "--nli", str(tiny_model_dir),
                          "--limit", "24", "--json"], capsys)
    assert code == 0, err
    res = json.loads(out)
    assert {"accuracy", "per_class", "confusion", "pairs_per_second"} <= set(res)
    assert res["n"] == 24 and 0 <= res["accuracy"] <= 1 and res["pairs_per_second"] > 0
    assert set(res["per_class"]) == {"entailment", "neutral", "contradiction"}
    for m in res["per_class"].values():
        assert {"precision", "recall", "f1"} <= set(m)
    assert sum(map(sum, res["confusion"]["matrix"])) == 24
    assert res["confusion"]["labels"] == ["entailment", "neutral", "contradiction"]


def test_eval_nli_daccord_json(tiny_model_dir, capsys):
    code, out, err = run(["eval", "nli", "--data", str(DATA["daccord"]), "--nli", str(tiny_model_dir),
                          "--limit", "30", "--json"], capsys)
    assert code == 0, err
    res = json.loads(out)
    assert {"precision", "recall", "f1", "auc", "pairs_per_second"} <= set(res)
    assert res["format"] == "daccord" and res["n"] == 30 and res["model_pairs"] == 60  # both directions
    assert 0 <= res["auc"] <= 1 and res["threshold"] == 0.5


def test_eval_nli_text_report(tiny_model_dir, capsys):
    code, out, _ = run(["eval", "nli", "--data", str(DATA["xnli"]), "--nli", str(tiny_model_dir), "--limit", "9"],
                       capsys)
    assert code == 0
    assert "accuracy" in out and "confusion" in out and "pairs/second" in out and "contradiction" in out


def test_eval_nli_without_model_exits_2(capsys):
    code, out, err = run(["eval", "nli", "--data", str(DATA["xnli"]), "--nli", "none"], capsys)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "no NLI model" in err


def test_eval_nli_bad_file(tmp_path, tiny_model_dir, capsys):
    bad = tmp_path / "bad.tsv"
    bad.write_text("only one column\n", encoding="utf-8")
    code, _, err = run(["eval", "nli", "--data", str(bad), "--format", "xnli", "--nli", str(tiny_model_dir)], capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "columns" in err


def test_calibrate_writes_and_engine_reloads(tiny_model_dir, tmp_path, capsys):
    from claims.nli.engine import get_engine

    model = copy_model(tiny_model_dir, tmp_path / "model")
    code, out, err = run(["nli", "calibrate", "--data", str(DATA["daccord"]), "--nli", str(model),
                          "--limit", "40", "--json"], capsys)
    assert code == 0, err
    rec = json.loads(out)
    stored = json.loads((model / "claims_nli.json").read_text())
    eng = get_engine(str(model))
    assert rec["file"] == str(model / "claims_nli.json")
    assert stored["calibrations"][eng.backend.fingerprint]["threshold"] == pytest.approx(rec["threshold"])
    assert eng.contradiction_threshold == pytest.approx(rec["threshold"])
    assert "(calibrated)" in eng.info().note
    # calibration does not change the fingerprint, and the threshold maximises F1 on those pairs
    from claims.nli.evaluate import load_eval_data
    from claims.nli.metrics import binary_prf

    data = load_eval_data(DATA["daccord"], "daccord", 40)
    scores = eng.contradiction_many(data.pairs)
    assert binary_prf(scores, data.labels, rec["threshold"])["f1"] == pytest.approx(rec["f1"])
    assert all(binary_prf(scores, data.labels, t)["f1"] <= rec["f1"] + 1e-9 for t in scores)
    # eval on DACCORD now uses the calibrated threshold
    code, out, _ = run(["eval", "nli", "--data", str(DATA["daccord"]), "--nli", str(model), "--limit", "40",
                        "--json"], capsys)
    res = json.loads(out)
    assert res["threshold_source"] == "calibrated" and res["f1"] == pytest.approx(rec["f1"])


def test_calibration_of_non_local_model_goes_to_cache_dir(nli_env):
    from claims.nli.calibration import load_threshold, save_calibration

    class HubLike:  # e.g. a hub snapshot or the offline model: no writable folder of its own
        name = "fake"
        fingerprint = "abc123"

    path = save_calibration(HubLike(), {"threshold": 0.37})
    assert path == nli_env / "calibration" / "abc123.json"
    assert load_threshold(HubLike()) == pytest.approx(0.37)
    HubLike.fingerprint = "other"
    assert load_threshold(HubLike()) is None


def test_nli_info(tiny_model_dir, capsys):
    code, out, _ = run(["nli", "info", "--nli", str(tiny_model_dir), "--json"], capsys)
    assert code == 0
    info = json.loads(out)
    assert info["available"] and info["kind"] == "local folder" and info["backend"] == "transformers"
    assert info["source"].startswith("explicit") and info["threshold_source"].startswith("default")
    code, out, _ = run(["nli", "info", "--nli", "none"], capsys)
    assert code == 0 and "disabled" in out


def test_through_the_claims_cli(tiny_model_dir, capsys):
    from claims.cli import main

    rc = main(["eval", "nli", "--data", str(DATA["fracas"]), "--nli", str(tiny_model_dir), "--limit", "6", "--json"])
    out = capsys.readouterr().out
    assert rc == 0 and json.loads(out)["n"] == 6
    assert main(["eval", "nli", "--data", str(DATA["fracas"]), "--nli", "none"]) == 2


@needs_eval_data
def test_calibrate_on_the_heldout_half_with_a_precision_floor(tiny_model_dir, nli_env, capsys, tmp_path):
    from claims.cli import main

    model = copy_model(tiny_model_dir, tmp_path / "model")  # calibration is stored in the model folder
    rc = main(["nli", "calibrate", "--data", str(EVAL / "daccord" / "daccord_dev.tsv"), "--nli", str(model),
               "--heldout", "--min-precision", "0.6", "--limit", "120", "--json"])
    assert rc == 0
    rec = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert rec["subset"].startswith("held-out") and rec["n"] < 120
    assert "precision" in rec["objective"] or "F1" in rec["objective"]
    if rec["objective"].startswith("precision"):
        assert rec["precision"] >= 0.6
