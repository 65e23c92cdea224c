"""Currency conversion for comparing figures given in two currencies (ECB reference rates).

Rates come from the ``currencyconverter`` package, which ships the European Central Bank's
daily reference rates since 1999 (offline). A converted figure is an interval: the rate of the
day, widened by ``FX_TOLERANCE`` on each side, because outlets convert at other rates or days
and round ("150 millions d'euros" ~ "about $160 million"). Dates outside the table use the
nearest rate; a currency the table lacks is not converted.
"""
from __future__ import annotations

import datetime as dt
import functools
from typing import Optional

from .model import Value

FX_TOLERANCE = 0.06


@functools.lru_cache(maxsize=1)
def _converter():
    try:
        from currency_converter import CurrencyConverter
    except ImportError:  # pragma: no cover - a dependency of the package
        return None
    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)


def rate(src: str, dst: str, on: dt.date) -> Optional[float]:
    """Units of ``dst`` for one unit of ``src`` on ``on``, or None when unknown."""
    c = _converter()
    if c is None or src not in c.currencies or dst not in c.currencies:
        return None
    try:
        return float(c.convert(1.0, src, dst, date=on))
    except Exception:  # the library raises its own errors for dates and currencies it lacks
        return None


def convert(v: Value, dst: str, on: dt.date) -> Optional[tuple[Value, float]]:
    """``v`` in ``dst`` as an interval (rate of ``on`` +- FX_TOLERANCE), with the rate used."""
    if not v.currency or v.currency == dst:
        return None
    r = rate(v.currency, dst, on)
    if r is None:
        return None
    lo = v.low * r * (1 - FX_TOLERANCE) if v.low is not None else None
    hi = v.high * r * (1 + FX_TOLERANCE) if v.high is not None else None
    if v.qualifier == "exact" and v.amount is not None:
        lo, hi = v.amount * r * (1 - FX_TOLERANCE), v.amount * r * (1 + FX_TOLERANCE)
    amount = v.amount * r if v.amount is not None else None
    qualifier = v.qualifier if v.qualifier in ("lower_bound", "upper_bound", "vague") else "approximate"
    return Value(amount=amount, low=lo, high=hi, qualifier=qualifier, currency=dst, unit=v.unit), r
