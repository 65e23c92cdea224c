"""Command-line interface: `claims check | extract | mentions | schema | eval ...`.

Every expected failure (bad input, bad option) is a `ClaimsError`: one line on stderr and
exit code 2, never a traceback; so are input nested too deeply to read (RecursionError) and
input too large for the memory (MemoryError). Sub-commands owned by other modules register themselves
through a `register(app, eval_app)` function (see `claims/nli/cli.py`, `claims/recognize/cli.py`).
"""
from __future__ import annotations

import sys

import typer

from .errors import ClaimsError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Extract checkable claims from articles and check them across sources.",
)
eval_app = typer.Typer(no_args_is_help=True, pretty_exceptions_enable=False, help="Evaluation commands.")
app.add_typer(eval_app, name="eval")


def _register_plugins() -> None:
    import importlib

    for name in ("claims.commands", "claims.recognize.cli", "claims.nli.cli", "claims.web.cli"):
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a part that is not there yet
            if exc.name and name.startswith(exc.name):
                continue
            raise
        mod.register(app, eval_app)


_register_plugins()


def _is_click(exc: BaseException, name: str) -> bool:
    """An exception of click, or of the copy of click that newer typer releases vendor (typer._click)."""
    import importlib

    for mod in ("click.exceptions", "typer._click.exceptions"):
        try:
            cls = getattr(importlib.import_module(mod), name, None)
        except ImportError:
            continue
        if cls is not None and isinstance(exc, cls):
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    try:
        rv = app(args=argv, standalone_mode=False)
    except ClaimsError as exc:
        print(f"claims: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except typer.Exit as exc:  # raised by commands for their exit code
        return exc.exit_code
    except SystemExit as exc:
        return int(exc.code or 0)
    except KeyboardInterrupt:
        print("claims: interrupted", file=sys.stderr)
        return 130
    except RecursionError:  # input nested or chained beyond any article's shape
        print("claims: error: the input is nested too deeply to be read", file=sys.stderr)
        return 2
    except MemoryError:
        print("claims: error: out of memory: the input is too large for this machine", file=sys.stderr)
        return 2
    except Exception as exc:  # click usage errors and the like
        if _is_click(exc, "ClickException"):
            exc.show()  # type: ignore[attr-defined]
            return 2
        if _is_click(exc, "Abort"):
            return 1
        raise
    return rv if isinstance(rv, int) else 0


def _entry() -> None:  # pragma: no cover
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
