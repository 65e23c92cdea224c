"""NLI backend for any Hugging Face sequence-classification NLI checkpoint (hub id or local folder).

Documented defaults: ``MoritzLaurer/mDeBERTa-v3-base-xnli-multilingual-nli-2mil7`` (quality) and
``MoritzLaurer/multilingual-MiniLMv2-L6-mnli-xnli`` (speed). Label order comes from the
checkpoint's ``config.id2label`` (see :func:`claims.nli.base.label_columns`).

Inputs are encoded as (premise, hypothesis); when the pair is longer than the model allows, the
premise is cut first and the hypothesis is kept whole; only when the hypothesis alone does not fit
next to the first ``PREMISE_FLOOR`` premise tokens is the hypothesis cut too. Pairs are batched by
length (original order restored), run under ``torch.inference_mode`` in eval mode, optionally
with int8 dynamic quantisation of the ``nn.Linear`` layers.
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import socket
import warnings
from pathlib import Path
from typing import Iterator, Mapping, Sequence
from urllib.parse import urlparse

import numpy as np

from .base import NLIUnavailable, label_columns, reorder_probs
from ..errors import ClaimsError

log = logging.getLogger("claims.nli")

PREMISE_FLOOR = 16  # premise tokens kept before the hypothesis is cut
CALIBRATION_FILE = "claims_nli.json"
_HUB_PATTERNS = ["*.json", "*.model", "*.txt", "*.safetensors"]
_SKIP_DIRS = {"onnx", "openvino", ".git", ".cache"}


def hub_hint(repo_id: str, why: str) -> str:
    """The one-line message shown when a hub model cannot be fetched."""
    return (
        f"NLI model {repo_id!r} is not available ({why}); download it where there is network and point "
        "claims at the local model folder with --nli /path/to/folder or CLAIMS_NLI=/path/to/folder"
    )


def _hub_offline() -> bool:
    val = os.environ.get("HF_HUB_OFFLINE", "") or os.environ.get("TRANSFORMERS_OFFLINE", "")
    if val.strip().lower() in {"1", "true", "yes", "on"}:
        return True
    try:
        from huggingface_hub import constants

        return bool(constants.HF_HUB_OFFLINE)
    except Exception:  # pragma: no cover - very old huggingface_hub
        return False


def hub_reachable(timeout: float = 3.0) -> bool:
    """Quick TCP check of the hub endpoint (skipped when a proxy is configured)."""
    if any(os.environ.get(v) for v in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy")):
        return True
    try:
        from huggingface_hub import constants

        endpoint = constants.ENDPOINT
    except Exception:  # pragma: no cover
        endpoint = "https://huggingface.co"
    url = urlparse(endpoint)
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        with socket.create_connection((url.hostname or "huggingface.co", port), timeout=timeout):
            return True
    except OSError:
        return False


def resolve_hub_model(repo_id: str) -> Path:
    """Local snapshot folder of a hub model: the HF cache first, then a download if reachable.

    Raises :class:`NLIUnavailable` with :func:`hub_hint`'s message when neither works.
    """
    try:
        from huggingface_hub import snapshot_download
    except ImportError:  # pragma: no cover
        raise NLIUnavailable(hub_hint(repo_id, "huggingface_hub is not installed")) from None
    with _quiet_hub():
        try:
            folder = Path(snapshot_download(repo_id, local_files_only=True))
            if (folder / "config.json").is_file() and _weight_files(folder):
                return folder
        except Exception:
            pass
        if _hub_offline():
            raise NLIUnavailable(hub_hint(repo_id, "not in the local Hugging Face cache and HF_HUB_OFFLINE is set"))
        if not hub_reachable():
            raise NLIUnavailable(hub_hint(repo_id, "not in the local Hugging Face cache and the hub cannot be reached"))
        try:
            folder = Path(snapshot_download(repo_id, allow_patterns=_HUB_PATTERNS, etag_timeout=10))
            if not _weight_files(folder):
                folder = Path(snapshot_download(repo_id, allow_patterns=_HUB_PATTERNS + ["*.bin"], etag_timeout=10))
        except Exception as exc:
            raise NLIUnavailable(hub_hint(repo_id, f"download failed: {type(exc).__name__}")) from None
    if not (folder / "config.json").is_file() or not _weight_files(folder):
        raise NLIUnavailable(hub_hint(repo_id, "the hub repository has no model weights"))
    return folder


@contextlib.contextmanager
def _quiet_hub() -> Iterator[None]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


@contextlib.contextmanager
def _quiet_transformers() -> Iterator[None]:
    """Silence transformers' info logs, progress bars and deprecation warnings while loading."""
    import transformers

    tlog = transformers.utils.logging
    level = tlog.get_verbosity()
    bars = tlog.is_progress_bar_enabled()
    tlog.set_verbosity_error()
    tlog.disable_progress_bar()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        tlog.set_verbosity(level)
        if bars:
            tlog.enable_progress_bar()


def _weight_files(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.iterdir() if p.is_file() and (p.suffix == ".safetensors" or p.name.endswith(".bin"))
    )


def _fingerprint_files(folder: Path) -> list[Path]:
    out = []
    for p in sorted(folder.iterdir()):
        if not p.is_file() or p.name == CALIBRATION_FILE or p.name.startswith("."):
            continue
        if p.suffix in {".json", ".model", ".txt", ".safetensors", ".bin"} and p.name.lower() not in {"readme.md"}:
            out.append(p)
    return out


def folder_fingerprint(folder: Path, extra: str = "") -> str:
    """Stable id of a model folder: content hash of small files; size + head/tail hash of large ones."""
    h = hashlib.sha256()
    for p in _fingerprint_files(folder):
        real = p.resolve()
        size = real.stat().st_size
        h.update(f"{p.name}\0{size}\0".encode())
        with open(real, "rb") as fh:
            if size <= 4 << 20:
                h.update(fh.read())
            else:
                h.update(fh.read(1 << 20))
                fh.seek(size - (1 << 20))
                h.update(fh.read(1 << 20))
    h.update(extra.encode())
    return h.hexdigest()[:24]


class TransformersBackend:
    """A Hugging Face sequence-classification NLI model."""

    def __init__(
        self,
        folder: str | Path,
        *,
        model_id: str | None = None,
        threads: int | None = None,
        quantize: bool = False,
        batch_size: int = 16,
        max_length: int | None = None,
        device: str | None = None,
        label_map: Mapping[str | int, str] | None = None,
        local: bool = True,
    ) -> None:
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        self.path = Path(folder).expanduser().resolve()
        if not self.path.is_dir():
            raise ClaimsError(f"NLI model folder not found: {folder}")
        if not (self.path / "config.json").is_file():
            raise ClaimsError(f"{folder} is not a Hugging Face model folder (no config.json)")
        self.model_id = model_id or str(self.path)
        self.local = local  # a user folder (calibration may be written next to it), not a hub cache snapshot
        self.threads = threads
        if threads:
            torch.set_num_threads(int(threads))
        torch.manual_seed(0)
        try:
            with _quiet_transformers():
                self.tokenizer = AutoTokenizer.from_pretrained(str(self.path))
                model = AutoModelForSequenceClassification.from_pretrained(str(self.path))
        except ClaimsError:
            raise
        except Exception as exc:
            msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ClaimsError(f"cannot load NLI model from {folder}: {msg[:300]}") from None
        self.columns, self.two_class = label_columns(model.config.id2label, label_map)
        if self.two_class:
            log.info("claims: %s is a 2-class NLI model: not_entailment is reported as neutral", self.model_id)
        model.eval()
        if device is None:
            device = "cuda" if torch.cuda.is_available() and not quantize else "cpu"
        self.quantized = False
        if quantize:
            if device != "cpu":
                raise ClaimsError("int8 quantisation (nli.quantize) runs on the CPU only")
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    from torch.ao.quantization import quantize_dynamic

                    model = quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
                self.quantized = True
            except Exception as exc:  # pragma: no cover - depends on the torch build
                raise ClaimsError(f"int8 quantisation is not available in this torch build: {exc}") from None
        self.device = device
        self.model = model.to(device)
        self.batch_size = max(1, int(batch_size))
        self.max_length = self._max_length(max_length)
        self.n_special = self.tokenizer.num_special_tokens_to_add(pair=True)
        self._use_types = "token_type_ids" in getattr(self.tokenizer, "model_input_names", [])
        self._fast = None
        backend = getattr(self.tokenizer, "backend_tokenizer", None)
        if backend is not None:
            from tokenizers import Tokenizer

            fast = Tokenizer.from_str(backend.to_str())
            fast.no_truncation()
            fast.no_padding()
            self._fast = fast
        self.encoding_mode = "fast" if self._fast is not None else (
            "python" if hasattr(self.tokenizer, "build_inputs_with_special_tokens") else "generic")
        if self.encoding_mode != "generic" and not self._encoding_agrees():
            self.encoding_mode = "generic"  # our id-level assembly differs from the tokenizer's own: use it
        self.pad_id = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else 0
        self.calls = 0  # number of predict() calls that ran the model
        self.pairs_run = 0
        settings = f"q={self.quantized};L={self.max_length};cols={self.columns}"
        self.fingerprint = folder_fingerprint(self.path, settings)
        self.name = "transformers"

    # -- construction helpers -------------------------------------------------
    @classmethod
    def from_spec(cls, spec: str, **kwargs: object) -> "TransformersBackend":
        """Load from a local folder path or a hub id (raises NLIUnavailable if the hub id cannot be had)."""
        from .config import is_local_spec

        if is_local_spec(spec):
            folder = Path(spec).expanduser()
            if not folder.is_dir():
                raise ClaimsError(f"NLI model folder not found: {spec}")
            return cls(folder, model_id=str(folder.resolve()), local=True, **kwargs)  # type: ignore[arg-type]
        folder = resolve_hub_model(spec)
        return cls(folder, model_id=spec, local=False, **kwargs)  # type: ignore[arg-type]

    def _max_length(self, requested: int | None) -> int:
        cfg = self.model.config
        limits = [512]
        tml = getattr(self.tokenizer, "model_max_length", None)
        if isinstance(tml, int) and 0 < tml < 100_000:
            limits.append(tml)
        mpe = getattr(cfg, "max_position_embeddings", None)
        if isinstance(mpe, int) and mpe > 0:
            # XLM-R style models reserve padding_idx + 1 positions
            offset = (cfg.pad_token_id + 1) if getattr(cfg, "model_type", "") in {"xlm-roberta", "roberta", "camembert"} else 0
            limits.append(mpe - offset)
        if requested:
            limits.append(int(requested))
        return min(limits)

    # -- encoding ---------------------------------------------------------------
    def _budget(self, lp: int, lh: int) -> tuple[int, int]:
        """Token counts kept for (premise, hypothesis)."""
        budget = self.max_length - self.n_special
        if lp + lh <= budget:
            return lp, lh
        floor = min(lp, PREMISE_FLOOR)
        keep_h = min(lh, max(budget - floor, 1))
        keep_p = max(budget - keep_h, 0)
        return min(lp, keep_p), keep_h

    def _encoding_agrees(self) -> bool:
        """Does :meth:`encode` reproduce ``tokenizer(premise, hypothesis)`` on a short pair?"""
        probe = ("Le groupe a investi 10 millions d'euros en 2023.", "The company received money.")
        try:
            ref = self.tokenizer(*probe)
            ids, types = self.encode([probe])[0]
        except Exception:
            return False
        ref_types = ref.get("token_type_ids")
        return list(ref["input_ids"]) == ids and (ref_types is None or list(ref_types) == types)

    def _cut_text(self, text: str, keep: int) -> str:
        """The prefix of ``text`` that holds its first ``keep`` tokens."""
        tok = self.tokenizer
        if keep <= 0:
            return ""
        try:
            enc = tok(text, add_special_tokens=False, return_offsets_mapping=True)
            offsets = enc["offset_mapping"]
            if len(offsets) <= keep:
                return text
            return text[: offsets[keep - 1][1]]
        except (NotImplementedError, TypeError, ValueError, KeyError):
            return tok.convert_tokens_to_string(tok.tokenize(text)[:keep])

    def _encode_generic(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[list[int], list[int]]]:
        tok = self.tokenizer
        out = []
        for p, h in pairs:
            lp = len(tok(p, add_special_tokens=False)["input_ids"])
            lh = len(tok(h, add_special_tokens=False)["input_ids"])
            kp, kh = self._budget(lp, lh)
            if kh < lh:
                h = self._cut_text(h, kh)
            if kp < lp:
                p = self._cut_text(p, kp)
            try:
                enc = tok(p, h, truncation="only_first", max_length=self.max_length)
            except Exception:  # re-tokenised cut text can still be a token too long
                enc = tok(p, h, truncation="longest_first", max_length=self.max_length)
            ids = list(enc["input_ids"])
            types = list(enc.get("token_type_ids") or [0] * len(ids))
            out.append((ids, types))
        return out

    def encode(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[list[int], list[int]]]:
        """(input_ids, token_type_ids) for each pair, with special tokens, within ``max_length``."""
        out: list[tuple[list[int], list[int]]] = []
        mode = getattr(self, "encoding_mode", "fast" if self._fast is not None else "python")
        if mode == "generic":
            return self._encode_generic(pairs)
        if mode == "fast":
            fast = self._fast
            eps = fast.encode_batch([p for p, _ in pairs], add_special_tokens=False)
            ehs = fast.encode_batch([h for _, h in pairs], add_special_tokens=False)
            for ep, eh in zip(eps, ehs):
                kp, kh = self._budget(len(ep.ids), len(eh.ids))
                if kp < len(ep.ids):
                    if kp > 0:
                        ep.truncate(kp)
                    else:  # degenerate max_length: no room for the premise at all
                        ep = fast.encode("", add_special_tokens=False)
                if kh < len(eh.ids):
                    eh.truncate(kh)
                enc = fast.post_process(ep, eh, add_special_tokens=True)
                out.append((list(enc.ids), list(enc.type_ids)))
            return out
        tok = self.tokenizer
        for p, h in pairs:
            ip = tok.encode(p, add_special_tokens=False)
            ih = tok.encode(h, add_special_tokens=False)
            kp, kh = self._budget(len(ip), len(ih))
            ip, ih = ip[:kp], ih[:kh]
            ids = tok.build_inputs_with_special_tokens(ip, ih)
            types = tok.create_token_type_ids_from_sequences(ip, ih)
            out.append((list(ids), list(types)))
        return out

    # -- inference --------------------------------------------------------------
    def predict(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """(n, 3) probabilities (entailment, neutral, contradiction) for the pairs."""
        import torch

        pairs = [(str(p), str(h)) for p, h in pairs]
        n = len(pairs)
        if n == 0:
            return np.zeros((0, 3), dtype=np.float64)
        feats = self.encode(pairs)
        order = sorted(range(n), key=lambda i: len(feats[i][0]))
        k = int(self.model.config.num_labels)
        raw = np.zeros((n, k), dtype=np.float64)
        self.calls += 1
        self.pairs_run += n
        with torch.inference_mode():
            for start in range(0, n, self.batch_size):
                idx = order[start : start + self.batch_size]
                width = max(len(feats[i][0]) for i in idx)
                ids = torch.full((len(idx), width), self.pad_id, dtype=torch.long)
                types = torch.zeros((len(idx), width), dtype=torch.long)
                mask = torch.zeros((len(idx), width), dtype=torch.long)
                for row, i in enumerate(idx):
                    a, t = feats[i]
                    ids[row, : len(a)] = torch.tensor(a, dtype=torch.long)
                    types[row, : len(t)] = torch.tensor(t, dtype=torch.long)
                    mask[row, : len(a)] = 1
                inputs = {"input_ids": ids.to(self.device), "attention_mask": mask.to(self.device)}
                if self._use_types:
                    inputs["token_type_ids"] = types.to(self.device)
                logits = self.model(**inputs).logits
                probs = torch.softmax(logits.double(), dim=-1).cpu().numpy()
                raw[idx] = probs
        return reorder_probs(raw, self.columns)

    def __repr__(self) -> str:
        return f"TransformersBackend({self.model_id!r}, device={self.device!r}, quantized={self.quantized})"
