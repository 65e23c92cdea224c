"""Yes-or-no facts of a story (claims/data/stances.json): an article that says no arrest was made
takes the negative stance, even when it quotes the report it denies; a later denial of an
earlier reported arrest conflicts, an earlier "no arrest" followed by an arrest is an update,
and hedged or other-case sentences take no stance."""
from __future__ import annotations

from claims.ingest import TextInput
from claims.pipeline import check


def _run(texts, lang, dates):
    return check([TextInput(text=t, id=i, language=lang, published=d) for i, t, d in zip("abc", texts, dates)], nli="none")


def _arrests(r):
    ids = {c.id for c in r.claims if c.kind == "arrest"}
    return sorted((c.document, c.negated) for c in r.claims if c.kind == "arrest"), \
        [f.verdict for g in r.groups for f in g.findings if f.a in ids and f.b in ids]


def test_a_later_denial_of_an_arrest_conflicts():
    claims, verdicts = _arrests(_run([
        "Harwick Metro crash: police said the lorry driver had been arrested on suspicion of dangerous driving.",
        "Harwick Metro crash: police have confirmed that no arrest has been made. Reports that the driver was arrested are incorrect."],
        "en", ["2025-02-13", "2025-02-14"]))
    assert claims == [("a", False), ("b", True)] and verdicts == ["conflict"]
    _, verdicts = _arrests(_run(["En El Tepozal, la Fiscalía detuvo este jueves al administrador de la mina El Tepozal.",
                                 "Las familias de El Tepozal exigen justicia. En la mina El Tepozal no hay ningún detenido."], "es", ["2025-10-23", "2025-10-24"]))
    assert verdicts == ["conflict"]


def test_an_arrest_after_no_arrest_is_an_update_and_hedges_make_no_stance():
    _, verdicts = _arrests(_run(["Harwick Metro crash: no arrests have been made.", "Harwick Metro crash: the driver was arrested on Friday."],
                                "en", ["2025-02-13", "2025-02-14"]))
    assert verdicts == ["scope_difference"]
    claims, _ = _arrests(_run(["Harwick Metro crash: the driver could be arrested later this week."], "en", ["2025-02-13"]))
    assert claims == []


def test_an_appeal_announced_and_ruled_out_conflict_whatever_the_order():
    claims, verdicts = _arrests(_run(["Halvorsen Chemical said it would appeal the Clearfield verdict."], "en", ["2024-03-22"]))
    assert claims == []  # an appeal is not an arrest
    r = _run(["Halvorsen Chemical said it would appeal the Clearfield verdict.",
              "Halvorsen Chemical said on Thursday that it would not appeal the Clearfield verdict."], "en", ["2024-03-23", "2024-03-22"])
    ids = {c.id for c in r.claims if c.kind == "appeal"}
    assert sorted(c.negated for c in r.claims if c.kind == "appeal") == [False, True]
    assert [f.verdict for g in r.groups for f in g.findings if f.a in ids and f.b in ids] == ["conflict"]
