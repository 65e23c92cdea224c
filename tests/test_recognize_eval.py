"""Evaluation on Microsoft Recognizers-Text French specs, and the recognizer CLI commands."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.cli import main
from claims.errors import InputError
from claims.model import Document, Span
from claims.recognize.cli import mentions_in_document
from claims.recognize.evaluate import evaluate_specs, parse_gold_number

SPECS = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "recognizers_fr"


@pytest.fixture
def specs() -> Path:
    if not SPECS.is_dir():
        pytest.skip(f"Recognizers-Text specs not found at {SPECS}")
    return SPECS


def test_supported_value_accuracy_targets(specs):
    result = evaluate_specs(specs, ["CurrencyModel", "NumberModel", "PercentModel"])
    files = result["files"]
    assert set(files) == {"NumberWithUnit/CurrencyModel.json", "Number/NumberModel.json", "Number/PercentModel.json"}
    for name, r in files.items():
        sup, ns = r["supported"], r["not_supported"]
        assert sup["cases"] > 0 and ns["cases"] > 0
        assert sup["value_accuracy"] >= 0.90, (name, sup)
        assert 0 <= sup["exact"]["f1"] <= sup["overlap"]["f1"] <= 1
        assert sup["value_correct"] <= sup["value_gold"] <= sup["gold"]


def test_all_spec_files_are_scored(specs):
    result = evaluate_specs(specs)
    assert len(result["files"]) == 6
    period = result["files"]["DateTime/DatePeriodExtractor.json"]["supported"]
    assert period["value_accuracy"] is None and period["overlap"]["recall"] > 0.5


def test_errors_listing(specs):
    r = evaluate_specs(specs, ["PercentModel"], errors=True)["files"]["Number/PercentModel.json"]["supported"]
    assert len(r["errors"]) == r["value_gold"] - r["value_correct"]


def test_missing_spec_dir_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        evaluate_specs(tmp_path / "nope")


@pytest.mark.parametrize("s,v", [("0,2", 0.2), ("1E-07", 1e-7), ("10%", 10.0), ("-1,2732E+15", -1.2732e15), ("12,345", 12.345)])
def test_parse_gold_number(s, v):
    assert parse_gold_number(s) == pytest.approx(v)


def test_cli_eval_json(specs, capsys):
    assert main(["eval", "recognizers", "--specs", str(specs), "--file", "CurrencyModel", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["files"]["NumberWithUnit/CurrencyModel.json"]["supported"]["value_accuracy"] >= 0.9


def test_cli_mentions_text(capsys):
    code = main(["mentions", "--text", "Plus de 10 milliards de dollars depuis 2019, l'an dernier.",
                 "--published", "2024-12-12"])
    assert code == 0
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["kind"] for r in recs] == ["money", "date", "date"]
    assert recs[0]["value"]["low"] == 1e10 and recs[0]["value"]["high"] is None and recs[0]["time"] is None
    assert recs[1]["time"]["relation"] == "since" and recs[1]["value"] is None
    assert recs[2]["time"]["value"] == "2023"


def test_cli_mentions_bad_input(capsys, tmp_path):
    assert main(["mentions", str(tmp_path / "missing.html")]) == 2
    assert "missing.html" in capsys.readouterr().err
    assert main(["mentions", "--text", "10 %", "--published", "12/12/2024"]) == 2
    assert main(["mentions"]) == 2


def test_cli_mentions_file(tmp_path, capsys):
    pytest.importorskip("claims.ingest")
    p = tmp_path / "article.txt"
    p.write_text("Le groupe a levé 1,5 million d'euros en juillet 2019 auprès de 20 investisseurs.\n", encoding="utf-8")
    assert main(["mentions", str(p), "--lang", "fr"]) == 0
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["document"] for r in recs} == {"article"}
    assert ("money", "1,5 million d'euros") in [(r["kind"], r["text"]) for r in recs]


def test_mentions_only_inside_kept_regions():
    text = "Partager 5M+ fois\nLe groupe a levé 1,5 million d'euros.\nLire aussi : 3 000 emplois supprimés"
    s = text.index("Le groupe")
    e = text.index("\nLire")
    doc = Document(id="d1", text=text, language="fr", kept=[Span(start=s, end=e)])
    ms = mentions_in_document(doc)
    assert [m.text for m in ms] == ["1,5 million d'euros"]
    assert text[ms[0].start:ms[0].end] == ms[0].text
