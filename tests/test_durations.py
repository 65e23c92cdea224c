"""Durations of a decision are claims in months (a prison sentence, a contract's length): "6 anni
e 4 mesi" is one duration of 76 months, "a five-year contract" is 60; the cue nearest the
duration says which kind; two reports of one decision with different durations conflict; a
duration with no cue is no claim; one with no person joins the one group of its kind; what the
law allows ("faces up to", "a mandatory minimum") is compared only with such bounds; durations
of two articles that share no name are two decisions."""
from __future__ import annotations

from claims.ingest import TextInput
from claims.pipeline import check


def _run(texts, lang, published="2024-06-03"):
    return check([TextInput(text=t, id=i, language=lang, published=published) for i, t in zip("abc", texts)], nli="none")


def _durations(r):
    return [(c.kind, c.value.amount) for c in r.claims if c.value is not None and c.value.unit == "months"]


def test_years_and_months_are_one_duration_in_each_language():
    for text, lang, want in [("Roberto Orsini è stato condannato a 6 anni e 4 mesi di reclusione.", "it", ("prison_term", 76.0)),
                             ("Il a été condamné à cinq ans de prison ferme.", "fr", ("prison_term", 60.0)),
                             ("Fue condenado a ocho años de cárcel.", "es", ("prison_term", 96.0)),
                             ("Er wurde zu acht Jahren Haft verurteilt.", "de", ("prison_term", 96.0)),
                             ("Marco Silva signed a five-year contract with the club.", "en", ("contract_length", 60.0)),
                             ("Silva agreed a four-year deal, the club said.", "en", ("contract_length", 48.0))]:
        assert _durations(_run([text], lang)) == [want], text
    assert _durations(_run(["The company has grown for five years."], "en")) == []


def test_two_durations_of_one_decision_conflict_and_two_people_do_not():
    r = _run(["Roberto Orsini è stato condannato a 6 anni e 4 mesi di reclusione per bancarotta.",
              "Otto anni di carcere: è la pena inflitta a Roberto Orsini."], "it")
    ids = {c.id for c in r.claims if c.kind == "prison_term"}
    assert [f.verdict for g in r.groups for f in g.findings if f.a in ids and f.b in ids] == ["conflict"]
    r = _run(["Roberto Orsini was sentenced to six years in prison.", "Stefano Orsini was sentenced to three years in prison."], "en")
    ids = {c.id for c in r.claims if c.kind == "prison_term"}
    assert not [f for g in r.groups for f in g.findings if f.a in ids and f.b in ids and f.verdict == "conflict"]


def test_bounds_of_the_law_and_two_stories_are_no_sentences_in_conflict():
    r = _run(["Manslaughter can carry a penalty of up to 30 years in prison.", "He was sentenced to three years in prison."], "en")
    assert {c.predicate for c in r.claims if c.kind == "prison_term"} == {"maximum", None}
    assert not [f for g in r.groups for f in g.findings if f.verdict == "conflict"]
    r = _run(["Adrian Perkins of Dayton was handed 35 years in prison.", "Ricardo Sims of Toledo got 18 months in prison."], "en")
    assert not [f for g in r.groups for f in g.findings if f.verdict == "conflict"]
    assert _durations(_run(["He has been in and out of jail for the past 10 years."], "en")) == []
