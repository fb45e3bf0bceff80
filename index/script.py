"""Queries typed in traditional characters, read as simplified: the gazettes, and so the index, print simplified."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional characters to simplified (OpenCC t2s); simplified text passes through unchanged."""
    return _converter().convert(text) if text else text
