"""Quantities: money, percentages, counts and plain numbers, with qualifiers and ranges.

Built on the number layer (:mod:`claims.recognize.numbers`): each figure is extended to the
left (qualifier, currency symbol) and to the right (currency, "%", counted noun), then
neighbouring figures joined by "entre X et Y" / "de X à Y" become ranges. Vague amounts
("plusieurs milliards de dollars", "des millions d'utilisateurs") have their own pattern.
Durations, ages and points ("sur cinq ans", "23 ans", "90 days", "a 23-year-old", "quatre
points") are numbers with a unit ("an", "jour", "year", "point"), never counts. Threshold verbs
("dépasse 40 milliards", "franchit la barre des 1 000", "topped $1bn") make lower bounds. A past
participle right after a figure ("contre 1 200 annoncées", "400 millions prévus") is not a counted
noun: the figure stays bare and may take the unit of the figure it is compared with.
Spanish, German, Italian and Portuguese use the same rules with their own words (qualifiers,
percent words, links such as "de"/"di", counted nouns, vague amounts: see ``_IntlLang``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Mention, Value
from . import lexicon as L
from . import lexicon_intl as LI
from .lexicon import fold
from .money import CurrencyHit, abbreviation_after, currency_after, currency_before, names
from .numbers import Num, _Spans, nice, number_atoms, plausible

__all__ = ["find_quantities", "Quantity"]

_SP = r"[\s\u00a0\u202f]"


@dataclass(slots=True)
class Quantity:
    """A quantity mention under construction."""

    kind: str  # money | percent | count | number
    start: int
    end: int
    x: float | None  # the figure as stated (scaled, in major currency units)
    qualifier: str = "exact"
    low: float | None = None
    high: float | None = None
    low_inc: bool = True
    high_inc: bool = True
    currency: str | None = None
    unit: str | None = None
    num: Num | None = None
    bare: bool = False  # a plain figure with no unit of its own (can inherit in a range)
    scale: float = 1.0

    def to_mention(self, text: str) -> Mention:
        x = nice(self.x)
        if self.qualifier == "exact":
            low = high = x
        else:
            low, high = nice(self.low), nice(self.high)
        return Mention(
            kind=self.kind,  # type: ignore[arg-type]
            start=self.start,
            end=self.end,
            text=text[self.start:self.end],
            value=Value(
                amount=x if self.qualifier not in ("range", "vague") else None,
                low=low, high=high, low_inclusive=self.low_inc, high_inclusive=self.high_inc,
                qualifier=self.qualifier,  # type: ignore[arg-type]
                currency=self.currency, unit=self.unit,
            ),
        )


# ---------------------------------------------------------------------------------------------
# Qualifiers.
_QBEFORE = re.compile(
    r"(?:(?<![\w'’])|(?<=~))(?P<q>" + L.alternation(L.QUALIFIERS_BEFORE) + r")(?:" + _SP + r"*|(?<=['’~]))\Z",
    re.IGNORECASE,
)
_QAFTER = re.compile(r",?" + _SP + r"*(?P<q>" + L.alternation(L.QUALIFIERS_AFTER) + r")(?![\w])", re.IGNORECASE)


def _qbefore_rx(words) -> re.Pattern:
    """A qualifier (one of ``words``) that ends right before the end of the searched span (after spaces)."""
    return re.compile(
        r"(?:(?<![\w'’])|(?<=~))(?P<q>" + L.alternation(words) + r")(?:" + _SP + r"*|(?<=['’~]))\Z", re.IGNORECASE
    )


_QBEFORE_WINDOW = 48


@lru_cache(maxsize=None)
def _qbefore_buckets(lang: str) -> dict[str, re.Pattern]:
    """The qualifier-before pattern of ``lang`` split by the folded first letter of the qualifier."""
    table = LI.QUALIFIERS_BEFORE[lang] if lang in LI.INTL_LANGS else L.QUALIFIERS_BEFORE
    by_first: dict[str, list[str]] = {}
    for key in table:
        by_first.setdefault(fold(key[:1]), []).append(key)
    return {c: _qbefore_rx(keys) for c, keys in by_first.items()}


def _qualifier_before(text: str, pos: int, lang: str) -> re.Match | None:
    """The leftmost qualifier ending right before ``pos`` ("plus de ", "environ ", "~") within
    48 characters: what ``qbefore.search(text, pos - 48, pos)`` finds, but trying only the
    positions where a word starts, each against the qualifiers of its first letter. (The plain
    search tries hundreds of words at every position: before each figure of "1 à 1 à 1 à ..."
    that costs more than all the rest of the recognizers.)"""
    buckets = _qbefore_buckets(lang if lang in LI.INTL_LANGS else "fr")
    for p in range(max(0, pos - _QBEFORE_WINDOW), pos):
        if p > 0:
            b = text[p - 1]
            if (b.isalnum() or b in "_'’") and b != "~":
                continue
        rx = buckets.get(fold(text[p])[:1])
        if rx is not None:
            m = rx.match(text, p, pos)
            if m:
                return m
    return None


def _qualifier_key(s: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", " ", fold(s)).replace(" '", "'")


def _apply_qualifier(q: Quantity, spec: L.Q) -> None:
    name, lo, hi, lo_inc, hi_inc = spec
    x = q.x or 0.0
    a = None if lo is None else x * lo
    b = None if hi is None else x * hi
    if a is not None and b is not None and a > b:
        a, b = b, a
    q.qualifier, q.low, q.high, q.low_inc, q.high_inc = name, a, b, lo_inc, hi_inc


# ---------------------------------------------------------------------------------------------
# Percentages.
_PERCENT = re.compile(
    _SP + r"*(?:(?P<pp>" + L.alternation(L.PERCENT_POINT_WORDS) + r")|(?P<p>%|" + L.alternation([w for w in L.PERCENT_WORDS if w != "%"])
    + r"))(?(pp)(?![\w])|(?:(?<=%)|(?![\w])))",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------------------------
# Counted nouns.
_WORD = re.compile(r"[\s\u00a0\u202f]+(?P<w>[dD]['’]|[^\W\d_]+(?:[-'’][^\W\d_]+)*(?:[²³23](?![\w]))?)")
_GLUED_D = re.compile(r"(?P<w>[^\W\d_]+(?:-[^\W\d_]+)*)")
_NOT_NOUNS = (
    set(L.MONTHS) | set(L.WEEKDAYS) | set(L.FR_CARDINALS) | set(L.EN_CARDINALS) | L.COUNT_STOPWORDS
    | {"pour", "percent", "pourcent", "pourcents", "pourcentage", "cent", "cents", "h"}
)
_FR_INVARIANT = {"pays", "mois", "fois", "prix", "poids", "voix", "fils", "corps", "temps", "cours",
                 "bras", "dos", "processus", "virus", "bus", "campus", "bonus", "recours", "discours",
                 "secours", "repas", "tas", "tiers", "kilos", "gaz", "choix", "taux", "concours", "avis",
                 "jus", "os", "abus", "succes", "acces", "proces", "progres", "exces"}
# Words in -ais/-ois/-uis that are the same in the singular ("mois", "palais"); the others drop
# their "s" ("emplois" -> "emploi", "essais" -> "essai", "délais" -> "délai").
_FR_INVARIANT_IS = {"mois", "fois", "bois", "pois", "palais", "relais", "marais", "frais", "biais", "rabais", "dais",
                    "jais", "bourgeois", "chamois", "puis", "huis", "buis", "mais", "anglais", "francais", "ecossais",
                    "irlandais", "japonais", "chinois", "portugais", "polonais", "suedois", "danois", "hongrois",
                    "finnois", "gallois", "quebecois", "neerlandais", "libanais", "senegalais", "congolais",
                    "maltais", "taiwanais", "lyonnais", "marseillais", "bordelais", "nantais", "lillois", "nicois",
                    "rennais", "parisiens", "courtois", "matois", "narquois", "sournois", "niais", "epais", "mauvais"}
_EN_IRREGULAR = {"people": "people", "men": "man", "women": "woman", "children": "child",
                 "persons": "person", "staff": "staff", "feet": "foot", "mice": "mouse", "teeth": "tooth"}


def lemma(word: str, lang: str) -> str:
    """Lower-case singular form of a counted noun ("salariés" -> "salarié", "emplois" -> "emploi",
    "companies" -> "company"). A capitalised word in -ais/-ois is a demonym and stays as it is."""
    capital = word[:1].isupper()
    w = word.lower()
    if len(w) < 3 or not w.isalpha():
        return w
    if lang in LI.INTL_LANGS:
        return _lemma_intl(w, lang)
    if lang == "en":
        if w in _EN_IRREGULAR:
            return _EN_IRREGULAR[w]
        if w.endswith("ies") and len(w) > 4:
            return w[:-3] + "y"
        if w.endswith(("sses", "ches", "shes", "xes", "zes")):
            return w[:-2]
        if w.endswith("s") and not w.endswith(("ss", "us", "is")):
            return w[:-1]
        return w
    f = fold(w)
    if f in _FR_INVARIANT or f.endswith("ss"):
        return w
    if w.endswith("eaux"):
        return w[:-1]
    if w.endswith("aux") and f not in ("travaux",):
        return w[:-3] + "al"
    if f == "travaux":
        return "travail"
    if f.endswith(("ois", "ais", "uis")) and len(f) > 4 and not capital and f not in _FR_INVARIANT_IS:
        return w[:-1]
    if w.endswith(("s", "x")) and not w.endswith(("ous", "is")):
        return w[:-1]
    return w


def _lemma_intl(w: str, lang: str) -> str:
    """Singular of a Spanish or Portuguese plural noun ("trabajadores" -> "trabajador", "milhões" ->
    "milhão", "hospitais" -> "hospital"); Italian and German nouns are kept as written (lower-case)."""
    f = fold(w)
    if lang == "es":
        if f.endswith(("is", "us")) or not f.endswith("s"):
            return w
        if f.endswith("ces"):
            return w[:-3] + "z"
        if f.endswith(("eses", "ises")):
            return w[:-2]  # "meses" -> "mes", "países" -> "país"
        if f.endswith("es") and len(f) > 4 and f[-3] in "rlndy":
            return w[:-2]
        return w[:-1]
    if lang == "pt":
        if not f.endswith("s") or f.endswith(("us", "is")) and not f.endswith(("ais", "eis", "ois")):
            return w
        for plural, singular in (("ões", "ão"), ("ães", "ão"), ("ãos", "ão"), ("ais", "al"), ("éis", "el"),
                                 ("eis", "el"), ("óis", "ol"), ("ns", "m")):
            if w.endswith(plural):
                return w[: -len(plural)] + singular
        if f.endswith(("res", "zes", "ses")) and len(f) > 4:
            return w[:-2]
        return w[:-1]
    return w


# French past participles that follow a figure whose noun is left unsaid: "contre 1 200 annoncées
# en mars", "contre 400 millions prévus au départ". They are never the counted noun. First verbs
# in -er, by their stem before "é" (accents folded); the "é" itself must be written, so that
# "dépensés" is a participle and "dépenses" a noun. Then other participles, masculine singular.
_FR_PARTICIPLE_STEMS = set("""
annonc supprim cre vis estim budget depens vers enregistr evoqu envisag programm planifi sign livr command
collect mobilis debloqu allou accord consacr affect economis emprunt realis fix chiffr evalu comptabilis
declar affich publi valid vot adopt approuv confirm projet anticip esper reclam demand propos pay factur annul
report retir ajout suppos escompt cibl ambitionn attribu octroy distribu prelev encaiss gagn cumul totalis
constat mesur calcul denombr rembours inject transfer install ferm achet commercialis export import expedi
negoci promulgu notifi prononc inflig exig revendiqu recens
""".split())
_FR_PARTICIPLES = set("""
prevu attendu promis obtenu perdu vendu construit detruit reduit investi offert ouvert emis maintenu
convenu requis fourni servi accueilli reparti decrit prescrit
""".split())


def _fr_participle(word: str) -> bool:
    """A French past participle of the tables above, in any gender and number ("annoncées", "prévus")."""
    w = word.lower()
    for end in ("ées", "és", "ée", "é"):
        if w.endswith(end) and fold(w[: -len(end)]) in _FR_PARTICIPLE_STEMS:
            return True
    fw = fold(w)
    for end in ("es", "s", "e", ""):
        if fw.endswith(end) and fw[: len(fw) - len(end)] in _FR_PARTICIPLES:
            return True
    return False


# Durations and ages are measures, not counted things: "sur cinq ans", "23 ans", "sept mois",
# "90 jours", "three weeks". They come out as numbers with the time unit (folded word -> unit).
DURATION_WORDS = {
    "an": "an", "ans": "an", "annee": "an", "annees": "an", "mois": "mois", "semaine": "semaine",
    "semaines": "semaine", "jour": "jour", "jours": "jour", "journee": "jour", "journees": "jour",
    "heure": "heure", "heures": "heure", "minute": "minute", "minutes": "minute", "seconde": "seconde",
    "secondes": "seconde", "siecle": "siècle", "siecles": "siècle", "decennie": "décennie",
    "decennies": "décennie", "trimestre": "trimestre", "trimestres": "trimestre", "semestre": "semestre",
    "semestres": "semestre", "nuit": "nuit", "nuits": "nuit",
    "year": "year", "years": "year", "yr": "year", "yrs": "year", "month": "month", "months": "month",
    "week": "week", "weeks": "week", "day": "day", "days": "day", "hour": "hour", "hours": "hour",
    "minutes": "minute", "seconds": "second", "decade": "decade", "decades": "decade", "century": "century",
    "centuries": "century", "quarters": "quarter", "nights": "night", "night": "night",
}
# Points alone ("un recul de quatre points", "8 000 points") are a score or an index level: a number.
POINT_WORDS = {"point": "point", "points": "point", "pts": "point", "pt": "point"}
_AGE_AFTER = re.compile(r"[-‐‑\s\u00a0]*(?:years?|yrs?)[-‐‑\s\u00a0]*old(?![\w])", re.IGNORECASE)


def _noun_after(text: str, pos: int, allow_de: bool, lang: str, plural: bool = False,
                require_de: bool = False) -> tuple[int, str] | None:
    """The counted noun after a figure: "2 000 salariés", "3 millions d'abonnés"."""
    m = _WORD.match(text, pos)
    if not m:
        return None
    w = m.group("w")
    fw = fold(w)
    used_de = False
    if fw in ("de", "d'", "of"):
        if not allow_de:
            return None
        used_de = True
        if fw == "d'":
            m2 = _GLUED_D.match(text, m.end())
        else:
            m2 = _WORD.match(text, m.end())
        if not m2:
            return None
        m = m2
        w = m.group("w")
        fw = fold(w)
    elif require_de:
        return None
    if fw in L.PRENOMINAL_ADJECTIVES and fw not in ("million", "millions", "milliard", "milliards"):
        m2 = _WORD.match(text, m.end())
        if not m2:
            return None
        m = m2
        w = m.group("w")
        fw = fold(w)
    if len(fw) < 2:
        if fw not in _ONE_LETTER_UNITS or used_de or text[m.end():m.end() + 1] in ("'", "’"):
            return None
    elif fw in _NOT_NOUNS or fw in L.CURRENCY_NAMES:
        return None
    if lang != "en" and not used_de and (_fr_participle(w) or (fw.endswith("ement") and not _plural_form(w, lang))):
        return None  # "contre 1 200 annoncées en mars", "1 million initialement": no noun said
    if w[0].isupper() and not used_de and not (w.endswith("s") and w[1:].islower()):
        return None  # "en 2019 Microsoft": a name, not a counted noun
    if w.isupper() and len(w) > 1 and not used_de:
        return None
    if plural and not used_de and not _plural_form(w, lang):
        if lang == "en" and w.islower():
            # English noun phrases put modifiers first: "120,000 space heaters", "40,000 electric cars"
            m2 = m
            for _ in range(2):
                m2 = _WORD.match(text, m2.end())
                if not m2 or not m2.group("w").islower() or fold(m2.group("w")) in _NOT_NOUNS:
                    break
                if _plural_form(m2.group("w"), lang) and fold(m2.group("w")) not in L.CURRENCY_NAMES:
                    return m2.end(), _UNIT_NORMAL.get(fold(m2.group("w")), lemma(m2.group("w"), lang))
        return None  # "12 rue de la Paix": a plural figure wants a plural noun
    return m.end(), _UNIT_NORMAL.get(fw, lemma(w, lang))


def _unit_table() -> dict[str, str]:
    """Surface form (folded) -> canonical unit, from ``claims/data/units.json`` (every language)."""
    import json
    from importlib import resources

    data = json.loads(resources.files("claims").joinpath("data/units.json").read_text(encoding="utf-8"))
    return {fold(form): unit for unit, forms in data.items() if not unit.startswith("_") for form in forms}


_UNIT_NORMAL = _unit_table()


_ONE_LETTER_UNITS = {"m", "g", "t", "l"}
_UNIT_WORDS = {"km", "m", "cm", "mm", "kg", "g", "mg", "t", "l", "ml", "cl", "hl", "mw", "gw", "kw", "kwh",
               "mwh", "gwh", "twh", "mt", "gt", "ha", "m2", "m3", "km2", "mph", "go", "gb", "mo", "mb", "to",
               "tb", "ko", "kb", "hz", "ghz", "mhz", "dm", "ug", "h", "min", "sec", "ms", "mds", "md", "bn"}


def _plural_form(w: str, lang: str) -> bool:
    f = fold(w)
    if f in _UNIT_WORDS or len(f) <= 2:
        return True
    if lang == "en":
        return f.endswith("s") or f in _EN_IRREGULAR or f.endswith(("people", "men", "children", "staff", "ren"))
    return f.endswith(("s", "x", "z")) or f in _FR_INVARIANT


# ---------------------------------------------------------------------------------------------
# Vague amounts.
_COLL_FR = L.alternation([k for k in L.COLLECTIVES if k.endswith(("s", "x"))])
_COLL1_FR = L.alternation([k for k in L.COLLECTIVES if not k.endswith(("s", "x"))])
_SCALES_PL = r"milliers|millions|milliards|billions"
_VAGUE_FR = re.compile(
    rf"(?<![\w])(?:(?P<few>plusieurs|quelques)|(?P<many>des|de{_SP}+nombreu(?:x|ses)|(?<=\b[dD]['’])|de))"
    rf"{_SP}*(?P<c>{_COLL_FR})(?:{_SP}+(?:de{_SP}+|d['’])(?P<c2>{_SCALES_PL}))?(?![\w])"
    rf"|(?<![\w])(?P<one>une?){_SP}+(?P<c1>{_COLL1_FR})(?:{_SP}+(?:de{_SP}+|d['’])(?P<c12>{_SCALES_PL}))?(?![\w])",
    re.IGNORECASE,
)
_VAGUE_EN = re.compile(
    rf"(?<![\w])(?:(?P<few>several|a{_SP}+few|a{_SP}+couple{_SP}+of|many)"
    rf"{_SP}+(?P<c>dozen|hundred|thousand|million|billion|trillion)(?:{_SP}+(?P<c2>thousand|million|billion))?"
    rf"|(?P<c3>dozens|tens|hundreds|thousands|millions|billions|trillions){_SP}+of(?:{_SP}+(?P<c4>thousands|millions|billions){_SP}+of)?"
    rf"|(?P<one>a|one){_SP}+(?P<c1>dozen))(?![\w])",
    re.IGNORECASE,
)


_VAGUE_GATE = ("aine", "illier", "illion", "illiard", "dozen", "hundred", "thousand", "tens of", "scores of")


def _vague_bounds(c: float, s: float, few: bool) -> tuple[float, float]:
    """Interval of a vague amount ("plusieurs centaines", "des milliers de", "plusieurs milliards").

    "plusieurs centaines" stays under a thousand, but "plusieurs milliards" is said of anything from
    2 to several hundred billions: scale words get a wider bound."""
    if few:
        return 2 * c * s, (10 if c * s < 1e6 else 1000) * c * s
    return 2 * c * s, (10 if c < 1000 else 1000) * c * s


def _to_money(q: "Quantity", cur) -> None:
    """Make a quantity money in the currency found after it (scaled by the currency's factor)."""
    q.kind, q.currency, q.end = "money", cur.currency, cur.end
    for attr in ("x", "low", "high"):
        v = getattr(q, attr)
        if v is not None:
            setattr(q, attr, v * cur.factor)


def _vague(text: str, lang: str) -> list[Quantity]:
    out: list[Quantity] = []
    rx = _VAGUE_EN if lang == "en" else _VAGUE_FR
    table = L.EN_COLLECTIVES if lang == "en" else L.COLLECTIVES
    for m in rx.finditer(text):
        gd = m.groupdict()
        if gd.get("one"):
            c = table[fold(gd["c1"])]
            s2 = gd.get("c12")
            s = table.get(fold(s2), 1.0) if s2 else 1.0
            x = c * s
            q = Quantity("number", m.start(), m.end(), x, "approximate", 0.8 * x, 1.2 * x, scale=s)
            if s > 1:
                q.scale = s
        else:
            cw = gd.get("c") or gd.get("c3")
            s2 = gd.get("c2") or gd.get("c4")
            c = table.get(fold(cw))
            if c is None:
                continue
            s = table.get(fold(s2), 1.0) if s2 else 1.0
            if not gd.get("few") and fold(cw) in ("de",):
                continue
            lo, hi = _vague_bounds(c, s, bool(gd.get("few")))
            q = Quantity("number", m.start(), m.end(), None, "vague", lo, hi, True, False, scale=c * s)
        # money or counted noun after it
        cur = currency_after(text, m.end(), True, lang)
        if cur is not None and cur.scale == 1.0:
            _to_money(q, cur)
        else:
            noun = _noun_after(text, m.end(), True, lang, require_de=lang != "en")
            if noun is not None:
                q.kind, q.end, q.unit = "count", noun[0], noun[1]
            elif lang != "en" and _LETTER_NEXT.match(text, m.end()):
                continue  # "une quarantaine obligatoire": the noun, not a figure
        out.append(q)
    return out


_LETTER_NEXT = re.compile(r"[ \u00a0]+[^\W\d_]")


# ---------------------------------------------------------------------------------------------
# Ranges.
_RANGE_BETWEEN = re.compile(r"(?<![\w])(?P<p>entre|between)" + _SP + r"+\Z", re.IGNORECASE)
_RANGE_FROM = re.compile(r"(?<![\w])(?P<p>de|d['’]|from)" + _SP + r"*\Z", re.IGNORECASE)
_GAP_AND = re.compile(_SP + r"*(?:et|and)" + _SP + r"*\Z", re.IGNORECASE)
_GAP_TO = re.compile(_SP + r"*(?:à|a|au|to|jusqu['’]à)" + _SP + r"*\Z", re.IGNORECASE)
_GAP_DASH = re.compile(r"(?:" + _SP + r"*[-–—]" + _SP + r"*|" + _SP + r"+(?:à|to)" + _SP + r"+)\Z", re.IGNORECASE)
_CHANGE_VERB = re.compile(
    r"(?:pass|augment|baiss|recul|progress|grimp|chut|bondi|mont|descend|relev|abaiss|rédui|redui|ramen|"
    r"port|gonfl|dimin|tomb|rise|rose|risen|fell|fallen|increas|decreas|grew|grown|jump|climb|drop|declin|"
    r"went|gone|soar|plung|slipp|cut|rais|lower|boost|slash|doubl|tripl)\w*(?:" + _SP + r"+[\w'’]+){0,4}" + _SP + r"*\Z",
    re.IGNORECASE,
)


def _merge_ranges(text: str, qs: list[Quantity], lang: str = "fr") -> list[Quantity]:
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        a = qs[i]
        if i + 1 < len(qs):
            b = qs[i + 1]
            r = _try_range(text, a, b, lang)
            if r is not None:
                out.append(r)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _try_range(text: str, a: Quantity, b: Quantity, lang: str = "fr") -> Quantity | None:
    P = _intl(lang)
    if P is not None and b.qualifier == "upper_bound" and b.num is not None and a.end <= b.num.start:
        if P.gap_to.fullmatch(text[a.end:b.num.start]) and a.qualifier == "exact":
            # "desde 10 hasta 12", "de 10 até 12": the "to" word is not an upper bound of 12
            b = Quantity(b.kind, b.num.start, b.end, b.x, currency=b.currency, unit=b.unit, num=b.num,
                         bare=b.bare, scale=b.scale)
    if a.qualifier != "exact" or b.qualifier != "exact" or a.x is None or b.x is None:
        return None
    if b.start - a.end > 20:
        return None
    if (a.num and a.num.year_like and a.bare) or (b.num and b.num.year_like and b.bare):
        return None
    gap = text[a.end:b.start]
    start = a.start
    between, gap_and, from_, gap_to, gap_dash, change = (
        (P.range_between, P.gap_and, P.range_from, P.gap_to, P.gap_dash, P.change_verb) if P else
        (_RANGE_BETWEEN, _GAP_AND, _RANGE_FROM, _GAP_TO, _GAP_DASH, _CHANGE_VERB)
    )
    if gap_and.fullmatch(gap):
        p = between.search(text, max(0, a.start - 10), a.start)
        if not p:
            return None
        start = p.start()
    elif gap_to.fullmatch(gap) or gap_dash.fullmatch(gap):
        p = from_.search(text, max(0, a.start - (8 if P else 6)), a.start)
        if p:
            if change.search(text, max(0, p.start() - 60), p.start()):
                return None  # "est passé de 10 à 12 %": a change, not a range
            start = p.start()
        elif not a.bare:
            return None
    else:
        return None
    if not a.bare and (a.kind != b.kind or a.currency != b.currency or a.unit != b.unit):
        return None
    lo, hi = a.x, b.x
    if a.bare and b.scale > 1 and a.scale == 1 and lo * b.scale <= hi:
        lo *= b.scale
    if lo > hi:
        return None
    return Quantity(b.kind, start, b.end, None, "range", lo, hi, True, True, b.currency, b.unit, b.num, False, b.scale)


# ---------------------------------------------------------------------------------------------
# Elided units: "27,6 milliards d'euros en 2023, contre 27,7 milliards en 2022".
_ELIDED_LINK = re.compile(
    rf"(?<![\w])(?:contre|versus|vs\.?|v\.|face{_SP}+[àa]|apr[èe]s|par{_SP}+rapport{_SP}+(?:[àa]|aux?)|et|ou|à|"
    rf"compared{_SP}+(?:with|to)|against|up{_SP}+from|down{_SP}+from|from|to|and|or|after){_SP}*,?{_SP}*\Z",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"(?<![\w]vs)(?<![\w]v)[.!?…](?=\s)|\n")
_ELIDED_MAX_GAP = 160


def _elided_figure(q: Quantity) -> bool:
    """A bare figure that may leave its unit unsaid: a scale word, a decimal or thousands
    separators ("435 059"), not a year."""
    a = q.num
    if q.kind != "number" or not q.bare or a is None or a.article or a.glued_unit or a.year_like:
        return False
    return a.scale_word or a.scale > 1 or a.subtype == "decimal" or a.grouped


def _inherit_units(text: str, qs: list[Quantity], lang: str = "fr") -> None:
    """Give a bare figure the currency or unit of the previous money/count/percent mention.

    The figure must follow a comparison or coordination word ("contre", "versus", "up from",
    "et", "à"...) in the same sentence. A figure without a scale word takes the scale of the
    previous mention ("27,6 milliards d'euros ... contre 27,7") when the two are then within a
    factor of 10 of each other; otherwise it is left alone.
    """
    anchor: Quantity | None = None
    P = _intl(lang)
    elided = P.elided_link if P else _ELIDED_LINK
    for q in qs:
        if q.kind in ("money", "count", "percent"):
            anchor = q
            continue
        if anchor is None or not _elided_figure(q):
            continue
        link = elided.search(text, max(anchor.end, q.start - 30), q.start)
        if not link or link.start() - anchor.end > _ELIDED_MAX_GAP:
            continue
        if _SENTENCE_BREAK.search(text, anchor.end, link.start()):
            continue
        ref = anchor.x if anchor.x is not None else anchor.high if anchor.high is not None else anchor.low
        a = q.num
        mult = 1.0
        if not (a.scale_word or a.scale > 1) and anchor.scale > 1:
            mult = anchor.scale
        if ref and q.x and not (a.scale_word or a.scale > 1) and not 0.1 <= (q.x * mult) / ref <= 10:
            continue  # "27,6 milliards d'euros ... et 3,5 %": not the same order of magnitude
        if mult != 1.0:
            for attr in ("x", "low", "high"):
                v = getattr(q, attr)
                if v is not None:
                    setattr(q, attr, v * mult)
            q.scale = mult
        q.kind, q.currency, q.unit, q.bare = anchor.kind, anchor.currency, anchor.unit, False
        anchor = q


# ---------------------------------------------------------------------------------------------
def find_quantities(
    text: str, lang: str = "fr", blocked: list[tuple[int, int]] | None = None,
    protect: list[tuple[int, int]] | None = None,
) -> list[Quantity]:
    """Money, percent, count and number mentions (possibly overlapping vague ones).

    A quantity whose value is too large to be real (:func:`~claims.recognize.numbers.plausible`,
    e.g. once a currency's scale word multiplies it) is dropped: its text stays plain text.
    """
    return [q for q in _find_quantities(text, lang, blocked, protect) if plausible(q.x) and plausible(q.low) and plausible(q.high)]


def _find_quantities(
    text: str, lang: str, blocked: list[tuple[int, int]] | None, protect: list[tuple[int, int]] | None,
) -> list[Quantity]:
    en = lang == "en"
    block = _Spans(blocked or [])
    qs: list[Quantity] = []
    for a in number_atoms(text, lang, protect):
        if blocked and block.overlaps(a.start, a.end):
            continue
        q = _quantity(text, a, lang)
        if q is not None:
            qs.append(q)
    qs.sort(key=lambda q: q.start)
    qs = _merge_ranges(text, qs, lang)
    _inherit_units(text, qs, lang)
    if lang in LI.INTL_LANGS:
        return qs + [v for v in _vague_intl(text, lang) if not (blocked and block.overlaps(v.start, v.end))]
    low = text.lower()
    if lang not in ("fr", "en") or not any(k in low for k in _VAGUE_GATE):
        return qs
    vague = [v for v in _vague(text, "en" if en else "fr") if not (blocked and block.overlaps(v.start, v.end))]
    return qs + vague


def _quantity(text: str, a: Num, lang: str) -> Quantity | None:
    s, e = a.start, a.end
    x = a.value
    q = Quantity("number", s, e, x, num=a, scale=a.scale)
    # --- money: currency before ("$10B", "€ 20", "USD 3 million")
    cur: CurrencyHit | None = currency_before(text, s)
    if cur is not None:
        q.kind, q.currency, q.start = "money", cur.currency, cur.start
        if a.glued_unit == "m":
            a.glued_unit = None
            q.x = x = x * 1e6
            q.scale = 1e6
            q.end = e = e + 1
        else:
            ab = abbreviation_after(text, e, lang) if a.scale == 1 else None
            if ab:
                q.x = x = x * ab[1]
                q.scale = ab[1]
                q.end = e = ab[0]
        # trailing code: "$ 10 millions US" rarely; "US$" handled by the symbol table
    elif not a.glued_unit:
        cur = currency_after(text, e, allow_de=a.scale_word or abs(a.value) >= 1e6, lang=lang)
        if cur is not None:
            q.kind, q.currency = "money", cur.currency
            q.x = x = x * cur.scale * cur.factor
            q.scale = a.scale * cur.scale
            q.end = e = cur.end
    if q.kind != "money":
        if a.article:
            return None  # "un", "une", "one" alone are articles
        P = _intl(lang)
        pm = (P.percent if P else _PERCENT).match(text, e)
        if pm and not a.glued_unit:
            q.kind = "percent"
            q.unit = "pp" if pm.group("pp") else "%"
            q.end = e = pm.end()
        elif a.glued_unit:
            q.kind, q.unit = "count", a.glued_unit
        elif a.subtype == "fraction" and abs(a.value) < 1:
            q.bare = True  # "deux tiers des Français": a share, not a count
        else:
            if P is not None:
                noun = _noun_after_intl(text, e, a.scale_word or abs(a.value) >= 1e6, lang, plural=abs(a.value) >= 2)
            else:
                noun = _noun_after(text, e, a.scale_word or abs(a.value) >= 1e6, lang, plural=abs(a.value) >= 2)
            age = _AGE_AFTER.match(text, e) if lang == "en" else None
            if age:
                q.unit, q.end = "year", age.end()  # "a 23-year-old", "23 years old"
                e = q.end
            elif noun is not None:
                word = fold(text[e:noun[0]].split()[-1]).strip(".")
                if P is not None and (word in P.durations or word in P.points):
                    q.unit = P.durations.get(word) or "point"  # a number with a unit
                elif P is None and (word in DURATION_WORDS or word in POINT_WORDS):
                    q.unit = DURATION_WORDS.get(word) or POINT_WORDS[word]  # a number with a unit
                else:
                    q.kind, q.unit = "count", noun[1]
                q.end = noun[0]
                e = q.end
            else:
                q.bare = True
    # --- qualifiers
    P = _intl(lang)
    qb = _qualifier_before(text, q.start, lang)
    if qb and not (a.year_like and q.bare):
        key = _qualifier_key(qb.group("q"))
        spec = (P.qbefore_table if P else L.QUALIFIERS_BEFORE).get(key)
        if P is not None and spec is not None and key.startswith(LI.UP_TO_AFTER_CHANGE[lang] or ("\0",)):
            clause = re.split(r"[.;:!?]", text[max(0, qb.start() - 60):qb.start()])[-1]
            if P.change_any.search(clause):
                spec = None  # "bajó hasta el 11,7 %": where it got to, not an upper bound
        if spec is not None:
            _apply_qualifier(q, spec)
            q.start = qb.start()
            q.bare = False if q.kind != "number" else q.bare
    if q.qualifier == "exact":
        qa = (P.qafter if P else _QAFTER).match(text, q.end)
        if qa:
            spec = (P.qafter_table if P else L.QUALIFIERS_AFTER).get(_qualifier_key(qa.group("q")))
            if spec is not None:
                _apply_qualifier(q, spec)
                q.end = qa.end()
    return q


# ---------------------------------------------------------------------------------------------
# Spanish, German, Italian, Portuguese: the same rules with each language's words.
@dataclass(frozen=True, slots=True)
class _IntlLang:
    """Compiled word patterns of one language (tables in :mod:`claims.recognize.lexicon_intl`)."""

    qbefore: re.Pattern
    qbefore_table: dict
    qafter: re.Pattern
    qafter_table: dict
    percent: re.Pattern
    links: frozenset  # "de", "di", "d'": between a figure and its noun or currency
    not_nouns: frozenset
    adjectives: frozenset
    adverbs: tuple
    durations: dict
    points: frozenset
    vague: re.Pattern
    range_between: re.Pattern
    gap_and: re.Pattern
    range_from: re.Pattern
    gap_to: re.Pattern
    gap_dash: re.Pattern
    change_verb: re.Pattern
    change_any: re.Pattern  # a verb of change anywhere
    elided_link: re.Pattern


def _words_rx(words: list[str]) -> str:
    return "|".join(L.loose(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"


def _build_intl(lg: str) -> _IntlLang:
    qb, qa = LI.QUALIFIERS_BEFORE[lg], LI.QUALIFIERS_AFTER[lg]
    pw = ["%"] + LI.PERCENT_WORDS[lg]
    percent = re.compile(
        _SP + r"*(?:(?P<pp>" + L.alternation(LI.PERCENT_POINT_WORDS[lg]) + r")|(?P<p>%|"
        + L.alternation([w for w in pw if w != "%"]) + r"))(?(pp)(?![\w])|(?:(?<=%)|(?![\w])))",
        re.IGNORECASE,
    )
    links = [w for w in LI.COLLECTIVE_LINKS[lg] if w]
    link_rx = "|".join(L.loose(w) + ("" if w.endswith("'") else _SP + "+") for w in links)
    link_rx = f"(?:{link_rx})" if link_rx else ""
    colls = LI.COLLECTIVES[lg]
    big = [k for k, v in colls.items() if v >= 1e3]
    vague = re.compile(
        rf"(?<![\w])(?<!\d{_SP})(?:"
        rf"(?P<few>{_words_rx(LI.VAGUE_FEW[lg])}){_SP}+(?P<c>{L.alternation({**colls, **LI.COLLECTIVES_AFTER_FEW[lg]})})"
        rf"|(?:(?P<many>{_words_rx(LI.VAGUE_MANY[lg])}){_SP}+)?(?P<c3>{L.alternation(colls)})"
        rf"|(?P<one>{_words_rx(LI.VAGUE_ONE[lg])}){_SP}+(?P<c1>{L.alternation(LI.COLLECTIVES_ONE[lg])})"
        rf")(?:{_SP}+{link_rx}(?P<c2>{L.alternation(big)}))?(?![\w])",
        re.IGNORECASE,
    )
    b_words, and_words = LI.RANGE_BETWEEN[lg]
    f_words, to_words = LI.RANGE_FROM[lg]
    not_nouns = (
        set(L.COUNT_STOPWORDS) | LI.COUNT_STOPWORDS[lg] | set(LI.MONTHS[lg]) | set(LI.MONTH_ABBR[lg])
        | set(LI.WEEKDAYS[lg]) | set(LI.NUMBER_WORDS.get(lg, [])) | set(LI.SCALE_WORDS[lg])
        | {w for p in LI.PERCENT_WORDS[lg] for w in p.split()} | {"%"}
    )
    return _IntlLang(
        qbefore=re.compile(r"(?:(?<![\w'’])|(?<=~))(?P<q>" + L.alternation(qb) + r")(?:" + _SP + r"*|(?<=['’~]))\Z",
                           re.IGNORECASE),
        qbefore_table=qb,
        qafter=re.compile(r",?" + _SP + r"*(?P<q>" + L.alternation(qa) + r")(?![\w])", re.IGNORECASE),
        qafter_table=qa,
        percent=percent,
        links=frozenset(links),
        not_nouns=frozenset(not_nouns),
        adjectives=frozenset(LI.PRENOMINAL_ADJECTIVES[lg]),
        adverbs=LI.ADVERB_SUFFIXES[lg],
        durations=LI.DURATION_WORDS[lg],
        points=frozenset(LI.POINT_WORDS[lg]),
        vague=vague,
        range_between=re.compile(rf"(?<![\w])(?P<p>{_words_rx(b_words)}){_SP}+\Z", re.IGNORECASE),
        gap_and=re.compile(rf"{_SP}*(?:{_words_rx(and_words)}){_SP}*\Z", re.IGNORECASE),
        range_from=re.compile(rf"(?<![\w])(?P<p>{_words_rx(f_words)}){_SP}*\Z", re.IGNORECASE),
        gap_to=re.compile(rf"{_SP}+(?:{_words_rx(to_words)}){_SP}+\Z", re.IGNORECASE),
        gap_dash=re.compile(rf"(?:{_SP}*[-–—]{_SP}*)\Z"),
        change_verb=re.compile(
            r"(?<![\w])(?:" + "|".join(LI.CHANGE_STEMS[lg]) + r")\w*(?:" + _SP + r"+[\w'’]+){0,4}" + _SP + r"*\Z",
            re.IGNORECASE,
        ),
        change_any=re.compile(r"(?<![\w])(?:" + "|".join(LI.CHANGE_STEMS[lg]) + r")\w*", re.IGNORECASE),
        elided_link=re.compile(rf"(?<![\w])(?:{_words_rx(LI.ELIDED_LINKS[lg])}){_SP}*,?{_SP}*\Z", re.IGNORECASE),
    )


@lru_cache(maxsize=None)
def _intl(lang: str) -> _IntlLang | None:
    """The compiled patterns of `lang` if it is Spanish, German, Italian or Portuguese (built on first use)."""
    return _build_intl(lang) if lang in LI.INTL_LANGS else None


def _plural_intl(w: str, lang: str) -> bool:
    """A plural-looking noun: "-s" in Spanish and Portuguese, "-i"/"-e" (or invariant) in Italian;
    German plurals have no single mark, so any noun passes."""
    f = fold(w)
    if f in _UNIT_WORDS or len(f) <= 2 or lang == "de":
        return True
    if lang == "it":
        return not f.endswith(("o", "a")) or w[-1] in "àèéìòù"
    return f.endswith(("s", "x", "z"))


def _noun_after_intl(text: str, pos: int, allow_de: bool, lang: str, plural: bool = False,
                     require_de: bool = False) -> tuple[int, str] | None:
    """The counted noun after a figure: "500 empleados", "3 millones de personas", "500 Mitarbeiter",
    "2 milioni di abitanti". German nouns are capitalised, the others are not."""
    P = _intl(lang)
    m = _WORD.match(text, pos)
    if not m:
        return None
    w = m.group("w")
    fw = fold(w)
    used_de = False
    if fw in P.links:
        if not allow_de:
            return None
        used_de = True
        m2 = _GLUED_D.match(text, m.end()) if fw.endswith("'") else _WORD.match(text, m.end())
        if not m2:
            return None
        m = m2
        w = m.group("w")
        fw = fold(w)
    elif require_de and P.links:
        return None
    if fw in P.adjectives:
        m2 = _WORD.match(text, m.end())
        if not m2:
            return None
        m = m2
        w = m.group("w")
        fw = fold(w)
    if len(fw) < 2:
        if fw not in _ONE_LETTER_UNITS or used_de or text[m.end():m.end() + 1] in ("'", "’"):
            return None
    elif fw in P.not_nouns or fw in names(lang):
        return None
    if fw.endswith(P.adverbs) and not used_de:
        return None  # "500 aproximadamente", "500 insgesamt"
    if _ELIDED_ARTICLE.match(fw):
        return None  # "nel 2023 l'utile": an article opens another noun phrase
    if w.isupper() and len(w) > 1 and not used_de:
        return None
    if lang == "de":
        if not w[0].isupper() and fw not in _UNIT_WORDS:
            return None  # "2019 investierte Microsoft": German nouns are capitalised
    elif w[0].isupper() and not used_de and not (w.endswith("s") and w[1:].islower()):
        return None  # "en 2019 Microsoft": a name, not a counted noun
    if plural and not used_de and not _plural_intl(w, lang):
        return None
    return m.end(), _UNIT_NORMAL.get(fw, lemma(w, lang))


_ELIDED_ARTICLE = re.compile(r"(?:l|un|dell|all|nell|sull|dall|quell|quest|c|s|n|t|m)'")


def _vague_intl(text: str, lang: str) -> list[Quantity]:
    """Vague amounts, as in French: "varios miles de millones de dólares", "mehrere Milliarden Euro",
    "centinaia di dipendenti", "uma dezena de empresas"."""
    P = _intl(lang)
    colls = {**LI.COLLECTIVES[lang], **LI.COLLECTIVES_AFTER_FEW[lang], **LI.COLLECTIVES_ONE[lang]}
    out: list[Quantity] = []
    for m in P.vague.finditer(text):
        gd = m.groupdict()
        key = lambda g: " ".join(fold(g).split())  # noqa: E731
        s2 = gd.get("c2")
        s = colls.get(key(s2), 1.0) if s2 else 1.0
        bare = False
        if gd.get("one"):
            x = colls[key(gd["c1"])] * s
            q = Quantity("number", m.start(), m.end(), x, "approximate", 0.8 * x, 1.2 * x, scale=s)
        else:
            cw = gd.get("c") or gd.get("c3")
            c = colls.get(key(cw))
            if c is None:
                continue
            if not gd.get("few"):
                bare = not gd.get("many")
            lo, hi = _vague_bounds(c, s, bool(gd.get("few")))
            q = Quantity("number", m.start(), m.end(), None, "vague", lo, hi, True, False, scale=c * s)
        cur = currency_after(text, m.end(), True, lang)
        if cur is not None and cur.scale == 1.0:
            _to_money(q, cur)
        else:
            noun = _noun_after_intl(text, m.end(), True, lang, require_de=True)
            if noun is not None:
                q.kind, q.end, q.unit = "count", noun[0], noun[1]
            elif bare or _LETTER_NEXT.match(text, m.end()) and gd.get("one"):
                continue  # "los miles de manifestantes..." needs its noun; "una decena" alone is fine
        out.append(q)
    return out
