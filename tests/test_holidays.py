"""Named days are dates (claims/data/holidays.json: fixed dates, nth weekdays, Easter offsets),
resolved to the occurrence nearest the publication date or to the year stated; a one-word name
next to a capitalized word is a person's name; an English possessive ends a relative date."""
from __future__ import annotations

import datetime as dt

import pytest

from claims.recognize import find_mentions
from claims.recognize.dates import _easter


def _dates(text, lang, published=dt.date(2016, 9, 26)):
    return [(m.text, m.time.value, m.time.earliest, m.time.latest) for m in find_mentions(text, lang=lang, published=published) if m.kind == "date"]


@pytest.mark.parametrize("text,lang,value,published", [
    ("a Labor Day shooting", "en", "2016-09-05", dt.date(2016, 9, 7)),          # first Monday of September
    ("on Thanksgiving Day", "en", "2016-11-24", dt.date(2016, 11, 26)),         # fourth Thursday of November
    ("on Memorial Day", "en", "2016-05-30", dt.date(2016, 6, 1)),               # last Monday of May
    ("on Black Friday", "en", "2024-11-29", dt.date(2024, 12, 1)),              # the day after Thanksgiving
    ("on Christmas Eve", "en", "2016-12-24", dt.date(2016, 12, 26)),            # the longest name, not "Christmas"
    ("à la veille de Noël", "fr", "2016-12-24", dt.date(2016, 12, 26)),
    ("le lundi de Pâques", "fr", "2016-03-28", dt.date(2016, 3, 30)),           # Easter + 1
    ("le jeudi de l'Ascension", "fr", "2016-05-05", dt.date(2016, 5, 10)),      # after an elision
    ("À Noël, la grève a commencé", "fr", "2016-12-25", dt.date(2016, 12, 27)),  # a capitalized word opening the sentence is no first name
    ("am Heiligabend", "de", "2016-12-24", dt.date(2016, 12, 27)),
    ("a Ferragosto", "it", "2016-08-15", dt.date(2016, 8, 17)),
    ("en Nochevieja", "es", "2016-12-31", dt.date(2017, 1, 2)),
    ("at Christmas 2015", "en", "2015-12-25", dt.date(2016, 9, 26)),           # the year stated
])
def test_named_days_resolve_to_a_date(text, lang, value, published):
    got = [d for d in _dates(text, lang, published) if d[1] == value]
    assert got, _dates(text, lang, published)


def test_a_named_day_is_the_latest_one_or_the_next_when_it_is_close():
    assert _dates("after Christmas", "en", dt.date(2017, 3, 1))[0][1] == "2016-12-25"
    assert _dates("before Christmas", "en", dt.date(2017, 11, 20))[0][1] == "2017-12-25"  # 35 days ahead
    assert _dates("a Memorial Day weekend shooting", "en", dt.date(2024, 12, 20))[0][1] == "2024-05-27"  # not half a year ahead


def test_a_weekend_of_a_named_day_spans_the_days_around_it():
    (text, value, lo, hi), = _dates("a Labor Day weekend triple shooting", "en")
    assert _dates("el puente de Navidad", "es", dt.date(2016, 12, 27))[0][0] == "Navidad"
    assert text == "Labor Day weekend" and value == "2016-09-05" and lo < dt.date(2016, 9, 5) < hi


def test_a_one_word_name_next_to_a_capitalized_word_is_a_person():
    assert _dates("Noël Mamère a dit", "fr") == [] and _dates("selon Jean Noël", "fr") == []
    assert _dates("a Natale Rossi ha detto", "it") == []


def test_easter_dates():
    assert [_easter(y) for y in (2016, 2019, 2024)] == [dt.date(2016, 3, 27), dt.date(2019, 4, 21), dt.date(2024, 3, 31)]


def test_an_english_possessive_ends_a_relative_date():
    got = _dates("such as last year's Pulse nightclub massacre", "en", dt.date(2017, 3, 28))
    assert got and got[0][0] == "last year" and got[0][1] == "2016", got
    assert _dates("Sunday's shooting", "en")[0][0] == "Sunday"
