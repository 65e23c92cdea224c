"""`claims serve`: the review web app on http://127.0.0.1:8000 (see claims.web.app)."""
from __future__ import annotations

from typing import Optional

import typer

from ..errors import ClaimsError


def serve(
    store: str = "claims.db",
    host: str = "127.0.0.1",
    port: int = 8000,
    nli: Optional[str] = None,
    aliases: Optional[str] = None,
    kinds: Optional[str] = None,
    max_files: int = 20,
    max_file_mb: float = 2.0,
    log_level: str = "info",
    deadline: float = 120.0,
) -> None:
    """Run the review app until interrupted (Ctrl-C)."""
    try:
        import uvicorn
    except ImportError:
        raise ClaimsError("the web app needs uvicorn and starlette: pip install 'claims[web]'") from None
    from .app import create_app
    from .uploads import Limits

    if not 0 < port < 65536:
        raise ClaimsError(f"--port must be between 1 and 65535, not {port}")
    if max_files < 1 or max_file_mb <= 0:
        raise ClaimsError("--max-files and --max-file-mb must be positive")
    if deadline < 0:
        raise ClaimsError("--deadline must be positive (0: no deadline)")
    limits = Limits(max_files=max_files, max_file_bytes=int(max_file_mb * 1_000_000))
    app = create_app(store, nli=nli, aliases=aliases, kinds_config=kinds, limits=limits, host=host, deadline=deadline or None)
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"warning: serving on {host}: anyone who can reach this address can read and change the corpus", err=True)
    typer.echo(f"claims: store {store}; open http://{'[' + host + ']' if ':' in host else host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False, server_header=False)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    @app.command("serve")
    def serve_cmd(
        store: str = typer.Option("claims.db", "--store", help="the corpus: an SQLite file, created if missing"),
        host: str = typer.Option("127.0.0.1", "--host", help="address to bind (default: this machine only)"),
        port: int = typer.Option(8000, "--port", help="port to listen on"),
        nli: Optional[str] = typer.Option(None, "--nli", help="NLI model: hub id, local folder, 'offline' or 'none' (env CLAIMS_NLI)"),
        aliases: Optional[str] = typer.Option(None, "--aliases", help="extra alias table (JSON)"),
        kinds: Optional[str] = typer.Option(None, "--kinds", help="user-defined claim kinds (config file)"),
        max_files: int = typer.Option(20, "--max-files", help="most files per upload"),
        max_file_mb: float = typer.Option(2.0, "--max-file-mb", help="largest file accepted, in MB"),
        deadline: float = typer.Option(120.0, "--deadline", help="seconds one article may take to analyse (in a separate process) before it is stopped and reported; 0: no limit"),
    ) -> None:
        """Serve the review web app: add articles, review findings, export the reviewed report."""
        serve(store, host, port, nli, aliases, kinds, max_files, max_file_mb, deadline=deadline)
