"""Hostile files: FIFOs, devices, endless or huge files, deep JSON, mixed encodings, symlinks
leading out of a folder, unreadable files. Each one is one line and exit 2 when named, or a
reported skip inside a folder; never a traceback, a hang or a memory blow-up."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import claims.ingest as ingest
from claims.cli import main
from claims.errors import InputError
from claims.ingest import collect_skipped, following_links, load_documents
from claims.ingest.decode import decode_bytes

from .conftest import ROOT

ARTICLE = "Microsoft a investi 10 milliards de dollars dans OpenAI en janvier 2023, selon un communiqué publié lundi."
OTHER = "Amazon a investi 4 milliards de dollars dans Anthropic en septembre 2023, selon un communiqué publié mardi."


def _cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claims.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=timeout)


def _one_line_exit_2(proc: subprocess.CompletedProcess, needle: str) -> None:
    assert proc.returncode == 2, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert needle in lines[0], lines[0]


# --------------------------------------------------------------------------- not regular files

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_named_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    _one_line_exit_2(_cli("check", str(fifo), "--nli", "none", timeout=60), "not a regular file (a FIFO)")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_in_a_folder_is_skipped_and_counted(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")
    with collect_skipped() as skipped:
        docs = load_documents([tmp_path])
    assert [d.id for d in docs] == ["a"]
    assert [(os.path.basename(s.path), s.reason) for s in skipped] == [("b.txt", "not a regular file (a FIFO)")]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_is_refused_without_reading_it():
    _one_line_exit_2(_cli("check", "/dev/zero", "--nli", "none", timeout=60), "/dev/zero: not a regular file (a device)")


def test_files_over_the_size_limit_are_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 20, encoding="utf-8")
    with pytest.raises(InputError, match="too large"):
        load_documents([big])
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    with collect_skipped() as skipped:
        assert [d.id for d in load_documents([tmp_path])] == ["ok"]
    assert len(skipped) == 1 and "too large" in skipped[0].reason


# --------------------------------------------------------------------------- JSON

@pytest.mark.parametrize("name, content", [
    ("deep.jsonl", "[" * 100_000 + "\n"),
    ("deep.json", '{"text": "x", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"),
])
def test_deeply_nested_json_is_one_line(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    _one_line_exit_2(_cli("check", str(path), "--nli", "none"), "nested too deeply")


# --------------------------------------------------------------------------- decoding

def test_mixed_utf8_and_latin1_lines_are_decoded_line_by_line(tmp_path):
    data = ("Le Monde, 12 janvier 2024.\n" + "Microsoft a investi 10 milliards € dans OpenAI en 2023.\n").encode("utf-8")
    data += "Amazon a dépensé 4 milliards d'euros en 2023, a précisé la société.\n".encode("cp1252")
    text = decode_bytes(data)
    assert "10 milliards € dans" in text and "â‚¬" not in text
    assert "Amazon a dépensé 4 milliards d'euros" in text
    assert text.splitlines()[0] == "Le Monde, 12 janvier 2024."


def test_mixed_file_keeps_its_euro_claim(tmp_path, capsys):
    data = "Microsoft a investi 10 milliards € dans OpenAI en 2023.\n".encode("utf-8")
    data += "La société, créée à Redmond, a précisé ce chiffre.\n".encode("latin-1")
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    assert main(["extract", str(path)]) == 0
    claims = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert any((c.get("value") or {}).get("currency") == "EUR" and c["value"]["low"] == 1e10 for c in claims), claims


@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"])
def test_bom_less_utf32_and_utf16_are_text(tmp_path, encoding):
    text = ARTICLE + "\nPrix : 3 € ; café, 2024."
    assert decode_bytes(text.encode(encoding)) == text
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    assert load_documents([path])[0].text == text


def test_binary_with_nul_bytes_is_still_binary():
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x00\x01\x02\x03\x00\x00\xff\x10" * 64)


# --------------------------------------------------------------------------- symlinks

@pytest.fixture
def linked(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(OTHER, encoding="utf-8")
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "sub" / "b.txt").write_text(ARTICLE.replace("lundi", "mardi"), encoding="utf-8")
    (corpus / "to_outside").symlink_to(outside, target_is_directory=True)
    (corpus / "secret_link.txt").symlink_to(outside / "secret.txt")
    (corpus / "inside_link.txt").symlink_to(corpus / "a.txt")
    return corpus


def test_symlinks_leading_outside_a_folder_are_not_followed(linked):
    with collect_skipped() as skipped:
        docs = load_documents([linked])
    assert sorted(d.id for d in docs) == ["a", "b", "inside_link"]
    assert sorted(os.path.basename(s.path) for s in skipped) == ["secret_link.txt", "to_outside"]
    assert all("outside the folder" in s.reason for s in skipped)


def test_symlinks_are_followed_when_asked(linked):
    with collect_skipped() as skipped:
        docs = load_documents([linked], follow_links=True)
    assert sorted(d.id for d in docs) == ["a", "b", "inside_link", "secret", "secret_link"] and not skipped
    with following_links():
        assert len(load_documents([linked])) == 5


def test_cli_follow_links_flag(linked, capsys):
    assert main(["extract", str(linked)]) == 0
    out, err = capsys.readouterr()
    assert "Anthropic" not in out and "skipped 2 file(s)" in err
    assert main(["extract", str(linked), "--follow-links"]) == 0
    assert "Anthropic" in capsys.readouterr().out


def test_a_symlink_loop_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [d.id for d in load_documents([tmp_path], follow_links=True)] == ["a"]


# --------------------------------------------------------------------------- unreadable files

def test_unreadable_file_in_a_folder_is_skipped_and_counted(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    locked = tmp_path / "b.txt"
    locked.write_text(OTHER, encoding="utf-8")
    real_open = os.open

    def deny(path, *args, **kw):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kw)

    monkeypatch.setattr(os, "open", deny)
    assert main(["check", str(tmp_path), "--nli", "none", "--no-progress", "-o", str(tmp_path / "r.json")]) == 0
    err = capsys.readouterr().err
    assert "skipped 1 file(s) in the input folders: b.txt (permission denied)" in err
    report = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert [d["id"] for d in report["documents"]] == ["a"]
    # named explicitly, the same file is an error
    assert main(["check", str(locked), "--nli", "none"]) == 2
    assert "b.txt: permission denied" in capsys.readouterr().err


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_really_unreadable_file_in_a_folder(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    locked = tmp_path / "b.txt"
    locked.write_text(OTHER, encoding="utf-8")
    locked.chmod(0)
    try:
        proc = _cli("check", str(tmp_path), "--nli", "none", "-o", str(tmp_path / "r.json"))
    finally:
        locked.chmod(0o644)
    assert proc.returncode == 0, proc.stderr
    assert "skipped 1 file(s)" in proc.stderr and "Traceback" not in proc.stderr
