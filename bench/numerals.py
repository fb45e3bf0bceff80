"""Chinese numeral parsing (corpus.numbers.cn_to_int, cn2an behind a cache) over every numeral in the statutes.

Usage: python -m bench.numerals [CORPORA_DIR]   (default: ../shared/corpora beside the repo)
Writes bench/reports/numerals.md and prints the same text.
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import cn2an

from corpus.numbers import CN_DIGITS, cn_to_int

from bench.paths import ROOT, corpora_dir
REPORT = ROOT / "bench" / "reports" / "numerals.md"
_MARKER = re.compile(rf"第([{CN_DIGITS}]+)[编章节条款]")


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else corpora_dir()
    files = sorted((folder / "lawrefbook-laws").rglob("*.md"))
    if not files:
        print(f"没有找到法规语料：{folder / 'lawrefbook-laws'}", file=sys.stderr)
        return 1
    tokens = [m.group(1) for p in files for m in _MARKER.finditer(p.read_text(encoding="utf-8"))]
    cn_to_int.cache_clear()
    start = time.perf_counter()
    for t in tokens:
        cn_to_int(t)
    cached_s = time.perf_counter() - start
    sample = tokens[:20000]
    start = time.perf_counter()
    for t in sample:
        try:
            cn2an.cn2an(t, "normal")
        except ValueError:
            pass
    raw_us = (time.perf_counter() - start) / max(len(sample), 1) * 1e6
    lines = ["# Chinese numerals (cn2an)", "",
             f"- statute files: {len(files)}; 第X编/章/节/条/款 numerals: {len(tokens)} ({len(set(tokens))} distinct)",
             f"- cn_to_int over all of them (lru_cache): {cached_s * 1000:.1f} ms, "
             f"{cached_s / max(len(tokens), 1) * 1e6:.2f} µs each",
             f"- cn2an.cn2an uncached: {raw_us:.1f} µs each (first {len(sample)})", ""]
    text = "\n".join(lines)
    REPORT.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
