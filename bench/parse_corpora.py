"""Parse the shared corpora and report field accuracy, article-count agreement and throughput.

Usage: python -m bench.parse_corpora [CORPORA_DIR]   (default: ../shared/corpora beside the repo)
Writes bench/reports/parse.md and prints the same text.
"""
from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

from bench.paths import ROOT, corpora_dir

from corpus.dates import all_dates
from corpus.parse import parse_text
from corpus.policy import parse_policy
from corpus.sources import read_source
from corpus.statute import parse_statute

REPORT = ROOT / "bench" / "reports" / "parse.md"
_ARTICLE_TOKEN = re.compile(r"^第[零〇一二两三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?$")
POLICY_FIELDS = {"doc_number": "doc_number", "title": "title", "issuer": "issuer", "written_date": "date"}


def policy_mismatches(folder: Path) -> tuple[int, dict[str, list[str]]]:
    """The number of documents in metadata.jsonl and, per field, those whose parse_policy value differs from it
    (whitespace ignored, dates as ISO), as "file: field = parsed, metadata expected"."""
    rows = [json.loads(ln) for ln in (folder / "metadata.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]
    misses: dict[str, list[str]] = {f: [] for f in POLICY_FIELDS}
    for row in rows:
        path = folder / row["file"]
        doc = parse_policy(read_source(path), str(path))
        expected = dict(row, written_date=all_dates(row["written_date"])[0])
        for field, attr in POLICY_FIELDS.items():
            got = getattr(doc, attr)
            if _ws(got) != _ws(expected[field]):
                misses[field].append(f"{row['file']}: {field} = {got!r}, metadata {expected[field]!r}")
    return len(rows), misses


def policy_report(folder: Path) -> list[str]:
    """Per-field exact match (whitespace ignored, dates as ISO) against metadata.jsonl."""
    n, misses = policy_mismatches(folder)
    out = ["## govcn-policy-sample (parse_policy vs metadata.jsonl)", "", "| field | match | rate |", "|---|---|---|"]
    for field, missed in misses.items():
        ok = n - len(missed)
        out.append(f"| {field} | {ok}/{n} | {ok / n:.1%} |")
    wrong = [m for missed in misses.values() for m in missed]
    out += ["", f"Mismatches ({len(wrong)}):", ""] + [f"- {m}" for m in wrong[:20]] + [""]
    return out


def statute_report(folder: Path) -> list[str]:
    """Parsed 第X条 clauses vs the manifest's article-line count, plus throughput over every file."""
    rows = [json.loads(ln) for ln in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]
    texts = {r["path"]: read_source(folder / r["path"]) for r in rows}
    size = sum((folder / r["path"]).stat().st_size for r in rows)
    mismatches: list[tuple[str, int, int]] = []
    start = time.perf_counter()
    for row in rows:
        doc = parse_statute(texts[row["path"]], str(folder / row["path"]))
        found = sum(1 for c in doc.clauses if c.path and _ARTICLE_TOKEN.match(c.path[-1]))
        if found != row["articles"]:
            mismatches.append((row["path"], found, row["articles"]))
    parse_s = time.perf_counter() - start
    # End to end: read from disk, pick the parser by shape, parse.
    start = time.perf_counter()
    kinds: dict[str, int] = {}
    for row in rows:
        path = folder / row["path"]
        for doc in parse_text(read_source(path), str(path)):
            kinds[doc.kind] = kinds.get(doc.kind, 0) + 1
    total_s = time.perf_counter() - start

    def rate(subset: list[dict]) -> str:
        bad = {m[0] for m in mismatches}
        ok = sum(1 for r in subset if r["path"] not in bad)
        return f"{ok}/{len(subset)} | {ok / len(subset):.2%}"

    non_dlc = [r for r in rows if not r["path"].startswith("DLC/")]
    out = [
        "## lawrefbook-laws (parse_statute: 第X条 clauses vs manifest `articles`)",
        "",
        "| subset | files matching | rate |",
        "|---|---|---|",
        f"| all | {rate(rows)} |",
        f"| non-DLC | {rate(non_dlc)} |",
        "",
        f"Throughput over {len(rows)} files, {size / 1e6:.1f} MB:",
        "",
        f"- parse_statute on text in memory: {size / 1e6 / parse_s:.1f} MB/s, {len(rows) / parse_s:.0f} files/s ({parse_s:.2f} s)",
        f"- read_source + parse_text dispatch: {size / 1e6 / total_s:.1f} MB/s, {len(rows) / total_s:.0f} files/s ({total_s:.2f} s)",
        f"- kinds chosen by parse_text: {json.dumps(kinds, ensure_ascii=False)}",
        "",
        f"Mismatches ({len(mismatches)}):",
        "",
    ]
    out += [f"- {p}: parsed {found}, manifest {want}" for p, found, want in mismatches[:20]]
    return out + [""]


def structure_report(corpora: Path) -> list[str]:
    """Clause structure: hand-checked govcn outlines, doc_type per corpus, statute levels seen in lawrefbook."""
    from collections import Counter

    fixtures = ROOT / "tests" / "corpus" / "fixtures" / "govcn_outlines"
    policy = corpora / "govcn-policy-sample"
    total = matched = 0
    for case in (json.loads(p.read_text(encoding="utf-8")) for p in sorted(fixtures.glob("*.json"))):
        doc = parse_text(read_source(policy / case["file"]), case["file"])[0]
        got = {(c.path, c.heading) for c in doc.clauses}
        total += len(case["clauses"])
        matched += sum(1 for c in case["clauses"] if (tuple(c["path"]), c["heading"]) in got)
    types: Counter = Counter()
    largest: list[tuple[int, str, str]] = []
    for path in sorted((policy / "docs").glob("*.txt")):
        doc = parse_text(read_source(path), str(path))[0]
        types[doc.doc_type] += 1
        big = max(doc.clauses, key=lambda c: len(c.text))
        largest.append((len(big.text), path.name, big.label))
    laws = corpora / "lawrefbook-laws"
    rows = [json.loads(ln) for ln in (laws / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]
    levels: Counter = Counter()
    law_types: Counter = Counter()
    for row in rows:
        doc = parse_statute(read_source(laws / row["path"]), str(laws / row["path"]))
        law_types[parse_text(read_source(laws / row["path"]), row["path"])[0].doc_type] += 1
        seen = {t[-1] for c in doc.clauses for t in c.path if t.startswith("第") and t[-1] in "编章节条款"}
        levels["/".join(x for x in "编章节条款" if x in seen)] += 1
    out = [
        "## Clause structure",
        "",
        f"Hand-checked outlines (`tests/corpus/fixtures/govcn_outlines/`, {len(list(fixtures.glob('*.json')))}"
        f" documents): {matched}/{total} expected clauses (path and heading) matched, {matched / total:.1%}.",
        "",
        "doc_type over govcn-policy-sample: " + ", ".join(f"{k} {v}" for k, v in types.most_common()),
        "",
        "Largest clause per govcn document, top 5: "
        + "; ".join(f"{name} {label} {size}字" for size, name, label in sorted(largest, reverse=True)[:5]),
        "",
        "lawrefbook statute levels (files): " + ", ".join(f"{k or 'none'} {v}" for k, v in levels.most_common()),
        "",
        "doc_type over lawrefbook-laws: " + ", ".join(f"{k} {v}" for k, v in law_types.most_common(12)),
        "",
    ]
    return out


def _ws(value: str | None) -> str:
    return re.sub(r"\s+", "", value or "")


def main(argv: list[str]) -> int:
    corpora = Path(argv[0]) if argv else corpora_dir()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = ["# Parsing the shared corpora", "", f"Corpora: `{corpora}`", "",
             f"Load average at start: {load} on {os.cpu_count()} CPUs (throughput below scales with it).", ""]
    lines += policy_report(corpora / "govcn-policy-sample")
    lines += statute_report(corpora / "lawrefbook-laws")
    lines += structure_report(corpora)
    text = "\n".join(lines)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
