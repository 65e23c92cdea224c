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
STOCK_KINDS = {"valuation", "count", "casualties", "percentage", "quantity"}
EVENT_KINDS = {"founding", "partnership_start", "partnership_end", "board_change", "regulatory_action", "acquisition_event"}
SYMMETRIC_KINDS = {"partnership_start", "partnership_end"}

CLAIM_KINDS = sorted(FLOW_KINDS | STOCK_KINDS | EVENT_KINDS)


def _rx(words: list[str]) -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])", re.I)


# Cues for value claims (money, percentages, counts): the nearest cue in the clause wins.
VALUE_CUES: dict[str, re.Pattern] = {
    "investment": _rx([
        r"invest\w*", r"inject\w*", r"injection", r"mise de fonds", r"implication financière",
        r"apport(?:é|e|er|s)?", r"engag(?:é|ée|er|ement) financi\w+", r"pump(?:ed|s|ing)?", r"pour(?:ed|s|ing)", r"stake", r"participation",
        r"plac(?:é|er) (?:dans|chez)",
    ]),
    "valuation": _rx([r"valoris\w*", r"valued", r"valuation", r"valorisation", r"worth", r"capitalisation boursière", r"market (?:cap|value)"]),
    "revenue": _rx([r"chiffre d['’]affaires", r"revenus?", r"recettes", r"ventes", r"revenues?", r"sales", r"turnover"]),
    "funding": _rx([r"lev(?:ée|é|er|e|ait) (?:de fonds)?", r"tour de table", r"financement", r"raised?", r"raising", r"funding(?: round)?", r"série [A-F]", r"series [A-F]"]),
    "acquisition": _rx([r"rach\w+", r"acqui\w+", r"acquisition", r"buyout", r"takeover", r"achet\w+", r"bought", r"buys?"]),
    "profit": _rx([r"bénéfices?", r"profits?", r"net income", r"résultat net"]),
    "loss": _rx([r"pertes?", r"losses?", r"déficit"]),
    "casualties": _rx([r"morts?", r"tués?", r"blessés?", r"victimes?", r"décès", r"killed", r"dead", r"deaths?", r"injured", r"casualties"]),
}

# Event cues: (kind, trigger regex, direction) — direction distinguishes opposite events
# of the same kind (leaving vs joining a board) so that they can conflict.
EVENT_CUES: list[tuple[str, re.Pattern, str]] = [
    ("founding", _rx([r"fondée?s? en", r"créée?s? en", r"fondée?s? par", r"créée?s? par", r"founded", r"established in", r"co-?fondée?"]), "create"),
    ("board_change", re.compile(
        r"(?:(?:renon\w+|retir\w+|quitt\w+|abandon\w+|céd\w+|démission\w+|gave up|give up|giving up|leav\w+|left|step(?:ped|s)? down|relinquish\w*|withdr\w+)"
        r"[^.;]{0,60}?(?:siège|poste|board|conseil|seat))|(?:(?:siège|seat)[^.;]{0,40}?(?:abandonn\w+|retir\w+|renon\w+|given up|relinquished))", re.I), "exit"),
    ("board_change", re.compile(
        r"(?:(?:obt\w+|rejoin\w+|entr\w+ au|gagn\w+|conserv\w+|gard\w+|récupér\w+|join\w*|kept|keeps?|retain\w*|gain\w*|obtain\w*|took|take)"
        r"[^.;]{0,60}?(?:siège|board|conseil d['’]administration|seat))", re.I), "enter"),
    ("partnership_start", re.compile(
        r"(?:(?:collaboration|partenariat|alliance|relation|partnership|collaboration)[^.;]{0,80}?(?:a débuté|a commencé|débute|commence|est née|a été lancée?|remonte|began|started|began in|dates back))"
        r"|(?:(?<![\w-])(?:annonç\w+|annonc(?:e|é|ée|ent|er|ait)|noué|nouent|nouer|lancé|lancent|lancer|signé|signe|signent|signer|conclu|concluent|announc(?:e|ed|es|ing)|formed|launched|signed|struck|sealed)(?![\w-])"
        r"[^.;]{0,120}?(?:un |a |an )(?:\w+ ){0,2}?(?:partenariat|alliance|partnership|accord de partenariat))"
        r"|(?:depuis \d{4}[^.;]{0,80}?(?:relation|collaboration|partenariat|alliance|lien))"
        r"|(?:since \d{4}[^.;]{0,80}?(?:relationship|collaboration|partnership|alliance))", re.I), "start"),
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
])

HEDGE_CUES = _rx([
    r"selon (?:des|plusieurs|nos|certaines|les) (?:sources?|informations|rumeurs)", r"selon\s+[A-ZÉ][\w-]+", r"d['’]après",
    r"aurait", r"auraient", r"pourrait", r"pourraient", r"serait", r"seraient", r"semble", r"semblent",
    r"probablement", r"peut-être", r"il est possible", r"rumeurs?",
    r"according to", r"reportedly", r"allegedly", r"would", r"could", r"might", r"may", r"rumou?red", r"sources? (?:say|said|familiar)",
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
