"""Whether an index's text holds a string, without scanning the whole text for each question.

Searcher.mentions answers "does the indexed text (titles, headings, clause texts) contain this term?" and, for a
two-character term, "…or its two characters with up to `gap` others between them?" (基建 in 基本建设). On a
national-statute index (~75k clauses, ~10M characters) a scan of the joined text takes milliseconds a term and the
gap regex tens of them, for every question. MentionIndex answers the same questions from structures built once per
index: the text's alphabet, for each character bigram the fields (title, heading or text of a clause) that hold it,
and, per gap, the character pairs that stand that far apart within one field. A longer term is checked only in the
fields that hold all of its bigrams. The answers are exactly those of the scans (`scan_mentions`), which remain for
terms holding the field separator and for unusual gaps.
"""
from __future__ import annotations

import re
import threading

import numpy as np

SEP = "\x00"  # between fields in the joined text
_MAX_GAP = 8  # larger gaps are scanned (each gap's pair table costs a pass over the text)
_FEW = 64  # candidate fields few enough to check by substring rather than narrow further


def joined_text(records) -> str:
    """Title, heading and text of every clause, separated by SEP (what mentions searches)."""
    return SEP.join(f"{r.title}{SEP}{r.heading or ''}{SEP}{r.text}" for r in records)


def scan_mentions(text: str, terms: list[str], gap: int = 0) -> list[bool]:
    """The reference: substring scans and a regex over the joined text (slow on a large index)."""
    found = []
    for t in terms:
        hit = bool(t) and t in text
        if not hit and gap and len(t) == 2:
            hit = re.search(f"{re.escape(t[0])}[^{SEP}]{{1,{gap}}}{re.escape(t[1])}", text) is not None
        found.append(hit)
    return found


class MentionIndex:
    """Character-bigram postings over the fields of a joined text; mentions() answers as scan_mentions does."""

    def __init__(self, text: str):
        self._fields = text.split(SEP)
        self._text: str | None = None  # the joined text is kept only once a scan needs it (memory on large indexes)
        self._lock = threading.Lock()
        self._apart_tables: dict[int, np.ndarray] = {}
        codes = _codes(text)
        self._alphabet = np.flatnonzero(np.bincount(codes)) if len(codes) else np.zeros(0, np.int64)
        self._size = max(len(self._alphabet), 1)
        self._rank = {chr(c): i for i, c in enumerate(self._alphabet.tolist())}
        key_bits = (self._size - 1).bit_length() * 2
        self._field_bits = max((len(self._fields) - 1).bit_length(), 1)
        self._keys = None  # None: answer by scanning (a key and a field number do not fit in 64 bits)
        if key_bits + self._field_bits > 64:
            return
        ranks, sep, field = self._arrays(codes)
        del codes
        inside = ~sep[:-1] & ~sep[1:]  # bigrams within one field
        pairs = ranks[:-1][inside].astype(np.uint64)
        pairs *= np.uint64(self._size)
        pairs += ranks[1:][inside]
        pairs <<= np.uint64(self._field_bits)
        pairs |= field[:-1][inside].astype(np.uint64)
        del ranks, sep, field, inside
        pairs = _unique(pairs)  # (bigram, field), sorted by bigram, then field
        bigrams = pairs >> np.uint64(self._field_bits)
        first = np.flatnonzero(np.r_[True, bigrams[1:] != bigrams[:-1]]) if len(bigrams) else np.zeros(0, np.int64)
        self._keys = bigrams[first]
        self._starts = np.r_[first, len(bigrams)].astype(np.int64)
        self._postings = (pairs & np.uint64((1 << self._field_bits) - 1)).astype(np.int32)

    def _arrays(self, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each character's rank in the alphabet, whether it is a separator, and the number of its field."""
        lookup = np.zeros(int(codes.max()) + 1 if len(codes) else 1, dtype=np.uint32)
        lookup[self._alphabet] = np.arange(len(self._alphabet), dtype=np.uint32)
        sep = codes == 0
        return lookup[codes], sep, np.cumsum(sep, dtype=np.int32)  # a separator opens the next field

    def mentions(self, terms: list[str], gap: int = 0) -> list[bool]:
        found = []
        for t in terms:
            odd_gap = gap and len(t) == 2 and not (isinstance(gap, int) and 0 < gap <= _MAX_GAP)
            if self._keys is None or SEP in t or odd_gap:
                found += scan_mentions(self._joined(), [t], gap)
                continue
            hit = bool(t) and self._holds(t)
            if not hit and gap and len(t) == 2:
                hit = self._apart(t, gap)
            found.append(hit)
        return found

    def _joined(self) -> str:
        """The joined text, rebuilt once when first needed (a scan or a gap table), not per term."""
        if self._text is None:
            self._text = SEP.join(self._fields)
        return self._text

    def _code(self, a: str, b: str) -> int | None:
        ra, rb = self._rank.get(a), self._rank.get(b)
        return None if ra is None or rb is None else ra * self._size + rb

    def _posting(self, key: int | None) -> np.ndarray | None:
        """Sorted numbers of the fields that hold the bigram; None when none does."""
        if key is None:
            return None
        i = int(np.searchsorted(self._keys, np.uint64(key)))
        if i == len(self._keys) or int(self._keys[i]) != key:
            return None
        return self._postings[self._starts[i]:self._starts[i + 1]]

    def _holds(self, t: str) -> bool:
        if len(t) == 1:
            return t in self._rank
        postings = []
        for a, b in zip(t, t[1:]):
            posting = self._posting(self._code(a, b))
            if posting is None:
                return False
            postings.append(posting)
        if len(t) == 2:
            return True
        postings.sort(key=len)
        fields = postings[0]
        for p in postings[1:]:  # narrow to the fields holding every bigram, while there are many
            if len(fields) <= _FEW:
                break
            at = np.minimum(np.searchsorted(p, fields), len(p) - 1)
            fields = fields[p[at] == fields]
        return any(t in self._fields[f] for f in fields.tolist())

    def _apart(self, t: str, gap: int) -> bool:
        """Whether t's two characters stand 2…gap+1 apart within one field."""
        key = self._code(t[0], t[1])
        if key is None:
            return False
        table = self._apart_table(gap)
        i = int(np.searchsorted(table, np.uint64(key)))
        return i < len(table) and int(table[i]) == key

    def _apart_table(self, gap: int) -> np.ndarray:
        """Sorted bigram keys of the character pairs 2…gap+1 apart within a field (built on first use)."""
        with self._lock:
            if gap not in self._apart_tables:
                ranks, sep, field = self._arrays(_codes(self._joined()))
                n, tables = len(ranks), []
                for d in range(2, gap + 2):
                    if n <= d:
                        break
                    ok = ~sep[:n - d] & (field[:n - d] == field[d:])  # no separator from one to the other
                    keys = ranks[:n - d][ok].astype(np.uint64)
                    keys *= np.uint64(self._size)
                    keys += ranks[d:][ok]
                    tables.append(_unique(keys))
                self._apart_tables[gap] = _unique(np.concatenate(tables)) if tables else np.zeros(0, np.uint64)
            return self._apart_tables[gap]


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _unique(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values (np.unique, but sorting in place: several times faster on millions of integers)."""
    values.sort()
    return values[np.r_[True, values[1:] != values[:-1]]] if len(values) else values
