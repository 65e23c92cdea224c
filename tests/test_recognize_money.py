"""Money mentions: amounts, currencies, scales, qualifiers, ranges and vague amounts."""
from __future__ import annotations

import pytest

from claims.recognize import find_mentions


def money(text: str, lang: str = "fr"):
    return [m for m in find_mentions(text, lang) if m.kind == "money"]


def one_money(text: str, lang: str = "fr"):
    ms = money(text, lang)
    assert len(ms) == 1, [m.text for m in find_mentions(text, lang)]
    return ms[0]


def test_lower_bound_plus_de_milliards_de_dollars():
    text = "Microsoft a investi plus de 10 milliards de dollars dans OpenAI."
    m = one_money(text)
    assert m.text == "plus de 10 milliards de dollars"
    assert text[m.start:m.end] == m.text
    v = m.value
    assert v.currency == "USD"
    assert v.qualifier == "lower_bound"
    assert v.low == 1e10 and v.low_inclusive is False
    assert v.high is None
    assert v.amount == 1e10


def test_french_decimal_comma_and_million_d_euros():
    m = one_money("La start-up a levé 1,5 million d'euros auprès de business angels.")
    assert m.text == "1,5 million d'euros"
    assert (m.value.amount, m.value.currency, m.value.qualifier) == (1_500_000, "EUR", "exact")
    assert m.value.low == m.value.high == 1_500_000


@pytest.mark.parametrize(
    "text,lang,amount,currency,span",
    [
        ("Le budget atteint 20 M€ cette année.", "fr", 20e6, "EUR", "20 M€"),
        ("Les pertes s'élèvent à 1,2 Md€ au premier semestre.", "fr", 1.2e9, "EUR", "1,2 Md€"),
        ("Elle a levé 6,6 Mds$ en octobre.", "fr", 6.6e9, "USD", "6,6 Mds$"),
        ("The startup raised $10B from investors.", "en", 1e10, "USD", "$10B"),
        ("Revenue reached $1.5bn last quarter.", "en", 1.5e9, "USD", "$1.5bn"),
        ("The club paid £5m for the striker.", "en", 5e6, "GBP", "£5m"),
        ("The fund invested USD 3 million in the company.", "en", 3e6, "USD", "USD 3 million"),
        ("Hydro-Québec investira 5 G$ dans le réseau.", "fr", 5e9, "USD", "5 G$"),
        ("Le contrat vaut 16,4 millions de $CAD.", "fr", 16.4e6, "CAD", "16,4 millions de $CAD"),
        ("Ottawa a versé 300 millions de dollars canadiens.", "fr", 3e8, "CAD", "300 millions de dollars canadiens"),
        ("L'amende est de 10 000 francs suisses.", "fr", 1e4, "CHF", "10 000 francs suisses"),
        ("La Banque mondiale prête 150 millions de $ US.", "fr", 1.5e8, "USD", "150 millions de $ US"),
        ("Un billet coûtait 10 francs en 1990.", "fr", 10, "FRF", "10 francs"),
        ("Le repas coûte trois cents euros.", "fr", 300, "EUR", "trois cents euros"),
        ("Il a payé 94.000 $ pour la maison.", "fr", 94_000, "USD", "94.000 $"),
        ("Le prix passe à 12,50 € TTC.", "fr", 12.5, "EUR", "12,50 €"),
        ("The house sold for 1,250,000 dollars.", "en", 1_250_000, "USD", "1,250,000 dollars"),
        ("La fortune s'élève à 1\u202f234\u202f567 €.", "fr", 1_234_567, "EUR", "1\u202f234\u202f567 €"),
        ("Twenty million dollars were spent.", "en", 20e6, "USD", "Twenty million dollars"),
        ("Les actions ont perdu 34 cents.", "fr", 0.34, "USD", "34 cents"),
        ("Le yen vaut 470 pence? Non : 470 pence valent 4,70 livres sterling.", "fr", 4.70, "GBP", "470 pence"),
    ],
)
def test_amounts_scales_and_currencies(text, lang, amount, currency, span):
    ms = [m for m in money(text, lang) if m.text == span]
    assert ms, [m.text for m in find_mentions(text, lang)]
    v = ms[0].value
    assert v.amount == pytest.approx(amount)
    assert v.currency == currency


def test_approximate_about_two_billion():
    m = one_money("Microsoft is said to have invested about $2 billion more.", "en")
    assert m.text == "about $2 billion"
    v = m.value
    assert v.qualifier == "approximate"
    assert v.amount == 2e9
    assert v.low < 2e9 < v.high


def test_nearly_is_mostly_below():
    v = one_money("Le rachat a coûté près de 2 milliards d'euros.").value
    assert v.qualifier == "approximate"
    assert v.high == 2e9 and v.low < 2e9


def test_upper_bound_jusqu_a():
    v = one_money("L'investissement pourrait atteindre jusqu'à 100 millions d'euros.").value
    assert v.qualifier == "upper_bound" and v.low is None and v.high == 1e8 and v.high_inclusive


def test_vague_plusieurs_milliards():
    m = one_money("OpenAI a reçu plusieurs milliards de dollars de Microsoft.")
    assert m.text == "plusieurs milliards de dollars"
    v = m.value
    assert v.qualifier == "vague" and v.amount is None and v.currency == "USD"
    # several billions: from 2 billion to under a thousand billion (13 billion is "plusieurs milliards")
    assert v.low == 2e9 and v.high == 1e12 and not v.high_inclusive


def test_vague_plusieurs_centaines_stays_under_a_thousand():
    m = find_mentions("Plusieurs centaines de salariés ont manifesté.", lang="fr")[0]
    assert m.value.qualifier == "vague" and m.value.low == 200 and m.value.high == 1000


def test_vague_english_billions_of_dollars():
    v = one_money("The company has spent billions of dollars on chips.", "en").value
    assert v.qualifier == "vague" and v.currency == "USD" and v.low >= 1e9


def test_range_entre_et_inherits_scale_and_currency():
    m = one_money("Le coût est estimé entre 50 et 80 millions d'euros.")
    assert m.text == "entre 50 et 80 millions d'euros"
    v = m.value
    assert (v.qualifier, v.low, v.high, v.currency, v.amount) == ("range", 5e7, 8e7, "EUR", None)


def test_change_from_to_is_not_a_range():
    ms = money("Le prix est passé de 10 euros à 12 euros en un an.")
    assert [m.value.amount for m in ms] == [10, 12]
    assert all(m.value.qualifier == "exact" for m in ms)


def test_other_language_degrades_to_digits_and_symbols():
    ms = money("Die Firma zahlte 5 Mrd. € und 10 € pro Aktie.", "de")
    assert [m.value.amount for m in ms] == [5e9, 10]
    assert all(m.value.currency == "EUR" for m in ms)


def test_spanish_scale_words_and_currency_names():
    ms = money("La empresa ganó 1.500 millones de euros y 2 mil millones de dólares.", "es")
    assert [(m.value.amount, m.value.currency) for m in ms] == [(1.5e9, "EUR"), (2e9, "USD")]


# ----------------------------------------------------------------------------- elided currency

@pytest.mark.parametrize(
    "text,lang,span,amount,currency",
    [
        ("Air Liquide a réalisé un chiffre d'affaires de 27,6 milliards d'euros en 2023, contre 27,7 milliards en 2022.",
         "fr", "27,7 milliards", 2.77e10, "EUR"),
        ("Le bénéfice net atteint 27,6 milliards d'euros en 2023, contre 27,7 l'année précédente.",
         "fr", "27,7", 2.77e10, "EUR"),  # the scale word is left out too: same order of magnitude
        ("Nvidia reported $3.2 billion in revenue, up from 2.9 billion a year earlier.", "en", "2.9 billion", 2.9e9, "USD"),
        ("Revenue fell to £4.1bn from £4.5bn, versus 3.9 billion expected by analysts.", "en", "3.9 billion", 3.9e9, "GBP"),
        ("Le déficit commercial s'est établi à 99,6 milliards d'euros en 2023, après 162 milliards en 2022.",
         "fr", "162 milliards", 1.62e11, "EUR"),
        ("Revenue rose from $2.9 billion to 3.2 billion.", "en", "3.2 billion", 3.2e9, "USD"),
    ],
)
def test_elided_currency_after_a_comparison_word(text, lang, span, amount, currency):
    ms = {m.text: m for m in money(text, lang)}
    assert span in ms, [m.text for m in find_mentions(text, lang)]
    v = ms[span].value
    assert (v.amount, v.currency, v.qualifier) == (pytest.approx(amount), currency, "exact")
    assert not [m for m in find_mentions(text, lang) if m.kind == "number"]  # nothing left bare


@pytest.mark.parametrize(
    "text,lang,bare",
    [
        # another sentence
        ("Le groupe a levé 50 millions d'euros. En 2019, 2,5 millions avaient été levés.", "fr", "2,5 millions"),
        # no comparison word right before the figure
        ("La start-up a levé 50 millions d'euros, et son application revendique 2,5 millions sur iOS.",
         "fr", "2,5 millions"),
        # no scale word and not the same order of magnitude
        ("Le chiffre d'affaires atteint 27,6 milliards d'euros, contre 2,5 il y a vingt ans.", "fr", "2,5"),
    ],
)
def test_no_elided_currency_without_a_clear_link(text, lang, bare):
    ms = {m.text: m for m in find_mentions(text, lang)}
    assert ms[bare].kind in ("number", "count") and ms[bare].value.currency is None
