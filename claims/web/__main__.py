"""``python -m claims.web --store corpus.db``: the same as ``claims serve``."""
from __future__ import annotations

import sys

import typer

from ..errors import ClaimsError
from .cli import register


def main(argv: list[str] | None = None) -> int:
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    register(app, typer.Typer())

    @app.callback()
    def _root() -> None:  # keeps "serve" a sub-command
        pass

    try:
        app(args=["serve", *(sys.argv[1:] if argv is None else argv)], standalone_mode=False)
    except ClaimsError as exc:
        print(f"claims: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
