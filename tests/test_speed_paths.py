"""The fast paths give the same report as the plain one: spaCy only on the sentences that can
carry a claim, and the per-document stages in several processes."""
from __future__ import annotations

from pathlib import Path

import claims.pipeline as pl
from claims.extract import candidate_sentences
from claims.ingest import TextInput, load_documents
from claims.sentences import split_sentences

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _dump(report):
    return report.model_dump(mode="json", exclude={"created": True, "stats": {"seconds"}})


def test_candidate_sentences_are_the_lead_and_those_with_a_figure_a_date_or_an_event():
    text = ("Acme lève des fonds\n\nParis, le 3 mars 2024.\n\nLa société est connue.\n\nElle a été fondée par deux ingénieurs.\n\n"
            "Le ciel était bleu ce jour-là.\n\nAcme a levé 12 millions d'euros.\n\nLes salariés sont contents.")
    doc = load_documents([TextInput(text=text, id="a", language="fr", published="2024-03-04")])[0]
    sents = split_sentences(doc)
    chosen = candidate_sentences(doc, sents, pl.find_document_mentions(doc, sents))
    by_text = {s.text.strip(): s.index in chosen for s in sents}
    assert by_text["Acme a levé 12 millions d'euros."]  # a figure
    assert not by_text["Le ciel était bleu ce jour-là."] and not by_text["Les salariés sont contents."]
    assert sum(by_text.values()) < len(by_text)


def test_selected_sentences_give_the_report_of_all_sentences_on_the_seeds(monkeypatch):
    monkeypatch.setattr(pl, "SELECT_SENTENCES", False)
    plain = pl.check([str(SEEDS)], nli="none")
    monkeypatch.setattr(pl, "SELECT_SENTENCES", True)
    fast = pl.check([str(SEEDS)], nli="none")
    assert _dump(fast) == _dump(plain)


def test_worker_processes_give_the_report_of_one_process(tmp_path):
    seeds = sorted(p for p in SEEDS.iterdir() if p.is_file())
    n = 2 * pl.MIN_DOCS_PER_WORKER
    for i in range(n):  # distinct ids, the seeds' texts
        src = seeds[i % len(seeds)]
        (tmp_path / f"{i:03d}_{src.name}").write_text(src.read_text("utf-8"), encoding="utf-8")
    one = pl.check([str(tmp_path)], nli="none", workers=1)
    two = pl.check([str(tmp_path)], nli="none", workers=2)
    assert len(two.documents) == n and _dump(two) == _dump(one)
