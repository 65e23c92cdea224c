"""Markdown report: summary, groups (conflicts first) with findings tables and quoted claims,
single claims, documents.

All text from articles (and ids, titles, paths, explanations) is escaped: whitespace is collapsed
to one line and Markdown-significant characters get a backslash.
"""
from __future__ import annotations

import io
import re
from typing import Optional, TextIO

from ..model import Claim, Group, Report
from .common import (
    ReportIndex,
    claim_flags,
    count_conflicts,
    format_time,
    format_value,
    nli_summary,
    removed_summary,
    sort_findings,
    split_groups,
    worst_verdict,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&])")
_LINE_START = re.compile(r"^([-+=]|\d+(?=[.)]))")


def md_escape(text: Optional[str]) -> str:
    """One-line text safe to drop anywhere in Markdown (tables included)."""
    if not text:
        return ""
    text = " ".join(str(text).split())
    return _SPECIAL.sub(r"\\\1", text)


def _line_start_safe(text: str) -> str:
    """Escape a leading "-", "+", "=" or "1." that would start a list or underline a heading."""
    return _LINE_START.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text, count=1)


def _bold_span(before: str, span: str, after: str) -> str:
    """``before **span** after``, each part escaped, whitespace kept outside the markers."""
    core = span.strip()
    if not core:
        return md_escape(before + span + after)
    left = before + span[: len(span) - len(span.lstrip())]
    right = span[len(span.rstrip()) :] + after
    b, a = md_escape(left), md_escape(right)
    if b and left[-1].isspace():
        b += " "
    if a and right[0].isspace():
        a = " " + a
    return f"{b}**{md_escape(core)}**{a}"


def _claim_item(index: ReportIndex, claim: Claim, out: TextIO) -> None:
    doc = index.documents.get(claim.document)
    where = md_escape(index.document_label(claim.document))
    extra = []
    if doc is not None:
        loc = doc.url or doc.path
        if loc and loc != index.document_label(claim.document):
            where += f" ({md_escape(loc)})"
        if doc.published:
            extra.append(f"published {doc.published.isoformat()}")
    lang = claim.language or (doc.language if doc else None)
    if lang:
        extra.append(md_escape(lang))
    facts = [f"kind: {md_escape(claim.kind)}"]
    if claim.value is not None:
        facts.append(f"value: {md_escape(format_value(claim.value))}")
    if claim.time is not None:
        facts.append(f"time: {md_escape(format_time(claim.time))}")
    if claim.scope != "unknown":
        facts.append(f"scope: {claim.scope.replace('_', ' ')}")
    facts.extend(md_escape(f) for f in claim_flags(claim))
    head = f"- **{md_escape(claim.id)}** — {where}"
    if extra:
        head += ", " + ", ".join(extra)
    out.write(head + "  \n")
    out.write("  " + " · ".join(facts) + "\n")
    quote = index.quote(claim)
    body = _bold_span(*quote.parts()) if quote.highlighted else md_escape(quote.text)
    if quote.prefix_ellipsis:
        body = "… " + body
    if quote.suffix_ellipsis:
        body += " …"
    out.write(f"\n  > {_line_start_safe(body)}\n\n")


def _group(index: ReportIndex, n: int, group: Group, out: TextIO) -> None:
    verdict = worst_verdict(group)
    tag = f" — **{verdict.replace('_', ' ').upper()}**" if verdict else ""
    out.write(f"### {n}. {md_escape(group.topic)}{tag}\n\n")
    meta = [f"Kind: {md_escape(group.kind)}"]
    if group.subject:
        meta.append(f"Subject: {md_escape(group.subject)}")
    if group.object:
        meta.append(f"Object: {md_escape(group.object)}")
    meta.append(f"{len(group.claims)} claims")
    meta.append(f"id {md_escape(group.id)}")
    out.write(" · ".join(meta) + "\n\n")
    if group.reconciliation:
        out.write(f"**Reconciliation:** {md_escape(group.reconciliation)}\n\n")
    if group.findings:
        out.write("| Verdict | Confidence | Claim A | Claim B | Explanation |\n")
        out.write("|---|---:|---|---|---|\n")
        for f in sort_findings(group):
            verdict_cell = f"**{f.verdict}**" if f.verdict == "conflict" else md_escape(f.verdict)
            out.write(
                f"| {verdict_cell} "
                f"| {f.confidence:.2f} | {md_escape(f.a)} | {md_escape(f.b)} "
                f"| {md_escape(f.explanation)} |\n"
            )
        out.write("\n")
    out.write("**Claims**\n\n")
    for cid in group.claims:
        claim = index.claims.get(cid)
        if claim is None:
            out.write(f"- **{md_escape(cid)}** — (claim missing from the report)\n\n")
        else:
            _claim_item(index, claim, out)


def write_markdown(report: Report, out: TextIO) -> None:
    """Write the Markdown report to an open text file."""
    index = ReportIndex(report)
    groups, singles = split_groups(report)
    n_conf, n_conf_groups = count_conflicts(report)
    out.write("# Claims report\n\n")
    if report.created:
        out.write(f"Generated {report.created.isoformat(timespec='seconds')} by {md_escape(report.generator)}, "
                  f"schema {md_escape(report.schema_version)}.\n\n")
    out.write("## Summary\n\n")
    out.write(f"- Documents: {len(report.documents)}\n")
    out.write(f"- Claims: {len(report.claims)}\n")
    out.write(f"- Groups: {len(report.groups)} ({len(groups)} with two or more claims)\n")
    out.write(f"- Conflicts: {n_conf} conflicting pair(s) in {n_conf_groups} group(s)\n")
    out.write(f"- NLI: {md_escape(nli_summary(report))}\n")
    if report.stats.seconds:
        out.write(f"- Run time: {report.stats.seconds:.1f} s\n")
    out.write("\n## Groups\n\n")
    if not groups:
        out.write("No group holds two or more claims.\n\n")
    for n, group in enumerate(groups, 1):
        _group(index, n, group, out)
    out.write("## Single claims\n\n")
    if not singles:
        out.write("None.\n\n")
    for claim in singles:
        _claim_item(index, claim, out)
    out.write("## Documents\n\n")
    out.write("| Document | Title | Language | Published | Sentences | Claims | Removed boilerplate |\n")
    out.write("|---|---|---|---|---:|---:|---|\n")
    for doc in report.documents:
        title = doc.title or doc.source or ""
        out.write(
            f"| {md_escape(doc.id)} | {md_escape(title)} | {md_escape(doc.language or '')} "
            f"| {doc.published.isoformat() if doc.published else ''} | {index.sentence_counts[doc.id]} "
            f"| {index.claim_counts[doc.id]} | {md_escape(removed_summary(doc))} |\n"
        )


def render_markdown(report: Report) -> str:
    """The Markdown report as a string."""
    buf = io.StringIO()
    write_markdown(report, buf)
    return buf.getvalue()
