"""The command line: reports, exit codes, one-line errors."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from claims.cli import main

from .conftest import ROOT

CONFLICT_A = "En juillet 2019, Microsoft a annoncé un investissement de 1 milliard de dollars dans OpenAI."
CONFLICT_B = "En 2019, Microsoft a investi 2 milliards de dollars dans OpenAI."


def test_check_writes_html_and_json_and_fails_on_conflict(tmp_path, capsys):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.md"
    a.write_text(CONFLICT_A, encoding="utf-8")
    b.write_text(CONFLICT_B + "\n\n<script>alert(1)</script>", encoding="utf-8")
    html, js = tmp_path / "r.html", tmp_path / "r.json"
    rc = main(["check", str(a), str(b), "-o", str(html), "-o", str(js), "--nli", "none", "--fail-on", "conflict"])
    assert rc == 1
    data = json.loads(js.read_text("utf-8"))
    assert {"documents", "claims", "groups"} <= set(data)
    verdicts = [f["verdict"] for g in data["groups"] for f in g["findings"]]
    assert verdicts == ["conflict"]
    page = html.read_text("utf-8")
    assert "<script>alert(1)</script>" not in page
    rc = main(["check", str(a), "-o", str(tmp_path / "s.json"), "--nli", "none", "--fail-on", "conflict"])
    assert rc == 0


@pytest.mark.parametrize(
    "args, needle",
    [
        (["check", "does/not/exist.txt", "--nli", "none"], "no such file"),
        (["check", "{bin}", "--nli", "none"], "binary"),
        (["check", "{empty}", "--nli", "none"], "empty"),
        (["check", "{ok}", "-o", "{tmp}/r.pdf", "--nli", "none"], "pdf"),
    ],
)
def test_bad_input_is_one_line_exit_2(tmp_path, args, needle):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02PNG\x00\x00" * 50)
    (tmp_path / "empty").mkdir()
    (tmp_path / "ok.txt").write_text(CONFLICT_A, encoding="utf-8")
    args = [a.format(bin=tmp_path / "bin.txt", empty=tmp_path / "empty", ok=tmp_path / "ok.txt", tmp=tmp_path) for a in args]
    proc = subprocess.run([sys.executable, "-m", "claims.cli", *args], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2, proc.stderr
    lines = [l for l in proc.stderr.splitlines() if l.strip()]
    assert len(lines) == 1 and "Traceback" not in proc.stderr
    assert needle in lines[0].lower()


def test_existing_report_survives_a_failed_run(tmp_path):
    out = tmp_path / "r.json"
    out.write_text('{"previous": true}', encoding="utf-8")
    rc = main(["check", str(tmp_path / "missing.txt"), "-o", str(out), "--nli", "none"])
    assert rc == 2
    assert json.loads(out.read_text("utf-8")) == {"previous": True}


def test_extract_and_schema(capsys):
    rc = main(["extract", "--text", CONFLICT_A])
    assert rc == 0
    lines = [json.loads(l) for l in capsys.readouterr().out.splitlines()]
    assert lines and lines[0]["kind"] == "investment" and lines[0]["value"]["low"] == 1e9
    rc = main(["schema"])
    schema = json.loads(capsys.readouterr().out)
    assert "claims" in schema["properties"] and "groups" in schema["properties"]


def test_python_api_accepts_texts():
    import claims

    r = claims.check([CONFLICT_A, CONFLICT_B], nli="none")
    assert r.stats.conflicts == 1
