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
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Mention, Value
from . import lexicon as L
from .lexicon import fold
from .money import CurrencyHit, abbreviation_after, currency_after, currency_before
from .numbers import Num, _Spans, nice, number_atoms

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
        return None  # "12 rue de la Paix": a plural figure wants a plural noun
    return m.end(), _UNIT_NORMAL.get(fw, lemma(w, lang))


_UNIT_NORMAL = {"m²": "m2", "m³": "m3", "km²": "km2", "kilometres": "km", "kilometre": "km", "metres": "m",
                "metre": "m", "kilos": "kg", "kilogrammes": "kg", "kilogramme": "kg", "tonnes": "t", "tonne": "t",
                "litres": "l", "litre": "l", "hectares": "ha", "hectare": "ha", "kilometers": "km", "kilometer": "km",
                "meters": "m", "meter": "m", "tons": "t", "ton": "t", "liters": "l", "liter": "l"}


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
            if gd.get("few"):
                # "plusieurs centaines" stays under a thousand, but "plusieurs milliards" is said of
                # anything from 2 to several hundred billions: scale words get a wider bound.
                lo, hi = 2 * c * s, (10 if c * s < 1e6 else 1000) * c * s
            else:
                if fold(cw) in ("de",):
                    continue
                lo = 2 * c * s
                hi = (10 if c < 1000 else 1000) * c * s
            q = Quantity("number", m.start(), m.end(), None, "vague", lo, hi, True, False, scale=c * s)
        # money or counted noun after it
        cur = currency_after(text, m.end(), True, lang)
        if cur is not None and cur.scale == 1.0:
            q.kind, q.currency, q.end = "money", cur.currency, cur.end
            for attr in ("x", "low", "high"):
                v = getattr(q, attr)
                if v is not None:
                    setattr(q, attr, v * cur.factor)
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


def _merge_ranges(text: str, qs: list[Quantity]) -> list[Quantity]:
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        a = qs[i]
        if i + 1 < len(qs):
            b = qs[i + 1]
            r = _try_range(text, a, b)
            if r is not None:
                out.append(r)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _try_range(text: str, a: Quantity, b: Quantity) -> Quantity | None:
    if a.qualifier != "exact" or b.qualifier != "exact" or a.x is None or b.x is None:
        return None
    if b.start - a.end > 20:
        return None
    if (a.num and a.num.year_like and a.bare) or (b.num and b.num.year_like and b.bare):
        return None
    gap = text[a.end:b.start]
    start = a.start
    if _GAP_AND.fullmatch(gap):
        p = _RANGE_BETWEEN.search(text, max(0, a.start - 10), a.start)
        if not p:
            return None
        start = p.start()
    elif _GAP_TO.fullmatch(gap) or _GAP_DASH.fullmatch(gap):
        p = _RANGE_FROM.search(text, max(0, a.start - 6), a.start)
        if p:
            if _CHANGE_VERB.search(text, max(0, p.start() - 60), p.start()):
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


def _inherit_units(text: str, qs: list[Quantity]) -> None:
    """Give a bare figure the currency or unit of the previous money/count/percent mention.

    The figure must follow a comparison or coordination word ("contre", "versus", "up from",
    "et", "à"...) in the same sentence. A figure without a scale word takes the scale of the
    previous mention ("27,6 milliards d'euros ... contre 27,7") when the two are then within a
    factor of 10 of each other; otherwise it is left alone.
    """
    anchor: Quantity | None = None
    for q in qs:
        if q.kind in ("money", "count", "percent"):
            anchor = q
            continue
        if anchor is None or not _elided_figure(q):
            continue
        link = _ELIDED_LINK.search(text, max(anchor.end, q.start - 30), q.start)
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
    """Money, percent, count and number mentions (possibly overlapping vague ones)."""
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
    qs = _merge_ranges(text, qs)
    _inherit_units(text, qs)
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
            ab = abbreviation_after(text, e) if a.scale == 1 else None
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
        pm = _PERCENT.match(text, e)
        if pm and not a.glued_unit:
            q.kind = "percent"
            q.unit = "pp" if pm.group("pp") else "%"
            q.end = e = pm.end()
        elif a.glued_unit:
            q.kind, q.unit = "count", a.glued_unit
        elif a.subtype == "fraction" and abs(a.value) < 1:
            q.bare = True  # "deux tiers des Français": a share, not a count
        else:
            noun = _noun_after(text, e, a.scale_word or abs(a.value) >= 1e6, lang, plural=abs(a.value) >= 2)
            age = _AGE_AFTER.match(text, e) if lang == "en" else None
            if age:
                q.unit, q.end = "year", age.end()  # "a 23-year-old", "23 years old"
                e = q.end
            elif noun is not None:
                word = fold(text[e:noun[0]].split()[-1]).strip(".")
                if word in DURATION_WORDS or word in POINT_WORDS:
                    q.unit = DURATION_WORDS.get(word) or POINT_WORDS[word]  # a number with a unit
                else:
                    q.kind, q.unit = "count", noun[1]
                q.end = noun[0]
                e = q.end
            else:
                q.bare = True
    # --- qualifiers
    qb = _QBEFORE.search(text, max(0, q.start - 48), q.start)
    if qb and not (a.year_like and q.bare):
        spec = L.QUALIFIERS_BEFORE.get(_qualifier_key(qb.group("q")))
        if spec is not None:
            _apply_qualifier(q, spec)
            q.start = qb.start()
            q.bare = False if q.kind != "number" else q.bare
    if q.qualifier == "exact":
        qa = _QAFTER.match(text, q.end)
        if qa:
            spec = L.QUALIFIERS_AFTER.get(_qualifier_key(qa.group("q")))
            if spec is not None:
                _apply_qualifier(q, spec)
                q.end = qa.end()
    return q
