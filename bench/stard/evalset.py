"""Write a STARD split as an eval set (eval/evalset.py format), so `gazette eval` can run it like any other set.

    .venv/bin/python -m bench.stard.evalset --index ~/.cache/gazette-stard/m3e-small-s3 --split dev
    .venv/bin/python -m assistant eval ~/.cache/gazette-stard/stard-dev.jsonl \
        --index ~/.cache/gazette-stard/m3e-small-s3 --report /tmp/stard-eval

Gold articles are mapped with bench/stard/gold.py onto the index's own clauses (read from its clauses.jsonl), and
each gold entry is written with the exact `title` and `path` those clause records hold, so the runner's
(title, path) lookups resolve. Every persona is "resident" (STARD's questions come from lay people) and every case
has `facts: []` (STARD gives gold articles, not answer strings). A query with several gold articles gets
`"spans": true` (STARD counts each gold article; the answer needs all of them); retrieval hit@k / MRR do not
depend on it. The set is derived from STARD data: write it outside the repository (default under ~/.cache).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from types import SimpleNamespace

from bench.stard.gold import GoldMapper, load_queries, split_ids, units_from_records

CACHE = Path.home() / ".cache" / "gazette-stard"
DEFAULT_INDEX = CACHE / "m3e-small-s3"


def read_records(index_dir: Path) -> list[SimpleNamespace]:
    """The index's clause records (clauses.jsonl), as far as the gold mapping and the eval set need them."""
    out = []
    with (index_dir / "clauses.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            out.append(SimpleNamespace(clause_id=row["clause_id"], file=row["file"], title=row["title"],
                                       doc_number=row.get("doc_number"), path=tuple(row["path"]),
                                       label=row["label"], text=row["text"]))
    return out


def gold_key(record) -> tuple[str, tuple[str, ...]]:
    """What the eval runner matches on: the 文号 if any, else the title, plus the exact path."""
    return (record.doc_number or record.title, tuple(record.path))


def build_cases(records, split: str, limit: int | None = None) -> tuple[list[dict], dict]:
    by_id = {r.clause_id: r for r in records}
    ids = split_ids(split)[:limit] if limit else split_ids(split)
    queries = load_queries(GoldMapper(units_from_records(records)), ids)
    # (key) -> clause ids holding it: a key shared with another version's clause of other text matches loosely
    holders: dict[tuple, set[int]] = {}
    for r in records:
        holders.setdefault(gold_key(r), set()).add(r.clause_id)
    cases, stats = [], {"queries": len(queries), "articles": 0, "unmapped_articles": 0, "skipped_queries": 0,
                        "spans": 0, "alternatives": 0, "loose_articles": 0}
    for q in queries:
        gold: list[dict] = []
        for g in q.gold:
            stats["articles"] += 1
            if not g.clause_ids:
                stats["unmapped_articles"] += 1
                continue
            keys = list(dict.fromkeys(gold_key(by_id[c]) for c in g.clause_ids))
            stats["alternatives"] += len(keys) > 1
            stats["loose_articles"] += any(holders[k] - set(g.clause_ids) for k in keys)
            for doc, path in keys:
                entry = {"doc_number": doc} if by_id[g.clause_ids[0]].doc_number else {"title": doc}
                entry["path"] = list(path)
                if entry not in gold:
                    gold.append(entry)
        if not gold:
            stats["skipped_queries"] += 1
            continue
        case = {"id": f"stard-{split}-{q.qid}", "persona": "resident", "question": q.text, "answerable": True,
                "gold": gold, "facts": []}
        if len(gold) > 1:
            # Several articles each needed; with one key per article (true for dev on the s3 index) "spans" is exact.
            case["spans"] = True
            stats["spans"] += 1
        case["notes"] = f"STARD {split}"
        cases.append(case)
    return cases, stats


def check(cases: list[dict], records) -> list[str]:
    """Parse as an eval set and look every gold clause up in the index records, as `gazette eval` does."""
    from eval.evalset import parse_evalset

    parsed = parse_evalset([json.dumps(c, ensure_ascii=False) for c in cases], "stard")
    have = set()
    for r in records:
        if r.doc_number:
            have.add((r.doc_number, tuple(r.path)))
        have.add((r.title, tuple(r.path)))
    return [f"{c.id}: {g.doc_id} {list(g.path)}" for c in parsed for g in c.gold if (g.doc_id, g.path) not in have]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="STARD split -> eval-set JSONL (see module docstring)")
    ap.add_argument("--index", type=Path, default=DEFAULT_INDEX, help=f"index whose clauses the gold names (default {DEFAULT_INDEX})")
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    ap.add_argument("--limit", type=int, default=None, help="first N queries of the split")
    ap.add_argument("--out", type=Path, default=None, help="output JSONL (default ~/.cache/gazette-stard/stard-<split>.jsonl)")
    args = ap.parse_args(argv)
    out = args.out or CACHE / f"stard-{args.split}.jsonl"

    records = read_records(args.index)
    cases, stats = build_cases(records, args.split, args.limit)
    missing = check(cases, records)
    if missing:
        print(f"{len(missing)} gold clauses not in {args.index}:", *missing[:20], sep="\n  ", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(c, ensure_ascii=False) + "\n" for c in cases)
    print(f"wrote {out}: {len(cases)} cases from {stats['queries']} {args.split} queries; "
          f"{stats['articles']} gold articles ({stats['unmapped_articles']} unmapped), "
          f"{stats['spans']} cases with several articles (spans), {stats['alternatives']} articles with several "
          f"(title, path) alternatives, {stats['loose_articles']} articles whose (title, path) is also held by "
          f"another version's clause of other text; {stats['skipped_queries']} queries skipped (no gold in the index); "
          f"every gold clause found in {args.index / 'clauses.jsonl'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
