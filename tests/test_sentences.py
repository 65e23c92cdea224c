"""Sentence splitting: gold quotes of the seeds, French and English abbreviations, quotations, lists."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.ingest import TextInput, load_documents
from claims.model import Document, Span
from claims.sentences import sentence_spans, split_sentences

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
GOLD = ROOT.parent / "shared" / "eval" / "seeds_gold.json"


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def _doc(text: str) -> Document:
    return Document(id="d", text=text, kept=[Span(start=0, end=len(text))])


@pytest.fixture(scope="module")
def seed_docs():
    return {d.id: d for d in load_documents([SEEDS])}


# ----------------------------------------------------------------------------- seeds

@pytest.mark.skipif(not GOLD.exists(), reason="shared gold data not available")
def test_gold_quotes_lie_in_kept_regions_and_in_one_sentence(seed_docs):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for claim in gold["claims"]:
        doc = seed_docs[Path(claim["document"]).stem]
        start, end = claim["start"], claim["end"]
        assert doc.text[start:end] == claim["quote"]
        assert any(k.start <= start and end <= k.end for k in doc.kept), claim["id"]
        sentences = split_sentences(doc)
        inside = [s for s in sentences if s.start <= start and end <= s.end]
        assert len(inside) == 1, claim["id"]


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold data not available")
def test_gold_boilerplate_yields_no_sentence(seed_docs):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    sentences = [s for d in seed_docs.values() for s in split_sentences(d)]
    for needle in gold["boilerplate_must_not_yield_claims"]:
        assert not [s.text for s in sentences if needle in s.text], needle


def test_seed_sentences_are_exact_slices(seed_docs):
    for doc in seed_docs.values():
        sentences = split_sentences(doc)
        assert [s.index for s in sentences] == list(range(len(sentences)))
        assert all(s.document == doc.id for s in sentences)
        for s in sentences:
            assert s.text == doc.text[s.start:s.end] == s.text.strip() != ""
            assert any(k.start <= s.start and s.end <= k.end for k in doc.kept)
        assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:]))


def test_seed_bullets_headings_and_paragraphs(seed_docs):
    texts = [s.text for s in split_sentences(seed_docs["003_3796be29cb9c2bb8"])]
    assert "Raisons du retrait" in texts  # a heading is its own sentence
    assert any(t.startswith("Autonomie stratégique : OpenAI pourrait") for t in texts)  # "1." left out
    texts = [s.text for s in split_sentences(seed_docs["000_3000d524335eeb56"])]
    assert "Tensions internes chez OpenAI affectant la collaboration." in texts  # "•" left out
    texts = [s.text for s in split_sentences(seed_docs["002_16ec99c30571758d"])]
    assert "Au coeur du problème : le contrat liant les deux entreprises, très avantageux pour Microsoft." in texts
    assert "Une source proche du dossier" in texts
    assert "décembre 12, 2024" in texts  # the dateline is not glued to the title line above it


# ----------------------------------------------------------------------------- French

def test_french_abbreviations():
    assert _split("Selon M. Dupont, la hausse est forte. MM. Martin et Durand ne sont pas d'accord. "
                  "Mme Lefèvre et le Pr. Girard non plus.") == [
        "Selon M. Dupont, la hausse est forte.",
        "MM. Martin et Durand ne sont pas d'accord.",
        "Mme Lefèvre et le Pr. Girard non plus.",
    ]
    assert _split("Les prévisions (cf. p. 12 du rapport et art. 3 du décret) sont prudentes. "
                  "Le texte n° 2019-486 s'applique depuis le 3 janv. 2020. Il vise la St. Jean.") == [
        "Les prévisions (cf. p. 12 du rapport et art. 3 du décret) sont prudentes.",
        "Le texte n° 2019-486 s'applique depuis le 3 janv. 2020.",
        "Il vise la St. Jean.",
    ]
    assert _split("La ville fut fondée en 52 av. J.-C. par les Romains. Elle compte 2,1 millions d'habitants.") == [
        "La ville fut fondée en 52 av. J.-C. par les Romains.",
        "Elle compte 2,1 millions d'habitants.",
    ]


def test_french_quotations():
    assert _split("« Nous investirons 10 milliards. Nous continuerons », a-t-il dit. Puis il est parti.") == [
        "« Nous investirons 10 milliards. Nous continuerons », a-t-il dit.",
        "Puis il est parti.",
    ]
    assert _split("Il a conclu : « C'est terminé. » Puis il a quitté la salle.") == [
        "Il a conclu : « C'est terminé. »",
        "Puis il a quitté la salle.",
    ]
    assert _split("Elle a répondu : « Je ne sais pas… Peut-être demain » avant de partir. Le lendemain, rien.") == [
        "Elle a répondu : « Je ne sais pas… Peut-être demain » avant de partir.",
        "Le lendemain, rien.",
    ]
    assert _split("Il cite le rapport : « La croissance […] Reste faible. » Le débat continue.") == [
        "Il cite le rapport : « La croissance […] Reste faible. »",
        "Le débat continue.",
    ]


def test_numbers_initials_and_final_punctuation():
    assert _split("J. K. Rowling a vendu 500 millions de livres. C'est énorme ! Vraiment ? Oui… "
                  "2024 sera meilleure, etc. Ensuite on verra.") == [
        "J. K. Rowling a vendu 500 millions de livres.",
        "C'est énorme !",
        "Vraiment ?",
        "Oui…",
        "2024 sera meilleure, etc.",
        "Ensuite on verra.",
    ]
    assert _split("Le titre vaut 3.5 dollars, soit 1.2 milliard au total. Mais la marge baisse.") == [
        "Le titre vaut 3.5 dollars, soit 1.2 milliard au total.",
        "Mais la marge baisse.",
    ]


# ----------------------------------------------------------------------------- English

def test_english_abbreviations_and_quotes():
    assert _split("Mr. Smith met Mrs. Jones at Apple Inc. on Monday. Prices rose 3.5% in the U.S. last year, "
                  "according to Dr. Brown of Acme Corp. and Ltd. partners. The report (see No. 5) was e.g. clear.") == [
        "Mr. Smith met Mrs. Jones at Apple Inc. on Monday.",
        "Prices rose 3.5% in the U.S. last year, according to Dr. Brown of Acme Corp. and Ltd. partners.",
        "The report (see No. 5) was e.g. clear.",
    ]
    assert _split('He said "It is over. We lost." Then he left. “Never again,” she said.') == [
        'He said "It is over. We lost."',
        "Then he left.",
        "“Never again,” she said.",
    ]
    assert _split("Did it work? No. We tried again vs. the old method.") == [
        "Did it work?", "No.", "We tried again vs. the old method."]


# ----------------------------------------------------------------------------- documents

def test_lines_bullets_and_soft_wraps():
    text = (
        "## Les chiffres clés\n"
        "- Le chiffre d'affaires atteint 12 milliards d'euros.\n"
        "• La marge progresse de 2 points\n"
        "1. Le résultat net double\n"
        "Le groupe, qui emploie 45 000 personnes dans le monde, prévoit\n"
        "une nouvelle hausse de ses ventes en 2025. Le dividende sera relevé.\n"
    )
    sentences = split_sentences(_doc(text))
    assert [s.text for s in sentences] == [
        "Les chiffres clés",
        "Le chiffre d'affaires atteint 12 milliards d'euros.",
        "La marge progresse de 2 points",
        "Le résultat net double",
        "Le groupe, qui emploie 45 000 personnes dans le monde, prévoit\nune nouvelle hausse de ses ventes en 2025.",
        "Le dividende sera relevé.",
    ]
    assert all(s.text == text[s.start:s.end] for s in sentences)


def test_only_kept_regions_are_split():
    (doc,) = load_documents([DATA / "nvidia_en.txt"])
    texts = [s.text for s in split_sentences(doc)]
    assert "Analysts had expected $6.01 billion." in texts
    assert any(t.startswith("Dr. Lisa Su, who runs rival AMD Inc., made similar comments") for t in texts)
    assert "Shares rose 8.4% in after-hours trading." in texts
    assert not any("cookies" in t or "Share this" in t or "Read more" in t or "LinkedIn" in t for t in texts)


def test_html_document_sentences():
    (doc,) = load_documents([DATA / "bce_fr.html"])
    texts = [s.text for s in split_sentences(doc)]
    assert "Selon M. Dupont, économiste chez Natixis, cette hausse pourrait être la dernière du cycle." in texts
    assert ("Les prévisions publiées par l'institution (cf. p. 12 du rapport) tablent sur 3,2 % en 2024 "
            "et 2,1 % en 2025.") in texts
    assert texts[3].startswith("« Nous sommes déterminés") and texts[3].endswith("lors d'une conférence de presse à Francfort.")


def test_document_without_regions_is_split_whole():
    doc = Document(id="x", text="Première phrase. Deuxième phrase.")
    assert [s.text for s in split_sentences(doc)] == ["Première phrase.", "Deuxième phrase."]
    (loaded,) = load_documents([TextInput("Le PIB a progressé de 0,1 %. L'emploi résiste.")])
    assert [s.text for s in split_sentences(loaded)] == ["Le PIB a progressé de 0,1 %.", "L'emploi résiste."]
