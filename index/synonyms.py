"""Everyday words mapped to the vocabulary of government documents, for keyword query expansion.

Residents ask "私立医院有什么补贴"; documents say "社会办医疗机构……给予补助". The table lives in
index/data/thesaurus.tsv (its header states its source); expansions are added to the query only.
"""
from __future__ import annotations

from pathlib import Path

THESAURUS_FILE = Path(__file__).with_name("data") / "thesaurus.tsv"


def load_thesaurus(path: Path = THESAURUS_FILE) -> dict[str, tuple[str, ...]]:
    """word -> official equivalents, from a tab-separated file (# comments, blank lines skipped)."""
    table: dict[str, tuple[str, ...]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, sep, rest = line.partition("\t")
        terms = tuple(t for t in rest.split() if t != word)
        if not sep or not word or not terms:
            raise ValueError(f"{path}:{number}: expected 'word<TAB>equivalents', got {line!r}")
        table[word] = tuple(dict.fromkeys(table.get(word, ()) + terms))
    return table


THESAURUS: dict[str, tuple[str, ...]] = load_thesaurus()


def expand_word(word: str) -> tuple[str, ...]:
    """Official equivalents of one word (empty when the table has none)."""
    return THESAURUS.get(word, ())


def expand(tokens: list[str]) -> list[str]:
    """Official-vocabulary equivalents of the query's everyday words (not including the words)."""
    extra: list[str] = []
    for token in tokens:
        for term in THESAURUS.get(token, ()):
            if term not in tokens and term not in extra:
                extra.append(term)
    return extra
