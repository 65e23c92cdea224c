"""The review web app: Starlette, server-rendered Jinja2 pages, a little JavaScript.

    app = create_app("corpus.db", nli="none")      # an ASGI app; `claims serve` runs it with uvicorn

Pages: ``/`` review (groups, conflicts first; filters; review forms), ``/corpus`` (add articles,
documents and their status, recent runs), ``/runs/<n>`` (progress of a run), ``/document?id=``
(one article with its claims), ``/export/report.{json,csv,html}``. JSON endpoints:
``/api/runs/<n>``, ``/api/report``; POST ``/findings/<fingerprint>/review`` answers JSON when
asked (``Accept: application/json``), else redirects back.

Safety: every piece of article text goes through Jinja2 autoescape; a Content-Security-Policy
allows only the app's own script and styles; state changes are POST only; request bodies are
limited (Content-Length required); the Host header must name the server (DNS rebinding); no URL
parameter is ever used as a filesystem path.
"""
from __future__ import annotations

import contextlib
import json
import logging
import re
from pathlib import Path
from typing import Any, AsyncIterator, Optional, Sequence, Union

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

from ..errors import InputError
from ..report.common import nli_summary
from ..store import REVIEW_STATES, ClaimStore
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
from .worker import CheckOptions, Worker

log = logging.getLogger("claims.web")

HERE = Path(__file__).resolve().parent
_FINGERPRINT = re.compile(r"^[0-9a-f]{32}$")
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


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
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                    (b"cross-origin-opener-policy", b"same-origin"),
                ]
                headers += [(k, v) for k, v in extra if k not in names]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


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
    """The app's state and request handlers."""

    def __init__(self, store: ClaimStore, options: CheckOptions, limits: Limits) -> None:
        self.store = store
        self.options = options
        self.limits = limits
        self.worker = Worker(store, options)
        self.env = _templates()

    # -- rendering

    def _context(self, request: Request) -> dict[str, Any]:
        counts = self.store.document_counts()
        active = next((r for r in self.store.runs(5) if not r.finished), None)
        return {"request": request, "counts": counts, "active_run": active, "last_check": self.store.last_check(),
                "limits": self.limits, "path": request.url.path}

    def render(self, request: Request, name: str, status: int = 200, **kw: Any) -> HTMLResponse:
        ctx = self._context(request)
        ctx.update(kw)
        return HTMLResponse(self.env.get_template(name).render(**ctx), status_code=status)

    def error(self, request: Request, status: int, message: str) -> Response:
        if _wants_json(request) or request.url.path.startswith("/api/"):
            return JSONResponse({"error": message}, status_code=status)
        return self.render(request, "error.html", status=status, status_code=status, message=message)

    # -- pages

    async def review(self, request: Request) -> Response:
        filters = Filters.from_query(request.query_params)

        def build() -> Any:
            report = self.store.report()
            if report is None:
                return None
            return build_review_page(report, filters, self.store.new_fingerprints())

        page = await run_in_threadpool(build)
        nli = nli_summary(page.report) if page is not None else ""
        return self.render(request, "review.html", page=page, filters=filters, nli=nli,
                           here=request.url.path + filters.query())

    async def corpus(self, request: Request) -> Response:
        return self.render(request, "corpus.html", **self._corpus_ctx())

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
            return self._add_rejected(request, [msg], {}, 413 if "too many" in msg.lower() or "size" in msg.lower() else 400)
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
                    items.append(check_file(f.filename or "", data, lim))
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
        if not errors and not items:
            errors.append("nothing to add: choose text files or paste an article")
        if errors:
            status = 413 if any("too large" in e or "too many" in e for e in errors) else 400
            return self._add_rejected(request, errors, fields, status)
        run_id = self.worker.submit_add(items)
        if _wants_json(request):
            return JSONResponse({"run": run_id, "status": f"/api/runs/{run_id}", "page": f"/runs/{run_id}"}, status_code=202)
        return RedirectResponse(f"/runs/{run_id}", status_code=303)

    def _add_rejected(self, request: Request, errors: list[str], fields: dict[str, str], status: int) -> Response:
        if _wants_json(request):
            return JSONResponse({"errors": errors}, status_code=status)
        return self.render(request, "corpus.html", status=status, **self._corpus_ctx(errors, fields))

    async def recheck(self, request: Request) -> Response:
        run_id = self.worker.submit_check(retry_errors=True)
        if _wants_json(request):
            return JSONResponse({"run": run_id, "status": f"/api/runs/{run_id}"}, status_code=202)
        return RedirectResponse(f"/runs/{run_id}", status_code=303)

    async def remove(self, request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=5, max_part_size=4096)
        doc_id = _form_str(form, "document")
        await form.close()
        if not doc_id or self.store.document(doc_id) is None:
            return self.error(request, 404, "no such document")
        run_id = self.worker.submit_remove(doc_id)
        if _wants_json(request):
            return JSONResponse({"run": run_id, "status": f"/api/runs/{run_id}"}, status_code=202)
        return RedirectResponse(f"/runs/{run_id}", status_code=303)

    async def run_page(self, request: Request) -> Response:
        run = self.store.get_run(request.path_params["run_id"])
        if run is None:
            return self.error(request, 404, "no such run")
        return self.render(request, "run.html", run=run)

    async def run_api(self, request: Request) -> Response:
        run = self.store.get_run(request.path_params["run_id"])
        if run is None:
            return self.error(request, 404, "no such run")
        return JSONResponse(run.as_dict())

    async def document(self, request: Request) -> Response:
        doc_id = request.query_params.get("id", "")
        info = self.store.document(doc_id) if doc_id else None
        if info is None:
            return self.error(request, 404, "no such document")
        report = await run_in_threadpool(self.store.report)
        claims = [c for c in (report.claims if report else []) if c.document == doc_id]
        paras = document_passages(info.document, claims)
        cards = {}
        if report is not None:
            from ..report.common import ReportIndex

            index = ReportIndex(report)
            cards = {c.id: claim_card(index, c) for c in claims}
        return self.render(request, "document.html", info=info, paras=paras, cards=cards, n_claims=len(claims))

    # -- reviews

    async def review_post(self, request: Request) -> Response:
        fp = request.path_params["fingerprint"]
        if not _FINGERPRINT.match(fp):
            return self.error(request, 404, "no such finding")
        form = await request.form(max_files=0, max_fields=10, max_part_size=self.limits.max_note_chars * 4 + 1024)
        state = _form_str(form, "state")
        note_v = form.get("note")
        nxt = _safe_next(form.get("next"))
        await form.close()
        note: Optional[str] = note_v if isinstance(note_v, str) else None
        if note is not None:
            note = note.replace("\r\n", "\n").strip()
            if len(note) > self.limits.max_note_chars:
                return self.error(request, 400, f"the note is too long (at most {self.limits.max_note_chars} characters)")
        if state not in REVIEW_STATES:
            return self.error(request, 400, f"unknown review state {state!r}; use one of: {', '.join(REVIEW_STATES)}")
        try:
            review = self.store.set_review(fp, state, note)
        except InputError:
            return self.error(request, 404, "no such finding (the corpus was re-checked meanwhile?)")
        if _wants_json(request):
            return JSONResponse(json.loads(review.model_dump_json()) | {"label": STATE_LABELS[review.state]})
        return RedirectResponse(f"{nxt}#f-{fp}", status_code=303)

    # -- exports

    async def export(self, request: Request) -> Response:
        fmt = request.path_params["fmt"]
        if fmt not in exports.FORMATS:
            return self.error(request, 404, "unknown export format (use json, csv or html)")
        report = await run_in_threadpool(self.store.report)
        if report is None:
            return self.error(request, 404, "nothing to export yet: add articles first")
        if fmt == "json":
            body = exports.export_json(report)
        elif fmt == "csv":
            body = exports.export_csv(report)
        else:
            css = (HERE / "static" / "style.css").read_text(encoding="utf-8")
            body = exports.export_html(report, lambda name, **kw: self.env.get_template(name).render(css=css, **kw),
                                       self.store.new_fingerprints())
        headers = {"content-disposition": f'attachment; filename="claims-report.{fmt}"'}
        if fmt == "html":
            headers["content-security-policy"] = EXPORT_CSP
        return Response(body, media_type=exports.FORMATS[fmt] + "; charset=utf-8", headers=headers)

    async def report_api(self, request: Request) -> Response:
        report = await run_in_threadpool(self.store.report)
        if report is None:
            return self.error(request, 404, "no check yet")
        return Response(exports.export_json(report), media_type="application/json")

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
) -> Starlette:
    """The ASGI app over the store at ``store_path`` (created if missing).

    ``allowed_hosts``: Host header values accepted (default: ``host`` and the loopback names;
    every host when ``host`` is a wildcard address).
    """
    store = ClaimStore(store_path)
    state = App(store, CheckOptions(nli=nli, aliases=aliases, kinds_config=kinds_config), limits)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        n = store.interrupt_stale_runs()
        if n:
            log.warning("%d run(s) of a previous server were marked interrupted", n)
        state.worker.start()
        try:
            yield
        finally:
            state.worker.stop()

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return state.error(request, exc.status_code, str(exc.detail))

    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("request failed: %s %s", request.method, request.url.path)
        return state.error(request, 500, "internal error; see the server log")

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
            Middleware(BodyLimit, max_bytes=limits.max_body_bytes),
        ],
        exception_handlers={HTTPException: http_error, Exception: server_error},
    )
    app.state.claims = state
    return app
