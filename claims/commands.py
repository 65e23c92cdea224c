"""The pipeline's commands: `claims check`, `claims extract`, `claims schema`, `claims eval seeds`."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Optional

import typer

from .errors import ClaimsError, InputError


class _Progress:
    """A progress bar on stderr (rich) for long runs; silent for small ones or when disabled."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._bar = None
        self._task = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled or total < 20:
            return
        if self._bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

            self._bar = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                 console=Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task(stage, total=total)
        self._bar.update(self._task, completed=done, description=stage)
        if done >= total:
            self.close()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def check_paths(paths: list[str]) -> None:
    """Every path argument must exist: a missing one is an error, never read as article text
    (inline text only through ``--text``)."""
    for p in paths or []:
        if not p.strip():
            raise InputError("empty path given")
        if not os.path.exists(p):
            hint = "; to check text given inline, use --text" if any(c.isspace() for c in p) else ""
            raise InputError(f"{p}: no such file or directory{hint}")


def check_outputs(outputs: list[str], inputs: list[str]) -> None:
    """Refuse, before any work, report paths that cannot or must not be written: an unknown
    extension, the same file twice, a file that is one of the inputs (or read from an input
    folder), a missing or read-only folder, a folder."""
    from .report import check_output, format_for_path

    seen: dict[str, str] = {}
    for o in outputs:
        real = os.path.realpath(o)
        if real in seen:
            raise InputError(f"-o {o} is given twice" + (f" (as -o {seen[real]})" if seen[real] != o else ""))
        seen[real] = o
    for o in outputs:
        if not os.path.isfile(o):
            continue
        for p in inputs:
            if os.path.isdir(p):
                folder = os.path.realpath(p)
                if os.path.commonpath([folder, os.path.realpath(o)]) == folder:
                    raise InputError(f"-o {o} would replace a file read from the input folder {p}; write the report elsewhere")
            elif os.path.exists(p) and os.path.samefile(p, o):
                raise InputError(f"-o {o} is one of the inputs; write the report elsewhere")
    for o in outputs:
        format_for_path(o)
        check_output(o)


def _report_skipped(skipped: list) -> None:
    if not skipped:
        return
    shown = ", ".join(f"{Path(s.path).name} ({s.reason})" for s in skipped[:3])
    more = f" and {len(skipped) - 3} more" if len(skipped) > 3 else ""
    print(f"claims: skipped {len(skipped)} file(s) in the input folders: {shown}{more}", file=sys.stderr)


def _run(paths: list[str], text: Optional[list[str]], nli: Optional[str], require_nli: bool, aliases: Optional[str],
         kinds: Optional[str], progress: bool, store: Optional[str] = None, follow_links: bool = False, workers: int = 1):
    from .ingest import TextInput, collect_skipped, following_links
    from .pipeline import check

    check_paths(paths)
    inputs: list = list(paths or [])
    for i, t in enumerate(text or []):
        # in a store, a pasted text is named by its content hash so runs do not overwrite each other
        inputs.append(TextInput(text=t) if store else TextInput(text=t, id=f"text-{i + 1}"))
    if not inputs and not store:
        raise InputError("no input: give files, folders or --text")
    bar = _Progress(progress and sys.stderr.isatty())
    try:
        with collect_skipped() as skipped, following_links(follow_links):
            if store:
                from .store import check_with_store

                report = check_with_store(store, inputs, nli=nli, nli_required=require_nli, aliases=aliases,
                                          kinds_config=kinds, progress=bar)
            else:
                report = check(inputs, nli=nli, nli_required=require_nli, aliases=aliases, kinds_config=kinds, progress=bar,
                               workers=workers)
    finally:
        bar.close()
    _report_skipped(skipped)
    return report


_FOLLOW_LINKS_HELP = "read the files and folders that symlinks inside an input folder lead to, even outside it"


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    @app.command("check")
    def check_cmd(
        paths: list[str] = typer.Argument(None, help="files or folders (txt, md, html, jsonl)"),
        output: list[str] = typer.Option([], "-o", "--output", help="report file; format from the extension (.json .csv .md .html); repeatable"),
        text: list[str] = typer.Option(None, "--text", help="an article given inline (repeatable)"),
        nli: Optional[str] = typer.Option(None, "--nli", help="NLI model: hub id, local folder, 'offline' or 'none' (env CLAIMS_NLI)"),
        require_nli: bool = typer.Option(False, "--require-nli", help="fail if no NLI model can be loaded"),
        aliases: Optional[str] = typer.Option(None, "--aliases", help="extra alias table (JSON, same layout as claims/data/aliases.json)"),
        kinds: Optional[str] = typer.Option(None, "--kinds", help="user-defined claim kinds (config file)"),
        fail_on: Optional[str] = typer.Option(None, "--fail-on", help="'conflict': exit 1 when a conflict is found"),
        progress: bool = typer.Option(True, "--progress/--no-progress", help="progress bar on stderr"),
        store: Optional[str] = typer.Option(None, "--store", help="SQLite claim store: add these articles to it (only new or changed ones are processed) and report on the whole stored corpus"),
        follow_links: bool = typer.Option(False, "--follow-links", help=_FOLLOW_LINKS_HELP),
        workers: int = typer.Option(1, "--workers", min=0, help="processes for the per-document stages (0: one per CPU core; used from 20 documents per process; not with --store)"),
    ) -> None:
        """Check articles against each other and write a contradiction report."""
        if fail_on not in (None, "conflict"):
            raise ClaimsError(f"--fail-on takes 'conflict', not {fail_on!r}")
        if store and workers != 1:
            raise InputError("--workers is not available with --store (the store analyses its new documents in one process)")
        from .report import write_reports

        check_paths(paths)
        check_outputs(output, paths or [])  # fail before the work, not after it
        report = _run(paths, text, nli, require_nli, aliases, kinds, progress, store, follow_links, workers)
        if output:
            write_reports(report, output)  # all of them or none
        s = report.stats
        summary = (f"{s.documents} documents, {s.sentences} sentences, {s.claims} claims, {s.groups} groups, "
                   f"{s.pairs_compared} pairs compared, {s.conflicts} conflicts; NLI: "
                   + (f"{report.nli.model or report.nli.backend}" if report.nli.used else "not used"))
        if output:
            print(summary, file=sys.stderr)
            for o in output:
                print(f"wrote {o}", file=sys.stderr)
        else:
            from .report import render

            sys.stdout.write(render(report, "markdown"))
        if fail_on == "conflict" and s.conflicts:
            raise typer.Exit(code=1)

    @app.command("extract")
    def extract_cmd(
        paths: list[str] = typer.Argument(None, help="files or folders"),
        text: list[str] = typer.Option(None, "--text", help="an article given inline"),
        aliases: Optional[str] = typer.Option(None, "--aliases"),
        follow_links: bool = typer.Option(False, "--follow-links", help=_FOLLOW_LINKS_HELP),
    ) -> None:
        """Print the extracted claims as JSON Lines."""
        from .report.jsonio import dumps_line

        report = _run(paths, text, "none", False, aliases, None, True, follow_links=follow_links)
        out = sys.stdout
        for c in report.claims:
            out.write(dumps_line(c.model_dump(mode="json")) + "\n")

    @app.command("schema")
    def schema_cmd() -> None:
        """Print the JSON Schema of the JSON report."""
        from .report import report_json_schema

        print(json.dumps(report_json_schema(), indent=2, ensure_ascii=False))

    @eval_app.command("gva")
    def eval_gva_cmd(
        data: str = typer.Option(..., "--data", help="gva_dev incidents.jsonl"),
        limit: int = typer.Option(0, "--limit", help="first N incidents only (0 = all)"),
        nli: Optional[str] = typer.Option("none", "--nli", help="NLI model (default: none)"),
        as_json: bool = typer.Option(False, "--json", help="print one JSON object"),
        conflicts_out: Optional[str] = typer.Option(None, "--conflicts", help="write the reported conflicts (JSON Lines, casualties and other kinds) to read them"),
    ) -> None:
        """Casualty recall, unmatched claims and cross-article conflicts on real multi-outlet news."""
        from .evaluate_corpora import evaluate_gva, load_incidents

        incs = load_incidents(data, limit or None)
        prog = _Progress(not as_json)
        try:
            res = evaluate_gva(incs, nli=nli, progress=prog)
        finally:
            prog.close()
        rows = [dict(r, kind="casualties") for r in res.pop("conflict_list")] + res.pop("other_conflict_list")
        if conflicts_out:
            Path(conflicts_out).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        if as_json:
            print(json.dumps(res, ensure_ascii=False))
            return
        for k, v in res.items():
            print(f"{k:22} {v}")

    @eval_app.command("corpora")
    def eval_corpora_cmd(
        root: str = typer.Argument(..., help="folder of corpus folders, each with an EXPECT.json"),
        nli: Optional[str] = typer.Option("none", "--nli", help="NLI model (default: none)"),
        as_json: bool = typer.Option(False, "--json", help="print one JSON object"),
        details: bool = typer.Option(False, "--details", help="per-corpus details"),
    ) -> None:
        """Recall of planted contradictions, traps violated and other conflicts on development corpora."""
        from .evaluate_corpora import evaluate_corpora

        res = evaluate_corpora(root, nli=nli)
        if not details:
            for r in res["corpora"]:
                r.pop("details")
        if as_json:
            print(json.dumps(res, ensure_ascii=False))
            return
        print(f"{'language':10}{'corpora':>8}{'found':>7}{'expected':>9}{'recall':>8}{'traps':>7}{'violated':>9}{'compared':>9}{'other':>7}")
        for lang, c in res["summary"].items():
            print(f"{lang:10}{c['corpora']:>8}{c['found']:>7}{c['expected']:>9}{str(c['recall']):>8}{c['traps']:>7}"
                  f"{c['traps_violated']:>9}{c['traps_compared']:>9}{c['other_conflicts']:>7}")
        if details:
            print(json.dumps(res["corpora"], ensure_ascii=False, indent=1))

    @eval_app.command("seeds")
    def eval_seeds_cmd(
        gold: str = typer.Option(..., "--gold", help="path to seeds_gold.json"),
        seeds: str = typer.Option("seeds", "--seeds", help="folder of the seed articles"),
        nli: Optional[str] = typer.Option(None, "--nli"),
        as_json: bool = typer.Option(False, "--json", help="print one JSON object"),
        details: bool = typer.Option(False, "--details", help="print per-claim matches"),
    ) -> None:
        """Evaluate the pipeline on the seed articles against the hand-labelled gold."""
        from .evaluate_seeds import evaluate_report, load_gold, passed
        from .pipeline import check

        g = load_gold(gold)
        if not Path(seeds).is_dir():
            raise InputError(f"{seeds}: no such folder")
        report = check([seeds], nli=nli)
        res = evaluate_report(report, g)
        res["passed"] = passed(res)
        res["nli"] = report.nli.model_dump(mode="json")
        if as_json:
            out = dict(res)
            if not details:
                out.pop("details")
            print(json.dumps(out, ensure_ascii=False))
            return
        print(f"gold claims found        {res['claims_found']}/{res['claims_total']}")
        print(f"gold groups recovered    {res['groups_recovered']}/{res['groups_total']}")
        print(f"gold pairs allowed       {res['pairs_allowed']}/{res['pairs_total']}")
        print(f"conflicts among seeds    {res['conflicts']}")
        print(f"claims from boilerplate  {res['boilerplate_claims']}")
        print(f"report: {res['report_claims']} claims, {res['report_groups']} groups; NLI used: {report.nli.used}")
        print("PASS" if res["passed"] else "FAIL")
        if details:
            print(json.dumps(res["details"], ensure_ascii=False, indent=1))
