"""A figure right after a pluperfect ("il avait parcouru 1 400 hectares", "had burned 1,400
acres") is a state before the one reported: an earlier figure, not a rival of the current one.
"had" with a figure as its object is possession, not a pluperfect."""
from __future__ import annotations

from claims.ingest import TextInput
from claims.pipeline import check


def _verdict(a, b, lang):
    r = check([TextInput(text=a, id="a", language=lang, published="2024-07-24"),
               TextInput(text=b, id="b", language=lang, published="2024-07-24")], nli="none")
    fs = [f for g in r.groups for f in g.findings]
    return fs[0].verdict if fs else None, r


def test_a_pluperfect_figure_is_an_earlier_one():
    v, _ = _verdict("Mercredi soir, le feu avait parcouru 1 400 hectares de garrigue.",
                    "Jeudi matin, 1 850 hectares de garrigue ont été parcourus par le feu.", "fr")
    assert v == "scope_difference"
    _, r = _verdict("By Tuesday the fire had burned 1,400 acres of forest.", "The fire has burned 1,850 acres of forest.", "en")
    assert any(c.time is not None and c.time.text == "pluperfect" for c in r.claims if c.value and c.value.amount == 1400)


def test_had_with_a_figure_as_object_is_possession():
    _, r = _verdict("The company had 1,400 employees at the end of June.", "The company has 1,850 employees.", "en")
    assert not any(c.time is not None and c.time.text == "pluperfect" for c in r.claims)
