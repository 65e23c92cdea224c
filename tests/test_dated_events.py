"""One-off events whose claim is their date (claims/data/dated_events.json): a deal's completion,
a product's release, the start of a strike or a fire, the end of a contract. Two reports of one
with dates that cannot overlap conflict; the start of a strike is never compared with the start
of a fire; the same date agrees."""
from __future__ import annotations

from claims.ingest import TextInput
from claims.pipeline import check


def _verdicts(texts, lang, kind, published="2024-09-10"):
    r = check([TextInput(text=t, id=i, language=lang, published=published) for i, t in zip("abc", texts)], nli="none")
    ids = {c.id for c in r.claims if c.kind == kind}
    return [f.verdict for g in r.groups for f in g.findings if f.a in ids and f.b in ids], [c for c in r.claims if c.kind == kind]


def test_a_deal_closing_in_two_different_quarters_is_a_conflict():
    v, cs = _verdicts(["Harrowgate said its purchase of Lumen Path is expected to close in the first quarter of 2025.",
                       "Harrowgate's all-cash deal for Lumen Path is expected to close by the end of this year."], "en", "completion")
    assert len(cs) == 2 and all(c.predicate == "deal" for c in cs) and v == ["conflict"], (v, cs)


def test_two_stories_with_no_name_in_common_are_not_compared_as_one():
    v, _ = _verdicts(["Acme Corp said its deal to buy Beta is expected to close in March 2025.",
                      "Gamma Industries said its deal is expected to close in June 2025."], "en", "completion")
    assert v == ["scope_difference"]
    v, _ = _verdicts(["A gunman opened fire at the mall; the shooting began on June 1.",
                      "The shooting began on May 31 after a gunman opened fire."], "en", "start")
    assert v == []  # "opened fire" is no fire that starts


def test_an_on_sale_date_conflicts_with_another_and_agrees_with_itself():
    v, _ = _verdicts(["Kestrel said the phone will go on sale in the United States on Sept. 27.",
                      "Kestrel will begin selling the phones in the United States on Oct. 4."], "en", "release")
    assert v == ["conflict"]
    v, _ = _verdicts(["Kestrel's phone will go on sale on Sept. 27.", "The Kestrel phone ships Sept. 27."], "en", "release")
    assert v == ["agree"]


def test_the_start_of_a_strike_is_compared_with_a_strike_only():
    v, cs = _verdicts(["El Sindicato Médico de Valdeserra ha convocado una huelga indefinida a partir del 4 de noviembre.",
                       "La huelga del Sindicato Médico de Valdeserra arrancará el 11 de noviembre."], "es", "start", "2024-10-17")
    assert {c.predicate for c in cs} == {"strike"} and v == ["conflict"], (v, cs)
    v, cs = _verdicts(["El sindicato ha convocado una huelga indefinida a partir del 4 de noviembre.",
                       "El incendio comenzó el 11 de noviembre en el monte."], "es", "start", "2024-10-17")
    assert {c.predicate for c in cs} == {"strike", "fire"} and v == [], (v, cs)


def test_the_end_of_a_contract():
    v, _ = _verdicts(["Lorenzo Marchetti ha firmato un contratto fino al 2029 con l'Ashford Albion.",
                      "Il contratto di Lorenzo Marchetti con l'Ashford Albion scadrà nel giugno 2030."], "it", "expiry", "2024-07-01")
    assert v == ["conflict"]


def test_signing_closure_listing_and_incident_dates_are_data_kinds():
    v, cs = _verdicts(["Die Hanseflug GmbH und die Südwind Air AG unterzeichneten am Montag in Hamburg einen Vertrag über die Übernahme.",
                       "Die Hanseflug GmbH und die Südwind Air AG: Die Verträge wurden bereits am vergangenen Freitag unterzeichnet."], "de", "signing",
                      published="2025-11-04")
    assert len(cs) == 2 and v == ["conflict"], (v, cs)
    v, cs = _verdicts(["Le Groupe hospitalier Val-de-Sèvre avait été victime d'une cyberattaque dans la nuit du 17 au 18 mars.",
                       "Le système du Groupe hospitalier Val-de-Sèvre avait été paralysé par un rançongiciel le 24 mars dernier."], "fr",
                      "occurrence", published="2025-07-10")
    assert len(cs) == 2 and v == ["conflict"], (v, cs)
    v, cs = _verdicts(["Pastificio Ramelli: il debutto di mercoledì 15 ottobre su Euronext Milan.",
                       "Pastificio Ramelli su Euronext Milan: nella prima seduta, oggi giovedì 16 ottobre, il titolo ha chiuso a 8,16 euro."],
                      "it", "start", published="2025-10-16")
    assert {c.predicate for c in cs} == {"listing"} and v == ["conflict"], (v, cs)


def test_an_old_incident_recalled_and_an_incident_dated_twice_are_not_compared():
    v, cs = _verdicts(["Oursanne: en mars 2019, un séisme de magnitude 4,9 y avait été ressenti.",
                       "Oursanne: le séisme de mardi a fait trois morts."], "fr", "occurrence", published="2025-05-14")
    assert [c.time.value for c in cs] == [cs[-1].time.value] and "conflict" not in v
    v, cs = _verdicts(["Niort: the Niort hospital cyberattack on March 24 paralysed it. A cyberattack on May 2 hit Poitiers.",
                       "Niort: the Niort hospital was hit by a cyberattack on March 17."], "en", "occurrence", published="2025-06-10")
    assert "conflict" not in v, (v, cs)


def test_a_shared_dateline_alone_does_not_make_one_story():
    v, cs = _verdicts(["PARIS – Les contrôleurs aériens de la DGAC entament une grève qui commencera le 5 mars.",
                       "PARIS – Les enseignants du lycée Voltaire entament une grève qui commencera le 12 mars."], "fr", "start",
                      published="2025-02-20")
    assert len(cs) == 2 and "conflict" not in v, (v, cs)


def test_the_dateline_pattern_is_linear_on_padded_text():
    import time

    from claims.extract import _DATELINE_PLACE

    t = time.perf_counter()
    assert _DATELINE_PLACE.match(("A" + " " * 5000 + "x")[:120]) is None
    assert time.perf_counter() - t < 0.5
