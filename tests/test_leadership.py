"""An executive post is an event kind of its own (leadership_change): a person leaves, keeps or
takes it; one source saying the person left and another that the person stays is a conflict,
in any of the languages' cues; taking then keeping a post is one story."""
from __future__ import annotations

from claims.ingest import TextInput
from claims.pipeline import check


def _findings(texts, langs, published="2024-06-03"):
    r = check([TextInput(text=t, id=i, language=l, published=published) for i, t, l in zip("abc", texts, langs)], nli="none")
    claims = {c.id: c for c in r.claims if c.kind == "leadership_change"}
    return claims, [f for g in r.groups for f in g.findings if f.a in claims and f.b in claims]


def test_left_versus_stays_is_a_conflict():
    claims, fs = _findings(["Hélène Castagnède a démissionné de ses fonctions de directrice générale de Maison Corbière.",
                            "Hélène Castagnède reste à la tête de Maison Corbière, selon un porte-parole."], ["fr", "fr"])
    assert {c.direction for c in claims.values()} == {"exit", "keep"}
    assert [f.verdict for f in fs] == ["conflict"] and "post" in fs[0].explanation


def test_across_languages_the_same_person_and_company():
    claims, fs = _findings(["Élodie Varenne restera à la tête de Paylisse après le rachat.",
                            "Paylisse chief executive Elodie Varenne will step down once the deal closes."], ["fr", "en"])
    assert len(claims) == 2 and {c.direction for c in claims.values()} == {"exit", "keep"}
    assert [f.verdict for f in fs] == ["conflict"]


def test_appointed_then_keeps_is_one_story_and_two_people_are_two_posts():
    _, fs = _findings(["Anna Weber was appointed chief executive of Brightway in March.",
                       "Anna Weber remains chief executive of Brightway."], ["en", "en"])
    assert all(f.verdict != "conflict" for f in fs)
    _, fs = _findings(["Anna Weber resigned as chief executive of Brightway.",
                       "Paul Martin remains chief executive of Helix."], ["en", "en"])
    assert all(f.verdict != "conflict" for f in fs)
