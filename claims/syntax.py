"""Syntax: a light, typed copy of a spaCy dependency parse (one per sentence).

The claims stage reads parses through this type only, so it never depends on spaCy objects
(and a sentence without a parse is simply ``None``). Offsets are document offsets.

Dependency labels differ between pipelines (English ClearNLP labels, French Universal
Dependencies); ``Token.rel`` maps them onto one small set used by the frame rules:
subj, obj, obl (an oblique or prepositional object), nmod, mod (adjectival/adverbial), num,
conj, cc, case (a preposition or case marker), clause (a relative / adverbial / complement
clause), appos, comp (an adjectival complement: "found dead", "left three dead"), neg, other.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Optional

# Penn Treebank tags (English pipeline without its attribute ruler) -> universal POS
_PTB = {
    "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "CD": "NUM", "VB": "VERB", "VBD": "VERB", "VBG": "VERB",
    "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "MD": "AUX", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "RB": "ADV", "RBR": "ADV",
    "RBS": "ADV", "IN": "ADP", "TO": "PART", "DT": "DET", "PDT": "DET", "PRP": "PRON", "PRP$": "PRON", "WP": "PRON", "WDT": "PRON",
    "CC": "CCONJ", "RP": "ADP", "EX": "PRON", "UH": "INTJ", "POS": "PART", "WRB": "ADV",
}

_REL = {
    # English (ClearNLP)
    "nsubj": "subj", "nsubjpass": "subj", "csubj": "subj", "expl": "other", "agent": "obl",
    "dobj": "obj", "obj": "obj", "iobj": "obj", "attr": "obj", "oprd": "comp", "acomp": "comp", "xcomp": "comp",
    "pobj": "pobj", "prep": "case", "dative": "obj",
    "nummod": "num", "quantmod": "mod", "amod": "mod", "advmod": "mod", "npadvmod": "tmod", "tmod": "tmod", "nmod": "nmod",
    "compound": "mod", "poss": "nmod",
    "conj": "conj", "cc": "cc", "appos": "appos", "neg": "neg",
    "relcl": "clause", "acl": "clause", "advcl": "clause", "ccomp": "clause", "pcomp": "clause", "parataxis": "clause",
    # French (Universal Dependencies)
    "nsubj:pass": "subj", "csubj:pass": "subj", "obl": "obl", "obl:arg": "obl", "obl:agent": "obl", "obl:mod": "obl",
    "case": "case", "fixed": "other", "acl:relcl": "clause", "xcomp:pred": "comp",
}


@dataclass
class Token:
    i: int
    start: int
    end: int
    text: str
    pos: str
    dep: str
    head: int
    plural: bool = False  # the parser's morphology says plural (Number=Plur, or an NNS tag)

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def rel(self) -> str:
        return _REL.get(self.dep, "other" if self.dep != "ROOT" else "root")


@dataclass
class Parse:
    tokens: list[Token]
    children: list[list[int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.children:
            self.children = [[] for _ in self.tokens]
            for t in self.tokens:
                if t.head != t.i:
                    self.children[t.head].append(t.i)

    def head(self, t: Token) -> Optional[Token]:
        return None if t.head == t.i else self.tokens[t.head]

    def kids(self, t: Token, *rels: str) -> list[Token]:
        out = [self.tokens[i] for i in self.children[t.i]]
        return [k for k in out if k.rel in rels] if rels else out

    def ancestors(self, t: Token) -> Iterator[Token]:
        seen = 0
        while t.head != t.i and seen < len(self.tokens):
            t = self.tokens[t.head]
            seen += 1
            yield t

    def tokens_in(self, start: int, end: int) -> list[Token]:
        return [t for t in self.tokens if t.start < end and t.end > start]

    def root_of(self, start: int, end: int) -> Optional[Token]:
        """The token of [start, end) whose head lies outside it (the span's syntactic head)."""
        toks = self.tokens_in(start, end)
        inside = {t.i for t in toks}
        for t in toks:
            if t.head == t.i or t.head not in inside:
                return t
        return toks[-1] if toks else None


def from_spacy(sdoc, offset: int) -> Optional[Parse]:
    """A Parse of a spaCy Doc whose text starts at document offset ``offset``; None when the
    pipeline has no dependency parser."""
    if not sdoc.has_annotation("DEP"):
        return None
    toks = []
    for t in sdoc:
        pos = t.pos_ or _PTB.get(t.tag_, "X")
        plural = "Plur" in t.morph.get("Number") or t.tag_ in ("NNS", "NNPS")
        toks.append(Token(t.i, offset + t.idx, offset + t.idx + len(t.text), t.text, pos, t.dep_, t.head.i, plural))
    return Parse(toks)
