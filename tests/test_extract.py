"""Claims extraction on realistic French and English news text."""
from __future__ import annotations

import pytest

from claims.ingest import TextInput
from claims.pipeline import check


def _claims(*texts: str, published=None):
    inputs = [TextInput(text=t, id=f"a{i}", published=published) for i, t in enumerate(texts)]
    return check(inputs, nli="none")


def _one(report, kind):
    found = [c for c in report.claims if c.kind == kind]
    assert found, f"no {kind} claim in {[ (c.kind, c.text) for c in report.claims]}"
    return found[0]


def test_investment_roles_value_time_scope_fr():
    r = _claims("En juillet 2019, Microsoft a annoncé un investissement de 1 milliard de dollars dans OpenAI.")
    c = _one(r, "investment")
    assert (c.subject, c.object) == ("Microsoft", "OpenAI")
    assert c.value.amount == 1e9 and c.value.currency == "USD"
    assert c.time.value == "2019-07" and c.time.granularity == "month"
    assert c.scope == "tranche"
    assert not c.hedged and not c.negated


def test_lower_bound_cumulative_and_description_resolved_from_document():
    text = (
        "La start-up Mistral AI multiplie les annonces. "
        "Nvidia, qui a investi à plusieurs reprises, reste discret. "
        "Au total, Nvidia a investi plus de 2 milliards d'euros dans la start-up depuis 2023."
    )
    r = _claims(text)
    c = _one(r, "investment")
    assert c.value.low == 2e9 and c.value.high is None and c.value.currency == "EUR"
    assert c.subject == "Nvidia"
    assert c.object == "Mistral AI"
    assert c.scope == "cumulative"


def test_alias_table_and_english():
    r = _claims("The Redmond giant has invested about $2 billion in Anthropic in 2024, according to Reuters.")
    c = _one(r, "investment")
    assert c.subject == "Microsoft"
    assert c.value.qualifier == "approximate" and c.value.low < 2e9 <= c.value.high
    assert c.attribution and "Reuters" in c.attribution


def test_hedged_conditional_and_negation():
    r = _claims(
        "Selon des sources proches du dossier, Amazon pourrait investir 4 milliards de dollars dans Anthropic. "
        "Google n'a pas quitté son siège au conseil d'administration de Mozilla en 2022."
    )
    inv = _one(r, "investment")
    assert inv.hedged
    board = _one(r, "board_change")
    assert board.negated


def test_valuation_subject_and_point_in_time():
    r = _claims("En octobre 2024, la valorisation de Stripe a atteint 70 milliards de dollars.")
    c = _one(r, "valuation")
    assert c.subject == "Stripe"
    assert c.scope == "point_in_time"


def test_repeated_figure_inherits_time_and_anaphora():
    text = (
        "Une somme de 5 milliards de dollars a été investie par Oracle dans Cohere en 2022. "
        "La collaboration entre Oracle et Cohere a débuté en 2020. "
        "Cette première étape s'est traduite par un apport de 300 millions de dollars. "
        "En injectant 5 milliards de dollars, Oracle espérait dominer le marché."
    )
    r = _claims(text)
    inv = [c for c in r.claims if c.kind == "investment"]
    five = [c for c in inv if c.value.amount == 5e9]
    assert len(five) == 2
    assert five[1].time is not None and five[1].time.value == "2022" and five[1].time.inherited
    three = [c for c in inv if c.value.amount == 3e8][0]
    assert three.time is not None and three.time.value == "2020" and three.time.inherited
    assert all(c.subject == "Oracle" for c in inv)


def test_events_founding_and_board_exit():
    r = _claims(
        "Anthropic, fondée en 2021 par Dario Amodei, développe le modèle Claude. "
        "En mars 2023, Google a renoncé à son siège au conseil d'administration d'Anthropic."
    )
    f = _one(r, "founding")
    assert f.subject == "Anthropic" and f.time.value == "2021"
    b = _one(r, "board_change")
    assert b.subject == "Google" and b.object == "Anthropic" and b.direction == "exit"
    assert b.time.value == "2023-03"


def test_questions_and_noise_yield_no_claims():
    r = _claims(
        "Microsoft investira-t-il encore 10 milliards de dollars dans OpenAI ?\n"
        "Partager:\n5M+\nFacebook followers\n"
    )
    assert not [c for c in r.claims if c.kind == "investment"]


def test_other_languages_events_and_names():
    r = check([
        TextInput(text="Im Juli 2024 verließ Microsoft den Aufsichtsrat von OpenAI.", id="de"),
        TextInput(text="En julio de 2024, Microsoft renunció a su asiento en el consejo de OpenAI.", id="es"),
    ], nli="none")
    board = [c for c in r.claims if c.kind == "board_change"]
    assert {c.language for c in board} == {"de", "es"}
    assert all(c.subject == "Microsoft" and c.direction == "exit" for c in board)
    assert len(r.groups) == 1 and [f.verdict for f in r.groups[0].findings] == ["agree"]


def test_dateline_city_is_not_an_actor_and_parts_are_not_totals():
    r = _claims(
        "BERLIN, March 4 (Reuters) - Germany will give Moldova 500 million euros in aid this year. "
        "The package includes 200 million euros for the energy sector."
    )
    aid = [c for c in r.claims if c.kind == "aid"]
    assert aid and all(c.subject != "BERLIN" for c in aid)
    assert any(c.scope == "tranche" and c.value.low == 2e8 for c in aid)
    assert not [f for g in r.groups for f in g.findings if f.verdict == "conflict"]
