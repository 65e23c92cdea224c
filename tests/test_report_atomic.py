"""Atomic report writes: an existing report survives any failure and no temp file is left."""
from __future__ import annotations

import os
import stat

import pytest

import claims.report.atomic as atomic_mod
import claims.report.html as html_mod
from claims.errors import ClaimsError
from claims.model import Claim, Document, Finding, Group, Report, Sentence
from claims.report import read_report, render, write_report


def small_report() -> Report:
    a = "Microsoft a investi 1 milliard de dollars dans OpenAI en 2019."
    b = "En 2019, Microsoft a injecté 2 milliards de dollars dans OpenAI."
    docs = [Document(id="a", language="fr", text=a), Document(id="b", language="fr", text=b)]
    spans = {"a": "1 milliard de dollars", "b": "2 milliards de dollars"}
    claims = [
        Claim(id=f"c-{d.id}", document=d.id, sentence=0, start=d.text.find(spans[d.id]),
              end=d.text.find(spans[d.id]) + len(spans[d.id]), text=spans[d.id], kind="investment")
        for d in docs
    ]
    return Report(
        documents=docs,
        sentences=[Sentence(document=d.id, index=0, start=0, end=len(d.text), text=d.text) for d in docs],
        claims=claims,
        groups=[Group(id="g1", kind="investment", topic="Microsoft → OpenAI", claims=["c-a", "c-b"],
                      has_conflict=True,
                      findings=[Finding(a="c-a", b="c-b", verdict="conflict", confidence=0.9,
                                        explanation="1 000 000 000 USD vs 2 000 000 000 USD")])],
    )


def test_existing_report_intact_when_renderer_fails_midway(tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    target.write_text("OLD REPORT", encoding="utf-8")
    seen = {}

    def broken_group(index, anchors, n, group, out):
        out.write("<section>half a group")
        out.flush()
        temps = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        seen["temps"] = temps
        seen["partial"] = temps[0].read_text(encoding="utf-8") if temps else ""
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(html_mod, "_write_group", broken_group)
    with pytest.raises(RuntimeError, match="renderer crashed"):
        write_report(small_report(), target)
    # the failure really happened mid-way, in a temp file next to the target
    assert len(seen["temps"]) == 1 and seen["temps"][0].parent == tmp_path
    assert seen["partial"].startswith("<!DOCTYPE html>") and seen["partial"].endswith("half a group")
    assert target.read_text(encoding="utf-8") == "OLD REPORT"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_existing_report_intact_when_replace_fails(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    write_report(small_report(), target)
    before = target.read_bytes()

    def no_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_mod.os, "replace", no_replace)
    changed = small_report()
    changed.groups[0].topic = "changed"
    with pytest.raises(ClaimsError, match="No space left on device") as exc:
        write_report(changed, target)
    assert "\n" not in str(exc.value)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_overwrite_replaces_whole_file_and_keeps_mode(tmp_path):
    target = tmp_path / "report.md"
    target.write_text("x" * 100_000, encoding="utf-8")
    os.chmod(target, 0o640)
    write_report(small_report(), target)
    assert target.read_text(encoding="utf-8") == render(small_report(), "md")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_new_file_gets_umask_mode_not_private(tmp_path):
    mask = os.umask(0o022)
    try:
        path = write_report(small_report(), tmp_path / "r.csv")
    finally:
        os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_missing_parent_directory_is_one_line_error(tmp_path):
    with pytest.raises(ClaimsError, match="does not exist") as exc:
        write_report(small_report(), tmp_path / "nope" / "report.json")
    assert "\n" not in str(exc.value)
    assert not (tmp_path / "nope").exists()


def test_directory_target_is_error(tmp_path):
    (tmp_path / "out.json").mkdir()
    with pytest.raises(ClaimsError, match="is a directory"):
        write_report(small_report(), tmp_path / "out.json")


def test_write_through_symlink_keeps_link(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    write_report(small_report(), link)
    assert link.is_symlink()
    assert read_report(real) == small_report()
