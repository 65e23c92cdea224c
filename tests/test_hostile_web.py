"""The review app under attack and under strain: cross-site request forgery (plain requests for
every POST route), a locked store, a damaged store, huge ids, server paths in messages, JSON
Lines uploads with many records, a pathological article (deadline per article), a killed server
(the queue lives in the store). The cross-origin page in a real browser is in test_web_e2e.py."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

pytest.importorskip("starlette")
pytest.importorskip("python_multipart")
from starlette.routing import Route  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from claims import pipeline  # noqa: E402
from claims.errors import ClaimsError  # noqa: E402
from claims.report.csvio import safe_cell  # noqa: E402
from claims.store import ClaimStore  # noqa: E402
from claims.web.app import CSRF_COOKIE, create_app, public_message  # noqa: E402
from claims.web.uploads import Limits  # noqa: E402
from claims.web.uploads import check_paste  # noqa: E402
from claims.web.worker import item_record  # noqa: E402

from .conftest import ROOT  # noqa: E402
from .test_web_api import wait_run as _wait_run  # noqa: E402

ARTICLE = "En septembre 2023, Amazon a investi 4 milliards de dollars dans Anthropic, selon un communiqué."
OTHER = "Amazon a investi 2,75 milliards de dollars dans Anthropic en septembre 2023. La société emploie 500 personnes."
SAME_ORIGIN = {"origin": "http://testserver"}


def wait_run(client: TestClient, run_id: int, timeout: float = 180.0) -> dict:
    return _wait_run(client, run_id, timeout)


@pytest.fixture
def app(tmp_path):
    return create_app(tmp_path / "corpus.db", nli="none", allowed_hosts=["testserver"],
                      limits=Limits(max_files=3, max_file_bytes=20_000, max_text_bytes=20_000, max_documents=5))


@pytest.fixture
def client(app) -> Iterator[TestClient]:
    with TestClient(app) as c:  # no Origin by default: each test says what it sends
        yield c


def _post_routes(app) -> list[str]:
    """Every POST route of the app, with a path that matches it."""
    paths = []
    for r in app.routes:
        if isinstance(r, Route) and "POST" in (r.methods or ()):
            paths.append(r.path.replace("{fingerprint}", "0" * 32))
    return paths


# --------------------------------------------------------------------------- CSRF, plain requests

FORGED = [
    {"origin": "http://evil.example"},
    {"origin": "http://testserver.evil.example"},
    {"origin": "http://127.0.0.1:8000"},  # another local port is another origin
    {"origin": "https://testserver"},  # another scheme too
    {"origin": "null"},  # a sandboxed frame, a data: page, "no-referrer" forms
    {"referer": "http://evil.example/page.html"},
    {"origin": "http://testserver", "sec-fetch-site": "cross-site"},
    {},  # no Origin, no Referer, no token
]


@pytest.mark.parametrize("headers", FORGED, ids=lambda h: ",".join(f"{k}={v}" for k, v in h.items()) or "nothing")
def test_forged_posts_get_403_on_every_route(app, client, headers):
    routes = _post_routes(app)
    assert {"/corpus/add", "/corpus/check", "/corpus/remove", "/findings/" + "0" * 32 + "/review"} <= set(routes)
    for path in [*routes, "/no/such/route", "/findings/not-a-fingerprint/review"]:
        r = client.post(path, data={"text": ARTICLE, "document": "x", "state": "dismissed"}, headers=headers)
        assert r.status_code == 403, (path, r.status_code, r.text)
        assert "cross-site request refused" in r.text
    assert client.get("/api/runs/1").status_code == 404  # nothing was queued


def test_same_origin_and_token_are_accepted(client):
    r = client.post("/corpus/check", headers={**SAME_ORIGIN, "accept": "application/json"})
    assert r.status_code == 202
    r = client.post("/corpus/check", headers={"referer": "http://testserver/corpus", "accept": "application/json"})
    assert r.status_code == 202
    token = client.cookies.get(CSRF_COOKIE)
    assert token and len(token) >= 32
    r = client.post("/corpus/check", headers={"x-csrf-token": token, "accept": "application/json"})
    assert r.status_code == 202
    # the token must match the session's cookie
    r = client.post("/corpus/check", headers={"x-csrf-token": "A" * 43, "accept": "application/json"})
    assert r.status_code == 403


def test_pages_carry_the_token_and_the_cookie_is_strict(tmp_path):
    app = create_app(tmp_path / "c.db", nli="none", allowed_hosts=["testserver"])
    with TestClient(app) as c:
        r = c.get("/corpus")
        cookie = r.headers["set-cookie"]
        assert f"{CSRF_COOKIE}=" in cookie and "SameSite=Strict" in cookie and "HttpOnly" in cookie
        token = c.cookies.get(CSRF_COOKIE)
        assert f'<meta name="csrf-token" content="{token}">' in r.text
        assert "set-cookie" not in c.get("/").headers  # one token per session


def test_a_forged_review_changes_nothing_and_a_real_one_exports_inert(client):
    client.headers.update(SAME_ORIGIN)
    for text, name in ((ARTICLE, "a.txt"), (OTHER, "b.txt")):
        r = client.post("/corpus/add", files=[("files", (name, text.encode(), "text/plain"))], headers={"accept": "application/json"})
        assert r.status_code == 202
        assert wait_run(client, r.json()["run"])["status"] == "done"
    page = client.get("/").text
    fp = page.split('data-fingerprint="', 1)[1][:32]
    del client.headers["origin"]
    r = client.post(f"/findings/{fp}/review", data={"state": "dismissed", "note": "forged"}, headers={"origin": "http://evil.example"})
    assert r.status_code == 403
    assert re.search(rf'data-fingerprint="{fp}" data-verdict="\w+" data-state="open"', client.get("/").text)
    # the editor's own review (same origin) goes through; its formula-like note is exported inert
    note = "-2+3+cmd|' /C calc'!A0"
    r = client.post(f"/findings/{fp}/review", data={"state": "dismissed", "note": note},
                    headers={**SAME_ORIGIN, "accept": "application/json"})
    assert r.status_code == 200 and r.json()["state"] == "dismissed"
    rows = list(csv.reader(io.StringIO(client.get("/export/report.csv").text, newline="")))
    cells = [c for row in rows[1:] for c in row]
    assert "'" + note in cells and note not in cells
    assert all(safe_cell(c) == c for c in cells)  # every cell through the one function


# --------------------------------------------------------------------------- locked and damaged stores

@pytest.fixture
def live(tmp_path) -> Iterator[tuple[str, Path]]:
    """The app (busy timeout 1 s) served by uvicorn in a thread; yields (base URL, store path)."""
    uvicorn = pytest.importorskip("uvicorn")
    store = tmp_path / "corpus.db"
    app = create_app(store, nli="none", busy_timeout=1.0)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not srv.started:
            assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}", store
    finally:
        srv.should_exit = True
        thread.join(30)
        sock.close()


def _request(url: str, method: str = "GET", data: dict | None = None, headers: dict | None = None,
             timeout: float = 60) -> tuple[int, str, dict]:
    body = urllib.parse.urlencode(data).encode() if data is not None else (b"" if method == "POST" else None)
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read().decode(), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), dict(e.headers)


def test_locked_store_answers_503_and_never_blocks_the_event_loop(live):
    base, store = live
    origin = {"origin": base, "accept": "application/json"}
    lock = sqlite3.connect(store, timeout=1, isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")  # another process holding the store
    try:
        answers: list = []
        t0 = time.monotonic()
        posts = [threading.Thread(target=lambda: answers.append(_request(f"{base}/corpus/check", "POST", {}, origin)))
                 for _ in range(3)]
        for t in posts:
            t.start()
        time.sleep(0.2)
        health = []
        while any(t.is_alive() for t in posts):
            h0 = time.monotonic()
            status, text, _ = _request(f"{base}/healthz", timeout=10)
            health.append((status, time.monotonic() - h0))
            time.sleep(0.05)
        for t in posts:
            t.join()
        elapsed = time.monotonic() - t0
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    assert health and all(s == 200 for s, _ in health)
    assert max(d for _, d in health) < 0.5, health  # the event loop kept answering
    assert [a[0] for a in answers] == [503] * 3, answers
    assert all("store busy" in a[1] and a[2].get("retry-after") == "5" and str(store) not in a[1] for a in answers)
    assert elapsed < 15
    # the lock gone, the same request works
    assert _request(f"{base}/corpus/check", "POST", {}, origin)[0] == 202


def test_damaged_store_is_refused_at_start(tmp_path):
    store = tmp_path / "corpus.db"
    ClaimStore(store)  # a valid, empty store
    data = bytearray(store.read_bytes())
    data[4096 * 2:] = b"\x55" * (len(data) - 4096 * 2)
    store.write_bytes(bytes(data))
    with pytest.raises(ClaimsError, match="damaged|not a claims store") as exc:
        create_app(store, nli="none")
    assert "\n" not in str(exc.value)
    proc = subprocess.run([sys.executable, "-m", "claims.cli", "serve", "--store", str(store), "--port", "0"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 2 and len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr


def test_huge_run_ids_are_404(client):
    for path in ("/runs/99999999999999999999999999", "/api/runs/9223372036854775808", "/runs/9223372036854775807"):
        assert client.get(path).status_code == 404, path


# --------------------------------------------------------------------------- no server paths

def test_public_message_hides_server_paths(tmp_path):
    store = tmp_path / "deep" / "corpus.db"
    msg = (f"cannot open {store}: busy; see /srv/claims/private/log.txt and {Path.home()}/x and "
           f"C:\\Users\\me\\x.txt; https://example.com/a/b and 12/03/2024 stay")
    out = public_message(msg, [store])
    assert str(tmp_path) not in out and "/srv/claims" not in out and str(Path.home()) not in out and "C:\\Users" not in out
    assert "https://example.com/a/b" in out and "12/03/2024" in out


def test_error_messages_never_show_server_paths(client, monkeypatch, tmp_path):
    client.headers.update(SAME_ORIGIN)
    real = pipeline.analyse_document

    def fragile(doc, **kw):
        if "500 personnes" in doc.text:
            raise ValueError(f"cannot read {tmp_path}/secret/model.bin")
        return real(doc, **kw)

    monkeypatch.setattr(pipeline, "analyse_document", fragile)
    bad_jsonl = b'{"text": "ok"}\n{not json\n'
    r = client.post("/corpus/add", headers={"accept": "application/json"},
                    files=[("files", ("feed.jsonl", bad_jsonl, "application/json")),
                           ("files", ("b.txt", OTHER.encode(), "text/plain"))])
    status = wait_run(client, r.json()["run"])
    by_name = {i["name"]: i for i in status["items"]}
    assert by_name["feed.jsonl"]["message"].startswith("feed.jsonl:2: invalid JSON"), by_name
    assert "analysis failed: ValueError: cannot read <" in by_name["b.txt"]["message"], by_name
    pages = [json.dumps(status), client.get("/corpus").text, client.get(f"/runs/{status['id']}").text,
             client.get("/document?id=b").text]
    for text in pages:
        assert str(tmp_path) not in text and "/tmp/claims-upload-" not in text and "/tmp/" not in text


# --------------------------------------------------------------------------- documents limit

def test_json_lines_records_count_against_the_documents_limit(client):
    client.headers.update(SAME_ORIGIN)
    six = "".join(json.dumps({"text": f"{ARTICLE} ({i})"}) + "\n" for i in range(6)).encode()
    r = client.post("/corpus/add", headers={"accept": "application/json"}, files=[("files", ("feed.jsonl", six, "application/json"))])
    assert r.status_code == 413 and "too many articles (6 records; at most 5 per upload)" in r.json()["errors"][0]
    three = "".join(json.dumps({"text": f"{ARTICLE} ({i})"}) + "\n" for i in range(3)).encode()
    r = client.post("/corpus/add", headers={"accept": "application/json"},
                    files=[("files", ("a.jsonl", three, "application/json")), ("files", ("b.jsonl", three, "application/json"))])
    assert r.status_code == 413 and "6 in this upload; at most 5" in r.json()["errors"][0]
    assert client.get("/api/runs/1").status_code == 404  # nothing was queued
    r = client.post("/corpus/add", headers={"accept": "application/json"}, files=[("files", ("a.jsonl", three, "application/json"))])
    assert r.status_code == 202


# --------------------------------------------------------------------------- a deadline per article

@pytest.mark.slow
def test_a_pathological_article_is_stopped_at_its_deadline(tmp_path):
    app = create_app(tmp_path / "corpus.db", nli="none", allowed_hosts=["testserver"], deadline=4.0,
                     analyse_target="tests.web_slow:analyse")
    with TestClient(app, headers=SAME_ORIGIN) as c:
        t0 = time.monotonic()
        r = c.post("/corpus/add", headers={"accept": "application/json"}, files=[
            ("files", ("slow.txt", f"SLOW {ARTICLE}".encode(), "text/plain")),
            ("files", ("die.txt", f"DIE {OTHER}".encode(), "text/plain")),
            ("files", ("boom.txt", f"BOOM {ARTICLE} Puis.".encode(), "text/plain")),
        ], data={"text": OTHER})
        status = wait_run(c, r.json()["run"], timeout=300)
        elapsed = time.monotonic() - t0
        items = {i["name"]: i for i in status["items"]}
        assert status["status"] == "done"
        assert items["slow.txt"]["status"] == "error" and "took longer than 4 s" in items["slow.txt"]["message"]
        assert items["die.txt"]["status"] == "error" and "analysis process died" in items["die.txt"]["message"]
        assert items["boom.txt"]["status"] == "error" and "ValueError: bad offsets in <path>" in items["boom.txt"]["message"]
        pasted = [i for n, i in items.items() if n.startswith("text-")]
        assert pasted and pasted[0]["status"] == "added"
        assert elapsed < 240  # the SLOW article alone would take an hour
        assert 'data-document="text-' in c.get("/").text or "with nothing to compare" in c.get("/").text


# --------------------------------------------------------------------------- the queue survives a killed server

def test_queued_runs_resume_after_a_restart(tmp_path):
    store_path = tmp_path / "corpus.db"
    store = ClaimStore(store_path)
    # what a server killed before its worker got to them leaves: two queued jobs, one interrupted mid-run
    first = store.enqueue("add", total=1, items=[item_record(check_paste(ARTICLE))])
    second = store.enqueue("add", total=1, items=[item_record(check_paste(OTHER))])
    store.start_job(second)  # it was running when the server died
    given_up = store.enqueue("add", total=1, items=[item_record(check_paste(ARTICLE + " Encore."))])
    store.start_job(given_up)
    store.start_job(given_up)  # killed twice while running it
    app = create_app(store_path, nli="none", allowed_hosts=["testserver"])
    with TestClient(app, headers=SAME_ORIGIN) as c:
        done = [wait_run(c, first), wait_run(c, second)]
        failed = c.get(f"/api/runs/{given_up}").json()
        assert [d["status"] for d in done] == ["done", "done"]
        assert done[1]["items"][0]["status"] == "added"
        assert failed["status"] == "failed" and "given up" in failed["message"]
        assert failed["items"][0]["status"] == "error" and "not processed" in failed["items"][0]["message"]
        assert len([d for d in ClaimStore(store_path).documents()]) == 2
    assert store.job(first) is None and store.job(second) is None and store.job(given_up) is None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(store: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "claims.cli", "serve", "--store", str(store), "--port", str(port), "--nli", "none"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if _request(f"http://127.0.0.1:{port}/healthz", timeout=2)[0] == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise AssertionError("the server did not start")


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="kill -9")
def test_kill_9_loses_no_queued_upload(tmp_path):
    store = tmp_path / "corpus.db"
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    headers = {"origin": base, "accept": "application/json"}
    proc = _serve(store, port)
    try:
        runs = []
        for text in (ARTICLE, OTHER, ARTICLE.replace("4 milliards", "5 milliards")):
            status, body, _ = _request(f"{base}/corpus/add", "POST", {"text": text}, headers)
            assert status == 202, body
            runs.append(json.loads(body)["run"])
    finally:
        proc.kill()  # kill -9, while the first run is analysing and the others wait
        proc.wait(30)
    before = {r: ClaimStore(store).get_run(r).status for r in runs}
    assert any(s in ("queued", "running") for s in before.values()), before
    proc = _serve(store, port)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            states = [json.loads(_request(f"{base}/api/runs/{r}")[1])["status"] for r in runs]
            if all(s in ("done", "failed", "interrupted") for s in states):
                break
            time.sleep(0.5)
        assert states == ["done", "done", "done"], states
        assert len(ClaimStore(store).documents()) == 3
    finally:
        proc.kill()
        proc.wait(30)
