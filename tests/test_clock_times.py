"""Times of day of an incident (claims/data/clock.json, claims.recognize.clock): a time is an
interval of minutes after midnight by its qualifier; a time by an incident word is a claim;
two articles of one story that time the incident at times that cannot overlap conflict; a
response's time ("police responded to the call around 2:30"), another incident's, an article
with two times and decimals or video lengths are not compared."""
from __future__ import annotations

from claims.ingest import TextInput
from claims.pipeline import check
from claims.recognize.clock import find_times, fmt_clock


def _times(text, lang):
    return [(text[t.start : t.end], fmt_clock(t.low), fmt_clock(t.high)) for t in find_times(text, lang)]


def test_times_in_each_language():
    assert _times("La secousse s'est produite mardi à 2 h 48.", "fr") == [("2 h 48", "02:43", "02:53")]
    assert _times("samedi, peu avant 9 heures", "fr") == [("9 heures", "08:30", "09:00")]
    assert _times("it struck a shoal at about 6:15 a.m.", "en") == [("6:15 a.m.", "05:55", "06:35")]
    assert _times("shortly after 12:30 a.m.", "en") == [("12:30 a.m.", "00:30", "01:00")]
    assert _times("just before 10:00 last night", "en") == [("10:00 last night", "21:30", "22:00")]
    assert _times("ocurrió hacia las 11:40 horas", "es") == [("11:40 horas", "11:20", "12:00")]
    assert _times("Der Ausstand beginnt um 3 Uhr.", "de") == [("3 Uhr", "02:50", "03:10")]
    assert _times("intorno alle 7.15, poco dopo le 8", "it") == [("7.15", "06:55", "07:35"), ("8", "08:00", "08:30")]
    # decimals, counts, scores and a video's length are no times
    assert _times("un calo del 7.15 per cento e le 8 vittime", "it") == []
    assert _times("0:28 Mount Vernon The club shooting suspect was arraigned.", "en") == []
    assert _times("12 morts à 15 km", "fr") == []


def _run(texts, lang, published="2025-02-13"):
    return check([TextInput(text=t, id=i, language=lang, published=published) for i, t in zip("abc", texts)], nli="none")


def _verdicts(r):
    ids = {c.id for c in r.claims if c.kind == "time_of_day"}
    return [f.verdict for g in r.groups for f in g.findings if f.a in ids and f.b in ids]


def test_two_times_of_one_incident_conflict_and_close_ones_do_not():
    r = _run(["A Harwick Metro tram collided with a lorry on Mill Street shortly after 8.15am on Thursday.",
              "The Harwick Metro collision on Mill Street happened at around 7.50am."], "en")
    assert _verdicts(r) == ["conflict"]
    r = _run(["A Harwick Metro tram collided with a lorry on Mill Street shortly after 8.15am on Thursday.",
              "The Harwick Metro collision on Mill Street happened at around 8.20am."], "en")
    assert _verdicts(r) == ["compatible"]


def test_response_times_other_incidents_and_two_times_are_not_compared():
    r = _run(["Police in Suffolk responded to the call around 2:30 a.m. after the shooting on Outland Street.",
              "The shooting on Outland Street happened around 9:30 p.m., Suffolk police said."], "en")
    assert "conflict" not in _verdicts(r)
    r = _run(["In Suffolk another shooting happened just after 1:00 a.m. on Outland Street.",
              "The Suffolk shooting on Outland Street occurred at 12:30 a.m."], "en")
    assert "conflict" not in _verdicts(r)
    r = _run(["Oursanne: la secousse s'est produite à 2 h 48. Une réplique s'est produite à 5 h 10.",
              "Oursanne: le séisme s'est produit à 3 h 12."], "fr")
    assert "conflict" not in _verdicts(r)
