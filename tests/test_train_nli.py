"""models/train_nli.py parts that need no model: losses, splits, data reading, schedule, checkpoints."""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "models"))

import train_nli as T  # noqa: E402


def test_set_loss_one_hot_is_cross_entropy():
    logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 0.2, 0.3]])
    allowed = torch.tensor([T.one_hot("entailment"), T.one_hot("contradiction")])
    ce = torch.nn.functional.cross_entropy(logits, torch.tensor([0, 2]))
    assert torch.allclose(T.set_loss(logits, allowed), ce)


def test_set_loss_binary_masks():
    logits = torch.tensor([[1.0, 0.0, -0.5]])
    p = torch.softmax(logits, -1)[0]
    ne = T.set_loss(logits, torch.tensor([T.NOT_ENTAILMENT]))
    assert torch.allclose(ne, -torch.log(p[1] + p[2]))
    nc = T.set_loss(logits, torch.tensor([T.NOT_CONTRADICTION]))
    assert torch.allclose(nc, -torch.log(p[0] + p[1]))


def test_contradiction_weight():
    exs = [T.Example("a", "b", T.one_hot("contradiction"), "x"), T.Example("a", "b", T.one_hot("neutral"), "x"),
           T.Example("a", "b", T.NOT_ENTAILMENT, "x")]
    w = T.pair_weights(exs, 1.5)
    assert w == [1.5, 1.0, 1.0]
    logits = torch.tensor([[0.0, 0.0, 3.0], [3.0, 0.0, 0.0], [0.0, 1.0, 1.0]])
    allowed = torch.tensor([e.allowed for e in exs])
    per = torch.stack([T.set_loss(logits[i:i + 1], allowed[i:i + 1]) for i in range(3)])
    want = (per * torch.tensor(w)).sum() / sum(w)
    assert torch.allclose(T.set_loss(logits, allowed, torch.tensor(w)), want)


def test_schedule_fits_the_budget():
    total = T.plan_steps(budget_s=600, train_s=20, step=20, cap=10_000)  # 1 s a step -> 600 steps
    assert total == 600
    assert T.plan_steps(600, 20, 20, cap=100) == 100  # never more than the epochs allow
    assert T.lr_factor(0, total, 0.06) == pytest.approx(1 / 36)
    assert T.lr_factor(36, total, 0.06) == pytest.approx(1.0)
    assert T.lr_factor(total, total, 0.06) == 0.0
    assert 0 < T.lr_factor(total - 1, total, 0.06) < 0.01  # decays to the end of the budget


def test_jsonl_examples_reads_every_part_and_binary_labels(tmp_path):
    rows1 = [{"premise": "p1", "hypothesis": "h1", "label": "entailment"},
             {"premise": "p2", "hypothesis": "h2", "label": "not_entailment"}]
    rows2 = [{"premise": "p3", "hypothesis": "h3", "label": "contradiction"},
             {"premise": "p4", "hypothesis": "h4", "label": "weird"}]
    (tmp_path / "dev_part1.jsonl").write_text("\n".join(json.dumps(r) for r in rows1) + "\n")
    (tmp_path / "dev_part2.jsonl").write_text("\n".join(json.dumps(r) for r in rows2) + "\n")
    exs = T.jsonl_examples(tmp_path, "toy")
    assert [e.allowed for e in exs] == [T.one_hot("entailment"), T.NOT_ENTAILMENT, T.one_hot("contradiction")]
    assert len(T.folder_sha256(tmp_path)) == 64


def test_no_experiment_only_or_eval_only_training_set():
    folders = [f for _, f, _ in T.TRAIN_SETS]
    assert not any("lingnli" in f or "xnli" in f for f in folders)


def test_split_is_the_eval_heldout_rule(shared):
    from claims.nli.evaluate import load_eval_data

    for path in (shared / "eval/rte3_fr/RTE3-FR-dev-set-3class.tsv", shared / "eval/daccord/daccord_dev.tsv"):
        data = load_eval_data(path)
        held = set(data.heldout_half().ids)
        assert held and held == {i for i in data.ids if T.daccord_half(i) == "heldout"}
        assert held == {i for i in data.ids if int(hashlib.sha1(i.encode()).hexdigest(), 16) % 2 == 1}


def test_load_sources_keeps_heldout_and_xnli_out(shared):
    args = argparse.Namespace(seed=13, max_per_source=0, synth=30, eval_synth=10)
    train, manifest, evals = T.load_sources(args)
    names = {m["source"] for m in manifest}
    assert {"docnli_fever_binary", "breaking_nli", "rte3_fr_dev_train_half"} <= names
    assert not any("lingnli" in n for n in names)
    seen = {(e.premise, e.hypothesis) for e in train}
    for key in ("xnli_fr_dev", "rte3_heldout", "daccord_heldout"):
        assert not any((a, b) in seen for a, b, _ in evals[key]), key
    assert sum(e.allowed == T.NOT_ENTAILMENT for e in train) == 11565 + 3878


def test_checkpoint_round_trip(tmp_path):
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(4, 3))
    opt = torch.optim.AdamW(model.parameters(), lr=1e-2)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: T.lr_factor(s, 10, 0.1))
    for _ in range(3):
        opt.zero_grad()
        model(torch.randn(2, 4)).sum().backward()
        opt.step()
        sched.step()
    rng = random.Random(5)
    state = {"step": 3, "plan_total": 10, "train_time": 1.0, "epoch_rng": rng.getstate(), "batch_index": 3}
    T.save_checkpoint(tmp_path, model, opt, sched, state, resume_cmd="python models/train_nli.py --checkpoint-dir X")
    assert "--checkpoint-dir X" in (tmp_path / "RESUME.txt").read_text()

    model2 = torch.nn.Sequential(torch.nn.Linear(4, 3))
    opt2 = torch.optim.AdamW(model2.parameters(), lr=1e-2)
    sched2 = torch.optim.lr_scheduler.LambdaLR(opt2, lambda s: T.lr_factor(s, 10, 0.1))
    got = T.load_checkpoint(tmp_path, model2, opt2, sched2)
    assert got["step"] == 3 and got["batch_index"] == 3
    for a, b in zip(model.parameters(), model2.parameters()):
        assert torch.equal(a, b)
    assert sched2.last_epoch == sched.last_epoch
    assert math.isclose(opt2.param_groups[0]["lr"], opt.param_groups[0]["lr"])
    r2 = random.Random()
    r2.setstate(got["epoch_rng"])
    assert r2.random() == random.Random(5).random()
    assert T.load_checkpoint(tmp_path / "none", model2, opt2, sched2) is None
