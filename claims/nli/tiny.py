"""Build a tiny random-weight NLI checkpoint (for tests and benchmarks of the NLI plumbing).

The model is a 2-layer DeBERTa-v2 (or XLM-R) with hidden size 32 and a SentencePiece unigram
tokenizer trained on the given texts. Its predictions are meaningless (near chance); it exists
to exercise exactly the loading / encoding / caching code paths real checkpoints take.

    python -m claims.nli.tiny OUT_DIR [TEXT_FILE ...]
"""
from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Iterable, Mapping

DEFAULT_ID2LABEL = {0: "CONTRADICTION", 1: "entailment", 2: "Neutral"}

_EXTRA_EN = [
    "The company invested ten billion dollars in the startup last year.",
    "Shares fell sharply after the announcement of the acquisition.",
    "The regulator opened an investigation into the partnership.",
    "At least twelve people were killed and forty injured in the attack.",
    "The firm was founded in 2015 and is now valued at 80 billion dollars.",
    "Revenue rose by 12 percent to 3.4 billion euros in the third quarter.",
]


def build_tiny_nli_model(
    out_dir: str | Path,
    texts: Iterable[str],
    *,
    arch: str = "deberta-v2",
    id2label: Mapping[int, str] | None = None,
    vocab_size: int = 800,
    max_length: int = 128,
    seed: int = 0,
    init_range: float = 0.3,
) -> Path:
    """Train a SentencePiece tokenizer on ``texts`` and save a random tiny NLI model into ``out_dir``.

    ``init_range`` is the std of the random weights: large enough that outputs differ clearly
    from pair to pair (and between labels), which the tests of label mapping rely on.
    """
    import sentencepiece as spm
    import torch

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    lines = [ln.strip() for t in texts for ln in str(t).splitlines() if ln.strip()] + _EXTRA_EN
    id2label = {int(k): str(v) for k, v in (id2label or DEFAULT_ID2LABEL).items()}
    if arch == "deberta-v2":
        specials = dict(pad_piece="[PAD]", unk_piece="[UNK]", bos_piece="[CLS]", eos_piece="[SEP]", mask="[MASK]")
    elif arch == "xlm-roberta":
        specials = dict(pad_piece="<pad>", unk_piece="<unk>", bos_piece="<s>", eos_piece="</s>", mask="<mask>")
    else:
        raise ValueError(f"unknown arch {arch!r} (deberta-v2 or xlm-roberta)")
    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines), model_writer=buf, vocab_size=vocab_size, model_type="unigram",
        pad_id=0, unk_id=1, bos_id=2, eos_id=3, pad_piece=specials["pad_piece"], unk_piece=specials["unk_piece"],
        bos_piece=specials["bos_piece"], eos_piece=specials["eos_piece"], user_defined_symbols=[specials["mask"]],
        hard_vocab_limit=False, character_coverage=1.0, num_threads=1, minloglevel=2,
    )
    sp = spm.SentencePieceProcessor(model_proto=buf.getvalue())
    special_ids = {0, 1, 2, 3, sp.piece_to_id(specials["mask"])}
    vocab = [(sp.id_to_piece(i), 0.0 if i in special_ids else float(sp.get_score(i))) for i in range(sp.get_piece_size())]
    (out / "spm.model").write_bytes(buf.getvalue())
    label2id = {v: k for k, v in id2label.items()}
    torch.manual_seed(seed)
    common = dict(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                  intermediate_size=64, num_labels=len(id2label), id2label=id2label, label2id=label2id,
                  pad_token_id=0, hidden_dropout_prob=0.1, attention_probs_dropout_prob=0.1,
                  initializer_range=init_range)
    if arch == "deberta-v2":
        from transformers import DebertaV2Config, DebertaV2ForSequenceClassification, DebertaV2Tokenizer

        tok = DebertaV2Tokenizer(vocab=vocab, unk_id=1, model_max_length=max_length)
        cfg = DebertaV2Config(max_position_embeddings=max_length, relative_attention=True, position_buckets=32,
                              pos_att_type=["p2c", "c2p"], position_biased_input=False, type_vocab_size=0, **common)
        model = DebertaV2ForSequenceClassification(cfg)
    else:
        from transformers import XLMRobertaConfig, XLMRobertaForSequenceClassification, XLMRobertaTokenizer

        # XLM-R ids: <s>=0 <pad>=1 </s>=2 <unk>=3; reorder the SentencePiece vocab accordingly
        order = [2, 0, 3, 1] + list(range(4, len(vocab)))
        vocab = [vocab[i] for i in order]
        tok = XLMRobertaTokenizer(vocab=vocab, model_max_length=max_length)
        common["pad_token_id"] = 1
        cfg = XLMRobertaConfig(max_position_embeddings=max_length + 2, type_vocab_size=1,
                               bos_token_id=0, eos_token_id=2, **common)
        model = XLMRobertaForSequenceClassification(cfg)
    from .transformers_backend import _quiet_transformers

    with _quiet_transformers():
        model.save_pretrained(str(out))
        tok.save_pretrained(str(out))
    return out


def main(argv: list[str] | None = None) -> int:  # pragma: no cover - convenience CLI
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    out, files = args[0], args[1:]
    if not files:
        seeds = Path(__file__).resolve().parents[2] / "seeds"
        files = [str(p) for p in sorted(seeds.glob("*.txt"))]
    texts = [Path(f).read_text(encoding="utf-8") for f in files]
    print(build_tiny_nli_model(out, texts))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
