"""What a figure counts and measures, from general rules: a date is never the counted noun, a
part is never more than its whole, the round named nearest a figure is its round, a share of
the electorate is a turnout, and two figures of one named round of one measure are compared."""
from __future__ import annotations

from claims.ingest import TextInput
from claims.pipeline import check


def _check(texts, lang, published="2024-06-25"):
    return check([TextInput(text=t, id=i, language=lang, published=published) for i, t in zip("abcd", texts)], nli="none")


def _by_amount(report):
    return {c.value.amount: c for c in report.claims if c.value is not None and c.value.amount is not None}


def _finding(report, x, y):
    ids = {x.id, y.id}
    return next((f for g in report.groups for f in g.findings if {f.a, f.b} == ids), None)


def test_a_weekday_parsed_as_the_counted_noun_leaves_the_count_of_people():
    # the French parser hangs "quatre autres" on "dimanche": the figure still counts people
    cs = _by_amount(_check(["Un tireur a tué une personne et en a blessé quatre autres dimanche soir."], "fr"))
    assert 4.0 in cs and cs[4.0].kind == "casualties" and cs[4.0].value.unit == "injured", cs


def _part_and_other(part, other):
    """The finding between "une prime de <part> euros" that an agreement includes and "une
    prime de <other> euros" that another article states."""
    a = f"La direction a proposé une prime de {other} euros aux salariés du site."
    b = f"Le protocole d'accord, qui inclut une prime de {part} euros pour les salariés du site, a été présenté aux syndicats."
    r = _check([a, b], "fr")
    cs = _by_amount(r)
    return _finding(r, cs[float(other)], cs[float(part)])


def test_a_part_larger_than_the_other_figure_is_no_part_of_it():
    f = _part_and_other(350, 200)
    assert f is not None and f.verdict == "conflict", f


def test_a_part_smaller_than_the_other_figure_may_be_a_part_of_it():
    f = _part_and_other(350, 500)
    assert f is None or f.verdict != "conflict", f


def test_the_round_named_nearest_a_figure_is_its_round():
    cs = _by_amount(_check(["La participation au second tour a atteint 52 %, contre 61 % enregistrés au premier tour."], "fr"))
    assert cs[52.0].predicate == "round 2" and cs[61.0].predicate == "round 1", (cs[52.0].predicate, cs[61.0].predicate)


def test_a_share_of_the_electorate_is_a_turnout_in_every_language():
    for lang, text in (("en", "Only 38 percent of registered voters cast a ballot on Sunday."),
                       ("de", "Nur 41 Prozent der Wahlberechtigten gaben am Sonntag ihre Stimme ab."),
                       ("it", "Domenica ha votato soltanto il 44 per cento degli aventi diritto.")):
        cs = _by_amount(_check([text], lang))
        assert any(c.kind == "turnout" for c in cs.values()), (lang, {a: c.kind for a, c in cs.items()})


def test_two_figures_of_one_named_round_of_one_measure_are_compared_without_a_shared_word():
    a = "Al ballottaggio l'affluenza si è fermata al 47 per cento."
    b = "Nel secondo turno ha votato il 42 per cento degli aventi diritto."
    r = _check([a, b], "it")
    cs = _by_amount(r)
    assert cs[47.0].predicate == cs[42.0].predicate == "round 2"
    f = _finding(r, cs[47.0], cs[42.0])
    assert f is not None and f.verdict == "conflict", f


def _casualties(report, doc="a"):
    return sorted((c.value.unit, c.value.amount, c.derived) for c in report.claims
                  if c.document == doc and c.kind == "casualties" and c.value is not None)


def test_people_shot_less_the_killed_of_the_same_sentence_are_the_injured():
    r = _check(["Six people were shot and two were killed Friday night, police said."], "en")
    assert ("injured", 4.0, "6 shot - 2 killed") in _casualties(r), _casualties(r)


def test_people_shot_with_no_word_of_death_are_as_many_injured_and_compared_with_stated_injured():
    a = "Four people were shot early Sunday outside a bar in Dayton, police said."
    b = "Three people were wounded early Sunday in a shooting outside a Dayton bar."
    r = _check([a, b], "en")
    derived = [c for c in r.claims if c.document == "a" and c.derived]
    assert [(c.value.unit, c.value.amount) for c in derived] == [("injured", 4.0)], _casualties(r)
    stated = next(c for c in r.claims if c.document == "b" and c.value is not None and c.value.unit == "injured")
    f = _finding(r, derived[0], stated)
    assert f is not None and f.verdict == "conflict", f


def test_nothing_is_derived_when_someone_died_without_a_toll_or_the_injured_are_stated():
    for text in ("Police said the gunman shot six people before he was killed by officers.",
                 "Five people were shot on Saturday; four were injured, police said."):
        r = _check([text], "en")
        assert not any(c.derived for c in r.claims), _casualties(r)
