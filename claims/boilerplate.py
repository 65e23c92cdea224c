"""Boilerplate detection: the parts of a web article that are not its main text.

:func:`find_boilerplate` works line by line, then on paragraph blocks (runs of non-blank
lines), with general rules and small multilingual phrase tables (fr, en, es, de, some it/pt/nl).
Nothing is deleted: each region found becomes a :class:`~claims.model.RemovedSpan` with a reason,
and :func:`kept_spans` gives the complement. Rules, in order:

1. ``front_matter``: a YAML block (``---`` ... ``---``) at the very top.
2. Whole-line rules: ``markup`` (no letter or digit: ``---``, ``* * *``, emoji), ``image`` /
   ``link_only`` (Markdown image or link alone on its line, a bare URL), ``share_counter``
   ("5M+", "4.6M+", "1,2K partages"), ``social`` (network names, "Facebook followers", "Follow
   Me", "Suivez-nous"), ``share`` ("Partager:", "Share this article"), ``cookie_banner``
   (a line about cookies and consent, consent buttons "Accepter", "Accept all"), ``legal``
   ("Privacy Policy", "Mentions légales", copyright lines), ``read_also`` ("Lire aussi : ...",
   "Read more", "Voir aussi", list headings such as "Les plus lus", "Related stories", "More from
   X"), ``comment_form`` ("Laisser un commentaire", "Votre adresse e-mail ne sera pas publiée",
   Akismet notices, "Vos commentaires (18)", "Ouest-France, 3 commentaires", prompts: "Réagir à cet
   article", "Réagissez sur nos réseaux sociaux"), ``paywall`` (an offer line that opens with
   "Abonnez-vous", "Subscribe now", "Offre spéciale"... and names a price or terms; "Déjà abonné ?",
   "La suite est réservée aux abonnés", "accédez à tous nos articles"), ``newsletter`` (prompts to subscribe to *our*
   newsletter, "Newsletter Éco : ...", "Sign up to X"), ``reading_time`` ("Temps de lecture :
   3 min", "5 min read"), ``feedback`` ("Cet article vous a-t-il été utile ?"), ``back_to_top`` and ``navigation`` ("Retour en haut", "Chercher", "Menu",
   "Article suivant"), ``breadcrumb`` ("Accueil - Économie - Article"), ``tags`` (a "Tags" /
   "Étiquettes" heading, "Tags: a, b, c"), ``advertisement``, ``credit`` ("Photo : AFP",
   "Reporting by ..."), ``promo`` (event and shop promotions that open the line or speak to the
   reader twice: "Disrupt 2024: get your tickets now and save up to $600", "Use code TC20"; not
   prose that reports on them), ``widget`` ("Météo : 12 °C à Lyon"),
   ``lorem_ipsum`` (Latin filler), ``tag_cloud`` (a long line of keywords with no sentence
   punctuation and almost no function words; or the unpunctuated keyword line after a tags heading).
   A line cut by " | ", " · " or runs of spaces whose parts are all boilerplate goes whole
   ("Partager sur Facebook  Partager sur X  1,2K partages", "Sign up to X | 1,024 comments");
   on a line cut with pipes, the boilerplate parts alone go ("Par C. Dumas | Lecture : 4 min").
   Likewise each sentence (or part cut by a spaced dash) of a short line (40 words or fewer) is
   judged alone: the line goes when all are boilerplate ("Réagissez sur nos réseaux sociaux.
   1,5K partages"), else the strong widget sentences alone go ("... en 2023. Lire aussi : ...").
   ``related_list``: under a related-articles heading ("Les plus lus", "Sur le même sujet",
   "Most read", "Lo más leído", "Meistgelesen"...), the title-like lines (numbered, unpunctuated,
   or "X : Y") up to the next prose paragraph, even when they hold figures.
3. Widgets: a short line (2 words or fewer, unpunctuated) right above or below a social, share,
   counter or cookie line, in the same block, shares its reason ("Abonnés" under "12K").
4. ``navigation``: runs of two or more consecutive short (3 words or fewer) unpunctuated lines
   without digits (menus: "Blog", "Actualités"), unless introduced by a colon or made of bullet
   items.
5. ``duplicate``: a line of 3 words or more repeating an earlier line (a title shown twice).
6. ``foreign_language``: a line of 5 words or more, not in quotes, that lingua confidently puts
   in another language than the document (when the document language is given) and that is
   unrelated to the rest of the document: none of its capitalised names occurs elsewhere and it
   shares less than 30 % of its content words (an unrelated headline). English words quoted inside
   a French sentence never trigger it: the whole line must be foreign.
7. ``footer``: after an end-of-article marker (comment form, share, tags, newsletter, paywall, back to top)
   in the second half of the text, the remaining lines go too, unless a prose paragraph
   (20 words or more, ending a sentence) follows, in which case the marker was not the end.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from .model import RemovedSpan, Span

# ----------------------------------------------------------------------------- helpers

_QUOTES_OPEN = "«“„\"'‘‹"
_SENT_END = re.compile(r"[.!?…](?:[\"'»”’)\]]|\s)*$")
_SENT_PUNCT_INSIDE = re.compile(r"[.!?;…](?:\s|$)")
_BULLET = re.compile(r"^(?:[•●▪◦‣∙·\-*–—+]|\d{1,3}[.)]|[a-z]\))\s+")
_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_ALNUM = re.compile(r"[^\W_]")


class _FoldTable(dict):
    """str.translate table computed per character on first use: accents off, case folded."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in "’‘":
            value = "'"
        else:
            value = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)).casefold()
        self[code] = value
        return value


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower-case, accent-free form of ``text`` with typographic apostrophes as ``'``."""
    return text.translate(_FOLD)


def _norm(text: str) -> str:
    """Folded text without leading/trailing non-alphanumerics and with single spaces."""
    s = re.sub(r"\s+", " ", fold(text)).strip()
    s = re.sub(r"^[^\w(]+|[^\w)]+$", "", s)
    return s


def _alts(words: set[str] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# ----------------------------------------------------------------------------- phrase tables
# All entries are in folded form (lower case, no accents, "'" apostrophes).

NETWORKS = {
    "facebook", "twitter", "x", "linkedin", "instagram", "youtube", "tiktok", "pinterest", "whatsapp",
    "telegram", "snapchat", "reddit", "threads", "mastodon", "bluesky", "flipboard", "messenger",
    "google news", "rss", "dailymotion", "twitch", "discord", "tumblr", "vk", "viber", "line", "email",
    "e-mail", "mail", "imprimer", "print", "copier le lien", "copy link", "google+", "xing",
}
_NET = _alts(NETWORKS)
_AUDIENCE = ("followers|follower|abonnes|abonne|fans|fan|subscribers|subscriber|likes|like|members|membres|"
             "seguidores|suscriptores|abonnenten|follower|iscritti|seguidores|volgers|vues|views|partages|shares|"
             "j'aime|reactions|abonnements")

SHARE_RE = re.compile(
    r"^(?:partager|partagez|partage|share|shares|compartir|comparte|compartilhar|partilhar|teilen|condividi|"
    r"delen|tweet|tweeter)"
    r"(?:\s+(?:cet|cette|ce|l'|l'article|this|the|sur|on|en|auf|su|no|op|via|par|by|article|story|post|page|it)\b.*)?$"
)
# "Partager : Facebook, X, LinkedIn, WhatsApp", "Share on: Facebook / X"
SHARE_NETWORKS_RE = re.compile(
    rf"^(?:partager|partagez|partage|share|shares|compartir|teilen|condividi|delen)(?:\s+(?:sur|on|via|en|auf|su))?"
    rf"\s*:?\s*(?:(?:{_NET})\s*(?:[,|/·•-]|\bet\b|\band\b)?\s*)+$"
)
SOCIAL_RE = [
    re.compile(rf"^(?:(?:{_NET})\s*[,|/·•-]?\s*)+$"),
    re.compile(rf"^(?:{_NET})\s+(?:{_AUDIENCE})$"),
    re.compile(rf"^(?:\d[\d.,\s]*[km]?\+?\s*)?(?:{_AUDIENCE})(?:\s+(?:sur|on|en|auf)\s+(?:{_NET}))?$"),
    re.compile(r"^(?:follow|subscribe|suivez|suivre|abonnez|rejoignez|join|sigue|siguenos|folgen|folge|seguici|"
               r"segue|volg)\S*(?:\s+\S+){0,7}$"),
]
_SOCIAL_OBJECT = re.compile(
    rf"\b(?:me|us|nous|moi|vous|my|our|channel|channels|chaine|social|network|reseaux|notre|nos|{_NET})\b"
)
COUNTER_RE = re.compile(r"^\s*(?:\d+(?:[.,]\d+)?\s*[kKmM]\+?|\d+(?:[.,]\d+)?\s*[kKmM]?\+)\s*$")
COUNTER_WORD_RE = re.compile(rf"^\d[\d.,\s]*[km]?\+?\s*(?:{_AUDIENCE}|commentaires?|comments?|likes?)$")

COOKIE_RE = re.compile(r"\bcookies?\b|\btemoins de connexion\b|\btraceurs\b")
# a cookie line is a banner when the site speaks about itself or to the reader
COOKIE_CONTEXT_RE = re.compile(
    r"\b(?:nous utilisons|nous et nos partenaires|notre site|nos partenaires|ce site|vous acceptez|en poursuivant|"
    r"en continuant|utilise des cookies|utilisons des cookies|accepter les cookies|gerer les cookies|"
    r"parametres des cookies|politique (?:de|des|relative aux) cookies|en savoir plus|we use|we and our partners|"
    r"our site|our website|our partners|this site|this website|you agree|you accept|you consent|by continuing|"
    r"by using|uses cookies|accept cookies|manage cookies|cookie settings|cookie policy|learn more|usamos|"
    r"utilizamos|este sitio|nuestro sitio|wir verwenden|wir nutzen|diese website|unsere website|utilizziamo|"
    r"questo sito|utilizamos|este site)\b"
)
CONSENT_BUTTONS = {
    "accepter", "accepter tout", "tout accepter", "accepter et fermer", "j'accepte", "refuser", "tout refuser",
    "continuer sans accepter", "personnaliser", "parametrer", "parametres des cookies", "gerer les cookies",
    "gerer mes preferences", "gerer les preferences", "accept", "accept all", "accept cookies", "i accept",
    "i agree", "reject", "reject all", "decline", "manage preferences", "manage cookies", "cookie settings",
    "got it", "ok", "aceptar", "aceptar todo", "aceptar todas", "rechazar", "configurar", "akzeptieren",
    "alle akzeptieren", "ablehnen", "einstellungen", "accetta", "accetta tutto", "rifiuta", "aceitar",
    "rejeitar", "accepteren", "weigeren",
}
LEGAL_EXACT = {
    "privacy policy", "privacy", "politique de confidentialite", "politique de confidentialite et cookies",
    "politique des cookies", "politique de cookies", "cookie policy", "mentions legales", "conditions generales",
    "conditions generales d'utilisation", "conditions d'utilisation", "cgu", "cgv", "terms of use",
    "terms of service", "terms and conditions", "terms", "politica de privacidad", "politica de cookies",
    "aviso legal", "datenschutz", "datenschutzerklarung", "impressum", "contact", "contactez-nous", "contact us",
    "nous contacter", "a propos", "qui sommes-nous", "about", "about us", "plan du site", "sitemap",
    "informativa sulla privacy", "politica de privacidade", "gestion des cookies", "donnees personnelles",
}
LEGAL_RE = re.compile(
    r"^(?:©|\(c\)|copyright\b)|\btous droits reserves\b|\ball rights reserved\b|\btodos los derechos reservados\b|"
    r"\balle rechte vorbehalten\b|\btutti i diritti riservati\b|\btodos os direitos reservados\b|"
    r"^accessibilite\s*:\s*(?:non |partiellement |totalement )?conforme\b"
)
READ_ALSO_PREFIX = re.compile(
    r"^(?:a lire aussi|lire aussi|a lire egalement|lire egalement|voir aussi|a voir aussi|voir egalement|"
    r"a voir egalement|a decouvrir aussi|a decouvrir egalement|sur le meme sujet|lire la suite|"
    r"pour aller plus loin(?=\s*:)|aller plus loin(?=\s*:)|"
    r"read also|also read|read more|read next|see also|continue reading|keep reading|more from [^:]{1,40}(?=:)|"
    r"related(?=:)|te puede interesar|tambien te puede interesar|das konnte sie auch interessieren|"
    r"lee tambien|leer tambien|lea tambien|ver tambien|lea mas|leer mas|lesen sie auch|lesen sie mehr|weiterlesen|"
    r"leggi anche|vedi anche|leia tambem|veja tambem|lees ook|lees meer)\b"
)
READ_ALSO_EXACT = {
    "related", "related articles", "related article", "related posts", "related stories", "related content",
    "articles similaires", "articles lies", "articles connexes", "a lire", "a lire ensuite", "vous aimerez aussi",
    "vous aimerez aussi lire", "vous pourriez aussi aimer", "you may also like", "you might also like",
    "recommended", "recommande", "recommande pour vous", "en savoir plus", "learn more", "mehr zum thema",
    "auch interessant", "noticias relacionadas", "te puede interesar", "dans la meme rubrique", "les plus lus",
    "most read", "most popular", "les plus populaires", "popular posts", "derniers articles", "latest news",
    "latest posts", "latest articles", "articles recents", "recent posts", "a la une", "dernieres actualites",
    "more stories", "more news", "plus d'articles", "nos derniers articles", "tendances", "trending",
    "pour aller plus loin", "aller plus loin",
}
COMMENT_EXACT = {
    "laisser un commentaire", "laissez un commentaire", "ajouter un commentaire", "laisser une reponse",
    "commentaires", "commentaire", "repondre", "leave a comment", "leave a reply", "add a comment", "comments",
    "comment", "reply", "post comment", "publier le commentaire", "envoyer le commentaire", "annuler la reponse",
    "cancel reply", "deja un comentario", "dejar un comentario", "deja una respuesta", "comentarios",
    "kommentar hinterlassen", "schreibe einen kommentar", "kommentare", "kommentar", "lascia un commento",
    "commenti", "deixe um comentario", "deixe uma resposta", "reageer", "reacties", "reagir", "reagissez",
    "donnez votre avis", "votre commentaire", "your comment", "nom", "name", "site web", "website",
}
COMMENT_RE = re.compile(
    r"\b(?:votre adresse (?:e-mail|email|mail|de messagerie|electronique) ne sera pas publiee|"
    r"your email address will not be published|ce site utilise akismet|this site uses akismet|"
    r"champs obligatoires sont (?:indiques|marques)|required fields are marked|enregistrer mon nom|"
    r"save my name, email|tu direccion de correo electronico no sera publicada|"
    r"(?:deine|ihre) e-mail-adresse wird nicht veroffentlicht|il tuo indirizzo email non sara pubblicato|"
    r"o seu endereco de email nao sera publicado|je e-mailadres wordt niet gepubliceerd|"
    r"vous devez etre connecte pour publier un commentaire|you must be logged in to post a comment|"
    r"soyez le premier a commenter|be the first to comment)"
)
_COUNT = r"\(?\d[\d.,\s]*[km]?\+?\)?"
# "Réagir à cet article", "Réagissez sur nos réseaux sociaux", "Vous souhaitez réagir ? Connectez-vous",
# "Join the conversation": an invitation to comment, alone or aimed at the article or the site's networks
COMMENT_PROMPT_RE = re.compile(
    rf"^(?:(?:reagir|reagissez|commenter|commentez|donnez votre avis|laissez votre avis|partagez votre avis|"
    rf"comment|react|share your (?:thoughts|views|opinion))(?:\s+(?:a|sur|on|to)\s+(?:cet article|cette info|"
    rf"cette actualite|l'article|nos reseaux(?: sociaux)?|les reseaux sociaux|this article|this story|this post|"
    rf"our social(?: networks| media)?|{_NET})\b.*)?"
    rf"|(?:vous souhaitez|envie de|pour) (?:reagir|commenter)\b.*|connectez-vous pour (?:reagir|commenter)\b.*"
    rf"|join the (?:conversation|discussion|debate)\b.*|have your say\b.*)$"
)
_COMMENT_WORDS = r"(?:commentaires?|comments?|comentarios?|kommentare?|commenti|reactions?|reponses?|replies|reacties)"
COMMENT_COUNT_RE = re.compile(
    rf"^\d[\d.,\s]*[km]?\+?\s*{_COMMENT_WORDS}$"
    rf"|^[^,:|\d]{{1,40}}\s*[,:]\s*\d[\d.,\s]*[km]?\+?\s*(?:{_COMMENT_WORDS}|partages|shares)$"  # "Ouest-France, 3 commentaires"
    rf"|^(?:(?:vos|nos|les|tous les|voir les|lire les|your|all|see|view|read|los|sus|ihre|alle)\s+)?{_COMMENT_WORDS}"
    rf"\s*:?\s*{_COUNT}$"
)
# "Partager 2,3K", "Share 230", "Facebook 1,4K", "Likes : 120": the counter written after its label
COUNTER_AFTER_RE = re.compile(
    rf"^(?:partager|partages?|share|shares|compartir|compartido|teilen|geteilt|condividi|tweet|tweets|retweets?|"
    rf"likes?|j'aime|jaime|vues|views|lectures|reads|reactions?|{_AUDIENCE}|{_NET})\s*:?\s*{_COUNT}$"
)
NEWSLETTER_RE = re.compile(
    r"(?:\b(?:notre|nos|our|nuestro|nuestra|nuestros|unseren?|la nostra|nossa|onze)\s+(?:\w+\s+){0,2}"
    r"(?:newsletters?|infolettres?|lettres? d'information|boletin)\b)|"
    r"(?:\b(?:inscrivez-vous|abonnez-vous|subscribe|sign up|signup|suscribete|registrate|abonnieren sie|"
    r"melden sie sich|iscriviti|inscreva-se|schrijf je in|recevez|receive|get)\b.{0,60}\b(?:newsletters?|"
    r"infolettres?|lettre d'information|boletin)\b)"
)
_NEWSLETTER_NOUN = r"(?:newsletters?|infolettres?|lettres? d'information|boletin|boletines)"
_SIGN_UP = (r"(?:inscrivez-vous|abonnez-vous|je m'inscris|je m'abonne|s'inscrire|s'abonner|inscription|subscribe|"
            r"sign up|signup|suscribete|registrate|abonnieren|bestellen|anmelden|iscriviti|inscreva-se|recevez|receive)")
# "Newsletter Éco : chaque matin, recevez l'essentiel", "Jetzt Newsletter abonnieren"
NEWSLETTER_HEAD_RE = re.compile(
    rf"^(?:(?:jetzt|notre|la|our|the|unser|unseren)\s+)?{_NEWSLETTER_NOUN}\b(?:[^:.!?]{{0,40}}:|.{{0,80}}\b{_SIGN_UP}\b)"
)
# a short "Sign up to Business Today" / "Subscribe to our channel" prompt
SIGN_UP_SHORT_RE = re.compile(
    rf"^(?:{_SIGN_UP}|sign up now|subscribe now|jetzt abonnieren)(?:\s+(?:to|for|a|au|aux|at|an|zu|gratuitement|for free|free|"
    rf"now|today|maintenant)\b.*)?$"
)
NEWSLETTER_EXACT = {
    "newsletter", "newsletters", "infolettre", "s'abonner", "abonnez-vous", "je m'abonne", "subscribe",
    "subscribe now", "sign up", "s'inscrire", "inscrivez-vous", "suscribete", "abonnieren", "iscriviti",
    "recevoir la newsletter", "abonnez-vous a la newsletter", "inscription a la newsletter",
}
# Reading time: "Temps de lecture : 3 min", "5 min read", "Reading time: 3 minutes"
_MINUTES = r"(?:min|mins|minutes?|mn|minuten|minutos|minuti)\.?"
_HOW_MANY = r"(?:environ |env\. ?|about |approx\.? |ca\. |~ ?|moins d'une? |less than (?:a |one )?)?(?:\d+(?:\s*-\s*\d+)?|une?|one|a)"
READING_TIME_RE = re.compile(
    rf"^(?:temps de lecture|duree de lecture|temps de lecture estime|lecture|reading time|read time|"
    rf"estimated reading time|time to read|tiempo de lectura|tiempo estimado de lectura|lectura|lesezeit|lesedauer|"
    rf"tempo di lettura|tempo de leitura|leestijd)\s*:?\s*{_HOW_MANY}\s*{_MINUTES}$"
    rf"|^{_HOW_MANY}\s*{_MINUTES}\s*(?:de |of )?(?:read|reading|lecture|de lecture|lesezeit|lectura|de lectura|"
    rf"di lettura|de leitura|leestijd)$"
)
# Paywall: an offer that starts the line and names a price or terms, or a subscribers-only notice.
PAYWALL_START_RE = re.compile(
    r"^(?:abonnez-vous|abonnez vous|abonne-toi|je m'abonne|s'abonner|subscribe|subscribe now|"
    r"subscribe today|become a (?:subscriber|member)|devenez abonne|offre (?:speciale|exceptionnelle|"
    r"decouverte|d'essai|limitee|de bienvenue|d'abonnement|numerique|premium|sans engagement)|special offer|"
    r"limited(?:-| )time offer|limited offer|essai gratuit|free trial|try (?:it )?(?:for )?free|start your (?:free )?"
    r"(?:trial|subscription)|get (?:unlimited|full|digital|premium) access|unlock (?:unlimited|full|all)|"
    r"suscribete|suscribase|hazte suscriptor|oferta especial|jetzt abonnieren|jetzt testen|abonnieren sie|"
    r"abo abschliessen|sonderangebot|abbonati|assine)\b"
)
_PRICE = re.compile(
    r"[€$£]\s?\d|\d[\d.,]*\s?(?:€|\$|£|euros?\b|dollars?\b|eur\b|usd\b|gbp\b|chf\b)"
    r"|\b(?:premier mois|premiers mois|first month|par mois|per month|a month|/ ?mois|/ ?month|/ ?an\b|/ ?year|par an\b|"
    r"per year|a year|sans engagement|no commitment|cancel anytime|resiliable|gratuit|gratuitement|free|gratis|"
    r"kostenlos|pro monat|al mes|por mes)"
)
PAYWALL_NOTICE_RE = re.compile(
    r"\b(?:deja abonne|deja un compte|already (?:a )?(?:subscriber|subscribed|a member)|ya eres suscriptor|"
    r"ya soy suscriptor|bereits abonnent|schon abonnent|reservee?s? (?:aux|a nos) abonnes|"
    r"for subscribers only|subscribers only|subscriber-only|subscriber exclusive|exclusive to subscribers|"
    r"il vous reste \d+\s*% de cet article|la suite est reservee|pour lire la suite|to continue reading|"
    r"to read the full (?:article|story)|contenu reserve|article reserve|exclusivite abonnes|abonnes uniquement|"
    r"solo para suscriptores|exklusiv fur abonnenten|nur fur abonnenten|riservato agli abbonati|"
    r"acced(?:ez|er) (?:en illimite |sans limite |librement )?a (?:tous nos|toutes nos|l'ensemble de nos|"
    r"l'integralite (?:de nos|des|de l'article)|tous les) (?:articles|contenus|enquetes|analyses)|"
    r"(?:get|enjoy|unlock) unlimited access|access (?:to )?all (?:of )?our (?:articles|stories|journalism|content))\b"
)
# Reader polls under an article: "Cet article vous a-t-il été utile ? Oui 245 | Non 12"
FEEDBACK_RE = re.compile(
    r"^(?:cet article vous a-t-il (?:ete utile|plu|interesse)|cet article vous a (?:ete utile|plu|interesse)|avez-vous aime cet article|"
    r"was this (?:article|page|story|post) (?:helpful|useful)|did you (?:find this|like this) (?:article|page|story)|"
    r"war dieser artikel hilfreich|te ha resultado util|le ha resultado util|te ha gustado (?:este|esta)|"
    r"questo articolo ti e stato utile)"
)
# Headings of related-article lists: the short title lines under them go too.
LIST_HEADINGS = {
    "les plus lus", "les plus partages", "les plus commentes", "les plus vus", "les plus populaires",
    "articles les plus lus", "articles similaires", "articles lies", "articles connexes", "articles recommandes",
    "sur le meme sujet", "sur le meme theme", "a lire aussi", "lire aussi", "a lire egalement", "lire egalement", "a lire",
    "voir aussi", "a voir aussi", "nos autres articles", "dans la meme rubrique", "vous aimerez aussi",
    "vous pourriez aussi aimer", "vous aimerez peut-etre aussi", "a decouvrir aussi", "a decouvrir", "a decouvrir egalement",
    "les articles les plus lus", "most read", "most popular", "most shared", "most viewed", "most commented",
    "most read articles", "most read stories", "related", "related articles", "related stories", "related posts",
    "related content", "related news", "read more", "read next", "read also", "see also", "you may also like",
    "you might also like", "recommended for you", "recommended", "more stories", "more news", "popular now",
    "trending now", "top stories", "lo mas leido", "lo mas visto", "las mas leidas", "mas leidas", "mas leido",
    "noticias relacionadas", "te puede interesar", "tambien te puede interesar", "le puede interesar",
    "meistgelesen", "meistgelesene artikel", "meist gelesen", "das konnte sie auch interessieren",
    "das konnte sie interessieren", "auch interessant", "mehr zum thema", "weitere artikel", "i piu letti",
    "piu letti", "articoli correlati", "potrebbe interessarti", "leia tambem", "mais lidas", "veja tambem",
}
# "More from Forbes", "Plus de Business", "Mehr von ...": a short heading naming the site or section
MORE_FROM_RE = re.compile(r"^(?:more from|more on|more in|more stories from|plus de|plus d'articles|mehr von|mehr aus|"
                          r"mas de|mas noticias de|altro da)\b")
BACK_TO_TOP = {
    "retour en haut", "retour en haut de page", "haut de page", "retour haut de page", "remonter", "back to top",
    "scroll to top", "top", "volver arriba", "ir arriba", "nach oben", "zuruck nach oben", "torna su",
    "voltar ao topo", "naar boven", "terug naar boven",
}
NAVIGATION = {
    "chercher", "rechercher", "recherche", "search", "buscar", "busqueda", "suche", "suchen", "cerca",
    "pesquisar", "zoeken", "menu", "main menu", "menu principal", "fermer", "close", "accueil", "home",
    "homepage", "inicio", "startseite", "skip to content", "skip to main content", "aller au contenu",
    "aller au contenu principal", "passer au contenu", "passer au contenu principal", "ir al contenido",
    "zum inhalt springen", "article precedent", "article suivant", "previous article", "next article",
    "previous post", "next post", "precedent", "suivant", "previous", "next", "page suivante", "page precedente",
    "next page", "previous page", "voir plus", "voir tout", "load more", "charger plus", "afficher plus",
    "show more", "see more", "see all", "view all", "tous les articles", "all posts", "sommaire",
    "table des matieres", "table of contents", "contents", "navigation", "se connecter", "connexion", "login",
    "log in", "sign in", "register", "mon compte", "my account", "se deconnecter", "logout", "deconnexion",
    "entrada anterior", "entrada siguiente", "vorheriger artikel", "nachster artikel", "articolo precedente",
    "articolo successivo",
}
TAGS_HEADER = {
    "etiquettes", "etiquette", "tags", "tag", "tags associes", "mots-cles", "mots cles", "mot-cle", "themes",
    "sujets", "categories", "categorie", "rubriques", "rubrique", "keywords", "topics", "etiquetas", "temas",
    "schlagworter", "schlagwoerter", "stichworter", "themen", "argomenti", "palavras-chave", "trefwoorden",
    "classe sous", "filed under", "posted in", "publie dans",
}
TAGS_LINE_RE = re.compile(
    r"^(?:tags?|etiquettes?|mots[- ]cles?|keywords|categories?|categorie|etiquetas|schlagworter|themen|"
    r"filed under|posted in|classe sous|publie dans)\s*:\s*\S"
)
ADVERTISEMENT = {
    "publicite", "pub", "advertisement", "advertising", "ad", "ads", "annonce", "sponsorise", "contenu sponsorise",
    "article sponsorise", "sponsored", "sponsored content", "contenu partenaire", "publi-reportage",
    "publireportage", "publicidad", "anuncio", "contenido patrocinado", "anzeige", "werbung", "pubblicita",
    "publicidade", "advertentie", "partner content",
}
CREDIT_RE = re.compile(
    r"^(?:photo|photos|credit photo|credits photo|credit|credits|image|illustration|source image|"
    r"foto|bild|picture)\s*:\s*\S"
    r"|^(?:additional )?(?:reporting|editing|writing|graphics) by\b"
)
# Event and shop promotions addressed to the reader: "Get your tickets now and save up to $600",
# "Use code TC20", "Early-bird pricing ends Friday", "Réservez vos places". A line is a promotion when it
# opens with such a phrase (after an optional "Event 2024:" head) or holds two of them in the second person.
_PROMO_CUE = (
    r"(?:get|buy|book|grab|secure|reserve) (?:your |our )?(?:tickets?|pass(?:es)?|seats?|spots?|places?)|"
    r"tickets? (?:are )?(?:now )?on sale|save up to|register (?:now|today|here)|early[- ]?bird|"
    r"use (?:the |promo |discount |coupon )?code|(?:promo|discount|coupon) code|limited (?:seats|spots|tickets)|"
    r"(?:shop|buy|order) now|free shipping|"
    r"(?:prenez|achetez|reservez) (?:vos|votre|des) (?:billets?|places?|pass)|reservez des maintenant|"
    r"billetterie (?:ouverte|en ligne)|code promo|tarif (?:early[- ]?bird|preferentiel|reduit)|"
    r"profitez de (?:jusqu'a )?-?\d+ ?%|jusqu'a -\d+ ?%"
)
PROMO_START_RE = re.compile(rf"^(?:[^:.!?]{{1,60}}[:–—-]\s*)?(?:{_PROMO_CUE})\b")
PROMO_CUE_RE = re.compile(rf"\b(?:{_PROMO_CUE})\b")
_SECOND_PERSON = re.compile(r"\b(?:you|your|vous|vos|votre)\b")
# Weather, traffic and market tickers set in the page: "Météo : 12 °C à Lyon demain"
WIDGET_RE = re.compile(r"^(?:la )?(?:meteo|weather|el tiempo|wetter|trafic|traffic)\s*:")
BREADCRUMB_SPLIT = re.compile(r"\s+(?:-|–|—|>|»|›|/|\||→|::|•)\s+")
HOME_WORDS = {"accueil", "home", "homepage", "inicio", "startseite", "page d'accueil", "index", "portada", "home page"}
BREADCRUMB_PREFIX = re.compile(r"^(?:vous etes ici|you are here|usted esta aqui|sie sind hier)\s*:")

LOREM = set(
    """lorem ipsum dolor sit amet consectetur consectetuer adipiscing adipisicing elit sed do eiusmod tempor
    incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris
    nisi aliquip ex ea commodo consequat duis aute irure in reprehenderit voluptate velit esse cillum eu fugiat
    nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim id
    est laborum vestibulum ante primis faucibus orci luctus ultrices posuere cubilia curae donec nec nunc nibh
    mauris vel pellentesque habitant morbi tristique senectus netus malesuada fames ac turpis egestas integer
    aenean vitae etiam quam praesent lacus nullam fusce suspendisse lectus sapien tellus massa vivamus cras
    maecenas sem risus leo eget justo mi odio nam purus felis urna dui augue tortor proin ligula arcu mollis at
    phasellus porta ultricies dapibus curabitur condimentum sollicitudin pulvinar varius pharetra viverra feugiat
    hendrerit imperdiet libero erat volutpat blandit tincidunt interdum semper gravida lacinia scelerisque
    placerat accumsan aliquam sodales rhoncus venenatis mattis sagittis euismod elementum eleifend facilisis
    metus neque lobortis iaculis fermentum vehicula ornare congue dignissim efficitur fringilla convallis rutrum
    alienum phaedrum torquatos vis detraxit periculis nihil expetendis mei an pericula euripidis hinc partem ei
    eos nisl graecis vix aperiri eius pertinax sensibus error epicurei mea urbanitas moderatius rationibus
    definiebas purto zril laoreet omnium interpretaris pro alia illum vim""".split()
)

# Function words of fr, en, es, de: a line of keywords has almost none of them.
STOPWORDS = set(
    """le la les un une des du de d l et ou en dans sur pour par avec sans que qui ne pas est sont a au aux ce
    cette ces son sa ses leur leurs il elle ils elles nous vous on se s qu y mais donc plus tres
    the a an of to in on for with by at from and or but is are was were be been that this these those it its as
    not no has have had will would can could their his her they we you which who
    el los las una unos del al y o que por con para es son se su sus lo como mas pero
    der die das den dem ein eine und oder mit von zu im ist sind nicht auch auf fur dass""".split()
)


# Function words specific to one language: two of them in a line show it is in that language
# without asking the language detector (a cheap pre-filter for the foreign-line rule).
MARKERS = {
    "fr": set("les une dans pour avec sont cette ete aux du qui pas leur leurs mais nous vous elle ils elles sur au "
              "ces ses".split()),
    "en": set("the and of to with that this for from by have has which their they are were".split()),
    "es": set("el los las del y por para con sus al como pero muy".split()),
    "de": set("der die das und ist nicht mit von zu den dem ein eine auf fur sich auch wird".split()),
}


# ----------------------------------------------------------------------------- line model

@dataclass
class _Line:
    index: int
    start: int
    end: int
    text: str  # stripped
    norm: str
    tokens: list[str]
    folded: list[str]  # tokens in folded form (same words, for table look-ups)
    block: int


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    block = 0
    prev_blank = True
    for i, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if stripped:
            if prev_blank:
                block += 1
            lead = len(raw) - len(raw.lstrip())
            start = pos + lead
            folded = fold(stripped)
            out.append(
                _Line(i, start, start + len(stripped), stripped, _norm(stripped), _TOKEN.findall(stripped),
                      _TOKEN.findall(folded), block)
            )
        prev_blank = not stripped
        pos += len(raw) + 1
    return out


def _ends_sentence(text: str) -> bool:
    return bool(_SENT_END.search(text))


def _is_short_label(line: _Line, max_words: int = 4) -> bool:
    return len(line.tokens) <= max_words and not _ends_sentence(line.text)


# ----------------------------------------------------------------------------- rules

_MD_IMAGE = re.compile(r"^(?:!\[[^\]]*\]\([^)]*\)\s*)+$")
_MD_LINK = re.compile(r"^(?:[-*•]\s*)?\[[^\]]*\]\([^)]*\)$")
_BARE_URL = re.compile(r"^<?(?:https?://|www\.)\S+>?$")
_HTML_COMMENT = re.compile(r"^<!--.*-->$")
_FRONT_MATTER = re.compile(  # "---", then "key: value", indented or "- item" lines, then "---" or "..."
    r"\A---[ \t]*\n((?:[ \t]*[A-Za-z_][\w-]*[ \t]*:.*\n|[ \t]+.*\n|[ \t]*-.*\n|[ \t]*\n)*?)(?:---|\.\.\.)[ \t]*(?=\n|\Z)"
)


def _tag_cloud(line: _Line) -> bool:
    toks = line.tokens
    if len(toks) < 15 or _SENT_PUNCT_INSIDE.search(line.text):
        return False
    stop = sum(1 for t in line.folded if t in STOPWORDS)
    return stop / len(toks) < 0.15


def _lorem(line: _Line) -> bool:
    if "lorem ipsum" in line.norm:
        return True
    toks = line.folded
    if len(toks) < 5:
        return False
    hits = [t for t in toks if t in LOREM]
    return len(hits) / len(toks) >= 0.5 and sum(1 for t in hits if len(t) >= 5) >= 3


def _breadcrumb(line: _Line) -> bool:
    if BREADCRUMB_PREFIX.match(line.norm):
        return True
    parts = BREADCRUMB_SPLIT.split(line.text)
    if len(parts) < 3 or re.search(r"[.!;…](?:\s|$)", line.text):
        return False
    sizes = [len(_TOKEN.findall(p)) for p in parts]
    if min(sizes) == 0 or max(sizes) > 10:
        return False
    return _norm(parts[0]) in HOME_WORDS or (len(parts) >= 4 and max(sizes) <= 6)


def _more_from_heading(line: _Line) -> bool:
    """"More from Forbes", "Plus de Business": a short unpunctuated list heading."""
    return len(line.tokens) <= 5 and not _ends_sentence(line.text) and ":" not in line.text \
        and bool(MORE_FROM_RE.match(line.norm)) and not any(ch.isdigit() for ch in line.text)


def _list_heading(line: _Line) -> bool:
    """A heading that introduces a list of other articles ("Les plus lus", "Related stories")."""
    return line.norm in LIST_HEADINGS or _more_from_heading(line)


_HEADLINE = re.compile(r"^[^:]{2,80}?\s?:\s+\S")  # "Retraites : ce qui change au 1er janvier"


def _title_like(line: _Line) -> bool:
    """A line that reads like an article title: numbered, unpunctuated, or "X : Y"."""
    if _BULLET.match(line.text) or not _ends_sentence(line.text):
        return True
    m = _HEADLINE.match(line.text)
    return bool(m) and len(_TOKEN.findall(line.text[:line.text.index(":")])) <= 6 and len(line.tokens) < 20


def _prose(line: _Line) -> bool:
    return len(line.tokens) >= 20 and _ends_sentence(line.text)


def _related_lists(lines: list[_Line], reasons: dict[int, str]) -> None:
    """The title lines under a related-articles heading, up to the next prose paragraph.

    Stops at a prose line (20 words or more, ending a sentence), at a line that is not
    title-like, and at a section heading of the article: an unnumbered line that opens a new
    block and is directly followed by a sentence of 10 words or more.
    """
    for k, line in enumerate(lines):
        if reasons.get(k) != "read_also" or not _list_heading(line):
            continue
        prev = k
        for m in range(k + 1, len(lines)):
            cur = lines[m]
            if m in reasons:
                if reasons[m] == "read_also" and _list_heading(cur):
                    break  # the next list takes over
                continue
            if _prose(cur) or not _title_like(cur):
                break
            nxt = lines[m + 1] if m + 1 < len(lines) else None
            if cur.block != lines[prev].block and not _BULLET.match(cur.text) and nxt is not None \
                    and m + 1 not in reasons and len(nxt.tokens) >= 10 and _ends_sentence(nxt.text) \
                    and not _BULLET.match(nxt.text):
                break  # a section heading: the article goes on
            reasons[m] = "related_list"
            prev = m


_SEGMENT_SPLIT = re.compile(r"\s+[|¦]\s+|\s{2,}|\s+[·•]\s+")
_SENTENCE_CUT = re.compile(r"(?<=[.!?])\s+(?=\S)")


def _segments(line: _Line) -> list[_Line]:
    """Parts of a line cut at " | ", " · ", " • " or runs of spaces; with a pipe or dot, also
    after each sentence ("... a Forbes contributor. Share 230 | Tweet")."""
    cuts = [m.span() for m in _SEGMENT_SPLIT.finditer(line.text)]
    if not cuts:
        return []
    if any(not line.text[a:b].isspace() for a, b in cuts):
        cuts = sorted(cuts + [m.span() for m in _SENTENCE_CUT.finditer(line.text)
                              if not any(a <= m.start() < b for a, b in cuts)])
    out: list[_Line] = []
    pos = 0
    for a, b in cuts + [(len(line.text), len(line.text))]:
        seg = line.text[pos:a]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            seg = seg.strip()
            start = line.start + pos + lead
            out.append(_Line(line.index, start, start + len(seg), seg, _norm(seg), _TOKEN.findall(seg),
                             _TOKEN.findall(fold(seg)), line.block))
        pos = b
    return out


def _segment_reasons(line: _Line) -> tuple[str | None, list[tuple[int, int, str]]]:
    """Widgets glued on one line: (reason, []) when every part is boilerplate ("Partager sur
    Facebook  1,2K partages"); else, on a line cut with pipes or dots, the parts that are, each
    with the separator that joins it to the kept text ("Par Claire Dumas | Lecture : 4 min")."""
    segs = _segments(line)
    if len(segs) < 2:
        return None, []
    found = [_line_reason(seg) for seg in segs]
    if all(found):
        return found[0], []
    if not any(not line.text[a.end - line.start:b.start - line.start].isspace() for a, b in zip(segs, segs[1:])):
        return None, []  # only runs of spaces: too weak a cut to keep part of the line
    parts: list[tuple[int, int, str]] = []
    i = 0
    while i < len(segs):
        if not found[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(segs) and found[j + 1]:
            j += 1
        if j + 1 == len(segs):  # a trailing run takes the separator before it
            parts.append((segs[i - 1].end, segs[j].end, found[i]))
        else:  # a leading or inner run takes the separator after it
            parts.append((segs[i].start, segs[j + 1].start, found[i]))
        i = j + 1
    return None, parts


_SENTENCE_OR_DASH = re.compile(r"(?<=[.!?…])(?<!\b[A-Z]\.)\s+(?=\S)|\s+[–—]\s+")
_SENTENCE_ONLY = re.compile(r"(?<=[.!?…])(?<!\b[A-Z]\.)\s+(?=\S)")
# reasons strong enough to take one sentence out of a line that otherwise stays
_PARTIAL_REASONS = {"share_counter", "social", "share", "legal", "read_also", "comment_form", "paywall",
                    "newsletter", "reading_time", "feedback", "credit", "promo", "widget"}
_SHORT_LINE = 40


def _cut(line: _Line, rx: re.Pattern) -> list[_Line]:
    """The parts of ``line`` between the matches of ``rx``, as lines of their own."""
    out: list[_Line] = []
    pos = 0
    for a, b in [m.span() for m in rx.finditer(line.text)] + [(len(line.text), len(line.text))]:
        seg = line.text[pos:a]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            seg = seg.strip()
            start = line.start + pos + lead
            out.append(_Line(line.index, start, start + len(seg), seg, _norm(seg), _TOKEN.findall(seg),
                             _TOKEN.findall(fold(seg)), line.block))
        pos = b
    return out


def _sentence_reasons(line: _Line) -> tuple[str | None, list[tuple[int, int, str]]]:
    """Widget sentences sharing a short line ("Réagissez sur nos réseaux sociaux. 1,5K partages",
    "Partager : Facebook, X. 4 min de lecture."): (reason, []) when every sentence (or part cut by a
    spaced dash) is boilerplate; else the boilerplate sentences alone, when of a strong kind (share,
    counter, paywall, newsletter...) and of two words or more, each with the space that joins it to
    the kept text. Lines of more than 40 words are article prose and are left alone."""
    if len(line.tokens) > _SHORT_LINE:
        return None, []
    segs = _cut(line, _SENTENCE_OR_DASH)
    if len(segs) < 2:
        return None, []
    found = [_line_reason(seg) for seg in segs]
    if all(found):
        return found[0], []
    segs = _cut(line, _SENTENCE_ONLY)
    if len(segs) < 2:
        return None, []
    parts: list[tuple[int, int, str]] = []
    for k, seg in enumerate(segs):
        r = _line_reason(seg)
        if r not in _PARTIAL_REASONS or len(seg.tokens) < 2:
            continue
        if k + 1 == len(segs):
            parts.append((segs[k - 1].end, seg.end, r))
        else:
            parts.append((seg.start, segs[k + 1].start, r))
    return None, parts


def _line_reason(line: _Line) -> str | None:
    """Reason for removing a line judged on its own, or None."""
    text, n, ntok = line.text, line.norm, len(line.tokens)
    if not _ALNUM.search(text):
        return "markup"
    if _MD_IMAGE.match(text):
        return "image"
    if _MD_LINK.match(text) or _BARE_URL.match(text):
        return "link_only"
    if _HTML_COMMENT.match(text):
        return "markup"
    if COUNTER_RE.match(text) or (ntok <= 5 and (COUNTER_WORD_RE.match(n) or COUNTER_AFTER_RE.match(n))):
        return "share_counter"
    if ntok <= 8:
        if SOCIAL_RE[0].match(n) or SOCIAL_RE[1].match(n) or SOCIAL_RE[2].match(n):
            return "social"
        if SOCIAL_RE[3].match(n) and _SOCIAL_OBJECT.search(n) and not _ends_sentence(text):
            return "social"
        if ntok <= 6 and SHARE_RE.match(n):
            return "share"
    if ntok <= 14 and SHARE_NETWORKS_RE.match(n):
        return "share"
    if ntok <= 80 and COOKIE_RE.search(n) and COOKIE_CONTEXT_RE.search(n):
        return "cookie_banner"
    if n in CONSENT_BUTTONS:
        return "cookie_banner"
    if n in LEGAL_EXACT or (ntok <= 25 and LEGAL_RE.search(fold(text))):
        return "legal"
    if ntok <= 30 and READ_ALSO_PREFIX.match(n):
        return "read_also"
    if n in READ_ALSO_EXACT or n in LIST_HEADINGS or _more_from_heading(line):
        return "read_also"
    if n in COMMENT_EXACT or COMMENT_COUNT_RE.match(n) or (ntok <= 40 and COMMENT_RE.search(n)):
        return "comment_form"
    if ntok <= 12 and COMMENT_PROMPT_RE.match(n):
        return "comment_form"
    if (ntok <= 40 and PAYWALL_START_RE.match(n) and _PRICE.search(n)) or (ntok <= 18 and PAYWALL_NOTICE_RE.search(n)):
        return "paywall"
    if ntok <= 14 and SMALL_PRICE_RE.search(text) and PAYWALL_TERMS_RE.search(n) and READER_CUE_RE.search(n):
        return "paywall"  # "Only $1 for 4 weeks", "Then $75 per month", "Contribute £1"
    if n in NEWSLETTER_EXACT or (ntok <= 40 and NEWSLETTER_RE.search(n)) or (ntok <= 20 and NEWSLETTER_HEAD_RE.match(n)):
        return "newsletter"
    if ntok <= 8 and SIGN_UP_SHORT_RE.match(n) and not _ends_sentence(text):
        return "newsletter"
    if ntok <= 12 and READING_TIME_RE.match(n):
        return "reading_time"
    if ntok <= 25 and FEEDBACK_RE.match(n):
        return "feedback"
    if n in BACK_TO_TOP:
        return "back_to_top"
    if n in NAVIGATION:
        return "navigation"
    if n in TAGS_HEADER or (TAGS_LINE_RE.match(n) and not _ends_sentence(text)):
        return "tags"
    if n in ADVERTISEMENT:
        return "advertisement"
    if ntok <= 12 and CREDIT_RE.match(n):
        return "credit"
    if ntok <= 30 and (PROMO_START_RE.match(n) or (
            len(set(PROMO_CUE_RE.findall(n))) >= 2 and _SECOND_PERSON.search(n) and ntok <= 20)):
        return "promo"
    if ntok <= 12 and WIDGET_RE.match(n):
        return "widget"
    if _breadcrumb(line):
        return "breadcrumb"
    if _lorem(line):
        return "lorem_ipsum"
    if _tag_cloud(line):
        return "tag_cloud"
    return None


SMALL_PRICE_RE = re.compile(r"(?:[$€£]\s?\d{1,3}(?:[.,]\d{1,2})?(?![\d.,]*\s*(?:bn|billion|million|milliards?|millions?|m\b|k\b))"
                            r"|\b\d{1,3}(?:[.,]\d{1,2})?\s?(?:€|\$|£|euros?\b|dollars?\b))", re.I)
# Words that address the reader (an offer), not prose that reports on prices.
READER_CUE_RE = re.compile(r"\b(?:only|then|try|join|subscribe|sign|you|your|contribute|donate|vous|votre|abonnez|essayez|seulement|puis|rejoignez|soutenez)\b", re.I)
# A small price with subscription or donation terms, whatever word opens the line.
PAYWALL_TERMS_RE = re.compile(
    r"\b(?:per|a|par|por|al|pro)\s+(?:month|year|week|mois|an|année|semaine|mes|año|Monat|Jahr|mese|anno)\b|/\s*(?:month|mo|year|yr|mois|an)\b"
    r"|\bfor\s+\d+\s+(?:weeks?|months?)\b|\bpendant\s+\d+\s+(?:semaines?|mois)\b|\b(?:trial|essai|unlimited access|accès illimité|full access)\b"
    r"|\b(?:contribute|donate|donation|support us|faites un don|soutenez)\b",
    re.I,
)
_END_MARKERS = {"comment_form", "share", "tags", "newsletter", "back_to_top", "paywall"}
_WIDGET_REASONS = {"social", "share_counter", "cookie_banner", "share"}


def _quoted(text: str) -> bool:
    """True when the line is (mostly) a quotation."""
    if text[0] in _QUOTES_OPEN:
        return True
    inside = sum(len(m) for m in re.findall(r"«[^»]*»|“[^”]*”|\"[^\"]*\"", text))
    return inside >= 0.5 * len(text)


def _foreign_lines(lines: list[_Line], reasons: dict[int, str], language: str) -> None:
    from .langdetect import LANGUAGES, language_confidences

    if language not in LANGUAGES:
        return
    markers = MARKERS.get(language, set())
    vocab: Counter[str] = Counter()
    names_count: Counter[str] = Counter(t for line in lines for t in line.tokens)
    line_words: dict[int, Counter[str]] = {}
    for k, line in enumerate(lines):
        words = Counter(t for t in line.folded if len(t) >= 4 and not t.isdigit())
        line_words[k] = words
        vocab.update(words)
    for k, line in enumerate(lines):
        if k in reasons or len(line.tokens) < 5 or _quoted(line.text):
            continue
        if len(markers.intersection(line.folded)) >= 2:
            continue  # plainly in the document language
        conf = language_confidences(line.text)
        if not conf:
            continue
        best, value = conf[0]
        mine = dict(conf).get(language, 0.0)
        if best == language or value < 0.7 or mine > 0.15:
            continue
        words = line_words[k]
        names = [t for t in line.tokens if t[0].isupper() and len(t) >= 3 and t.lower() not in STOPWORDS]
        if any(names_count[t] > line.tokens.count(t) for t in names):
            continue  # names the article's subjects: the same story in another language, keep
        if words and sum(1 for w, c in words.items() if vocab[w] > c) / len(words) >= 0.3:
            continue  # shares the article's vocabulary: keep
        reasons[k] = "foreign_language"


def find_boilerplate(text: str, language: str | None = None) -> list[RemovedSpan]:
    """Boilerplate regions of ``text`` (document language ``language``, ISO 639-1, may be None).

    Spans cover whole lines (without surrounding whitespace), except the widget parts of a line
    cut with pipes; consecutive regions with the same reason are merged into one span. Offsets are ``str`` offsets into ``text``.
    """
    lines = _lines(text)
    reasons: dict[int, str] = {}  # position in `lines` -> reason

    fm = _FRONT_MATTER.match(text)
    if fm and fm.group(1).strip():
        for k, line in enumerate(lines):
            if line.start < fm.end():
                reasons[k] = "front_matter"

    partial: list[tuple[int, int, str]] = []  # boilerplate parts of kept lines
    for k, line in enumerate(lines):
        if k not in reasons:
            r = _line_reason(line)
            if r is None:
                r, parts = _segment_reasons(line)
                if r is None and not parts:
                    r, parts = _sentence_reasons(line)
                partial.extend(parts)
            if r:
                reasons[k] = r

    _related_lists(lines, reasons)

    # the unpunctuated line that follows a "Tags" heading is a tag list
    for k, line in enumerate(lines[:-1]):
        if reasons.get(k) == "tags" and k + 1 not in reasons:
            nxt = lines[k + 1]
            stop = sum(1 for t in nxt.folded if t in STOPWORDS) / max(1, len(nxt.tokens))
            if not _SENT_PUNCT_INSIDE.search(nxt.text) and (stop < 0.25 or nxt.text.count(",") >= 2):
                reasons[k + 1] = "tag_cloud"

    # widgets: a short label right next to a social/counter/cookie line (same block) goes with it
    found = {k: r for k, r in reasons.items() if r in _WIDGET_REASONS}
    for k, reason in sorted(found.items()):
        for m in (k - 1, k + 1):
            if 0 <= m < len(lines) and m not in reasons and lines[m].block == lines[k].block \
                    and _is_short_label(lines[m], 2):
                reasons[m] = reason

    # menus: consecutive short unpunctuated lines
    from .ingest.dates import find_dates

    def menu_item(k: int) -> bool:
        line = lines[k]
        return (
            k not in reasons
            and len(line.tokens) <= 3
            and not any(ch.isdigit() for ch in line.text)
            and not _ends_sentence(line.text)
            and not line.text.endswith(":")
            and not _BULLET.match(line.text)
            and not find_dates(line.text)
        )

    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and lines[j].block == lines[k].block and menu_item(j):
            j += 1
        if j - k >= 2 and not (k > 0 and lines[k - 1].block == lines[k].block and lines[k - 1].text.endswith(":")):
            for m in range(k, j):
                reasons[m] = "navigation"
        k = max(j, k + 1)

    # repeated lines (a title printed twice)
    seen: set[str] = set()
    for k, line in enumerate(lines):
        key = re.sub(r"\W+", "", line.norm)
        if len(line.tokens) >= 3 and key in seen and k not in reasons:
            reasons[k] = "duplicate"
        seen.add(key)

    if language:
        _foreign_lines(lines, reasons, language)

    # footer: everything after an end-of-article marker in the second half of the text
    half = len(text) / 2
    for k, line in enumerate(lines):
        if reasons.get(k) in _END_MARKERS and line.start >= half:
            rest = [m for m in range(k + 1, len(lines)) if m not in reasons]
            if not any(len(lines[m].tokens) >= 20 and _ends_sentence(lines[m].text) for m in rest):
                for m in rest:
                    reasons[m] = "footer"
            break

    regions = [(lines[k].start, lines[k].end, r) for k, r in reasons.items()]
    regions += [(a, b, r) for a, b, r in partial if not any(s <= a < e for s, e, _ in regions)]
    spans: list[RemovedSpan] = []
    for start, end, reason in sorted(regions):
        if spans and spans[-1].reason == reason and not text[spans[-1].end:start].strip():
            spans[-1].end = end
        else:
            spans.append(RemovedSpan(start=start, end=end, reason=reason))
    return spans


def kept_spans(text: str, removed: list[RemovedSpan]) -> list[Span]:
    """The complement of ``removed`` in ``text``, trimmed of whitespace, without empty regions."""
    out: list[Span] = []
    pos = 0
    for r in sorted(removed, key=lambda s: s.start):
        _add_region(text, pos, r.start, out)
        pos = max(pos, r.end)
    _add_region(text, pos, len(text), out)
    return out


def _add_region(text: str, start: int, end: int, out: list[Span]) -> None:
    if end <= start:
        return
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    out.append(Span(start=start + lead, end=start + lead + len(stripped)))
