"""Date and period mentions: granularity, relations, relative dates and years vs. numbers."""
from __future__ import annotations

import datetime as dt

import pytest

from claims.recognize import find_mentions

PUB = dt.date(2024, 12, 12)  # a Thursday


def dates(text: str, lang: str = "fr", published: dt.date | None = None):
    return [m for m in find_mentions(text, lang, published) if m.kind == "date"]


def one_date(text: str, lang: str = "fr", published: dt.date | None = None):
    ds = dates(text, lang, published)
    assert len(ds) == 1, [(m.kind, m.text) for m in find_mentions(text, lang, published)]
    return ds[0]


def test_month_year_en_juillet_2019():
    m = one_date("En juillet 2019, Microsoft a investi 1 milliard de dollars dans OpenAI.")
    t = m.time
    assert m.text == "juillet 2019"
    assert (t.value, t.granularity, t.relation, t.resolved) == ("2019-07", "month", "at", True)
    assert (t.earliest, t.latest) == (dt.date(2019, 7, 1), dt.date(2019, 7, 31))


@pytest.mark.parametrize(
    "text,lang,span",
    [
        ("Publié le décembre 12, 2024 à Paris.", "fr", "décembre 12, 2024"),
        ("Publié le 12 décembre 2024 à Paris.", "fr", "12 décembre 2024"),
        ("Published on December 12, 2024 in Seattle.", "en", "December 12, 2024"),
        ("Mis à jour le 12/12/2024.", "fr", "12/12/2024"),
        ("Updated 2024-12-12.", "en", "2024-12-12"),
        ("Le jeudi 12 décembre 2024, le conseil a voté.", "fr", "jeudi 12 décembre 2024"),
    ],
)
def test_full_dates_have_day_granularity(text, lang, span):
    m = one_date(text, lang)
    assert m.text == span
    assert (m.time.value, m.time.granularity) == ("2024-12-12", "day")
    assert m.time.earliest == m.time.latest == dt.date(2024, 12, 12)


def test_numeric_dates_follow_language_order():
    assert one_date("Le 3/12/2024, rien.", "fr").time.value == "2024-12-03"
    assert one_date("On 3/12/2024, nothing.", "en").time.value == "2024-03-12"


def test_depuis_2019_is_since_and_keeps_the_preposition():
    m = one_date("Depuis 2019, les deux entreprises collaborent.")
    assert m.text == "Depuis 2019"
    assert (m.time.value, m.time.granularity, m.time.relation) == ("2019", "year", "since")
    assert m.time.earliest == dt.date(2019, 1, 1)


@pytest.mark.parametrize(
    "text,lang,relation",
    [("since 2019", "en", "since"), ("jusqu'en 2025", "fr", "until"), ("avant 2020", "fr", "before"),
     ("after 2020", "en", "after"), ("d'ici 2030", "fr", "until"), ("en 2019", "fr", "at")],
)
def test_year_relations(text, lang, relation):
    m = one_date(f"Le plan court {text} au moins.", lang)
    assert m.time.granularity == "year" and m.time.relation == relation


def test_year_in_context_vs_counts_and_numbers():
    ms = find_mentions("En 2019, l'entreprise comptait 2 000 salariés et 2019 actionnaires.", "fr")
    assert [(m.kind, m.text) for m in ms] == [("date", "2019"), ("count", "2 000 salariés"), ("count", "2019 actionnaires")]


@pytest.mark.parametrize(
    "text,lang,earliest,latest",
    [
        ("fin 2019", "fr", dt.date(2019, 9, 1), dt.date(2019, 12, 31)),
        ("début 2020", "fr", dt.date(2020, 1, 1), dt.date(2020, 4, 30)),
        ("mi-2021", "fr", dt.date(2021, 5, 1), dt.date(2021, 8, 31)),
        ("late 2019", "en", dt.date(2019, 9, 1), dt.date(2019, 12, 31)),
        ("early 2020", "en", dt.date(2020, 1, 1), dt.date(2020, 4, 30)),
        ("the end of 2019", "en", dt.date(2019, 9, 1), dt.date(2019, 12, 31)),
    ],
)
def test_parts_of_years_narrow_the_period(text, lang, earliest, latest):
    m = one_date(f"Il est arrivé {text} au siège.", lang)
    assert m.text == text
    assert m.time.granularity == "year" and (m.time.earliest, m.time.latest) == (earliest, latest)


@pytest.mark.parametrize(
    "text,lang,span",
    [
        ("Les ventes ont bondi au troisième trimestre 2023.", "fr", "troisième trimestre 2023"),
        ("Revenue grew in Q3 2023.", "en", "Q3 2023"),
        ("Revenue grew in the third quarter of 2023.", "en", "third quarter of 2023"),
    ],
)
def test_quarters(text, lang, span):
    m = one_date(text, lang)
    assert m.text == span
    assert (m.time.value, m.time.granularity) == ("2023-Q3", "quarter")
    assert (m.time.earliest, m.time.latest) == (dt.date(2023, 7, 1), dt.date(2023, 9, 30))


def test_decade_and_year_range():
    m = one_date("Dans les années 2010, le secteur a explosé.")
    assert (m.time.value, m.time.granularity) == ("2010s", "decade")
    r = one_date("De 2019 à 2021, le chiffre d'affaires a doublé.")
    assert (r.time.value, r.time.relation, r.time.earliest, r.time.latest) == (
        "2019/2021", "range", dt.date(2019, 1, 1), dt.date(2021, 12, 31))


def test_relative_l_an_dernier_with_and_without_publication_date():
    text = "L'an dernier, OpenAI a levé des fonds."
    m = one_date(text, published=PUB)
    assert m.text == "L'an dernier"
    assert (m.time.value, m.time.granularity, m.time.resolved, m.time.relative) == ("2023", "year", True, True)
    assert (m.time.earliest, m.time.latest) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    u = one_date(text)
    assert (u.time.value, u.time.resolved, u.time.relative, u.time.granularity) == (None, False, True, "year")


@pytest.mark.parametrize(
    "text,lang,value,granularity,relation",
    [
        ("Hier, le conseil a tranché.", "fr", "2024-12-11", "day", "at"),
        ("Aujourd'hui, le conseil a tranché.", "fr", "2024-12-12", "day", "at"),
        ("Désormais, le conseil tranche seul.", "fr", "2024-12-12", "day", "since"),
        ("Le mois dernier, les ventes ont chuté.", "fr", "2024-11", "month", "at"),
        ("Cette année, les ventes ont chuté.", "fr", "2024", "year", "at"),
        ("Sales fell last year.", "en", "2023", "year", "at"),
        ("Sales are currently falling.", "en", "2024-12-12", "day", "at"),
        ("Le PDG a démissionné lundi.", "fr", "2024-12-09", "day", "at"),
        ("Il y a trois ans, tout a changé.", "fr", "2021", "year", "at"),
    ],
)
def test_relative_dates_resolved_against_publication(text, lang, value, granularity, relation):
    m = one_date(text, lang, PUB)
    t = m.time
    assert (t.value, t.granularity, t.relation, t.resolved, t.relative) == (value, granularity, relation, True, True)
    assert t.earliest is not None and t.latest is not None and t.earliest <= t.latest


def test_month_without_year_uses_publication_year():
    m = one_date("En mars, les ventes ont reculé.", "fr", PUB)
    assert (m.time.value, m.time.relative) == ("2024-03", True)
    assert one_date("En mars, les ventes ont reculé.").time.resolved is False


def test_every_resolved_timeref_has_bounds():
    text = ("Le 1er janvier 2020, puis en mars 2021 et au deuxième trimestre 2022, enfin depuis 2023 et "
            "l'an dernier, comme hier et la semaine dernière, ainsi que dans les années 1990.")
    ds = dates(text, "fr", PUB)
    assert len(ds) >= 8
    for m in ds:
        assert m.time.resolved and m.time.earliest and m.time.latest and m.time.earliest <= m.time.latest
        assert text[m.start:m.end] == m.text == m.time.text


# ----------------------------------------------------------------------------- month ranges, anchored dates

@pytest.mark.parametrize(
    "text,lang,span,value,gran,earliest,latest",
    [
        ("Tesla a livré 462 890 véhicules entre juillet et septembre 2024, selon la marque.", "fr",
         "entre juillet et septembre 2024", "2024-Q3", "quarter", dt.date(2024, 7, 1), dt.date(2024, 9, 30)),
        ("Tesla delivered 462,890 vehicles between July and September 2024.", "en",
         "between July and September 2024", "2024-Q3", "quarter", dt.date(2024, 7, 1), dt.date(2024, 9, 30)),
        ("Les ventes ont progressé de 4 % entre juillet et août 2024.", "fr",
         "entre juillet et août 2024", "2024-07/2024-08", "month", dt.date(2024, 7, 1), dt.date(2024, 8, 31)),
        ("Le trafic a baissé de juillet 2023 à mars 2024.", "fr",
         "de juillet 2023 à mars 2024", "2023-07/2024-03", "month", dt.date(2023, 7, 1), dt.date(2024, 3, 31)),
        ("Sales rose from January to March 2024.", "en",
         "from January to March 2024", "2024-Q1", "quarter", dt.date(2024, 1, 1), dt.date(2024, 3, 31)),
        ("Le chômage a reculé de 2019 à 2023.", "fr", "de 2019 à 2023", "2019/2023", "year",
         dt.date(2019, 1, 1), dt.date(2023, 12, 31)),
        ("Unemployment fell from 2019 to 2023.", "en", "from 2019 to 2023", "2019/2023", "year",
         dt.date(2019, 1, 1), dt.date(2023, 12, 31)),
        ("Sur la période 2019-2023, le chômage a reculé.", "fr", "2019-2023", "2019/2023", "year",
         dt.date(2019, 1, 1), dt.date(2023, 12, 31)),
    ],
)
def test_period_ranges(text, lang, span, value, gran, earliest, latest):
    m = one_date(text, lang)
    t = m.time
    assert m.text == span
    assert (t.value, t.granularity, t.relation, t.earliest, t.latest, t.resolved) == (
        value, gran, "range", earliest, latest, True)


def test_month_range_without_year_uses_publication_date():
    m = one_date("Les ventes ont progressé de 4 % entre janvier et mars.", "fr", PUB)
    assert (m.time.value, m.time.granularity, m.time.relative) == ("2024-Q1", "quarter", True)
    m = one_date("Les ventes ont progressé de 4 % entre janvier et mars.", "fr")
    assert (m.time.value, m.time.resolved, m.time.relation) == (None, False, "range")


@pytest.mark.parametrize(
    "text,lang,span,value,gran",
    [
        ("Stellantis a vu sa part de marché reculer à 16,5 % en 2023, contre 17,9 % un an plus tôt.", "fr",
         "un an plus tôt", "2022", "year"),
        ("Le chiffre d'affaires atteint 5 milliards d'euros en 2023, contre 4 milliards l'année précédente.", "fr",
         "l'année précédente", "2022", "year"),
        ("En 2023, le groupe a dégagé 2 milliards d'euros de bénéfice, contre 1,5 milliard un an auparavant.", "fr",
         "un an auparavant", "2022", "year"),
        ("Revenue reached $5 billion in 2023, up from $4 billion a year earlier.", "en", "a year earlier", "2022", "year"),
        ("Revenue reached $5 billion in 2023, up from $4 billion the previous year.", "en",
         "the previous year", "2022", "year"),
        ("Revenue reached $5 billion in 2023, up from $4 billion the year before.", "en",
         "the year before", "2022", "year"),
        # the anchor keeps its granularity
        ("Au troisième trimestre 2024, Tesla a livré 462 890 véhicules, contre 435 059 un an plus tôt.", "fr",
         "un an plus tôt", "2023-Q3", "quarter"),
        ("Au troisième trimestre 2024, Tesla a livré 6 % de véhicules de plus qu'au trimestre précédent.", "fr",
         "trimestre précédent", "2024-Q2", "quarter"),
        ("Il a fondé l'entreprise en 2019 ; deux ans plus tard, il l'a revendue.", "fr", "deux ans plus tard", "2021", "year"),
    ],
)
def test_dates_relative_to_an_earlier_date_of_the_sentence(text, lang, span, value, gran):
    ms = {m.text: m for m in dates(text, lang, PUB)}
    assert span in ms, list(ms)
    t = ms[span].time
    assert (t.value, t.granularity, t.relative, t.resolved) == (value, gran, True, True)


def test_relative_to_an_unknown_date_is_unresolved():
    # no earlier date in the text: the reference time is elsewhere, even with a publication date
    for text, lang in (("Le chômage atteint 7,5 %, contre 7,1 % un an plus tôt.", "fr"),
                       ("Unemployment rose to 4.1%, from 3.9% a year earlier.", "en"),
                       ("L'année précédente, le groupe avait perdu 2 milliards d'euros.", "fr")):
        m = one_date(text, lang, PUB)
        assert (m.time.value, m.time.resolved, m.time.relative) == (None, False, True), text
    # "un an avant la crise" is relative to an event, not a date: no date mention
    assert dates("Le chômage atteignait 7,1 % un an avant la crise.", "fr", PUB) == []


# ----------------------------------------------------------------------------- round 2

@pytest.mark.parametrize(
    "text,lang,span,relation",
    [
        ("Le groupe prévoit de supprimer 1 200 postes en France d'ici à 2025.", "fr", "d'ici à 2025", "until"),
        ("Le constructeur vise la neutralité carbone d'ici 2030.", "fr", "d'ici 2030", "until"),
        ("The company aims to be carbon neutral by 2025.", "en", "by 2025", "until"),
        ("Un tiers des écoles ont été construites avant 1975.", "fr", "avant 1975", "before"),
        ("Les bâtiments livrés après 2020 respectent la norme.", "fr", "après 2020", "after"),
        ("L'usine fermera d'ici à septembre 2025.", "fr", "d'ici à septembre 2025", "until"),
    ],
)
def test_until_before_after_keep_their_word(text, lang, span, relation):
    m = one_date(text, lang)
    assert (m.text, m.time.relation) == (span, relation)


@pytest.mark.parametrize(
    "text,lang,span,relation,value,earliest,latest",
    [
        ("L'opération doit être finalisée d'ici la fin de l'année, selon la direction.", "fr",
         "d'ici la fin de l'année", "until", "2024", dt.date(2024, 9, 1), dt.date(2024, 12, 31)),
        ("D'ici à la fin de l'année prochaine, le site aura fermé.", "fr",
         "D'ici à la fin de l'année prochaine", "until", "2025", dt.date(2025, 9, 1), dt.date(2025, 12, 31)),
        ("Le chiffre d'affaires a progressé en fin d'année grâce aux fêtes.", "fr",
         "fin d'année", "at", "2024", dt.date(2024, 9, 1), dt.date(2024, 12, 31)),
        ("Le contrat sera signé avant la fin du mois.", "fr",
         "avant la fin du mois", "before", "2024-12", dt.date(2024, 12, 21), dt.date(2024, 12, 31)),
        ("The company expects to hire 300 people by the end of the year.", "en",
         "by the end of the year", "until", "2024", dt.date(2024, 9, 1), dt.date(2024, 12, 31)),
        ("The deal should close by year-end.", "en", "by year-end", "until", "2024", dt.date(2024, 9, 1), dt.date(2024, 12, 31)),
    ],
)
def test_end_of_the_year_or_month(text, lang, span, relation, value, earliest, latest):
    m = one_date(text, lang, PUB)
    t = m.time
    assert (m.text, t.relation, t.value, t.earliest, t.latest, t.relative) == (span, relation, value, earliest, latest, True)


def test_end_of_year_without_publication_date_is_unresolved():
    t = one_date("Le rachat sera bouclé d'ici la fin de l'année.").time
    assert (t.relation, t.resolved, t.value) == ("until", False, None)


def test_end_of_a_named_year_is_the_part_of_that_year():
    m = one_date("La fin de l'année 2023 a été difficile.", "fr", PUB)
    assert (m.time.value, m.time.earliest) == ("2023", dt.date(2023, 9, 1))


def test_d_ici_a_month_looks_ahead():
    m = one_date("Le chantier sera terminé d'ici mars.", "fr", PUB)
    assert (m.text, m.time.value, m.time.relation) == ("d'ici mars", "2025-03", "until")
