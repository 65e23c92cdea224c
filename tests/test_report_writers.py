"""Report writers: JSON round trip and schema, CSV, Markdown, HTML (escaping, highlights, order)."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from html.parser import HTMLParser

import jsonschema
import pytest

from claims.errors import ClaimsError
from claims.model import (
    Claim,
    Document,
    Finding,
    Group,
    NliInfo,
    RemovedSpan,
    Report,
    Sentence,
    Span,
    Stats,
    TimeRef,
    Value,
)
from claims.report import (
    CSV_COLUMNS,
    FORMATS,
    format_value,
    read_report,
    render,
    report_json_schema,
    sort_groups,
    write_report,
)

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"


def _sentences(doc_id: str, text: str, parts: list[str]) -> list[Sentence]:
    out, pos = [], 0
    for i, part in enumerate(parts):
        start = text.index(part, pos)
        out.append(Sentence(document=doc_id, index=i, start=start, end=start + len(part), text=part))
        pos = start + len(part)
    return out


def _claim(cid: str, doc: Document, sents: list[Sentence], sent_idx: int, span: str, **kw) -> Claim:
    sent = sents[sent_idx]
    start = doc.text.find(span, sent.start)
    assert start >= 0 and start + len(span) <= sent.end, span
    return Claim(id=cid, document=doc.id, sentence=sent_idx, start=start, end=start + len(span), text=span, **kw)


def build_report(*, hostile: bool = False, with_sentences: bool = True) -> Report:
    """Three French and two English articles: a 2019 investment conflict, an agreeing workforce pair."""
    extra = f" {XSS_SCRIPT} {XSS_IMG}" if hostile else ""
    s1a = "Microsoft renforce ses liens avec OpenAI."
    s1b = f"Selon le Journal, Microsoft a investi 1 milliard de dollars dans OpenAI en 2019.{extra}"
    s1c = "L'entreprise prévoit d'investir plus de 10 milliards de dollars | au total."
    t1 = f"{s1a}\n{s1b} {s1c}"
    d1 = Document(
        id="fr-journal",
        path=XSS_IMG if hostile else "articles/journal.txt",
        title=XSS_SCRIPT if hostile else "Microsoft et OpenAI : l'alliance",
        url="javascript:alert(1)" if hostile else "https://example.org/actu/microsoft-openai?id=1&ref=rss",
        source="Le Journal",
        language="fr",
        published=dt.date(2023, 1, 10),
        published_from="metadata",
        text=t1,
        kept=[Span(start=0, end=len(t1))],
    )
    s2a = "En 2019, Microsoft a injecté 2 milliards de dollars dans OpenAI."
    t2 = f"{s2a}\nPartager 12 Tweeter"
    d2 = Document(
        id="fr-quotidien",
        path="articles/quotidien.txt",
        title="OpenAI, la mise de Microsoft",
        language="fr",
        published=dt.date(2023, 2, 1),
        published_from="text",
        text=t2,
        kept=[Span(start=0, end=len(s2a))],
        removed=[RemovedSpan(start=len(s2a) + 1, end=len(t2), reason="share_counter")],
    )
    s3a = "Alphabet employs about 180,000 people, the company said."
    d3 = Document(id="en-wire", path="articles/wire.txt", title="Alphabet at a glance", language="en",
                  published=dt.date(2023, 3, 3), text=s3a)
    s4a = "Google's parent company has nearly 182,000 employees."
    d4 = Document(id="en-blog", path="articles/blog.txt", language="en", text=s4a)

    sents1 = _sentences(d1.id, t1, [s1a, s1b, s1c])
    sents2 = _sentences(d2.id, t2, [s2a])
    sents3 = _sentences(d3.id, s3a, [s3a])
    sents4 = _sentences(d4.id, s4a, [s4a])

    money = dict(currency="USD")
    y2019 = TimeRef(text="en 2019", value="2019", granularity="year",
                    earliest=dt.date(2019, 1, 1), latest=dt.date(2019, 12, 31))
    c1 = _claim("c1", d1, sents1, 1, "a investi 1 milliard de dollars dans OpenAI en 2019", kind="investment",
                subject="Microsoft", object="OpenAI", language="fr", scope="tranche", attribution="le Journal",
                value=Value(amount=1e9, low=1e9, high=1e9, **money), time=y2019)
    c2 = _claim("c2", d2, sents2, 0, "Microsoft a injecté 2 milliards de dollars dans OpenAI", kind="investment",
                subject="Microsoft", object="OpenAI", language="fr", scope="tranche",
                value=Value(amount=2e9, low=2e9, high=2e9, **money), time=y2019.model_copy(update={"text": "En 2019"}))
    c3 = _claim("c3", d1, sents1, 2, "prévoit d'investir plus de 10 milliards de dollars", kind="investment",
                subject="Microsoft", language="fr", scope="cumulative", hedged=True,
                value=Value(amount=1e10, low=1e10, high=None, low_inclusive=False, qualifier="lower_bound", **money))
    c4 = _claim("c4", d3, sents3, 0, "employs about 180,000 people", kind="workforce", subject="Alphabet",
                language="en", scope="point_in_time",
                value=Value(amount=180000, low=171000, high=189000, qualifier="approximate", unit="employees"))
    c5 = _claim("c5", d4, sents4, 0, "has nearly 182,000 employees", kind="workforce", subject="Alphabet",
                language="en", scope="point_in_time",
                value=Value(amount=182000, low=172900, high=182000, qualifier="approximate", unit="employees"))

    explanation = "1 000 000 000 USD vs 2 000 000 000 USD for the same year | same scope"
    topic = "Microsoft → OpenAI investment (2019)"
    if hostile:
        explanation += f" {XSS_SCRIPT}"
        topic += f" {XSS_IMG}"
    g_workforce = Group(
        id="g-workforce", kind="workforce", subject="Alphabet", topic="Alphabet workforce",
        claims=["c4", "c5"],
        findings=[Finding(a="c4", b="c5", verdict="compatible", confidence=0.8,
                          explanation="intervals 171 000–189 000 and 172 900–182 000 overlap")],
    )
    g_invest = Group(
        id="g-invest", kind="investment", subject="Microsoft", object="OpenAI", topic=topic,
        claims=["c1", "c2"], has_conflict=True,
        findings=[Finding(a="c1", b="c2", verdict="conflict", confidence=0.91, explanation=explanation)],
        reconciliation="The two figures may count different tranches.",
    )
    g_single = Group(id="g-plan", kind="investment", subject="Microsoft", topic="Microsoft investment plan",
                     claims=["c3"])
    docs = [d1, d2, d3, d4]
    claims = [c1, c2, c3, c4, c5]
    return Report(
        created=dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.timezone.utc),
        documents=docs,
        sentences=(sents1 + sents2 + sents3 + sents4) if with_sentences else [],
        claims=claims,
        # the non-conflicting group comes first on purpose: writers must put the conflict on top
        groups=[g_workforce, g_invest, g_single],
        nli=NliInfo(used=False, note="no NLI model installed; numeric rules only"),
        stats=Stats(documents=4, sentences=6, claims=5, groups=3, pairs_compared=2, conflicts=1, seconds=0.42),
    )


@pytest.fixture
def report() -> Report:
    return build_report()


# ----------------------------------------------------------------------------------- JSON

def test_json_round_trip(tmp_path, report):
    path = write_report(report, tmp_path / "report.json")
    raw = path.read_text(encoding="utf-8")
    assert not raw.startswith("\ufeff")
    assert "Microsoft a injecté 2 milliards" in raw  # ensure_ascii=False
    assert raw.startswith('{\n  "schema_version"')  # indent 2
    assert read_report(path) == report


def test_json_keeps_contract_fields(report):
    data = json.loads(render(report, "json"))
    assert {"documents", "claims", "groups", "sentences", "nli", "stats"} <= set(data)
    c1 = next(c for c in data["claims"] if c["id"] == "c1")
    assert {"id", "document", "start", "end", "text", "kind", "subject", "object", "value", "time", "scope"} <= set(c1)
    assert c1["value"]["low"] == 1e9 and c1["value"]["currency"] == "USD"
    doc = data["documents"][0]
    assert doc["text"][c1["start"]:c1["end"]] == c1["text"]
    assert doc["published"] == "2023-01-10"
    g = next(g for g in data["groups"] if g["id"] == "g-invest")
    assert g["findings"][0] == {**g["findings"][0], "a": "c1", "b": "c2", "verdict": "conflict", "confidence": 0.91}


def test_json_schema_validates_written_json(tmp_path, report):
    schema = report_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    data = json.loads(write_report(report, tmp_path / "r.json").read_text(encoding="utf-8"))
    validator.validate(data)
    bad = json.loads(json.dumps(data))
    bad["groups"][1]["findings"][0]["verdict"] = "maybe"
    assert not validator.is_valid(bad)


def test_json_without_text_still_valid(tmp_path, report):
    path = write_report(report, tmp_path / "r.json", include_text=False)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert all(d["text"] == "" for d in data["documents"])
    jsonschema.validate(data, report_json_schema())
    back = read_report(path)
    assert back.claims == report.claims and back.documents[0].text == ""


def test_json_non_finite_number_is_a_clear_error(report):
    report.claims[0].value.high = float("inf")
    with pytest.raises(ClaimsError, match=r"claims\[0\]\.value\.high"):
        render(report, "json")


@pytest.mark.parametrize(
    "content, match",
    [("{not json", "not valid JSON"), ('{"documents": [], "claims": [{"id": 1}], "groups": []}', "claims.0"),
     ("[1, 2]", "not a JSON object")],
)
def test_read_report_errors_are_one_line(tmp_path, content, match):
    p = tmp_path / "bad.json"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(ClaimsError, match=match) as exc:
        read_report(p)
    assert "\n" not in str(exc.value)


def test_read_report_missing_file(tmp_path):
    with pytest.raises(ClaimsError, match="not found"):
        read_report(tmp_path / "nope.json")


# ----------------------------------------------------------------------------------- CSV

def test_csv_one_row_per_finding(tmp_path, report):
    path = write_report(report, tmp_path / "report.csv")
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert tuple(reader.fieldnames) == CSV_COLUMNS
    assert len(rows) == sum(len(g.findings) for g in report.groups) == 2
    first = rows[0]  # the conflict comes first although its group is second in the report
    assert first["group"] == "g-invest" and first["verdict"] == "conflict"
    assert first["a_claim"] == "c1" and first["b_claim"] == "c2"
    assert first["a_value"] == "1 000 000 000 USD" and first["b_value"] == "2 000 000 000 USD"
    assert first["a_source"] == "Le Journal" and first["a_published"] == "2023-01-10"
    assert first["a_time"] == "2019" and first["a_scope"] == "tranche"
    assert first["b_text"] == "Microsoft a injecté 2 milliards de dollars dans OpenAI"
    assert first["explanation"].endswith("| same scope")  # the pipe survives quoting
    assert float(first["confidence"]) == pytest.approx(0.91)
    assert rows[1]["verdict"] == "compatible" and rows[1]["a_value"] == "≈ 180 000 employees"


def test_csv_header_only_without_findings(report):
    empty = report.model_copy(update={"groups": [g.model_copy(update={"findings": []}) for g in report.groups]})
    rows = list(csv.reader(io.StringIO(render(empty, "csv"), newline="")))
    assert rows == [list(CSV_COLUMNS)]


def test_csv_quotes_and_neutralises_formulas(report):
    report.groups[1].findings[0].explanation = '=HYPERLINK("http://x") and "quotes", commas'
    report.claims[0].text = "ligne 1\nligne 2, \"citée\""
    rows = list(csv.DictReader(io.StringIO(render(report, "csv"), newline="")))
    assert rows[0]["explanation"] == '\'=HYPERLINK("http://x") and "quotes", commas'
    assert rows[0]["a_text"] == 'ligne 1 ligne 2, "citée"'


# ----------------------------------------------------------------------------------- values and order

@pytest.mark.parametrize(
    "value, text",
    [
        (Value(amount=1e10, low=1e10, high=None, low_inclusive=False, qualifier="lower_bound", currency="USD"),
         "> 10 000 000 000 USD"),
        (Value(amount=1e10, low=1e10, qualifier="lower_bound", currency="EUR"), "≥ 10 000 000 000 EUR"),
        (Value(amount=5e6, high=5e6, qualifier="upper_bound", currency="EUR"), "≤ 5 000 000 EUR"),
        (Value(amount=3.5, low=3.4, high=3.6, qualifier="approximate", unit="%"), "≈ 3.5 %"),
        (Value(low=10e9, high=12e9, qualifier="range", currency="USD"), "10 000 000 000 – 12 000 000 000 USD"),
        (Value(low=2e9, qualifier="vague", currency="USD"), "≥ 2 000 000 000 USD (vague)"),
    ],
)
def test_format_value(value, text):
    assert format_value(value) == text


def test_sort_groups_conflicts_first_then_size(report):
    big = Group(id="big", kind="k", topic="t", claims=["a", "b", "c"])
    order = [g.id for g in sort_groups([*report.groups, big])]
    assert order == ["g-invest", "big", "g-workforce", "g-plan"]


# ----------------------------------------------------------------------------------- Markdown

def test_markdown_conflict_group_first_and_escaped(tmp_path, report):
    md = write_report(report, tmp_path / "report.md").read_text(encoding="utf-8")
    assert md == render(report, "markdown")
    assert md.startswith("# Claims report")
    assert "NLI: not used: no NLI model installed; numeric rules only" in md
    conflict = md.index("### 1. Microsoft → OpenAI investment (2019) — **CONFLICT**")
    assert conflict < md.index("### 2. Alphabet workforce")
    assert md.index("## Groups") < conflict < md.index("## Single claims") < md.index("c3")
    # the findings row keeps five cells: the pipe in the explanation is escaped
    row = next(line for line in md.splitlines() if line.startswith("| **conflict**"))
    assert len(re.split(r"(?<!\\)\|", row)) == 7
    assert "same year \\| same scope" in row
    # the claim span is bold inside its quoted sentence
    assert "> Selon le Journal, Microsoft **a investi 1 milliard de dollars dans OpenAI en 2019**." in md
    assert "plus de 10 milliards de dollars** \\| au total." in md


def test_markdown_escapes_html_and_emphasis():
    md = render(build_report(hostile=True), "md")
    assert XSS_SCRIPT not in md and XSS_IMG not in md
    assert "\\<script\\>alert(1)\\</script\\>" in md


# ----------------------------------------------------------------------------------- HTML

class _Collector(HTMLParser):
    VOID = {"meta", "br", "input", "img", "link", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: list[str] = []
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: set[str] = set()
        self._in_mark = False

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if "href" in a:
            self.hrefs.append(a["href"])
        if tag == "mark":
            self._in_mark = True
            self.marks.append("")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}> (open: {self.stack[-3:]})")
        else:
            self.stack.pop()
        if tag == "mark":
            self._in_mark = False

    def handle_data(self, data):
        if self._in_mark:
            self.marks[-1] += data


def _parse(page: str) -> _Collector:
    p = _Collector()
    p.feed(page)
    p.close()
    return p


def test_html_structure_marks_and_order(tmp_path, report):
    page = write_report(report, tmp_path / "report.html").read_text(encoding="utf-8")
    parsed = _parse(page)
    assert not parsed.errors and not parsed.stack
    assert len(parsed.ids) == len(set(parsed.ids))
    # self-contained: no scripts, no external resources; internal links all resolve
    assert not parsed.tags & {"script", "link", "img", "iframe"}
    assert "src=" not in page and "@import" not in page
    for href in parsed.hrefs:
        assert href.startswith("#") and href[1:] in parsed.ids or href.startswith("https://example.org/")
    # each claim appears once with exactly its span highlighted
    assert sorted(parsed.marks) == sorted(c.text for c in report.claims)
    assert "Selon le Journal, Microsoft <mark>a investi 1 milliard de dollars dans OpenAI en 2019</mark>." in page
    # conflict group on top, with a red badge; summary and NLI status in the header
    assert page.index('id="g1"') < page.index("Microsoft → OpenAI investment (2019)", page.index("<main>"))
    assert page.index("Microsoft → OpenAI investment") < page.index("Alphabet workforce", page.index("<main>"))
    assert '<section class="group has-conflict v-conflict" id="g1">' in page
    assert '<span class="badge v-conflict">conflict</span>' in page
    assert '<span class="badge v-compatible">compatible</span>' in page
    assert "no NLI model installed; numeric rules only" in page
    assert '<a href="#g1-c1">c1</a> ↔ <a href="#g1-c2">c2</a>' in page
    assert "≈ 180 000 employees" in page and "&gt; 10 000 000 000 USD" in page
    assert "share_counter ×1" in page  # removed boilerplate per document
    assert 'href="https://example.org/actu/microsoft-openai?id=1&amp;ref=rss"' in page
    assert "hedged" in page and "according to le Journal" in page


def test_html_escapes_hostile_text_everywhere():
    report = build_report(hostile=True)
    report.documents[2].language = '" onmouseover="alert(1)'
    page = render(report, "html")
    assert XSS_SCRIPT not in page
    assert XSS_IMG not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert 'href="javascript' not in page and "javascript:alert(1)" in page  # shown, not linked
    assert ' onmouseover="alert' not in page and "&quot; onmouseover=&quot;alert(1)" in page
    parsed = _parse(page)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert not parsed.errors
    # the highlight still wraps exactly the span, with the payload outside it
    assert sorted(parsed.marks) == sorted(c.text for c in report.claims)


def test_html_falls_back_to_document_text_without_sentences():
    report = build_report(with_sentences=False)
    parsed = _parse(render(report, "html"))
    assert sorted(parsed.marks) == sorted(c.text for c in report.claims)
    page = render(report, "html")
    # the window stops at sentence boundaries: the previous sentence is not quoted with c1
    assert "<blockquote lang=\"fr\">Selon le Journal, Microsoft <mark>a investi" in page


def test_html_nli_used_is_reported(report):
    report.nli = NliInfo(used=True, backend="onnx", model="xnli-mini", pairs=3, cache_hits=1)
    page = render(report, "html")
    assert "used (onnx / xnli-mini); 3 pairs, 1 cache hits" in page


# ----------------------------------------------------------------------------------- formats

def test_formats_and_extensions(tmp_path, report):
    assert list(FORMATS) == ["json", "csv", "markdown", "html"]
    for name in ("x.json", "x.csv", "x.md", "x.markdown", "x.html", "x.HTM"):
        assert write_report(report, tmp_path / name).stat().st_size > 0
    assert write_report(report, tmp_path / "out.txt", fmt="md").read_text(encoding="utf-8") == render(report, "md")


@pytest.mark.parametrize("name", ["report.pdf", "report"])
def test_unknown_extension_is_claims_error(tmp_path, report, name):
    with pytest.raises(ClaimsError, match="report format") as exc:
        write_report(report, tmp_path / name)
    assert "\n" not in str(exc.value)
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_name(report):
    with pytest.raises(ClaimsError, match="unknown report format 'pdf'"):
        render(report, "pdf")
