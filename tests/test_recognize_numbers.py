"""Numbers, percentages and counts: digits, words, separators, identifiers that are not numbers."""
from __future__ import annotations

import pytest
from text_to_num import text2num

from claims.recognize import find_mentions, find_numbers, parse_number_words


def kinds(text: str, lang: str = "fr") -> list[tuple[str, str]]:
    return [(m.kind, m.text) for m in find_mentions(text, lang)]


@pytest.mark.parametrize(
    "words,lang,value",
    [
        ("trois cent douze", "fr", 312),
        ("quatre-vingt-dix-neuf", "fr", 99),
        ("quatre vingt dix neuf", "fr", 99),
        ("soixante et onze", "fr", 71),
        ("deux milliards", "fr", 2e9),
        ("mille milliards", "fr", 1e12),
        ("un million deux mille", "fr", 1_002_000),
        ("nonante-cinq", "fr", 95),
        ("deux tiers", "fr", 2 / 3),
        ("trois quarts", "fr", 0.75),
        ("un cinquième", "fr", 0.2),
        ("cent et trois quarts", "fr", 100.75),
        ("deux cent virgule trois", "fr", 200.3),
        ("un million et demi", "fr", 1.5e6),
        ("trois douzaines", "fr", 36),
        ("twenty million", "en", 2e7),
        ("one hundred and five", "en", 105),
        ("two and a half", "en", 2.5),
        ("two thirds", "en", 2 / 3),
    ],
)
def test_parse_number_words(words, lang, value):
    assert parse_number_words(words, lang) == pytest.approx(value)


@pytest.mark.parametrize(
    "words",
    ["vingt et un", "trois cent soixante-quinze", "dix-neuf cent quatre-vingt-dix", "deux mille deux cents",
     "neuf mille neuf cent quatre-vingt-dix-neuf", "cent mille", "quatre-vingts", "trois millions sept"],
)
def test_parse_number_words_agrees_with_text2num(words):
    assert parse_number_words(words, "fr") == text2num(words, "fr")


def test_parse_number_words_rejects_non_numbers():
    assert parse_number_words("bonjour", "fr") is None
    assert parse_number_words("deux trois", "fr") is None


@pytest.mark.parametrize(
    "text,lang,value",
    [
        ("Le montant est de 1\u202f234\u202f567,89 au total.", "fr", 1234567.89),
        ("Le montant est de 1 234 567 au total.", "fr", 1234567),
        ("Soit 1.000.000 au total.", "fr", 1e6),
        ("That is 1,000,000 in total.", "en", 1e6),
        ("Growth was 1.5 in the model.", "en", 1.5),
        ("Le coefficient vaut 12,5 ici.", "fr", 12.5),
        ("Il reste ,08 points.", "fr", 0.08),
        ("Le ratio est de 3/4 seulement.", "fr", 0.75),
    ],
)
def test_digit_formats(text, lang, value):
    nums = find_numbers(text, lang)
    assert len(nums) == 1, nums
    assert nums[0].value == pytest.approx(value)
    assert text[nums[0].start:nums[0].end].strip()


@pytest.mark.parametrize(
    "text",
    [
        "OpenAI a lancé GPT-3 puis GPT-4 avant ChatGPT.",
        "La pandémie de COVID-19 a frappé le monde.",
        "Airbus livre des A320 à la compagnie.",
        "Apple a présenté l'iPhone 15 en Californie.",
        "Le CAC 40 était stable.",
        "La réunion commence à 14h30 précises.",
        "Appelez le 01 23 45 67 89 pour réserver.",
        "Voir https://example.com/article/2019/12/345 pour les détails.",
        "Mettez à jour vers la version 2.4.1 du logiciel.",
        "Il a terminé 1er de la course.",
    ],
)
def test_identifiers_and_codes_are_not_numbers(text):
    assert [m for m in find_mentions(text, "fr") if m.kind in ("number", "count", "money", "percent")] == []


def test_share_counter_may_give_a_number():
    ms = [m for m in find_mentions("Partagé 5M+ fois", "fr") if m.kind in ("number", "count")]
    assert ms and ms[0].value.amount == 5e6


@pytest.mark.parametrize(
    "text,lang,span,value",
    [
        ("Le chômage atteint 12 % en mai.", "fr", "12 %", 12),
        ("Il a augmenté de 12,5 % sur un an.", "fr", "12,5 %", 12.5),
        ("Une hausse de 12 pour cent.", "fr", "12 pour cent", 12),
        ("Une hausse de dix pour cent.", "fr", "dix pour cent", 10),
        ("Une hausse de 12 pourcents.", "fr", "12 pourcents", 12),
        ("Ils sont d'accord à cent pour cent.", "fr", "cent pour cent", 100),
        ("Sales rose 12 percent.", "en", "12 percent", 12),
        ("Sales rose 12 per cent.", "en", "12 per cent", 12),
        ("Sales rose 8.5%.", "en", "8.5%", 8.5),
    ],
)
def test_percentages(text, lang, span, value):
    ms = [m for m in find_mentions(text, lang) if m.kind == "percent"]
    assert [m.text for m in ms] == [span]
    assert ms[0].value.amount == pytest.approx(value) and ms[0].value.unit == "%"


def test_percentage_points_are_kept_apart():
    m = [m for m in find_mentions("Le taux a gagné 3,2 points de pourcentage.", "fr") if m.kind == "percent"][0]
    assert m.value.unit == "pp" and m.value.amount == 3.2


@pytest.mark.parametrize(
    "text,lang,span,amount,unit",
    [
        ("Le groupe emploie 2 000 salariés en France.", "fr", "2 000 salariés", 2000, "salarié"),
        ("Le service revendique 3 millions d'abonnés.", "fr", "3 millions d'abonnés", 3e6, "abonné"),
        ("The firm laid off 500 employees in March.", "en", "500 employees", 500, "employee"),
        ("Vingt-six personnes sont mortes dans l'accident.", "fr", "Vingt-six personnes", 26, "personne"),
        ("Le réseau compte 1 200 journaux locaux.", "fr", "1 200 journaux", 1200, "journal"),
        ("Over 120 companies joined.", "en", "Over 120 companies", 120, "company"),
    ],
)
def test_counts(text, lang, span, amount, unit):
    ms = [m for m in find_mentions(text, lang) if m.kind == "count"]
    assert [m.text for m in ms] == [span]
    assert ms[0].value.amount == amount and ms[0].value.unit == unit


def test_vague_count_des_millions():
    m = [m for m in find_mentions("ChatGPT a séduit des millions d'utilisateurs en quelques mois.", "fr") if m.kind == "count"][0]
    assert m.text == "des millions d'utilisateurs"
    assert m.value.qualifier == "vague" and m.value.unit == "utilisateur" and m.value.amount is None
    assert m.value.low == 2e6


def test_count_needs_agreement():
    # "12 rue de la Paix" is an address, not twelve streets
    assert ("count", "12 rue") not in kinds("Il habite au 12 rue de la Paix.")


@pytest.mark.parametrize(
    "text,lang,qualifier,low,high,low_inc,high_inc",
    [
        ("au moins 3 % des votes", "fr", "lower_bound", 3, None, True, True),
        ("moins de 50 salariés", "fr", "upper_bound", None, 50, True, False),
        ("près de 40 % des Français", "fr", "approximate", 36, 40, True, True),
        ("environ 1 500 personnes", "fr", "approximate", 1350, 1650, True, True),
        ("more than 500 employees", "en", "lower_bound", 500, None, False, True),
        ("up to 12 percent", "en", "upper_bound", None, 12, True, True),
        ("entre 10 et 12 %", "fr", "range", 10, 12, True, True),
    ],
)
def test_qualifiers_become_intervals(text, lang, qualifier, low, high, low_inc, high_inc):
    ms = find_mentions(text, lang)
    assert len(ms) == 1 and ms[0].start == 0
    v = ms[0].value
    assert v.qualifier == qualifier
    assert v.low == (pytest.approx(low) if low is not None else None)
    assert v.high == (pytest.approx(high) if high is not None else None)
    assert (v.low_inclusive, v.high_inclusive) == (low_inc, high_inc)
    assert ms[0].text.lower().startswith(text.split()[0].lower())  # the qualifier is in the span


def test_mentions_are_sorted_non_overlapping_and_consistent():
    text = (
        "Selon l'Insee, 68 millions d'habitants vivaient en France au 1er janvier 2024, soit 0,3 % de plus "
        "qu'en 2023. Le déficit a atteint 5,5 % du PIB, soit 154 milliards d'euros, et la dette dépasse "
        "3 000 milliards. Près de 40 % des ménages ont moins de 2 000 € par mois ; 1 500 000 personnes "
        "attendent un logement. The report cost $1.2 million, about 20% more than planned."
    )
    ms = find_mentions(text, "fr")
    assert len(ms) >= 10
    for a, b in zip(ms, ms[1:]):
        assert a.start < b.start and a.end <= b.start
    for m in ms:
        assert text[m.start:m.end] == m.text
        assert (m.value is None) == (m.kind == "date")
        assert (m.time is None) == (m.kind != "date")


# ----------------------------------------------------------------------------- elided units, percent, bounds

def test_elided_counted_noun_after_contre():
    text = "Renault a vendu 2,2 millions de voitures en 2023, contre 6,2 millions pour Stellantis."
    ms = [m for m in find_mentions(text, "fr") if m.kind == "count"]
    assert [(m.text, m.value.amount, m.value.unit) for m in ms] == [
        ("2,2 millions de voitures", 2.2e6, "voiture"), ("6,2 millions", 6.2e6, "voiture")]


def test_elided_unit_with_thousands_separators_and_percent():
    text = "Tesla a livré 462 890 véhicules au troisième trimestre, contre 435 059 un an plus tôt."
    ms = {m.text: m for m in find_mentions(text, "fr")}
    assert (ms["435 059"].kind, ms["435 059"].value.unit) == ("count", "véhicule")
    text = "Le taux de chômage est remonté à 7,5 % fin 2023, contre 7,1 fin 2022."
    ms = {m.text: m for m in find_mentions(text, "fr")}
    assert (ms["7,1"].kind, ms["7,1"].value.amount, ms["7,1"].value.unit) == ("percent", 7.1, "%")


@pytest.mark.parametrize(
    "text,span,unit",
    [
        ("Renault a enregistré une hausse de 12 % de ses immatriculations en 2023.", "12 %", "%"),
        ("Les ventes sont en hausse de 12 % sur un an.", "12 %", "%"),
        ("Renault détient désormais 12 % de parts de marché en Europe.", "12 %", "%"),
        ("Le taux directeur a été relevé de 0,25 point de pourcentage.", "0,25 point de pourcentage", "pp"),
        ("La part de marché a reculé de 1,4 points de pourcentage.", "1,4 points de pourcentage", "pp"),
    ],
)
def test_percent_in_growth_and_market_share_phrases(text, span, unit):
    ms = [m for m in find_mentions(text, "fr") if m.kind == "percent"]
    assert [(m.text, m.value.unit) for m in ms] == [(span, unit)]


@pytest.mark.parametrize(
    "text,lang,span,unit",
    [
        ("Au moins 30 personnes ont été tuées dimanche dans le Var, selon les pompiers.", "fr", "Au moins 30 personnes", "personne"),
        ("At least 30 people were killed on Sunday, the fire service said.", "en", "At least 30 people", "people"),
    ],
)
def test_death_toll_lower_bound(text, lang, span, unit):
    ms = [m for m in find_mentions(text, lang) if m.kind == "count"]
    assert len(ms) == 1 and ms[0].text == span
    v = ms[0].value
    assert (v.qualifier, v.low, v.high, v.low_inclusive, v.unit) == ("lower_bound", 30, None, True, unit)


# ----------------------------------------------------------------------------- round 2

@pytest.mark.parametrize(
    "text,lang,span,low,low_inc,unit,currency",
    [
        ("Selon l'Association des maires, le besoin total dépasse 40 milliards d'euros.", "fr",
         "dépasse 40 milliards d'euros", 4e10, False, None, "EUR"),
        ("Les ventes du modèle, dépassant 2 millions d'unités, ont surpris le constructeur.", "fr",
         "dépassant 2 millions d'unités", 2e6, False, "unité", None),
        ("Le marché européen a dépassé les 3 milliards d'euros l'an dernier.", "fr",
         "dépassé les 3 milliards d'euros", 3e9, False, None, "EUR"),
        ("L'enseigne franchit la barre des 1 000 magasins en France.", "fr",
         "franchit la barre des 1 000 magasins", 1000, True, "magasin", None),
        ("Nvidia's quarterly revenue exceeds $3 billion for the first time.", "en",
         "exceeds $3 billion", 3e9, False, None, "USD"),
        ("The app surpassed 2 million users within a month of its launch.", "en",
         "surpassed 2 million users", 2e6, False, "user", None),
        ("Sales of the game topped $1bn in its first week.", "en", "topped $1bn", 1e9, False, None, "USD"),
    ],
)
def test_threshold_verbs_give_lower_bounds(text, lang, span, low, low_inc, unit, currency):
    ms = [m for m in find_mentions(text, lang) if m.kind in ("money", "count")]
    assert len(ms) == 1, kinds(text, lang)
    v = ms[0].value
    assert ms[0].text == span
    assert (v.qualifier, v.low, v.high, v.low_inclusive) == ("lower_bound", pytest.approx(low), None, low_inc)
    assert (v.unit, v.currency) == (unit, currency)


def test_exceeding_by_an_amount_is_not_a_bound():
    m = next(m for m in find_mentions("Le coût du chantier dépasse de 3 millions d'euros le budget voté.") if m.kind == "money")
    assert (m.text, m.value.qualifier) == ("3 millions d'euros", "exact")


def test_inferieur_superieur_below_above():
    ms = find_mentions("Le budget doit rester inférieur à 5 millions d'euros et supérieur à 3 millions d'euros.")
    assert [(m.value.qualifier, m.value.low, m.value.high) for m in ms] == [
        ("upper_bound", None, 5e6), ("lower_bound", 3e6, None)]
    ms = find_mentions("Shares fell below $10 while inflation stayed above 3%.", "en")
    assert [(m.kind, m.value.qualifier) for m in ms] == [("money", "upper_bound"), ("percent", "lower_bound")]


@pytest.mark.parametrize(
    "text,lang,span,unit",
    [
        ("Valmeria : 1 500 emplois supprimés en France, les syndicats dénoncent un « saccage »", "fr", "1 500 emplois", "emploi"),
        ("Le plan prévoit 900 suppressions de postes dans les usines françaises.", "fr", "900 suppressions", "suppression"),
        ("Au total, 1 500 postes supprimés d'ici à 2025 dans l'Hexagone.", "fr", "1 500 postes", "poste"),
        ("Sa liste obtient 27 sièges sur les 35 du conseil municipal.", "fr", "27 sièges", "siège"),
        ("Le laboratoire a mené 40 essais cliniques et tenu ses délais.", "fr", "40 essais", "essai"),
        ("La ville compte 200 Lyonnais de plus qu'en 2020.", "fr", "200 Lyonnais", "lyonnais"),
        ("The carmaker will cut 4,000 jobs in Germany.", "en", "4,000 jobs", "job"),
    ],
)
def test_counted_noun_is_the_singular_head_noun(text, lang, span, unit):
    m = next(m for m in find_mentions(text, lang) if m.kind == "count")
    assert (m.text, m.value.unit) == (span, unit)


def test_participle_after_a_figure_is_not_its_noun():
    ms = find_mentions("Le plan prévoit désormais 900 suppressions de postes, contre 1 200 annoncées en mars.")
    counts = [(m.text, m.value.amount, m.value.unit) for m in ms if m.kind == "count"]
    assert counts == [("900 suppressions", 900, "suppression"), ("1 200", 1200, "suppression")]
    ms = find_mentions("Sur ce total, 1,2 milliard d'euros seront engagés dès 2024, contre 400 millions prévus au départ.")
    money = [(m.text, m.value.amount, m.value.currency) for m in ms if m.kind == "money"]
    assert money == [("1,2 milliard d'euros", 1.2e9, "EUR"), ("400 millions", 4e8, "EUR")]
    assert not any(m.kind == "count" for m in ms)
    # nouns that look like participles stay counted nouns
    text = "Le groupe compte 1 200 salariés, 300 employés, 12 élus, 10 000 abonnés et 3 000 entreprises clientes."
    units = [m.value.unit for m in find_mentions(text) if m.kind == "count"]
    assert units == ["salarié", "employé", "élu", "abonné", "entreprise"]
    # "annonces", "dépenses" (nouns) are not "annoncés", "dépensés" (participles)
    units = [m.value.unit for m in find_mentions("Le site publie 1 200 annonces et rembourse 3 000 dépenses.") if m.kind == "count"]
    assert units == ["annonce", "dépense"]


@pytest.mark.parametrize(
    "text,lang,span,unit",
    [
        ("L'État mobilisera une enveloppe de 2 milliards d'euros sur cinq ans.", "fr", "cinq ans", "an"),
        ("Benali, 23 ans, avait inscrit 19 buts en Ligue 1 la saison dernière.", "fr", "23 ans", "an"),
        ("Le patron, âgé de 58 ans, quittera ses fonctions en juin.", "fr", "58 ans", "an"),
        ("Après sept mois de négociations, la direction a signé un accord.", "fr", "sept mois", "mois"),
        ("Le groupe dispose de 90 jours pour mettre fin à ces pratiques.", "fr", "90 jours", "jour"),
        ("La grève a duré trois semaines et 48 heures de plus à Marseille.", "fr", "trois semaines", "semaine"),
        ("La participation s'établit à 52,3 %, en baisse de quatre points par rapport à 2020.", "fr", "quatre points", "point"),
        ("The 23-year-old, who scored 19 league goals last season, signed a contract.", "en", "23-year-old", "year"),
        ("The merger will take 18 months to complete and save $2bn over five years.", "en", "18 months", "month"),
        ("Regulators gave the company 90 days to comply.", "en", "90 days", "day"),
    ],
)
def test_durations_ages_and_points_are_numbers_with_a_unit(text, lang, span, unit):
    ms = find_mentions(text, lang)
    m = next(m for m in ms if m.text == span)
    assert (m.kind, m.value.unit) == ("number", unit)
    assert not any(m.kind == "count" and m.value.unit in ("an", "mois", "jour", "semaine", "point", "year", "month", "day")
                   for m in ms)


def test_percentage_points_and_duration_ranges():
    ms = find_mentions("Le taux a reculé de 2 points de pourcentage en 3 à 5 ans.")
    assert [(m.kind, m.text, m.value.unit, m.value.qualifier) for m in ms] == [
        ("percent", "2 points de pourcentage", "pp", "exact"), ("number", "3 à 5 ans", "an", "range")]


def test_english_counted_noun_after_modifiers():
    from claims.recognize import find_mentions

    m = find_mentions("The company recalls about 120,000 portable space heaters.", lang="en")[0]
    assert (m.kind, m.value.unit, m.value.qualifier) == ("count", "heater", "approximate")
    m = find_mentions("It sold 40,000 electric cars in Norway.", lang="en")[0]
    assert (m.kind, m.value.unit, m.value.low) == ("count", "car", 40000)
    assert [x.kind for x in find_mentions("It sold 40,000 last year.", lang="en")][0] == "number"
