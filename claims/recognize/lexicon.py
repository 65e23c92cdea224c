"""Word tables for the mention recognizers (French and English; Spanish, German, Italian and
Portuguese are in :mod:`claims.recognize.lexicon_intl`; other languages fall back).

Everything here is data: number words, scale words and abbreviations, currencies, qualifiers,
months. Keys are lower-case and accent-free (see :func:`fold`); regexes built from them accept
accented and unaccented spellings alike.
"""
from __future__ import annotations

import re

_FOLD = str.maketrans(
    "àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŒÆ’‘`´",
    "aaaaaaceeeeiiiinooooouuuuyyoaaaaaaaceeeeiiiinooooouuuuyoa''''",
)


def fold(s: str) -> str:
    """Lower-case, strip accents (French, Spanish, Italian, Portuguese, German umlauts) and unify
    apostrophes (same length as the input)."""
    return s.lower().translate(_FOLD)


_ACCENT_CLASSES = {
    "a": "aàâäáã",
    "c": "cç",
    "e": "eéèêë",
    "i": "iîïíì",
    "n": "nñ",
    "o": "oôöóõò",
    "u": "uùûüú",
    "y": "yÿ",
    "'": "'’‘`´",
}


def loose(word: str) -> str:
    """A regex for `word` (given accent-free) that also accepts accented letters."""
    out = []
    for ch in word:
        cls = _ACCENT_CLASSES.get(ch)
        if cls is not None:
            out.append("[" + re.escape(cls) + "]")
        elif ch == " ":
            out.append(r"[\s\u00a0\u202f]+")
        elif ch == "-":
            out.append(r"[\s\u00a0]*[-‐‑–][\s\u00a0]*")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def alternation(words: list[str] | set[str] | dict) -> str:
    """Accent-insensitive alternation, longest first (so regex alternation prefers it)."""
    return "|".join(loose(w) for w in sorted(set(words), key=len, reverse=True))


# ---------------------------------------------------------------------------------------------
# Cardinal number words: class and value. Classes: zero, unit (1-9), teen (10-19), tens,
# hundred, scale (>= 1000).
FR_CARDINALS: dict[str, tuple[str, int]] = {
    "zero": ("zero", 0),
    "un": ("unit", 1), "une": ("unit", 1), "deux": ("unit", 2), "trois": ("unit", 3),
    "quatre": ("unit", 4), "cinq": ("unit", 5), "six": ("unit", 6), "sept": ("unit", 7),
    "huit": ("unit", 8), "neuf": ("unit", 9),
    "dix": ("teen", 10), "onze": ("teen", 11), "douze": ("teen", 12), "treize": ("teen", 13),
    "quatorze": ("teen", 14), "quinze": ("teen", 15), "seize": ("teen", 16),
    "vingt": ("tens", 20), "vingts": ("tens", 20), "trente": ("tens", 30),
    "quarante": ("tens", 40), "cinquante": ("tens", 50), "soixante": ("tens", 60),
    "septante": ("tens", 70), "huitante": ("tens", 80), "octante": ("tens", 80),
    "nonante": ("tens", 90),
    "cent": ("hundred", 100), "cents": ("hundred", 100),
    "mille": ("scale", 1000), "mil": ("scale", 1000),
    "million": ("scale", 10**6), "millions": ("scale", 10**6),
    "milliard": ("scale", 10**9), "milliards": ("scale", 10**9),
    "billion": ("scale", 10**12), "billions": ("scale", 10**12),
    "billiard": ("scale", 10**15), "billiards": ("scale", 10**15),
    "trillion": ("scale", 10**18), "trillions": ("scale", 10**18),
}

EN_CARDINALS: dict[str, tuple[str, int]] = {
    "zero": ("zero", 0), "nought": ("zero", 0),
    "one": ("unit", 1), "two": ("unit", 2), "three": ("unit", 3), "four": ("unit", 4),
    "five": ("unit", 5), "six": ("unit", 6), "seven": ("unit", 7), "eight": ("unit", 8),
    "nine": ("unit", 9),
    "ten": ("teen", 10), "eleven": ("teen", 11), "twelve": ("teen", 12), "thirteen": ("teen", 13),
    "fourteen": ("teen", 14), "fifteen": ("teen", 15), "sixteen": ("teen", 16),
    "seventeen": ("teen", 17), "eighteen": ("teen", 18), "nineteen": ("teen", 19),
    "twenty": ("tens", 20), "thirty": ("tens", 30), "forty": ("tens", 40), "fifty": ("tens", 50),
    "sixty": ("tens", 60), "seventy": ("tens", 70), "eighty": ("tens", 80), "ninety": ("tens", 90),
    "hundred": ("hundred", 100),
    "thousand": ("scale", 1000), "million": ("scale", 10**6), "billion": ("scale", 10**9),
    "trillion": ("scale", 10**12),
}

# Denominators of spelled-out fractions (the ordinal-like words). French "-ième" ordinals are
# derived by rule in numbers.py; these are the irregular ones.
FR_FRACTION_WORDS: dict[str, int] = {
    "demi": 2, "demie": 2, "demis": 2, "demies": 2, "tiers": 3, "quart": 4, "quarts": 4,
}
EN_FRACTION_WORDS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
    "hundredth": 100, "hundredths": 100, "thousandth": 1000, "thousandths": 1000,
    "millionth": 10**6, "millionths": 10**6,
}
# Singular ordinal-as-denominator forms (grammatical number matters for "vingt et un cinquième").
FRACTION_SINGULAR = {"demi", "demie", "tiers", "quart", "half", "third", "quarter", "fifth", "sixth",
                     "seventh", "eighth", "ninth", "tenth", "hundredth", "thousandth", "millionth"}

# Multiplying collective nouns spelled after a number ("3 douzaines", "two dozen").
DOZEN_WORDS = {"douzaine": 12, "douzaines": 12, "dozen": 12, "dozens": 12}

# Scale words that may follow digits ("3 millions", "1.5 billion"), by language.
SCALE_WORDS_FR: dict[str, float] = {
    "mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
    "billion": 1e12, "billions": 1e12, "trillion": 1e18, "trillions": 1e18,
}
SCALE_WORDS_EN: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9,
    "trillion": 1e12, "trillions": 1e12, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
# Other languages (digits only): long-scale words of Spanish, Portuguese, Italian, German, Dutch.
SCALE_WORDS_OTHER: dict[str, float] = {
    **SCALE_WORDS_FR,
    "mil": 1e3, "mil millones": 1e9, "mil milhoes": 1e9, "millon": 1e6, "millones": 1e6,
    "milhao": 1e6, "milhoes": 1e6, "bilhao": 1e9, "bilhoes": 1e9, "billon": 1e12, "billones": 1e12,
    "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9, "tausend": 1e3,
    "millionen": 1e6, "milliarde": 1e9, "milliarden": 1e9, "miljoen": 1e6, "miljard": 1e9,
}
# Abbreviations safe after digits without a currency (glued or spaced).
SCALE_ABBR: dict[str, float] = {
    "k": 1e3, "md": 1e9, "mds": 1e9, "mrd": 1e9, "mrds": 1e9, "mio": 1e6, "mios": 1e6,
    "bn": 1e9, "bln": 1e9, "mln": 1e6, "tn": 1e12, "md.": 1e9, "mrd.": 1e9, "mio.": 1e6,
}
# Abbreviations only accepted glued to the digits ("5M+", "$10B") ...
SCALE_ABBR_GLUED: dict[str, float] = {"m": 1e6, "b": 1e9, "t": 1e12}
# ... or next to a currency ("20 M€", "5 G$", "£5m", "$3.5 mn").
SCALE_ABBR_MONEY: dict[str, float] = {"m": 1e6, "mn": 1e6, "b": 1e9, "g": 1e9, "t": 1e12}

# Collective nouns: "une dizaine de", "des centaines de", "a dozen".
COLLECTIVES: dict[str, float] = {
    "dizaine": 10, "dizaines": 10, "douzaine": 12, "douzaines": 12, "quinzaine": 15,
    "quinzaines": 15, "vingtaine": 20, "vingtaines": 20, "trentaine": 30, "trentaines": 30,
    "quarantaine": 40, "quarantaines": 40, "cinquantaine": 50, "cinquantaines": 50,
    "soixantaine": 60, "soixantaines": 60, "centaine": 100, "centaines": 100,
    "millier": 1e3, "milliers": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9,
    "milliards": 1e9,
}
EN_COLLECTIVES: dict[str, float] = {
    "dozen": 12, "dozens": 12, "tens": 10, "scores": 20, "hundred": 100, "hundreds": 100,
    "thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9,
    "billions": 1e9, "trillion": 1e12, "trillions": 1e12,
}

# ---------------------------------------------------------------------------------------------
# Currencies.
# Symbols written before or after the amount. Longest first when compiled.
CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "USD$": "USD", "U$S": "USD", "C$": "CAD", "CA$": "CAD",
    "CAN$": "CAD", "CAD$": "CAD", "$CAD": "CAD", "$CA": "CAD", "$CAN": "CAD", "$US": "USD",
    "$USD": "USD", "A$": "AUD", "AU$": "AUD", "AUD$": "AUD", "$AU": "AUD", "NZ$": "NZD",
    "HK$": "HKD", "S$": "SGD", "R$": "BRL", "MX$": "MXN", "$": "USD", "€": "EUR", "£": "GBP",
    "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₪": "ILS", "₦": "NGN",
    "₴": "UAH", "฿": "THB", "₫": "VND", "₱": "PHP", "₿": "BTC",
}
# After "$", a space then a country marker: "300 millions de $ c", "150 millions de $ usd".
DOLLAR_MARKERS: dict[str, str] = {
    "c": "CAD", "ca": "CAD", "can": "CAD", "cad": "CAD", "us": "USD", "usd": "USD",
    "aud": "AUD", "nzd": "NZD", "hkd": "HKD",
}
ISO_CODES = {
    "USD", "EUR", "GBP", "CAD", "CHF", "JPY", "CNY", "AUD", "NZD", "HKD", "SGD", "INR", "RUB",
    "BRL", "MXN", "KRW", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "TRY", "ZAR", "ILS", "AED",
    "SAR", "QAR", "EGP", "MAD", "TND", "DZD", "XOF", "XAF", "NGN", "KES", "GHS", "ARS", "CLP",
    "COP", "PEN", "THB", "IDR", "MYR", "PHP", "VND", "TWD", "UAH", "RON", "BGN", "ISK", "KWD",
    "BTC",
}
ISO_ALIASES = {"RMB": "CNY", "FCFA": "XOF", "CFA": "XOF", "SFR": "CHF", "CHF.": "CHF", "FS": "CHF"}

# Currency names: (folded name, ISO code, factor to the major unit). Adjectives are part of the
# name; "dollars canadiens" must be listed before plain "dollars" (the regex is longest-first).
_CURRENCY_NAMES: list[tuple[str, str, float]] = [
    # French
    ("dollars americains", "USD", 1), ("dollar americain", "USD", 1), ("dollars us", "USD", 1),
    ("dollar us", "USD", 1), ("dollars des etats-unis", "USD", 1),
    ("dollars canadiens", "CAD", 1), ("dollar canadien", "CAD", 1),
    ("dollars australiens", "AUD", 1), ("dollar australien", "AUD", 1),
    ("dollars neo-zelandais", "NZD", 1), ("dollar neo-zelandais", "NZD", 1),
    ("dollars de hong kong", "HKD", 1), ("dollars hongkongais", "HKD", 1),
    ("dollars de singapour", "SGD", 1), ("dollars taiwanais", "TWD", 1),
    ("dollars", "USD", 1), ("dollar", "USD", 1),
    ("euros", "EUR", 1), ("euro", "EUR", 1),
    ("livres sterling", "GBP", 1), ("livre sterling", "GBP", 1), ("livres britanniques", "GBP", 1),
    ("livres turques", "TRY", 1), ("livres egyptiennes", "EGP", 1), ("livres libanaises", "LBP", 1),
    ("francs suisses", "CHF", 1), ("franc suisse", "CHF", 1), ("francs cfa", "XOF", 1),
    ("franc cfa", "XOF", 1), ("francs belges", "BEF", 1), ("francs francais", "FRF", 1),
    ("francs", "FRF", 1), ("franc", "FRF", 1),
    ("yens", "JPY", 1), ("yen", "JPY", 1), ("yuans", "CNY", 1), ("yuan", "CNY", 1),
    ("renminbis", "CNY", 1), ("renminbi", "CNY", 1),
    ("roupies indiennes", "INR", 1), ("roupie indienne", "INR", 1), ("roupies", "INR", 1),
    ("roubles", "RUB", 1), ("rouble", "RUB", 1), ("reais", "BRL", 1), ("reals", "BRL", 1),
    ("pesos mexicains", "MXN", 1), ("pesos argentins", "ARS", 1), ("pesos", "MXN", 1),
    ("florins neerlandais", "NLG", 1), ("florins hollandais", "NLG", 1),
    ("deutsche marks", "DEM", 1), ("deutschemarks", "DEM", 1), ("marks", "DEM", 1),
    ("pesetas", "ESP", 1), ("lires italiennes", "ITL", 1), ("lires turques", "TRY", 1),
    ("couronnes suedoises", "SEK", 1), ("couronnes norvegiennes", "NOK", 1),
    ("couronnes danoises", "DKK", 1), ("couronnes tcheques", "CZK", 1),
    ("zlotys", "PLN", 1), ("zloty", "PLN", 1), ("wons", "KRW", 1), ("won", "KRW", 1),
    ("dinars algeriens", "DZD", 1), ("dinars tunisiens", "TND", 1), ("dirhams marocains", "MAD", 1),
    ("dirhams", "MAD", 1), ("rands", "ZAR", 1), ("rand", "ZAR", 1), ("shekels", "ILS", 1),
    ("nairas", "NGN", 1), ("naira", "NGN", 1), ("bitcoins", "BTC", 1), ("bitcoin", "BTC", 1),
    ("hryvnias", "UAH", 1), ("dolares", "USD", 1), ("dolar", "USD", 1), ("dollari", "USD", 1),
    ("libras esterlinas", "GBP", 1),
    ("cents d'euro", "EUR", 0.01), ("centimes d'euro", "EUR", 0.01), ("centimes", "EUR", 0.01),
    ("centime", "EUR", 0.01), ("cents", "USD", 0.01), ("cent", "USD", 0.01),
    ("pence", "GBP", 0.01), ("pennies", "GBP", 0.01), ("penny", "GBP", 0.01),
    ("pesewas", "GHS", 0.01), ("pesewa", "GHS", 0.01), ("kopecks", "RUB", 0.01),
    # English (adjective first)
    ("us dollars", "USD", 1), ("u.s. dollars", "USD", 1), ("american dollars", "USD", 1),
    ("canadian dollars", "CAD", 1), ("australian dollars", "AUD", 1),
    ("new zealand dollars", "NZD", 1), ("hong kong dollars", "HKD", 1),
    ("singapore dollars", "SGD", 1), ("taiwan dollars", "TWD", 1),
    ("pounds sterling", "GBP", 1), ("british pounds", "GBP", 1), ("pounds", "GBP", 1),
    ("pound", "GBP", 1), ("swiss francs", "CHF", 1), ("swiss franc", "CHF", 1),
    ("japanese yen", "JPY", 1), ("chinese yuan", "CNY", 1), ("indian rupees", "INR", 1),
    ("rupees", "INR", 1), ("rubles", "RUB", 1), ("mexican pesos", "MXN", 1),
    ("swedish kronor", "SEK", 1), ("norwegian kroner", "NOK", 1), ("danish kroner", "DKK", 1),
]
CURRENCY_NAMES: dict[str, tuple[str, float]] = {n: (c, f) for n, c, f in _CURRENCY_NAMES}
# Names that are also common words: money only right after an amount + scale/"de", never bare
# in English "pounds" (weight) is accepted only in English after a scale word or a currency cue.
AMBIGUOUS_CURRENCY_NAMES = {"pound", "pounds", "marks", "won", "rand", "cent", "franc"}

# ---------------------------------------------------------------------------------------------
# Percent words.
PERCENT_WORDS = ["%", "pour cent", "pour-cent", "pourcent", "pourcents", "pourcentage",
                 "pourcentages", "p. cent", "p.cent", "percent", "per cent", "pct", "pc"]
PERCENT_POINT_WORDS = ["points de pourcentage", "point de pourcentage", "percentage points",
                       "percentage point", "pts de pourcentage"]

# ---------------------------------------------------------------------------------------------
# Qualifiers before a figure: folded phrase -> (qualifier, low factor, high factor, low
# inclusive, high inclusive). Factors scale the amount x; None = unbounded.
Q = tuple[str, float | None, float | None, bool, bool]
QUALIFIERS_BEFORE: dict[str, Q] = {
    # lower bounds
    "plus de": ("lower_bound", 1, None, False, True), "plus d'": ("lower_bound", 1, None, False, True),
    "au-dela de": ("lower_bound", 1, None, False, True), "au dela de": ("lower_bound", 1, None, False, True),
    "superieur a": ("lower_bound", 1, None, False, True), "superieure a": ("lower_bound", 1, None, False, True),
    "superieurs a": ("lower_bound", 1, None, False, True), "superieures a": ("lower_bound", 1, None, False, True),
    "au-dessus de": ("lower_bound", 1, None, False, True),
    "un peu plus de": ("lower_bound", 1, 1.1, False, True), "un peu plus d'": ("lower_bound", 1, 1.1, False, True),
    "legerement plus de": ("lower_bound", 1, 1.1, False, True),
    "au moins": ("lower_bound", 1, None, True, True), "au minimum": ("lower_bound", 1, None, True, True),
    "pas moins de": ("lower_bound", 1, None, True, True), "pas moins d'": ("lower_bound", 1, None, True, True),
    "a partir de": ("lower_bound", 1, None, True, True),
    "more than": ("lower_bound", 1, None, False, True), "over": ("lower_bound", 1, None, False, True),
    "above": ("lower_bound", 1, None, False, True), "in excess of": ("lower_bound", 1, None, False, True),
    "upwards of": ("lower_bound", 1, None, False, True), "upward of": ("lower_bound", 1, None, False, True),
    "greater than": ("lower_bound", 1, None, False, True), "north of": ("lower_bound", 1, None, False, True),
    "just over": ("lower_bound", 1, 1.1, False, True), "slightly more than": ("lower_bound", 1, 1.1, False, True),
    "a little over": ("lower_bound", 1, 1.1, False, True),
    "at least": ("lower_bound", 1, None, True, True), "no less than": ("lower_bound", 1, None, True, True),
    "not less than": ("lower_bound", 1, None, True, True), "a minimum of": ("lower_bound", 1, None, True, True),
    # upper bounds
    "moins de": ("upper_bound", None, 1, True, False), "moins d'": ("upper_bound", None, 1, True, False),
    "inferieur a": ("upper_bound", None, 1, True, False), "inferieure a": ("upper_bound", None, 1, True, False),
    "inferieurs a": ("upper_bound", None, 1, True, False), "inferieures a": ("upper_bound", None, 1, True, False),
    "en dessous de": ("upper_bound", None, 1, True, False), "en-dessous de": ("upper_bound", None, 1, True, False),
    "sous la barre des": ("upper_bound", None, 1, True, False), "sous la barre de": ("upper_bound", None, 1, True, False),
    "un peu moins de": ("upper_bound", 0.9, 1, True, False), "un peu moins d'": ("upper_bound", 0.9, 1, True, False),
    "jusqu'a": ("upper_bound", None, 1, True, True), "jusqu'au": ("upper_bound", None, 1, True, True),
    "au plus": ("upper_bound", None, 1, True, True), "tout au plus": ("upper_bound", None, 1, True, True),
    "au maximum": ("upper_bound", None, 1, True, True), "pas plus de": ("upper_bound", None, 1, True, True),
    "pas plus d'": ("upper_bound", None, 1, True, True),
    "less than": ("upper_bound", None, 1, True, False), "fewer than": ("upper_bound", None, 1, True, False),
    "under": ("upper_bound", None, 1, True, False), "below": ("upper_bound", None, 1, True, False),
    "just under": ("upper_bound", 0.9, 1, True, False), "slightly less than": ("upper_bound", 0.9, 1, True, False),
    "up to": ("upper_bound", None, 1, True, True), "at most": ("upper_bound", None, 1, True, True),
    "no more than": ("upper_bound", None, 1, True, True), "not more than": ("upper_bound", None, 1, True, True),
    "a maximum of": ("upper_bound", None, 1, True, True), "as much as": ("upper_bound", None, 1, True, True),
    "as many as": ("upper_bound", None, 1, True, True),
    # approximations: tolerance interval
    "environ": ("approximate", 0.9, 1.1, True, True), "quelque": ("approximate", 0.9, 1.1, True, True),
    "autour de": ("approximate", 0.9, 1.1, True, True), "aux alentours de": ("approximate", 0.9, 1.1, True, True),
    "a peu pres": ("approximate", 0.9, 1.1, True, True), "approximativement": ("approximate", 0.9, 1.1, True, True),
    "grosso modo": ("approximate", 0.9, 1.1, True, True), "de l'ordre de": ("approximate", 0.9, 1.1, True, True),
    "d'environ": ("approximate", 0.9, 1.1, True, True), "avoisinant": ("approximate", 0.9, 1.1, True, True),
    "pres de": ("approximate", 0.9, 1, True, True), "pres d'": ("approximate", 0.9, 1, True, True),
    "presque": ("approximate", 0.9, 1, True, True), "quasiment": ("approximate", 0.9, 1, True, True),
    "pas loin de": ("approximate", 0.9, 1, True, True), "frolant": ("approximate", 0.9, 1, True, True),
    "about": ("approximate", 0.9, 1.1, True, True), "around": ("approximate", 0.9, 1.1, True, True),
    "approximately": ("approximate", 0.9, 1.1, True, True), "roughly": ("approximate", 0.9, 1.1, True, True),
    "some": ("approximate", 0.9, 1.1, True, True), "an estimated": ("approximate", 0.9, 1.1, True, True),
    "estimated at": ("approximate", 0.9, 1.1, True, True), "circa": ("approximate", 0.9, 1.1, True, True),
    "approx.": ("approximate", 0.9, 1.1, True, True), "~": ("approximate", 0.9, 1.1, True, True),
    "nearly": ("approximate", 0.9, 1, True, True), "almost": ("approximate", 0.9, 1, True, True),
    "close to": ("approximate", 0.9, 1, True, True), "around about": ("approximate", 0.9, 1.1, True, True),
}
# Verbs of crossing a threshold: "dépasse 40 milliards", "a franchi la barre des 1 000",
# "exceeds $3 billion", "topped $1bn". Exceeding is a strict lower bound, crossing a bar is not
# (reaching the bar counts). The auxiliary ("a dépassé") stays out of the span, like "plus de".
_EXCEED_FR = ["depasse", "depassent", "depassait", "depassaient", "depassera", "depasseront", "depasser",
              "depassant", "depasserait", "depasseraient", "excede", "excedent", "exceder", "excedant",
              "surpasse", "surpassent", "surpasser"]
_CROSS_FR = ["franchit", "franchi", "franchissent", "franchissait", "franchira", "franchiront", "franchir",
             "franchissant", "passe", "passent", "passer", "passant", "depasse", "depassent", "depasser",
             "depassant", "atteint", "atteindre", "atteignant", "crever", "creve", "crevent"]
_BARS_FR = ["la barre des", "la barre de", "la barre du", "la barre symbolique des", "la barre symbolique de",
            "le cap des", "le cap de", "le cap du", "le seuil des", "le seuil de", "le seuil du", "le plafond des",
            "le plafond de", "la barre d'", "le cap d'", "le seuil d'"]
_EXCEED_EN = ["exceeds", "exceeded", "exceed", "exceeding", "surpassed", "surpasses", "surpass", "surpassing",
              "topped", "tops", "topping", "outstripped", "eclipsed"]
_CROSS_EN = ["crossed", "crosses", "crossing", "cross", "passed", "passing", "broke", "breaking", "hit", "hits",
             "reached", "topped"]
_BARS_EN = ["the mark of", "the threshold of", "the milestone of", "the barrier of"]
THRESHOLD_QUALIFIERS: dict[str, Q] = {
    **{v: ("lower_bound", 1, None, False, True) for v in _EXCEED_FR},
    **{f"{v} les": ("lower_bound", 1, None, False, True) for v in _EXCEED_FR},
    **{f"{v} {b}": ("lower_bound", 1, None, True, True) for v in _CROSS_FR for b in _BARS_FR},
    **{v: ("lower_bound", 1, None, False, True) for v in _EXCEED_EN},
    **{f"{v} {b}": ("lower_bound", 1, None, True, True) for v in _CROSS_EN for b in _BARS_EN},
}
QUALIFIERS_BEFORE.update(THRESHOLD_QUALIFIERS)

# Qualifiers after a figure.
QUALIFIERS_AFTER: dict[str, Q] = {
    "environ": ("approximate", 0.9, 1.1, True, True), "ou plus": ("lower_bound", 1, None, True, True),
    "et plus": ("lower_bound", 1, None, True, True), "au moins": ("lower_bound", 1, None, True, True),
    "au minimum": ("lower_bound", 1, None, True, True), "au maximum": ("upper_bound", None, 1, True, True),
    "tout au plus": ("upper_bound", None, 1, True, True), "or more": ("lower_bound", 1, None, True, True),
    "and up": ("lower_bound", 1, None, True, True), "at least": ("lower_bound", 1, None, True, True),
    "at most": ("upper_bound", None, 1, True, True), "or less": ("upper_bound", None, 1, True, True),
    "ou moins": ("upper_bound", None, 1, True, True),
}

# Words of "vague" amounts: "plusieurs milliards", "des millions de", "several billion".
VAGUE_FEW = ["plusieurs", "quelques", "several", "a few", "a couple of"]
VAGUE_MANY = ["des", "de nombreux", "de nombreuses", "many", ""]

# ---------------------------------------------------------------------------------------------
# Nouns after a figure that are not counted things (function words, adverbs...).
COUNT_STOPWORDS = set("""
a au aux avec chez contre dans de des du en entre et for from has have had in is are was were
la le les leur leurs ou où par pour sans selon sous sur un une ce ces cet cette qui que quoi dont
est sont etait etaient ete a ont avait avaient sera seront serait fut peut doit
plus moins environ pres fois tout tous toute toutes seulement deja encore aussi alors ainsi
apres avant depuis pendant vers jusqu jusqu'a d l s n c j m t qu
of to on at by with as the an and or but if than then that this these those which who what
more less about around over under nearly almost only just per each every some any no not
il elle ils elles on nous vous je tu y se sa son ses mon ma mes ton ta tes notre nos votre vos
its it he she they we you i his her their our your my
etc soit via dont lors puis car donc mais ni
""".split())
# Adjectives that can stand between a figure and its noun ("2 000 nouveaux emplois").
PRENOMINAL_ADJECTIVES = set("""
nouveau nouveaux nouvel nouvelle nouvelles autre autres premier premiers premiere premieres
dernier derniers derniere dernieres petit petits petite petites grand grands grande grandes
gros grosse grosses jeunes vieux bons bonnes mauvais principaux principales seuls seules
new other first last additional extra small large big major young old full-time part-time
million millions milliard milliards sq square carres cubes cubic
""".split())

# ---------------------------------------------------------------------------------------------
# Dates.
MONTHS: dict[str, int] = {
    "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "sept": 9,
    "octobre": 10, "novembre": 11, "decembre": 12, "dec": 12,
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
}
# English month names are matched case-sensitively (capitalised) because "may", "march" are
# common words; French months are lower-case in running text.
EN_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
             "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
FR_MONTHS = {"janvier", "janv", "fevrier", "fevr", "fev", "mars", "avril", "avr", "mai", "juin",
             "juillet", "juil", "aout", "septembre", "sept", "octobre", "novembre", "decembre", "dec"}
WEEKDAYS: dict[str, int] = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
ORDINAL_WORDS: dict[str, int] = {
    "premier": 1, "premiere": 1, "1er": 1, "1re": 1, "1ere": 1, "deuxieme": 2, "second": 2,
    "seconde": 2, "2e": 2, "2eme": 2, "2nd": 2, "troisieme": 3, "3e": 3, "3eme": 3, "3rd": 3,
    "quatrieme": 4, "4e": 4, "4eme": 4, "4th": 4, "first": 1, "third": 3, "fourth": 4, "1st": 1,
}
