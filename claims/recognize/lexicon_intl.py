"""Word tables for Spanish, German, Italian and Portuguese (see :mod:`.lexicon` for French/English).

Everything here is data, keyed by language code ("es", "de", "it", "pt"). Keys are lower-case and
accent-free (see :func:`claims.recognize.lexicon.fold`; "ß" is kept), like the French and English
tables: regexes built with :func:`claims.recognize.lexicon.alternation` accept accented and
unaccented spellings alike.

Number conventions are the continental ones: "." or spaces group thousands, "," is the decimal
mark. Scales are long-scale except Brazilian Portuguese "bilhão" (1e9): Spanish "billón",
German "Billion", Portuguese "bilião" are 1e12.
"""
from __future__ import annotations

from .lexicon import Q

INTL_LANGS = ("es", "de", "it", "pt")

# ---------------------------------------------------------------------------------------------
# Scale words after digits ("1.000 millones", "1,4 Milliarden", "3 miliardi", "2 bilhões").
SCALE_WORDS: dict[str, dict[str, float]] = {
    "es": {
        "mil": 1e3, "millon": 1e6, "millones": 1e6, "mil millones": 1e9, "millardo": 1e9, "millardos": 1e9,
        "billon": 1e12, "billones": 1e12,
    },
    "de": {
        "tausend": 1e3, "million": 1e6, "millionen": 1e6, "milliarde": 1e9, "milliarden": 1e9,
        "billion": 1e12, "billionen": 1e12,
    },
    "it": {
        "mila": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9, "mila miliardi": 1e12,
        "bilione": 1e12, "bilioni": 1e12,
    },
    "pt": {
        "mil": 1e3, "milhao": 1e6, "milhoes": 1e6, "mil milhoes": 1e9, "bilhao": 1e9, "bilhoes": 1e9,
        "biliao": 1e12, "bilioes": 1e12, "trilhao": 1e12, "trilhoes": 1e12,
    },
}
# "dos millones y medio", "due milioni e mezzo", "dois milhões e meio".
SCALE_HALF: dict[str, list[str]] = {
    "es": ["y medio", "y media"], "de": [], "it": ["e mezzo"], "pt": ["e meio", "e meia"],
}
# Abbreviations after digits ("3,5 Mio. Euro", "1,2 mld di euro", "2 Mrd."), case as written.
SCALE_ABBR: dict[str, dict[str, float]] = {
    "es": {"mill.": 1e6, "mill": 1e6, "mm": 1e6, "bn": 1e9},
    "de": {"Mio.": 1e6, "Mio": 1e6, "Mrd.": 1e9, "Mrd": 1e9, "Md.": 1e9, "Mia.": 1e9, "Bio.": 1e12,
           "Tsd.": 1e3, "Tsd": 1e3},
    "it": {"mln": 1e6, "Mln": 1e6, "mln.": 1e6, "mld": 1e9, "Mld": 1e9, "mld.": 1e9, "mrd": 1e9, "mrd.": 1e9},
    "pt": {"mi": 1e6, "bi": 1e9, "tri": 1e12},
}
# Of those, the ones only read next to a currency ("R$ 2,5 bi", "US$ 300 mi").
SCALE_ABBR_MONEY_ONLY: dict[str, set[str]] = {"es": {"mm"}, "de": set(), "it": set(), "pt": {"mi", "bi", "tri"}}

# ---------------------------------------------------------------------------------------------
# Number words (parsed with text2num; these tables only find the runs and their scale).
NUMBER_WORDS: dict[str, list[str]] = {
    "es": """cero un uno una dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince
        dieciseis diecisiete dieciocho diecinueve veinte veintiun veintiuno veintiuna veintidos veintitres
        veinticuatro veinticinco veintiseis veintisiete veintiocho veintinueve treinta cuarenta cincuenta
        sesenta setenta ochenta noventa cien ciento doscientos doscientas trescientos trescientas
        cuatrocientos cuatrocientas quinientos quinientas seiscientos seiscientas setecientos setecientas
        ochocientos ochocientas novecientos novecientas mil millon millones billon billones medio""".split(),
    "pt": """zero um uma dois duas tres quatro cinco seis sete oito nove dez onze doze treze catorze quatorze
        quinze dezasseis dezesseis dezassete dezessete dezoito dezanove dezenove vinte trinta quarenta
        cinquenta sessenta setenta oitenta noventa cem cento duzentos duzentas trezentos trezentas
        quatrocentos quatrocentas quinhentos quinhentas seiscentos seiscentas setecentos setecentas
        oitocentos oitocentas novecentos novecentas mil milhao milhoes bilhao bilhoes biliao bilioes
        trilhao trilhoes meio""".split(),
}
# Italian and German write numbers as one word ("trecentocinquanta", "dreihundertfünfzig"): pieces.
NUMBER_MORPHEMES: dict[str, list[str]] = {
    "it": """zero un uno una due tre quattro cinque sei sette otto nove dieci undici dodici tredici
        quattordici quindici sedici diciassette diciotto diciannove venti vent trenta trent quaranta quarant
        cinquanta cinquant sessanta sessant settanta settant ottanta ottant novanta novant cento cent
        mille mila""".split(),
    "de": """null eins ein eine einer einem einen zwei zwo drei vier funf fuenf sech sechs sieb sieben acht
        neun zehn elf zwolf zwoelf zwanzig dreißig dreissig zig hundert tausend und""".split(),
}
# Scale words written as separate words after number words ("due miliardi", "zwei Milliarden").
NUMBER_SCALE_WORDS: dict[str, list[str]] = {
    "it": ["milione", "milioni", "miliardo", "miliardi"],
    "de": ["million", "millionen", "milliarde", "milliarden", "billion", "billionen"],
}
# Words that alone are an article, not the number one ("una empresa", "ein Unternehmen").
ARTICLES_ONE: dict[str, set[str]] = {
    "es": {"un", "una", "uno"}, "pt": {"um", "uma"}, "it": {"un", "uno", "una"},
    "de": {"ein", "eine", "einer", "einem", "einen", "eines", "eins"},
}
# Words for a half before a scale word ("medio millón" = 500 000).
HALF_WORDS: dict[str, set[str]] = {"es": {"medio", "media"}, "pt": {"meio", "meia"}, "it": {"mezzo"}, "de": {"halbe"}}

# ---------------------------------------------------------------------------------------------
# Currencies: (folded name, ISO code, factor to the major unit), adjectives included.
_CURRENCY_NAMES: dict[str, list[tuple[str, str, float]]] = {
    "es": [
        ("dolares estadounidenses", "USD", 1), ("dolar estadounidense", "USD", 1), ("dolares americanos", "USD", 1),
        ("dolares canadienses", "CAD", 1), ("dolares australianos", "AUD", 1), ("dolares de hong kong", "HKD", 1),
        ("dolares", "USD", 1), ("dolar", "USD", 1), ("euros", "EUR", 1), ("euro", "EUR", 1),
        ("libras esterlinas", "GBP", 1), ("libra esterlina", "GBP", 1), ("libras", "GBP", 1), ("libra", "GBP", 1),
        ("francos suizos", "CHF", 1), ("franco suizo", "CHF", 1), ("yenes", "JPY", 1), ("yen", "JPY", 1),
        ("yuanes", "CNY", 1), ("yuan", "CNY", 1), ("rublos", "RUB", 1), ("rublo", "RUB", 1),
        ("pesos mexicanos", "MXN", 1), ("pesos argentinos", "ARS", 1), ("pesos chilenos", "CLP", 1),
        ("pesos colombianos", "COP", 1), ("pesos", "MXN", 1), ("reales", "BRL", 1), ("bolivares", "VES", 1),
        ("soles", "PEN", 1), ("coronas suecas", "SEK", 1), ("coronas noruegas", "NOK", 1),
        ("coronas danesas", "DKK", 1), ("rupias", "INR", 1), ("wones", "KRW", 1), ("bitcoins", "BTC", 1),
        ("bitcoin", "BTC", 1), ("centimos de euro", "EUR", 0.01), ("centimos", "EUR", 0.01),
        ("centavos de dolar", "USD", 0.01), ("centavos", "USD", 0.01),
    ],
    "de": [
        ("us-dollar", "USD", 1), ("us-dollars", "USD", 1), ("us dollar", "USD", 1),
        ("amerikanische dollar", "USD", 1), ("kanadische dollar", "CAD", 1), ("kanadischen dollar", "CAD", 1),
        ("australische dollar", "AUD", 1), ("australischen dollar", "AUD", 1), ("hongkong-dollar", "HKD", 1),
        ("singapur-dollar", "SGD", 1), ("dollar", "USD", 1), ("dollars", "USD", 1), ("euro", "EUR", 1),
        ("euros", "EUR", 1), ("pfund sterling", "GBP", 1), ("britische pfund", "GBP", 1),
        ("britischen pfund", "GBP", 1), ("pfund", "GBP", 1), ("schweizer franken", "CHF", 1),
        ("franken", "CHF", 1), ("yen", "JPY", 1), ("yuan", "CNY", 1), ("renminbi", "CNY", 1),
        ("rubel", "RUB", 1), ("rupien", "INR", 1), ("schwedische kronen", "SEK", 1),
        ("schwedischen kronen", "SEK", 1), ("norwegische kronen", "NOK", 1), ("norwegischen kronen", "NOK", 1),
        ("danische kronen", "DKK", 1), ("danischen kronen", "DKK", 1), ("tschechische kronen", "CZK", 1),
        ("zloty", "PLN", 1), ("turkische lira", "TRY", 1), ("d-mark", "DEM", 1), ("mark", "DEM", 1),
        ("bitcoin", "BTC", 1), ("cent", "EUR", 0.01), ("eurocent", "EUR", 0.01), ("rappen", "CHF", 0.01),
    ],
    "it": [
        ("dollari statunitensi", "USD", 1), ("dollari americani", "USD", 1), ("dollari usa", "USD", 1),
        ("dollari canadesi", "CAD", 1), ("dollari australiani", "AUD", 1), ("dollari di hong kong", "HKD", 1),
        ("dollari", "USD", 1), ("dollaro", "USD", 1), ("euro", "EUR", 1), ("lire sterline", "GBP", 1),
        ("sterline", "GBP", 1), ("sterlina", "GBP", 1), ("franchi svizzeri", "CHF", 1), ("franco svizzero", "CHF", 1),
        ("yen", "JPY", 1), ("yuan", "CNY", 1), ("renminbi", "CNY", 1), ("rubli", "RUB", 1), ("rublo", "RUB", 1),
        ("lire turche", "TRY", 1), ("lire", "ITL", 1), ("corone svedesi", "SEK", 1), ("corone norvegesi", "NOK", 1),
        ("corone danesi", "DKK", 1), ("rupie", "INR", 1), ("bitcoin", "BTC", 1), ("centesimi di euro", "EUR", 0.01),
        ("centesimi", "EUR", 0.01),
    ],
    "pt": [
        ("dolares americanos", "USD", 1), ("dolares norte-americanos", "USD", 1), ("dolares estadunidenses", "USD", 1),
        ("dolares canadenses", "CAD", 1), ("dolares canadianos", "CAD", 1), ("dolares australianos", "AUD", 1),
        ("dolares", "USD", 1), ("dolar", "USD", 1), ("euros", "EUR", 1), ("euro", "EUR", 1),
        ("libras esterlinas", "GBP", 1), ("libra esterlina", "GBP", 1), ("libras", "GBP", 1), ("libra", "GBP", 1),
        ("francos suicos", "CHF", 1), ("franco suico", "CHF", 1), ("ienes", "JPY", 1), ("iene", "JPY", 1),
        ("yuans", "CNY", 1), ("iuanes", "CNY", 1), ("yuan", "CNY", 1), ("rublos", "RUB", 1), ("rublo", "RUB", 1),
        ("pesos argentinos", "ARS", 1), ("pesos", "ARS", 1), ("reais", "BRL", 1), ("real", "BRL", 1),
        ("kwanzas", "AOA", 1), ("meticais", "MZN", 1), ("bitcoins", "BTC", 1), ("bitcoin", "BTC", 1),
        ("centimos", "EUR", 0.01), ("centavos", "BRL", 0.01),
    ],
}
CURRENCY_NAMES: dict[str, dict[str, tuple[str, float]]] = {
    lang: {n: (c, f) for n, c, f in rows} for lang, rows in _CURRENCY_NAMES.items()
}
# Names that are also common words (weights, adjectives, names): money only after a scale word.
AMBIGUOUS_CURRENCY_NAMES: dict[str, set[str]] = {
    "es": {"libra", "libras", "soles"},
    "de": {"pfund", "mark"},
    "it": {"lire"},
    "pt": {"libra", "libras", "real"},
}
# Words between a scale word and the currency: "millones de dólares", "miliardi di euro".
CURRENCY_LINKS: dict[str, list[str]] = {"es": ["de"], "pt": ["de"], "it": ["di", "d'"], "de": []}

# ---------------------------------------------------------------------------------------------
# Percent words.
PERCENT_WORDS: dict[str, list[str]] = {
    "es": ["por ciento", "por cien", "porciento"],
    "de": ["prozent", "v. h.", "vh"],
    "it": ["per cento", "percento", "per cent"],
    "pt": ["por cento", "porcento"],
}
PERCENT_POINT_WORDS: dict[str, list[str]] = {
    "es": ["puntos porcentuales", "punto porcentual", "p. p.", "pp"],
    "de": ["prozentpunkte", "prozentpunkten", "prozentpunkt", "%-punkte", "%-punkten", "%-punkt"],
    "it": ["punti percentuali", "punto percentuale", "p.p."],
    "pt": ["pontos percentuais", "ponto percentual", "p.p."],
}

# ---------------------------------------------------------------------------------------------
# Qualifiers before a figure (same shape as lexicon.QUALIFIERS_BEFORE).
_LB: Q = ("lower_bound", 1, None, False, True)  # more than
_LBI: Q = ("lower_bound", 1, None, True, True)  # at least
_LB1: Q = ("lower_bound", 1, 1.1, False, True)  # just over
_UB: Q = ("upper_bound", None, 1, True, False)  # less than
_UBI: Q = ("upper_bound", None, 1, True, True)  # up to
_UB1: Q = ("upper_bound", 0.9, 1, True, False)  # just under
_AP: Q = ("approximate", 0.9, 1.1, True, True)  # about
_AP1: Q = ("approximate", 0.9, 1, True, True)  # nearly


def _with_articles(base: dict[str, Q], forms: dict[str, list[str]]) -> dict[str, Q]:
    """Add article forms: a phrase ending in a key of `forms` also takes each of its values
    ("más de" -> "más del", "más de los"; "oltre" -> "oltre il", "oltre i")."""
    out = dict(base)
    for phrase, spec in base.items():
        last = phrase.rsplit(" ", 1)[-1]
        for suffix, repl in forms.items():
            if last == suffix or (suffix == "*" and " " not in phrase):
                stem = phrase[: len(phrase) - len(last)] if suffix != "*" else phrase + " "
                for r in repl:
                    out.setdefault((stem + r) if suffix != "*" else stem + r, spec)
    return out


_ES_Q: dict[str, Q] = {
    "mas de": _LB, "por encima de": _LB, "superior a": _LB, "superiores a": _LB, "poco mas de": _LB1,
    "algo mas de": _LB1, "ligeramente superior a": _LB1,
    "al menos": _LBI, "como minimo": _LBI, "por lo menos": _LBI, "no menos de": _LBI, "un minimo de": _LBI,
    "a partir de": _LBI,
    "menos de": _UB, "por debajo de": _UB, "inferior a": _UB, "inferiores a": _UB, "poco menos de": _UB1,
    "hasta": _UBI, "como maximo": _UBI, "no mas de": _UBI, "un maximo de": _UBI,
    "cerca de": _AP, "alrededor de": _AP, "en torno a": _AP, "aproximadamente": _AP, "unos": _AP, "unas": _AP,
    "del orden de": _AP, "aprox.": _AP, "rondando": _AP, "en torno de": _AP, "~": _AP,
    "casi": _AP1, "practicamente": _AP1, "rozando": _AP1, "ronda": _AP, "rondan": _AP, "rondaba": _AP,
    "rondaban": _AP,
}
_ES_EXCEED = ["supera", "superan", "superaba", "superaban", "supero", "superaron", "superara", "superar", "superando",
              "rebasaba", "sobrepasaba",
              "rebasa", "rebaso", "rebasar", "sobrepasa", "sobrepaso", "sobrepasar", "excede", "excedio", "exceder"]
_DE_Q: dict[str, Q] = {
    "mehr als": _LB, "uber": _LB, "oberhalb von": _LB, "knapp uber": _LB1, "gut": _LB1, "etwas mehr als": _LB1,
    "mindestens": _LBI, "wenigstens": _LBI, "nicht weniger als": _LBI, "ab": _LBI,
    "weniger als": _UB, "unter": _UB, "knapp unter": _UB1, "etwas weniger als": _UB1,
    "bis zu": _UBI, "hochstens": _UBI, "maximal": _UBI, "nicht mehr als": _UBI,
    "rund": _AP, "etwa": _AP, "ca.": _AP, "circa": _AP, "zirka": _AP, "ungefahr": _AP, "schatzungsweise": _AP,
    "um die": _AP, "~": _AP,
    "knapp": _AP1, "fast": _AP1, "beinahe": _AP1, "nahezu": _AP1, "annahernd": _AP1,
}
_DE_EXCEED = ["ubersteigt", "ubersteigen", "uberstieg", "uberstiegen", "ubersteigen", "uberschreitet",
              "uberschreiten", "uberschritt", "uberschritten", "ubertrifft", "ubertreffen", "ubertraf", "ubertrafen"]
_IT_Q: dict[str, Q] = {
    "piu di": _LB, "oltre": _LB, "superiore a": _LB, "superiori a": _LB, "sopra": _LB, "poco piu di": _LB1,
    "appena sopra": _LB1,
    "almeno": _LBI, "non meno di": _LBI, "come minimo": _LBI, "minimo": _LBI,
    "meno di": _UB, "inferiore a": _UB, "inferiori a": _UB, "sotto": _UB, "poco meno di": _UB1,
    "fino a": _UBI, "al massimo": _UBI, "non piu di": _UBI, "massimo": _UBI,
    "circa": _AP, "intorno a": _AP, "attorno a": _AP, "approssimativamente": _AP, "all'incirca": _AP,
    "sui": _AP, "sulle": _AP, "~": _AP,
    "quasi": _AP1, "pressoche": _AP1, "vicino a": _AP1,
}
_IT_EXCEED = ["supera", "superano", "superava", "superavano", "superato", "superati", "superata", "superare", "superando",
              "oltrepassa", "oltrepassato", "oltrepassare", "sfonda", "sfondato", "sfondare"]
_PT_Q: dict[str, Q] = {
    "mais de": _LB, "mais do que": _LB, "acima de": _LB, "superior a": _LB, "superiores a": _LB,
    "pouco mais de": _LB1, "ligeiramente acima de": _LB1,
    "pelo menos": _LBI, "no minimo": _LBI, "ao menos": _LBI, "nao menos de": _LBI, "a partir de": _LBI,
    "menos de": _UB, "menos do que": _UB, "abaixo de": _UB, "inferior a": _UB, "inferiores a": _UB,
    "pouco menos de": _UB1,
    "ate": _UBI, "no maximo": _UBI, "nao mais de": _UBI,
    "cerca de": _AP, "aproximadamente": _AP, "em torno de": _AP, "por volta de": _AP, "na casa de": _AP,
    "na casa dos": _AP, "na ordem de": _AP, "~": _AP,
    "quase": _AP1, "perto de": _AP1, "praticamente": _AP1,
}
_PT_EXCEED = ["supera", "superam", "superou", "superaram", "superar", "superando", "superava", "superavam",
              "ultrapassava", "ultrapassavam", "ultrapassa", "ultrapassam",
              "ultrapassou", "ultrapassaram", "ultrapassar", "excede", "excedeu", "exceder"]


def _exceed(verbs: list[str], articles: list[str], bars: list[str]) -> dict[str, Q]:
    out: dict[str, Q] = {}
    for v in verbs:
        out[v] = _LB
        for a in articles:
            out[f"{v} {a}"] = _LB
        for b in bars:
            out[f"{v} {b}"] = _LBI
    return out


QUALIFIERS_BEFORE: dict[str, dict[str, Q]] = {
    "es": {
        **_with_articles(_ES_Q, {"de": ["del", "de los", "de las", "de un", "de una"],
                                 "a": ["al", "a los", "a las", "a un", "a una"],
                                 "*": ["el", "la", "los", "las", "un", "una"]}),
        **_exceed(_ES_EXCEED, ["los", "las", "el", "la"], ["la barrera de los", "la barrera de", "el umbral de los",
                                                          "el umbral de", "la cifra de", "la cota de"]),
    },
    "de": {
        **_DE_Q,
        **_exceed(_DE_EXCEED, ["die", "den", "das"], ["die marke von", "die schwelle von", "die grenze von"]),
    },
    "it": {
        **_with_articles(_IT_Q, {"di": ["del", "dei", "degli", "della", "delle", "dell'"],
                                 "a": ["al", "ai", "agli", "alla", "alle", "all'"],
                                 "*": ["il", "i", "gli", "la", "le", "l'"]}),
        **_exceed(_IT_EXCEED, ["i", "il", "gli", "la", "le", "l'", "quota"], ["la soglia dei", "la soglia di",
                                                                          "la soglia del", "il tetto dei",
                                                                          "quota"]),
    },
    "pt": {
        **_with_articles(_PT_Q, {"de": ["dos", "das", "do", "da"], "a": ["aos", "as"], "*": ["os", "as", "o", "a"]}),
        **_exceed(_PT_EXCEED, ["os", "as", "o", "a"], ["a marca de", "a marca dos", "a barreira de",
                                                      "a barreira dos", "o patamar de", "o patamar dos"]),
    },
}
# "hasta", "até", "fino a" after a verb of change is where the figure got to, not a bound:
# "el paro bajó hasta el 11,7 %", "o preço subiu até 1,50 euro".
UP_TO_AFTER_CHANGE: dict[str, tuple[str, ...]] = {"es": ("hasta",), "pt": ("ate",), "it": ("fino",), "de": ()}

QUALIFIERS_AFTER: dict[str, dict[str, Q]] = {
    "es": {"o mas": _LBI, "como minimo": _LBI, "al menos": _LBI, "o menos": _UBI, "como maximo": _UBI,
           "aproximadamente": _AP},
    "de": {"oder mehr": _LBI, "und mehr": _LBI, "mindestens": _LBI, "oder weniger": _UBI, "hochstens": _UBI},
    "it": {"o piu": _LBI, "e oltre": _LBI, "come minimo": _LBI, "almeno": _LBI, "o meno": _UBI,
           "al massimo": _UBI, "circa": _AP},
    "pt": {"ou mais": _LBI, "no minimo": _LBI, "pelo menos": _LBI, "ou menos": _UBI, "no maximo": _UBI,
           "aproximadamente": _AP},
}

# ---------------------------------------------------------------------------------------------
# Vague amounts: "varios miles de millones", "mehrere Milliarden", "diversi miliardi", "vários bilhões".
# Collective words and the amount they stand for; plural ones take "few"/"many" words before them,
# singular ones an article ("un centenar de", "ein Dutzend", "un migliaio di", "uma dezena de").
COLLECTIVES: dict[str, dict[str, float]] = {
    "es": {"decenas": 10, "docenas": 12, "cientos": 100, "centenares": 100, "miles": 1e3, "millares": 1e3,
           "millones": 1e6, "miles de millones": 1e9, "billones": 1e12},
    "de": {"dutzende": 12, "dutzenden": 12, "hunderte": 100, "hunderten": 100, "tausende": 1e3, "tausenden": 1e3,
           "zehntausende": 1e4, "zehntausenden": 1e4, "hunderttausende": 1e5, "hunderttausenden": 1e5,
           "millionen": 1e6, "milliarden": 1e9, "billionen": 1e12},
    "it": {"decine": 10, "dozzine": 12, "centinaia": 100, "migliaia": 1e3, "decine di migliaia": 1e4,
           "centinaia di migliaia": 1e5, "milioni": 1e6, "miliardi": 1e9},
    "pt": {"dezenas": 10, "duzias": 12, "centenas": 100, "milhares": 1e3, "milhoes": 1e6, "bilhoes": 1e9,
           "milhares de milhoes": 1e9, "bilioes": 1e12, "trilhoes": 1e12},
}
# Collectives in the singular after a "few" word ("mehrere hundert", "qualche miliardo", "alguns mil").
COLLECTIVES_AFTER_FEW: dict[str, dict[str, float]] = {
    "es": {"mil": 1e3},
    "de": {"hundert": 100, "tausend": 1e3, "dutzend": 12},
    "it": {"centinaio": 100, "migliaio": 1e3, "milione": 1e6, "miliardo": 1e9, "mila": 1e3},
    "pt": {"mil": 1e3},
}
COLLECTIVES_ONE: dict[str, dict[str, float]] = {
    "es": {"decena": 10, "docena": 12, "centenar": 100, "millar": 1e3},
    "de": {"dutzend": 12},
    "it": {"decina": 10, "dozzina": 12, "centinaio": 100, "migliaio": 1e3},
    "pt": {"dezena": 10, "duzia": 12, "centena": 100, "milhar": 1e3},
}
VAGUE_FEW: dict[str, list[str]] = {
    "es": ["varios", "varias", "algunos", "algunas", "unos cuantos", "unas cuantas", "unos pocos", "unas pocas"],
    "de": ["mehrere", "einige", "ein paar", "etliche", "einigen", "mehreren"],
    "it": ["diversi", "diverse", "alcuni", "alcune", "parecchi", "parecchie", "vari", "varie", "qualche"],
    "pt": ["varios", "varias", "alguns", "algumas", "uns", "umas"],
}
VAGUE_MANY: dict[str, list[str]] = {
    "es": ["muchos", "muchas", "numerosos", "numerosas"],
    "de": ["viele", "vielen", "zig"],
    "it": ["molti", "molte", "numerosi", "numerose", "tanti", "tante"],
    "pt": ["muitos", "muitas", "numerosos", "numerosas"],
}
# Articles in front of a singular collective.
VAGUE_ONE: dict[str, list[str]] = {
    "es": ["una", "un"], "de": ["ein", "einem", "eines"], "it": ["una", "un"], "pt": ["uma", "um"],
}
# The preposition after a collective ("miles de", "migliaia di"); German needs none.
COLLECTIVE_LINKS: dict[str, list[str]] = {"es": ["de"], "pt": ["de"], "it": ["di", "d'"], "de": [""]}

# ---------------------------------------------------------------------------------------------
# Counted nouns.
COUNT_STOPWORDS: dict[str, set[str]] = {
    "es": set("""
a al ante bajo con contra de del desde durante en entre hacia hasta mediante para por segun sin sobre tras
y e o u ni que como cuando donde el la los las lo un una unos unas su sus se le les mas menos muy ya aun
es son fue fueron era eran ha han habia habian sera seran esta estan este esta estos estas ese esa esos esas
tambien solo cada otro otra otros otras mismo misma todos todas aproximadamente casi unos frente respecto
segun millones millon mil veces vez
""".split()),
    "de": set("""
ab als am an auf aus bei bis durch fur gegen im in mit nach ohne pro seit uber um unter von vom vor zu zum zur
und oder aber sowie bzw der die das den dem des ein eine einer einem einen eines sein seine ihr ihre ist sind
war waren wird werden wurde wurden hat haben hatte hatten mehr weniger rund etwa knapp fast noch schon auch nur
je jeweils insgesamt davon dabei dazu damit es sie er wir man sich nicht mal euro dollar prozent
""".split()),
    "it": set("""
a ad al alla alle ai agli all con contro da dal dalla dai dagli dall di del della delle dei degli dell
in nel nella nelle nei negli nell per su sul sulla sui sugli tra fra e ed o od ma che come il lo la i gli le
l un una uno suo sua suoi sue si ci ne e' e è sono era erano ha hanno aveva avevano sara piu meno circa quasi
gia ancora anche solo ogni altri altre volte volta mila milioni miliardi
""".split()),
    "pt": set("""
a ao aos as com contra da das de do dos desde durante em entre na nas no nos num numa para pela pelas pelo
pelos por sem sob sobre e ou nem que como o os um uma uns umas seu sua seus suas se lhe lhes mais menos muito
ja ainda tambem so apenas cada outro outra outros outras todos todas e foi foram era eram ha tem tinha
sera quase cerca vezes vez mil milhoes milhao bilhoes bilhao
""".split()),
}
# Adverbs end in these (never counted nouns): "aproximadamente", "insgesamt", "rispettivamente".
ADVERB_SUFFIXES: dict[str, tuple[str, ...]] = {
    "es": ("mente",), "it": ("mente",), "pt": ("mente",), "de": ("weise",),
}
# Adjectives between a figure and its noun ("500 nuevos empleos", "500 neue Stellen").
PRENOMINAL_ADJECTIVES: dict[str, set[str]] = {
    "es": set("nuevos nuevas nuevo nueva otros otras primeros primeras ultimos ultimas grandes pequenos".split()),
    "de": set("neue neuen neuer weitere weiteren zusatzliche zusatzlichen ersten letzten".split()),
    "it": set("nuovi nuove nuovo nuova altri altre primi prime ultimi ultime".split()),
    "pt": set("novos novas novo nova outros outras primeiros primeiras ultimos ultimas".split()),
}
# Durations ("durante cinco años", "seit drei Jahren", "per sei mesi", "há dez anos"): numbers with a
# time unit, never counts. Units are written in English for these languages.
DURATION_WORDS: dict[str, dict[str, str]] = {
    "es": {"ano": "year", "anos": "year", "mes": "month", "meses": "month", "semana": "week", "semanas": "week",
           "dia": "day", "dias": "day", "hora": "hour", "horas": "hour", "minuto": "minute", "minutos": "minute",
           "segundos": "second", "decada": "decade", "decadas": "decade", "siglo": "century", "siglos": "century",
           "trimestre": "quarter", "trimestres": "quarter", "noches": "night"},
    "de": {"jahr": "year", "jahre": "year", "jahren": "year", "jahres": "year", "monat": "month", "monate": "month",
           "monaten": "month", "woche": "week", "wochen": "week", "tag": "day", "tage": "day", "tagen": "day",
           "stunde": "hour", "stunden": "hour", "minute": "minute", "minuten": "minute", "sekunden": "second",
           "jahrzehnt": "decade", "jahrzehnte": "decade", "jahrzehnten": "decade", "jahrhundert": "century",
           "jahrhunderte": "century", "quartal": "quarter", "quartale": "quarter", "quartalen": "quarter",
           "nachte": "night"},
    "it": {"anno": "year", "anni": "year", "mese": "month", "mesi": "month", "settimana": "week",
           "settimane": "week", "giorno": "day", "giorni": "day", "ora": "hour", "ore": "hour", "minuto": "minute",
           "minuti": "minute", "secondi": "second", "decennio": "decade", "decenni": "decade", "secolo": "century",
           "secoli": "century", "trimestre": "quarter", "trimestri": "quarter", "notti": "night"},
    "pt": {"ano": "year", "anos": "year", "mes": "month", "meses": "month", "semana": "week", "semanas": "week",
           "dia": "day", "dias": "day", "hora": "hour", "horas": "hour", "minuto": "minute", "minutos": "minute",
           "segundos": "second", "decada": "decade", "decadas": "decade", "seculo": "century", "seculos": "century",
           "trimestre": "quarter", "trimestres": "quarter", "noites": "night"},
}
POINT_WORDS: dict[str, set[str]] = {
    "es": {"punto", "puntos"}, "de": {"punkt", "punkte", "punkten", "zahler"},
    "it": {"punto", "punti"}, "pt": {"ponto", "pontos"},
}

# ---------------------------------------------------------------------------------------------
# Ranges: "entre 10 y 12", "zwischen 10 und 12", "tra 10 e 12", "entre 10 e 12" and "de 10 a 12",
# "von 10 bis 12", "da 10 a 12", "de 10 a 12".
RANGE_BETWEEN: dict[str, tuple[list[str], list[str]]] = {
    "es": (["entre"], ["y", "e"]), "de": (["zwischen"], ["und"]), "it": (["tra", "fra"], ["e", "ed"]),
    "pt": (["entre"], ["e"]),
}
RANGE_FROM: dict[str, tuple[list[str], list[str]]] = {
    "es": (["de", "desde"], ["a", "hasta"]), "de": (["von"], ["bis"]), "it": (["da"], ["a"]),
    "pt": (["de", "desde"], ["a", "ate"]),
}
# Verb stems of change: "pasó de 10 a 12", "stieg von 10 auf 12" are changes, not ranges.
CHANGE_STEMS: dict[str, list[str]] = {
    "es": ["pas", "aument", "baj", "cay", "cae", "crec", "sub", "disminu", "redu", "elev", "dispar", "desplom",
           "retroced", "recort", "dupl", "tripl", "increment"],
    "de": ["stieg", "steig", "sank", "sink", "fiel", "fall", "wuchs", "wachs", "erhoh", "senk", "verdoppel",
           "verdreifach", "sprang", "spring", "kletter", "ging", "reduzier"],
    "it": ["pass", "aument", "scend", "cal", "cresc", "sal", "diminu", "ridott", "ridu", "elev", "balz", "croll",
           "raddopp", "tripl"],
    "pt": ["pass", "aument", "caiu", "cai", "cresc", "sub", "diminu", "reduz", "elev", "salt", "despenc",
           "recu", "dobr", "tripl"],
}
# Words that let a bare figure take the unit of the figure before it: "contra 27,7".
ELIDED_LINKS: dict[str, list[str]] = {
    "es": ["contra", "frente a", "frente al", "respecto a", "en comparacion con", "y", "o", "a", "desde", "tras"],
    "de": ["gegenuber", "nach", "verglichen mit", "im vergleich zu", "und", "oder", "auf", "von", "statt"],
    "it": ["contro", "rispetto a", "rispetto ai", "a fronte di", "e", "o", "a", "da", "dopo"],
    "pt": ["contra", "face a", "frente a", "ante", "em comparacao com", "e", "ou", "para", "de", "apos"],
}

# ---------------------------------------------------------------------------------------------
# Dates.
MONTHS: dict[str, dict[str, int]] = {
    "es": {"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
           "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12},
    "de": {"januar": 1, "janner": 1, "februar": 2, "feber": 2, "marz": 3, "maerz": 3, "april": 4, "mai": 5,
           "juni": 6, "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12},
    "it": {"gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
           "agosto": 8, "settembre": 9, "ottobre": 10, "novembre": 11, "dicembre": 12},
    "pt": {"janeiro": 1, "fevereiro": 2, "marco": 3, "abril": 4, "maio": 5, "junho": 6, "julho": 7,
           "agosto": 8, "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12},
}
# Abbreviations: read with a final "." or next to a day or a year ("12 ene. 2019", "Okt. 2019").
MONTH_ABBR: dict[str, dict[str, int]] = {
    "es": {"ene": 1, "feb": 2, "mar": 3, "abr": 4, "jun": 6, "jul": 7, "ago": 8, "sep": 9, "sept": 9, "set": 9,
           "oct": 10, "nov": 11, "dic": 12},
    "de": {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10,
           "nov": 11, "dez": 12},
    "it": {"gen": 1, "genn": 1, "feb": 2, "febbr": 2, "mar": 3, "apr": 4, "mag": 5, "magg": 5, "giu": 6, "lug": 7,
           "ago": 8, "set": 9, "sett": 9, "ott": 10, "nov": 11, "dic": 12},
    "pt": {"jan": 1, "fev": 2, "mar": 3, "abr": 4, "mai": 5, "jun": 6, "jul": 7, "ago": 8, "set": 9, "out": 10,
           "nov": 11, "dez": 12},
}
# German month names are capitalised nouns ("August" is also a first name): matched as written.
MONTHS_CASED = {"de"}
WEEKDAYS: dict[str, dict[str, int]] = {
    "es": {"lunes": 0, "martes": 1, "miercoles": 2, "jueves": 3, "viernes": 4, "sabado": 5, "domingo": 6},
    "de": {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
           "sonnabend": 5, "sonntag": 6},
    "it": {"lunedi": 0, "martedi": 1, "mercoledi": 2, "giovedi": 3, "venerdi": 4, "sabato": 5, "domenica": 6},
    "pt": {"segunda-feira": 0, "terca-feira": 1, "quarta-feira": 2, "quinta-feira": 3, "sexta-feira": 4,
           "sabado": 5, "domingo": 6},
}
# Parts of the day written as one word with the weekday ("am Dienstagabend", "Mittwochmittag").
WEEKDAY_COMPOUNDS: dict[str, list[str]] = {"de": ["abend", "morgen", "mittag", "nachmittag", "vormittag", "nacht", "früh"]}
# Between the day and the month, the month and the year: "12 de julio de 2019", "12. Juli 2019".
DATE_LINKS: dict[str, str] = {"es": "de", "pt": "de", "it": "", "de": ""}
# Words before a year or a month, and the relation they give ("desde 2019" = since).
YEAR_CONTEXT: dict[str, dict[str, str]] = {
    "es": {"en": "at", "en el": "at", "en el ano": "at", "el ano": "at", "del ano": "at", "durante": "at",
           "durante el": "at", "a lo largo de": "at", "en el ejercicio": "at", "el ejercicio": "at",
           "desde": "since", "desde el": "since", "a partir de": "since", "a partir del": "since",
           "hasta": "until", "hasta el": "until", "para": "until", "para el": "until", "de cara a": "until",
           "antes de": "before", "antes del": "before", "despues de": "after", "despues del": "after",
           "tras": "after"},
    "de": {"im jahr": "at", "im jahre": "at", "in": "at", "im geschaftsjahr": "at", "geschaftsjahr": "at",
           "jahr": "at", "wahrend": "at", "seit": "since", "ab": "since", "bis": "until", "bis zum jahr": "until",
           "bis ende": "until", "vor": "before", "nach": "after"},
    "it": {"nel": "at", "nell'anno": "at", "nel corso del": "at", "durante il": "at", "del": "at", "il": "at",
           "l'anno": "at", "nell'esercizio": "at", "dal": "since", "a partire dal": "since", "sin dal": "since",
           "fin dal": "since", "fino al": "until", "entro il": "until", "prima del": "before", "dopo il": "after"},
    "pt": {"em": "at", "no ano de": "at", "no ano": "at", "durante": "at", "ao longo de": "at",
           "no exercicio de": "at", "desde": "since", "a partir de": "since", "ate": "until", "para": "until",
           "antes de": "before", "depois de": "after", "apos": "after"},
}
# Before a month or a day date: the same relations ("desde julio", "seit dem 12. Juli", "dal 12 luglio").
DATE_RELATIONS: dict[str, dict[str, str]] = {
    "es": {"desde": "since", "desde el": "since", "a partir de": "since", "a partir del": "since",
           "hasta": "until", "hasta el": "until", "antes de": "before", "antes del": "before",
           "despues de": "after", "despues del": "after", "tras": "after"},
    "de": {"seit": "since", "seit dem": "since", "ab": "since", "ab dem": "since", "bis": "until",
           "bis zum": "until", "bis ende": "until", "vor": "before", "vor dem": "before", "nach": "after",
           "nach dem": "after"},
    "it": {"dal": "since", "dall'": "since", "dalla": "since", "da": "since", "a partire dal": "since",
           "a partire da": "since", "fino al": "until",
           "fino a": "until", "entro il": "until", "entro": "until", "prima del": "before", "prima di": "before",
           "dopo il": "after", "dopo": "after"},
    "pt": {"desde": "since", "a partir de": "since", "ate": "until", "antes de": "before", "depois de": "after",
           "apos": "after"},
}
# Month contexts that make a month named without a year a date ("en julio", "im Juli", "a luglio").
MONTH_CONTEXT: dict[str, list[str]] = {
    "es": ["en", "desde", "hasta", "antes de", "despues de", "durante", "a partir de", "el pasado mes de",
           "el mes de", "este mes de", "en el mes de"],
    "de": ["im", "seit", "ab", "bis", "vor", "nach", "bis ende", "seit anfang", "im vergangenen", "im kommenden"],
    "it": ["a", "in", "di", "nel mese di", "dal", "da", "fino a", "entro", "prima di", "dopo", "lo scorso",
           "nel", "il mese di", "a partire da"],
    "pt": ["em", "desde", "ate", "antes de", "depois de", "durante", "a partir de", "no mes de", "no passado mes de",
           "o mes de"],
}
# Parts of a year or a month before it: "a finales de 2019", "Ende 2019", "fine 2019", "no final de 2019".
DATE_PARTS: dict[str, dict[str, str]] = {
    "es": {"a principios de": "debut", "principios de": "debut", "a comienzos de": "debut",
           "comienzos de": "debut", "a inicios de": "debut", "inicios de": "debut", "a mediados de": "mi",
           "mediados de": "mi", "a finales de": "fin", "finales de": "fin", "a fines de": "fin", "fines de": "fin",
           "a fin de": "fin", "fin de": "fin", "primavera de": "printemps", "la primavera de": "printemps",
           "verano de": "ete", "el verano de": "ete", "otono de": "automne", "el otono de": "automne",
           "invierno de": "hiver", "el invierno de": "hiver", "el primer semestre de": "h1",
           "el segundo semestre de": "h2", "primer semestre de": "h1", "segundo semestre de": "h2"},
    "de": {"anfang": "debut", "anfang des jahres": "debut", "mitte": "mi", "mitte des jahres": "mi", "ende": "fin",
           "ende des jahres": "fin", "fruhjahr": "printemps", "im fruhjahr": "printemps", "fruhling": "printemps",
           "im fruhling": "printemps", "sommer": "ete", "im sommer": "ete", "herbst": "automne",
           "im herbst": "automne", "winter": "hiver", "im winter": "hiver", "im ersten halbjahr": "h1",
           "im zweiten halbjahr": "h2", "erstes halbjahr": "h1", "zweites halbjahr": "h2",
           "ersten halbjahr": "h1", "zweiten halbjahr": "h2"},
    "it": {"inizio": "debut", "all'inizio del": "debut", "inizio del": "debut", "agli inizi del": "debut",
           "a inizio": "debut", "a meta": "mi", "a meta del": "mi", "meta": "mi", "meta del": "mi", "fine": "fin",
           "a fine": "fin", "alla fine del": "fin", "fine del": "fin", "primavera del": "printemps",
           "nella primavera del": "printemps", "estate del": "ete", "nell'estate del": "ete",
           "autunno del": "automne", "nell'autunno del": "automne", "inverno del": "hiver",
           "nell'inverno del": "hiver", "primo semestre del": "h1", "nel primo semestre del": "h1",
           "secondo semestre del": "h2", "nel secondo semestre del": "h2", "primo semestre": "h1",
           "secondo semestre": "h2"},
    "pt": {"no inicio de": "debut", "inicio de": "debut", "no comeco de": "debut", "comeco de": "debut",
           "principios de": "debut", "em meados de": "mi", "meados de": "mi", "no final de": "fin",
           "final de": "fin", "no fim de": "fin", "fim de": "fin", "finais de": "fin", "nos finais de": "fin",
           "na primavera de": "printemps", "primavera de": "printemps", "no verao de": "ete", "verao de": "ete",
           "no outono de": "automne", "outono de": "automne", "no inverno de": "hiver", "inverno de": "hiver",
           "no primeiro semestre de": "h1", "no segundo semestre de": "h2", "primeiro semestre de": "h1",
           "segundo semestre de": "h2"},
}
# Relative dates: phrase -> (unit, offset, relation); resolved against the publication date.
RELATIVE: dict[str, dict[str, tuple[str, int, str]]] = {
    "es": {
        "el ano pasado": ("year", -1, "at"), "el pasado ano": ("year", -1, "at"), "ano pasado": ("year", -1, "at"),
        "este ano": ("year", 0, "at"), "el presente ano": ("year", 0, "at"), "el ano en curso": ("year", 0, "at"),
        "el proximo ano": ("year", 1, "at"), "el ano proximo": ("year", 1, "at"),
        "el ano que viene": ("year", 1, "at"), "el mes pasado": ("month", -1, "at"),
        "este mes": ("month", 0, "at"), "el proximo mes": ("month", 1, "at"), "el mes que viene": ("month", 1, "at"),
        "la semana pasada": ("week", -1, "at"), "esta semana": ("week", 0, "at"),
        "la proxima semana": ("week", 1, "at"), "la semana que viene": ("week", 1, "at"),
        "el trimestre pasado": ("quarter", -1, "at"), "este trimestre": ("quarter", 0, "at"),
        "anteayer": ("day", -2, "at"), "antier": ("day", -2, "at"), "ayer": ("day", -1, "at"),
        "hoy": ("day", 0, "at"), "pasado manana": ("day", 2, "at"),
        "actualmente": ("day", 0, "at"), "en la actualidad": ("day", 0, "at"), "hoy en dia": ("day", 0, "at"),
        "desde ahora": ("day", 0, "since"), "a partir de ahora": ("day", 0, "since"),
    },
    "de": {
        "letztes jahr": ("year", -1, "at"), "letzten jahres": ("year", -1, "at"),
        "im vergangenen jahr": ("year", -1, "at"), "vergangenes jahr": ("year", -1, "at"),
        "vergangenen jahres": ("year", -1, "at"), "im letzten jahr": ("year", -1, "at"),
        "voriges jahr": ("year", -1, "at"), "vorigen jahres": ("year", -1, "at"), "im vorigen jahr": ("year", -1, "at"),
        "dieses jahr": ("year", 0, "at"), "in diesem jahr": ("year", 0, "at"), "diesen jahres": ("year", 0, "at"),
        "im laufenden jahr": ("year", 0, "at"), "laufenden jahres": ("year", 0, "at"),
        "nachstes jahr": ("year", 1, "at"), "im nachsten jahr": ("year", 1, "at"),
        "im kommenden jahr": ("year", 1, "at"), "kommendes jahr": ("year", 1, "at"),
        "nachsten jahres": ("year", 1, "at"), "letzten monat": ("month", -1, "at"),
        "im vergangenen monat": ("month", -1, "at"), "vergangenen monat": ("month", -1, "at"),
        "im letzten monat": ("month", -1, "at"), "vormonat": ("month", -1, "at"), "diesen monat": ("month", 0, "at"),
        "in diesem monat": ("month", 0, "at"), "nachsten monat": ("month", 1, "at"),
        "im kommenden monat": ("month", 1, "at"), "letzte woche": ("week", -1, "at"),
        "vergangene woche": ("week", -1, "at"), "in der vergangenen woche": ("week", -1, "at"),
        "vorige woche": ("week", -1, "at"), "diese woche": ("week", 0, "at"), "in dieser woche": ("week", 0, "at"),
        "nachste woche": ("week", 1, "at"), "kommende woche": ("week", 1, "at"),
        "in der kommenden woche": ("week", 1, "at"), "im vergangenen quartal": ("quarter", -1, "at"),
        "im letzten quartal": ("quarter", -1, "at"), "im laufenden quartal": ("quarter", 0, "at"),
        "vorgestern": ("day", -2, "at"), "gestern": ("day", -1, "at"), "heute": ("day", 0, "at"),
        "ubermorgen": ("day", 2, "at"), "morgen": ("day", 1, "at"),
        "derzeit": ("day", 0, "at"), "zurzeit": ("day", 0, "at"), "aktuell": ("day", 0, "at"),
        "gegenwartig": ("day", 0, "at"), "ab sofort": ("day", 0, "since"), "kunftig": ("day", 0, "since"),
    },
    "it": {
        "l'anno scorso": ("year", -1, "at"), "lo scorso anno": ("year", -1, "at"), "l'anno passato": ("year", -1, "at"),
        "nell'anno passato": ("year", -1, "at"), "quest'anno": ("year", 0, "at"), "quest anno": ("year", 0, "at"),
        "l'anno in corso": ("year", 0, "at"), "l'anno prossimo": ("year", 1, "at"),
        "il prossimo anno": ("year", 1, "at"), "il mese scorso": ("month", -1, "at"),
        "lo scorso mese": ("month", -1, "at"), "questo mese": ("month", 0, "at"), "il mese prossimo": ("month", 1, "at"),
        "il prossimo mese": ("month", 1, "at"), "la settimana scorsa": ("week", -1, "at"),
        "la scorsa settimana": ("week", -1, "at"), "questa settimana": ("week", 0, "at"),
        "la prossima settimana": ("week", 1, "at"), "la settimana prossima": ("week", 1, "at"),
        "lo scorso trimestre": ("quarter", -1, "at"), "il trimestre scorso": ("quarter", -1, "at"),
        "l'altro ieri": ("day", -2, "at"), "l'altroieri": ("day", -2, "at"), "ieri": ("day", -1, "at"),
        "oggi": ("day", 0, "at"), "dopodomani": ("day", 2, "at"), "domani": ("day", 1, "at"),
        "attualmente": ("day", 0, "at"), "al momento": ("day", 0, "at"), "d'ora in poi": ("day", 0, "since"),
    },
    "pt": {
        "no ano passado": ("year", -1, "at"), "o ano passado": ("year", -1, "at"), "ano passado": ("year", -1, "at"),
        "este ano": ("year", 0, "at"), "neste ano": ("year", 0, "at"), "o ano corrente": ("year", 0, "at"),
        "no proximo ano": ("year", 1, "at"), "o proximo ano": ("year", 1, "at"),
        "no ano que vem": ("year", 1, "at"), "no mes passado": ("month", -1, "at"), "o mes passado": ("month", -1, "at"),
        "este mes": ("month", 0, "at"), "neste mes": ("month", 0, "at"), "no proximo mes": ("month", 1, "at"),
        "na semana passada": ("week", -1, "at"), "a semana passada": ("week", -1, "at"),
        "esta semana": ("week", 0, "at"), "nesta semana": ("week", 0, "at"),
        "na proxima semana": ("week", 1, "at"), "no trimestre passado": ("quarter", -1, "at"),
        "anteontem": ("day", -2, "at"), "ontem": ("day", -1, "at"), "hoje": ("day", 0, "at"),
        "depois de amanha": ("day", 2, "at"), "amanha": ("day", 1, "at"),
        "atualmente": ("day", 0, "at"), "actualmente": ("day", 0, "at"), "hoje em dia": ("day", 0, "at"),
        "a partir de agora": ("day", 0, "since"),
    },
}
# "hace tres años", "vor drei Jahren", "tre anni fa", "há três anos", "três anos atrás".
AGO: dict[str, tuple[list[str], list[str]]] = {  # words before the count, words after the unit
    "es": (["hace"], []), "de": (["vor"], []), "it": ([], ["fa"]), "pt": (["ha", "faz"], ["atras"]),
}
# Units for "ago" and anchored phrases: folded word -> months.
TIME_UNITS: dict[str, dict[str, int]] = {
    "es": {"ano": 12, "anos": 12, "mes": 1, "meses": 1, "trimestre": 3, "trimestres": 3, "ejercicio": 12},
    "de": {"jahr": 12, "jahre": 12, "jahren": 12, "monat": 1, "monate": 1, "monaten": 1, "quartal": 3,
           "quartale": 3, "quartalen": 3},
    "it": {"anno": 12, "anni": 12, "mese": 1, "mesi": 1, "trimestre": 3, "trimestri": 3, "esercizio": 12},
    "pt": {"ano": 12, "anos": 12, "mes": 1, "meses": 1, "trimestre": 3, "trimestres": 3, "exercicio": 12},
}
# Dates relative to another date of the text: "un año antes", "ein Jahr zuvor", "l'anno precedente".
ANCHORED_AFTER: dict[str, dict[str, int]] = {  # after "<n> <unit>": direction
    "es": {"antes": -1, "atras": -1, "despues": 1, "mas tarde": 1},
    "de": {"zuvor": -1, "fruher": -1, "davor": -1, "vorher": -1, "spater": 1, "danach": 1},
    "it": {"prima": -1, "addietro": -1, "dopo": 1, "piu tardi": 1},
    "pt": {"antes": -1, "depois": 1, "mais tarde": 1},
}
ANCHORED_PHRASES: dict[str, dict[str, tuple[int, int]]] = {  # phrase -> (months per unit, direction)
    "es": {"el ano anterior": (12, -1), "el ejercicio anterior": (12, -1), "el mismo periodo del ano anterior": (12, -1),
           "el ano siguiente": (12, 1), "el trimestre anterior": (3, -1), "el mes anterior": (1, -1)},
    "de": {"im vorjahr": (12, -1), "vorjahr": (12, -1), "des vorjahres": (12, -1), "vorjahreszeitraum": (12, -1),
           "im vorjahreszeitraum": (12, -1), "im folgejahr": (12, 1), "im vorquartal": (3, -1),
           "vorquartal": (3, -1)},
    "it": {"l'anno precedente": (12, -1), "l'anno prima": (12, -1), "l'esercizio precedente": (12, -1),
           "l'anno successivo": (12, 1), "il trimestre precedente": (3, -1), "il mese precedente": (1, -1)},
    "pt": {"o ano anterior": (12, -1), "no ano anterior": (12, -1), "o exercicio anterior": (12, -1),
           "o ano seguinte": (12, 1), "o trimestre anterior": (3, -1), "o mes anterior": (1, -1)},
}
# Quarters and halves: ordinal -> number ("primer trimestre", "1. Quartal", "secondo trimestre").
ORDINALS: dict[str, dict[str, int]] = {
    "es": {"primer": 1, "primero": 1, "1er": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4, "ultimo": 4},
    "de": {"ersten": 1, "erstes": 1, "erste": 1, "1.": 1, "zweiten": 2, "zweites": 2, "zweite": 2, "2.": 2,
           "dritten": 3, "drittes": 3, "dritte": 3, "3.": 3, "vierten": 4, "viertes": 4, "vierte": 4, "4.": 4,
           "letzten": 4},
    "it": {"primo": 1, "secondo": 2, "terzo": 3, "quarto": 4, "ultimo": 4},
    "pt": {"primeiro": 1, "segundo": 2, "terceiro": 3, "quarto": 4, "ultimo": 4},
}
QUARTER_WORDS: dict[str, list[str]] = {"es": ["trimestre"], "de": ["quartal"], "it": ["trimestre"], "pt": ["trimestre"]}
HALF_YEAR_WORDS: dict[str, list[str]] = {"es": ["semestre"], "de": ["halbjahr"], "it": ["semestre"], "pt": ["semestre"]}
# Year ranges: "entre 2019 y 2021", "zwischen 2019 und 2021", "tra il 2019 e il 2021", "de 2019 a 2021".
YEAR_RANGES: dict[str, list[tuple[str, str]]] = {  # (word before the first year, word between)
    "es": [("entre", "y"), ("entre", "e"), ("de", "a"), ("desde", "hasta"), ("del", "al"), ("desde", "a")],
    "de": [("zwischen", "und"), ("von", "bis"), ("", "bis")],
    "it": [("tra il", "e il"), ("fra il", "e il"), ("tra", "e"), ("dal", "al"), ("da", "a")],
    "pt": [("entre", "e"), ("de", "a"), ("desde", "ate"), ("de", "ate")],
}
