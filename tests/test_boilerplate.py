"""Boilerplate removal on the seed articles and on realistic French / English page text."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from claims.boilerplate import find_boilerplate, kept_spans
from claims.ingest import load_documents
from claims.model import RemovedSpan

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT.parent / "shared" / "eval" / "seeds_gold.json"


@pytest.fixture(scope="module")
def seed_docs():
    return {d.id: d for d in load_documents([SEEDS])}


def _removed(text: str, spans: list[RemovedSpan], needle: str) -> set[str]:
    """Reasons of the removed spans covering every occurrence of ``needle`` (asserts it occurs)."""
    starts = [m.start() for m in re.finditer(re.escape(needle), text)]
    assert starts, needle
    reasons = set()
    for start in starts:
        cover = [r for r in spans if r.start <= start and start + len(needle) <= r.end]
        assert cover, f"{needle!r} at {start} not removed"
        reasons.add(cover[0].reason)
    return reasons


def _kept_text(text: str, spans: list[RemovedSpan]) -> str:
    return "\n".join(text[k.start:k.end] for k in kept_spans(text, spans))


# ----------------------------------------------------------------------------- seeds

SEED_BOILERPLATE = {
    "000_3000d524335eeb56": {
        "Lire aussi :": "read_also",
        "Nous utilisons des cookies": "cookie_banner",
        "Accepter": "cookie_banner",
        "Privacy Policy": "legal",
        "Laisser un commentaire": "comment_form",
        "Votre adresse e-mail ne sera pas publiée": "comment_form",
        "Ce site utilise Akismet": "comment_form",
        "Retour en haut": "back_to_top",
    },
    "002_16ec99c30571758d": {
        "Accueil - Technologies et Avenirs": "breadcrumb",
        "Partager:": "share",
        "Ajouter Un Commentaire": "comment_form",
        "Chercher": "navigation",
        "Étiquettes": "tags",
        "abus technologie Accord OpenAI Apple": "tag_cloud",
        "Alienum phaedrum torquatos": "lorem_ipsum",
        "Follow my journey": "social",
        "5M+": "share_counter",
        "4.6M+": "share_counter",
        "7M+": "share_counter",
        "3.4M+": "share_counter",
        "Facebook followers": "social",
        "Youtube Subscribers": "social",
        "Follow Me": "social",
        "Subscribe Me": "social",
    },
    "003_3796be29cb9c2bb8": {
        "inscrivez-vous à notre newsletter": "newsletter",
        "Nos formations IA": "footer",
    },
    "004_d2611f6d5a1da141": {
        "Pensión IMSS e ISSSTE: Fechas Clave para el Pago de Septiembre y el Calendario Completo del 2025":
            "foreign_language",
    },
}


@pytest.mark.parametrize("doc_id", sorted(SEED_BOILERPLATE))
def test_seed_boilerplate_is_removed_with_reason(seed_docs, doc_id):
    doc = seed_docs[doc_id]
    for needle, reason in SEED_BOILERPLATE[doc_id].items():
        assert _removed(doc.text, doc.removed, needle) == {reason}, needle


def test_seed_main_text_is_kept(seed_docs):
    # the body of 001 has no boilerplate at all
    doc = seed_docs["001_30bbff10be10f2e0"]
    assert doc.removed == [] and [(k.start, k.end) for k in doc.kept] == [(0, len(doc.text))]
    kept = {d: _kept_text(seed_docs[d].text, seed_docs[d].removed) for d in seed_docs}
    assert "EN BREF" in kept["000_3000d524335eeb56"]
    assert "Une gouvernance sous pression" in kept["000_3000d524335eeb56"]  # headings stay
    assert "décembre 12, 2024" in kept["002_16ec99c30571758d"]  # the dateline stays
    assert "- Une source proche du dossier" in kept["002_16ec99c30571758d"]
    assert "double-edged sword" in kept["004_d2611f6d5a1da141"]  # English words in a French sentence
    assert "La valorisation d’OpenAI : Un enjeu de taille" in kept["004_d2611f6d5a1da141"]


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold data not available")
def test_gold_boilerplate_strings_are_removed(seed_docs):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for needle in gold["boilerplate_must_not_yield_claims"]:
        hits = [d for d in seed_docs.values() if needle in d.text]
        assert hits, needle
        for doc in hits:
            _removed(doc.text, doc.removed, needle)


def test_kept_is_the_trimmed_complement(seed_docs):
    for doc in seed_docs.values():
        covered = sorted([(r.start, r.end) for r in doc.removed] + [(k.start, k.end) for k in doc.kept])
        for (a0, a1), (b0, b1) in zip(covered, covered[1:]):
            assert a1 <= b0 and not doc.text[a1:b0].strip()  # no overlap, only whitespace between
        for k in doc.kept:
            chunk = doc.text[k.start:k.end]
            assert chunk and chunk == chunk.strip()


# ----------------------------------------------------------------------------- realistic snippets

FR_PAGE = """Accueil > Économie > Énergie
Le prix du gaz baisse de 10 % au 1er juillet

Le tarif réglementé du gaz baissera de 10 % le 1er juillet, a annoncé la Commission de régulation de l'énergie. Cette baisse concerne 3 millions de foyers.

À lire aussi : Électricité : ce qui change pour les factures en août

« Nous répercutons la baisse des prix de gros », a expliqué M. Lefèvre, directeur de la CRE.

Partager :
Facebook
Twitter
12K
Laisser une réponse
Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *
Tags : énergie, gaz, factures, CRE
Ce site utilise des cookies pour améliorer votre expérience. En poursuivant votre navigation, vous acceptez leur utilisation.
Tout accepter
Mentions légales
"""


def test_french_page_furniture():
    spans = find_boilerplate(FR_PAGE, "fr")
    expected = {
        "Accueil > Économie > Énergie": "breadcrumb",
        "À lire aussi : Électricité": "read_also",
        "Partager :": "share",
        "Twitter": "social",
        "12K": "share_counter",
        "Laisser une réponse": "comment_form",
        "Votre adresse e-mail ne sera pas publiée": "comment_form",
        "Tags : énergie, gaz": "tags",
        "Ce site utilise des cookies": "cookie_banner",
        "Tout accepter": "cookie_banner",
        "Mentions légales": "legal",
    }
    for needle, reason in expected.items():
        assert _removed(FR_PAGE, spans, needle) == {reason}, needle
    kept = _kept_text(FR_PAGE, spans)
    assert "Le prix du gaz baisse de 10 % au 1er juillet" in kept
    assert "Cette baisse concerne 3 millions de foyers." in kept
    assert "« Nous répercutons la baisse des prix de gros »" in kept


EN_PAGE = """Home » World » Europe
Germany's economy shrank 0.3% in 2023

Germany's economy contracted by 0.3% last year, the federal statistics office said on Monday, as high energy prices weighed on industry.

Read more: Why Europe's largest economy is stalling

Share this story
We use cookies to personalise content and ads. By using this site you agree to our Cookie Policy.
Accept all
Reject all
Leave a Reply
Your email address will not be published. Required fields are marked *
Back to top
"""


def test_english_page_furniture():
    spans = find_boilerplate(EN_PAGE, "en")
    for needle, reason in {
        "Home » World » Europe": "breadcrumb",
        "Read more: Why Europe": "read_also",
        "Share this story": "share",
        "We use cookies": "cookie_banner",
        "Accept all": "cookie_banner",
        "Reject all": "cookie_banner",
        "Leave a Reply": "comment_form",
        "Your email address will not be published": "comment_form",
        "Back to top": "back_to_top",
    }.items():
        assert _removed(EN_PAGE, spans, needle) == {reason}, needle
    kept = _kept_text(EN_PAGE, spans)
    assert "Germany's economy contracted by 0.3% last year" in kept


def test_prose_about_cookies_newsletters_and_comments_is_kept():
    text = (
        "La CNIL a infligé une amende de 150 millions d'euros à Google, qui ne permettait pas de refuser "
        "les cookies aussi facilement que de les accepter.\n\n"
        "Substack revendique 35 millions d'abonnés à ses newsletters, dont 3 millions payants.\n\n"
        "Le ministre a refusé de laisser un commentaire sur ces chiffres, selon son entourage.\n\n"
        "Suivez le guide : la réforme entrera en vigueur le 1er septembre.\n"
    )
    assert find_boilerplate(text, "fr") == []


def test_foreign_headline_removed_but_related_or_quoted_foreign_lines_kept():
    text = (
        "Le constructeur Stellantis a vendu 6,2 millions de véhicules en 2023, en hausse de 7 %.\n"
        "Liga MX: el América vence al Cruz Azul y se lleva el título del torneo de apertura\n"
        "« We are very proud of what our teams achieved this year », a déclaré le patron de Stellantis.\n"
        "Stellantis sales rise seven percent in a strong year for the group\n"
        "Les ventes de véhicules électriques de Stellantis ont progressé de 21 % sur la même période.\n"
    )
    spans = find_boilerplate(text, "fr")
    assert _removed(text, spans, "Liga MX: el América vence") == {"foreign_language"}
    kept = _kept_text(text, spans)
    assert "We are very proud" in kept  # a quotation
    assert "Stellantis sales rise seven percent" in kept  # same story, other language
    assert find_boilerplate(text, None) == []  # no document language: nothing judged foreign


def test_tag_cloud_lorem_and_markup():
    cloud = ("intelligence artificielle Apple Google startups fintech cybersécurité cloud Azure robotique "
             "semi-conducteurs Nvidia levée de fonds régulation Europe données santé numérique")
    text = (
        "Le marché des puces a crû de 16 % en 2023, selon Gartner.\n\n"
        f"{cloud}\n\n"
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n\n"
        "* * *\n"
    )
    spans = find_boilerplate(text, "fr")
    assert _removed(text, spans, cloud) == {"tag_cloud"}
    assert _removed(text, spans, "Lorem ipsum dolor") == {"lorem_ipsum"}
    assert _removed(text, spans, "* * *") == {"markup"}
    assert _kept_text(text, spans) == "Le marché des puces a crû de 16 % en 2023, selon Gartner."


def test_footer_after_end_marker_but_not_mid_article():
    paragraphs = [
        f"La Banque de France prévoit une croissance de {x} % en {y}, portée par la consommation des "
        "ménages, le recul de l'inflation et la reprise progressive de l'investissement des entreprises.\n\n"
        for x, y in (("0,8", 2024), ("1,5", 2025), ("1,6", 2026), ("1,7", 2027))
    ]
    body = "".join(paragraphs)
    footer = "Partager:\n\nNos offres\n\nDevenez partenaire\n\nRecrutement\n"
    spans = find_boilerplate(body + footer, "fr")
    assert _removed(body + footer, spans, "Devenez partenaire") == {"footer"}
    # a share bar followed by more prose was not the end of the article
    mid = "".join(paragraphs[:3]) + "Partager:\n\n" + paragraphs[3] + "Nos offres\n"
    spans = find_boilerplate(mid, "fr")
    assert [r.reason for r in spans] == ["share"]


def test_menu_runs_and_duplicate_titles():
    text = (
        "Le Parlement adopte le budget 2024\n"
        "Blog\nActualités\nContact presse\n\n"
        "Le Parlement adopte le budget 2024\n\n"
        "Le budget prévoit un déficit de 4,4 % du PIB. Les principaux postes sont :\n"
        "Défense\nÉducation\n"
    )
    spans = find_boilerplate(text, "fr")
    assert _removed(text, spans, "Blog\nActualités\nContact presse") == {"navigation"}
    reasons = [r.reason for r in spans]
    assert reasons.count("duplicate") == 1
    # a short list introduced by a colon is content, not a menu
    assert "Défense\nÉducation" in _kept_text(text, spans)


# ----------------------------------------------------------------------------- counters, paywalls, lists

FR_NEWS = """Accueil > Économie > Industrie
Publié le 14 mars 2024 à 08h15
Temps de lecture : 3 min

Saint-Gobain rachète le canadien Building Products of Canada pour 1,3 milliard de dollars

Le groupe français Saint-Gobain a annoncé jeudi le rachat du fabricant canadien de toitures Building Products of Canada pour 1,3 milliard de dollars, soit environ 1,2 milliard d'euros.
L'opération doit être finalisée au second semestre, sous réserve du feu vert des autorités de la concurrence canadiennes.

Partager sur Facebook  Partager sur X  1,2K partages
345 commentaires
12 réactions
Abonnez-vous à partir de 1 € le premier mois
Abonnez-vous : 1 € le premier mois, puis 9,99 € par mois, sans engagement
Offre spéciale : 1 € pendant 3 mois
Déjà abonné ? Connectez-vous
"""


def test_counters_reading_time_and_paywall_prompts_fr():
    spans = find_boilerplate(FR_NEWS, "fr")
    expected = {
        "Temps de lecture : 3 min": "reading_time",
        "Partager sur Facebook  Partager sur X  1,2K partages": "share",
        "345 commentaires": "share_counter",
        "12 réactions": "share_counter",
        "Abonnez-vous à partir de 1 € le premier mois": "paywall",
        "Abonnez-vous : 1 € le premier mois, puis 9,99 €": "paywall",
        "Offre spéciale : 1 € pendant 3 mois": "paywall",
        "Déjà abonné ? Connectez-vous": "paywall",
    }
    for needle, reason in expected.items():
        assert _removed(FR_NEWS, spans, needle) == {reason}, needle
    kept = _kept_text(FR_NEWS, spans)
    assert "Publié le 14 mars 2024 à 08h15" in kept
    assert "pour 1,3 milliard de dollars, soit environ 1,2 milliard d'euros." in kept
    assert "sous réserve du feu vert des autorités" in kept
    assert "€" not in kept  # no subscription price survives


EN_NEWS = """Business | 5 min read
By Sarah Butler | Reading time: 4 minutes

Unilever to cut 7,500 jobs as it spins off ice-cream unit

Unilever said on Tuesday it would cut about 7,500 jobs worldwide and spin off its ice-cream business, which includes Ben & Jerry's and Magnum, as part of a productivity drive expected to save about €800m over three years.

Sign up to Business Today | 1,024 comments
Comments (56)
Share 230 | Tweet | Email
Subscribe now for $1.99 a month
Was this article helpful? Yes 120 | No 8
Reporting by Richa Naidu; Editing by Jan Harvey
"""


def test_counters_reading_time_and_paywall_prompts_en():
    spans = find_boilerplate(EN_NEWS, "en")
    for needle, reason in {
        "5 min read": "reading_time",
        "Reading time: 4 minutes": "reading_time",
        "Sign up to Business Today | 1,024 comments": "newsletter",
        "Comments (56)": "comment_form",
        "Share 230 | Tweet | Email": "share_counter",
        "Subscribe now for $1.99 a month": "paywall",
        "Was this article helpful? Yes 120 | No 8": "feedback",
        "Reporting by Richa Naidu": "credit",
    }.items():
        assert _removed(EN_NEWS, spans, needle) == {reason}, needle
    kept = _kept_text(EN_NEWS, spans)
    # only the widget parts of a line cut with pipes go: the section name and the byline stay
    assert "Business" in kept.splitlines()[0] and "read" not in kept.splitlines()[0]
    assert "By Sarah Butler" in kept and "Reading time" not in kept
    assert "cut about 7,500 jobs worldwide" in kept


def test_prose_about_subscriptions_and_reading_is_kept():
    text = (
        "Netflix a relevé le prix de son abonnement Standard à 13,49 € par mois en France, contre 12,99 € auparavant.\n\n"
        "Le Monde revendique 600 000 abonnés numériques, dont la moitié s'est abonnée à partir de 1 € le premier mois.\n\n"
        "La lecture de ce rapport de 300 pages prend environ 5 heures, selon ses auteurs.\n\n"
        "Le titre a perdu 12 % en une séance, et 345 salariés ont signé la pétition.\n"
    )
    assert find_boilerplate(text, "fr") == []
    text = (
        "Spotify says 236 million people now subscribe to its premium tier, up 14% from a year earlier.\n\n"
        "Subscribers to the Financial Times pay about $40 a month for full digital access.\n\n"
        "Most read books of 2023 were novels, according to the survey by YouGov.\n"
    )
    assert find_boilerplate(text, "en") == []


FR_LISTS = """La Banque centrale européenne a relevé jeudi ses taux directeurs de 25 points de base, portant le taux de dépôt à 4 %, un niveau inédit depuis la création de l'euro en 1999.

Sur le même sujet
Inflation : les prix ont augmenté de 4,9 % sur un an en septembre
1. Immobilier : les taux de crédit atteignent 4,2 %
Les banques durcissent l'accès au crédit immobilier

Une décision attendue
Les marchés anticipaient largement cette hausse, la dixième consécutive depuis juillet 2022, selon les économistes.

La présidente de la BCE, Christine Lagarde, a refusé de dire si ce relèvement serait le dernier, tout en soulignant que l'inflation restait trop élevée.

Les plus partagés
1. Retraites : ce qui change au 1er janvier 2025 pour 14 millions de retraités
2. Immobilier : les prix baissent de 4 % en un an
3. Carburants : le gazole repasse sous 1,70 euro le litre
"""


def test_related_article_lists_go_with_their_figures():
    spans = find_boilerplate(FR_LISTS, "fr")
    assert _removed(FR_LISTS, spans, "Sur le même sujet") == {"read_also"}
    assert _removed(FR_LISTS, spans, "Les plus partagés") == {"read_also"}
    for needle in ("les prix ont augmenté de 4,9 %", "les taux de crédit atteignent 4,2 %",
                   "Les banques durcissent", "pour 14 millions de retraités", "les prix baissent de 4 % en un an",
                   "sous 1,70 euro le litre"):
        assert _removed(FR_LISTS, spans, needle) == {"related_list"}, needle
    kept = _kept_text(FR_LISTS, spans)
    assert "Une décision attendue" in kept  # a section heading followed by the article's prose
    assert "la dixième consécutive depuis juillet 2022" in kept
    assert "Christine Lagarde" in kept


@pytest.mark.parametrize(
    "lang,body,heading,items",
    [
        ("en", "Shares in Nvidia rose 7% on Thursday after the chipmaker reported quarterly revenue of $22.1 billion, "
               "more than triple the figure a year earlier, beating analysts' forecasts by a wide margin.",
         "Most read", ["1. Boeing to pay $243.6m fine over 737 Max crashes", "2. UK inflation falls to 2.3%"]),
        ("en", "Shares in Nvidia rose 7% on Thursday after the chipmaker reported quarterly revenue of $22.1 billion, "
               "more than triple the figure a year earlier, beating analysts' forecasts by a wide margin.",
         "More from Reuters", ["Boeing to pay $243.6m fine over 737 Max crashes", "UK inflation falls to 2.3%"]),
        ("es", "Iberdrola obtuvo un beneficio neto de 4.803 millones de euros en 2023, un 10,7 % más que el año "
               "anterior, gracias al crecimiento de sus redes en Estados Unidos y Brasil.",
         "Lo más leído", ["Repsol gana 3.168 millones en 2023", "El Ibex 35 cierra con una subida del 1,2 %"]),
        ("de", "Der Autobauer Volkswagen hat im vergangenen Jahr weltweit 9,24 Millionen Fahrzeuge ausgeliefert, "
               "rund zwölf Prozent mehr als im Vorjahr, wie der Konzern am Mittwoch mitteilte.",
         "Das könnte Sie auch interessieren", ["Siemens streicht 5.000 Stellen", "Dax schließt bei 16.700 Punkten"]),
    ],
)
def test_related_list_headings_in_other_languages(lang, body, heading, items):
    text = body + "\n\n" + heading + "\n" + "\n".join(items) + "\n"
    spans = find_boilerplate(text, lang)
    assert _removed(text, spans, heading) == {"read_also"}
    for item in items:
        assert _removed(text, spans, item) == {"related_list"}, item
    assert _kept_text(text, spans) == body


# ----------------------------------------------------------------------------- several widgets on one line

FR_MIXED = """Emploi : Fonderies Arvel supprime 640 postes dans le Doubs
Par Hélène Morin

La direction des Fonderies Arvel a présenté mardi aux syndicats un plan prévoyant 640 suppressions de postes sur les 2 100 que compte le site de Montbéliard, où l'activité a reculé de 18 % en deux ans.

Le groupe a enregistré une perte de 85 millions d'euros en 2023. Lire aussi : Stellantis réduit ses commandes de pièces en fonte

Les Echos Premium : accédez à tous nos articles. Essai gratuit 30 jours.
Partager : Facebook, X, LinkedIn, WhatsApp. 4 min de lecture.
Réagissez sur nos réseaux sociaux. 1,5K partages
Cet article vous a été utile ? Oui / Non
Ouest-France, 3 commentaires. Réagir à cet article.
Commentaires (2) – Laisser un commentaire
"""


def test_several_widget_sentences_on_one_line_fr():
    spans = find_boilerplate(FR_MIXED, "fr")
    for needle, reason in {
        "Les Echos Premium : accédez à tous nos articles. Essai gratuit 30 jours.": "paywall",
        "Partager : Facebook, X, LinkedIn, WhatsApp. 4 min de lecture.": "share",
        "Réagissez sur nos réseaux sociaux. 1,5K partages": "comment_form",
        "Cet article vous a été utile ? Oui / Non": "feedback",
        "Ouest-France, 3 commentaires. Réagir à cet article.": "comment_form",
        "Commentaires (2) – Laisser un commentaire": "comment_form",
        "Lire aussi : Stellantis réduit ses commandes": "read_also",
    }.items():
        assert _removed(FR_MIXED, spans, needle) == {reason}, needle
    kept = _kept_text(FR_MIXED, spans)
    # the sentence before "Lire aussi" on the same line stays, without the widget
    assert "Le groupe a enregistré une perte de 85 millions d'euros en 2023." in kept
    assert "Stellantis" not in kept and "30 jours" not in kept and "1,5K" not in kept
    assert "640 suppressions de postes sur les 2 100" in kept
    assert "Par Hélène Morin" in kept


EN_PROMO = """Nuveo raises $130M at a $1.2B valuation
By Romain Dillet

Nuveo, a Lyon-based startup that helps retailers manage inventory, has raised a $130 million Series C round led by Atomico, bringing its total funding to $180 million.

Organizers of the trade fair said visitors who register now can save up to $600 on passes, a discount that drew 12,000 early sign-ups.

TechCrunch Disrupt 2024: get your tickets now and save up to $600.
Early-bird pricing ends Friday. Use code TC20 for 20% off.
Register now for StrictlyVC London
"""


def test_promotion_lines_en_but_not_prose_about_promotions():
    spans = find_boilerplate(EN_PROMO, "en")
    for needle in ("TechCrunch Disrupt 2024: get your tickets now and save up to $600.",
                   "Early-bird pricing ends Friday. Use code TC20 for 20% off.",
                   "Register now for StrictlyVC London"):
        assert _removed(EN_PROMO, spans, needle) == {"promo"}, needle
    kept = _kept_text(EN_PROMO, spans)
    assert "visitors who register now can save up to $600 on passes" in kept  # article prose
    assert "$130 million Series C" in kept


def test_sentence_split_leaves_prose_lines_alone():
    text = (
        "Réagir à la crise demandera 3 milliards d'euros, selon M. Dupont. Le plan sera voté lundi.\n\n"
        "Le site compte 12 000 abonnés. Le journal revendique 1,5 million de lecteurs par mois.\n\n"
        "Météo : 12 °C à Villebrune demain\n"
        "Plan du site | Mentions légales | Accessibilité : partiellement conforme\n"
    )
    spans = find_boilerplate(text, "fr")
    kept = _kept_text(text, spans)
    assert "Réagir à la crise demandera 3 milliards d'euros" in kept
    assert "Le site compte 12 000 abonnés. Le journal revendique 1,5 million de lecteurs par mois." in kept
    assert _removed(text, spans, "Météo : 12 °C à Villebrune demain") == {"widget"}
    assert _removed(text, spans, "Accessibilité : partiellement conforme") == {"legal"}
    assert "°C" not in kept


def test_pour_aller_plus_loin_heading_and_prose():
    text = ("Le groupe prévoit de supprimer 1 200 postes en France d'ici à 2025.\n\n"
            "Pour aller plus loin : notre dossier sur la désindustrialisation\n\n"
            "Pour aller plus loin, la région devra investir 40 millions d'euros dans la formation.\n")
    spans = find_boilerplate(text, "fr")
    assert _removed(text, spans, "Pour aller plus loin : notre dossier") == {"read_also"}
    assert "la région devra investir 40 millions d'euros" in _kept_text(text, spans)


def test_price_offers_addressed_to_the_reader_are_paywall():
    text = (
        "Apple reported revenue of $90 billion for the quarter, the company said on Thursday.\n"
        "Try unlimited access. Only $1 for 4 weeks.\n"
        "Then $75 per month.\n"
        "Support the Guardian. Contribute £1.\n"
    )
    removed = find_boilerplate(text, "en")
    assert removed and all(r.reason == "paywall" for r in removed)
    assert text.index("Try") >= removed[0].start and removed[-1].end >= text.index("£1.")
    assert all(r.start > text.index("Thursday") for r in removed)
