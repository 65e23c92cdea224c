"""Built-in claim kinds and their rule cues (French and English).

A claim kind says what a figure or an event is about. Rules pick a kind from cue words near
the figure; the NLI layer can type claims that no cue covers (zero-shot entailment), and users
can add kinds in a config file (see `claims.nli.kinds`).
"""
from __future__ import annotations

import re

# Kinds whose value is a flow over a period (a dated figure is a tranche) versus a stock
# measured at a point in time.
FLOW_KINDS = {"investment", "funding", "revenue", "acquisition", "profit", "loss"}
STOCK_KINDS = {"valuation", "count", "casualties", "percentage", "quantity", "market_share", "unemployment_rate",
               "inflation", "interest_rate", "margin", "vote_share", "turnout", "stake", "budget", "job_cuts", "headcount", "seats", "fine",
               "aid", "unit_price", "age"}
# A money figure per share, per unit or per barrel is a price, never comparable with a total.
PER_UNIT_AFTER = re.compile(
    r"^\s*(?:(?:a|per|each|by|la|le|l['’]|par|por|pro|per|cada)\s+)?(?:share|action|unit|unité|barrel|baril|barril|tonne|ton|kilo|kg|litre|liter|mwh|kwh|head|tête|acción|Aktie|azione|ação)s?\b"
    r"|^\s*/\s*(?:share|action|unit|mwh|kwh|t|kg|l|bbl)\b|^\s*(?:apiece|each|chacune?|pièce|cada (?:una?|acción)|ciascun[oa]|cadauna|l['’]una|pro Stück|je Aktie|pro Aktie|pro Stück)\b",
    re.I,
)
# Who gives a figure: "X said N", "N, X said", "selon X", "X a indiqué".
SAYS_RE = re.compile(
    r"(?P<who>(?:the\s+|la\s+|le\s+|les\s+|l['’])?[\w'’-]+(?:\s+[\w'’-]+){0,2}?)\s+"
    r"(?:said|says|claimed|claims|counted|estimated|estimates|reported|put the (?:figure|number|toll)|a déclaré|a indiqué|a affirmé|a annoncé|"
    r"affirme|estime|revendique|a compté|dénombre|recense|selon qui)\b",
)
# Words naming an authority (the one who fines, rules or investigates, not the one fined).
AUTHORITY_RE = re.compile(
    r"(?:commission|tribunal|cour\b|court|justice|autorité|authority|régulateur|regulator|gendarme|ministère|ministry|"
    r"^(?:ue|eu|ftc|sec|doj|cnil|cma|arcep|amf|bce|ecb|fed)$|bruxelles|brussels|washington|gouvernement|government|parquet|prosecutor)",
    re.I,
)
ONE_OFF_KINDS = {"acquisition", "transfer_fee", "prison_term", "contract_length"}  # a deal has one price: its figures compare whatever the dates
# durations of one decision, in months: a prison sentence, a contract's length ("six years and
# four months in prison", "a five-year contract"); the cue nearest the duration decides
DURATION_CUES: dict[str, re.Pattern] = {
    # a prison term: the prison word right after the duration ("three years in prison", "6 anni di
    # reclusione", "acht Jahren Haft"), or a sentencing verb right before it ("sentenced to nine months")
    "prison_term": re.compile(r"^\s*(?:[\w'’]+\s+){0,3}?(?:prison|jail|imprisonment|behind\s+bars|réclusion|détention|emprisonnement|"
                              r"prisión|cárcel|Haft|Freiheitsstrafe|Gefängnis\w*|carcere|reclusione|detenzione)(?![\w-])"
                              r"|(?:sentenced|condamnée?s?|condannat[oaie]|verurteilt|condenad[oa]s?|handed|jailed|imprisoned)\s+"
                              r"(?:[\w'’]+\s+){0,2}?$", re.I),
    "contract_length": re.compile(r"(?<![\w-])(?:contracts?|contrats?|contratos?|contratt[oi]|Vertrag\w*|Kontrakt\w*)(?![\w-])"
                                  r"|(?<=-year\s)(?:deal|pact|extension)\b", re.I),  # "a four-year deal"
}
DURATION_MONTHS = {"year": 12, "years": 12, "an": 12, "ans": 12, "annee": 12, "annees": 12, "anno": 12, "anni": 12, "ano": 12, "anos": 12,
                   "jahr": 12, "jahre": 12, "jahren": 12, "month": 1, "months": 1, "mois": 1, "mes": 1, "meses": 1, "monat": 1,
                   "monate": 1, "monaten": 1, "mese": 1, "mesi": 1}
GENERIC_KINDS = {"quantity", "percentage", "change_rate"}  # no (complete) measure known: never grouped
EVENT_KINDS = {"founding", "partnership_start", "partnership_end", "board_change", "leadership_change", "regulatory_action"}
# one-off events whose claim is their date (claims/data/dated_events.json): two reports of one
# with dates that cannot overlap conflict
def _dated_kinds() -> dict[str, str]:
    import json
    from importlib import resources

    data = json.loads(resources.files("claims").joinpath("data/dated_events.json").read_text(encoding="utf-8"))
    return {k: v.get("topic", k) for k, v in data.items() if not k.startswith("_")}


DATED_TOPICS = _dated_kinds()  # kind -> what it is the date of, in explanations
DATED_KINDS = set(DATED_TOPICS)
EVENT_KINDS |= DATED_KINDS
# events of a post held by a person (a board seat, an executive post): who leaves, keeps or takes it
POST_KINDS = {"board_change", "leadership_change"}
# who holds a post that one person holds at a time (claims/data/posts.json, claims.posts):
# grouped by the post within one story; two holders named for it in one news cycle conflict
HOLDER_KINDS = {"office_holder"}
EVENT_KINDS |= HOLDER_KINDS
# the time of day an incident happened (claims/data/clock.json, claims.recognize.clock): grouped
# within one story; two times that cannot overlap conflict
CLOCK_KINDS = {"time_of_day"}
SYMMETRIC_KINDS = {"partnership_start", "partnership_end"}
# Measures of an event whose entities are no role (a toll: the city is where, not who): grouped by
# kind and measure across articles, told apart by the event's date (see claims.crosscheck).
ROLELESS_KINDS = {"casualties"}
OTHER_EVENT = "detail: other event"  # the predicate of a figure placed in other events than the article's ("in other shootings")


def is_detail(predicate: str | None) -> bool:
    """A figure of the story ("detail") or of other events: never an article's toll."""
    return (predicate or "").startswith("detail")
# every built-in kind (users may add more through the NLI kinds file)
def _stance_kinds() -> dict[str, str]:
    import json
    from importlib import resources

    data = json.loads(resources.files("claims").joinpath("data/stances.json").read_text(encoding="utf-8"))
    return {k: (v.get("topic", k), v.get("conflict", "any")) for k, v in data["kinds"].items()}


# yes-or-no facts of a story (claims/data/stances.json: an arrest happened or not)
_STANCES = _stance_kinds()
STANCE_TOPICS = {k: t for k, (t, _) in _STANCES.items()}
STANCE_CONFLICT = {k: c for k, (_, c) in _STANCES.items()}  # "negative_later" or "any"
STANCE_KINDS = set(STANCE_TOPICS)
EVENT_KINDS |= STANCE_KINDS
# kinds grouped by what they measure and their predicate, never by the names around them
UNNAMED_KINDS = ROLELESS_KINDS | DATED_KINDS | HOLDER_KINDS | CLOCK_KINDS | STANCE_KINDS
CLAIM_KINDS = sorted(FLOW_KINDS | STOCK_KINDS | EVENT_KINDS | ONE_OFF_KINDS | GENERIC_KINDS | CLOCK_KINDS)



def _rx(words: list[str]) -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])", re.I)


# Verbs that revise a figure ("ramené de X à Y", "trimmed to Y from X"): the 'from' figure is the earlier one.
REVISION_VERBS = _rx([r"ramen\w+", r"rédui\w+", r"abaiss\w+", r"relev\w+", r"rehauss\w+", r"port(?:é|ée|és|ées|er|e)", r"revu\w*", r"révis\w+",
                      r"pass(?:é|ée|er|e) de", r"trimm\w+", r"cut", r"cuts", r"reduc\w+", r"lower\w*", r"rais(?:ed|es)", r"increas\w+", r"revis\w+", r"slash\w+"])

# Cues for value claims (money, percentages, counts): the nearest cue in the clause wins.
VALUE_CUES: dict[str, re.Pattern] = {
    "investment": _rx([
        r"invest\w*", r"inject\w*", r"injection", r"mise de fonds", r"implication financière",
        r"apport(?:é|e|er|s)?", r"engag(?:é|ée|er|ement) financi\w+", r"pump(?:ed|s|ing)?", r"pour(?:ed|s|ing)", r"stake", r"participation",
        r"plac(?:é|er) (?:dans|chez)",
        # es / it / pt / de
        r"inversi(?:ón|ones)", r"invert\w+", r"invirti\w*", r"investimento", r"investir\w*", r"investier\w*", r"Investition\w*", r"Beteiligung",
    ]),
    "valuation": _rx([
        r"valoris\w*", r"valu(?:ed|es|ing)", r"valuation", r"worth", r"capitalisation boursière", r"market (?:cap|capitalization|value)",
        r"valoraci(?:ón|ones)", r"valorad[ao]", r"valutazione", r"valutat[ao]", r"Bewertung", r"bewertet",
    ]),
    "revenue": _rx([
        r"chiffre d['’]affaires", r"revenus?", r"recettes", r"ventes", r"revenues?", r"sales", r"turnover",
        r"ingresos", r"facturaci(?:ón)", r"factur(?:ó|a)", r"ricavi", r"fatturato", r"receitas?", r"fatura(?:mento|ção)", r"Umsatz\w*", r"Erlös\w*",
    ]),
    "funding": _rx([
        r"l[eè]v(?:ée?s?|er|e|es|ent|ait|aient|ant)(?:\s+de\s+fonds)?", r"tour de table", r"financement", r"rais(?:e|es|ed|ing)", r"funding(?: round)?",
        r"série [A-F]", r"series [A-F]", r"ronda de financiación", r"recaud\w+", r"Finanzierungsrunde", r"raccolt[oa]",
    ]),
    "acquisition": _rx([
        r"rach(?:at|ats|ète|ètent|eté|etée|eter|etait|etant)", r"acqu[iéeè]\w+", r"acquisition", r"buyout", r"takeover", r"achet\w+", r"bought", r"buys?", r"buying",
        r"purchas\w+", r"s['’]offr\w+", r"débours\w+", r"cession", r"céd(?:é|er|e|ant)", r"vend(?:u|re|ra)", r"vente", r"sold", r"sells?", r"sale", r"selling",
        r"adquisici(?:ón)", r"adquiri\w+", r"compra\w*", r"acquisizione", r"acquist\w+", r"Übernahme", r"übernimmt", r"übernommen", r"kauft\w*", r"gekauft",
    ]),
    "budget": _rx([
        r"budgets?", r"enveloppes?", r"crédits", r"dotations?", r"fonds (?:de|pour)", r"plan d['’]investissement", r"earmarked", r"allocat\w+",
        r"presupuesto", r"Haushalt\w*", r"stanziament\w+",
    ]),
    "aid": _rx([
        r"aides?", r"aid", r"package", r"pledge[sd]?", r"assistance", r"plan d['’]aide", r"plan de soutien", r"soutien financier",
        r"ayuda", r"Hilfe\w*", r"Hilfspaket", r"aiuti", r"ajuda",
    ]),
    "fine": _rx([
        r"amendes?", r"pénalités?", r"sanctions? financières?", r"condamn\w*\b[^.;]{0,60}?\bà (?:payer|verser)", r"ordered\b[^.;]{0,40}?\bto pay", r"condenad\w*\b[^.;]{0,60}?\ba pagar",
        r"condannat\w*\b[^.;]{0,60}?\ba pagare", r"zur Zahlung", r"astreinte", r"fined?", r"fines", r"penalt(?:y|ies)",
        r"multas?", r"Geldstrafe", r"Bußgeld", r"sanzione",
    ]),
    "transfer_fee": _rx([r"transferts?", r"indemnités? de transfert", r"transfer(?: fee)?s?", r"fichaje", r"traspaso", r"Ablöse\w*", r"cartellino"]),
    "profit": _rx([r"bénéfices?", r"profits?", r"net income", r"résultat net", r"beneficios?(?: neto)?", r"ganancias?", r"utile(?: netto)?", r"lucro", r"Gewinn\w*", r"Nettogewinn", r"Reingewinn",
                        # the bottom line: "Überschuss", "unter dem Strich", "bottom line", "utile netto"
                        r"Überschuss\w*", r"Jahresüberschuss", r"Konzernergebnis", r"unter dem Strich", r"bottom line", r"earnings",
                        r"résultat net part du groupe", r"utili", r"resultado neto"]),
    "loss": _rx([r"pertes?", r"loss(?:es)?", r"déficit", r"pérdidas?", r"perdite", r"prejuízo", r"Verlust\w*"]),
    "casualties": _rx([
        r"morts?", r"tuée?s?", r"blessée?s?", r"victimes?", r"décès", r"décédée?s?", r"killed", r"dead", r"deaths?", r"injured", r"casualties",
        r"muertos?", r"fallecid[oa]s?", r"heridos?", r"morti", r"feriti", r"Tote", r"Todesopfer", r"Verletzte",
    ]),
}
# Cues for counts (the nearest cue in the clause wins); counts with none are generic counts.
COUNT_CUES: dict[str, re.Pattern] = {
    "casualties": None,  # filled below from VALUE_CUES
    "job_cuts": _rx([
        r"suppressions?", r"supprim\w+", r"licenci\w+", r"plans? sociaux?", r"plan social", r"départs? volontaires?",
        r"job cuts?", r"layoffs?", r"lay(?:ing)? off", r"laid off", r"cut(?:s|ting)?", r"despidos?", r"Stellenabbau", r"streich\w+",
    ]),
    "headcount": _rx([r"effectifs?", r"emplo(?:ie|ient|yait|yant)", r"compte\s+\w+\s+salariés", r"employs", r"employees", r"workforce", r"headcount", r"plantilla", r"Beschäftigte", r"beschäftigt", r"zählt\s+\w+\s+Mitarbeiter", r"emplea\w*", r"impiega\w*", r"dà lavoro a", r"da empleo a"]),
    "seats": _rx([r"sièges?", r"seats?", r"élus", r"escaños", r"Sitze"]),
}
COUNT_CUES["casualties"] = VALUE_CUES["casualties"]
# Units that make a count about jobs (one measure, whatever word the article uses).
JOB_UNITS = {"poste", "emploi", "salarié", "salariée", "employé", "employée", "collaborateur", "collaboratrice", "job", "employee", "worker",
             "position", "empleo", "empleado", "trabajador", "stelle", "arbeitsplatz", "mitarbeiter", "mitarbeitende", "mitarbeitenden",
             "beschäftigte", "beschäftigten", "dipendente", "dipendenti", "lavoratore", "lavoratori", "addetto", "addetti",
             "role", "post", "staff", "staffer", "puesto", "plaza", "posto", "posti", "arbeitsplätze", "stellen", "jobs"}


def is_job_unit(unit: str) -> bool:
    """Whether a counted noun (any case, singular or plural) is a job or an employee."""
    u = unit.casefold()
    return u in JOB_UNITS or u.rstrip("s") in JOB_UNITS or u.rstrip("sn") in JOB_UNITS
# Counted nouns that are durations or ages: not checkable counts.
DURATION_UNITS = {"uhr", "o'clock", "an", "année", "mois", "semaine", "jour", "heure", "minute", "seconde", "siècle", "décennie", "point",
                  "year", "month", "week", "day", "hour", "minute", "second", "decade", "century", "año", "mes", "día", "Jahr", "Monat", "Tag"}
# Cues that a figure is an earlier one, superseded by a later figure ("initialement", "au départ").
EARLIER_CUES = _rx([r"initialement", r"au départ", r"à l['’]origine", r"dans un premier temps", r"auparavant", r"précédemment",
                    r"initially", r"originally", r"previously", r"at first", r"inicialmente", r"ursprünglich", r"inizialmente",
                    # a figure of the previous period ("l'an dernier", "im Vorjahresquartal", "a year earlier")
                    r"l['’]an(?:née)? (?:dernier|dernière|précédente?)", r"un an plus tôt", r"(?:last|previous|prior) year", r"a year (?:earlier|before|ago)",
                    r"year-(?:earlier|ago)", r"prior-year", r"Vorjahr\w*", r"im Vorjahres\w*", r"año (?:anterior|pasado)", r"ejercicio anterior",
                    r"anno (?:precedente|scorso)", r"l['’]anno scorso", r"esercizio precedente"])
# "Back then": every figure after it in its sentence (up to a "now" word or a semicolon) is one
# of an earlier event the article recalls ("Damals fielen 180 Flüge aus, rund 21.000 Passagiere saßen fest").
THEN_CUES = _rx([r"damals", r"seinerzeit", r"à l['’]époque", r"back then", r"en aquel (?:momento|entonces)", r"en aquella ocasión",
                 r"all['’]epoca", r"a quel tempo", r"naquela altura"])
# The pluperfect right before a figure ("il avait parcouru 1 400 hectares", "had burned 1,400
# acres", "había afectado a", "hatte ... erreicht", "aveva bruciato"): a state before the one the
# article reports, an earlier figure (auxiliary, participle, then at most two words)
PLUPERFECT_BEFORE = re.compile(
    r"(?<![\w-])(?:avait|avaient|had|había|habían|hatte|hatten|aveva|avevano)\s+(?:été\s+|been\s+|sido\s+|stato\s+|stati\s+)?"
    r"(?!\d)[^\W\d]+\s+(?:[^\W\d]+\s+){0,2}$", re.I)
# Election rounds: figures of different rounds measure different things.
ROUND_CUES: list[tuple[str, re.Pattern]] = [
    ("round 1", _rx([r"premier tour", r"1er tour", r"first round", r"primera vuelta", r"primo turno", r"erste[nrm]? Wahlgang\w*"])),
    ("round 2", _rx([r"second tour", r"deuxième tour", r"2e tour", r"2nd tour", r"second round", r"run-?off", r"segunda vuelta", r"ballottaggio",
                     r"secondo turno", r"Stichwahl", r"zweite[nrm]? Wahlgang\w*"])),
]

# Cues that veto a kind (a share buyback is not an acquisition).
NEGATIVE_CUES: dict[str, re.Pattern] = {
    "acquisition": _rx([r"rachats? d['’]actions", r"share buybacks?", r"buy ?backs?", r"stock repurchases?", r"recompra de acciones", r"Aktienrückk\w+"]),
}
# Percentages: what is measured, from the words around the figure.
PERCENT_MEASURES: list[tuple[str, re.Pattern]] = [
    ("vote_share", _rx([r"des voix", r"des suffrages", r"des votes", r"of the vote", r"of votes", r"de los votos", r"der Stimmen", r"dei voti"])),
    ("market_share", _rx([r"parts? de marché", r"market shares?", r"cuota de mercado", r"quota di mercato", r"Marktanteil\w*"])),
    ("change_rate", _rx([
        r"hausse", r"baisse", r"augment\w+", r"recul\w*", r"progress\w+", r"croissance", r"chut\w+", r"grimp\w+", r"bond\w*", r"diminu\w+",
        r"rise", r"rose", r"risen", r"fell", r"fall(?:s|en)?", r"drop\w*", r"increas\w+", r"decreas\w+", r"grow\w*", r"growth", r"gain\w*", r"declin\w+", r"jump\w*", r"up", r"down",
        r"aument\w+", r"subi\w+", r"caíd[ao]", r"crecimiento", r"Anstieg", r"gestiegen", r"Rückgang", r"gesunken",
    ])),
    ("turnout", _rx([r"taux de participation", r"participation (?:s['’]établit|atteint|est de|a été de|de)", r"participation (?:au|du) (?:premier|second|deuxième|1er|2e) tour", r"turnout", r"abstention", r"participación", r"Wahlbeteiligung", r"affluenza",
                     # a share of the electorate ("ha votato il 41,7 % degli aventi diritto")
                     r"des (?:électeurs )?inscrits", r"du corps électoral", r"of (?:the )?(?:eligible|registered) voters", r"of the electorate",
                     r"del censo", r"del electorado", r"der Wahlberechtigten", r"degli aventi diritto", r"dell['’]elettorato"])),
    ("unemployment_rate", _rx([r"taux de chômage", r"unemployment rate", r"tasa de paro", r"tasa de desempleo", r"Arbeitslosenquote"])),
    ("inflation", _rx([r"inflation", r"inflación", r"inflazione", r"Inflation"])),
    ("interest_rate", _rx([r"taux directeur", r"taux d['’]intérêt", r"interest rates?", r"policy rate", r"tipos? de interés", r"Leitzins"])),
    ("margin", _rx([r"marge", r"margin", r"margen"])),
]
# Cues that a figure is one part (a round, a tranche) even without a date.
TRANCHE_CUES = _rx([r"tour de table", r"levée de fonds", r"tranche", r"round", r"series [A-F]", r"série [A-F]", r"ronda", r"Finanzierungsrunde"])
# Cues that a figure is one part of a whole ("includes 200 million for energy", "dont 50 millions").
PART_CUES = _rx([r"dont", r"including", r"includes?", r"included", r"comprend", r"comprenant", r"inclut", r"incluant",
                 r"of which", r"among which", r"parmi lesquels", r"incluye", r"incluido", r"darunter", r"di cui",
                 # the fixed part of a fee, before add-ons
                 r"part(?:ie)? fixe", r"fixed(?: fee| part)?", r"parte fija", r"fijos", r"parte fissa", r"feste[nr]? (?:Ablöse|Anteil)", r"Sockelbetrag"])
# A figure of one site of an organisation ("alle 1150 Beschäftigten des Standorts", "120 workers
# were on site"): a part of the organisation's figure
SITE_CUES = _rx([r"des Standorts", r"am Standort", r"im Werk", r"des Werks", r"at the (?:plant|site|factory|mine)", r"on site",
                 r"du site", r"sur (?:le )?site", r"de l['’]usine", r"à l['’]usine", r"sur place", r"de la planta", r"en la planta",
                 r"de la fábrica", r"dello stabilimento", r"nello stabilimento", r"nel sito"])
# Cues that a stock figure is provisional (a toll that may still rise).
PROVISIONAL_CUES = _rx([r"provisoire", r"à ce stade", r"pour l['’]instant", r"so far", r"at least", r"au moins", r"preliminary", r"por ahora", r"vorläufig"])
# Claims about intentions or talks state no fact yet.
PROSPECTIVE_CUES = _rx([
    r"en discussions?", r"en négociations?", r"négocie\w*", r"prévoi\w+", r"envisag\w+", r"projet\w* de", r"compte\s+\w+er", r"devrait", r"devraient",
    r"in talks", r"plans? to", r"planning to", r"is set to", r"aims? to", r"expect\w* to", r"considering", r"would", r"intends? to", r"proposed", r"en conversaciones", r"planea",
])
# Forecasts, targets and expectations in a figure's clause: a figure that is not (yet) a fact.
# Nouns count only before the figure ("relève son objectif à 9,6 milliards"; not "45 millions
# liés à des objectifs sportifs"); verbs anywhere in the clause ("mit 1,82 Milliarden gerechnet").
FORECAST_NOUNS = _rx([
    r"objectifs?", r"prévisions?", r"forecasts?", r"guidance", r"outlook", r"targets?", r"estimates?", r"objetivos?", r"previsi(?:ón|ones|one|oni)",
    r"obiettiv[oi]", r"Prognose\w*", r"Ziel\w*", r"Ausblick",
])
FORECAST_VERBS = _rx([
    r"prévu\w*", r"attendu\w*", r"anticip\w+", r"expects?", r"expected", r"projected", r"prev(?:é|én|ede|edono)", r"esperad[oa]s?", r"attes[oa]",
    r"erwarte\w*", r"gerechnet",
])
# Named funding rounds ("la série B", "Series C", "ronda de serie A", "seed"): the round is what a figure is of.
FUNDING_ROUND = re.compile(r"(?<![\w-])(?:s[ée]ries?|serie|round|ronda|Runde)\s+([A-H])(?![\w-])|(?<![\w-])(seed|pre-seed|amorçage|semilla)(?![\w-])", re.I)
REPORTING_BEFORE = re.compile(
    r"(?:annonc\w+|indiqu\w+|déclar\w+|publi\w+|précis\w+|affirm\w+|confirm\w+|rapport\w+|expliqu\w+|said|says|announced|told|reported|confirmed|stated|explained)"
    r"\s+(?:\w+\s+){0,2}$",
    re.I,
)

# an executive post, and "at the head of" (the post a 'keep' verb says is kept)
_POST = (r"(?<![\w-])(?:direct(?:eur|rice)\s+génér\w+|direction\s+générale|PDG|p\.-d\.g\.|président(?:e)?[- ]directeur|"
         r"patron(?:ne)?\s+(?:de|du|des|d['’])|"  # "la patronne de Maison Corbière" (not "the patrons", "a patron saint")
         r"CEO|chief\s+executive(?:\s+officer)?|managing\s+director|consejer[oa]\s+delegad[oa]|director[a]?\s+general|"
         r"Vorstands(?:chef\w*|vorsitz\w*)|Geschäftsführ\w+|Konzernchef\w*|amministrat(?:ore|rice)\s+delegat[oa]|direttore\s+generale)(?![\w-])")
_HELM = r"(?:à\s+la\s+tête|aux\s+commandes|at\s+the\s+helm|al\s+frente|an\s+der\s+Spitze|alla\s+guida|al\s+timone)"

# Event cues: (kind, trigger regex, direction) — direction distinguishes opposite events
# of the same kind (leaving vs joining a board) so that they can conflict.
EVENT_CUES: list[tuple[str, re.Pattern, str]] = [
    ("founding", _rx([r"fondée?s? en", r"créée?s? en", r"fondée?s? par", r"créée?s? par", r"founded", r"established in", r"co-?fondée?",
                      r"fundad[ao] en", r"fondata nel", r"gegründet"]), "create"),
    ("board_change", re.compile(
        r"(?:(?:renon\w+|retir\w+|quitt\w+|abandon\w+|céd\w+|démission\w+|gave up|give up|giving up|leav\w+|left|step(?:ped|s)? down|relinquish\w*|withdr\w+)"
        r"[^.;]{0,60}?(?:siège|poste|board|conseil|seat))|(?:(?:siège|seat)[^.;]{0,40}?(?:abandonn\w+|retir\w+|renon\w+|given up|relinquished))"
        # es / de / it / pt
        r"|(?:(?:renunci\w+|abandon\w+|dej\w+|dimit\w+|verl(?:ässt|ieß|assen)|gibt\s+\w+\s+Sitz|aufgegeben|zurückgetreten|tritt\s+\w+\s+zurück|lasci\w+|rinunci\w+|dimess\w+|deix\w+)"
        r"[^.;]{0,60}?(?:consejo|asiento|Aufsichtsrat|Vorstand|Verwaltungsrat|Sitz|consiglio|seggio|conselho))", re.I), "exit"),
    ("board_change", re.compile(
        r"(?:(?:conserv\w+|gard\w+|kept|keeps?|keeping|retain\w*|remain\w*|rest\w+ (?:membre|au)|stays?|stayed|siég\w+|sat|sits|sitting)"
        r"[^.;]{0,60}?(?:siège|board|conseil|seat))", re.I), "keep"),
    ("board_change", re.compile(
        r"(?:(?:obt\w+|rejoin\w+|entr\w+ au|gagn\w+|récupér\w+|join\w*|gain\w*|obtain\w*|took|take|nommée? au|appointed to|elected to)"
        r"[^.;]{0,60}?(?:siège|board|conseil d['’]administration|seat))", re.I), "enter"),
    # an executive post (chief executive, directeur général, consejero delegado, Vorstandschef,
    # amministratore delegato): leaving it, keeping it, taking it
    ("leadership_change", re.compile(
        r"(?<![\w-])(?:démission\w*|quitt\w+|quitte|step(?:s|ped|ping)?\s+down|resign\w*|leav(?:es|ing)|left|ousted|"
        r"dimit\w+|renunci\w+|abandon\w+|tritt\w*\s+(?:\w+\s+){0,3}?zurück|zurückgetreten|verl(?:ässt|ieß|assen)|dimess\w+|dimett\w+|lascia\w*)"
        r"[^.;]{0,60}?" + _POST + r"|" + _POST + r"[^.;]{0,40}?(?:démission\w*|steps?\s+down|resign\w*|dimite|zurück(?:getreten)?|si\s+dimette)", re.I), "exit"),
    ("leadership_change", re.compile(
        r"(?<![\w-])(?:rest(?:e|era|ent|eront)|demeur\w+|remain\w*|stays?|staying|stay\s+on|sigue|seguirá|permanec\w+|continuará|"
        r"bleibt|resta|resterà|rimane|rimarrà)\s+(?:\w+\s+){0,3}?(?:" + _HELM + r"|" + _POST + r")", re.I), "keep"),
    ("leadership_change", re.compile(
        r"(?<![\w-])(?:nommée?s?|appointed|named|prend(?:ra)?\s+la\s+tête|takes?\s+over|took\s+over|nombrad[oa]|ernannt|nominat[oa])"
        r"[^.;]{0,40}?" + _POST, re.I), "enter"),
    ("partnership_start", re.compile(
        r"(?:(?:collaboration|partenariat|alliance|relation|partnership|collaboration)[^.;]{0,80}?(?:a débuté|a commencé|débute|commence|est née|a été lancée?|remonte|began|started|began in|dates back))"
        r"|(?:(?<![\w-])(?:annonç\w+|annonc(?:e|é|ée|ent|er|ait)|noué|nouent|nouer|lancé|lancent|lancer|signé|signe|signent|signer|conclu|concluent|announc(?:e|ed|es|ing)|formed|launched|signed|struck|sealed)(?![\w-])"
        r"[^.;]{0,120}?(?:un |a |an )(?:\w+ ){0,2}?(?:partenariat|alliance|partnership|accord de partenariat))"
        r"|(?:depuis \d{4}[^.;]{0,80}?(?:relation|collaboration|partenariat|alliance|lien))"
        r"|(?:since \d{4}[^.;]{0,80}?(?:relationship|collaboration|partnership|alliance))"
        r"|(?:(?:colaboración|asociación|alianza|Partnerschaft|Zusammenarbeit|collaborazione|partnership|parceria)[^.;]{0,80}?"
        r"(?:comenzó|empezó|inició|begann|startete|iniziata|iniziò|cominciata|começou|teve início))"
        r"|(?:(?:desde|seit|dal|desde) \d{4}[^.;]{0,80}?(?:colaboración|asociación|alianza|relación|Partnerschaft|Zusammenarbeit|Beziehung|collaborazione|rapporto|parceria|relação))", re.I), "start"),
    ("partnership_end", re.compile(
        r"(?:(?:mis fin|met fin|mettre fin|rompu|rompt|a pris fin|prend fin|terminé|dissous|ended|terminated|broke up|split)[^.;]{0,60}?(?:partenariat|collaboration|alliance|accord|partnership))"
        r"|(?:(?:partenariat|collaboration|alliance|partnership)[^.;]{0,60}?(?:a pris fin|prend fin|ended|terminated|rompu))", re.I), "end"),
    ("regulatory_action", re.compile(
        r"(?:(?:Commission européenne|autorité[s]? de (?:la )?concurrence|FTC|CMA|DOJ|régulateur\w*|regulators?|antitrust|gendarme)"
        r"[^.;]{0,80}?(?:examin\w+|enquêt\w+|ouvr\w+ une enquête|sanctionn\w+|amend\w+|condamn\w+|investigat\w+|prob\w+|fined?|scrutin\w+|review\w*))", re.I), "act"),
]

# Cues that a figure is a cumulative total.
CUMULATIVE_CUES = _rx([
    r"au total", r"en tout", r"cumul\w*", r"total", r"jusqu['’]à présent", r"à ce jour", r"à date",
    r"so far", r"to date", r"in total", r"altogether", r"overall", r"all told",
    r"investissements", r"investments", r"financements", r"apports",
    r"en total", r"en conjunto", r"hasta ahora", r"hasta la fecha", r"insgesamt", r"bislang", r"bisher", r"alles in allem",
    r"in totale", r"complessivamente", r"nel complesso", r"finora", r"fino ad oggi", r"em total", r"até agora",
])

ATTRIBUTION_RE = re.compile(
    r"(?:selon|d['’]après|according to)\s+(?P<who>(?:des |les |la |le |l['’]|une |un |the |a )?[\w'’\- ]{2,50}?)(?=[,.;:]|$| qui | that )",
    re.I,
)
NEGATION_RE = re.compile(
    r"(?:\bn['’]|\bne\s)\s*(?:\w+\s+){0,3}?(?:pas|plus|jamais|point)\b|\bnot\b|n't\b|\bnever\b|\bno longer\b|\bsans\b|\bdémenti\w*|\bdenied\b|\bdenies\b",
    re.I,
)
ANAPHORIC_START = re.compile(r"^\s*(?:cette|ce|cet|ces|celle-ci|celui-ci|this|these|that|such)\b", re.I)
