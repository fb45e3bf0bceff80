"""Sentence vectors made at index build: the texts the answer stage embeds for the sentences of top clauses.

Stored as two arrays in the index folder: 16-byte BLAKE2b digests of the embedded texts and their vectors,
row for row, so a question only needs the model for the question itself.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from corpus.sentences import split_sentences

KEYS, VECTORS = "sentence_keys.npy", "sentence_vectors.npy"


def unit_text(heading: str | None, sentence: str) -> str:
    """What is embedded for a sentence: its clause heading gives it context (the answer stage's format)."""
    return f"{heading}：{sentence}" if heading else sentence


def clause_units(records: Iterable) -> list[str]:
    """The distinct sentence texts of these clause records, in first-seen order."""
    return list(dict.fromkeys(unit_text(r.heading, s.text) for r in records for s in split_sentences(r.text)))


def digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class SentenceStore:
    """Vectors by text digest; `rows` finds them, a dict built on first use."""

    def __init__(self, keys: np.ndarray, vectors: np.ndarray):
        if keys.ndim != 2 or keys.shape[1] != 16 or len(keys) != len(vectors):
            raise ValueError("句向量的键与向量行数不符")
        self.keys = keys
        self.vectors = vectors
        self._index: dict[bytes, int] | None = None

    @classmethod
    def from_texts(cls, texts: list[str], vectors: np.ndarray) -> "SentenceStore":
        keys = np.frombuffer(b"".join(digest(t) for t in texts), dtype=np.uint8).reshape(len(texts), 16)
        return cls(keys, np.asarray(vectors, dtype=np.float32))

    @classmethod
    def load(cls, folder: Path) -> "SentenceStore | None":
        if not (folder / KEYS).is_file():
            return None
        return cls(np.load(folder / KEYS), np.load(folder / VECTORS))

    def save(self, folder: Path) -> None:
        np.save(folder / KEYS, self.keys)
        np.save(folder / VECTORS, self.vectors)

    def __len__(self) -> int:
        return len(self.keys)

    def rows(self, texts: list[str]) -> list[int | None]:
        if self._index is None:
            self._index = {k.tobytes(): i for i, k in enumerate(self.keys)}
        return [self._index.get(digest(t)) for t in texts]
