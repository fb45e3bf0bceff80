"""STARD queries and their gold articles, mapped onto LawRefBook clauses by law name, article number and text.

STARD's `match_id` points into its own corpus.jsonl, which is not shipped and is partly misaligned with
`match_name` (see ../shared/bench/STARD/README.md), so every gold article is mapped by its name
(`<law>第<N>条[之M]`) and checked against its text in `相关法规`.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from bench.paths import bench_data_dir, law_dir

STARD_DIR = bench_data_dir("STARD")
LAW_DIR = law_dir()
# DLC/ holds local regulations, 案例/ guiding cases: neither is a national statute.
EXCLUDED_TOP = ("DLC", "案例")
SPLITS = ("dev", "train")

_NAME = re.compile(r"^(?P<law>.+?)(?P<art>第[一二三四五六七八九十百千零〇两]+条(?:之[一二三四五六七八九十]+)?)$")
_ART = re.compile(r"^第(?P<n>[一二三四五六七八九十百千零〇两]+)条(?:之(?P<m>[一二三四五六七八九十]+))?$")
_SPACE = re.compile(r"[\s\u3000]+")
PREFIX_CHARS = 25  # README: every gold text matches some LawRefBook article on its first 25 characters
MIN_RATIO = 0.6  # same law and number, reworded in a later version: still the annotated rule


@dataclass(frozen=True)
class Unit:
    """One indexed clause, as far as the gold mapping needs it."""
    clause_id: int
    law: str  # the statute's title without subtitle (民法典 編 files all carry 中华人民共和国民法典)
    label: str
    text: str


@dataclass(frozen=True)
class Gold:
    name: str  # STARD's match_name, e.g. 劳动合同法第三十九条
    law: str
    article: str
    text: str
    clause_ids: tuple[int, ...]  # every indexed clause that is this article (one per version with the same text)
    how: str  # exact | prefix | reworded | text-only | unmapped


@dataclass(frozen=True)
class Query:
    qid: int
    text: str
    gold: tuple[Gold, ...]

    @property
    def mappable(self) -> bool:
        return all(g.clause_ids for g in self.gold)


def law_key(name: str) -> str:
    """Short and long forms compare equal: 《刑法》 = 中华人民共和国刑法; spaces, 、 and 《》 are dropped."""
    name = name.replace("中华人民共和国", "").replace("(", "（").replace(")", "）")
    return re.sub(r"[\s\u3000、《》]", "", name)


def article_key(label: str) -> tuple[int, int] | None:
    """第一百二十条之一 -> (120, 1); None for labels that are not articles."""
    from corpus.numbers import cn_to_int

    m = _ART.match(label)
    if not m:
        return None
    return cn_to_int(m.group("n")), cn_to_int(m.group("m")) if m.group("m") else 0


def norm_text(text: str) -> str:
    return _SPACE.sub("", text)


def corpus_files(root: Path = LAW_DIR) -> list[Path]:
    """National statutes: every *.md outside DLC/ and 案例/, sorted."""
    return sorted(p for p in root.rglob("*.md")
                  if p.relative_to(root).parts[0] not in EXCLUDED_TOP and p.name != "README.md")


def manifest_titles(root: Path = LAW_DIR) -> dict[str, str]:
    """Relative path -> title (the manifest keeps the subtitle apart)."""
    out = {}
    with (root / "manifest.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            out[row["path"]] = row["title"]
    return out


def units_from_records(records: Iterable, root: Path = LAW_DIR) -> list[Unit]:
    """Index ClauseRecords -> Units, titled from the manifest so 民法典 编 files share one law name."""
    titles = manifest_titles(root)
    out = []
    for r in records:
        try:
            rel = str(Path(r.file).resolve().relative_to(root.resolve()))
        except ValueError:
            rel = ""
        out.append(Unit(r.clause_id, titles.get(rel, r.title), r.label, r.text))
    return out


def split_ids(split: str, stard_dir: Path = STARD_DIR) -> list[int]:
    """Query ids of the repo's 4:1 random split (data/example/<split>.query.txt)."""
    if split not in SPLITS:
        raise ValueError(f"split {split!r}: choose one of {', '.join(SPLITS)}")
    path = stard_dir / "data" / "example" / f"{split}.query.txt"
    return [int(line.split("\t", 1)[0]) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


class GoldMapper:
    """Finds the indexed clauses of a gold article; see `map` for the order of the tests."""

    def __init__(self, units: list[Unit]):
        self.by_article: dict[tuple[str, tuple[int, int]], list[Unit]] = defaultdict(list)
        self.by_text: dict[str, list[Unit]] = defaultdict(list)
        for u in units:
            key = article_key(u.label)
            if key is None:
                continue
            self.by_article[(law_key(u.law), key)].append(u)
            self.by_text[norm_text(u.text)].append(u)

    def map(self, name: str, text: str) -> Gold:
        """1 same law and number, same text (all such versions count); 2 same on the first 25 characters;
        3 same law and number, text similar (ratio >= 0.6, the closest version); 4 the same text under
        another name or number, when it is not boilerplate (one law only); else unmapped."""
        m = _NAME.match(name)
        if not m:
            return Gold(name, "", "", text, (), "unmapped")
        law, art = m.group("law"), m.group("art")
        want = norm_text(text)
        same = self.by_article.get((law_key(law), article_key(art)), [])
        exact = [u for u in same if norm_text(u.text) == want]
        if exact:
            return Gold(name, law, art, text, tuple(u.clause_id for u in exact), "exact")
        prefix = [u for u in same if norm_text(u.text)[:PREFIX_CHARS] == want[:PREFIX_CHARS]]
        if prefix:
            return Gold(name, law, art, text, tuple(u.clause_id for u in prefix), "prefix")
        if same:
            ratios = [(SequenceMatcher(None, norm_text(u.text), want).ratio(), u.clause_id) for u in same]
            best = max(ratios)
            if best[0] >= MIN_RATIO:
                return Gold(name, law, art, text, (best[1],), "reworded")
        elsewhere = self.by_text.get(want, [])
        if elsewhere and len(want) >= 20 and len({law_key(u.law) for u in elsewhere}) == 1:
            return Gold(name, law, art, text, tuple(u.clause_id for u in elsewhere), "text-only")
        return Gold(name, law, art, text, (), "unmapped")


def load_queries(mapper: GoldMapper, ids: Iterable[int] | None = None, stard_dir: Path = STARD_DIR) -> list[Query]:
    """Queries (in the order of `ids`, default all) with mapped gold articles."""
    rows = json.loads((stard_dir / "data" / "queries.json").read_text(encoding="utf-8"))
    by_id = {row["query_id"]: row for row in rows}
    out = []
    for qid in (ids if ids is not None else sorted(by_id)):
        row = by_id[qid]
        gold = tuple(mapper.map(name, row["相关法规"][name]) for name in row["match_name"])
        out.append(Query(qid, _SPACE.sub(" ", row["问题"]).strip(), gold))
    return out
