"""Names, descriptions and roles come from per-language data (``claims/data/names.json``,
``claims/data/roles.json``): a German noun that the English NER calls an organisation is a
common word, not a name (wordfreq frequencies in German against English); "der Konzern", "la
empresa", "l'azienda" refer back to the article's organisation; a name after a preposition of
the article's language is not the grammatical subject; a count whose noun is neither people nor
jobs is no headcount, even next to a headcount word; the fixed part of a fee is a part of the
whole price."""
from __future__ import annotations

from claims.entities import _description_rx, _head_key, common_name
from claims.extract import _prep_before
from claims.ingest import TextInput
from claims.pipeline import check


def _run(texts, lang, published="2024-06-03"):
    return check([TextInput(text=t, id=i, language=lang, published=published) for i, t in zip("abc", texts)], nli="none")


def test_german_common_nouns_are_not_names_and_names_are():
    for word in ["Mehrheit", "Prozent", "Dienstag", "Kunststoffe", "Beim Nettogewinn", "Pigmenthersteller", "Frühjahr"]:
        assert common_name(word, "de"), word
    for word in ["Volkswagen", "Siemens", "Hollmann", "Kestner", "Kessler & Brandt", "Deutsche Bank", "Lufthansa"]:
        assert not common_name(word, "de"), word
    # languages without an entry keep every candidate
    assert not common_name("Mehrheit", "en") and not common_name("Gobierno", "es")


def test_descriptions_per_language_with_inflections_and_compounds():
    cases = [("de", "Insgesamt zählt der Konzern 17.500 Mitarbeiter, sagte ein Sprecher des Konzerns.", ["konzern", "konzern"]),
             ("de", "Der Chemiekonzern beschäftigt 900 Menschen.", ["konzern"]),
             ("es", "La empresa emplea a 900 personas.", ["empresa"]),
             ("it", "L'azienda impiega 300 dipendenti.", ["azienda"]),
             ("fr", "La start-up a levé 20 millions d'euros.", ["start-up"]),
             ("en", "The company employs 1,400 people.", ["company"])]
    for lang, text, heads in cases:
        rx, canon = _description_rx(lang)
        assert [_head_key(m.group("head"), canon) for m in rx.finditer(text)] == heads, text


def test_prepositions_of_the_article_language():
    for lang, before in [("es", "se queda con "), ("it", "verserà alla "), ("de", "für die "), ("de", "beim "), ("fr", "d'"), ("en", "the employees of ")]:
        assert _prep_before(lang).search(before), (lang, before)
    for lang, before in [("es", "Junto a los supermercados, "), ("de", "Insgesamt zählt "), ("it", "Secondo i quotidiani, ")]:
        assert not _prep_before(lang).search(before), (lang, before)


def test_the_company_noun_carries_the_headcount_to_the_named_company():
    r = _run(["Kessler & Brandt beschäftigt weltweit rund 24.000 Menschen, etwa die Hälfte davon in Deutschland.",
              "Kessler & Brandt hat einen neuen Chef. Insgesamt zählt der Konzern 17.500 Mitarbeiter."], "de")
    heads = [c for c in r.claims if c.kind == "headcount"]
    assert sorted(c.value.amount for c in heads) == [17500.0, 24000.0]
    assert {c.subject for c in heads} == {"Kessler & Brandt"}
    ids = {c.id for c in heads}
    assert [f.verdict for g in r.groups for f in g.findings if f.a in ids and f.b in ids] == ["conflict"]


def test_a_count_of_shops_is_not_a_headcount():
    r = _run(["La cadena cuenta con 412 supermercados y una plantilla de 6.200 trabajadores."], "es")
    kinds = {c.value.amount: c.kind for c in r.claims if c.value is not None}
    assert kinds[6200.0] == "headcount" and kinds.get(412.0) != "headcount"


def test_a_fixed_fee_is_a_part_of_the_whole_price():
    r = _run(["Il club verserà alla Virtus Montebrenta complessivamente 45 milioni di euro per Lorenzo Marchetti.",
              "La cessione di Lorenzo Marchetti porta nelle casse della Virtus Montebrenta 40 milioni di euro di parte fissa."], "it")
    money = [c for c in r.claims if c.value is not None and c.value.currency == "EUR"]
    ids = {c.id for c in money}
    verdicts = [f.verdict for g in r.groups for f in g.findings if f.a in ids and f.b in ids]
    assert len(money) == 2 and "conflict" not in verdicts


def _conflicts(r, amounts):
    ids = {c.id for c in r.claims if c.value is not None and c.value.amount in amounts}
    return [f for g in r.groups for f in g.findings if f.a in ids and f.b in ids and f.verdict == "conflict"]


def test_a_specific_counted_noun_aligns_two_counts_and_a_generic_one_does_not():
    r = _run(["The vessel was carrying 412 passengers when it struck a shoal.", "The ship had 390 passengers on board."], "en")
    assert _conflicts(r, {412.0, 390.0})
    r = _run(["The factory employs 310 people in the town.", "About 120 people were at the fair."], "en")
    assert not _conflicts(r, {310.0, 120.0})


def test_a_large_figure_after_the_is_a_count_and_a_small_one_a_reference():
    r = _run(["The study enrolled 4,218 patients.", "Among the 4,812 patients randomised, few had side effects."], "en")
    assert {c.value.amount for c in r.claims if c.value is not None} >= {4218.0, 4812.0}
    assert _conflicts(r, {4218.0, 4812.0})
    r = _run(["The two companies signed the deal."], "en")
    assert not [c for c in r.claims if c.value is not None and c.value.amount == 2.0]


def test_a_price_each_is_a_unit_price_and_an_order_to_pay_is_a_fine():
    r = _run(["Le azioni sono state collocate a 7,40 euro ciascuna."], "it")
    assert [c.kind for c in r.claims if c.value is not None and c.value.amount == 7.4] == ["unit_price"]
    r = _run(["La CNIL a condamné le Groupe hospitalier Val-de-Sèvre (GHVS) à payer 1,5 million d'euros."], "fr")
    assert [c.kind for c in r.claims if c.value is not None and c.value.amount == 1.5e6] == ["fine"]


def test_back_then_makes_every_later_figure_of_its_sentence_an_earlier_one():
    r = _run(["Schon im November hatte ein Warnstreik den Betrieb lahmgelegt: Damals fielen 180 Flüge aus, rund 21.000 Passagiere saßen fest.",
              "Etwa 28.000 Passagiere seien betroffen, teilte das Unternehmen mit."], "de")
    old = [c for c in r.claims if c.value is not None and c.value.amount == 21000.0]
    assert old and old[0].time is not None and old[0].time.relation == "before"
    assert not _conflicts(r, {21000.0, 28000.0})
    r = _run(["À l'époque, la société employait 60 salariés ; elle emploie aujourd'hui 240 salariés."], "fr")
    rel = {c.value.amount: (c.time.relation if c.time else None) for c in r.claims if c.value is not None}
    assert rel.get(60.0) == "before" and rel.get(240.0, "missing") != "before", rel


def test_a_site_headcount_is_a_part_of_the_group_headcount():
    r = _run(["Betroffen sind alle 1150 Beschäftigten des Standorts in Bad Wellheim.", "Kessler beschäftigt weltweit rund 14.000 Menschen."], "de")
    site = [c for c in r.claims if c.value is not None and c.value.amount == 1150.0]
    assert site and site[0].scope == "tranche"
    assert not _conflicts(r, {1150.0, 14000.0})
