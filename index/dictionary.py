"""jieba's main dictionary and part-of-speech table, read from one cache in the data folder, once per process.

jieba reads its whole dictionary for every Tokenizer (a marshal cache in /tmp, about 0.8 s) and jieba.posseg
parses dict.txt at import and for every POSTokenizer (about 0.5 s each): a single-shot `gazette ask` paid
that five times. Here the dictionary (words and their prefixes, sorted, with frequencies and tags; 13 MB) is
written once; a question looks up only its own words in it (memory-mapped, binary search, then kept), and
bulk tokenizing (index build) reads it whole into a dict.
"""
from __future__ import annotations

import importlib
import json
import logging
import os
import shutil
import sys
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

_LOCK = threading.RLock()
CACHE_VERSION = 1
_NO_TAG = 255  # tag code of a prefix that is no word of its own


def load_jieba():
    """The jieba module, imported without pkg_resources: jieba only uses it to open its own data files (it
    falls back to open()), and importing it scans every installed package (0.1–0.2 s) and warns."""
    if "jieba" not in sys.modules:
        with _LOCK:
            blocked = "pkg_resources" not in sys.modules
            if blocked:
                sys.modules["pkg_resources"] = None  # makes `import pkg_resources` raise ImportError
            try:
                import jieba
            finally:
                if blocked:
                    del sys.modules["pkg_resources"]
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def _dict_path() -> Path:
    return Path(load_jieba().__file__).with_name("dict.txt")


def cache_dir() -> Path:
    """`GAZETTE_JIEBA_CACHE`, else <data dir>/jieba, then <cache version>-<jieba version>-<size>-<mtime>: a new
    jieba or dictionary gets a new folder. (The test suite shares one cache among its many data folders.)"""
    from index.paths import data_dir

    env = os.environ.get("GAZETTE_JIEBA_CACHE")
    base = Path(env).expanduser() if env else data_dir() / "jieba"
    st = _dict_path().stat()
    return base / f"{CACHE_VERSION}-{load_jieba().__version__}-{st.st_size}-{st.st_mtime_ns}"


def _parse() -> tuple[dict[str, int], int, dict[str, str]]:
    """(word and prefix -> frequency, total, word -> tag) exactly as jieba builds them from dict.txt."""
    freq, total = load_jieba().Tokenizer.gen_pfdict(open(_dict_path(), "rb"))
    tags: dict[str, str] = {}
    with open(_dict_path(), "rb") as f:
        for line in f:
            line = line.strip().decode("utf-8")
            if line:
                word, _, tag = line.split(" ")
                tags[word] = tag
    return freq, total, tags


def _write(folder: Path) -> None:
    """The sorted tables of dict.txt, written to a temporary folder and moved into place whole."""
    freq, total, tags = _parse()
    words = sorted(freq)  # code-point order = UTF-8 byte order, so the bytes can be binary-searched
    names = sorted(set(tags.values()))
    if len(names) >= _NO_TAG:
        raise ValueError(f"jieba 词典的词性标签过多：{len(names)}")
    code = {name: i for i, name in enumerate(names)}
    encoded = [w.encode("utf-8") for w in words]
    starts = np.zeros(len(words) + 1, dtype=np.int64)
    np.cumsum([len(b) + 1 for b in encoded], out=starts[1:])
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".tmp-"))
    try:
        (tmp / "words.txt").write_bytes(b"\n".join(encoded) + b"\n")
        np.save(tmp / "starts.npy", starts)
        np.save(tmp / "freq.npy", np.array([freq[w] for w in words], dtype=np.int64))
        np.save(tmp / "tags.npy", np.array([code[tags[w]] if w in tags else _NO_TAG for w in words], dtype=np.uint8))
        (tmp / "meta.json").write_text(json.dumps({"total": total, "tags": names}), encoding="utf-8")
        os.replace(tmp, folder)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        if not (folder / "meta.json").exists():  # another process may have won the race
            raise


class _Tables:
    """The cache, memory-mapped: words.txt (sorted UTF-8 words, one a line), the byte offset where each starts,
    and per word its frequency and tag code."""

    def __init__(self, folder: Path):
        import mmap

        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        self.total: int = meta["total"]
        self.tag_names: list[str] = meta["tags"]
        with open(folder / "words.txt", "rb") as f:
            self.text = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        load = lambda name: np.load(folder / name, mmap_mode="r")  # noqa: E731
        self.starts, self.freq, self.tags = load("starts.npy"), load("freq.npy"), load("tags.npy")
        self._starts = memoryview(self.starts).cast("B").cast("q")  # plain ints, fast to index
        self.size = len(self.starts) - 1

    def find(self, word: str) -> int | None:
        """Row of the word, None when the dictionary lacks it (binary search over the UTF-8 bytes)."""
        key, text, starts = word.encode("utf-8"), self.text, self._starts
        lo, hi = 0, self.size
        while lo < hi:
            mid = (lo + hi) // 2
            if text[starts[mid]:starts[mid + 1] - 1] < key:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < self.size and text[starts[lo]:starts[lo + 1] - 1] == key else None

    def words(self) -> list[str]:
        return self.text[:].decode("utf-8").split("\n")[:-1]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """The cache of the default dictionary, written on first use (in the data folder, else a temporary one)."""
    folder = cache_dir()
    with _LOCK:
        if not (folder / "meta.json").exists():
            try:
                _write(folder)
            except OSError:  # a read-only data folder: this process's own copy
                folder = Path(tempfile.mkdtemp(prefix="gazette-jieba-")) / "dict"
                _write(folder)
    return _Tables(folder)


class Lookup(dict):
    """A dict that fetches a missing key from the cache on first use and keeps it: jieba only uses `in`, `[]`,
    `get` and item assignment on its FREQ and tag tables, so it takes this in their place. Iterating or len()
    sees only the keys fetched or set so far."""

    def __init__(self, tables: _Tables, value):
        super().__init__()
        self._tables, self._value = tables, value
        self._absent: set[str] = set()

    def _fetch(self, key) -> bool:
        if not isinstance(key, str) or key in self._absent:
            return False
        row = self._tables.find(key)
        value = None if row is None else self._value(row)
        if value is None:
            self._absent.add(key)
            return False
        dict.__setitem__(self, key, value)
        return True

    def __contains__(self, key) -> bool:
        return dict.__contains__(self, key) or self._fetch(key)

    def __getitem__(self, key):
        if dict.__contains__(self, key) or self._fetch(key):
            return dict.__getitem__(self, key)
        raise KeyError(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __setitem__(self, key, value) -> None:
        self._absent.discard(key)
        dict.__setitem__(self, key, value)


def frequencies(lazy: bool) -> tuple[dict[str, int], int]:
    """(FREQ, total) for a jieba.Tokenizer of its own: a Lookup (fast to start, for questions) or the whole
    table (bulk tokenizing)."""
    t = _tables()
    if lazy:
        return Lookup(t, lambda row: int(t.freq[row])), t.total
    return dict(zip(t.words(), t.freq.tolist())), t.total


def _tag_table() -> Lookup:
    t = _tables()

    def tag(row: int) -> str | None:
        c = int(t.tags[row])
        return None if c == _NO_TAG else t.tag_names[c]

    return Lookup(t, tag)


@lru_cache(maxsize=1)
def tokenizer():
    """The process's plain jieba.Tokenizer over the default dictionary, for questions; add no words to it."""
    tok = load_jieba().Tokenizer()
    tok.FREQ, tok.total = frequencies(lazy=True)
    tok.initialized = True
    return tok


def _import_posseg():
    """jieba.posseg without its import-time parse of dict.txt: its default tagger gets a table from the cache."""
    module = load_jieba()
    with _LOCK:
        if "jieba.posseg" not in sys.modules:
            import io

            # POSTokenizer(jieba.dt) at the module's top reads jieba.dt.get_dict_file(); an empty one is free.
            module.dt.get_dict_file = lambda: io.BytesIO()
            try:
                importlib.import_module("jieba.posseg")
            finally:
                del module.dt.get_dict_file
            module.posseg.dt.word_tag_tab = _tag_table()
    return importlib.import_module("jieba.posseg")


@lru_cache(maxsize=1)
def tagger():
    """A part-of-speech tagger (jieba.posseg.POSTokenizer) over tokenizer(), its tag table from the cache."""
    posseg = _import_posseg()

    class CachedPOSTokenizer(posseg.POSTokenizer):
        def load_word_tag(self, f):
            f.close()
            self.word_tag_tab = _tag_table()

    return CachedPOSTokenizer(tokenizer())
