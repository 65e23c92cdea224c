"""The CLI under hostile arguments: reports that would replace an input, the same report twice,
missing paths that look like text, unwritable outputs (checked before the run), a report write
killed half-way, several reports written all or none, damaged stores, deep recursion."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from claims import pipeline
from claims.cli import main
from claims.report import atomic

from .conftest import ROOT

ARTICLE = "En juillet 2019, Microsoft a annoncé un investissement de 1 milliard de dollars dans OpenAI."
OTHER = "En 2019, Microsoft a investi 2 milliards de dollars dans OpenAI."


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<html><body><p>{OTHER}</p></body></html>", encoding="utf-8")
    return tmp_path


@pytest.fixture
def no_run(monkeypatch):
    """Fails the test if the pipeline runs: the checks must come before any work."""

    def boom(*a, **kw):
        raise AssertionError("the pipeline ran although the arguments were bad")

    monkeypatch.setattr(pipeline, "check", boom)


def _err_line(capsys) -> str:
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(err) == 1, err
    return err[0]


# --------------------------------------------------------------------------- -o against the inputs

@pytest.mark.parametrize("out", ["{d}/a.md", "{d}/./a.md", "{d}/link.md", "{d}/b.html"])
def test_output_equal_to_an_input_is_refused(corpus, capsys, no_run, out):
    (corpus / "link.md").symlink_to(corpus / "a.md")
    before = {p.name: p.read_bytes() for p in corpus.iterdir() if not p.is_symlink()}
    out = out.format(d=corpus)
    rc = main(["check", str(corpus / "a.md"), str(corpus / "b.html"), "-o", out, "--nli", "none"])
    assert rc == 2
    assert "is one of the inputs" in _err_line(capsys)
    assert {p.name: p.read_bytes() for p in corpus.iterdir() if not p.is_symlink()} == before


def test_output_replacing_a_file_of_an_input_folder_is_refused(corpus, capsys, no_run):
    rc = main(["check", str(corpus), "-o", str(corpus / "a.md"), "--nli", "none"])
    assert rc == 2 and "read from the input folder" in _err_line(capsys)
    assert (corpus / "a.md").read_text("utf-8") == ARTICLE


def test_new_report_inside_the_input_folder_is_fine(corpus):
    assert main(["check", str(corpus), "-o", str(corpus / "report.json"), "--nli", "none", "--no-progress"]) == 0
    assert json.loads((corpus / "report.json").read_text("utf-8"))["stats"]["documents"] == 2


@pytest.mark.parametrize("second", ["{d}/r.json", "{d}/./r.json", "{d}/sub/../r.json"])
def test_same_output_twice_is_refused(corpus, capsys, no_run, second):
    (corpus / "sub").mkdir()
    rc = main(["check", str(corpus / "a.md"), "-o", str(corpus / "r.json"), "-o", second.format(d=corpus), "--nli", "none"])
    assert rc == 2 and "given twice" in _err_line(capsys)
    assert not (corpus / "r.json").exists()


# --------------------------------------------------------------------------- paths that do not exist

@pytest.mark.parametrize("cmd", ["check", "extract"])
@pytest.mark.parametrize("arg", ["Microsoft a investi 10 milliards", "missing file.txt", "nope.txt"])
def test_missing_path_is_an_error_not_text(cmd, arg, capsys, no_run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main([cmd, arg]) == 2
    line = _err_line(capsys)
    assert f"{arg}: no such file or directory" in line
    assert ("use --text" in line) == (" " in arg)


def test_inline_text_goes_through_text(capsys):
    assert main(["extract", "--text", ARTICLE]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["value"]["low"] == 1e9


# --------------------------------------------------------------------------- outputs checked first

@pytest.mark.parametrize("out, needle", [
    ("{d}/missing/r.json", "does not exist"),
    ("{d}/folder.json", "is a directory"),
    ("{d}/a.md/r.json", "is not a directory"),
    ("/sys/claims-report.json", "cannot write"),  # sysfs: no file can be created there, even by root
])
def test_unwritable_outputs_fail_before_the_run(corpus, capsys, no_run, out, needle):
    (corpus / "folder.json").mkdir()
    rc = main(["check", str(corpus / "a.md"), "-o", str(corpus / "ok.json"), "-o", out.format(d=corpus), "--nli", "none"])
    assert rc == 2 and needle in _err_line(capsys)
    assert not (corpus / "ok.json").exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_fails_before_the_run(corpus, capsys, no_run):
    ro = corpus / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        assert main(["check", str(corpus / "a.md"), "-o", str(ro / "r.json"), "--nli", "none"]) == 2
    finally:
        ro.chmod(0o755)
    assert "permission denied" in _err_line(capsys).lower()


# --------------------------------------------------------------------------- all or none, kill -9

def test_several_reports_are_written_all_or_none(corpus, monkeypatch, capsys):
    import claims.report as report_mod

    for name in ("r.json", "r.csv", "r.html"):
        (corpus / name).write_text("OLD", encoding="utf-8")

    def broken(report, out):
        out.write("<!DOCTYPE html>half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report_mod, "write_html", broken)  # the last of the three fails
    outs = [str(corpus / n) for n in ("r.json", "r.csv", "r.html")]
    rc = main(["check", str(corpus / "a.md"), *sum((["-o", o] for o in outs), []), "--nli", "none", "--no-progress"])
    assert rc == 2 and "No space left on device" in _err_line(capsys)
    assert [(corpus / n).read_text("utf-8") for n in ("r.json", "r.csv", "r.html")] == ["OLD"] * 3
    assert not [p for p in corpus.iterdir() if p.name.endswith(".tmp")]


def test_a_failed_move_puts_the_earlier_reports_back(corpus, monkeypatch):
    from claims.errors import ClaimsError
    from claims.report import write_reports

    report = pipeline.check([str(corpus / "a.md")], nli="none")
    (corpus / "r.json").write_text("OLD JSON", encoding="utf-8")
    real_replace = os.replace
    calls = []

    def flaky(src, dst):
        calls.append(dst)
        if str(dst).endswith("r.md"):
            raise OSError(5, "Input/output error")
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", flaky)
    with pytest.raises(ClaimsError, match="Input/output error"):
        write_reports(report, [corpus / "r.json", corpus / "r.md"])
    assert (corpus / "r.json").read_text("utf-8") == "OLD JSON" and not (corpus / "r.md").exists()
    assert not [p for p in corpus.iterdir() if p.name.endswith(".tmp")]


WRITER = textwrap.dedent("""
    import sys, time
    from claims.report import atomic
    def slow(fh):
        fh.write("NEW HALF")
        fh.flush()
        print("writing", flush=True)
        time.sleep(60)
    atomic.atomic_write(sys.argv[1], slow)
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no kill -9 here")
def test_kill_9_during_a_write_leaves_the_old_report_and_the_next_run_cleans_up(corpus):
    target = corpus / "report.json"
    old = pipeline.check([str(corpus / "a.md")], nli="none")
    from claims.report import write_report

    write_report(old, target)
    before = target.read_bytes()
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    proc.stdout.close()
    stray = [p for p in corpus.iterdir() if p.name.startswith(".report.json.") and p.name.endswith(".tmp")]
    assert len(stray) == 1 and stray[0].read_text("utf-8") == "NEW HALF"
    assert target.read_bytes() == before  # the old report, whole
    time.sleep(0.05)
    run = subprocess.run([sys.executable, "-m", "claims.cli", "check", str(corpus / "a.md"), "-o", str(target), "--nli", "none"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert json.loads(target.read_text("utf-8"))["stats"]["documents"] == 1
    assert [p.name for p in corpus.iterdir() if p.name.endswith(".tmp")] == []


def test_temps_of_the_current_run_are_left_alone(tmp_path):
    target = tmp_path / "r.json"
    fresh = tmp_path / ".r.json.0123abcd.tmp"
    fresh.write_text("in flight", encoding="utf-8")
    stale = tmp_path / ".r.json.89abcdef.tmp"
    stale.write_text("debris", encoding="utf-8")
    os.utime(stale, (atomic.RUN_STARTED - 60, atomic.RUN_STARTED - 60))
    other = tmp_path / ".other.json.89abcdef.tmp"
    other.write_text("not ours", encoding="utf-8")
    os.utime(other, (atomic.RUN_STARTED - 60, atomic.RUN_STARTED - 60))
    assert atomic.clean_stale_temps(target, older_than=time.time() - 30) == [stale]
    assert fresh.exists() and other.exists()


# --------------------------------------------------------------------------- stores, recursion, memory

def test_damaged_store_is_one_line(tmp_path, corpus, capsys):
    store = tmp_path / "corpus.db"
    assert main(["check", str(corpus / "a.md"), "--store", str(store), "--nli", "none", "--no-progress"]) == 0
    capsys.readouterr()
    data = bytearray(store.read_bytes())
    data[4096 * 3:] = b"\x55" * (len(data) - 4096 * 3)  # the tables' pages, not the header
    store.write_bytes(bytes(data))
    for f in store.parent.glob("corpus.db-*"):
        f.unlink()
    assert main(["check", "--store", str(store), "--nli", "none", "--no-progress"]) == 2
    line = _err_line(capsys)
    assert "damaged" in line or "not a claims store" in line
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(os.urandom(8192))
    assert main(["check", str(corpus / "a.md"), "--store", str(garbage), "--nli", "none"]) == 2
    assert "not a claims store" in _err_line(capsys)


@pytest.mark.parametrize("exc, needle", [(RecursionError, "nested too deeply"), (MemoryError, "out of memory")])
def test_recursion_and_memory_errors_are_one_line(corpus, capsys, monkeypatch, exc, needle):
    def fail(*a, **kw):
        raise exc()

    monkeypatch.setattr(pipeline, "check", fail)
    assert main(["check", str(corpus / "a.md"), "--nli", "none"]) == 2
    assert needle in _err_line(capsys)


@pytest.mark.parametrize("argv", [["check", "--bogus"], ["eval", "seeds"], ["mentions", "--lang"]])
def test_usage_errors_exit_2_without_a_traceback(argv, capsys):
    # whichever click typer uses (its own vendored copy in newer releases), a usage error is a message
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Error:" in err
