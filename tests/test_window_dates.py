"""Dates and figures without a parse (Spanish, German, Italian): which date governs a figure,
and figures compared through a third article's figure they both match."""
from __future__ import annotations

from claims.ingest import TextInput
from claims.pipeline import check


def _claims(text, lang, published="2024-06-25"):
    r = check([TextInput(text=text, id="a", language=lang, published=published)], nli="none")
    return {c.value.amount: c for c in r.claims if c.value is not None and c.value.amount is not None}


def test_a_date_in_a_later_relative_clause_does_not_date_the_figure():
    cs = _claims("Giulia Fabbrini ha vinto il ballottaggio con il 55,2 per cento delle preferenze contro Massimo "
                 "Ruggeri, che governava la città dal 2014.", "it")
    assert cs[55.2].time is None or cs[55.2].time.value != "2014", cs[55.2].time


def test_a_date_after_another_figure_belongs_to_that_figure():
    cs = _claims("La consejería ofrece un complemento de 300 euros al mes para los puestos de difícil cobertura y la "
                 "contratación de 140 nuevos facultativos en 2025.", "es")
    assert cs[300.0].time is None or cs[300.0].time.value != "2025", cs[300.0].time
    assert cs[140.0].time is not None and cs[140.0].time.value == "2025"


def test_a_later_segment_with_only_the_date_still_dates_the_figure():
    cs = _claims("Der Umsatz stieg auf 1,87 Milliarden Euro, im Jahr 2023.", "de")
    assert cs[1.87e9].time is not None and cs[1.87e9].time.value == "2023", cs[1.87e9].time


def test_figures_aligned_with_one_vague_figure_are_compared_with_each_other():
    a = ("Vallebruna, Fabbrini sindaca\n\nAl ballottaggio di domenica e lunedì la candidata del centrosinistra ha "
         "ottenuto il 53,8 per cento dei voti, battendo il sindaco uscente Massimo Ruggeri.")
    b = ("Fabbrini vince\n\nGiulia Fabbrini ha vinto il ballottaggio con il 55,2 per cento delle preferenze contro "
         "Massimo Ruggeri.")
    c = ("La nuova sindaca\n\nHa vinto con oltre il 53 per cento dei voti la nuova sindaca Giulia Fabbrini, che ha "
         "vinto il ballottaggio contro il sindaco uscente.")
    r = check([TextInput(text=t, id=i, language="it", published="2024-06-25") for i, t in zip("abc", (a, b, c))], nli="none")
    by_id = {x.id: x for x in r.claims}
    pairs = {frozenset((by_id[f.a].value.amount, by_id[f.b].value.amount)): f.verdict
             for g in r.groups for f in g.findings if by_id[f.a].document != by_id[f.b].document}
    assert pairs.get(frozenset((53.8, 55.2))) == "conflict", pairs
    assert pairs.get(frozenset((53.8, 53.0))) in {"compatible", "agree"}, pairs


def test_the_noun_a_figure_counts_is_not_its_subject():
    cs = _claims("Hollmann übernimmt Verdana. Für die 1.560 Mitarbeitenden soll sich nach Angaben beider Seiten "
                 "zunächst nichts ändern.", "de")
    assert cs[1560.0].subject != "Mitarbeitenden", cs[1560.0].subject
