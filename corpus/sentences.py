"""Split clause text into sentences and list items, keeping offsets so quotes stay exact substrings."""
from __future__ import annotations

import re
from dataclasses import dataclass

TERMINATORS = "。；！？!?;"
# Closers that belong to the sentence they follow ("。”", "。）").
_TRAILING = "”’」』）)】"
_OPENERS, _CLOSERS = "“《（(「『【", "”》）)」』】"
# A bare list marker such as "（1）", "1.", "一、": joined to what follows rather than quoted alone.
_BARE_MARKER = re.compile(r"^(?:[（(][0-9一二三四五六七八九十]{1,3}[）)]|[0-9一二三四五六七八九十]{1,3}[、.．])$")
# An inline list item "（2）" after "：" or "；" starts a new unit.
_INLINE_ITEM = re.compile(r"(?<=[：:；;])\s*[（(][0-9]{1,2}[）)]")
_SOFT_TAIL = "；;，,、：:"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str  # == clause_text[start:end]

    def quote(self) -> str:
        """The text to quote: without a trailing comma-like mark (still an exact substring)."""
        return self.text.rstrip(_SOFT_TAIL) or self.text


def split_sentences(text: str) -> list[Sentence]:
    """Sentences and list items of a clause text; each one's text is text[start:end]."""
    cuts = _cut_points(text)
    pieces: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:]):
        a, b = _strip(text, a, b)
        if a < b:
            pieces.append((a, b))
    merged: list[tuple[int, int]] = []
    carry: int | None = None
    for a, b in pieces:
        if carry is not None:
            a, carry = carry, None
        if _BARE_MARKER.match(text[a:b]):
            carry = a
            continue
        merged.append((a, b))
    if carry is not None:
        merged.append((carry, pieces[-1][1]))
    return [Sentence(a, b, text[a:b]) for a, b in merged]


def _cut_points(text: str) -> list[int]:
    cuts = {0, len(text)}
    depth = 0
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            depth = 0  # a damaged bracket never swallows more than its paragraph
            cuts.update((i, i + 1))
        elif ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif ch in TERMINATORS and depth == 0:
            j = i + 1
            while j < n and text[j] in _TRAILING:
                j += 1
            cuts.add(j)
            i = j
            continue
        i += 1
    cuts.update(m.start() + len(m.group(0)) - len(m.group(0).lstrip()) for m in _INLINE_ITEM.finditer(text))
    return sorted(cuts)


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
