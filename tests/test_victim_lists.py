"""Who a casualty figure counts when people are listed: the list's members sum (a singular
member counts one, also where the parse does not coordinate them), a breakdown after a dash is
the parts of the figure before it, a member with its own state word or a word that is no person
is not in the count, "others" of the same measure as a coordinated clause add to it, a killer
who killed himself is one more dead, a toll at the scene is a part, and a caption's age after a
name is no count."""
from __future__ import annotations

from claims.ingest import TextInput
from claims.pipeline import check


def tolls(text: str, lang: str = "en") -> list[tuple]:
    r = check([TextInput(text=text, id="a", language=lang, published="2024-06-25")], nli="none")
    return [(c.value.unit, c.value.amount, c.predicate) for c in r.claims
            if c.kind == "casualties" and c.value is not None and not c.derived]


def test_people_listed_in_the_word_sequence_sum_where_the_parse_does_not_coordinate_them():
    # the English parser makes "a 16-year-old and two" a modifier of "children"
    got = tolls("Officials say a 16-year-old and two children were shot late Saturday in Durham.")
    assert ("shot", 3.0, None) in got and ("shot", 2.0, None) not in got, got
    got = tolls("Baby, 4 people injured in drive-by shooting in southeast Houston")
    assert ("injured", 5.0, None) in got and ("injured", 4.0, None) not in got, got
    got = tolls("They were charged with the murders of five adults and an unborn child.")
    assert ("deaths", 6.0, None) in got and ("deaths", 5.0, None) not in got, got


def test_a_breakdown_after_a_dash_is_the_parts_of_the_figure_before_it():
    got = tolls("Three others were wounded — two males and a female, they have all been released.")
    assert ("injured", 3.0, None) in got and not any(a == 6.0 for _, a, _ in got), got


def test_a_member_with_its_own_state_or_no_person_is_not_in_the_count():
    got = tolls("When they arrived, they found the three dead suspects and two uninjured residents.")
    assert ("deaths", 3.0, None) in got and ("deaths", 5.0, None) not in got, got
    got = tolls("Deputies responded to a club shooting involving five people who were shot, and several cut from broken glass.")
    assert ("shot", 5.0, None) in got and not any(a == 6.0 for _, a, _ in got), got


def test_others_of_the_same_measure_add_to_a_coordinated_clause_and_not_to_another_measure():
    got = tolls("One man is in critical condition and three others are injured after a shooting downtown.")
    assert ("injured", 4.0, None) in got and ("injured", 3.0, None) not in got, got
    got = tolls("One person was killed and five others were injured.")
    assert ("injured", 5.0, None) in got, got  # the others of the killed: the injured toll itself


def test_a_killer_who_killed_himself_is_one_more_dead():
    got = tolls("Ali Syed killed three people and then himself in Orange County.")
    assert ("deaths", 4.0, None) in got and ("deaths", 3.0, None) not in got, got
    assert ("deaths", 3.0, None) in tolls("Ali Syed killed three people in Orange County.")


def test_a_toll_at_the_scene_is_a_part_and_the_scene_of_something_is_a_place():
    got = tolls("Two were pronounced dead at the scene and two others are in very serious condition.")
    assert got and all(p is not None and p.startswith("part") for u, a, p in got if u == "deaths"), got
    assert ("deaths", 3.0, None) in tolls("Three people were killed at the scene of the crash.")
    got = tolls("Deux personnes sont mortes sur place et une troisième à l'hôpital.", "fr")
    assert ("deaths", 2.0, None) not in got, got


def test_an_age_after_a_name_in_a_caption_is_no_count():
    got = tolls("Image 1 of 9 Frank Gomez, 28 Frank Gomez, 28 Photo: Courtesy Of SAPD A girl and her mother were shot.")
    assert not any(a == 28.0 for _, a, _ in got), got
    got = tolls("Shooting At Calumet City House Party Leaves 1 Man Dead, 8 People Wounded")
    assert ("injured", 8.0, None) in got, got  # a title-case headline: the capitalized word is what it counts


def test_a_toll_including_the_attacker_is_one_more_than_the_victims_and_no_conflict():
    import datetime as dt

    from claims.crosscheck import compare_values
    from claims.model import Claim, Value

    def claim(doc, n, includes=()):
        return Claim(id=f"{doc}:c1", document=doc, sentence=0, start=0, end=10, text="x", kind="casualties",
                     value=Value(amount=n, low=n, high=n, unit="deaths"), language="en", includes=list(includes))

    pub = {"a": dt.date(2024, 6, 15), "b": dt.date(2024, 6, 15)}
    v = compare_values(claim("a", 7, ["perpetrator"]), claim("b", 6), pub)
    assert v[0] == "compatible" and "attacker" in v[2], v
    assert compare_values(claim("a", 8, ["perpetrator"]), claim("b", 6), pub)[0] == "conflict"  # two more: no
    assert compare_values(claim("a", 7), claim("b", 6), pub)[0] == "conflict"  # neither says so: no
    # extraction: "including the shooter" (ClearNLP parse), "dont le tireur" (UD), "and then himself"
    for text, lang in [("Seven people, including the shooter, were killed in the incident.", "en"),
                       ("Sept personnes, dont le tireur, ont été tuées dimanche.", "fr")]:
        r = check([TextInput(text=text, id="a", language=lang, published="2024-06-25")], nli="none")
        assert any(c.value.amount == 7.0 and c.includes == ["perpetrator"] for c in r.claims if c.value), (text, r.claims)
    r = check([TextInput(text="Seven people, including two children, were killed.", id="a", language="en", published="2024-06-25")], nli="none")
    assert not any(c.includes for c in r.claims)
