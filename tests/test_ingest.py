"""Loading documents: formats, decoding, metadata, publication dates and input errors."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from pathlib import Path

import pytest

from claims.errors import InputError
from claims.ingest import TextInput, load_documents
from claims.ingest.dates import find_dates, find_publication_date, parse_date_value
from claims.ingest.decode import decode_bytes

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
GOLD = ROOT.parent / "shared" / "eval" / "seeds_gold.json"


@pytest.fixture(scope="module")
def seed_docs():
    return load_documents([SEEDS])


# ----------------------------------------------------------------------------- seeds

def test_seed_documents_keep_text_and_ids(seed_docs):
    files = sorted(SEEDS.glob("*.txt"))
    assert [d.id for d in seed_docs] == [f.stem for f in files]
    for doc, f in zip(seed_docs, files):
        raw = f.read_bytes()
        assert doc.text == raw.decode("utf-8")  # offsets must match the gold file's
        assert doc.sha256 == hashlib.sha256(raw).hexdigest()
        assert doc.language == "fr"
        assert doc.source == f.name
        assert doc.path == str(f)


def test_seed_publication_dates(seed_docs):
    by_id = {d.id: d for d in seed_docs}
    assert by_id["002_16ec99c30571758d"].published == dt.date(2024, 12, 12)
    assert by_id["002_16ec99c30571758d"].published_from == "text"
    for doc_id in ("000_3000d524335eeb56", "001_30bbff10be10f2e0", "003_3796be29cb9c2bb8", "004_d2611f6d5a1da141"):
        assert by_id[doc_id].published is None
        assert by_id[doc_id].published_from is None


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold data not available")
def test_seed_publication_dates_match_gold(seed_docs):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    by_id = {d.id: d for d in seed_docs}
    for entry in gold["documents"]:
        doc = by_id[Path(entry["file"]).stem]
        expected = entry["publication_date"]
        assert (doc.published.isoformat() if doc.published else None) == expected


# ----------------------------------------------------------------------------- formats

def test_html_main_text_and_metadata_through_trafilatura():
    (doc,) = load_documents([DATA / "bce_fr.html"])
    assert doc.id == "bce_fr"
    assert doc.title == "La Banque centrale relève ses taux à 4 %"
    assert doc.url == "https://www.lequotidien-eco.fr/economie/2023/09/14/banque-centrale-taux"
    assert doc.source == "lequotidien-eco.fr"
    assert doc.published == dt.date(2023, 9, 14) and doc.published_from == "metadata"
    assert doc.language == "fr"
    assert "relevé jeudi ses taux directeurs de 0,25 point" in doc.text
    assert "Selon M. Dupont, économiste chez Natixis" in doc.text
    # navigation, cookie banner, share buttons, related links and footer are not main text
    for junk in ("Nous utilisons des cookies", "Politique de confidentialité", "Partager sur Facebook",
                 "Livret A", "Tous droits réservés", "International", "<p>"):
        assert junk not in doc.text


def test_html_without_main_text_falls_back_to_tag_stripper():
    html = "<html><head><title>Brève</title><style>p{color:red}</style></head><body><p>Court.</p></body></html>"
    (doc,) = load_documents([TextInput(html)])
    assert doc.text == "Court."
    assert doc.title == "Brève"


def test_jsonl_records_with_metadata():
    docs = load_documents([DATA / "articles.jsonl"])
    assert [d.id for d in docs] == ["lemonde-2023-001", "articles#2", "articles#4"]  # line 3 is blank
    first, second, third = docs
    assert first.title == "L'inflation ralentit à 4,9 % en octobre"
    assert first.source == "lemonde.fr"
    assert first.published == dt.date(2023, 10, 31) and first.published_from == "metadata"
    assert first.language == "fr"
    assert second.source == "Wire Service"  # an explicit source field wins over the url
    assert second.language == "en" and second.published == dt.date(2023, 11, 14)
    assert third.source == "banque-france.fr" and third.published is None
    assert third.text.startswith("Selon la Banque de France")
    assert "\n" in third.text


def test_jsonl_bad_line_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Un premier article correct."}\n{"text": "guillemet non fermé}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:2: invalid JSON"):
        load_documents([bad])
    bad.write_text('{"text": "Un article."}\n\n{"title": "Sans texte"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:3: missing or non-string 'text'"):
        load_documents([bad])
    bad.write_text('{"text": "Un article.", "published": "hier soir"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:1: cannot read the date"):
        load_documents([bad])


def test_markdown_front_matter_and_markup_lines():
    (doc,) = load_documents([DATA / "ble_fr.md"])
    assert doc.text == (DATA / "ble_fr.md").read_text(encoding="utf-8")  # kept as is
    assert doc.title == "Le prix du blé recule de 12 % en un an"
    assert doc.published == dt.date(2024, 2, 5) and doc.published_from == "metadata"
    assert doc.source == "agri-hebdo.fr"
    reasons = {r.reason for r in doc.removed}
    assert {"front_matter", "image", "markup", "link_only", "share"} <= reasons
    kept = "".join(doc.text[s.start:s.end] for s in doc.kept)
    assert "## Des exportations en hausse" in kept  # headings are kept
    assert "![Champ" not in kept and "title:" not in kept


def test_text_inputs_get_sequential_ids_and_metadata():
    docs = load_documents([
        TextInput("Le chômage a reculé à 7,3 % au troisième trimestre, selon l'Insee."),
        TextInput("Unemployment fell to 3.7% in November, the Labor Department said.", published="2023-12-08",
                  url="https://www.example.com/news/jobs"),
        TextInput("Le déficit public a atteint 5,5 % du PIB en 2023.", id="deficit", title="Déficit",
                  published=dt.datetime(2024, 3, 26, 8, 45), language="fr-FR"),
    ])
    assert [d.id for d in docs] == ["text-1", "text-2", "deficit"]
    assert docs[0].language == "fr" and docs[0].path is None
    assert docs[1].language == "en" and docs[1].source == "example.com"
    assert docs[1].published == dt.date(2023, 12, 8) and docs[1].published_from == "metadata"
    assert docs[2].language == "fr" and docs[2].title == "Déficit" and docs[2].published == dt.date(2024, 3, 26)


def test_clashing_ids_are_made_unique(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "note.txt").write_text("Le budget de la Défense atteint 47 milliards d'euros.", encoding="utf-8")
    (tmp_path / "b" / "note.txt").write_text("Le budget de l'Éducation atteint 63 milliards d'euros.", encoding="utf-8")
    docs = load_documents([tmp_path])
    assert [d.id for d in docs] == ["note", "note-2"]


# ----------------------------------------------------------------------------- decoding

FRENCH = "Le prix de l'électricité a augmenté de 10 % en février : 0,2516 € le kWh, a précisé la CRE.\n"


def test_latin1_and_cp1252_files_are_decoded(tmp_path):
    f = tmp_path / "ancien.txt"
    f.write_bytes(FRENCH.encode("cp1252"))  # "é" and "€" are not valid UTF-8 here
    (doc,) = load_documents([f])
    assert doc.text == FRENCH
    latin = "Député de la Côte-d'Or, élu en 1997, il a été réélu à 58 % des voix.\n"
    f.write_bytes(latin.encode("latin-1"))
    assert load_documents([f])[0].text == latin


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_byte_order_marks(tmp_path, encoding):
    f = tmp_path / "bom.txt"
    data = FRENCH.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    f.write_bytes(data)
    (doc,) = load_documents([f])
    assert doc.text == FRENCH  # BOM removed: offsets start at the first letter
    assert doc.kept[0].start == 0


def test_newlines_are_normalised(tmp_path):
    f = tmp_path / "windows.txt"
    f.write_bytes("Première ligne.\r\nDeuxième ligne.\rTroisième ligne.\r\n".encode("utf-8"))
    (doc,) = load_documents([f])
    assert doc.text == "Première ligne.\nDeuxième ligne.\nTroisième ligne.\n"


def test_decode_rejects_binary():
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    with pytest.raises(InputError, match="binary file, not text"):
        decode_bytes(png, "image.png")
    with pytest.raises(InputError, match="binary file, not text"):
        decode_bytes(b"abc\x00\x01\x02\x03def\x00" * 50, "blob")
    assert decode_bytes("Bonjour\tà tous\n".encode("utf-8")) == "Bonjour\tà tous\n"


# ----------------------------------------------------------------------------- errors and folders

def test_binary_file_named_explicitly_is_an_error(tmp_path):
    f = tmp_path / "rapport.txt"
    f.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\x00\x00\x00")
    with pytest.raises(InputError, match=r"rapport\.txt: binary file, not text"):
        load_documents([f])


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(InputError, match=r"absent\.txt: no such file or directory"):
        load_documents([tmp_path / "absent.txt"])


def test_empty_corpus_is_an_error(tmp_path):
    empty = tmp_path / "vide.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty corpus"):
        load_documents([empty])
    folder = tmp_path / "dossier"
    folder.mkdir()
    with pytest.raises(InputError, match="empty corpus"):
        load_documents([folder])
    with pytest.raises(InputError, match="empty corpus"):
        load_documents([TextInput("   ")])
    with pytest.raises(InputError, match="empty corpus"):
        load_documents([])
    only_boilerplate = tmp_path / "menu.txt"
    only_boilerplate.write_text("Accueil\nPartager:\nNous utilisons des cookies sur notre site.\nAccepter\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty corpus: only boilerplate"):
        load_documents([only_boilerplate])


def test_folder_walk_skips_hidden_binary_and_non_text(tmp_path, caplog):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "b.txt").write_text("Le trafic aérien a progressé de 8 % en 2023.", encoding="utf-8")
    (tmp_path / "a.md").write_text("# Titre\n\nLes ventes de vélos ont baissé de 12 %.", encoding="utf-8")
    (tmp_path / "sub" / "c.html").write_text(
        "<html><body><article><p>Le port du Havre a traité 68 millions de tonnes en 2023.</p></article></body></html>",
        encoding="utf-8",
    )
    (tmp_path / ".cache" / "x.txt").write_text("Caché.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Caché aussi.", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "data.dat").write_bytes(b"\x00\x01\x02\x03" * 100)
    with caplog.at_level(logging.WARNING, logger="claims.ingest"):
        docs = load_documents([tmp_path])
    assert [d.id for d in docs] == ["a", "b", "c"]
    assert "data.dat" in caplog.text and "photo.png" not in caplog.text
    assert docs[2].text == "Le port du Havre a traité 68 millions de tonnes en 2023."
    assert [d.id for d in load_documents([tmp_path], recursive=False)] == ["a", "b"]


# ----------------------------------------------------------------------------- dates

@pytest.mark.parametrize(
    "header, language, expected",
    [
        ("Titre de l'article\nPublié le 3 mars 2023 à 10h30\n\nLe texte commence ici.", "fr", dt.date(2023, 3, 3)),
        ("Titre\nMis à jour le 12 décembre 2024\n\nCorps.", "fr", dt.date(2024, 12, 12)),
        ("Titre\nLundi 1er juillet 2024\n\nCorps.", "fr", dt.date(2024, 7, 1)),
        ("Titre\n12/11/2024\n\nCorps.", "fr", dt.date(2024, 11, 12)),
        ("Headline\nBy Jane Doe | December 12, 2024\n\nBody.", "en", dt.date(2024, 12, 12)),
        ("Headline\nPosted on Dec. 3, 2023 at 9:15 am\n\nBody.", "en", dt.date(2023, 12, 3)),
        ("Headline\n11/28/2024\n\nBody.", "en", dt.date(2024, 11, 28)),
        ("Headline\n03/04/2024\n\nBody.", "en", None),  # US or UK order: ambiguous
        ("Titre\n2024-12-12T08:00:00Z\n\nCorps.", "fr", dt.date(2024, 12, 12)),
        ("Titre\nPublié le 3 mars 2023, mis à jour le 5 mars 2023\n\nCorps.", "fr", dt.date(2023, 3, 3)),
        ("Titre\n\nLe 12 mars 2024, Microsoft a annoncé un nouvel investissement dans la start-up.", "fr", None),
        ("Titre\n\nEn juillet 2019, Microsoft annonçait un investissement de 1 milliard de dollars.", "fr", None),
    ],
)
def test_publication_date_from_header(header, language, expected):
    assert find_publication_date(header, language) == expected


def test_publication_date_only_in_header_area():
    body = "\n".join(f"Paragraphe {i} du texte, sans date." for i in range(20))
    assert find_publication_date(body + "\n12 décembre 2024\n", "fr") is None


def test_find_dates_and_metadata_values():
    assert [d for d, _, _ in find_dates("décembre 12, 2024 et le 3 janv. 2025")] == [
        dt.date(2024, 12, 12), dt.date(2025, 1, 3)]
    assert find_dates("le 31 février 2024") == []
    assert parse_date_value("2023-11-14T13:30:00Z") == dt.date(2023, 11, 14)
    assert parse_date_value("14 novembre 2023") == dt.date(2023, 11, 14)
    assert parse_date_value("n'importe quoi") is None
