"""The review web app: Starlette, server-rendered Jinja2 pages, a little JavaScript.

    app = create_app("corpus.db", nli="none")      # an ASGI app; `claims serve` runs it with uvicorn

Pages: ``/`` review (groups, conflicts first; filters; review forms), ``/corpus`` (add articles,
documents and their status, recent runs), ``/runs/<n>`` (progress of a run), ``/document?id=``
(one article with its claims), ``/export/report.{json,csv,html}``. JSON endpoints:
``/api/runs/<n>``, ``/api/report``; POST ``/findings/<fingerprint>/review`` answers JSON when
asked (``Accept: application/json``), else redirects back.

Safety: every piece of article text goes through Jinja2 autoescape; a Content-Security-Policy
allows only the app's own script and styles; state changes are POST only and every POST must
come from the app's own pages (:class:`CrossSiteGuard`: a same-origin ``Origin`` or ``Referer``,
or the per-session token of the ``claims_csrf`` cookie in an ``X-CSRF-Token`` header; anything
else is 403 before any routing); request bodies are limited (Content-Length required); the Host
header must name the server (DNS rebinding); no URL parameter is ever used as a filesystem path.
The store is only touched in worker threads, never on the event loop; a store locked by someone
else answers 503 "store busy"; error messages never show server paths (:func:`public_message`).
"""
from __future__ import annotations

import contextlib
import hmac
import json
import logging
import os
import re
import secrets
import sys
import tempfile
from pathlib import Path
from typing import Any, AsyncIterator, Callable, Optional, Sequence, Union
from urllib.parse import urlsplit

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import ClaimsError, InputError
from ..report.common import nli_summary
from ..store import REVIEW_STATES, ClaimStore, StoreBusy, StoreDamaged
from . import exports
from .uploads import FORMATS, Limits, check_file, check_paste
from .views import (
    STATE_LABELS,
    VERDICT_LABELS,
    Filters,
    build_review_page,
    claim_card,
    document_passages,
)
from .analyser import DEFAULT_TARGET
from .worker import CheckOptions, Worker

log = logging.getLogger("claims.web")

HERE = Path(__file__).resolve().parent
_FINGERPRINT = re.compile(r"^[0-9a-f]{32}$")
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
CSRF_COOKIE = "claims_csrf"
CSRF_HEADER = "x-csrf-token"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
#: How long a request waits for a store locked by another process before answering 503.
WEB_BUSY_TIMEOUT = 5.0


# --------------------------------------------------------------------------- ASGI middlewares

class SecurityHeaders:
    """Adds CSP and related headers to every response that does not set its own CSP."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                extra = [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    # nothing leaves for other sites, and the app's own form posts keep their Origin
                    # (under "no-referrer" a browser sends "Origin: null", which the guard refuses)
                    (b"referrer-policy", b"same-origin"),
                    (b"x-frame-options", b"DENY"),
                    (b"cross-origin-opener-policy", b"same-origin"),
                ]
                headers += [(k, v) for k, v in extra if k not in names]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _cookie(headers: dict[bytes, bytes], name: str) -> Optional[str]:
    for part in headers.get(b"cookie", b"").decode("latin-1").split(";"):
        k, _, v = part.strip().partition("=")
        if k == name:
            return v
    return None


def _origin_of(url: str) -> Optional[str]:
    """``scheme://host[:port]`` of a URL, default ports dropped; None when it has none."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if not parts.scheme or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    return f"{parts.scheme.lower()}://{host}" + (f":{port}" if port is not None and port != default else "")


class CrossSiteGuard:
    """Cross-site request forgery: a state-changing request (anything but GET, HEAD, OPTIONS)
    must come from the app's own pages, or it gets 403 before any routing or lookup.

    Accepted: the per-session token (the ``claims_csrf`` cookie, sent back in an ``X-CSRF-Token``
    header: what the app's script does, and what a script outside the browser can do), or else a
    strict origin check: the ``Origin`` header (or, when a browser sends none, the ``Referer``)
    must be this server's own origin (scheme, host and port of the request), and a
    ``Sec-Fetch-Site`` header, when sent, must say ``same-origin``. A request with no token and
    neither header is refused: every browser sends an Origin with a POST.

    Every response to a request without the cookie sets it (random, ``SameSite=Strict``,
    ``HttpOnly``); the pages carry the same token in ``<meta name="csrf-token">``.
    """

    SAFE = ("GET", "HEAD", "OPTIONS")

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    @staticmethod
    def _own_origin(scope: Scope, headers: dict[bytes, bytes]) -> Optional[str]:
        host = headers.get(b"host", b"").decode("latin-1")
        return _origin_of(f"{scope.get('scheme', 'http')}://{host}") if host else None

    def refusal(self, scope: Scope, headers: dict[bytes, bytes], token: Optional[str]) -> Optional[str]:
        """Why a state-changing request is refused, or None when it may go on."""
        sent = headers.get(CSRF_HEADER.encode(), b"").decode("latin-1")
        if token and sent and hmac.compare_digest(sent, token):
            return None
        fetch_site = headers.get(b"sec-fetch-site", b"").decode("latin-1").lower()
        if fetch_site and fetch_site not in ("same-origin", "none"):
            return f"cross-site request refused (Sec-Fetch-Site: {fetch_site})"
        own = self._own_origin(scope, headers)
        origin = headers.get(b"origin")
        if origin is not None:
            value = origin.decode("latin-1").strip()
            if own is not None and _origin_of(value) == own:
                return None
            return "cross-site request refused: it does not come from this app's pages (Origin " + (value[:100] or "empty") + ")"
        referer = headers.get(b"referer")
        if referer is not None:
            if own is not None and _origin_of(referer.decode("latin-1").strip()) == own:
                return None
            return "cross-site request refused: it does not come from this app's pages (Referer)"
        return "cross-site request refused: no Origin, no Referer and no token (send the X-CSRF-Token header)"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        token = _cookie(headers, CSRF_COOKIE)
        if token is not None and not _TOKEN.match(token):
            token = None
        if scope["method"] not in self.SAFE:
            why = self.refusal(scope, headers, token)
            if why is not None:
                log.warning("refused %s %s: %s", scope["method"], scope.get("path"), why)
                accept = headers.get(b"accept", b"").decode("latin-1")
                if "application/json" in accept:
                    resp: Response = JSONResponse({"error": why}, status_code=403)
                else:
                    resp = PlainTextResponse(f"403 Forbidden: {why}", status_code=403)
                await resp(scope, receive, send)
                return
        new = token is None
        if new:
            token = secrets.token_urlsafe(32)
        scope.setdefault("state", {})["csrf"] = token

        async def send_with_cookie(message: Message) -> None:
            if new and message["type"] == "http.response.start":
                cookie = f"{CSRF_COOKIE}={token}; Path=/; SameSite=Strict; HttpOnly"
                message = {**message, "headers": [*message.get("headers", []), (b"set-cookie", cookie.encode())]}
            await send(message)

        await self.app(scope, receive, send_with_cookie)


_ABS_PATH = re.compile(r"(?<![\w.:/~-])(?:/[\w.@+~-]+){2,}/?|(?<![\w])[A-Za-z]:\\(?:[^\s\\]+\\)*[^\s\\]*")


def public_message(text: str, known: Sequence[Union[str, os.PathLike]] = ()) -> str:
    """``text`` as a web page may show it: no path of the server. The ``known`` paths (the
    store, its folder) become ``<their name>``; the temporary folder, the home folder, the
    package and the Python installation ``<tmp>``, ``<home>``...; any other absolute path
    becomes ``<path>``."""
    out = str(text)
    names = [(os.fspath(p), f"<{Path(p).name or 'store'}>") for p in known] + [
        (tempfile.gettempdir(), "<tmp>"), (str(HERE.parents[1]), "<claims>"), (sys.prefix, "<python>"),
        (os.path.expanduser("~"), "<home>"), (os.getcwd(), "<cwd>"),
    ]
    for path, name in sorted(names, key=lambda x: -len(x[0])):
        if path and len(path) > 1:
            out = out.replace(path, name)
    return _ABS_PATH.sub("<path>", out)


class BodyLimit:
    """Rejects request bodies over ``max_bytes`` (413) and bodies without Content-Length (411)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("POST", "PUT", "PATCH"):
            headers = {k.lower(): v for k, v in scope.get("headers", [])}
            length = headers.get(b"content-length")
            if length is None:
                if headers.get(b"transfer-encoding"):
                    await PlainTextResponse("Length Required: send the request with a Content-Length header.", 411)(scope, receive, send)
                    return
            else:
                try:
                    n = int(length)
                except ValueError:
                    await PlainTextResponse("Bad Content-Length header.", 400)(scope, receive, send)
                    return
                if n > self.max_bytes:
                    msg = f"Request too large: {n:,} bytes; the limit is {self.max_bytes:,} bytes per request."
                    await PlainTextResponse(msg, 413)(scope, receive, send)
                    return
        await self.app(scope, receive, send)


# --------------------------------------------------------------------------- helpers

def _templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals.update(
        verdict_label=lambda v: VERDICT_LABELS.get(v, v),
        state_label=lambda s: STATE_LABELS.get(s, s),
        review_states=REVIEW_STATES,
    )
    return env


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def _safe_next(value: Any, default: str = "/") -> str:
    """A local path to go back to: starts with one "/", no scheme, no backslash, no control char."""
    if not isinstance(value, str) or not value.startswith("/") or value.startswith("//"):
        return default
    if "\\" in value or any(ord(ch) < 32 for ch in value) or len(value) > 2000:
        return default
    return value


def _form_str(form: Any, name: str, default: str = "") -> str:
    v = form.get(name)
    return v if isinstance(v, str) else default


class App:
    """The app's state and request handlers. Every store access runs in a worker thread."""

    def __init__(self, store: ClaimStore, options: CheckOptions, limits: Limits) -> None:
        self.store = store
        self.options = options
        self.limits = limits
        self.worker = Worker(store, options, public=self.public)
        self.env = _templates()
        self.env.filters["public"] = self.public

    def public(self, text: Any) -> str:
        return public_message("" if text is None else str(text), [self.store.path.resolve(), self.store.path,
                                                                  self.store.path.resolve().parent])

    async def call(self, fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        """Run ``fn`` off the event loop (SQLite calls block: a locked store waits for it)."""
        return await run_in_threadpool(fn, *args, **kw)

    # -- rendering

    def _context(self, request: Request) -> dict[str, Any]:
        counts = self.store.document_counts()
        active = next((r for r in self.store.runs(5) if not r.finished), None)
        return {"request": request, "counts": counts, "active_run": active, "last_check": self.store.last_check(),
                "limits": self.limits, "path": request.url.path, "csrf": request.scope.get("state", {}).get("csrf", "")}

    def _render(self, request: Request, name: str, status: int = 200, **kw: Any) -> HTMLResponse:
        ctx = self._context(request)
        ctx.update(kw)
        return HTMLResponse(self.env.get_template(name).render(**ctx), status_code=status)

    async def render(self, request: Request, name: str, status: int = 200, **kw: Any) -> HTMLResponse:
        return await self.call(self._render, request, name, status, **kw)

    def _error_page(self, request: Request, status: int, message: str) -> str:
        """The error page; without the store's counts when the store is what fails."""
        try:
            ctx = self._context(request)
        except ClaimsError:
            ctx = {"request": request, "counts": {"documents": 0, "ok": 0, "error": 0, "pending": 0}, "active_run": None,
                   "last_check": None, "limits": self.limits, "path": request.url.path, "csrf": ""}
        return self.env.get_template("error.html").render(**ctx, status_code=status, message=message)

    async def error(self, request: Request, status: int, message: str, headers: Optional[dict[str, str]] = None) -> Response:
        message = self.public(message)
        if _wants_json(request) or request.url.path.startswith("/api/"):
            return JSONResponse({"error": message}, status_code=status, headers=headers)
        body = await self.call(self._error_page, request, status, message)
        return HTMLResponse(body, status_code=status, headers=headers)

    # -- pages

    async def review(self, request: Request) -> Response:
        filters = Filters.from_query(request.query_params)

        def build() -> Any:
            report = self.store.report()
            if report is None:
                return None
            return build_review_page(report, filters, self.store.new_fingerprints())

        page = await self.call(build)
        nli = nli_summary(page.report) if page is not None else ""
        return await self.render(request, "review.html", page=page, filters=filters, nli=nli,
                                 here=request.url.path + filters.query())

    async def corpus(self, request: Request) -> Response:
        return await self.render(request, "corpus.html", **(await self.call(self._corpus_ctx)))

    def _corpus_ctx(self, errors: Sequence[str] = (), form: Optional[dict[str, str]] = None) -> dict[str, Any]:
        fields = {k: "" for k in ("text", "title", "source", "url", "published", "language", "format")}
        fields.update(form or {})
        return {"documents": self.store.documents(), "runs": self.store.runs(8), "errors": list(errors),
                "form": fields, "formats": FORMATS}

    async def add(self, request: Request) -> Response:
        lim = self.limits
        try:
            form = await request.form(max_files=lim.max_files, max_fields=20, max_part_size=lim.max_text_bytes + 1024)
        except HTTPException as exc:
            msg = str(exc.detail)
            if "Too many files" in msg:
                msg = f"too many files: at most {lim.max_files} per upload"
            return await self._add_rejected(request, [msg], {}, 413 if "too many" in msg.lower() or "size" in msg.lower() else 400)
        errors: list[str] = []
        items = []
        fields: dict[str, str] = {}
        try:
            files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and (f.filename or (f.size or 0) > 0)]
            if len(files) > lim.max_files:
                errors.append(f"too many files: at most {lim.max_files} per upload")
                files = []
            for f in files:
                data = await f.read(lim.max_file_bytes + 1)
                try:
                    items.append(await self.call(check_file, f.filename or "", data, lim))
                except InputError as exc:
                    errors.append(str(exc))
            fields = {k: _form_str(form, k) for k in ("text", "title", "source", "url", "published", "language", "format")}
            if fields["text"].strip():
                try:
                    items.append(check_paste(fields["text"], title=fields["title"], source=fields["source"], url=fields["url"],
                                             published=fields["published"], language=fields["language"],
                                             fmt=fields["format"] or "auto", limits=lim))
                except InputError as exc:
                    errors.append(str(exc))
        finally:
            await form.close()
        n_docs = sum(i.documents for i in items)
        if not errors and n_docs > lim.max_documents:
            errors.append(f"too many articles: {n_docs:,} in this upload; at most {lim.max_documents:,} per upload")
        if not errors and not items:
            errors.append("nothing to add: choose text files or paste an article")
        if errors:
            status = 413 if any("too large" in e or "too many" in e for e in errors) else 400
            return await self._add_rejected(request, errors, fields, status)
        run_id = await self.call(self.worker.submit_add, items)
        if _wants_json(request):
            return JSONResponse({"run": run_id, "status": f"/api/runs/{run_id}", "page": f"/runs/{run_id}"}, status_code=202)
        return RedirectResponse(f"/runs/{run_id}", status_code=303)

    async def _add_rejected(self, request: Request, errors: list[str], fields: dict[str, str], status: int) -> Response:
        errors = [self.public(e) for e in errors]
        if _wants_json(request):
            return JSONResponse({"errors": errors}, status_code=status)
        return await self.render(request, "corpus.html", status=status, **(await self.call(self._corpus_ctx, errors, fields)))

    async def recheck(self, request: Request) -> Response:
        run_id = await self.call(self.worker.submit_check, True)
        if _wants_json(request):
            return JSONResponse({"run": run_id, "status": f"/api/runs/{run_id}"}, status_code=202)
        return RedirectResponse(f"/runs/{run_id}", status_code=303)

    async def remove(self, request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=5, max_part_size=4096)
        doc_id = _form_str(form, "document")
        await form.close()
        if not doc_id or await self.call(self.store.document, doc_id) is None:
            return await self.error(request, 404, "no such document")
        run_id = await self.call(self.worker.submit_remove, doc_id)
        if _wants_json(request):
            return JSONResponse({"run": run_id, "status": f"/api/runs/{run_id}"}, status_code=202)
        return RedirectResponse(f"/runs/{run_id}", status_code=303)

    async def run_page(self, request: Request) -> Response:
        run = await self.call(self.store.get_run, request.path_params["run_id"])
        if run is None:
            return await self.error(request, 404, "no such run")
        return await self.render(request, "run.html", run=run)

    async def run_api(self, request: Request) -> Response:
        run = await self.call(self.store.get_run, request.path_params["run_id"])
        if run is None:
            return await self.error(request, 404, "no such run")
        data = run.as_dict()
        data["message"] = self.public(data["message"])
        data["items"] = [{**it, "message": self.public(it.get("message", ""))} for it in data["items"]]
        return JSONResponse(data)

    async def document(self, request: Request) -> Response:
        doc_id = request.query_params.get("id", "")

        def build() -> Optional[dict[str, Any]]:
            info = self.store.document(doc_id) if doc_id else None
            if info is None:
                return None
            report = self.store.report()
            claims = [c for c in (report.claims if report else []) if c.document == doc_id]
            paras = document_passages(info.document, claims)
            cards = {}
            if report is not None:
                from ..report.common import ReportIndex

                index = ReportIndex(report)
                cards = {c.id: claim_card(index, c) for c in claims}
            return {"info": info, "paras": paras, "cards": cards, "n_claims": len(claims)}

        ctx = await self.call(build)
        if ctx is None:
            return await self.error(request, 404, "no such document")
        return await self.render(request, "document.html", **ctx)

    # -- reviews

    async def review_post(self, request: Request) -> Response:
        fp = request.path_params["fingerprint"]
        if not _FINGERPRINT.match(fp):
            return await self.error(request, 404, "no such finding")
        form = await request.form(max_files=0, max_fields=10, max_part_size=self.limits.max_note_chars * 4 + 1024)
        state = _form_str(form, "state")
        note_v = form.get("note")
        nxt = _safe_next(form.get("next"))
        await form.close()
        note: Optional[str] = note_v if isinstance(note_v, str) else None
        if note is not None:
            note = note.replace("\r\n", "\n").strip()
            if len(note) > self.limits.max_note_chars:
                return await self.error(request, 400, f"the note is too long (at most {self.limits.max_note_chars} characters)")
        if state not in REVIEW_STATES:
            return await self.error(request, 400, f"unknown review state {state!r}; use one of: {', '.join(REVIEW_STATES)}")
        try:
            review = await self.call(self.store.set_review, fp, state, note)
        except (StoreBusy, StoreDamaged):
            raise
        except InputError:
            return await self.error(request, 404, "no such finding (the corpus was re-checked meanwhile?)")
        if _wants_json(request):
            return JSONResponse(json.loads(review.model_dump_json()) | {"label": STATE_LABELS[review.state]})
        return RedirectResponse(f"{nxt}#f-{fp}", status_code=303)

    # -- exports

    async def export(self, request: Request) -> Response:
        fmt = request.path_params["fmt"]
        if fmt not in exports.FORMATS:
            return await self.error(request, 404, "unknown export format (use json, csv or html)")

        def build() -> Optional[str]:
            report = self.store.report()
            if report is None:
                return None
            if fmt == "json":
                return exports.export_json(report)
            if fmt == "csv":
                return exports.export_csv(report)
            css = (HERE / "static" / "style.css").read_text(encoding="utf-8")
            return exports.export_html(report, lambda name, **kw: self.env.get_template(name).render(css=css, **kw),
                                       self.store.new_fingerprints())

        body = await self.call(build)
        if body is None:
            return await self.error(request, 404, "nothing to export yet: add articles first")
        headers = {"content-disposition": f'attachment; filename="claims-report.{fmt}"'}
        if fmt == "html":
            headers["content-security-policy"] = EXPORT_CSP
        return Response(body, media_type=exports.FORMATS[fmt] + "; charset=utf-8", headers=headers)

    async def report_api(self, request: Request) -> Response:
        report = await self.call(self.store.report)
        if report is None:
            return await self.error(request, 404, "no check yet")
        return Response(await self.call(exports.export_json, report), media_type="application/json")

    async def healthz(self, request: Request) -> Response:
        return PlainTextResponse("ok")


def create_app(
    store_path: Union[str, Path],
    *,
    nli: Optional[str] = None,
    aliases: Optional[str] = None,
    kinds_config: Optional[str] = None,
    limits: Limits = Limits(),
    host: str = "127.0.0.1",
    allowed_hosts: Optional[Sequence[str]] = None,
    deadline: Optional[float] = None,
    analyse_target: str = DEFAULT_TARGET,
    busy_timeout: float = WEB_BUSY_TIMEOUT,
) -> Starlette:
    """The ASGI app over the store at ``store_path`` (created if missing).

    ``allowed_hosts``: Host header values accepted (default: ``host`` and the loopback names;
    every host when ``host`` is a wildcard address). ``deadline``: seconds one article may take
    to analyse, in a separate process (None: no limit, analysed in the worker thread; ``claims
    serve`` sets one). ``busy_timeout``: how long a request waits for a locked store before
    answering 503. A store that is not a claims store, or is damaged, raises a one-line
    ClaimsError here, before the server starts.
    """
    store = ClaimStore(store_path, busy_timeout=busy_timeout)
    store.verify()
    options = CheckOptions(nli=nli, aliases=aliases, kinds_config=kinds_config, deadline=deadline, analyse_target=analyse_target)
    state = App(store, options, limits)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await run_in_threadpool(state.worker.resume)  # the runs a stopped (or killed) server left
        state.worker.start()
        try:
            yield
        finally:
            await run_in_threadpool(state.worker.stop)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return await state.error(request, exc.status_code, str(exc.detail))

    async def store_unavailable(request: Request, exc: Exception) -> Response:
        log.warning("%s %s: %s", request.method, request.url.path, exc)
        if isinstance(exc, StoreBusy):
            msg = "store busy: the claim store is locked by another process; try again in a moment"
        else:
            msg = "the claim store is damaged; the server's operator must restore it"
        return await state.error(request, 503, msg, headers={"retry-after": "5"})

    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("request failed: %s %s", request.method, request.url.path)
        return await state.error(request, 500, "internal error; see the server log")

    if allowed_hosts is None:
        allowed_hosts = ["*"] if host in ("0.0.0.0", "::", "") else sorted({host, *LOCAL_HOSTS})
    routes = [
        Route("/", state.review, methods=["GET"]),
        Route("/corpus", state.corpus, methods=["GET"]),
        Route("/corpus/add", state.add, methods=["POST"]),
        Route("/corpus/check", state.recheck, methods=["POST"]),
        Route("/corpus/remove", state.remove, methods=["POST"]),
        Route("/document", state.document, methods=["GET"]),
        Route("/runs/{run_id:int}", state.run_page, methods=["GET"]),
        Route("/api/runs/{run_id:int}", state.run_api, methods=["GET"]),
        Route("/api/report", state.report_api, methods=["GET"]),
        Route("/findings/{fingerprint}/review", state.review_post, methods=["POST"]),
        Route("/export/report.{fmt}", state.export, methods=["GET"]),
        Route("/healthz", state.healthz, methods=["GET"]),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[
            Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts)),
            Middleware(SecurityHeaders),
            Middleware(CrossSiteGuard),
            Middleware(BodyLimit, max_bytes=limits.max_body_bytes),
        ],
        exception_handlers={HTTPException: http_error, StoreBusy: store_unavailable, StoreDamaged: store_unavailable,
                            Exception: server_error},
    )
    app.state.claims = state
    return app
