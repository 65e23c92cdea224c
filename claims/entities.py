"""Entities: named-entity recognition plus alias and description resolution in a document.

- Names come from spaCy's NER (`claims.nlp`), cleaned ("d'OpenAI" -> "OpenAI").
- Well-known aliases ("le géant de Redmond") come from `claims/data/aliases.json`, a
  documented, extendable table (``load_aliases(extra_path)`` merges a user file on top).
- Descriptions ("la start-up", "l'entreprise d'IA", "le géant de l'informatique") are resolved
  from the document itself, never from a table: an apposition ("OpenAI, la start-up ...",
  "la start-up OpenAI") binds them; otherwise the salient organisations of the document are
  scored with class evidence (a "young" description such as start-up cannot be an organisation
  the document calls a giant, and vice versa) and co-occurrence evidence (a description and a
  name used side by side in one sentence usually denote different organisations). A tie stays
  unresolved rather than guessed.
"""
from __future__ import annotations

import bisect
import functools
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional, Sequence

from .model import Document, Sentence
from .syntax import Parse

ACTOR_LABELS = {"ORG", "MISC", "PER", "LOC"}  # the French model often tags unknown companies LOC
_CAPS = re.compile(r"(?<![\w'’-])(?:[A-Z][a-z]*[A-Z][\w-]*|[A-Z][\w-]+)(?:\s+(?:[A-Z][\w-]*|AI|IA))*")
_NOT_NAMES = set("""
Le La Les L Un Une Des Du De Ce Cet Cette Ces Il Elle Ils Elles On Nous Vous Je Tu En Au Aux Dans Pour Par Sur Avec Sans Selon
Depuis Mais Et Ou Donc Or Ni Car Si Quand Lorsque Alors Ainsi Cependant Pourtant Toutefois Enfin Aussi Bien Face Malgré Après Avant
Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche Janvier Février Mars Avril Mai Juin Juillet Août Septembre Octobre Novembre Décembre
The A An In On At Of For By With From As But And Or If When While After Before Since According This That These Those It Its They We
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December
Januar Februar März Juni Juli Oktober Dezember Jahr Jahres Im Der Die Das Ein Eine Nach Seit Laut Bei Mit
Enero Febrero Marzo Abril Mayo Junio Julio Agosto Septiembre Octubre Noviembre Diciembre El Los Las Según Desde Tras Durante
Gennaio Febbraio Aprile Maggio Giugno Luglio Settembre Ottobre Dicembre Il Lo Gli Nel Nella Secondo Dal Dopo
Janeiro Fevereiro Março Maio Junho Julho Setembro Outubro Novembro Dezembro Os As No Na Segundo
""".split())
_ELISION = re.compile(r"^(?:d|l|qu|jusqu|lorsqu|puisqu)['’]\s*", re.I)
_LEADING_ART = re.compile(r"^(?:le|la|les|l['’]|du|des|de la|de l['’]|d['’]|au|aux|à la|à l['’]|the)\s+", re.I)
_CORP_SUFFIX = re.compile(r"[\s,]+(?:inc|corp|corporation|ltd|llc|plc|sa|sas|ag|gmbh|co)\.?$", re.I)

@functools.lru_cache(maxsize=1)
def _names_data() -> dict:
    return json.loads(resources.files("claims").joinpath("data/names.json").read_text(encoding="utf-8"))


def _forms(entry: str) -> list[str]:
    return [f for f in entry.split("|") if f]


@functools.lru_cache(maxsize=16)
def _description_rx(lang: Optional[str]) -> tuple[re.Pattern, dict[str, str]]:
    """The descriptions of ``claims/data/names.json`` for a language ("la start-up", "der
    Konzern", "la empresa"), and the canonical head of each form; a language without an entry
    gets every language's descriptions."""
    table = _names_data()["descriptions"]
    langs = [lang] if lang in table else list(table)
    canon: dict[str, str] = {}
    dets: set[str] = set()
    heads: list[str] = []
    suffixes: list[str] = []
    mods: list[str] = []
    for code in langs:
        t = table[code]
        dets.update(t["determiners"])
        for entry in t["heads"]:
            forms = _forms(entry)
            for f in forms:
                canon[f.lower()] = forms[0].lower()
                heads.append(f)
        for entry in t.get("suffix_heads", []):
            forms = _forms(entry)
            for f in forms:
                canon[f.lower()] = forms[0].lower()
                suffixes.append(f)
        if t.get("modifiers"):
            mods.append(t["modifiers"])
    # a determiner is a word of its own ("der Konzern", not "Des|infektionsmittelhersteller"); an elided one is glued ("l'azienda")
    det = "|".join(re.escape(d).replace("\\ ", r"\s+") + ("\\s*" if d[-1] in "'’" else "\\s+") for d in sorted(dets, key=len, reverse=True))
    head = "|".join(re.escape(h) for h in sorted(set(heads), key=len, reverse=True))
    if suffixes:
        head = r"[^\W\d_]*(?:" + "|".join(re.escape(h) for h in sorted(set(suffixes), key=len, reverse=True)) + ")|" + head
    mod = "(?:" + "|".join(mods) + ")" if mods else ""
    rx = re.compile(r"(?<![\w-])(?:" + det + r")(?P<head>" + head + r")(?![\w-])(?P<mod>" + mod + ")", re.I)
    return rx, canon


def _head_key(head: str, canon: dict[str, str]) -> str:
    h = head.lower()
    if h in canon:
        return canon[h]
    for form in sorted(canon, key=len, reverse=True):  # a compound: "chemiekonzerns" -> "konzern"
        if h.endswith(form):
            return canon[form]
    return h


def description_class(head: str) -> Optional[str]:
    h = head.lower()
    for cls, words in _names_data()["classes"].items():
        if h in {w.lower() for w in words}:
            return cls
    return None


@functools.lru_cache(maxsize=1 << 16)
def common_word(word: str, lang: Optional[str]) -> bool:
    """Whether a capitalised word is a common word of the language rather than a name
    (``claims/data/names.json``, "common_words"; wordfreq's frequencies). False for languages
    without an entry, and when wordfreq is not installed."""
    cfg = _names_data()["common_words"].get(lang or "")
    if not cfg:
        return False
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - a dependency of the package
        return False

    def common(w: str, floor: float) -> bool:
        z = zipf_frequency(w, lang)
        return z >= floor and z - max(zipf_frequency(w, o) for o in cfg["against"]) >= cfg["gap"]

    if common(word, cfg["min_zipf"]):
        return True
    if max(zipf_frequency(word, o) for o in cfg["against"]) >= cfg["known_elsewhere"]:
        return False
    n = cfg["suffix_min"]
    return any(common(word[i:], cfg["suffix_zipf"]) for i in range(1, len(word) - n + 1))


def common_name(name: str, lang: Optional[str]) -> bool:
    """A name candidate all of whose words are common words ("Beim Nettogewinn", "Prozent")."""
    words = re.findall(r"[^\W\d_]+", name)
    return bool(words) and all(common_word(w, lang) for w in words)


@functools.lru_cache(maxsize=8)
def load_aliases(extra_path: Optional[str] = None) -> dict[str, dict[str, str]]:
    """The alias table, per language (lower-case key -> canonical name)."""
    data = json.loads(resources.files("claims").joinpath("data/aliases.json").read_text("utf-8"))
    table = {k: dict(v) for k, v in data.items() if not k.startswith("_")}
    if extra_path:
        extra = json.loads(Path(extra_path).read_text("utf-8"))
        for lang, entries in extra.items():
            if not lang.startswith("_"):
                table.setdefault(lang, {}).update({k.lower(): v for k, v in entries.items()})
    return table


@functools.lru_cache(maxsize=8)
def _alias_regex(extra_path: Optional[str] = None) -> tuple[re.Pattern, dict[str, str]]:
    flat: dict[str, str] = {}
    for entries in load_aliases(extra_path).values():
        flat.update(entries)
    keys = sorted(flat, key=len, reverse=True)
    pat = re.compile(
        r"(?<![\w-])(?:(?:le|la|les|l['’]|du|de la|de l['’]|au|à la|à l['’]|the)\s*)?(?P<key>"
        + "|".join(re.escape(k) for k in keys)
        + r")(?![\w-])",
        re.I,
    )
    return pat, flat


def clean_name(text: str) -> str:
    text = re.sub(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]", "", text)  # invisible marks
    name = re.split(r"\n|:\s|\s[-–—|]\s", text.strip())[0]
    name = _ELISION.sub("", name)
    name = _LEADING_ART.sub("", name)
    name = re.sub(r"['’]s$", "", name.strip(" \t,;:.!?«»\"()[]"))  # "Helix Mobile's"
    name = name.strip(" \t,;:.!?«»\"'’()[]")
    name = _CORP_SUFFIX.sub("", name)
    return name




@dataclass
class EntityMention:
    start: int
    end: int
    text: str
    name: Optional[str]  # canonical name, None for an unresolved description
    label: str  # ORG, PER, MISC, DESC
    via: str  # "ner", "alias", "description"
    sentence: int
    key: Optional[str] = None  # normalised description ("start-up", "entreprise d'ia")
    cls: Optional[str] = None  # "big" / "young" for descriptions


@dataclass
class SentenceInfo:
    sentence: Sentence
    entities: list[EntityMention]
    conditional: list[tuple[int, int]] = field(default_factory=list)  # verbs in the conditional mood (doc offsets)
    parse: Optional[Parse] = None  # dependency parse (claims.syntax), for languages the pipeline parses


@dataclass
class DocumentEntities:
    document: Document
    sentences: dict[int, SentenceInfo]
    salience: Counter = field(default_factory=Counter)
    first_seen: dict[str, int] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    classes: dict[str, set] = field(default_factory=lambda: defaultdict(set))
    bound: dict[str, str] = field(default_factory=dict)  # description key -> name (apposition)
    cooccur: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def weight(self, name: str) -> float:
        return self.salience[name] * (0.5 if self.labels.get(name) == "LOC" else 1.0)

    def organisations(self) -> list[str]:
        orgs = [n for n in self.salience if self.labels.get(n) in {"ORG", "MISC", "LOC"}]
        return sorted(orgs, key=lambda n: (-self.weight(n), self.first_seen.get(n, 10**9)))

    def resolve(self, m: EntityMention, exclude: Iterable[str] = ()) -> Optional[str]:
        """Resolve a mention to a canonical name (descriptions from document evidence)."""
        if m.name:
            return m.name
        excl = set(exclude)
        key = m.key or ""
        if key in self.bound and self.bound[key] not in excl:
            return self.bound[key]
        cands = [n for n in self.organisations()[:6] if n not in excl]
        if m.cls:
            other = "young" if m.cls == "big" else "big"
            cands = [n for n in cands if other not in self.classes.get(n, set())]
            same = [n for n in cands if m.cls in self.classes.get(n, set())]
            if len(same) == 1:
                return same[0]
        if not cands:
            return None
        top = max(self.weight(n) for n in cands) or 1
        scores = {n: self.weight(n) / top - 0.5 * self.cooccur[key][n] for n in cands}
        ranked = sorted(cands, key=lambda n: (-scores[n], self.first_seen.get(n, 10**9)))
        if len(ranked) > 1 and abs(scores[ranked[0]] - scores[ranked[1]]) < 1e-9:
            if self.weight(ranked[0]) == self.weight(ranked[1]):
                return None
        return ranked[0]


_CONNECTORS = {"de", "du", "des", "d'", "d’", "von", "der", "den", "van", "of", "di", "del", "della", "da", "do", "dos", "la", "le", "y", "e", "et", "and", "&"}
_TOKEN = re.compile(r"[^\s]+")


def _name_runs(text: str) -> list[tuple[int, int]]:
    """Split an entity span into runs of capitalised tokens ("Microsoft renunció" -> "Microsoft";
    "Microsoft ha investito 1 miliardo di dollari in OpenAI" -> "Microsoft", "OpenAI"), keeping
    connectors between capitalised tokens ("Banque de France")."""
    toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if toks[i][2][:1].isupper():
            j = i
            while j + 1 < len(toks):
                nxt = toks[j + 1][2]
                if nxt[:1].isupper() or (re.fullmatch(r"[A-Z0-9][\w.-]*", nxt) is not None):
                    j += 1
                elif nxt.lower() in _CONNECTORS and j + 2 < len(toks) and toks[j + 2][2][:1].isupper():
                    j += 2
                else:
                    break
            runs.append((toks[i][0], toks[j][1]))
            i = j + 1
        else:
            i += 1
    return runs


# "BERLIN, March 4 (Reuters) -", "PARIS (AFP) -": the filing city, date and agency
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]{2,}(?:,\s*(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[a-zéû]+\.?)(?:,\s*\d{4})?)?"
                       r"(?:\s*\([^)]{1,30}\))?\s*[-–—]\s")


def _ner_mentions(doc_nlp, offset: int, idx: int) -> list[EntityMention]:
    from .nlp import LABEL_MAP

    out = []
    text = doc_nlp.text
    dateline = _DATELINE.match(text)
    for ent in doc_nlp.ents:
        label = LABEL_MAP.get(ent.label_)
        if label not in ACTOR_LABELS:
            continue
        if dateline and ent.end_char <= dateline.end() and ent.text.isupper():
            continue  # the dateline's city is where the story was filed, not an actor
        for a, b in _name_runs(ent.text):
            piece = ent.text[a:b]
            name = clean_name(piece)
            if len(name) < 2 or not (name[0].isupper() or name[0].isdigit()) or name.split()[0] in _NOT_NAMES:
                continue
            if len(name.split()) > 5 or any(ch.isdigit() for ch in name) and not re.search(r"[A-Za-z]\d|\d[A-Za-z]", name):
                continue  # a sentence fragment, not a name
            rel = piece.find(name)
            s = offset + ent.start_char + a + max(rel, 0)
            out.append(EntityMention(s, s + len(name), name, name, label, "ner", idx))
    return out


def _propn_mentions(sdoc, sent: Sentence, taken: list[tuple[int, int]]) -> list[EntityMention]:
    """Proper nouns (by the tagger) that the NER missed, at the start of a sentence too."""
    words = [t for t in sdoc if t.is_alpha]
    if not words or sum(t.text[:1].isupper() for t in words) > 0.4 * len(words):
        return []  # a Title Case headline: the tagger calls every word a proper noun
    out = []
    run: list = []

    def flush() -> None:
        if run:
            a = sent.start + run[0].idx
            b = sent.start + run[-1].idx + len(run[-1].text)
            name = sent.text[run[0].idx : run[-1].idx + len(run[-1].text)]
            if name.split()[0] not in _NOT_NAMES and len(name) >= 2 and name[0].isupper() and all(b <= s or a >= e for s, e in taken):
                out.append(EntityMention(a, b, name, name, "MISC", "propn", sent.index))
        run.clear()

    for t in sdoc:
        if (t.pos_ == "PROPN" or t.tag_ in ("NNP", "NNPS")) and t.text[:1].isupper() and t.is_alpha or (run and t.text in ("AI", "IA")):
            run.append(t)
        else:
            flush()
    flush()
    return out


def _caps_mentions(sent: Sentence, taken: list[tuple[int, int]]) -> list[EntityMention]:
    """Capitalised names the NER missed (not at the sentence start, not in Title Case lines)."""
    words = re.findall(r"[\w'’-]+", sent.text)
    if not words or sum(w[:1].isupper() for w in words) > 0.4 * len(words):
        return []
    out = []
    for m in _CAPS.finditer(sent.text):
        name = m.group(0).strip()
        first = name.split()[0]
        if m.start() == 0 or first in _NOT_NAMES or len(name) < 2:
            continue
        if sent.text[max(0, m.start() - 2) : m.start()].strip() in {".", "!", "?", ":", "«", "\"", "-", "•"}:
            continue
        a, b = sent.start + m.start(), sent.start + m.start() + len(name)
        if any(not (b <= s or a >= e) for s, e in taken):
            continue
        out.append(EntityMention(a, b, name, name, "MISC", "caps", sent.index))
    return out


def _add_repeats(infos: dict[int, "SentenceInfo"]) -> None:
    """A name found anywhere in the document is a name everywhere (NER misses repeats,
    especially at the start of a sentence)."""
    labels: dict[str, str] = {}
    for info in infos.values():
        for e in info.entities:
            if e.name and e.via in ("ner", "alias") and len(e.name) >= 2:
                if e.via == "ner" or e.text.strip().lower() == e.name.lower():
                    labels.setdefault(e.name, e.label)
    if not labels:
        return
    rx = re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(n) for n in sorted(labels, key=len, reverse=True)) + r")(?![\w-])")
    for info in infos.values():
        sent = info.sentence
        taken = [(e.start, e.end) for e in info.entities]
        added = False
        for m in rx.finditer(sent.text):
            a, b = sent.start + m.start(), sent.start + m.end()
            if any(not (b <= s or a >= e) for s, e in taken):
                continue
            info.entities.append(EntityMention(a, b, m.group(0), m.group(0), labels[m.group(0)], "repeat", sent.index))
            taken.append((a, b))
            added = True
        if added:
            info.entities.sort(key=lambda e: e.start)


def _pipe(nlp, sentences: Sequence[Sentence], selected: Optional[set[int]], parsed: bool):
    """(sentence, spaCy doc) in text order; None for the sentences left out of ``selected``:
    the pipeline (tokens, tags, parse, names) runs only on those that can carry a claim."""
    run = [s for s in sentences if selected is None or s.index in selected]
    docs = iter(nlp.pipe((s.text for s in run), batch_size=64, disable=[] if parsed else ["parser"]))
    for s in sentences:
        yield s, (next(docs) if selected is None or s.index in selected else None)


def analyse(document: Document, sentences: Sequence[Sentence], aliases_path: Optional[str] = None,
            selected: Optional[set[int]] = None, figures: Sequence[tuple[int, int]] = ()) -> DocumentEntities:
    """Find and resolve the entities of one document. ``selected``: the indexes of the sentences
    that can carry a claim (``claims.extract.candidate_sentences``); the others get names from
    the aliases, descriptions, capitals and names repeated from other sentences, with no spaCy run.
    None runs spaCy on every sentence. ``figures``: the spans of the document's amounts and
    percentages; a name candidate inside one is a word of the figure ("96 Millionen Euro"), not a name."""
    from .nlp import get_nlp, parses
    from .syntax import from_spacy

    nlp = get_nlp(document.language)
    parsed = parses(document.language)
    alias_re, alias_map = _alias_regex(aliases_path)
    infos: dict[int, SentenceInfo] = {}
    figures = sorted(figures)
    fig_starts = [f[0] for f in figures]
    for sent, sdoc in _pipe(nlp, sentences, selected, parsed):
        ents = _ner_mentions(sdoc, sent.start, sent.index) if sdoc is not None else []
        # (a person the NER names is kept: "Söder" is a German word too; a "place" is not, the English
        # NER calls "Meter" a place as often as it finds "München")
        ents = [e for e in ents if e.label == "PER" or not common_name(e.name or e.text, document.language)]
        taken = [(e.start, e.end) for e in ents]
        dl = _DATELINE.match(sent.text)
        if dl:  # "BERLIN, March 4 (Reuters) -": the filing city is not an actor
            ents = [e for e in ents if not e.start < sent.start + dl.end()]
            taken = [(e.start, e.end) for e in ents] + [(sent.start, sent.start + dl.end())]
        if document.language != "de":  # German capitalises every noun: capitals do not mark names
            if sdoc is not None:
                ents.extend(_propn_mentions(sdoc, sent, taken))
            taken = [(e.start, e.end) for e in ents]
            ents.extend(_caps_mentions(sent, taken))
            taken = [(e.start, e.end) for e in ents]

        def free(a: int, b: int) -> bool:
            return all(b <= s or a >= e for s, e in taken)

        for m in alias_re.finditer(sent.text):
            a, b = sent.start + m.start(), sent.start + m.end()
            name = alias_map[m.group("key").lower()]
            head = m.group("key").split()[0]
            ents = [e for e in ents if e.end <= a or e.start >= b]
            ents.append(EntityMention(a, b, m.group(0), name, "ORG", "alias", sent.index, cls=description_class(head)))
            taken.append((a, b))
        desc_rx, canon = _description_rx(document.language)
        for m in desc_rx.finditer(sent.text):
            a, b = sent.start + m.start(), sent.start + m.end()
            if not free(a, b):
                continue
            head = _head_key(m.group("head"), canon)
            mod = re.sub(r"\s+", " ", m.group("mod") or "").strip().lower()
            key = (head + (" " + mod if mod else "")).replace("’", "'")
            ents.append(EntityMention(a, b, m.group(0), None, "DESC", "description", sent.index, key=key, cls=description_class(head)))
            taken.append((a, b))
        if figures:
            lo, hi = bisect.bisect_left(fig_starts, sent.start - 200), bisect.bisect_right(fig_starts, sent.end)
            inside = [f for f in figures[lo:hi] if f[0] < sent.end and f[1] > sent.start]
            ents = [e for e in ents if e.via == "alias" or not any(a <= e.start and e.end <= b for a, b in inside)]
        ents.sort(key=lambda e: e.start)
        conditional = [
            (sent.start + t.idx, sent.start + t.idx + len(t.text))
            for t in sdoc
            if "Cnd" in t.morph.get("Mood") and t.pos_ in {"VERB", "AUX"}
        ] if sdoc is not None else []
        infos[sent.index] = SentenceInfo(sent, ents, conditional, from_spacy(sdoc, sent.start) if parsed and sdoc is not None else None)

    _add_repeats(infos)
    de = DocumentEntities(document, infos)
    # merge case variants of names; one label per name for the document (ORG wins: small NER
    # models often call a company a person or a place in one sentence and an ORG in another)
    canon: dict[str, str] = {}
    votes: dict[str, Counter] = defaultdict(Counter)
    for info in infos.values():
        for e in info.entities:
            if e.name:
                low = e.name.lower()
                e.name = canon.setdefault(low, e.name)
                de.salience[e.name] += 1
                de.first_seen.setdefault(e.name, e.start)
                if e.label != "DESC":
                    votes[e.name][e.label] += 1
                if e.cls:
                    de.classes[e.name].add(e.cls)
    for name, v in votes.items():
        de.labels[name] = "ORG" if v["ORG"] else v.most_common(1)[0][0]
    # a lone surname stands for the full name used elsewhere in the document ("Berger" ->
    # "Thomas Berger"); a one-word "person" with no such full name is most often an
    # organisation that the small NER models do not know ("Lumora a levé ...")
    full_names = [n for n, lab in de.labels.items() if lab == "PER" and " " in n]
    for name, lab in list(de.labels.items()):
        if lab == "PER" and " " not in name:
            full = [f for f in full_names if f.split()[-1] == name]
            if len(full) == 1:
                for info in infos.values():
                    for e in info.entities:
                        if e.name == name:
                            e.name = full[0]
                de.salience[full[0]] += de.salience.pop(name, 0)
                del de.labels[name]
            else:
                de.labels[name] = "ORG"
    for info in infos.values():
        for e in info.entities:
            if e.name and e.label != "DESC" and e.name in de.labels:
                e.label = de.labels[e.name]
    _bind_descriptions(de)
    return de


_APPOS_AFTER = re.compile(r"^\s*,\s*$")


def _bind_descriptions(de: DocumentEntities) -> None:
    """Apposition binds a description; co-occurrence counts as weak evidence against."""
    text = de.document.text
    for info in de.sentences.values():
        ents = info.entities
        for i, e in enumerate(ents):
            if e.name is not None:
                continue
            # "OpenAI, la start-up ..." / "la start-up OpenAI"
            prev = ents[i - 1] if i > 0 else None
            nxt = ents[i + 1] if i + 1 < len(ents) else None
            sent_end = info.sentence.end
            closes = re.match(r"\s*(?:[,)]|$)", text[e.end : sent_end]) is not None
            governed = re.search(r"(?:\bd['’]|\bde\s|\bdu\s|\bof\s)\s*$", text[max(0, prev.start - 4) : prev.start]) if prev else None
            if prev and prev.name and _APPOS_AFTER.match(text[prev.end : e.start]) and e.key and closes and not governed:
                de.bound.setdefault(e.key, prev.name)
                if e.cls:
                    de.classes[prev.name].add(e.cls)
                continue
            if nxt and nxt.name and text[e.end : nxt.start].strip() == "" and e.key:
                de.bound.setdefault(e.key, nxt.name)
                if e.cls:
                    de.classes[nxt.name].add(e.cls)
                continue
            for other in ents:
                if other.name and e.key:
                    de.cooccur[e.key][other.name] += 1
    # a bound description gives its class to the name
    for info in de.sentences.values():
        for e in info.entities:
            if e.name is None and e.key in de.bound and e.cls:
                de.classes[de.bound[e.key]].add(e.cls)
