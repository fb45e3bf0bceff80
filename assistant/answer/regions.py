"""Which administrative divisions lie within which, from the national division codes (cpca's adcodes.csv).

A question may name a province ("新疆哪几个高新区…") where a clause names only places in it ("乌鲁木齐、昌吉、
石河子"). The codes nest: a province's code shares its first two digits with every place in it, a prefecture's its
first four. The table is read from cpca's package folder without importing cpca (which loads pandas).
"""
from __future__ import annotations

import csv
import importlib.util
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

# Suffixes a name is also written without ("新疆维吾尔自治区" -> 新疆, "昌吉回族自治州" -> 昌吉), longest first.
_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "回族自治州", "自治区", "自治州", "自治县",
             "地区", "省", "市", "县", "区", "盟", "旗")


def _table_path() -> Path | None:
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"
    return path if path.is_file() else None


def _prefix(code: str) -> str:
    """The digits a division shares with everything in it."""
    if code[2:] == "0" * 10:
        return code[:2]
    if code[4:] == "0" * 8:
        return code[:4]
    return code[:6]


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, str], ...]:
    """(name, 12-digit code) of every division the table lists, the 市辖区 placeholders left out."""
    path = _table_path()
    if path is None:
        return ()
    with path.open(encoding="utf-8") as f:
        return tuple((row["name"], row["adcode"]) for row in csv.DictReader(f)
                     if row["name"] != "市辖区" and len(row["adcode"]) == 12)


@lru_cache(maxsize=1)
def _divisions() -> dict[str, tuple[str, ...]]:
    """name -> code prefixes. A short form counts where it has three characters or more, or names a province or a
    prefecture: a county's two-character short form is too often a word ("朝阳产业", "城关")."""
    names: dict[str, set[str]] = {}
    for name, code in _rows():
        forms = {name}
        for suffix in _SUFFIXES:
            short = len(name) - len(suffix)
            if name.endswith(suffix) and short >= 2:
                if short >= 3 or len(_prefix(code)) <= 4:
                    forms.add(name[: -len(suffix)])
                break
        for form in forms:
            names.setdefault(form, set()).add(_prefix(code))
    return {n: tuple(sorted(p)) for n, p in names.items()}


@lru_cache(maxsize=1)
def _full_names() -> frozenset[str]:
    """Names written with their suffix and three characters or more ("文成县", "洞头区", "龙港市")."""
    return frozenset(name for name, _ in _rows() if len(name) >= 3 and name.endswith(_SUFFIXES))


def has_codes() -> bool:
    """Whether the national division codes are at hand (cpca installed)."""
    return bool(_rows())


def division_stem(name: str) -> str | None:
    """The name without its suffix when it is an administrative division's full name (one jieba may tag otherwise:
    文成县 as a person's name, 洞头区 as two words), else None."""
    if name not in _full_names():
        return None
    suffix = next(s for s in _SUFFIXES if name.endswith(s))
    return name[: -len(suffix)] if len(name) - len(suffix) >= 2 else name


def local_short_forms(texts: Iterable[str], regions: Iterable[str]) -> frozenset[str]:
    """Two-character short forms of the divisions within the regions (the gazette's own: its issuers') that the texts
    print in full ("洞头" where "洞头区" is printed, in a 温州 gazette). Its readers call their own counties so ("去了
    洞头哪些地方"); anywhere else such a form is too often a word ("朝阳产业", "和平") to be read as a place."""
    full = _full_names()
    printed: set[str] = set()
    for text in texts:
        for m in re.finditer("[县区市旗]", text):
            name = text[max(m.start() - 2, 0): m.end()]
            if len(name) == 3 and name in full:
                printed.add(name)
    regions = [r for r in regions if r in _divisions()]
    return frozenset(name[:2] for name in printed if any(within(r, name) for r in regions))


@lru_cache(maxsize=64)
def _inside(region: str) -> re.Pattern | None:
    """A pattern of the names of every division inside the region (not the region itself)."""
    table = _divisions()
    outer = table.get(region, ())
    names = [n for n, inner in table.items() if any(i != o and i.startswith(o) for i in inner for o in outer)]
    return re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True)))) if names else None


def province_level(name: str) -> bool:
    """Whether the name is a province-level division's, in full or short ("香港", "新疆", "西藏"): names jieba has no
    form with 省/市 for."""
    return any(len(p) == 2 for p in _divisions().get(name, ()))


def within(region: str, text: str) -> bool:
    """Whether the text names a division lying inside the region."""
    pattern = _inside(region) if region in _divisions() else None
    return bool(pattern and pattern.search(text))


def inside(region: str, place: str) -> bool:
    """Whether the place lies inside the region, the place named in full or by a short form ("鹿城" for 鹿城区)."""
    return any(within(region, place + suffix) for suffix in ("", "区", "县", "市"))
