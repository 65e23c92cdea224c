"""Figures in two currencies are compared at the ECB rate of their date (claims.fx)."""
from __future__ import annotations

import datetime as dt

from claims.fx import FX_TOLERANCE, convert, rate
from claims.ingest import TextInput
from claims.model import Value
from claims.pipeline import check

DAY = dt.date(2024, 3, 14)


def _findings(*texts):
    r = check([TextInput(text=t, id=f"s{i}", published=DAY) for i, t in enumerate(texts)], nli="none")
    return [f for g in r.groups for f in g.findings]


def test_rate_of_the_day_from_the_ecb_table():
    r = rate("EUR", "USD", DAY)
    assert r is not None and 1.0 < r < 1.2  # the euro was worth about 1.09 dollars in March 2024
    assert rate("EUR", "XXX", DAY) is None


def test_converted_figure_is_an_interval_around_the_rate():
    v, r = convert(Value(amount=150e6, low=150e6, high=150e6, currency="EUR"), "USD", DAY)
    assert v.currency == "USD" and v.qualifier == "approximate"
    assert v.low == 150e6 * r * (1 - FX_TOLERANCE) and v.high == 150e6 * r * (1 + FX_TOLERANCE)


def test_same_deal_in_two_currencies_is_compatible_at_the_rate():
    fs = _findings("Brevia a racheté Tonal pour 640 millions d'euros, a annoncé Brevia jeudi.",
                   "Brevia bought Tonal for about $690 million, Brevia said on Thursday.")
    assert fs and all(f.verdict != "conflict" for f in fs), [f.explanation for f in fs]
    assert any("ECB rate of 2024-03-14" in f.explanation for f in fs)


def test_same_deal_far_from_the_rate_is_a_conflict():
    fs = _findings("Brevia a racheté Tonal pour 640 millions d'euros, a annoncé Brevia jeudi.",
                   "Brevia bought Tonal for $900 million, Brevia said on Thursday.")
    assert any(f.verdict == "conflict" and "converted" in f.explanation for f in fs), [f.explanation for f in fs]
