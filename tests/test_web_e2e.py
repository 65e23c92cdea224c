"""End-to-end tests of the review app in real headless Chromium (Debian's chromium package driven
by Playwright; no browser download). Skipped, with the reason, when no browser is available:
run ``.ci/install-browser.sh`` to install one.

The server runs in a thread on 127.0.0.1 with a free port, over a fresh store; every wait is
bounded and the server is always shut down.
"""
from __future__ import annotations

import os
import re
import socket
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
CHROMIUM = os.environ.get("CLAIMS_CHROMIUM", "/usr/bin/chromium")
SCREENSHOT = ROOT / "docs" / "screenshot.png"
RUN_TIMEOUT_MS = 240_000  # analysing the five seeds takes ~10 s on one core; leave room on a busy machine
SIXTH = "En juillet 2019, Microsoft a investi 3 milliards de dollars dans OpenAI."
HOSTILE = ('Amazon a investi 4 milliards de dollars dans Anthropic en septembre 2023. '
           '<script>window.__xss = 1; document.title = "pwned";</script> '
           'Selon <img src=x onerror="window.__xss = 2; document.title = \'pwned\'"> une source proche du dossier, '
           'la somme sera versée en deux fois.')
PLAIN = ("En septembre 2023, Amazon a investi 2,75 milliards de dollars dans Anthropic, selon un communiqué. "
         "La start-up a été fondée en 2021.")

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright Python package is not installed (run .ci/install-browser.sh)")
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed")

if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or run .ci/install-browser.sh)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    pw = playwright_api.sync_playwright().start()
    try:
        try:
            b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-dev-shm-usage"])
        except Exception as exc:  # a broken or incomplete browser install is "no browser", not a failure
            pytest.skip(f"Chromium at {CHROMIUM} cannot be started: {str(exc).splitlines()[0]}")
        try:
            yield b
        finally:
            b.close()
    finally:
        pw.stop()


@pytest.fixture
def server(tmp_path) -> Iterator[str]:
    """The app over a fresh store, served by uvicorn in a thread; yields the base URL."""
    from claims.web.app import create_app

    app = create_app(tmp_path / "corpus.db", nli="none")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, name="claims-e2e-server", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not srv.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the server did not start within 30 s")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(30)
        sock.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server)
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    pg.on("console", lambda msg: errors.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    pg.js_errors = errors  # type: ignore[attr-defined]
    try:
        yield pg
    finally:
        context.close()


def _submit_and_wait(page) -> None:
    """Submit the add form, follow the run page until the run is over, check it went through."""
    page.click("#add-form button[type=submit]")
    page.wait_for_url(re.compile(r"/runs/\d+$"))
    page.wait_for_selector('#run[data-status="done"], #run[data-status="failed"], #run[data-status="interrupted"]',
                           timeout=RUN_TIMEOUT_MS)
    assert page.get_attribute("#run", "data-status") == "done", page.inner_text("#run")


def _figures(group) -> set[tuple[str, str, str]]:
    rows = group.locator("tr.claim-row")
    return {(rows.nth(i).get_attribute("data-low") or "", rows.nth(i).get_attribute("data-high") or "",
             rows.nth(i).get_attribute("data-qualifier") or "") for i in range(rows.count())}


def _investment_groups(page):
    groups = page.locator("section.group")
    found = []
    for i in range(groups.count()):
        topic = groups.nth(i).locator("h2 .topic").inner_text()
        if re.search(r"microsoft", topic, re.I) and re.search(r"openai", topic, re.I) and re.search(r"invest", topic, re.I):
            found.append(groups.nth(i))
    return found


def test_editor_reviews_the_seeds_and_a_contradicting_article(page):
    assert len(SEEDS) == 5, SEEDS
    page.goto("/corpus")
    page.set_input_files("#files", [str(p) for p in SEEDS])
    _submit_and_wait(page)
    outcomes = page.locator("#run-items tbody tr")
    assert outcomes.count() == 5
    assert all("added" in outcomes.nth(i).inner_text() for i in range(5)), page.inner_text("#run-items")

    page.click("text=Go to the review")
    page.wait_for_url(re.compile(r"/$"))
    groups = _investment_groups(page)
    topics = [page.locator("section.group h2 .topic").nth(i).inner_text() for i in range(page.locator("section.group").count())]
    assert groups, f"no Microsoft/OpenAI investment group among {topics}"
    figures: set[tuple[str, str, str]] = set()
    documents: set[str] = set()
    for g in groups:
        figures |= _figures(g)
        rows = g.locator("tr.claim-row")
        documents |= {rows.nth(i).get_attribute("data-document") for i in range(rows.count())}
    exact = {float(lo) for lo, hi, q in figures if lo and hi and lo == hi}
    assert {1e9, 1e10, 1.3e10} <= exact, figures
    assert any(q == "lower_bound" and lo and float(lo) == 1e10 and not hi for lo, hi, q in figures), figures  # "plus de 10 milliards"
    assert len(documents) >= 3, documents
    text = groups[0].inner_text()
    for shown in ("1 000 000 000 USD", "10 000 000 000 USD", "13 000 000 000 USD"):
        assert shown in page.inner_text("main"), shown
    assert "Source" in text and "Published" in text and "Language" in text

    # dismiss one finding with a note, reload: the state is still there
    first = groups[0].locator("article.finding").first
    fp = first.get_attribute("data-fingerprint")
    first.locator("textarea[name=note]").fill("Deux tranches différentes, pas une contradiction.")
    first.locator("button[value=dismissed]").click()
    page.wait_for_function(
        "fp => document.querySelector('#f-' + fp).dataset.state === 'dismissed'", arg=fp, timeout=10_000)
    page.reload()
    finding = page.locator(f"#f-{fp}")
    assert finding.get_attribute("data-state") == "dismissed"
    assert finding.locator("[data-role=state]").inner_text() == "dismissed"
    assert finding.locator("textarea[name=note]").input_value() == "Deux tranches différentes, pas une contradiction."

    # a sixth article contradicts the 2019 tranche: a new conflict on top, earlier states kept
    page.goto("/corpus")
    page.fill("textarea[name=text]", SIXTH)
    page.fill("input[name=title]", "Un article qui se trompe de montant")
    page.fill("input[name=source]", "exemple.fr")
    page.fill("input[name=published]", "2024-12-20")
    _submit_and_wait(page)
    page.goto("/")
    top = page.locator("section.group").first
    assert "has-conflict" in (top.get_attribute("class") or "")
    new_conflicts = top.locator("article.finding.new[data-verdict=conflict]")
    assert new_conflicts.count() >= 1, top.inner_text()[:2000]
    sides = new_conflicts.first.locator(".side")
    docs = {sides.nth(i).get_attribute("data-document") for i in range(sides.count())}
    assert any(d.startswith("text-") for d in docs), docs  # the pasted article takes part in it
    assert "3 000 000 000 USD" in new_conflicts.first.inner_text()
    assert page.locator(f"#f-{fp}").get_attribute("data-state") == "dismissed"
    assert int(page.inner_text("#n-conflicts")) >= 1

    # the filters work in the browser too; the conflicts view is the picture for the README
    page.select_option("select[name=verdict]", "conflict")  # the script submits the form on change
    page.wait_for_url(re.compile(r"verdict=conflict"))
    verdicts = page.locator("article.finding")
    assert verdicts.count() >= 1
    assert {verdicts.nth(i).get_attribute("data-verdict") for i in range(verdicts.count())} == {"conflict"}
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 1500})
    page.screenshot(path=str(SCREENSHOT), full_page=False)
    assert SCREENSHOT.stat().st_size > 10_000
    assert page.js_errors == []  # type: ignore[attr-defined]


def test_hostile_article_renders_inert(page):
    page.goto("/corpus")
    page.set_input_files("#files", [
        {"name": "hostile.txt", "mimeType": "text/plain", "buffer": HOSTILE.encode("utf-8")},
        {"name": "plain.txt", "mimeType": "text/plain", "buffer": PLAIN.encode("utf-8")},
    ])
    page.fill("input[name=title]", '<img src=x onerror="window.__xss = 3">Titre piégé')
    page.fill("textarea[name=text]", "<script>window.__xss = 4</script> Amazon a investi 4 milliards de dollars dans Anthropic en septembre 2023.")
    page.select_option("select[name=format]", "text")
    _submit_and_wait(page)
    for url in ("/", "/corpus", "/document?id=hostile", "/runs/1"):
        page.goto(url)
        page.wait_for_timeout(300)  # give a handler that should not exist the time to run
        assert page.evaluate("typeof window.__xss") == "undefined", url
        assert "pwned" not in page.title(), url
        assert page.evaluate("document.querySelectorAll('main script, main img, main [onerror]').length") == 0, url
    page.goto("/")
    body = page.inner_text("main")
    assert '<script>window.__xss = 1; document.title = "pwned";</script>' in body  # shown as text
    assert "<img src=x onerror=" in body
    page.goto("/corpus")
    assert '<img src=x onerror="window.__xss = 3">Titre piégé' in page.inner_text("#documents")
    assert page.js_errors == []  # type: ignore[attr-defined]


ATTACKER_PAGE = """<!DOCTYPE html><html><head><title>cute cats</title></head><body>
<form id="forged" method="post" action="{app}/corpus/check"><input type="hidden" name="retry" value="1"></form>
<script>
  var forged = "Microsoft a investi 99 milliards de dollars dans OpenAI en 2019.";
  var posts = [
    fetch("{app}/corpus/add", {{method: "POST", mode: "no-cors", credentials: "include", body: new URLSearchParams({{text: forged}})}}),
    fetch("{app}/corpus/remove", {{method: "POST", mode: "no-cors", credentials: "include", body: new URLSearchParams({{document: "x"}})}}),
    fetch("{app}/findings/{fp}/review", {{method: "POST", mode: "no-cors", credentials: "include", body: new URLSearchParams({{state: "dismissed"}})}})
  ];
  Promise.allSettled(posts).then(function () {{ document.getElementById("forged").submit(); }});
</script></body></html>"""


@pytest.fixture
def attacker(server) -> Iterator[str]:
    """Another origin (another port) serving a page that posts to the app; yields its URL."""
    import http.server

    page = ATTACKER_PAGE.format(app=server, fp="0" * 32).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("content-type", "text/html; charset=utf-8")
            self.send_header("content-length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):  # quiet
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}/cats.html"
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(10)


def test_a_cross_origin_page_cannot_change_anything(page, server, attacker):
    page.goto("/corpus")  # the editor has the app open: its session cookie exists
    assert page.context.cookies(server)
    with page.expect_navigation(url=re.compile(r"/corpus/check$"), timeout=30_000) as nav:
        page.goto(attacker)
    response = nav.value
    assert response is not None and response.status == 403
    assert "cross-site request refused" in page.inner_text("body")
    # nothing was queued, added or reviewed
    assert page.request.get(f"{server}/api/runs/1").status == 404
    page.goto(f"{server}/corpus")
    assert page.inner_text("#documents h2") == "Documents (0)"
    # the app's own pages still post fine (same origin)
    page.fill("textarea[name=text]", PLAIN)
    _submit_and_wait(page)
