"""End to end on the five seed articles against the hand-labelled gold."""
from __future__ import annotations

import json

import pytest

from claims.cli import main
from claims.evaluate_seeds import evaluate_report, load_gold
from claims.pipeline import check

from .conftest import ROOT


@pytest.fixture(scope="module")
def seeds_report():
    return check([str(ROOT / "seeds")], nli="none")


def test_eval_seeds_command_meets_the_bar(shared, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    rc = main(["eval", "seeds", "--gold", str(shared / "eval" / "seeds_gold.json"), "--nli", "none", "--json"])
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert rc == 0
    assert out["claims_found"] >= 11 and out["claims_total"] == 12
    assert out["groups_recovered"] == out["groups_total"] == 3
    assert out["pairs_allowed"] == out["pairs_total"]
    assert out["conflicts"] == 0
    assert out["boilerplate_claims"] == 0
    assert out["passed"] is True


def test_seed_investment_group_is_reconciled(seeds_report, shared):
    gold = load_gold(shared / "eval" / "seeds_gold.json")
    res = evaluate_report(seeds_report, gold)
    gid = next(g["report_groups"][0] for g in res["details"]["groups"] if g["group"] == "G1")
    group = next(g for g in seeds_report.groups if g.id == gid)
    assert group.kind == "investment" and (group.subject, group.object) == ("Microsoft", "OpenAI")
    assert group.reconciliation and "11 billion" in group.reconciliation and "2 billion" in group.reconciliation


def test_seed_documents_metadata(seeds_report):
    docs = {d.id: d for d in seeds_report.documents}
    assert len(docs) == 5
    assert all(d.language == "fr" for d in docs.values())
    assert str(docs["002_16ec99c30571758d"].published) == "2024-12-12"
    assert sum(d.published is not None for d in docs.values()) == 1


CONTRADICTIONS = [
    # (a constructed article that states the opposite of a seed's event, the kind that must conflict)
    ("En juillet 2024, Microsoft a conservé son siège d'observateur au conseil d'administration d'OpenAI, "
     "contrairement à ce qui a été annoncé.", "board_change"),
    ("OpenAI, fondée en 2017 par Sam Altman, développe des modèles de langage.", "founding"),
    ("En juillet 2019, Microsoft a annoncé un investissement de 3 milliards de dollars dans OpenAI.", "investment"),
]


@pytest.mark.parametrize("text, kind", CONTRADICTIONS)
def test_constructed_contradictions_against_the_seeds_are_conflicts(text, kind):
    from claims.ingest import TextInput

    r = check([str(ROOT / "seeds"), TextInput(text=text, id="contradiction")], nli="none")
    new = {c.id for c in r.claims if c.document == "contradiction"}
    conflicts = [f for g in r.groups for f in g.findings if f.verdict == "conflict"]
    assert conflicts, f"no conflict for: {text}"
    assert all(new & {f.a, f.b} for f in conflicts), "a conflict that does not involve the constructed article"
    assert {g.kind for g in r.groups if g.has_conflict} == {kind}
