"""Cross-source verdicts on constructed article pairs (hard conflicts included)."""
from __future__ import annotations

from claims.ingest import TextInput
from claims.pipeline import check


def _report(*texts, published=None):
    return check([TextInput(text=t, id=f"src{i}", published=published) for i, t in enumerate(texts)], nli="none")


def _verdicts(report):
    return [(f.verdict, f) for g in report.groups for f in g.findings]


def test_same_dated_tranche_different_amounts_is_conflict():
    r = _report(
        "En juillet 2019, Microsoft a annoncé un investissement de 1 milliard de dollars dans OpenAI.",
        "En 2019, Microsoft a investi 2 milliards de dollars dans OpenAI.",
    )
    vs = _verdicts(r)
    assert vs and vs[0][0] == "conflict", vs
    assert r.groups[0].has_conflict
    assert "1 billion" in vs[0][1].explanation and "2 billion" in vs[0][1].explanation


def test_same_figure_same_year_agrees_and_different_years_are_scope():
    r = _report(
        "En 2021, Amazon a investi 4 milliards de dollars dans Rivian.",
        "Amazon a injecté 4 milliards de dollars dans Rivian en 2021.",
        "En 2023, Amazon a investi 2 milliards de dollars dans Rivian.",
    )
    verdicts = sorted(v for v, _ in _verdicts(r))
    assert verdicts == ["agree", "scope_difference", "scope_difference"]


def test_total_vs_tranche_and_bounds_with_reconciliation():
    r = _report(
        "En 2020, SoftBank a investi 1 milliard de dollars dans Acme.",
        "SoftBank a investi 3 milliards de dollars dans Acme en 2022.",
        "Au total, SoftBank a investi 5 milliards de dollars dans Acme.",
        "SoftBank a investi plus de 4 milliards de dollars dans Acme.",
    )
    g = r.groups[0]
    assert not g.has_conflict
    by_pair = {frozenset((f.a, f.b)): f.verdict for f in g.findings}
    ids = {c.document: c.id for c in r.claims}
    assert by_pair[frozenset((ids["src2"], ids["src3"]))] == "compatible"
    assert by_pair[frozenset((ids["src0"], ids["src2"]))] == "scope_difference"
    assert g.reconciliation and "4 billion" in g.reconciliation and "1 billion" in g.reconciliation


def test_tranche_larger_than_total_conflicts():
    r = _report(
        "En 2022, Tencent a investi 6 milliards de dollars dans Epic.",
        "Au total, Tencent a investi 2 milliards de dollars dans Epic à ce jour.",
    )
    assert [v for v, _ in _verdicts(r)] == ["conflict"]


def test_opposite_board_events_conflict_and_same_event_agrees():
    r = _report(
        "En juillet 2024, Microsoft a renoncé à son siège d'observateur au conseil d'administration d'OpenAI.",
        "Microsoft a décidé de se retirer de son siège au conseil d'OpenAI.",
        "En juillet 2024, Microsoft a conservé son siège au conseil d'administration d'OpenAI.",
    )
    verdicts = sorted(v for v, _ in _verdicts(r))
    assert verdicts.count("conflict") == 2 and "conflict" not in [v for v, f in _verdicts(r) if {f.a, f.b} == {r.claims[0].id, r.claims[1].id}]


def test_founding_year_conflict_and_english_source():
    r = _report(
        "OpenAI, fondée en 2015 par Sam Altman, développe ChatGPT.",
        "OpenAI, founded in 2016 by a group of researchers, develops ChatGPT.",
    )
    assert [v for v, _ in _verdicts(r)] == ["conflict"]


def test_pairs_grow_with_groups_not_corpus():
    texts = [f"En {2000 + i}, Entreprise{i} a investi {i + 1} millions d'euros dans Cible{i}." for i in range(30)]
    r = _report(*texts)
    assert r.stats.pairs_compared == 0  # 30 unrelated claims: nothing to compare
    assert r.stats.claims == 30


def test_english_sources_headline_total_and_tranches():
    a = TextInput(id="wire", text=(
        "Microsoft to invest $10 billion in OpenAI\nJanuary 23, 2023\n"
        "Microsoft said on Monday it would invest $10 billion in OpenAI, the creator of ChatGPT, in a multi-year deal. "
        "The Redmond giant had already invested $1 billion in the startup in 2019."))
    b = TextInput(id="daily", text=(
        "Microsoft has poured more than $13 billion into OpenAI since 2019, according to people familiar with the matter. "
        "In 2019, Microsoft invested $2 billion in OpenAI."))
    r = check([a, b], nli="none")
    assert r.documents[0].language == "en" and str(r.documents[0].published) == "2023-01-23"
    inv = [c for c in r.claims if c.kind == "investment"]
    assert {(c.subject, c.object) for c in inv} == {("Microsoft", "OpenAI")}
    assert len(r.groups) == 1
    conflicts = [f for f in r.groups[0].findings if f.verdict == "conflict"]
    # only the two different 2019 tranches contradict each other
    assert len(conflicts) == 1
    pair = {next(c for c in inv if c.id == x).value.amount for x in (conflicts[0].a, conflicts[0].b)}
    assert pair == {1e9, 2e9}


def test_disputed_figures_side_by_side_and_prices_per_share_are_not_contradictions():
    a = TextInput(id="bbc", published="2023-03-07", text=(
        "In Paris, police said 81,000 people took part in the march, while the CGT union said 700,000 marched in the capital."))
    b = TextInput(id="f24", published="2023-03-07", text="The CGT union said 700,000 people marched in Paris alone.")
    c = TextInput(id="wire", published="2024-05-02", text=(
        "Harlow agreed to acquire Greenleaf Brands for $8.4 billion. Harlow completed its acquisition of Greenleaf Brands for $56 per share."))
    d = TextInput(id="aid", published="2024-03-04", text=(
        "Germany's aid package to Moldova includes 200 million euros for the energy sector and 150 million euros in budget support."))
    r = check([a, b, c, d], nli="none")
    conflicts = [f for g in r.groups for f in g.findings if f.verdict == "conflict"]
    assert conflicts == []
    disputed = [f for g in r.groups for f in g.findings if "different sources" in f.explanation]
    assert disputed and all(f.verdict == "scope_difference" for f in disputed)
    assert any(c.kind == "unit_price" for c in r.claims)


def test_a_short_name_joins_the_longer_name_it_begins():
    r = _report(
        "En 2021, Brightway Home a rappelé 120 000 radiateurs, pour 40 millions d'euros de coûts, selon son rapport annuel.",
        "Brightway a investi 50 millions d'euros dans Lumio en 2022.",
        "En 2022, Brightway Home a investi 50 millions d'euros dans Lumio.",
    )
    inv = [g for g in r.groups if g.kind == "investment"]
    assert len(inv) == 1 and len(inv[0].claims) == 2 and inv[0].subject == "Brightway Home"
    assert [f.verdict for f in inv[0].findings] == ["agree"]


def test_an_article_that_also_reports_the_other_figure_does_not_conflict_with_it():
    from claims.crosscheck import compare_values, reported_index
    from claims.model import Claim, Value

    def c(cid, doc, n, pred=None):
        return Claim(id=cid, document=doc, sentence=0, start=0, end=1, text="x", kind="casualties", predicate=pred,
                     value=Value(amount=n, low=n, high=n, unit="deaths"))

    a, a2, b = c("a1", "A", 2.0), c("a2", "A", 3.0), c("b1", "B", 3.0)
    pub = {"A": None, "B": None}
    assert compare_values(a, b, pub)[0] == "conflict"
    v, _, expl, _ = compare_values(a, b, pub, reported_index([a, a2, b]))
    assert v == "compatible" and "A also reports 3" in expl
    # a part of the article's count does not count as reporting the figure
    assert compare_values(a, b, pub, reported_index([a, c("a3", "A", 3.0, "part: children"), b]))[0] == "conflict"
