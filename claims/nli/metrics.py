"""Classification metrics for NLI evaluation (no scikit-learn needed)."""
from __future__ import annotations

from typing import Sequence

import numpy as np


def multiclass_report(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict:
    """Accuracy, per-class precision/recall/F1/support and the confusion matrix (rows gold, columns predicted)."""
    idx = {lab: i for i, lab in enumerate(labels)}
    cm = np.zeros((len(labels), len(labels)), dtype=int)
    for g, p in zip(gold, pred):
        cm[idx[g], idx[p]] += 1
    total = int(cm.sum())
    per_class = {}
    for lab, i in idx.items():
        tp = int(cm[i, i])
        fp = int(cm[:, i].sum()) - tp
        fn = int(cm[i, :].sum()) - tp
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_class[lab] = {"precision": prec, "recall": rec, "f1": f1, "support": int(cm[i, :].sum())}
    return {
        "accuracy": float(np.trace(cm) / total) if total else 0.0,
        "macro_f1": float(np.mean([v["f1"] for v in per_class.values()])) if per_class else 0.0,
        "per_class": per_class,
        "confusion": {"labels": list(labels), "matrix": cm.tolist()},
    }


def binary_prf(scores: np.ndarray, gold: np.ndarray, threshold: float) -> dict:
    """Precision, recall, F1 of the positive class when ``score >= threshold`` predicts positive."""
    scores = np.asarray(scores, dtype=float)
    gold = np.asarray(gold).astype(bool)
    pred = scores >= threshold
    tp = int((pred & gold).sum())
    fp = int((pred & ~gold).sum())
    fn = int((~pred & gold).sum())
    tn = int((~pred & ~gold).sum())
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    acc = (tp + tn) / len(gold) if len(gold) else 0.0
    return {"precision": prec, "recall": rec, "f1": f1, "accuracy": acc,
            "confusion": {"tp": tp, "fp": fp, "fn": fn, "tn": tn}}


def roc_auc(scores: np.ndarray, gold: np.ndarray) -> float | None:
    """Area under the ROC curve (Mann-Whitney, ties count half); None with a single class."""
    scores = np.asarray(scores, dtype=float)
    gold = np.asarray(gold).astype(bool)
    n_pos, n_neg = int(gold.sum()), int((~gold).sum())
    if n_pos == 0 or n_neg == 0:
        return None
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores), dtype=float)
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):  # average ranks over ties
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    return float((ranks[gold].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


def best_f1_threshold(scores: np.ndarray, gold: np.ndarray) -> tuple[float, dict]:
    """Threshold maximising the positive-class F1 (midpoint between neighbouring scores)."""
    scores = np.asarray(scores, dtype=float)
    gold = np.asarray(gold).astype(bool)
    uniq = np.unique(scores)[::-1]  # descending
    best_t, best = 0.5, None
    for k, s in enumerate(uniq):
        lower = uniq[k + 1] if k + 1 < len(uniq) else max(0.0, s - 1e-6)
        t = float((s + lower) / 2.0)
        m = binary_prf(scores, gold, t)
        if best is None or m["f1"] > best["f1"] + 1e-12:
            best_t, best = t, m
    if best is None:
        best = binary_prf(scores, gold, best_t)
    return best_t, best
