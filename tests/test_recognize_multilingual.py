"""Mentions in Spanish, German, Italian and Portuguese news text: money, scales, currencies,
qualifiers, percentages, counts, vague amounts and dates with their granularity."""
from __future__ import annotations

import datetime as dt

import pytest

from claims.recognize import find_mentions, parse_number_words

PUB = dt.date(2024, 5, 15)  # a Wednesday


def kinds(text: str, lang: str, published: dt.date | None = PUB):
    return [(m.kind, m.text) for m in find_mentions(text, lang, published)]


def one(text: str, lang: str, kind: str, published: dt.date | None = PUB):
    ms = [m for m in find_mentions(text, lang, published) if m.kind == kind]
    assert len(ms) == 1, kinds(text, lang, published)
    return ms[0]


# ---------------------------------------------------------------------------------------------
# The three sentences of the brief: month and money were lost.
@pytest.mark.parametrize(
    "text,lang,date_text,money_text,amount",
    [
        ("En julio de 2019, Microsoft invirtió 1.000 millones de dólares en OpenAI.", "es",
         "julio de 2019", "1.000 millones de dólares", 1e9),
        ("Im Juli 2019 investierte Microsoft 1 Milliarde Dollar in OpenAI.", "de",
         "Juli 2019", "1 Milliarde Dollar", 1e9),
        ("Nel luglio 2019 Microsoft ha investito 1 miliardo di dollari in OpenAI.", "it",
         "luglio 2019", "1 miliardo di dollari", 1e9),
        ("Em julho de 2019, a Microsoft investiu 1 bilhão de dólares na OpenAI.", "pt",
         "julho de 2019", "1 bilhão de dólares", 1e9),
    ],
)
def test_month_year_and_money(text, lang, date_text, money_text, amount):
    d = one(text, lang, "date")
    assert d.text == date_text
    assert (d.time.value, d.time.granularity, d.time.relation) == ("2019-07", "month", "at")
    assert (d.time.earliest, d.time.latest) == (dt.date(2019, 7, 1), dt.date(2019, 7, 31))
    m = one(text, lang, "money")
    assert m.text == money_text
    assert (m.value.amount, m.value.currency, m.value.qualifier) == (amount, "USD", "exact")


# ---------------------------------------------------------------------------------------------
# Money: scale words, abbreviations, currency words, separators.
@pytest.mark.parametrize(
    "text,lang,span,amount,currency",
    [
        ("El Gobierno destinará 2.500 millones de euros al plan de vivienda.", "es", "2.500 millones de euros", 2.5e9, "EUR"),
        ("La deuda pública alcanzó 1,4 billones de euros.", "es", "1,4 billones de euros", 1.4e12, "EUR"),
        ("El club pagó 80 millones de libras por el delantero.", "es", "80 millones de libras", 8e7, "GBP"),
        ("La inversión ronda los 300 millones de dólares estadounidenses.", "es",
         "ronda los 300 millones de dólares estadounidenses", 3e8, "USD"),
        ("Pemex invirtió 1,500 millones de dólares en la refinería.", "es", "1,500 millones de dólares", 1.5e9, "USD"),
        ("Pagó 12,500 pesos por la licencia.", "es", "12,500 pesos", 12_500, "MXN"),
        ("Un millón de euros fue destinado a becas.", "es", "Un millón de euros", 1e6, "EUR"),
        ("Die Bundesregierung stellt 2,5 Milliarden Euro bereit.", "de", "2,5 Milliarden Euro", 2.5e9, "EUR"),
        ("Der Umsatz stieg auf 3,5 Mio. Euro.", "de", "3,5 Mio. Euro", 3.5e6, "EUR"),
        ("Der Fonds verwaltet 3 Mrd. Dollar.", "de", "3 Mrd. Dollar", 3e9, "USD"),
        ("Die Investition beläuft sich auf 300 Millionen US-Dollar.", "de", "300 Millionen US-Dollar", 3e8, "USD"),
        ("Die Strafe beträgt eine Milliarde Euro.", "de", "eine Milliarde Euro", 1e9, "EUR"),
        ("Die Bank zahlt zweieinhalb Millionen Schweizer Franken.", "de",
         "zweieinhalb Millionen Schweizer Franken", 2.5e6, "CHF"),
        ("Der Konzern zahlte 500 Millionen Pfund an die Aktionäre.", "de", "500 Millionen Pfund", 5e8, "GBP"),
        ("Das Budget liegt bei 1,2 Bio. Euro.", "de", "1,2 Bio. Euro", 1.2e12, "EUR"),
        ("Il governo stanzierà 2,5 miliardi di euro per il piano.", "it", "2,5 miliardi di euro", 2.5e9, "EUR"),
        ("Il fondo gestisce attività per 3 mld di dollari.", "it", "3 mld di dollari", 3e9, "USD"),
        ("La multa è di un miliardo di euro.", "it", "un miliardo di euro", 1e9, "EUR"),
        ("Il club ha pagato duecentomila sterline.", "it", "duecentomila sterline", 2e5, "GBP"),
        ("Il biglietto costa 8 euro.", "it", "8 euro", 8, "EUR"),
        ("O governo vai destinar 2,5 mil milhões de euros ao plano.", "pt", "2,5 mil milhões de euros", 2.5e9, "EUR"),
        ("A empresa faturou 45,3 milhões de reais.", "pt", "45,3 milhões de reais", 4.53e7, "BRL"),
        ("O fundo gere ativos de R$ 3 bi.", "pt", "R$ 3 bi", 3e9, "BRL"),
        ("O lucro foi de R$ 1,2 bilhão.", "pt", "R$ 1,2 bilhão", 1.2e9, "BRL"),
        ("A multa é de um bilhão de reais.", "pt", "um bilhão de reais", 1e9, "BRL"),
        ("Pagou 500 mil euros pelo imóvel.", "pt", "500 mil euros", 5e5, "EUR"),
    ],
)
def test_money(text, lang, span, amount, currency):
    m = one(text, lang, "money")
    assert m.text == span
    assert text[m.start:m.end] == span
    assert m.value.amount == pytest.approx(amount)
    assert m.value.currency == currency


def test_scale_words_follow_each_language():
    # Spanish "billón" and Portuguese "bilião" are 1e12, Brazilian "bilhão" is 1e9.
    assert one("Una deuda de 2 billones de dólares.", "es", "money").value.amount == 2e12
    assert one("Uma dívida de 2 biliões de euros.", "pt", "money").value.amount == 2e12
    assert one("Uma dívida de 2 bilhões de reais.", "pt", "money").value.amount == 2e9
    assert one("Eine Schuld von 2 Billionen Euro.", "de", "money").value.amount == 2e12
    assert one("Un debito di 2 miliardi di euro.", "it", "money").value.amount == 2e9


def test_word_numbers():
    assert parse_number_words("treinta y cinco mil", "es") == 35_000
    assert parse_number_words("dreihundertfünfzig", "de") == 350
    assert parse_number_words("duecentomila", "it") == 200_000
    assert parse_number_words("cento e vinte", "pt") == 120
    assert parse_number_words("medio millón", "es") == 500_000
    assert parse_number_words("dos millones y medio", "es") == 2_500_000
    m = one("Más de dos millones de personas se manifestaron.", "es", "count")
    assert (m.text, m.value.low, m.value.unit) == ("Más de dos millones de personas", 2e6, "persona")


# ---------------------------------------------------------------------------------------------
# Qualifiers.
@pytest.mark.parametrize(
    "text,lang,span,qualifier,low,high",
    [
        ("La empresa anunció más de 500 empleados nuevos.", "es", "más de 500 empleados", "lower_bound", 500, None),
        ("Al menos 30 personas murieron en el incendio.", "es", "Al menos 30 personas", "lower_bound", 30, None),
        ("Menos de 100 diputados votaron a favor.", "es", "Menos de 100 diputados", "upper_bound", None, 100),
        ("Podrán pedir hasta 3.000 euros por hogar.", "es", "hasta 3.000 euros", "upper_bound", None, 3000),
        ("Asistieron cerca de 2.000 personas.", "es", "cerca de 2.000 personas", "approximate", 1800, 2200),
        ("Trabajan alrededor de 400 ingenieros.", "es", "alrededor de 400 ingenieros", "approximate", 360, 440),
        ("Las ventas crecieron casi un 15 %.", "es", "casi un 15 %", "approximate", 13.5, 15),
        ("Emplea a unas 1.200 personas.", "es", "unas 1.200 personas", "approximate", 1080, 1320),
        ("Der Konzern beschäftigt mehr als 500 Mitarbeiter.", "de", "mehr als 500 Mitarbeiter", "lower_bound", 500, None),
        ("Über 300 Menschen wurden evakuiert.", "de", "Über 300 Menschen", "lower_bound", 300, None),
        ("Mindestens 30 Menschen starben.", "de", "Mindestens 30 Menschen", "lower_bound", 30, None),
        ("Weniger als 100 Abgeordnete stimmten zu.", "de", "Weniger als 100 Abgeordnete", "upper_bound", None, 100),
        ("Der Preis stieg auf bis zu 1,50 Euro.", "de", "bis zu 1,50 Euro", "upper_bound", None, 1.5),
        ("Das Werk hat rund 2.000 Beschäftigte.", "de", "rund 2.000 Beschäftigte", "approximate", 1800, 2200),
        ("Etwa 5000 Fälle wurden gemeldet.", "de", "Etwa 5000 Fälle", "approximate", 4500, 5500),
        ("Der Umsatz wuchs um knapp 15 Prozent.", "de", "knapp 15 Prozent", "approximate", 13.5, 15),
        ("Die Firma hat fast 40 Filialen.", "de", "fast 40 Filialen", "approximate", 36, 40),
        ("L'azienda ha annunciato più di 500 dipendenti.", "it", "più di 500 dipendenti", "lower_bound", 500, None),
        ("Oltre 300 persone sono state evacuate.", "it", "Oltre 300 persone", "lower_bound", 300, None),
        ("Almeno 30 persone sono morte.", "it", "Almeno 30 persone", "lower_bound", 30, None),
        ("Meno di 100 deputati hanno votato.", "it", "Meno di 100 deputati", "upper_bound", None, 100),
        ("Si potranno chiedere fino a 3.000 euro.", "it", "fino a 3.000 euro", "upper_bound", None, 3000),
        ("Impiega circa 1.200 persone.", "it", "circa 1.200 persone", "approximate", 1080, 1320),
        ("Le vendite sono cresciute di quasi il 15%.", "it", "quasi il 15%", "approximate", 13.5, 15),
        ("Lavorano intorno ai 400 ingegneri.", "it", "intorno ai 400 ingegneri", "approximate", 360, 440),
        ("Oltre il 50% degli elettori ha votato.", "it", "Oltre il 50%", "lower_bound", 50, None),
        ("A empresa anunciou mais de 500 funcionários.", "pt", "mais de 500 funcionários", "lower_bound", 500, None),
        ("Pelo menos 30 pessoas morreram.", "pt", "Pelo menos 30 pessoas", "lower_bound", 30, None),
        ("Menos de 100 deputados votaram.", "pt", "Menos de 100 deputados", "upper_bound", None, 100),
        ("Poderão pedir até 3.000 euros.", "pt", "até 3.000 euros", "upper_bound", None, 3000),
        ("Emprega cerca de 1.200 pessoas.", "pt", "cerca de 1.200 pessoas", "approximate", 1080, 1320),
        ("As vendas cresceram quase 15%.", "pt", "quase 15%", "approximate", 13.5, 15),
    ],
)
def test_qualifiers(text, lang, span, qualifier, low, high):
    ms = [m for m in find_mentions(text, lang, PUB) if m.text == span]
    assert ms, kinds(text, lang)
    v = ms[0].value
    assert v.qualifier == qualifier
    assert (v.low is None) == (low is None) and (v.high is None) == (high is None)
    if low is not None:
        assert v.low == pytest.approx(low)
    if high is not None:
        assert v.high == pytest.approx(high)


@pytest.mark.parametrize(
    "text,lang,span,low",
    [
        ("A mediados de 2022 la plantilla superaba los 10.000 empleados.", "es", "superaba los 10.000 empleados", 1e4),
        ("A metà 2022 il personale superava i 10.000 dipendenti.", "it", "superava i 10.000 dipendenti", 1e4),
        ("O quadro de pessoal ultrapassou os 10.000 funcionários.", "pt", "ultrapassou os 10.000 funcionários", 1e4),
    ],
)
def test_threshold_verbs_are_lower_bounds(text, lang, span, low):
    m = [m for m in find_mentions(text, lang, PUB) if m.text == span]
    assert m, kinds(text, lang)
    assert (m[0].value.qualifier, m[0].value.low, m[0].value.high) == ("lower_bound", low, None)


@pytest.mark.parametrize(
    "text,lang,span,value",
    [
        ("El paro bajó 0,8 puntos hasta el 11,7 %.", "es", "11,7 %", 11.7),
        ("Il fatturato è salito fino a 3 miliardi di euro.", "it", "3 miliardi di euro", 3e9),
        ("O faturamento subiu até R$ 3 bilhões.", "pt", "R$ 3 bilhões", 3e9),
    ],
)
def test_up_to_after_a_verb_of_change_is_the_value_reached(text, lang, span, value):
    ms = [m for m in find_mentions(text, lang, PUB) if m.kind in ("money", "percent")]
    assert [m.text for m in ms][-1] == span
    assert (ms[-1].value.qualifier, ms[-1].value.amount) == ("exact", value)


# ---------------------------------------------------------------------------------------------
# Percentages and percentage points.
@pytest.mark.parametrize(
    "text,lang,span,amount,unit",
    [
        ("El paro bajó un 12 por ciento en un año.", "es", "12 por ciento", 12, "%"),
        ("La inflación fue del 3,2 % en diciembre.", "es", "3,2 %", 3.2, "%"),
        ("El paro bajó 0,8 puntos porcentuales.", "es", "0,8 puntos porcentuales", 0.8, "pp"),
        ("Die Arbeitslosigkeit sank um 12 Prozent.", "de", "12 Prozent", 12, "%"),
        ("Die Quote sank um 0,8 Prozentpunkte.", "de", "0,8 Prozentpunkte", 0.8, "pp"),
        ("La disoccupazione è calata del 12 per cento.", "it", "12 per cento", 12, "%"),
        ("La disoccupazione è scesa di 0,8 punti percentuali.", "it", "0,8 punti percentuali", 0.8, "pp"),
        ("O desemprego caiu 12 por cento.", "pt", "12 por cento", 12, "%"),
        ("A taxa Selic subiu para 10,75% ao ano.", "pt", "10,75%", 10.75, "%"),
        ("O desemprego caiu 0,8 pontos percentuais.", "pt", "0,8 pontos percentuais", 0.8, "pp"),
        ("El euríbor cerró en el 3,679 %.", "es", "3,679 %", 3.679, "%"),
    ],
)
def test_percentages(text, lang, span, amount, unit):
    m = one(text, lang, "percent")
    assert m.text == span
    assert (m.value.amount, m.value.unit) == (pytest.approx(amount), unit)


# ---------------------------------------------------------------------------------------------
# Counts, durations, ranges and vague amounts.
@pytest.mark.parametrize(
    "text,lang,span,amount,unit",
    [
        ("La fábrica tiene 500 empleados.", "es", "500 empleados", 500, "empleado"),
        ("Contrató a 2.000 trabajadores.", "es", "2.000 trabajadores", 2000, "trabajador"),
        ("Hay 20 países en el grupo.", "es", "20 países", 20, "país"),
        ("Das Werk hat 500 Mitarbeiter.", "de", "500 Mitarbeiter", 500, "mitarbeiter"),
        ("Es wurden 12.000 Autos verkauft.", "de", "12.000 Autos", 12000, "autos"),
        ("In Deutschland gibt es 1,5 Mio. Arbeitslose.", "de", "1,5 Mio. Arbeitslose", 1.5e6, "arbeitslose"),
        ("L'azienda ha 500 dipendenti.", "it", "500 dipendenti", 500, "dipendenti"),
        ("Sono state vendute 1,5 milioni di unità.", "it", "1,5 milioni di unità", 1.5e6, "unità"),
        ("A empresa tem 500 funcionários.", "pt", "500 funcionários", 500, "funcionário"),
        ("Foram vendidos 3 milhões de carros.", "pt", "3 milhões de carros", 3e6, "carro"),
        ("O país tem 200 hospitais.", "pt", "200 hospitais", 200, "hospital"),
    ],
)
def test_counts(text, lang, span, amount, unit):
    m = one(text, lang, "count")
    assert m.text == span
    assert (m.value.amount, m.value.unit) == (amount, unit)


@pytest.mark.parametrize(
    "text,lang,span,unit",
    [
        ("Tiene 25 años y vive en Madrid.", "es", "25 años", "year"),
        ("Er ist 25 Jahre alt.", "de", "25 Jahre", "year"),
        ("Il film dura 120 minuti.", "it", "120 minuti", "minute"),
        ("O contrato dura 6 meses.", "pt", "6 meses", "month"),
        ("Der DAX stieg auf 18.000 Punkte.", "de", "18.000 Punkte", "point"),
    ],
)
def test_durations_and_points_are_numbers_not_counts(text, lang, span, unit):
    m = one(text, lang, "number")
    assert (m.text, m.value.unit) == (span, unit)


@pytest.mark.parametrize(
    "text,lang,span,low,high,currency",
    [
        ("El proyecto costará entre 10 y 12 millones de euros.", "es", "entre 10 y 12 millones de euros", 1e7, 1.2e7, "EUR"),
        ("El precio oscilará desde 10 hasta 12 euros.", "es", "desde 10 hasta 12 euros", 10, 12, "EUR"),
        ("Das Projekt kostet zwischen 10 und 12 Millionen Euro.", "de", "zwischen 10 und 12 Millionen Euro", 1e7, 1.2e7, "EUR"),
        ("Der Preis liegt bei 10 bis 12 Euro.", "de", "10 bis 12 Euro", 10, 12, "EUR"),
        ("Il progetto costerà tra 10 e 12 milioni di euro.", "it", "tra 10 e 12 milioni di euro", 1e7, 1.2e7, "EUR"),
        ("O projeto custará entre 10 e 12 milhões de euros.", "pt", "entre 10 e 12 milhões de euros", 1e7, 1.2e7, "EUR"),
        ("O preço vai de 10 até 12 euros.", "pt", "de 10 até 12 euros", 10, 12, "EUR"),
    ],
)
def test_ranges(text, lang, span, low, high, currency):
    m = one(text, lang, "money")
    assert m.text == span
    assert (m.value.qualifier, m.value.low, m.value.high, m.value.currency) == ("range", low, high, currency)


def test_a_change_is_not_a_range():
    ms = find_mentions("Die Verschuldung stieg von 90 auf 120 Milliarden Euro.", "de", PUB)
    assert all(m.value.qualifier != "range" for m in ms if m.value is not None)
    ms = find_mentions("La deuda pasó de 90 a 120 millones de euros.", "es", PUB)
    assert all(m.value.qualifier != "range" for m in ms if m.value is not None)


@pytest.mark.parametrize(
    "text,lang,span,kind,low,high,what",
    [
        ("La compañía invirtió varios miles de millones de dólares.", "es",
         "varios miles de millones de dólares", "money", 2e9, 1e12, "USD"),
        ("Der Konzern investierte mehrere Milliarden Euro.", "de", "mehrere Milliarden Euro", "money", 2e9, 1e12, "EUR"),
        ("Il gruppo ha investito diversi miliardi di euro.", "it", "diversi miliardi di euro", "money", 2e9, 1e12, "EUR"),
        ("O grupo investiu vários bilhões de reais.", "pt", "vários bilhões de reais", "money", 2e9, 1e12, "BRL"),
        ("La empresa tenía cientos de empleados.", "es", "cientos de empleados", "count", 200, 1000, "empleado"),
        ("Tausende Beschäftigte streikten.", "de", "Tausende Beschäftigte", "count", 2000, 1e6, "beschäftigte"),
        ("Migliaia di lavoratori hanno scioperato.", "it", "Migliaia di lavoratori", "count", 2000, 1e6, "lavoratori"),
        ("Dezenas de milhares de pessoas protestaram.", "pt", "Dezenas de milhares de pessoas", "count", 2e4, 1e5, "pessoa"),
        ("Decenas de miles de personas salieron a la calle.", "es", "Decenas de miles de personas", "count", 2e4, 1e5, "persona"),
        ("Mehrere hundert Millionen Euro flossen ab.", "de", "Mehrere hundert Millionen Euro", "money", 2e8, 1e11, "EUR"),
    ],
)
def test_vague_amounts(text, lang, span, kind, low, high, what):
    m = one(text, lang, kind)
    v = m.value
    assert m.text == span
    assert (v.qualifier, v.amount, v.low, v.high) == ("vague", None, low, high)
    assert v.low_inclusive and not v.high_inclusive
    assert (v.currency if kind == "money" else v.unit) == what


@pytest.mark.parametrize(
    "text,lang,span,amount",
    [
        ("Fueron detenidas una decena de personas.", "es", "una decena de personas", 10),
        ("Ein Dutzend Demonstranten wurde festgenommen.", "de", "Ein Dutzend Demonstranten", 12),
        ("Ci sono stati un centinaio di arresti.", "it", "un centinaio di arresti", 100),
        ("Foram detidas uma dezena de pessoas.", "pt", "uma dezena de pessoas", 10),
    ],
)
def test_approximate_collectives(text, lang, span, amount):
    m = one(text, lang, "count")
    assert (m.text, m.value.qualifier, m.value.amount) == (span, "approximate", amount)
    assert m.value.low < amount < m.value.high


def test_bare_figure_takes_the_unit_of_the_one_it_is_compared_with():
    text = "La empresa facturó 45,3 millones de euros en 2023, frente a 40,1 millones en 2022."
    ms = [m for m in find_mentions(text, "es", PUB) if m.kind == "money"]
    assert [(m.text, m.value.amount, m.value.currency) for m in ms] == [
        ("45,3 millones de euros", 45.3e6, "EUR"), ("40,1 millones", 40.1e6, "EUR")]


# ---------------------------------------------------------------------------------------------
# Dates.
@pytest.mark.parametrize(
    "text,lang,span,value,gran,relation",
    [
        ("El 12 de julio de 2019 la empresa anunció su plan.", "es", "12 de julio de 2019", "2019-07-12", "day", "at"),
        ("El contrato vence el 1.º de enero de 2025.", "es", "1.º de enero de 2025", "2025-01-01", "day", "at"),
        ("Am 12. Juli 2019 kündigte das Unternehmen den Plan an.", "de", "12. Juli 2019", "2019-07-12", "day", "at"),
        ("Il 12 luglio 2019 l'azienda ha annunciato il piano.", "it", "12 luglio 2019", "2019-07-12", "day", "at"),
        ("Em 12 de julho de 2019 a empresa anunciou o plano.", "pt", "12 de julho de 2019", "2019-07-12", "day", "at"),
        ("O fundo existe desde 1º de janeiro de 2020.", "pt", "desde 1º de janeiro de 2020", "2020-01-01", "day", "since"),
        ("Der Fonds existiert seit dem 1. Januar 2020.", "de", "seit dem 1. Januar 2020", "2020-01-01", "day", "since"),
        ("Il fondo esiste dal 1° gennaio 2020.", "it", "dal 1° gennaio 2020", "2020-01-01", "day", "since"),
        ("Las ventas cayeron en julio de 2019.", "es", "julio de 2019", "2019-07", "month", "at"),
        ("La tasa es del 4,5% desde marzo de 2023.", "es", "desde marzo de 2023", "2023-03", "month", "since"),
        ("Im Juli 2019 sanken die Verkäufe.", "de", "Juli 2019", "2019-07", "month", "at"),
        ("A luglio 2019 le vendite sono calate.", "it", "luglio 2019", "2019-07", "month", "at"),
        ("As vendas caíram em julho de 2019.", "pt", "julho de 2019", "2019-07", "month", "at"),
        ("Microsoft invirtió en 2019 en OpenAI.", "es", "2019", "2019", "year", "at"),
        ("Desde 2019, el paro ha bajado.", "es", "Desde 2019", "2019", "year", "since"),
        ("Im Jahr 2019 investierte Microsoft.", "de", "2019", "2019", "year", "at"),
        ("Seit 2019 sinkt die Arbeitslosigkeit.", "de", "Seit 2019", "2019", "year", "since"),
        ("Die Preise steigen bis 2025 weiter.", "de", "bis 2025", "2025", "year", "until"),
        ("Nel 2019 Microsoft ha investito.", "it", "2019", "2019", "year", "at"),
        ("Dal 2019 la disoccupazione è calata.", "it", "Dal 2019", "2019", "year", "since"),
        ("Desde 2019 o desemprego caiu.", "pt", "Desde 2019", "2019", "year", "since"),
        ("A meta vale até 2030.", "pt", "até 2030", "2030", "year", "until"),
    ],
)
def test_dates_with_granularity_and_relation(text, lang, span, value, gran, relation):
    d = one(text, lang, "date")
    assert d.text == span
    assert (d.time.value, d.time.granularity, d.time.relation, d.time.resolved) == (value, gran, relation, True)


@pytest.mark.parametrize(
    "text,lang,span,first,last",
    [
        ("A finales de 2019 había 2.000 trabajadores.", "es", "A finales de 2019", (2019, 9, 1), (2019, 12, 31)),
        ("El contrato vence a finales del 2025.", "es", "a finales del 2025", (2025, 9, 1), (2025, 12, 31)),
        ("A principios de junio de 2023 cerró la planta.", "es", "A principios de junio de 2023", (2023, 6, 1), (2023, 6, 10)),
        ("Ende 2019 gab es 2.000 Beschäftigte.", "de", "Ende 2019", (2019, 9, 1), (2019, 12, 31)),
        ("Mitte 2022 stieg die Zahl.", "de", "Mitte 2022", (2022, 5, 1), (2022, 8, 31)),
        ("Anfang Juli 2019 begann der Bau.", "de", "Anfang Juli 2019", (2019, 7, 1), (2019, 7, 10)),
        ("Alla fine del 2019 l'azienda aveva dieci sedi.", "it", "Alla fine del 2019", (2019, 9, 1), (2019, 12, 31)),
        ("Fine 2019 il progetto era concluso.", "it", "Fine 2019", (2019, 9, 1), (2019, 12, 31)),
        ("Em meados de 2022 o quadro cresceu.", "pt", "Em meados de 2022", (2022, 5, 1), (2022, 8, 31)),
        ("No final de 2025 o contrato vence.", "pt", "No final de 2025", (2025, 9, 1), (2025, 12, 31)),
    ],
)
def test_parts_of_years_and_months(text, lang, span, first, last):
    d = one(text, lang, "date")
    assert d.text == span
    assert (d.time.earliest, d.time.latest) == (dt.date(*first), dt.date(*last))


@pytest.mark.parametrize(
    "text,lang,span,value,gran",
    [
        ("Las ventas crecieron en el primer trimestre de 2024.", "es", "primer trimestre de 2024", "2024-Q1", "quarter"),
        ("Der Umsatz wuchs im ersten Quartal 2024.", "de", "ersten Quartal 2024", "2024-Q1", "quarter"),
        ("Der Umsatz wuchs im 3. Quartal 2024.", "de", "3. Quartal 2024", "2024-Q3", "quarter"),
        ("Le vendite sono cresciute nel primo trimestre del 2024.", "it", "primo trimestre del 2024", "2024-Q1", "quarter"),
        ("As vendas cresceram no primeiro trimestre de 2024.", "pt", "primeiro trimestre de 2024", "2024-Q1", "quarter"),
        ("Entre 2019 y 2021 la deuda creció.", "es", "Entre 2019 y 2021", "2019/2021", "year"),
        ("Von 2019 bis 2021 stieg die Verschuldung.", "de", "Von 2019 bis 2021", "2019/2021", "year"),
        ("Tra il 2019 e il 2021 il debito è cresciuto.", "it", "Tra il 2019 e il 2021", "2019/2021", "year"),
        ("Entre 2019 e 2021 a dívida cresceu.", "pt", "Entre 2019 e 2021", "2019/2021", "year"),
        ("Von Januar bis März 2024 wurden Autos verkauft.", "de", "Von Januar bis März 2024", "2024-Q1", "quarter"),
        ("Entre julho e setembro de 2024 as vendas caíram.", "pt", "Entre julho e setembro de 2024", "2024-Q3", "quarter"),
        ("Dal 7 al 9 luglio 2023 si è tenuta la fiera.", "it", "Dal 7 al 9 luglio 2023", "2023-07-07/2023-07-09", "day"),
        ("Die Messe war vom 7. bis 9. Juli 2023.", "de", "vom 7. bis 9. Juli 2023", "2023-07-07/2023-07-09", "day"),
        ("Las ventas se dispararon en los años 90.", "es", "en los años 90", "1990s", "decade"),
        ("In den 1990er Jahren wuchs die Firma.", "de", "1990er Jahren", "1990s", "decade"),
        ("Negli anni '90 l'azienda cresceva.", "it", "Negli anni '90", "1990s", "decade"),
    ],
)
def test_quarters_ranges_and_decades(text, lang, span, value, gran):
    d = one(text, lang, "date")
    assert (d.text, d.time.value, d.time.granularity) == (span, value, gran)


@pytest.mark.parametrize(
    "text,lang,span,value,gran",
    [
        ("La compañía invirtió mucho el año pasado.", "es", "el año pasado", "2023", "year"),
        ("Este año las ventas suben.", "es", "Este año", "2024", "year"),
        ("Der Konzern investierte letztes Jahr viel.", "de", "letztes Jahr", "2023", "year"),
        ("Der Konzern investierte im vergangenen Jahr viel.", "de", "im vergangenen Jahr", "2023", "year"),
        ("Il gruppo ha investito molto l'anno scorso.", "it", "l'anno scorso", "2023", "year"),
        ("O grupo investiu muito no ano passado.", "pt", "no ano passado", "2023", "year"),
        ("El mes pasado cayeron las ventas.", "es", "El mes pasado", "2024-04", "month"),
        ("Ayer el Gobierno aprobó el plan.", "es", "Ayer", "2024-05-14", "day"),
        ("Gestern hat die Regierung den Plan beschlossen.", "de", "Gestern", "2024-05-14", "day"),
        ("Ieri il governo ha approvato il piano.", "it", "Ieri", "2024-05-14", "day"),
        ("Ontem o governo aprovou o plano.", "pt", "Ontem", "2024-05-14", "day"),
        ("Hace tres años la empresa era pequeña.", "es", "Hace tres años", "2021", "year"),
        ("Vor drei Jahren war die Firma klein.", "de", "Vor drei Jahren", "2021", "year"),
        ("Tre anni fa l'azienda era piccola.", "it", "Tre anni fa", "2021", "year"),
        ("Há três anos a empresa era pequena.", "pt", "Há três anos", "2021", "year"),
        ("Desde julio el precio ha subido.", "es", "Desde julio", "2024-07", "month"),
        ("Die Inflation lag im Dezember bei 3 Prozent.", "de", "Dezember", "2023-12", "month"),
        ("El ministro habló el lunes.", "es", "lunes", "2024-05-13", "day"),
        ("Das Ministerium teilte am Montag mit.", "de", "Montag", "2024-05-13", "day"),
        ("Der Pegel stieg am Montagabend stark an.", "de", "Montagabend", "2024-05-13", "day"),
    ],
)
def test_relative_dates_resolved_against_publication(text, lang, span, value, gran):
    d = one(text, lang, "date")
    assert (d.text, d.time.value, d.time.granularity, d.time.relative, d.time.resolved) == (span, value, gran, True, True)


def test_relative_dates_without_publication_are_unresolved():
    d = one("Der Konzern investierte letztes Jahr viel.", "de", "date", published=None)
    assert (d.time.resolved, d.time.value, d.time.granularity) == (False, None, "year")


@pytest.mark.parametrize(
    "text,lang,span,value",
    [
        ("Der Konzern verdiente 2023 zwei Milliarden Euro, 20 % mehr als im Vorjahr.", "de", "im Vorjahr", "2022"),
        ("La empresa ganó 2.000 millones en 2023, un 20% más que el año anterior.", "es", "el año anterior", "2022"),
        ("Nel 2023 l'utile è cresciuto del 20% rispetto all'anno precedente.", "it", "all'anno precedente", "2022"),
        ("O lucro foi de R$ 2 bilhões em 2023, 20% a mais que no ano anterior.", "pt", "no ano anterior", "2022"),
        ("En 2023 facturó 10 millones; un año antes, 8 millones.", "es", "un año antes", "2022"),
    ],
)
def test_dates_anchored_on_an_earlier_date(text, lang, span, value):
    ds = [m for m in find_mentions(text, lang, PUB) if m.kind == "date" and m.text == span]
    assert ds, kinds(text, lang)
    assert ds[0].time.value == value


# ---------------------------------------------------------------------------------------------
# Things that are not quantities or dates.
def test_articles_names_and_common_words_are_not_figures():
    assert kinds("Ein Unternehmen, einer der größten Konzerne, hat eines seiner Werke geschlossen.", "de") == []
    assert kinds("Uno de los directivos dijo que una de las empresas cerrará.", "es") == []
    assert [k for k in kinds("Lo ha detto Otto Rossi: tu sei bravo.", "it")] == []
    assert kinds("Hier wurde die Mauer geöffnet.", "de") == []  # German "hier" is "here", not "yesterday"
    assert kinds("Heute Morgen sagte der Chef etwas.", "de") == [("date", "Heute")]  # "Morgen": the morning
    assert kinds("O Domingo Silva falou com a imprensa.", "pt") == []


def test_year_or_quantity():
    text = "En 2000 euros se valoró el coche; hasta 2000 personas asistieron."
    assert kinds(text, "es") == [("money", "2000 euros"), ("count", "hasta 2000 personas")]
    assert kinds("Ab 2000 Euro Einkommen zahlt man Steuern.", "de") == [("money", "Ab 2000 Euro")]
    assert kinds("2019 investierte Microsoft in OpenAI.", "de") == [("date", "2019")]
    assert kinds("Nel 2023 l'utile è cresciuto.", "it") == [("date", "2023")]


def test_french_and_english_are_unchanged_by_the_other_languages():
    # Words of the new tables mean other things in French and English.
    fr = kinds("Hier, 500 salariés ont manifesté à Paris en mai 2024.", "fr")
    assert fr == [("date", "Hier"), ("count", "500 salariés"), ("date", "mai 2024")]
    en = kinds("He said it was about $2 billion in July 2019.", "en")
    assert en == [("money", "about $2 billion"), ("date", "July 2019")]
