"""Figures too large to be real ("1e308 milliards", a 400-digit number) are not values: they stay
plain text at recognition, so no infinity reaches `claims mentions`, a report or the store."""
from __future__ import annotations

import json
import re

import pytest

from claims.cli import main
from claims.ingest import TextInput, load_documents
from claims.recognize import find_mentions
from claims.recognize.numbers import MAX_FIGURE, number_atoms, plausible
from claims.report import render
from claims.store import ClaimStore

HUGE = [
    "1e308 milliards de dollars",
    "1e400 dollars",
    "1" * 400 + " euros",
    "10^999 euros",
    "0^-1 euros",
    "1e17 milliards de dollars",
    "entre 1e300 et 1e301 milliards d'euros",
    "plus de 9" + "9" * 30 + " millions de personnes",
]
GOOD = "Microsoft a investi 10 milliards de dollars dans OpenAI en 2023."


@pytest.mark.parametrize("text", HUGE)
def test_huge_figure_is_no_mention(text):
    mentions = find_mentions(f"Le groupe a investi {text} en 2023.")
    assert [m.kind for m in mentions] == ["date"], [(m.kind, m.text, m.value) for m in mentions]
    assert all(plausible(a.value) for a in number_atoms(text))


def test_real_figures_beside_a_huge_one_are_kept():
    mentions = find_mentions("Il a parlé de 1e308 milliards de dollars, puis de 10 milliards de dollars.")
    assert [(m.kind, m.value.amount) for m in mentions] == [("money", 1e10)]


def test_the_bound():
    assert plausible(None) and plausible(MAX_FIGURE) and plausible(-1.2732e15)
    assert not plausible(MAX_FIGURE * 10) and not plausible(float("inf")) and not plausible(float("nan"))


@pytest.mark.parametrize("text", HUGE)
def test_mentions_cli_prints_valid_json(text, capsys):
    assert main(["mentions", "--text", f"{text} et 3 milliards de dollars"]) == 0
    out = capsys.readouterr().out
    assert "Infinity" not in out and "NaN" not in out
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["value"]["amount"] for r in records if r["kind"] == "money"] == [3e9]


def test_reports_and_store_survive_huge_figures(tmp_path):
    bad = f"Selon un rapport fantaisiste, OpenAI vaudrait {HUGE[0]} et {HUGE[2]} en 2024. {GOOD}"
    store = ClaimStore(tmp_path / "corpus.db")
    store.add_documents(load_documents([TextInput(bad, id="bad"), TextInput(GOOD, id="good", published="2024-01-02")]))
    for _ in range(2):  # every later check of that store works as well
        report = store.check(nli="none")
        assert {d.document.id: d.status for d in store.documents()} == {"bad": "ok", "good": "ok"}
    values = [c.value for c in report.claims if c.value is not None]
    assert values and all(plausible(v.amount) and plausible(v.low) and plausible(v.high) for v in values)
    for fmt in ("json", "markdown", "html", "csv"):
        out = render(report, fmt)
        assert not re.search(r"(?i)\binf(inity)?\b|\bnan\b|∞", out), fmt
    json.loads(render(report, "json"))
