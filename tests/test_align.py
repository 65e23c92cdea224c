"""Measure cues (claims.context) and the cross-article alignment of figures (claims.align)."""
from __future__ import annotations

import datetime as dt

from claims.align import align_figures, dimension
from claims.context import figure_cues, stem
from claims.ingest import TextInput
from claims.model import Claim, Value
from claims.pipeline import check

PUB = dt.date(2025, 3, 4)


def _report(*texts, lang_pub=PUB):
    return check([TextInput(text=t, id=f"src{i}", published=lang_pub) for i, t in enumerate(texts)], nli="none")


def _claim(cid, doc, amount, cues, unit=None, currency=None, kind="quantity"):
    return Claim(id=cid, document=doc, sentence=0, start=0, end=1, text="x", kind=kind,
                 value=Value(amount=amount, low=amount, high=amount, unit=unit, currency=currency), cues=cues)


def test_cues_unparsed_language_nearest_words_first_without_figures_or_stop_words():
    text = "Das operative Ergebnis (Ebit) kletterte im Quartal auf 142 Millionen Euro."
    s = text.index("142")
    cues = figure_cues(text, 0, len(text), (s, s + len("142 Millionen Euro")), "de",
                       exclude=[(s, s + len("142 Millionen Euro"))])
    assert "ebit" in cues and "ergebn" in cues
    assert not any(c[0].isdigit() for c in cues)
    assert "das" not in cues and "auf" not in cues  # spaCy's German stop words
    assert cues.index("quarta") < cues.index("ergebn")  # nearest first


def test_cues_parsed_language_follow_the_tree():
    r = _report("Selon la préfecture, la participation a atteint 61,4 % dimanche dans la commune de Villemont.")
    c = next(c for c in r.claims if c.value is not None and c.value.unit == "%")
    assert c.cues[:3] and "partic" in c.cues[:3]


def test_stem_folds_case_accents_and_elision():
    assert stem("Élection") == stem("election")
    assert stem("l'affluenza") == stem("affluenza")


def test_alignment_is_mutual_best_within_one_dimension():
    claims = [
        _claim("a:1", "a", 63.2, ["partic", "situo", "escrut"], unit="%"),
        _claim("a:2", "a", 41.0, ["votos", "partid", "regional"], unit="%"),
        _claim("b:1", "b", 66.3, ["partic", "alcanz", "regist"], unit="%"),
        _claim("b:2", "b", 12.0, ["partic"], unit="concejal"),  # same word, another dimension
    ] + [_claim(f"{d}:x{i}", d, 5.0 + i, [f"otro{i}", "munici"], currency="EUR") for d in "ab" for i in range(2)]
    pairs = {frozenset((x.a, x.b)) for x in align_figures(claims) if "x" not in x.a + x.b}
    assert pairs == {frozenset(("a:1", "b:1"))}


def test_specific_kinds_that_differ_never_align():
    claims = [
        _claim("a:1", "a", 1.8e9, ["trimes", "groupe"], currency="EUR", kind="revenue"),
        _claim("b:1", "b", 1.6e8, ["trimes", "groupe"], currency="EUR", kind="profit"),
    ]
    assert align_figures(claims) == []


def test_each_claim_keeps_at_most_one_match_per_other_article():
    claims = [_claim(f"{d}:{i}", d, float(i + 1), ["ventes", f"w{i}", "magasi"], currency="EUR") for d in "abcd" for i in range(30)]
    pairs = align_figures(claims)
    per = {}
    for p in pairs:
        for x, y in ((p.a, p.b), (p.b, p.a)):
            per.setdefault((x, y.split(":")[0]), 0)
            per[(x, y.split(":")[0])] += 1
    assert pairs and max(per.values()) == 1
    assert len(pairs) <= 30 * 6  # linear: one per claim and other article at most


def test_person_units_share_one_dimension():
    a = _claim("a:1", "a", 24000.0, ["bescha"], unit="menschen")
    b = _claim("b:1", "b", 17500.0, ["konzer"], unit="Mitarbeiter")
    assert dimension(a) == dimension(b) == "count:persons"


def test_subjectless_figures_of_two_articles_conflict_through_alignment():
    r = _report(
        "Elecciones en Valdemora\nLa participación se situó en el 63,2 %, según los datos del escrutinio. "
        "El alcalde obtuvo 11 concejales. La deuda municipal llega a 40 millones de euros.",
        "Resultados en Valdemora\nLa participación alcanzó el 66,3 % en la jornada. "
        "El municipio tiene 52 000 habitantes y un presupuesto de 61 millones de euros.",
    )
    conf = [f for g in r.groups for f in g.findings if f.verdict == "conflict"]
    assert conf, [(g.topic, [f.verdict for f in g.findings]) for g in r.groups]
    assert "Aligned by what they measure" in conf[0].explanation and "partic" in conf[0].explanation


def test_aligned_figures_of_different_named_entities_are_not_a_conflict():
    r = _report(
        "La société Ferrant Industrie emploie 6 200 personnes dans le monde.",
        "Sa filiale Ferrant Logistique emploie 900 personnes dans le monde.",
    )
    assert not [f for g in r.groups for f in g.findings if f.verdict == "conflict"]


def test_previous_period_figure_is_not_a_conflict():
    r = _report(
        "Le chiffre d'affaires de Valdor atteint 2,41 milliards d'euros ce trimestre.",
        "Le chiffre d'affaires de Valdor atteignait 2,31 milliards d'euros l'an dernier.",
    )
    assert not [f for g in r.groups for f in g.findings if f.verdict == "conflict"]


def test_persons_of_any_name_and_language_are_one_measure():
    # "ouvriers" and "workers": different nouns in two languages, one measure (persons)
    a = _claim("a:1", "a", 40, ["explos", "site", "trouva"], unit="ouvrier", kind="count")
    b = _claim("b:1", "b", 120, ["explos", "site", "spokesm"], unit="worker", kind="count")
    assert [(al.a, al.b) for al in align_figures([a, b])] == [("a:1", "b:1")]
    assert "unit:persons" in align_figures([a, b])[0].shared
    m = _claim("b:2", "b", 120, ["explos", "site", "spokesm"], unit="machine", kind="count")
    assert align_figures([a, m]) == []  # persons and machines are two dimensions


def test_same_named_subject_helps_only_with_a_shared_measure_word():
    base = dict(unit="%", kind="percentage")
    a = _claim("a:1", "a", 75.0, ["aargau", "kanton", "firmen", "untern", "anteil", "hollma"], **base)
    b = _claim("b:1", "b", 80.0, ["anteil", "verdan", "stockt", "hollma", "chemie"], **base)
    a.subject, b.subject = "Hollmann", "Chemiekonzern Hollmann"
    assert align_figures([a, b])  # one entity, one word of what is measured ("Anteil")
    c = _claim("c:1", "c", 2.0, ["enfant", "victim", "saint-"], unit="enfant", kind="count")
    d = _claim("d:1", "d", 1200.0, ["evacue", "commun", "saint-"], unit="habitant", kind="count")
    c.subject = d.subject = "Saint-Julien"
    # the shared words are the place's name and "persons": not what either figure measures
    assert all(al.score < 0.35 for al in align_figures([c, d]))


def test_a_figure_of_the_quarter_takes_the_quarter_its_article_reports():
    r = _report("Le groupe Valmorel a dégagé un chiffre d'affaires de 2,4 milliards d'euros au troisième trimestre 2024. "
                "Le résultat net du trimestre atteint 182 millions d'euros.")
    c = next(c for c in r.claims if c.value is not None and c.value.amount == 182e6)
    assert c.time is not None and c.time.value == "2024-Q3" and c.time.inherited
    r = _report("Le résultat net du trimestre atteint 182 millions d'euros.")  # no dated quarter: stays undated
    c = next(c for c in r.claims if c.value is not None and c.value.amount == 182e6)
    assert c.time is None


def test_a_model_number_before_a_verb_is_no_count():
    r = _report("The Aurion 5 starts at $849 in the U.S., the company said on Tuesday.")
    assert not any(c.value is not None and c.value.unit and c.value.unit.startswith("start") for c in r.claims)
    assert any(c.value is not None and c.value.amount == 849 for c in r.claims)


def test_stems_join_plural_and_third_person_forms():
    assert stem("starts") == stem("start") and stem("sièges") == stem("siège")


def test_a_counted_noun_is_a_cue_of_its_neighbours():
    r = _report("The Aurion 5 starts at $849 in the U.S., the company said on Tuesday.")
    c = next(c for c in r.claims if c.value is not None and c.value.amount == 849)
    assert stem("starts") in c.cues[:3]


def test_ages_of_one_person_across_articles_conflict():
    r = _report("Le suspect, âgé de 34 ans, était connu des services de police pour des faits de violence.",
                "Le suspect, un homme de 43 ans sans domicile fixe, avait été condamné pour des violences.")
    ages = [c for c in r.claims if c.kind == "age"]
    assert sorted(c.value.amount for c in ages) == [34, 43]
    f = [f for g in r.groups for f in g.findings if {f.a, f.b} == {c.id for c in ages}]
    assert f and f[0].verdict == "conflict"


def test_an_age_needs_a_person_noun_and_several_ages_are_not_compared():
    r = _report("Le joueur a signé un contrat de 5 ans avec le club.")
    assert not [c for c in r.claims if c.kind == "age"]
    r = _report("Les victimes sont une femme de 61 ans et un étudiant de 20 ans.",
                "Parmi les victimes figure une femme de 59 ans.")
    assert not [c for c in r.claims if c.kind == "age" and c.document == "src0"]  # two people: no age compared
    r = _report("The victims, ages 19 and 41, were taken to hospital.", "A 19-year-old victim died.")
    assert not [c for c in r.claims if c.kind == "age" and c.document == "src0"]


def test_a_childs_age_and_an_adults_are_two_people():
    r = _report("Police said the 26-year-old man was found dead inside the house.",
                "Police said the 4-year-old was found dead inside the house.")
    ages = {c.id for c in r.claims if c.kind == "age"}
    f = [f for g in r.groups for f in g.findings if {f.a, f.b} == ages]
    assert len(ages) == 2 and f and f[0].verdict == "scope_difference"


def test_a_shared_unit_alone_does_not_align_two_counts():
    a = _claim("a:1", "a", 7, ["hit", "men", "woman"], unit="people", kind="count")
    b = _claim("b:1", "b", 436, ["murder", "chicago", "october"], unit="people", kind="count")
    assert align_figures([a, b]) == []


def test_aligned_figures_far_apart_are_different_measures():
    r = _report("About 20 people were partying at a home in the Chennault neighborhood when gunfire broke out.",
                "The shooting happened in the Chennault neighborhood, home to about 20,000 people.")
    pairs = [f for g in r.groups for f in g.findings
             if {r_c.value.amount for r_c in r.claims if r_c.id in (f.a, f.b) and r_c.value} == {20, 20000}]
    assert all(f.verdict != "conflict" for f in pairs)


def test_gallery_counters_are_no_counts():
    r = _report("Image 108 of 111 Flowers and candles have been placed on the door step of the house.")
    assert not [c for c in r.claims if c.value is not None and c.value.amount == 111]


def test_measurement_units_are_one_unit_in_every_language():
    from claims.recognize import find_mentions

    units = set()
    for text, lang in [("Le fleuve a atteint 6,80 mètres.", "fr"), ("Die Murn stieg auf 7,40 Meter.", "de"),
                       ("Der Pegel lag bei 6,80 Metern.", "de"), ("The river rose to 7.4 meters.", "en")]:
        units |= {m.value.unit for m in find_mentions(text, lang=lang) if m.kind == "count" and m.value}
    assert units == {"m"}


def test_names_from_a_borrowed_ner_do_not_tell_two_german_figures_apart():
    # German runs the English NER: "Höchststand" comes out as a name, which must not split two
    # reports of one gauge reading into figures of two entities.
    r = _report(
        "Hochwasser im Tal: zwei Tote\nTALHEIM (dpa) - Die Lauter erreichte am Dienstagabend in Talheim "
        "einen Höchststand von 6,80 Metern.",
        "Nach dem Hochwasser\nTalheim – Die Lauter war am Dienstagabend in Talheim auf 7,40 Meter gestiegen.",
    )
    conf = [f for g in r.groups for f in g.findings if f.verdict == "conflict"]
    assert len(conf) == 1 and "6.8" in conf[0].explanation and "7.4" in conf[0].explanation, [
        (f.verdict, f.explanation) for g in r.groups for f in g.findings]
