"""Synthetic French / English NLI pairs for fact-consistency, built the way FactCC built its data.

A premise is a news-like sentence rendered from an event *frame* (investment, acquisition, job
cuts, casualties, election, ...) with random slot values (organisations, people, places,
amounts, percentages, counts, dates) written here (no article text is used). The hypothesis
is the same frame after one transformation whose label follows from the transformation:

* entailment: paraphrase (another template, possibly the other language), drop a detail
  (date, place), coarser date (3 March 2023 -> 2023), another number format
  (2,5 milliards -> 2 500 millions, 7.1% -> 7.1 percent), a true bound (1 200 -> more than 1 000);
* contradiction: another amount / percentage / count (digit change or x10), another date,
  another entity of the same kind, negation, opposite direction (rose -> fell), a false bound;
* neutral: an unstated detail added (date, place), a finer date than stated, another event
  about the same entity.

Usage: ``python models/synth_pairs.py --n 12 --seed 0`` prints examples;
``--out pairs.jsonl`` writes ``{premise, hypothesis, label, lang, kind}`` lines.
"""
from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field, replace
from pathlib import Path

LANGS = ("fr", "en")

# --------------------------------------------------------------------------- slot values
ORGS = [
    "Renault", "Airbus", "TotalEnergies", "Siemens", "Nestlé", "Orange", "Danone", "Ubisoft",
    "Veolia", "BNP Paribas", "Volkswagen", "Toyota", "Carrefour", "Michelin", "Thales",
    "Schneider Electric", "Capgemini", "Sanofi", "Iberdrola", "Philips", "Ericsson", "Nokia",
    "Norvik Systems", "Helia Énergie", "Valmorel Industries", "Arkelis", "Quantel Bio",
    "Brightwater Capital", "Ostral Labs", "Kerden Logistics", "Solenne Pharma", "Atlanthe",
]
PEOPLE = [
    "Marie Dupont", "Jean Martin", "Sophie Laurent", "Ahmed Benali", "Claire Moreau",
    "Thomas Bernard", "Nadia Haddad", "Luc Petit", "Isabelle Roux", "Karim Mansouri",
    "Emily Carter", "John Whitaker", "Laura Chen", "David Okafor", "Anna Kowalski",
    "Pedro Alvarez", "Hannah Weber", "Marco Rossi", "Fatou Diallo", "Yuki Tanaka",
]
# (French locative, English locative)
COUNTRIES = [
    ("en France", "in France"), ("en Allemagne", "in Germany"), ("en Espagne", "in Spain"),
    ("en Italie", "in Italy"), ("en Belgique", "in Belgium"), ("au Canada", "in Canada"),
    ("au Japon", "in Japan"), ("au Brésil", "in Brazil"), ("aux États-Unis", "in the United States"),
    ("en Inde", "in India"), ("au Portugal", "in Portugal"), ("en Pologne", "in Poland"),
    ("au Maroc", "in Morocco"), ("en Suisse", "in Switzerland"),
]
CITIES = [
    ("à Paris", "in Paris"), ("à Lyon", "in Lyon"), ("à Marseille", "in Marseille"),
    ("à Toulouse", "in Toulouse"), ("à Lille", "in Lille"), ("à Bordeaux", "in Bordeaux"),
    ("à Nantes", "in Nantes"), ("à Berlin", "in Berlin"), ("à Madrid", "in Madrid"),
    ("à Londres", "in London"), ("à Bruxelles", "in Brussels"), ("à Genève", "in Geneva"),
    ("à Montréal", "in Montreal"), ("à Rome", "in Rome"), ("à Lisbonne", "in Lisbon"),
]
PLACES = COUNTRIES + CITIES
INDICATORS = [  # (French subject, English subject)
    ("le taux de chômage", "the unemployment rate"), ("l'inflation", "inflation"),
    ("le taux d'épargne", "the savings rate"), ("le taux de pauvreté", "the poverty rate"),
    ("le déficit public", "the public deficit"),
]
EVENTS = [  # (French, English)
    ("les inondations", "the floods"), ("le séisme", "the earthquake"),
    ("l'incendie", "the fire"), ("la tempête", "the storm"), ("l'explosion", "the explosion"),
]
GOODS = [("avions", "aircraft"), ("trains", "trains"), ("bus électriques", "electric buses"),
         ("éoliennes", "wind turbines"), ("satellites", "satellites")]
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
WORDS_FR = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
            "onze", "douze", "treize", "quatorze", "quinze", "seize"]
WORDS_EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen"]


# --------------------------------------------------------------------------- quantities
@dataclass(frozen=True)
class Amount:
    """Money: ``millions`` of ``cur`` (EUR or USD)."""

    millions: float
    cur: str

    def render(self, lang: str, style: int = 0) -> str:
        v, cur = self.millions, self.cur
        if v >= 1000:
            x = _num(v / 1000, lang)
            if lang == "fr":
                unit = "milliard" if v < 2000 else "milliards"
                return [f"{x} {unit} {_cur_fr(cur)}", f"{_int(v, 'fr')} millions {_cur_fr(cur)}",
                        f"{x} Md{'€' if cur == 'EUR' else '$'}"][style % 3]
            sym = "€" if cur == "EUR" else "$"
            word = "euros" if cur == "EUR" else "dollars"
            return [f"{sym}{x} billion", f"{x} billion {word}", f"{sym}{_int(v, 'en')} million"][style % 3]
        x = _num(v, lang)
        if lang == "fr":
            return [f"{x} millions {_cur_fr(cur)}", f"{x} M{'€' if cur == 'EUR' else '$'}",
                    f"{x} millions {_cur_fr(cur)}"][style % 3]
        sym = "€" if cur == "EUR" else "$"
        return [f"{sym}{x} million", f"{x} million {'euros' if cur == 'EUR' else 'dollars'}",
                f"{sym}{x}m"][style % 3]


@dataclass(frozen=True)
class Pct:
    value: float

    def render(self, lang: str, style: int = 0) -> str:
        x = _num(self.value, lang)
        if lang == "fr":
            return [f"{x} %", f"{x}\u00a0%", f"{x} pour cent"][style % 3]
        return [f"{x}%", f"{x} percent", f"{x} per cent"][style % 3]


@dataclass(frozen=True)
class Count:
    value: int

    def render(self, lang: str, style: int = 0) -> str:
        v = self.value
        words = WORDS_FR if lang == "fr" else WORDS_EN
        if v < len(words) and style % 2 == 1:
            return words[v]
        if v >= 1000 and style % 2 == 1:
            return str(v)
        return _int(v, lang)


@dataclass(frozen=True)
class Date:
    year: int
    month: int | None = None
    day: int | None = None

    def render(self, lang: str, style: int = 0) -> str:
        if lang == "fr":
            if self.day:
                d = "1er" if self.day == 1 else str(self.day)
                return f"le {d} {MONTHS_FR[self.month - 1]} {self.year}"
            if self.month:
                return f"en {MONTHS_FR[self.month - 1]} {self.year}"
            return f"en {self.year}"
        if self.day:
            m = MONTHS_EN[self.month - 1]
            return f"on {m} {self.day}, {self.year}" if style % 2 == 0 else f"on {self.day} {m} {self.year}"
        if self.month:
            return f"in {MONTHS_EN[self.month - 1]} {self.year}"
        return f"in {self.year}"

    def coarser(self, rng: random.Random) -> Date | None:
        if self.day:
            return Date(self.year, self.month) if rng.random() < 0.5 else Date(self.year)
        if self.month:
            return Date(self.year)
        return None

    def finer(self, rng: random.Random) -> Date | None:
        if self.day:
            return None
        if self.month:
            return Date(self.year, self.month, rng.randint(1, 28))
        return Date(self.year, rng.randint(1, 12))


def _cur_fr(cur: str) -> str:
    return "d'euros" if cur == "EUR" else "de dollars"


def _num(x: float, lang: str) -> str:
    s = f"{x:.1f}".rstrip("0").rstrip(".") if abs(x - round(x)) > 1e-9 else _int(int(round(x)), lang)
    return s.replace(".", ",") if lang == "fr" else s


def _int(v: float, lang: str) -> str:
    s = f"{int(round(v)):,}"
    return s.replace(",", " ") if lang == "fr" else s


# --------------------------------------------------------------------------- frames
@dataclass
class Frame:
    """An event type: slot kinds, optional details, templates per language (affirmative / negated)."""

    key: str
    slots: dict[str, str]  # slot -> kind: org, person, place, indicator, event, goods, amount, pct, count, year
    details: tuple[str, ...]  # optional detail slots: "date", "place"
    fr: list[str]
    en: list[str]
    fr_neg: list[str] = field(default_factory=list)
    en_neg: list[str] = field(default_factory=list)
    direction: bool = False  # templates use {up} (verb of change), swappable up <-> down


FRAMES = [
    Frame("invest", {"actor": "org", "target": "org", "amount": "amount"}, ("date",),
          fr=["{actor} a investi {amount} dans {target}{date}.",
              "{target} a reçu un investissement de {amount} de la part de {actor}{date}.",
              "{actor} a injecté {amount} dans le capital de {target}{date}.",
              "L'investissement de {actor} dans {target} s'élève à {amount}{date}."],
          en=["{actor} invested {amount} in {target}{date}.",
              "{target} received an investment of {amount} from {actor}{date}.",
              "{actor} put {amount} into {target}{date}.",
              "{actor}'s investment in {target} amounts to {amount}{date}."],
          fr_neg=["{actor} n'a pas investi {amount} dans {target}{date}."],
          en_neg=["{actor} did not invest {amount} in {target}{date}."]),
    Frame("acquire", {"actor": "org", "target": "org", "amount": "amount"}, ("date",),
          fr=["{actor} a racheté {target} pour {amount}{date}.",
              "{target} a été racheté par {actor} pour {amount}{date}.",
              "Le rachat de {target} par {actor}, pour {amount}, a été annoncé{date}."],
          en=["{actor} bought {target} for {amount}{date}.",
              "{target} was acquired by {actor} for {amount}{date}.",
              "{actor} agreed to acquire {target} for {amount}{date}."],
          fr_neg=["{actor} n'a pas racheté {target}{date}."],
          en_neg=["{actor} did not buy {target}{date}."]),
    Frame("raise", {"actor": "org", "amount": "amount"}, ("date",),
          fr=["{actor} a levé {amount} auprès d'investisseurs{date}.",
              "La start-up {actor} a bouclé une levée de fonds de {amount}{date}."],
          en=["{actor} raised {amount} from investors{date}.",
              "The start-up {actor} closed a funding round of {amount}{date}."],
          fr_neg=["{actor} n'a pas réussi à lever {amount}{date}."],
          en_neg=["{actor} failed to raise {amount}{date}."]),
    Frame("revenue", {"actor": "org", "amount": "amount", "year": "year"}, (),
          fr=["{actor} a réalisé un chiffre d'affaires de {amount} en {year}.",
              "En {year}, le chiffre d'affaires de {actor} a atteint {amount}.",
              "Les ventes de {actor} se sont élevées à {amount} en {year}."],
          en=["{actor} posted revenue of {amount} in {year}.",
              "In {year}, {actor}'s revenue reached {amount}.",
              "{actor}'s sales amounted to {amount} in {year}."]),
    Frame("jobs", {"actor": "org", "count": "count"}, ("place", "date"),
          fr=["{actor} va supprimer {count} emplois{place}{date}.",
              "{count} postes seront supprimés chez {actor}{place}, a annoncé le groupe{date}.",
              "Le plan social de {actor} prévoit {count} suppressions de postes{place}{date}."],
          en=["{actor} will cut {count} jobs{place}{date}.",
              "{count} positions will be eliminated at {actor}{place}, the group said{date}.",
              "{actor}'s restructuring plan includes {count} job cuts{place}{date}."],
          fr_neg=["{actor} ne supprimera aucun emploi{place}{date}."],
          en_neg=["{actor} will not cut any jobs{place}{date}."]),
    Frame("hire", {"actor": "org", "count": "count"}, ("place", "date"),
          fr=["{actor} prévoit de recruter {count} personnes{place}{date}.",
              "{actor} va créer {count} emplois{place}{date}."],
          en=["{actor} plans to hire {count} people{place}{date}.",
              "{actor} will create {count} jobs{place}{date}."],
          fr_neg=["{actor} ne prévoit aucune embauche{place}{date}."],
          en_neg=["{actor} has no plans to hire{place}{date}."]),
    Frame("deaths", {"event": "event", "count": "count"}, ("place", "date"),
          fr=["{event}{place} ont fait {count} morts{date}.",
              "{count} personnes ont perdu la vie dans {event}{place}{date}.",
              "Le bilan {event_de}{place} s'élève à {count} morts{date}."],
          en=["{event}{place} killed {count} people{date}.",
              "{count} people died in {event}{place}{date}.",
              "The death toll from {event}{place} stands at {count}{date}."],
          fr_neg=["{event}{place} n'ont fait aucune victime{date}."],
          en_neg=["Nobody died in {event}{place}{date}."]),
    Frame("rate", {"indicator": "indicator", "pct": "pct"}, ("place", "date"),
          fr=["{indicator}{place} s'établit à {pct}{date}.",
              "{indicator}{place} atteint {pct}{date}, selon les chiffres officiels."],
          en=["{indicator}{place} stands at {pct}{date}.",
              "{indicator}{place} reached {pct}{date}, according to official figures."]),
    Frame("change", {"indicator": "indicator", "pct": "pct"}, ("place", "date"),
          fr=["{indicator}{place} a {up} de {pct}{date}.",
              "{indicator}{place} est en {up_noun} de {pct}{date}."],
          en=["{indicator}{place} {up} by {pct}{date}.",
              "{indicator}{place} saw a {up_noun} of {pct}{date}."],
          direction=True),
    Frame("election", {"person": "person", "pct": "pct"}, ("place", "date"),
          fr=["{person} a remporté l'élection{place} avec {pct} des voix{date}.",
              "Avec {pct} des suffrages, {person} a gagné l'élection{place}{date}."],
          en=["{person} won the election{place} with {pct} of the vote{date}.",
              "With {pct} of the votes, {person} won the election{place}{date}."],
          fr_neg=["{person} a perdu l'élection{place}{date}."],
          en_neg=["{person} lost the election{place}{date}."]),
    Frame("ceo", {"person": "person", "actor": "org"}, ("date",),
          fr=["{person} a pris la direction de {actor}{date}.",
              "{actor} a nommé {person} à sa tête{date}.",
              "{actor} a confié sa direction à {person}{date}."],
          en=["{person} took over as head of {actor}{date}.",
              "{actor} appointed {person} as its chief executive{date}.",
              "{person} became the new chief executive of {actor}{date}."],
          fr_neg=["{actor} n'a pas confié sa direction à {person}{date}."],
          en_neg=["{person} was not appointed to lead {actor}{date}."]),
    Frame("order", {"actor": "org", "target": "org", "count": "count", "goods": "goods",
                    "amount": "amount"}, ("date",),
          fr=["{actor} a commandé {count} {goods} à {target} pour {amount}{date}.",
              "{target} livrera {count} {goods} à {actor}, un contrat de {amount}{date}."],
          en=["{actor} ordered {count} {goods} from {target} for {amount}{date}.",
              "{target} will deliver {count} {goods} to {actor} in a deal worth {amount}{date}."],
          fr_neg=["{actor} a renoncé à commander des {goods} à {target}{date}."],
          en_neg=["{actor} dropped its plan to order {goods} from {target}{date}."]),
    Frame("protest", {"count": "count"}, ("place", "date"),
          fr=["{count} personnes ont manifesté{place}{date}.",
              "La manifestation{place} a réuni {count} personnes{date}."],
          en=["{count} people demonstrated{place}{date}.",
              "The protest{place} drew {count} people{date}."]),
]
FRAME_BY_KEY = {f.key: f for f in FRAMES}
NUMERIC_KINDS = ("amount", "pct", "count", "year")
ENTITY_KINDS = ("org", "person", "goods")  # swapping these denies the event; indicators do not
UP = {"fr": ("augmenté", "baissé"), "en": ("rose", "fell")}
UP_NOUN = {"fr": ("hausse", "baisse"), "en": ("rise", "fall")}


@dataclass
class Fact:
    """A frame instance: slot values, optional details, polarity and surface choices."""

    frame: Frame
    values: dict[str, object]
    details: dict[str, object]  # "date" -> Date, "place" -> (fr, en)
    negated: bool = False
    up: bool = True
    template: int = 0
    style: int = 0


def _value(kind: str, rng: random.Random) -> object:
    if kind == "org":
        return rng.choice(ORGS)
    if kind == "person":
        return rng.choice(PEOPLE)
    if kind == "indicator":
        return rng.choice(INDICATORS)
    if kind == "event":
        return rng.choice(EVENTS)
    if kind == "goods":
        return rng.choice(GOODS)
    if kind == "amount":
        r = rng.random()
        if r < 0.4:
            v = rng.choice([rng.randint(1, 99) * 100, rng.randint(11, 99) * 100 + 50, rng.randint(1, 40) * 1000])
        elif r < 0.8:
            v = rng.choice([rng.randint(2, 95) * 10, rng.randint(1, 9) * 100, rng.randint(5, 99)])
        else:
            v = rng.randint(1, 9) * 1000 + rng.randint(1, 9) * 100
        return Amount(float(v), rng.choice(["EUR", "USD"]))
    if kind == "pct":
        return Pct(round(rng.uniform(0.5, 12) if rng.random() < 0.75 else rng.uniform(12, 65), 1))
    if kind == "count":
        return Count(rng.choice([rng.randint(2, 16), rng.randint(17, 99), rng.randint(1, 99) * 10,
                                 rng.randint(1, 40) * 100, rng.randint(1, 60) * 1000 + rng.choice([0, 500])]))
    if kind == "year":
        return rng.randint(2015, 2025)
    raise ValueError(kind)


def _detail(name: str, rng: random.Random, frame: Frame) -> object:
    if name == "date":
        y = rng.randint(2015, 2025)
        r = rng.random()
        return Date(y) if r < 0.3 else Date(y, rng.randint(1, 12)) if r < 0.6 else Date(y, rng.randint(1, 12), rng.randint(1, 28))
    if name == "place":
        pool = COUNTRIES if frame.key in ("rate", "change", "election") and rng.random() < 0.7 else PLACES
        return rng.choice(pool)
    raise ValueError(name)


def new_fact(rng: random.Random, frame: Frame | None = None) -> Fact:
    """A random fact with random slot values and a random subset of details."""
    frame = frame or rng.choice(FRAMES)
    values: dict[str, object] = {}
    for slot, kind in frame.slots.items():
        v = _value(kind, rng)
        while v in values.values():
            v = _value(kind, rng)
        values[slot] = v
    details = {d: _detail(d, rng, frame) for d in frame.details if rng.random() < 0.55}
    return Fact(frame, values, details, up=rng.random() < 0.5, template=rng.randrange(8), style=rng.randrange(6))


def render(fact: Fact, lang: str) -> str:
    """The sentence for ``fact`` in ``lang``."""
    f = fact.frame
    pool = (f.fr_neg if lang == "fr" else f.en_neg) if fact.negated else (f.fr if lang == "fr" else f.en)
    tpl = pool[fact.template % len(pool)]
    li = 0 if lang == "fr" else 1
    subs: dict[str, str] = {}
    for slot, kind in f.slots.items():
        v = fact.values[slot]
        if kind in ("amount", "pct", "count"):
            subs[slot] = v.render(lang, fact.style)  # type: ignore[attr-defined]
        elif kind in ("indicator", "event", "goods"):
            subs[slot] = v[li]  # type: ignore[index]
        else:
            subs[slot] = str(v)
    if "event" in f.slots and lang == "fr":
        ev = fact.values["event"][0]  # type: ignore[index]
        subs["event_de"] = "des " + ev[4:] if ev.startswith("les ") else "de l'" + ev[2:] if ev.startswith("l'") else "du " + ev[3:] if ev.startswith("le ") else "de " + ev
    date = fact.details.get("date")
    place = fact.details.get("place")
    subs["date"] = " " + date.render(lang, fact.style) if date else ""  # type: ignore[attr-defined]
    subs["place"] = " " + place[li] if place else ""  # type: ignore[index]
    subs["up"] = UP[lang][0 if fact.up else 1]
    subs["up_noun"] = UP_NOUN[lang][0 if fact.up else 1]
    text = tpl.format(**subs)
    if lang == "fr" and fact.frame.key == "deaths" and not fact.values["event"][0].startswith("les "):  # type: ignore[index]
        text = text.replace(" ont fait ", " a fait ").replace(" n'ont fait ", " n'a fait ")
    return text[0].upper() + text[1:]


# --------------------------------------------------------------------------- perturbations
def _other_number(v: object, rng: random.Random) -> object:
    """A clearly different value of the same kind (digit change, x10 / /10, or fresh)."""
    for _ in range(20):
        if isinstance(v, Amount):
            m = v.millions
            r = rng.random()
            if r < 0.3:  # order of magnitude, or millions <-> milliards
                new = rng.choice([m * 10, m / 10, m / 1000 if m >= 1000 else m * 1000])
            elif r < 0.8:  # one or two significant digits change
                step = 10 ** max(0, len(str(int(m))) - 2)
                new = m + rng.choice([-4, -3, -2, -1, 1, 2, 3, 5]) * step
            else:
                new = rng.choice([m * 2, m / 2, m * 3])
            new = round(new, 1)
            cand: object = Amount(new, v.cur) if new >= 1 else None
            if rng.random() < 0.1:
                cand = Amount(m, "USD" if v.cur == "EUR" else "EUR")
        elif isinstance(v, Pct):
            new = round(v.value + rng.choice([-1, 1]) * rng.choice([0.2, 0.3, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0]), 1)
            cand = Pct(new) if new > 0 else None
        elif isinstance(v, Count):
            n = v.value
            step = 10 ** max(0, len(str(n)) - 2)
            new = rng.choice([n + rng.choice([-3, -2, -1, 1, 2, 4]) * step, n * 10, max(2, n // 10), n * 2])
            cand = Count(int(new)) if new >= 2 else None
        elif isinstance(v, int):  # year
            cand = v + rng.choice([-3, -2, -1, 1, 2])
        else:
            raise TypeError(v)
        if cand is not None and cand != v:
            if isinstance(cand, Amount) and isinstance(v, Amount) and cand.render("fr") == v.render("fr") and cand.cur == v.cur:
                continue
            return cand
    raise RuntimeError(f"no different value for {v!r}")


def _other_date(d: Date, rng: random.Random) -> Date:
    choices = ["year"] + (["month"] if d.month else []) + (["day"] if d.day else [])
    what = rng.choice(choices)
    if what == "year":
        return replace(d, year=d.year + rng.choice([-3, -2, -1, 1, 2]))
    if what == "month":
        return replace(d, month=(d.month - 1 + rng.randint(1, 11)) % 12 + 1)
    return replace(d, day=(d.day - 1 + rng.randint(3, 20)) % 28 + 1)


def _bound(v: object, lang: str, rng: random.Random, true: bool) -> tuple[object, str] | None:
    """A 'more than X' / 'less than X' restatement of a count or amount, true or false."""
    if isinstance(v, Count) and v.value >= 20:
        n = v.value
        lo, hi = Count(_round_down(n)), Count(_round_up(n))
    elif isinstance(v, Amount) and v.millions >= 20:
        lo, hi = Amount(_round_down(v.millions), v.cur), Amount(_round_up(v.millions), v.cur)
    else:
        return None
    more = rng.random() < 0.5
    if more:
        x = lo if true else hi
        word = "plus de" if lang == "fr" else "more than"
    else:
        x = hi if true else lo
        word = "moins de" if lang == "fr" else "less than"
    if x == v:
        return None
    return x, word


def _round_down(n: float) -> float:
    step = 10 ** (len(str(int(n))) - 1)
    r = (int(n) // step) * step
    return r if r < n else r - step // 2 if step >= 2 else r - 1


def _round_up(n: float) -> float:
    step = 10 ** (len(str(int(n))) - 1)
    return (int(n) // step + 1) * step


@dataclass
class Pair:
    premise: str
    hypothesis: str
    label: str
    lang: str
    kind: str


def _mutate(p: Fact, rng: random.Random, hl: str, target: str) -> tuple[Fact, str, dict[str, object]] | None:
    """A hypothesis fact for the wanted label, or None when this premise does not allow it.

    A negated premise ("X did not buy Y in 2023") only allows a paraphrase (entailment), the
    affirmative (contradiction) and another event (neutral): dropping or adding a detail
    under negation does not keep the label.
    """
    h = replace(p, values=dict(p.values), details=dict(p.details), template=rng.randrange(8),
                style=rng.randrange(6))
    f = p.frame
    extra: dict[str, object] = {}
    numeric = [s for s, k in f.slots.items() if k in NUMERIC_KINDS and k != "year"]
    bounded = [s for s in numeric if isinstance(p.values[s], (Count, Amount))]
    entity = [s for s, k in f.slots.items() if k in ENTITY_KINDS]
    date = p.details.get("date")
    if target == "entailment":
        ops = ["paraphrase", "paraphrase"]
        if not p.negated:
            ops += ["drop", "drop"] if p.details else []
            ops += ["coarser"] if isinstance(date, Date) and date.month else []
            ops += ["bound"] if bounded else []
        op = rng.choice(ops)
        if op == "drop":
            del h.details[rng.choice(sorted(h.details))]
        elif op == "coarser":
            h.details["date"] = date.coarser(rng)  # type: ignore[union-attr]
        elif op == "bound":
            slot = rng.choice(bounded)
            b = _bound(p.values[slot], hl, rng, true=True)
            if b is None:
                return None
            extra = {"slot": slot, "value": b[0], "word": b[1]}
        return h, op, extra
    if target == "contradiction":
        ops = ["negation"] * 2 if f.fr_neg else []
        if not p.negated:
            ops += ["number"] * 3 if numeric else []
            ops += ["date"] if date else []
            ops += ["entity"] if entity else []
            ops += ["direction"] * 2 if f.direction else []
            ops += ["bound"] if bounded else []
        if not ops:
            return None
        op = rng.choice(ops)
        if op == "number":
            slot = rng.choice(numeric)
            h.values[slot] = _other_number(p.values[slot], rng)
        elif op == "date":
            h.details["date"] = _other_date(date, rng)  # type: ignore[arg-type]
        elif op == "entity":
            slot = rng.choice(entity)
            v = _value(f.slots[slot], rng)
            while v in p.values.values():
                v = _value(f.slots[slot], rng)
            h.values[slot] = v
        elif op == "negation":
            h.negated = not p.negated
        elif op == "direction":
            h.up = not p.up
        elif op == "bound":
            slot = rng.choice(bounded)
            b = _bound(p.values[slot], hl, rng, true=False)
            if b is None:
                return None
            extra = {"slot": slot, "value": b[0], "word": b[1]}
        if not p.negated and op != "date" and h.details and rng.random() < 0.3:
            del h.details[rng.choice(sorted(h.details))]  # the conflict survives a dropped detail
        return h, op, extra
    ops = ["other_event"]
    if not p.negated:
        missing = [d for d in f.details if d not in p.details]
        ops += ["add"] * 3 if missing else []
        ops += ["finer"] if isinstance(date, Date) and not date.day else []
    op = rng.choice(ops)
    if op == "add":
        d = rng.choice(missing)
        h.details[d] = _detail(d, rng, f)
    elif op == "finer":
        h.details["date"] = date.finer(rng)  # type: ignore[union-attr]
    else:
        other = _related_fact(p, rng)
        if other is None:
            return None
        return other, op, extra
    return h, op, extra


def _related_fact(p: Fact, rng: random.Random) -> Fact | None:
    """Another event sharing an entity with ``p`` (neither entailed nor contradicted)."""
    shared = [(s, v) for s, v in p.values.items() if p.frame.slots[s] in ("org", "person")]
    if not shared:
        return None
    slot_kind = p.frame.slots[shared[0][0]]
    frames = [f for f in FRAMES if f.key != p.frame.key and slot_kind in f.slots.values()]
    frame = rng.choice(frames)
    other = new_fact(rng, frame)
    for s, k in frame.slots.items():
        if k == slot_kind:
            other.values[s] = shared[0][1]
            break
    # keep the same polarity family simple: related facts are affirmative
    return other


def _render_with_bound(fact: Fact, lang: str, extra: dict[str, object]) -> str:
    text = render(fact, lang)
    if not extra:
        return text
    slot = extra["slot"]
    exact = fact.values[slot].render(lang, fact.style)  # type: ignore[attr-defined]
    bound = f"{extra['word']} {extra['value'].render(lang, 0)}"  # type: ignore[attr-defined]
    if exact not in text:
        return text
    out = text.replace(exact, bound, 1)
    return out[0].upper() + out[1:]


def generate_pairs(n: int, seed: int = 0, langs: tuple[str, ...] = LANGS,
                   cross_lingual: float = 0.1) -> list[Pair]:
    """``n`` labelled pairs, balanced over the three labels, deterministic for a seed."""
    rng = random.Random(seed)
    labels = ("entailment", "neutral", "contradiction")
    out: list[Pair] = []
    while len(out) < n:
        target = labels[len(out) % 3]
        p = new_fact(rng)
        if p.frame.fr_neg and rng.random() < 0.12:
            p.negated = True
        pl = rng.choice(langs)
        hl = rng.choice([x for x in langs if x != pl]) if len(langs) > 1 and rng.random() < cross_lingual else pl
        got = _mutate(p, rng, hl, target)
        if got is None:
            continue
        h, op, extra = got
        premise = render(p, pl)
        hypothesis = _render_with_bound(h, hl, extra)
        if target != "entailment" and premise == hypothesis:
            continue
        out.append(Pair(premise, hypothesis, target, pl if pl == hl else f"{pl}-{hl}", op))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=12)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    pairs = generate_pairs(args.n, args.seed)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            for p in pairs:
                fh.write(json.dumps(p.__dict__, ensure_ascii=False) + "\n")
    else:
        for p in pairs:
            print(f"[{p.label}/{p.kind}/{p.lang}]\n  P: {p.premise}\n  H: {p.hypothesis}")


if __name__ == "__main__":
    main()
