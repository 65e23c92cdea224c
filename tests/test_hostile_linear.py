"""Hostile inputs take linear time in the recognizers, the sentence splitter and ingest.

Each input is timed at n and 4n characters: linear work takes about 4 times as long, quadratic
work 16 times. The bound (x9) leaves room for a noisy shared machine; the inputs are the ones
that took minutes at 100 kB (`benchmarks/bench_hostile.py` measures 25 to 100 kB).
"""
from __future__ import annotations

import gc
import time

import pytest

from claims.ingest import TextInput, load_documents
from claims.model import Document
from claims.recognize import find_mentions
from claims.sentences import MAX_SENTENCE, sentence_spans, split_sentences

PROSE = "Selon M. Dupont, Microsoft a investi plus de 10 milliards de dollars dans OpenAI en janvier 2023, après 1 milliard en 2019. "


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


HOSTILE = {
    "abbrev": lambda n: _repeat("M. ", n),  # the splitter looked back from the start for each period
    "digits": lambda n: "1" * n,  # the phone/version patterns restarted inside the run of digits
    "dashes": lambda n: _repeat("1-", n),  # the qualifier search before each figure
    "number_words": lambda n: _repeat("un ", n),  # the number-word parser rescanned the run
    "range_words": lambda n: _repeat("1 à ", n),
    "long_line": lambda n: _repeat(PROSE, n),  # no newline at all
}


def _best(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def _growth(fn_of_text, make, n: int = 6000) -> tuple[float, float]:
    small, big = make(n), make(4 * n)
    fn_of_text(small)  # warm up (compiled patterns, caches)
    return _best(lambda: fn_of_text(small)), _best(lambda: fn_of_text(big))


def _assert_linear(name: str, t_small: float, t_big: float) -> None:
    # below a few milliseconds the ratio is noise; above, 4x the input must not cost 16x
    assert t_big < 0.05 or t_big / max(t_small, 1e-3) < 9, f"{name}: {t_small:.3f} s -> {t_big:.3f} s for 4x the input"


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_recognizers_are_linear(name):
    _assert_linear(name, *_growth(find_mentions, HOSTILE[name]))


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_sentence_splitter_is_linear(name):
    def split(text: str) -> None:
        split_sentences(Document(id="d", text=text))

    _assert_linear(name, *_growth(split, HOSTILE[name], n=20000))


@pytest.mark.parametrize("name", ["abbrev", "digits", "dashes", "long_line"])
def test_ingest_is_linear(name):
    def ingest(text: str) -> None:
        load_documents([TextInput(text=text)])

    _assert_linear(name, *_growth(ingest, HOSTILE[name], n=20000))


def test_a_long_line_becomes_sentences_of_bounded_length():
    text = _repeat(PROSE.replace(". ", ", "), 200_000)
    spans = sentence_spans(text)
    assert len(spans) >= 200_000 // MAX_SENTENCE
    assert all(b - a <= MAX_SENTENCE for a, b in spans)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))
    # cut at a comma, not inside a figure: the pieces still hold whole amounts
    assert all(text[b - 1] == "," for _, b in spans[:-1])


def test_no_space_at_all_is_cut_at_the_limit():
    spans = sentence_spans("1" * 10_000)
    assert [b - a for a, b in spans] == [MAX_SENTENCE] * 6 + [10_000 - 6 * MAX_SENTENCE]


def test_mentions_of_hostile_inputs_stay_inside_the_text():
    for make in HOSTILE.values():
        text = make(3000)
        for m in find_mentions(text):
            assert 0 <= m.start < m.end <= len(text) and m.text == text[m.start:m.end]


@pytest.mark.parametrize("unit", ["accident à 3 h 15 ", "collided shortly after 8.15am ", "1:", "vers "])
def test_times_of_day_are_linear(unit):
    from claims.recognize.clock import find_times, incident_time

    def times(text: str) -> None:
        for t in find_times(text, "fr" if "à" in unit or "vers" in unit else "en"):
            incident_time(text, "fr", 0, len(text), t)

    _assert_linear(unit, *_growth(times, lambda n: _repeat(unit, n), n=20000))
