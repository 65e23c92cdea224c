"""Property-based fuzzing (hypothesis) of the recognizers, the sentence splitter and ingest, on
random text and on adversarial text (hostile tokens repeated thousands of times): no exception,
offsets inside the text, values finite and plausible, and a bounded time per character."""
from __future__ import annotations

import time

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is not installed (pip install -e '.[test]')")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from claims.errors import InputError  # noqa: E402
from claims.ingest import TextInput, load_documents  # noqa: E402
from claims.ingest.decode import decode_bytes  # noqa: E402
from claims.model import Document  # noqa: E402
from claims.recognize import find_mentions  # noqa: E402
from claims.recognize.numbers import plausible  # noqa: E402
from claims.sentences import MAX_SENTENCE, split_sentences  # noqa: E402

#: Seconds allowed: a fixed part plus a part per character. Linear stages use a few
#: microseconds a character (bench_hostile.py: about 5e-5 s for the worst input at 100 kB);
#: quadratic ones blow through this at a few thousand characters.
BASE_S, PER_CHAR_S = 1.0, 1.5e-4

HOSTILE_TOKENS = [
    "M.", " ", "  ", "\n", "\n\n", "1", "12", "1 000", "1,5", "1.5", "-", "–", "+", "/", ".", ",", ";", ":", "…", "...",
    "«", "»", "\"", "'", "’", "(", ")", "[", "]", "%", "€", "$", "£", "e", "E", "^", "~", "≈", "<", ">", "#", "*", "•",
    "milliards", "millions", "mille", "cent", "un", "deux", "vingt", "et", "de", "d'", "plus de", "environ", "entre",
    "à", "jusqu'à", "janvier", "2019", "2023", "en", "le", "1er", "14h30", "+33", "06", "v1.2", "http://", "www.",
    "@", "a", "A", "Dupont", "U.S.", "J.-C.", "Inc.", "dollars", "euros", "personnes", "ans", "l'an dernier", "\t",
    "\u00a0", "\u202f", "é", "É", "ß", "ı", "İ", "\u0301", "\ufeff", "\u2028", "🙂", "\x00", "\r", "\r\n",
]

ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=600)
def _repeated(parts: list[str], size: int) -> str:
    unit = "".join(parts)
    return (unit * (size // len(unit) + 1))[:size]


#: A few hostile tokens repeated up to 2,000-12,000 characters: where a rescan shows.
HOSTILE_TEXT = st.builds(
    _repeated,
    st.lists(st.sampled_from(HOSTILE_TOKENS), min_size=1, max_size=8),
    st.sampled_from([2_000, 5_000, 12_000]),
)
TEXTS = st.one_of(ANY_TEXT, HOSTILE_TEXT, st.lists(st.sampled_from(HOSTILE_TOKENS), max_size=200).map("".join))
FUZZ = settings(max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module", autouse=True)
def _warm_up():
    """Load the language detector and compile the patterns once: not part of any input's time."""
    for lang in ("fr", "en", "es", "de", "it", "pt", "nl"):
        find_mentions("Le 12 janvier 2024, plus de 10 milliards de dollars, environ 3 %, vingt et un.", lang)
    load_documents([TextInput(text="Le 12 janvier 2024, M. Dupont a dit que Microsoft a investi 10 milliards.")])
    load_documents([TextInput(text="In 2023, Microsoft invested $10 billion in OpenAI, the company said.")])


def _timed(fn, text: str):
    t = time.perf_counter()
    out = fn()
    elapsed = time.perf_counter() - t
    assert elapsed < BASE_S + PER_CHAR_S * len(text), f"{elapsed:.2f} s for {len(text)} characters: {text[:60]!r}"
    return out


@FUZZ
@given(text=TEXTS, lang=st.sampled_from(["fr", "en", "es", "de", "it", "pt", "nl"]))
def test_recognizers(text, lang):
    mentions = _timed(lambda: find_mentions(text, lang), text)
    last_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text) and m.text == text[m.start:m.end]
        assert m.start >= last_end  # sorted, never overlapping
        last_end = m.end
        if m.value is not None:
            for x in (m.value.amount, m.value.low, m.value.high):
                assert plausible(x), (m.text, m.value)


@FUZZ
@given(text=TEXTS)
def test_sentence_splitter(text):
    doc = Document(id="d", text=text)
    sentences = _timed(lambda: split_sentences(doc), text)
    prev = 0
    for i, s in enumerate(sentences):
        assert s.index == i and 0 <= s.start < s.end <= len(text) and s.start >= prev
        assert s.text == text[s.start:s.end] and s.end - s.start <= MAX_SENTENCE
        prev = s.end


@FUZZ
@given(text=TEXTS)
def test_ingest_of_texts(text):
    try:
        docs = _timed(lambda: load_documents([TextInput(text=text)]), text)
    except InputError:
        return  # empty, or only boilerplate: a clear error
    for d in docs:
        for span in [*d.kept, *d.removed]:
            assert 0 <= span.start <= span.end <= len(d.text)


@FUZZ
@given(data=st.one_of(st.binary(max_size=3000), HOSTILE_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
                      st.tuples(TEXTS, st.sampled_from(["utf-8", "cp1252", "utf-16-le", "utf-32-be", "latin-1"])).map(
                          lambda te: te[0].encode(te[1], errors="ignore"))))
def test_ingest_of_bytes(tmp_path_factory, data):
    try:
        text = _timed(lambda: decode_bytes(data, "fuzz"), data.decode("latin-1"))
    except InputError:
        return  # binary: a one-line error
    assert isinstance(text, str) and "\r" not in text
    path = tmp_path_factory.mktemp("fuzz") / "a.txt"
    path.write_bytes(data)
    try:
        docs = _timed(lambda: load_documents([path]), text)
    except InputError:
        return
    assert [d.text for d in docs] == [text]  # a .txt file is its decoded text, offsets and all
