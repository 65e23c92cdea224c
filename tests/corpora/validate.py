#!/usr/bin/env python3
"""Validate the hand-written claim-consistency corpora in this folder.

For every sub-folder containing an EXPECT.json, check that:
  * EXPECT.json is valid JSON with the fields language, description,
    conflicts (0-3), non_conflicts (1-3) and optional extra_non_conflicts,
    with a valid `trap` on each (extra) non-conflict;
  * the language matches the folder prefix (mix_ -> "mix");
  * every referenced file exists, and the two sides of a pair are
    different files;
  * every quote occurs exactly once in its file and is 2-8 words long;
  * every article has 120-350 words and a headline on its first line.
Prints a summary (corpora per language, conflicts, traps per type) and
exits with status 1 if any error was found.

Usage: python3 validate.py [corpora_dir]
"""
import json
import os
import re
import sys
from collections import Counter

TRAPS = {
    "tranche_vs_total", "part_vs_whole", "killed_vs_injured", "updated_toll",
    "forecast_vs_actual", "parent_vs_subsidiary", "other_incident", "rounding",
    "currency", "different_sources", "statistic", "previous_period", "other",
}
LANGS = {"fr", "en", "es", "de", "it", "mix"}
MIN_WORDS, MAX_WORDS = 120, 350
ARTICLE_RE = re.compile(r"^[a-z]\.txt$")


def check_side(errors, corpus, where, side, texts):
    if not isinstance(side, dict):
        errors.append(f"{corpus}: {where} is not an object")
        return None
    fname, quote = side.get("file"), side.get("quote")
    if not isinstance(fname, str) or not isinstance(quote, str) or not quote:
        errors.append(f"{corpus}: {where} needs string 'file' and non-empty 'quote'")
        return None
    if fname not in texts:
        errors.append(f"{corpus}: {where} file {fname!r} does not exist")
        return fname
    n = texts[fname].count(quote)
    if n != 1:
        errors.append(f"{corpus}: {where} quote {quote!r} occurs {n} times in {fname}")
    nwords = len(quote.split())
    if not 2 <= nwords <= 8:
        errors.append(f"{corpus}: {where} quote {quote!r} has {nwords} words (want 2-8)")
    if not re.search(r"\d", quote) and nwords < 2:
        errors.append(f"{corpus}: {where} quote {quote!r} too short")
    return fname


def main(root):
    errors, warnings = [], []
    per_lang = Counter()
    traps = Counter()
    extra_traps = Counter()
    n_conf = n_nonconf = n_extra = 0
    zero_conf = []
    corpora = sorted(d for d in os.listdir(root)
                     if os.path.isdir(os.path.join(root, d)) and not d.startswith((".", "_")))
    for corpus in corpora:
        cdir = os.path.join(root, corpus)
        epath = os.path.join(cdir, "EXPECT.json")
        if not os.path.exists(epath):
            warnings.append(f"{corpus}: no EXPECT.json, skipped")
            continue
        try:
            with open(epath, encoding="utf-8") as fh:
                exp = json.load(fh)
        except (OSError, ValueError) as exc:
            errors.append(f"{corpus}: EXPECT.json invalid: {exc}")
            continue
        if not isinstance(exp, dict):
            errors.append(f"{corpus}: EXPECT.json top level is not an object")
            continue
        for key, typ in (("language", str), ("description", str),
                         ("conflicts", list), ("non_conflicts", list)):
            if not isinstance(exp.get(key), typ):
                errors.append(f"{corpus}: field {key!r} missing or not a {typ.__name__}")
        lang = exp.get("language")
        prefix = corpus.split("_", 1)[0]
        if lang not in LANGS:
            errors.append(f"{corpus}: unknown language {lang!r}")
        elif prefix != lang:
            errors.append(f"{corpus}: folder prefix {prefix!r} != language {lang!r}")
        per_lang[lang] += 1

        articles = sorted(f for f in os.listdir(cdir) if ARTICLE_RE.match(f))
        if not 2 <= len(articles) <= 4:
            errors.append(f"{corpus}: {len(articles)} articles (want 2-4)")
        texts = {}
        for art in articles:
            with open(os.path.join(cdir, art), encoding="utf-8") as fh:
                txt = fh.read()
            texts[art] = txt
            nw = len(txt.split())
            if not MIN_WORDS <= nw <= MAX_WORDS:
                errors.append(f"{corpus}/{art}: {nw} words (want {MIN_WORDS}-{MAX_WORDS})")
            first = txt.split("\n", 1)[0].strip()
            if not first:
                errors.append(f"{corpus}/{art}: first line (headline) is empty")

        if "extra_non_conflicts" in exp and not isinstance(exp["extra_non_conflicts"], list):
            errors.append(f"{corpus}: field 'extra_non_conflicts' is not a list")
        pairs = {}
        for kind in ("conflicts", "non_conflicts", "extra_non_conflicts"):
            items = exp.get(kind) or []
            if not isinstance(items, list):
                continue
            for i, item in enumerate(items):
                where = f"{kind}[{i}]"
                if not isinstance(item, dict):
                    errors.append(f"{corpus}: {where} is not an object")
                    continue
                fa = check_side(errors, corpus, where + ".a", item.get("a"), texts)
                fb = check_side(errors, corpus, where + ".b", item.get("b"), texts)
                if fa is not None and fa == fb:
                    errors.append(f"{corpus}: {where} compares a file with itself")
                try:
                    key = frozenset([(item["a"]["file"], item["a"]["quote"]),
                                     (item["b"]["file"], item["b"]["quote"])])
                    if key in pairs:
                        errors.append(f"{corpus}: {where} repeats the pair of {pairs[key]}")
                    pairs[key] = where
                except (KeyError, TypeError):
                    pass
                if not isinstance(item.get("why"), str) or not item["why"].strip():
                    errors.append(f"{corpus}: {where} needs a 'why'")
                if kind != "conflicts":
                    trap = item.get("trap")
                    if trap not in TRAPS:
                        errors.append(f"{corpus}: {where} bad trap {trap!r}")
                    elif kind == "non_conflicts":
                        traps[trap] += 1
                    else:
                        extra_traps[trap] += 1
                    if kind == "non_conflicts":
                        n_nonconf += 1
                    else:
                        n_extra += 1
                else:
                    if "trap" in item:
                        errors.append(f"{corpus}: {where} conflict must not carry 'trap'")
                    n_conf += 1
        nc = len(exp.get("conflicts") or [])
        nn = len(exp.get("non_conflicts") or [])
        if nc == 0:
            zero_conf.append(corpus)
        if nc > 3:
            errors.append(f"{corpus}: {nc} conflicts (want 0-3)")
        if not 1 <= nn <= 3:
            errors.append(f"{corpus}: {nn} non_conflicts (want 1-3; put more in extra_non_conflicts)")

    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    total = sum(per_lang.values())
    print(f"\n{total} corpora: " + ", ".join(f"{k}={v}" for k, v in sorted(per_lang.items())))
    print(f"conflicts: {n_conf}   non_conflicts (traps): {n_nonconf}   extra_non_conflicts: {n_extra}")
    print(f"corpora with 0 conflicts: {len(zero_conf)} ({', '.join(zero_conf)})")
    print("traps per type (non_conflicts / extra_non_conflicts / all):")
    for t in sorted(TRAPS):
        flag = "" if traps[t] >= 2 else "   <-- fewer than 2 in non_conflicts"
        print(f"  {t:22s} {traps[t]:3d} {extra_traps[t]:3d} {traps[t] + extra_traps[t]:3d}{flag}")
    print("\nOK" if not errors else f"\n{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))))
