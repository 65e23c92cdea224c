"""The persistent claim store: incremental analysis, review states across re-checks, isolation
of a crashing article, the one-call `check_with_store` API."""
from __future__ import annotations

import sqlite3

import pytest

from claims import pipeline
from claims.errors import ClaimsError, InputError
from claims.ingest import TextInput, load_documents
from claims.model import Report
from claims.report import render
from claims.store import ClaimStore, check_with_store, finding_fingerprint

# Three short articles about one investment: two agree on 4 billion, one says 2.75 billion.
LEMONDE = ("En septembre 2023, Amazon a investi 4 milliards de dollars dans Anthropic, selon un communiqué. "
           "La start-up a été fondée en 2021.")
ECHOS = "Amazon a investi 2,75 milliards de dollars dans Anthropic en septembre 2023. La société emploie 500 personnes."
REUTERS = "In September 2023, Amazon invested $4 billion in Anthropic. The startup was founded in 2021."
LATER = "En septembre 2023, Amazon a investi 1,25 milliard de dollars dans Anthropic."


def _docs(*items: TextInput):
    return load_documents(list(items))


def _inputs() -> list[TextInput]:
    return [
        TextInput(LEMONDE, id="lemonde", source="lemonde.fr", published="2024-03-01"),
        TextInput(ECHOS, id="echos", source="lesechos.fr", published="2024-03-02"),
        TextInput(REUTERS, id="reuters", source="reuters.com", published="2024-03-03", language="en"),
    ]


@pytest.fixture
def analysed(monkeypatch):
    """Counts the documents the pipeline analyses."""
    seen: list[str] = []
    real = pipeline.analyse_document

    def counting(doc, **kw):
        seen.append(doc.id)
        return real(doc, **kw)

    monkeypatch.setattr(pipeline, "analyse_document", counting)
    return seen


def _investment(report: Report):
    groups = [g for g in report.groups if g.kind == "investment" and len(g.claims) >= 2]
    assert groups, [(g.kind, g.topic) for g in report.groups]
    return groups[0]


def _finding(report: Report, doc_a: str, doc_b: str):
    for g in report.groups:
        for f in g.findings:
            if {f.a.split(":")[0], f.b.split(":")[0]} == {doc_a, doc_b}:
                return f
    raise AssertionError(f"no finding between {doc_a} and {doc_b}")


def test_incremental_analysis_of_new_and_changed_documents(tmp_path, analysed):
    store = ClaimStore(tmp_path / "c.db")
    outcomes = store.add_documents(_docs(*_inputs()))
    assert [o.status for o in outcomes] == ["added", "added", "added"]
    report = store.check(nli="none")
    assert sorted(analysed) == ["echos", "lemonde", "reuters"]
    assert {d.id for d in report.documents} == {"lemonde", "echos", "reuters"}
    group = _investment(report)
    assert any(f.verdict == "conflict" for f in group.findings)

    # the same articles again plus a new one: only the new one is analysed
    analysed.clear()
    outcomes = store.add_documents(_docs(*_inputs(), TextInput(LATER, id="later", source="afp.com", published="2024-05-01")))
    assert [o.status for o in outcomes] == ["unchanged", "unchanged", "unchanged", "added"]
    report = store.check(nli="none")
    assert analysed == ["later"]
    assert len(report.documents) == 4

    # a changed text under a known id replaces that document and is the only one re-analysed
    analysed.clear()
    changed = TextInput(ECHOS.replace("2,75", "3"), id="echos", source="lesechos.fr", published="2024-03-02")
    assert [o.status for o in store.add_documents(_docs(changed))] == ["updated"]
    report = store.check(nli="none")
    assert analysed == ["echos"]
    echos_claims = [c for c in report.claims if c.document == "echos" and c.value is not None and c.kind == "investment"]
    assert echos_claims and echos_claims[0].value.amount == 3e9

    # the same text under another id is a duplicate, not a second document
    dup = store.add_documents(_docs(TextInput(REUTERS, id="copy", language="en")))
    assert dup[0].status == "duplicate" and "reuters" in dup[0].message
    # nothing new: a re-check analyses nothing
    analysed.clear()
    store.check(nli="none")
    assert analysed == []


def test_review_states_survive_rechecks_and_new_articles(tmp_path):
    store = ClaimStore(tmp_path / "c.db")
    store.add_documents(_docs(*_inputs()))
    report = store.check(nli="none")
    conflict = _finding(report, "lemonde", "echos")
    agree = _finding(report, "lemonde", "reuters")
    assert conflict.verdict == "conflict" and agree.verdict == "agree"
    assert conflict.review is not None and conflict.review.state == "open" and conflict.review.fingerprint
    store.set_review(conflict.review.fingerprint, "dismissed", "Les Échos compte la première tranche seulement.")
    store.set_review(agree.review.fingerprint, "confirmed")

    # a new article adds findings; the reviewed ones keep their state and note
    store.add_documents(_docs(TextInput(LATER, id="later", source="afp.com", published="2024-05-01")))
    report = store.check(nli="none")
    again = _finding(report, "lemonde", "echos")
    assert again.review.fingerprint == conflict.review.fingerprint
    assert again.review.state == "dismissed"
    assert again.review.note == "Les Échos compte la première tranche seulement."
    assert again.review.changed is False
    assert _finding(report, "lemonde", "reuters").review.state == "confirmed"
    new = _finding(report, "lemonde", "later")
    assert new.review.state == "open"
    assert new.review.fingerprint in store.new_fingerprints()
    assert again.review.fingerprint not in store.new_fingerprints()

    # the store file alone keeps everything: a fresh object sees the same states
    reopened = ClaimStore(tmp_path / "c.db").report()
    assert _finding(reopened, "lemonde", "echos").review.state == "dismissed"

    # editing an article gives its findings new fingerprints: their reviews start over
    store.add_documents(_docs(TextInput(ECHOS + " Le chiffre a été confirmé.", id="echos", source="lesechos.fr", published="2024-03-02")))
    report = store.check(nli="none")
    edited = _finding(report, "lemonde", "echos")
    assert edited.review.fingerprint != conflict.review.fingerprint
    assert edited.review.state == "open"
    assert _finding(report, "lemonde", "reuters").review.state == "confirmed"


def test_changed_verdict_keeps_review_and_is_flagged(tmp_path, monkeypatch):
    store = ClaimStore(tmp_path / "c.db")
    store.add_documents(_docs(*_inputs()))
    report = store.check(nli="none")
    f = _finding(report, "lemonde", "echos")
    store.set_review(f.review.fingerprint, "confirmed", "à vérifier auprès d'Amazon")

    import claims.crosscheck as cc

    real = cc.crosscheck

    def softer(claims, docs, engine):  # a later pipeline that no longer sees a conflict here
        groups, compared = real(claims, docs, engine)
        for g in groups:
            for x in g.findings:
                if x.verdict == "conflict":
                    x.verdict = "scope_difference"
        return groups, compared

    monkeypatch.setattr(cc, "crosscheck", softer)
    report = store.check(nli="none")
    g = _finding(report, "lemonde", "echos")
    assert g.verdict == "scope_difference"
    assert g.review.state == "confirmed" and g.review.note == "à vérifier auprès d'Amazon"
    assert g.review.changed is True and g.review.reviewed_verdict == "conflict"
    # saving the review again acknowledges the new verdict
    r = store.set_review(g.review.fingerprint, "confirmed")
    assert r.changed is False and r.note == "à vérifier auprès d'Amazon"


def test_a_crashing_article_is_reported_without_losing_the_corpus(tmp_path, monkeypatch):
    real = pipeline.analyse_document

    def fragile(doc, **kw):
        if "500 personnes" in doc.text:
            raise RuntimeError("tokeniser exploded")
        return real(doc, **kw)

    monkeypatch.setattr(pipeline, "analyse_document", fragile)
    store = ClaimStore(tmp_path / "c.db")
    store.add_documents(_docs(*_inputs()))
    report = store.check(nli="none")
    assert {d.id for d in report.documents} == {"lemonde", "reuters"}
    assert any(f.verdict == "agree" for f in _investment(report).findings)
    status = {d.document.id: (d.status, d.error) for d in store.documents()}
    assert status["echos"][0] == "error"
    assert "tokeniser exploded" in status["echos"][1] and "RuntimeError" in status["echos"][1]
    assert status["lemonde"] == ("ok", None)

    # not retried on a plain re-check; retried (and fixed) on request
    monkeypatch.setattr(pipeline, "analyse_document", real)
    store.check(nli="none")
    assert {d.document.id: d.status for d in store.documents()}["echos"] == "error"
    report = store.check(nli="none", retry_errors=True)
    assert {d.id for d in report.documents} == {"lemonde", "echos", "reuters"}
    assert any(f.verdict == "conflict" for f in _investment(report).findings)


def test_check_with_store_on_files_and_texts(tmp_path, analysed):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "lemonde.txt").write_text(LEMONDE, encoding="utf-8")
    (folder / "echos.txt").write_text(ECHOS, encoding="utf-8")
    db = tmp_path / "corpus.db"
    first = check_with_store(db, [str(folder)], nli="none")
    assert {d.id for d in first.documents} == {"lemonde", "echos"}
    assert any(f.verdict == "conflict" for f in _investment(first).findings)
    fp = _finding(first, "lemonde", "echos").review.fingerprint
    ClaimStore(db).set_review(fp, "follow_up", "appeler la rédaction")

    analysed.clear()
    second = check_with_store(db, [str(folder), TextInput(REUTERS, language="en")], nli="none")
    assert analysed == [d.id for d in second.documents if d.id.startswith("text-")]  # only the new text
    assert len(second.documents) == 3
    assert _finding(second, "lemonde", "echos").review.state == "follow_up"
    # a text without id gets an id from its content: giving it again adds nothing
    third = check_with_store(db, [TextInput(REUTERS, language="en")], nli="none")
    assert len(third.documents) == 3
    # the report (with its reviews) is a valid JSON report
    again = Report.model_validate_json(render(third, "json"))
    assert _finding(again, "lemonde", "echos").review.note == "appeler la rédaction"
    # no input: re-check what is stored; an empty store is an input error
    assert len(check_with_store(db, [], nli="none").documents) == 3
    with pytest.raises(InputError, match="empty corpus"):
        check_with_store(tmp_path / "empty.db", [], nli="none")


def test_fingerprint_is_order_free_and_tracks_the_claims(tmp_path):
    docs = _docs(*_inputs())
    sha = {d.id: d.sha256 for d in docs}
    results = [pipeline.analyse_document(d) for d in docs]
    a = next(c for c in results[0].claims if c.kind == "investment")
    b = next(c for c in results[1].claims if c.kind == "investment")
    fp = finding_fingerprint("investment", a, b, sha)
    assert fp == finding_fingerprint("investment", b, a, sha)
    assert len(fp) == 32
    assert fp != finding_fingerprint("partnership_start", a, b, sha)
    assert fp != finding_fingerprint("investment", a, b, {**sha, a.document: "0" * 64})
    moved = a.model_copy(update={"value": a.value.model_copy(update={"amount": 5e9, "low": 5e9, "high": 5e9})})
    assert fp != finding_fingerprint("investment", moved, b, sha)
    # claim ids do not matter (they are renumbered by each check)
    assert fp == finding_fingerprint("investment", a.model_copy(update={"id": "x:c9"}), b, sha)


def test_store_rejects_other_files_and_bad_reviews(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("not a database at all, just some text " * 20)
    with pytest.raises(ClaimsError, match="not a claims store"):
        ClaimStore(text)
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE people (name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(ClaimsError, match="not a claims store"):
        ClaimStore(other)
    with pytest.raises(InputError, match="does not exist"):
        ClaimStore(tmp_path / "missing" / "c.db")

    store = ClaimStore(tmp_path / "c.db")
    store.add_documents(_docs(*_inputs()))
    report = store.check(nli="none")
    fp = _finding(report, "lemonde", "echos").review.fingerprint
    with pytest.raises(InputError, match="unknown review state"):
        store.set_review(fp, "maybe")
    with pytest.raises(InputError, match="no current finding"):
        store.set_review("0" * 32, "dismissed")
    # removing a document drops its claims from the next check; the review is kept for its return
    store.set_review(fp, "dismissed", "doublon")
    assert store.remove_document("echos") is True
    report = store.check(nli="none")
    assert "echos" not in {d.id for d in report.documents}
    assert store.reviews()[fp].state == "dismissed"
    store.add_documents(_docs(_inputs()[1]))
    report = store.check(nli="none")
    assert _finding(report, "lemonde", "echos").review.note == "doublon"
