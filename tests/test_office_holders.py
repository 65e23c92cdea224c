"""Who holds a post (claims/data/posts.json, claims.posts): a title next to a person's name is a
claim that the person holds the post; two articles of one story that name different holders of
one post conflict; the same person agrees; a former or deputy holder, two bodies the post is of
("Harrowgate CEO" / "Lumen Path CEO"), an article that names two holders of one title, and two
articles with no name in common are no conflict."""
from __future__ import annotations

from claims.ingest import TextInput
from claims.pipeline import check


def _run(texts, lang, published="2025-03-20"):
    return check([TextInput(text=t, id=i, language=lang, published=published) for i, t in zip("abc", texts)], nli="none")


def _holders(r):
    return sorted((c.document, c.predicate, c.subject) for c in r.claims if c.kind == "office_holder")


def _verdicts(r):
    ids = {c.id for c in r.claims if c.kind == "office_holder"}
    return [f.verdict for g in r.groups for f in g.findings if f.a in ids and f.b in ids]


def test_titles_and_names_in_each_language():
    cases = [("fr", "Le préfet des Hautes-Pyrénées, Jean-Marc Bertin, s'est rendu sur place à Oursanne.", "post: prefect", "Jean-Marc Bertin"),
             ("es", "La alcaldesa, Lucía Ferrándiz, celebró el resultado de la consulta en San Ermelo.", "post: mayor", "Lucía Ferrándiz"),
             ("en", "Captain Nikos Drakos, 58, said the Aegean Breeze had struck a shoal.", "post: captain", "Nikos Drakos")]
    for lang, text, post, person in cases:
        assert [(p, s) for _, p, s in _holders(_run([text], lang))] == [(post, person)], text


def test_two_holders_of_one_post_in_one_story_conflict_and_one_agrees():
    r = _run(["The ferry Aegean Breeze ran aground off Kea. The captain, Stavros Lemonis, was questioned by the Kea coast guard.",
              "The Aegean Breeze ran aground off Kea on Saturday. Captain Nikos Drakos, 58, said the ship had lost power."], "en")
    assert _verdicts(r) == ["conflict"]
    r = _run(["The ferry Aegean Breeze ran aground off Kea. The captain, Nikos Drakos, was questioned.",
              "The Aegean Breeze ran aground off Kea on Saturday. Captain Nikos Drakos said the ship had lost power."], "en")
    assert _verdicts(r) == ["agree"]


def test_former_holders_other_bodies_and_other_stories_do_not_conflict():
    r = _run(["The Aegean Breeze ran aground off Kea. Former captain Stavros Lemonis criticised Kallistos Lines.",
              "The Aegean Breeze ran aground off Kea. Captain Nikos Drakos said the ship had lost power."], "en")
    assert "conflict" not in _verdicts(r)
    r = _run(["Harrowgate Systems will buy Lumen Path. Harrowgate CEO Daniel Okafor welcomed the deal with Lumen Path.",
              "Lumen Path agreed to be bought by Harrowgate Systems. Lumen Path CEO Priya Raman will stay."], "en")
    assert "conflict" not in _verdicts(r)
    r = _run(["Harrowgate Systems will buy Lumen Path; chief executive Priya Raman will report to chief executive Daniel Okafor.",
              "Harrowgate Systems buys Lumen Path. For Harrowgate Systems, chief executive Daniel Okafor said it was a good fit."], "en")
    assert "conflict" not in _verdicts(r)
    r = _run(["In Valdera, the mayor, Lucia Ferro, opened the bridge.", "In Montalbo, the mayor, Tomas Arrieta, closed the school."], "en")
    assert "conflict" not in _verdicts(r)
