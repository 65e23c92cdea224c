"""Self-contained HTML report: one page, inline CSS, no external resources, no JavaScript.

Order: header with summary (counts, NLI status) and a table of contents; groups of two or more
claims (conflicts on top, then by size), each with its findings table and its claims (sentence
with the claim span in ``<mark>``); single claims; documents with their removed boilerplate.

Every piece of text from the report (article text, titles, paths, urls, ids, explanations) goes
through :func:`html.escape` with ``quote=True``, attribute values included; a url becomes a link
only when its scheme is http or https. Filters are two checkboxes driven by CSS ``:has()``;
browsers without it simply show everything.
"""
from __future__ import annotations

import html as _html
import io
from functools import lru_cache
from importlib import resources
from typing import Optional, TextIO
from urllib.parse import urlsplit

from ..model import Claim, Document, Group, Report
from .common import (
    ReportIndex,
    claim_flags,
    count_conflicts,
    format_time,
    format_value,
    group_has_conflict,
    nli_summary,
    removed_summary,
    sort_findings,
    split_groups,
    worst_verdict,
)

VERDICT_LABELS = {
    "conflict": "conflict",
    "scope_difference": "scope difference",
    "compatible": "compatible",
    "agree": "agree",
}


def esc(text: object) -> str:
    """HTML-escape anything (quotes included); ``None`` -> ``""``."""
    return "" if text is None else _html.escape(str(text), quote=True)


def safe_href(url: Optional[str]) -> Optional[str]:
    """``url`` if it is an absolute http(s) url without whitespace or control characters, else None."""
    if not url:
        return None
    url = url.strip()
    if any(ord(ch) <= 32 or ord(ch) == 127 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url
    return None


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """The report CSS, shipped as package data (``claims/report/report.css``)."""
    return resources.files(__package__).joinpath("report.css").read_text(encoding="utf-8")


def _badge(verdict: Optional[str]) -> str:
    if not verdict:
        return ""
    return f'<span class="badge v-{esc(verdict)}">{esc(VERDICT_LABELS.get(verdict, verdict))}</span>'


class _Anchors:
    """Unique, safe fragment ids: g3 for group 3, g3-c2 for its 2nd claim, d1 for document 1."""

    def __init__(self, report: Report) -> None:
        self.docs = {d.id: f"d{i}" for i, d in enumerate(report.documents, 1)}


def _source_html(index: ReportIndex, anchors: _Anchors, doc: Optional[Document], doc_id: str) -> str:
    label = esc(index.document_label(doc_id))
    anchor = anchors.docs.get(doc_id)
    parts = [f'<a href="#{anchor}">{label}</a>' if anchor else label]
    if doc is not None:
        if doc.source and doc.source != index.document_label(doc_id):
            parts.append(esc(doc.source))
        href = safe_href(doc.url)
        if href:
            host = urlsplit(href).hostname or href
            parts.append(f'<a href="{esc(href)}" title="{esc(href)}" rel="noopener noreferrer">{esc(host)}</a>')
        elif doc.url:
            parts.append(f'<span class="path">{esc(doc.url)}</span>')
        if doc.path:
            parts.append(f'<span class="path">{esc(doc.path)}</span>')
    return " ".join(parts)


def _fact(name: str, value_html: str) -> str:
    return f"<div><dt>{esc(name)}</dt><dd>{value_html}</dd></div>"


def _write_claim(index: ReportIndex, anchors: _Anchors, claim: Claim, anchor: str, out: TextIO) -> None:
    doc = index.documents.get(claim.document)
    lang = claim.language or (doc.language if doc else None)
    quote = index.quote(claim)
    before, span, after = quote.parts()
    body = esc(before) + (f"<mark>{esc(span)}</mark>" if quote.highlighted else "") + esc(after)
    if quote.prefix_ellipsis:
        body = "… " + body
    if quote.suffix_ellipsis:
        body += " …"
    lang_attr = f' lang="{esc(lang)}"' if lang else ""
    out.write(f'<li class="claim" id="{anchor}">\n')
    out.write(f"<blockquote{lang_attr}>{body}</blockquote>\n")
    facts = [_fact("Source", _source_html(index, anchors, doc, claim.document))]
    if doc is not None and doc.published:
        how = f" ({esc(doc.published_from)})" if doc.published_from else ""
        facts.append(_fact("Published", f"<time>{esc(doc.published.isoformat())}</time>{how}"))
    if lang:
        facts.append(_fact("Language", esc(lang)))
    if claim.value is not None:
        facts.append(_fact("Value", esc(format_value(claim.value))))
    if claim.time is not None:
        facts.append(_fact("Time", esc(format_time(claim.time))))
    if claim.scope != "unknown":
        facts.append(_fact("Scope", esc(claim.scope.replace("_", " "))))
    flags = claim_flags(claim)
    if flags:
        facts.append(_fact("Flags", ", ".join(f'<span class="flag">{esc(f)}</span>' for f in flags)))
    out.write('<dl class="facts">' + "".join(facts) + "</dl>\n")
    who = " → ".join(esc(x) for x in (claim.subject, claim.object) if x)
    meta = f"claim {esc(claim.id)} · kind {esc(claim.kind)}"
    if claim.kind_source != "rules":
        meta += f" ({esc(claim.kind_source)})"
    if who:
        meta += f" · {who}"
    out.write(f'<p class="cid">{meta}</p>\n</li>\n')


def _write_group(index: ReportIndex, anchors: _Anchors, n: int, group: Group, out: TextIO) -> None:
    gid = f"g{n}"
    verdict = worst_verdict(group)
    classes = ["group"]
    if group_has_conflict(group):
        classes.append("has-conflict")
    if verdict:
        classes.append(f"v-{verdict}")
    claim_anchor = {cid: f"{gid}-c{k}" for k, cid in enumerate(group.claims, 1)}
    out.write(f'<section class="{esc(" ".join(classes))}" id="{gid}">\n')
    out.write(f"<h3>{_badge(verdict)} {esc(group.topic)}</h3>\n")
    meta = [f"kind <b>{esc(group.kind)}</b>"]
    if group.subject:
        meta.append(f"subject <b>{esc(group.subject)}</b>")
    if group.object:
        meta.append(f"object <b>{esc(group.object)}</b>")
    meta.append(f"{len(group.claims)} claims")
    meta.append(f"group {esc(group.id)}")
    out.write(f'<p class="meta">{" · ".join(meta)}</p>\n')
    if group.reconciliation:
        out.write(f'<p class="reconciliation"><strong>Reconciliation:</strong> {esc(group.reconciliation)}</p>\n')
    if group.findings:
        out.write(
            '<table class="findings"><thead><tr><th>Verdict</th><th class="num">Confidence</th>'
            "<th>Claims</th><th>Explanation</th></tr></thead><tbody>\n"
        )
        for f in sort_findings(group):
            links = []
            for cid in (f.a, f.b):
                a = claim_anchor.get(cid)
                links.append(f'<a href="#{a}">{esc(cid)}</a>' if a else esc(cid))
            out.write(
                f'<tr class="v-{esc(f.verdict)}"><td>{_badge(f.verdict)}</td>'
                f'<td class="num">{f.confidence:.2f}</td><td class="pair">{links[0]} ↔ {links[1]}</td>'
                f'<td>{esc(f.explanation)} <span class="method">({esc(f.method)})</span></td></tr>\n'
            )
        out.write("</tbody></table>\n")
    out.write('<ol class="claims">\n')
    for cid in group.claims:
        claim = index.claims.get(cid)
        if claim is None:
            out.write(f'<li class="claim" id="{claim_anchor[cid]}"><p class="cid">claim {esc(cid)} is missing from the report</p></li>\n')
        else:
            _write_claim(index, anchors, claim, claim_anchor[cid], out)
    out.write("</ol>\n</section>\n")


def _write_header(report: Report, groups: list[Group], singles: list[Claim], out: TextIO) -> None:
    n_conf, n_conf_groups = count_conflicts(report)
    out.write("<!DOCTYPE html>\n")
    out.write('<html lang="en">\n<head>\n<meta charset="utf-8">\n')
    out.write('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
    out.write(f'<meta name="generator" content="{esc(report.generator)}">\n')
    title = f"Claims report — {n_conf} conflict{'s' if n_conf != 1 else ''}"
    out.write(f"<title>{esc(title)}</title>\n<style>\n{stylesheet()}</style>\n</head>\n<body>\n")
    out.write('<header>\n<h1>Claims report</h1>\n')
    if report.created:
        out.write(
            f'<p class="generated">Generated {esc(report.created.isoformat(timespec="seconds"))} '
            f"by {esc(report.generator)} · schema {esc(report.schema_version)}</p>\n"
        )
    items = [
        ("Documents", len(report.documents), ""),
        ("Claims", len(report.claims), ""),
        ("Groups of 2+", len(groups), ""),
        ("Single claims", len(singles), ""),
        ("Conflicts", n_conf, "conflicts"),
        ("Groups in conflict", n_conf_groups, "conflicts"),
    ]
    out.write('<dl class="summary">')
    for name, value, cls in items:
        cls_attr = f' class="{cls}"' if cls else ""
        out.write(f"<div{cls_attr}><dt>{esc(name)}</dt><dd>{value}</dd></div>")
    out.write("</dl>\n")
    out.write(f'<p class="nli"><strong>NLI:</strong> {esc(nli_summary(report))}</p>\n')
    if report.stats.seconds:
        out.write(f'<p class="meta">Run time {report.stats.seconds:.1f} s · {report.stats.pairs_compared} pairs compared</p>\n')
    if groups:
        out.write('<nav class="toc"><strong>Groups</strong><ol>\n')
        for n, g in enumerate(groups, 1):
            cls = ' class="has-conflict"' if group_has_conflict(g) else ""
            out.write(f'<li{cls}>{_badge(worst_verdict(g))} <a href="#g{n}">{esc(g.topic)}</a> '
                      f'<span class="meta">({len(g.claims)} claims)</span></li>\n')
        out.write("</ol></nav>\n")
    out.write(
        '<div class="filters"><label><input type="checkbox" id="only-conflicts"> only groups with conflicts</label>'
        '<label><input type="checkbox" id="hide-singles"> hide single claims</label></div>\n'
    )
    out.write("</header>\n<main>\n")


def _write_documents(index: ReportIndex, anchors: _Anchors, report: Report, out: TextIO) -> None:
    out.write('<section id="documents">\n<h2>Documents</h2>\n')
    out.write(
        '<table><thead><tr><th>Document</th><th>Source</th><th>Language</th><th>Published</th>'
        '<th class="num">Sentences</th><th class="num">Claims</th><th>Removed boilerplate</th></tr></thead><tbody>\n'
    )
    for doc in report.documents:
        where = []
        if doc.source:
            where.append(esc(doc.source))
        href = safe_href(doc.url)
        if href:
            where.append(f'<a class="path" href="{esc(href)}" rel="noopener noreferrer">{esc(doc.url)}</a>')
        elif doc.url:
            where.append(f'<span class="path">{esc(doc.url)}</span>')
        if doc.path:
            where.append(f'<span class="path">{esc(doc.path)}</span>')
        published = doc.published.isoformat() if doc.published else ""
        if published and doc.published_from:
            published += f" ({doc.published_from})"
        title = f"<strong>{esc(doc.title)}</strong><br>" if doc.title else ""
        out.write(
            f'<tr id="{anchors.docs[doc.id]}"><td>{title}<span class="path">{esc(doc.id)}</span></td>'
            f"<td>{'<br>'.join(where)}</td><td>{esc(doc.language or '')}</td><td>{esc(published)}</td>"
            f'<td class="num">{index.sentence_counts[doc.id]}</td><td class="num">{index.claim_counts[doc.id]}</td>'
            f"<td>{esc(removed_summary(doc))}</td></tr>\n"
        )
    out.write("</tbody></table>\n</section>\n")


def write_html(report: Report, out: TextIO) -> None:
    """Write the HTML page to an open text file."""
    index = ReportIndex(report)
    anchors = _Anchors(report)
    groups, singles = split_groups(report)
    _write_header(report, groups, singles, out)
    out.write('<section id="groups">\n<h2>Groups</h2>\n')
    if not groups:
        out.write('<p class="meta">No group holds two or more claims.</p>\n')
    for n, group in enumerate(groups, 1):
        _write_group(index, anchors, n, group, out)
    out.write("</section>\n")
    out.write('<section id="single-claims">\n<h2>Single claims</h2>\n')
    if singles:
        out.write('<ol class="claims">\n')
        for k, claim in enumerate(singles, 1):
            _write_claim(index, anchors, claim, f"s-c{k}", out)
        out.write("</ol>\n")
    else:
        out.write('<p class="meta">None.</p>\n')
    out.write("</section>\n")
    _write_documents(index, anchors, report, out)
    out.write(f"</main>\n<footer>{esc(report.generator)} · schema {esc(report.schema_version)}</footer>\n</body>\n</html>\n")


def render_html(report: Report) -> str:
    """The HTML page as a string."""
    buf = io.StringIO()
    write_html(report, buf)
    return buf.getvalue()
