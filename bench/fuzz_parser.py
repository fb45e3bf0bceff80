"""Mutation fuzzing of the corpus parser over real gazette text; the invariants every parse must keep.

Each input is the bundled gazette with 1–6 random mutations: a block of lines shuffled, lines cut, a block of
lines duplicated, 2% of characters dropped, the text truncated, or random bytes inserted into its UTF-8 encoding
(then read as a source file would be; when that is refused, the bytes are decoded with replacement characters and
parsed anyway). tests/hardening/test_hardening_parser_fuzz.py runs a short run in CI; this script runs long ones:

    .venv/bin/python -m bench.fuzz_parser [--mutations 5000] [--seed 0]

Invariants (check_documents):
- the parser returns; it never raises;
- characters: every non-space character of a clause's text and heading occurs in the input, as the parser may
  normalize it (NFC, HTML entities decoded), or is one of INSERTED, the separators the table renderer writes
  (`名称（单位）：指标值，…。`, `1.附件名`). Reading-order repair moves paragraphs, so this is a property of
  characters, not of order; verbatim_pieces() measures how verbatim the text is;
- no clause is empty unless it has a heading or numbered children (a bare parent such as `三、`);
- clause paths are unique within a document (a citation names exactly one clause);
- document numbers are canonical: `发文机关代字〔2019〕49号` or `…令第707号`, ASCII digits.
"""
from __future__ import annotations

import argparse
import html
import random
import re
import time
import unicodedata
from collections import Counter

from bench.paths import ROOT

GAZETTE = ROOT / "corpus" / "gazettes" / "wenzhou-gazette-203.txt"
INSERTED = frozenset("（）：，。.0123456789")
DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,16}(?:〔[0-9]{4}〕[0-9]{1,5}号|令第[0-9]{1,5}号)$")
OPERATIONS = ("shuffle", "cut", "duplicate", "drop", "truncate", "bytes")


def input_characters(text: str) -> set[str]:
    """Characters a clause may draw from `text`: as written, NFC-normalized, and with HTML entities decoded."""
    nfc = unicodedata.normalize("NFC", text)
    return set(text) | set(nfc) | set(html.unescape(text)) | set(html.unescape(nfc))


def check_documents(text: str, documents) -> list[str]:
    """Broken invariants of one parse, as readable strings (empty when all hold)."""
    allowed = input_characters(text) | INSERTED
    problems = []
    for doc in documents:
        if doc.doc_number is not None and not DOC_NUMBER.match(doc.doc_number):
            problems.append(f"malformed doc number {doc.doc_number!r}")
        paths = [c.path for c in doc.clauses]
        if len(paths) != len(set(paths)):
            problems.append(f"duplicate clause paths in {doc.title[:20]!r}")
        for clause in doc.clauses:
            foreign = {ch for ch in clause.text + (clause.heading or "") if ch not in allowed and not ch.isspace()}
            if foreign:
                problems.append(f"{clause.label}: characters not in the input {''.join(sorted(foreign))[:20]!r}")
            parent = any(p[: len(clause.path)] == clause.path and len(p) > len(clause.path) for p in paths)
            if not clause.text.strip() and not clause.heading and not parent:
                problems.append(f"empty clause {clause.label} in {doc.title[:20]!r}")
    return problems


def verbatim_pieces(text: str, documents) -> tuple[int, int]:
    """(characters, pieces): clause text covered greedily by the fewest substrings of the input (spaces ignored)."""
    squash = lambda t: re.sub(r"\s+", "", unicodedata.normalize("NFC", t))  # noqa: E731
    source = squash(text)
    chars = pieces = 0
    for doc in documents:
        for clause in doc.clauses:
            for para in clause.text.split("\n"):
                para = squash(para)
                chars += len(para)
                i = 0
                while i < len(para):
                    lo, hi = 1, len(para) - i
                    while lo < hi:  # longest prefix of para[i:] that occurs in the input
                        mid = (lo + hi + 1) // 2
                        if para[i:i + mid] in source:
                            lo = mid
                        else:
                            hi = mid - 1
                    i += lo
                    pieces += 1
    return chars, pieces


def mutate(lines: list[str], rng: random.Random) -> tuple[str, str]:
    """One mutated input: (text to parse, the operations applied)."""
    lines = list(lines)
    ops = [rng.choice(OPERATIONS) for _ in range(rng.randint(1, 6))]
    for op in ops:
        i = rng.randrange(len(lines) + 1)
        if op == "shuffle":
            block = lines[i:i + rng.randint(2, 200)]
            rng.shuffle(block)
            lines[i:i + len(block)] = block
        elif op == "cut":
            del lines[i:i + rng.randint(1, 500)]
        elif op == "duplicate":
            j = i + rng.randint(1, 100)
            lines[j:j] = lines[i:j]
        elif op == "drop":
            lines = "".join(ch for ch in "\n".join(lines) if rng.random() > 0.02).split("\n")
        elif op == "truncate":
            text = "\n".join(lines)
            lines = text[: rng.randrange(len(text) + 1)].split("\n")
    text = "\n".join(lines)
    if "bytes" in ops:
        text = _insert_bytes(text, rng)
    return text, "+".join(ops)


def _insert_bytes(text: str, rng: random.Random) -> str:
    from corpus.errors import SourceError
    from corpus.sources import decode_source

    data = bytearray(text.encode("utf-8"))
    for _ in range(rng.randint(1, 50)):
        at = rng.randrange(len(data) + 1)
        data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
    try:
        return decode_source(bytes(data), "fuzz")
    except SourceError:  # refused as a file; the parser must still survive the text
        return bytes(data).decode("utf-8", "replace")


def run(mutations: int, seed: int, measure_every: int = 10) -> dict:
    """Parse `mutations` mutated inputs; counts, failures and timings."""
    from corpus.parse import parse_text

    lines = GAZETTE.read_text(encoding="utf-8").split("\n")
    rng = random.Random(seed)
    stats: Counter = Counter()
    failures: list[str] = []
    worst, chars, pieces = 0.0, 0, 0
    t0 = time.perf_counter()
    for n in range(mutations):
        text, ops = mutate(lines, rng)
        started = time.perf_counter()
        try:
            docs = parse_text(text, "fuzz.txt")
        except Exception as exc:  # noqa: BLE001 - the point of fuzzing: record, do not stop
            failures.append(f"#{n} ({ops}) raised {type(exc).__name__}: {exc}")
            continue
        worst = max(worst, time.perf_counter() - started)
        stats["documents"] += len(docs)
        stats["clauses"] += sum(len(d.clauses) for d in docs)
        stats["doc_numbers"] += sum(d.doc_number is not None for d in docs)
        failures += [f"#{n} ({ops}) {p}" for p in check_documents(text, docs)]
        if n % measure_every == 0:
            c, p = verbatim_pieces(text, docs)
            chars, pieces = chars + c, pieces + p
    return {"inputs": mutations, "seed": seed, "failures": failures, "seconds": time.perf_counter() - t0,
            "worst_parse_seconds": worst, "mean_verbatim_piece": chars / max(pieces, 1), **stats}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="解析器变异模糊测试")
    parser.add_argument("--mutations", type=int, default=5000, help="变异输入数（默认 5000）")
    parser.add_argument("--seed", type=int, default=0, help="随机种子（默认 0）")
    args = parser.parse_args(argv)
    result = run(args.mutations, args.seed)
    print(f"fuzz_parser: {result['inputs']} mutated inputs (seed {result['seed']}), "
          f"{result['documents']} documents, {result['clauses']} clauses, {result['doc_numbers']} doc numbers, "
          f"{len(result['failures'])} invariant failures, worst parse {result['worst_parse_seconds']:.2f} s, "
          f"mean verbatim piece {result['mean_verbatim_piece']:.1f} chars, {result['seconds']:.0f} s")
    for failure in result["failures"][:20]:
        print("  " + failure)
    return 1 if result["failures"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
