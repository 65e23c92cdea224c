"""The review web app through an in-process client (Starlette TestClient): adding articles,
progress, review states, filters, exports, upload limits and escaping."""
from __future__ import annotations

import csv
import io
import re
import time

import pytest

pytest.importorskip("starlette")
pytest.importorskip("python_multipart")
from starlette.testclient import TestClient  # noqa: E402

from claims import pipeline  # noqa: E402
from claims.model import Report  # noqa: E402
from claims.web.app import create_app  # noqa: E402
from claims.web.uploads import Limits, safe_filename  # noqa: E402

LEMONDE = ("En septembre 2023, Amazon a investi 4 milliards de dollars dans Anthropic, selon un communiqué. "
           "La start-up a été fondée en 2021.")
ECHOS = "Amazon a investi 2,75 milliards de dollars dans Anthropic en septembre 2023. La société emploie 500 personnes."
REUTERS = "In September 2023, Amazon invested $4 billion in Anthropic. The startup was founded in 2021."
HOSTILE = ('Amazon a investi 4 milliards de dollars dans Anthropic en septembre 2023. <script>document.title="pwned"</script> '
           'Selon <img src=x onerror="document.title=\'pwned\'"> une source proche du dossier, la somme sera versée en deux fois.')
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.fixture
def client(tmp_path):
    app = create_app(tmp_path / "corpus.db", nli="none", allowed_hosts=["testserver"],
                     limits=Limits(max_files=3, max_file_bytes=20_000, max_text_bytes=20_000))
    # a browser sends its page's origin with every POST (the app refuses cross-site ones)
    with TestClient(app, headers={"origin": "http://testserver"}) as c:
        yield c


def wait_run(client: TestClient, run_id: int, timeout: float = 120.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = client.get(f"/api/runs/{run_id}").json()
        if status["finished"]:
            return status
        time.sleep(0.2)
    raise AssertionError(f"run {run_id} did not finish in {timeout} s")


def add(client: TestClient, files=None, data=None) -> dict:
    r = client.post("/corpus/add", files=files or None, data=data or {}, headers={"accept": "application/json"})
    assert r.status_code == 202, r.text
    status = wait_run(client, r.json()["run"])
    assert status["status"] == "done", status
    return status


def findings(html: str) -> list[dict[str, str]]:
    """Findings on a page: fingerprint, verdict, state (from the data attributes)."""
    return [
        {"fingerprint": m.group(1), "verdict": m.group(2), "state": m.group(3)}
        for m in re.finditer(r'data-fingerprint="([0-9a-f]{32})" data-verdict="(\w+)" data-state="(\w+)"', html)
    ]


def seed_corpus(client: TestClient) -> dict:
    return add(
        client,
        files=[("files", ("lemonde.txt", LEMONDE.encode(), "text/plain")),
               ("files", ("echos.txt", ECHOS.encode("cp1252"), "text/plain"))],
        data={"text": REUTERS, "title": "Amazon's $4bn bet", "source": "reuters.com", "published": "2024-03-03", "language": "en"},
    )


def test_add_articles_review_and_keep_state(client):
    assert "has not been checked yet" in client.get("/").text
    status = seed_corpus(client)
    assert [i["status"] for i in status["items"]] == ["added", "added", "added"]
    assert status["items"][0]["documents"] == ["lemonde"]

    page = client.get("/")
    assert page.status_code == 200
    html = page.text
    assert "Amazon: investment in Anthropic" in html or ("Amazon" in html and "Anthropic" in html)
    for figure in ("4 000 000 000 USD", "2 750 000 000 USD"):
        assert figure in html
    assert "<mark>4 milliards de dollars</mark>" in html  # the figure is marked in its sentence
    assert "Amazon&#39;s $4bn bet" in html  # the pasted article's title labels its claims
    found = findings(html)
    assert found[0]["verdict"] == "conflict"  # conflicts first
    assert {f["verdict"] for f in found} >= {"conflict", "agree"}

    # dismiss the first conflict with a note (plain form post: redirect back to the page)
    fp = found[0]["fingerprint"]
    r = client.post(f"/findings/{fp}/review", data={"state": "dismissed", "note": "tranches différentes", "next": "/?verdict=conflict"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/?verdict=conflict#f-{fp}"
    after = findings(client.get("/").text)
    assert next(f for f in after if f["fingerprint"] == fp)["state"] == "dismissed"
    assert "tranches différentes" in client.get("/").text

    # JSON answer for the script
    other = next(f for f in after if f["fingerprint"] != fp)["fingerprint"]
    r = client.post(f"/findings/{other}/review", data={"state": "follow_up"}, headers={"accept": "application/json"})
    assert r.status_code == 200 and r.json()["state"] == "follow_up" and r.json()["label"] == "to follow up"

    # a new article re-checks the corpus: earlier states stay, the new findings are open and new
    add(client, data={"text": "Amazon a investi 1,25 milliard de dollars dans Anthropic en septembre 2023.", "source": "afp.com",
                      "published": "2024-05-01"})
    html = client.get("/").text
    states = {f["fingerprint"]: f["state"] for f in findings(html)}
    assert states[fp] == "dismissed" and states[other] == "follow_up"
    assert 'class="tag new"' in html
    new_only = findings(client.get("/?state=new").text)
    assert new_only and all(f["fingerprint"] not in (fp, other) for f in new_only)

    # the document page shows the article with its claims marked
    doc = client.get("/document", params={"id": "lemonde"})
    assert doc.status_code == 200 and '<mark class="claim"' in doc.text
    assert client.get("/document", params={"id": "../../etc/passwd"}).status_code == 404


def test_filters(client):
    seed_corpus(client)
    everything = findings(client.get("/").text)
    conflicts = findings(client.get("/?verdict=conflict").text)
    assert conflicts and all(f["verdict"] == "conflict" for f in conflicts)
    assert len(conflicts) < len(everything)
    assert findings(client.get("/?kind=investment").text)
    assert findings(client.get("/?kind=no-such-kind").text) == []
    by_source = client.get("/?source=reuters.com").text
    chunks = by_source.split('<article class="finding')[1:]
    assert chunks and len(chunks) < len(everything)
    assert all("reuters.com" in chunk.split("</article>")[0] for chunk in chunks)
    fp = conflicts[0]["fingerprint"]
    client.post(f"/findings/{fp}/review", data={"state": "confirmed"}, headers={"accept": "application/json"})
    assert [f["fingerprint"] for f in findings(client.get("/?state=confirmed").text)] == [fp]
    assert fp not in {f["fingerprint"] for f in findings(client.get("/?state=open").text)}
    # filter values are echoed escaped
    html = client.get("/", params={"source": '"><script>alert(1)</script>'}).text
    assert "<script>alert(1)</script>" not in html


def test_exports_include_review_states(client):
    assert client.get("/export/report.json").status_code == 404  # nothing yet
    seed_corpus(client)
    fp = findings(client.get("/").text)[0]["fingerprint"]
    client.post(f"/findings/{fp}/review", data={"state": "dismissed", "note": "=HYPERLINK(\"x\")"}, headers={"accept": "application/json"})

    r = client.get("/export/report.json")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    report = Report.model_validate_json(r.text)
    reviews = {f.review.fingerprint: f.review for g in report.groups for f in g.findings}
    assert reviews[fp].state == "dismissed" and reviews[fp].note.startswith("=HYPERLINK")
    assert all(r.state == "open" for k, r in reviews.items() if k != fp)

    rows = list(csv.DictReader(io.StringIO(client.get("/export/report.csv").text)))
    assert rows and {"review_state", "review_note", "fingerprint"} <= set(rows[0])
    mine = [row for row in rows if row["fingerprint"] == fp]
    assert len(mine) == 1 and mine[0]["review_state"] == "dismissed"
    assert mine[0]["review_note"].startswith("'=")  # spreadsheet formula neutralised
    assert len(rows) == sum(len(g.findings) for g in report.groups)

    page = client.get("/export/report.html")
    assert page.status_code == 200 and "script-src" not in page.headers["content-security-policy"]
    assert "<script" not in page.text and "<form" not in page.text
    assert 'data-state="dismissed"' in page.text and "4 000 000 000 USD" in page.text
    assert client.get("/export/report.pdf").status_code == 404


def test_uploads_are_checked_before_anything_is_added(client):
    r = client.post("/corpus/add", files=[("files", ("photo.txt", PNG, "text/plain"))])
    assert r.status_code == 400 and "photo.txt: not a text file" in r.text
    r = client.post("/corpus/add", files=[("files", ("scan.pdf", b"%PDF-1.4 ...", "application/pdf"))])
    assert r.status_code == 400 and "scan.pdf: not a text article" in r.text
    # one bad file rejects the whole upload: nothing half-added
    r = client.post("/corpus/add", files=[("files", ("ok.txt", LEMONDE.encode(), "text/plain")),
                                          ("files", ("bad.txt", PNG, "text/plain"))], headers={"accept": "application/json"})
    assert r.status_code == 400 and r.json()["errors"] == [
        "bad.txt: not a text file (binary content); upload plain text, Markdown, HTML or JSON Lines"]
    r = client.post("/corpus/add", files=[("files", (f"a{i}.txt", LEMONDE.encode(), "text/plain")) for i in range(4)])
    assert r.status_code == 413 and "too many files" in r.text
    r = client.post("/corpus/add", files=[("files", ("big.txt", b"mot " * 6000, "text/plain"))])
    assert r.status_code == 413 and "big.txt: too large" in r.text
    r = client.post("/corpus/add", content=b"x" * 200, headers={"content-type": "application/x-www-form-urlencoded",
                                                                "content-length": str(10**9)})
    assert r.status_code == 413
    r = client.post("/corpus/add", data={"text": "   "})
    assert r.status_code == 400 and "nothing to add" in r.text
    r = client.post("/corpus/add", data={"text": LEMONDE, "published": "hier soir"})
    assert r.status_code == 400 and "cannot read the publication date" in r.text
    assert LEMONDE in r.text  # the pasted text is kept in the form
    r = client.post("/corpus/add", data={"text": LEMONDE, "language": "french"})
    assert r.status_code == 400 and "unknown language code" in r.text
    assert client.get("/api/runs/1").status_code == 404  # no run was started
    assert 'class="empty">No document yet' in client.get("/corpus").text


def test_safe_filename_drops_directories():
    assert safe_filename("../../etc/passwd") == "passwd"
    assert safe_filename("C:\\Users\\x\\article.txt") == "article.txt"
    assert safe_filename("l'été 2024.txt") == "l_été_2024.txt"
    assert safe_filename("") == "upload.txt"


def test_article_text_is_escaped_everywhere(client):
    add(client, files=[("files", ("hostile.txt", HOSTILE.encode(), "text/plain"))],
        data={"text": LEMONDE, "title": '<img src=x onerror="alert(1)">', "source": "<b>lemonde</b>", "format": "text"})
    pages = [client.get("/"), client.get("/corpus"), client.get("/document", params={"id": "hostile"}), client.get("/export/report.html")]
    run = client.get("/runs/1")
    for r in [*pages, run]:
        assert r.status_code == 200
        assert "<script>document.title" not in r.text
        assert "<img src=x" not in r.text and "<b>lemonde</b>" not in r.text
    assert "&lt;script&gt;document.title=&#34;pwned&#34;&lt;/script&gt;" in pages[0].text
    assert "&lt;img src=x onerror=" in pages[0].text
    csp = pages[0].headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert pages[0].headers["x-content-type-options"] == "nosniff"


def test_state_changes_are_post_only_and_checked(client):
    seed_corpus(client)
    fp = findings(client.get("/").text)[0]["fingerprint"]
    assert client.get(f"/findings/{fp}/review").status_code == 405
    assert client.get("/corpus/add").status_code == 405
    assert client.get("/corpus/remove").status_code == 405
    assert client.post(f"/findings/{fp}/review", data={"state": "maybe"}).status_code == 400
    assert client.post("/findings/" + "0" * 32 + "/review", data={"state": "dismissed"}).status_code == 404
    assert client.post("/findings/../../x/review", data={"state": "dismissed"}).status_code == 404
    r = client.post(f"/findings/{fp}/review", data={"state": "dismissed", "note": "x" * 5001})
    assert r.status_code == 400 and "too long" in r.text
    # no open redirect
    r = client.post(f"/findings/{fp}/review", data={"state": "dismissed", "next": "//evil.example/"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/#f-{fp}"
    # DNS rebinding: a foreign Host header is refused
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    # removing a document is a POST and re-checks the corpus
    r = client.post("/corpus/remove", data={"document": "echos"}, headers={"accept": "application/json"})
    assert r.status_code == 202
    assert wait_run(client, r.json()["run"])["status"] == "done"
    assert "echos" not in {d for d in re.findall(r'data-document="([^"]+)"', client.get("/").text)}
    assert client.post("/corpus/remove", data={"document": "nope"}).status_code == 404


def test_crash_in_one_article_is_reported_on_it(client, monkeypatch):
    real = pipeline.analyse_document

    def fragile(doc, **kw):
        if "500 personnes" in doc.text:
            raise ValueError("bad offsets")
        return real(doc, **kw)

    monkeypatch.setattr(pipeline, "analyse_document", fragile)
    status = seed_corpus(client)
    by_name = {i["name"]: i for i in status["items"]}
    assert by_name["echos.txt"]["status"] == "error" and "ValueError: bad offsets" in by_name["echos.txt"]["message"]
    assert by_name["lemonde.txt"]["status"] == "added"
    corpus = client.get("/corpus").text
    assert "error: analysis failed: ValueError: bad offsets" in corpus
    review = client.get("/").text
    assert "could not be analysed" in review
    assert any(f["verdict"] == "agree" for f in findings(review))  # the rest of the corpus is there
    run_page = client.get(f"/runs/{status['id']}").text
    assert "bad offsets" in run_page
    # fixed pipeline: a re-check retries the failed article
    monkeypatch.setattr(pipeline, "analyse_document", real)
    r = client.post("/corpus/check", headers={"accept": "application/json"})
    assert wait_run(client, r.json()["run"])["status"] == "done"
    assert any(f["verdict"] == "conflict" for f in findings(client.get("/").text))


def test_serve_command_is_registered():
    import typer
    from typer.testing import CliRunner

    from claims.web.cli import register

    app = typer.Typer()
    register(app, typer.Typer())

    @app.callback()
    def _root() -> None:
        pass

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--store", "--host", "--port", "--nli"):
        assert option in result.output
    assert "127.0.0.1" in result.output
