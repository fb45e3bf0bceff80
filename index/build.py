"""Build or update an index folder: parse changed sources, embed changed clauses, write atomically."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from index import store
from index.bm25 import KeywordIndex
from index.dense import HNSW_THRESHOLD, DenseIndex
from index.embed import Embedder, ModelSpec, get_embedder, resolve_model, same_vectors
from index.folder import (CLAUSES, DENSE, FORMAT_VERSION, KEYWORD, MANIFEST, WINDOWS, _temp_dir, clean_stale,  # noqa: F401
                          file_sha256, read_index, recover_swap, swap_into_place)
from index.fusion import FUSIONS, RRF_K
from index.errors import IndexIncompatible, IndexMissing
from index.paths import resolve_index_dir
from index.search import Searcher, load_index
from index.tokenize import KeywordTokenizer, derive_terms

EMBED_CHUNK = 256


@dataclass(frozen=True)
class Settings:
    # Measured on the resident questions (tests/index/test_resident_questions.py): the min-max blend
    # weighted towards keywords beat RRF (hit@3 24 vs 22 of 26); bench/reports has the comparison.
    fusion: str = "weighted"
    rrf_k: int = RRF_K
    weights: tuple[float, float] = (0.7, 0.3)  # keyword, dense
    hnsw_threshold: int = HNSW_THRESHOLD
    # Embed every clause sentence at build (index/sentence_vectors.py) so answering embeds only the question.
    sentence_vectors: bool = True


@dataclass(frozen=True)
class SourceChanges:
    """Which source files a build added, changed, removed, left as they were or skipped (unreadable), and how many
    windows it embedded or reused: what the local and the Milvus build summaries share."""

    added: list[str]
    changed: list[str]
    removed: list[str]
    unchanged: list[str]
    skipped: list[str]
    embedded: int  # windows sent to the model
    reused: int  # windows whose vectors came from the previous index or store (same content hash)


@dataclass(frozen=True)
class BuildSummary(SourceChanges):
    index_dir: str
    model: str
    documents: int
    clauses: int
    vectors: int
    sources: int
    dense_index: str
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)
    unstructured: list[str] = field(default_factory=list)  # sources with no recognisable structure: one clause each

    def to_json(self) -> dict:
        return asdict(self)


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("gazette-assistant")
    except PackageNotFoundError:
        return "0.1.0+src"


def parser_hash() -> str:
    """Hash of the corpus stage's code: a parser change re-parses every source (vectors are still reused)."""
    h = hashlib.sha256()
    folder = Path(__file__).resolve().parent.parent / "corpus"
    for path in sorted(folder.glob("*.py")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def list_sources(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Source files under the given paths, as the corpus stage lists them."""
    try:
        from corpus.sources import iter_source_files
    except ImportError:  # corpus.sources not there yet: .txt and .md files
        def iter_source_files(items):
            for item in items:
                p = Path(item)
                if p.is_dir():
                    yield from sorted(x for x in p.rglob("*") if x.suffix in (".txt", ".md") and x.is_file())
                else:
                    yield p
    return [Path(p).resolve() for p in iter_source_files([Path(p) for p in paths])]


def default_parser(path: Path) -> list:
    from corpus.parse import parse_file

    return parse_file(path)


def _previous(target: Path, spec_name: str, backend: str = "torch"):
    """The current index when it can be reused, else None."""
    from index.errors import IndexStoreError

    try:
        previous = read_index(target)
    except (IndexStoreError, OSError, ValueError, KeyError, RuntimeError):
        return None
    if previous.manifest["model"]["name"] != spec_name \
            or not same_vectors(previous.manifest["model"].get("backend", "torch"), backend):
        return None  # another model, or a backend with other vectors: nothing can be reused
    return previous


def _progress(total: int, desc: str, enabled: bool | None):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="段", file=sys.stderr, disable=(None if enabled is None else not enabled),
                leave=False)


def build_index(sources: Iterable[str | os.PathLike] | None = None, index_dir: str | os.PathLike | None = None,
                model: str | ModelSpec | None = None, *, parser: Callable[[Path], list] | None = None,
                embedder: Embedder | None = None, settings: Settings = Settings(), progress: bool | None = None,
                on_error: Callable[[Exception], None] | None = None) -> BuildSummary:
    """Build the index at `index_dir` over `sources` (default: the bundled gazettes); reuse what is unchanged."""
    t0 = time.perf_counter()
    if settings.fusion not in FUSIONS:
        from index.errors import BadFilter

        raise BadFilter("fusion", settings.fusion, "、".join(FUSIONS))
    target = resolve_index_dir(index_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(target)
    spec = model if isinstance(model, ModelSpec) else resolve_model(model)
    if sources is None:
        from corpus.parse import default_sources

        sources = default_sources()
    files = list_sources(sources)
    hashes = {str(p): file_sha256(p) for p in files}
    parse_one = parser or default_parser
    phash = parser_hash() if parser is None else "custom"

    previous = _previous(target, spec.name, spec.backend)
    old_sources = previous.manifest["sources"] if previous else {}
    same_parser = bool(previous) and previous.manifest.get("parser_hash") == phash

    # 1. Records: reuse unchanged sources, parse the others.
    t_parse = time.perf_counter()
    old_records_by_file = _records_by_file(previous) if previous else {}
    records: list[store.ClauseRecord] = []
    added, changed, unchanged, skipped = [], [], [], []
    for path in files:
        key = str(path)
        if same_parser and old_sources.get(key) == hashes[key] and key in old_records_by_file:
            records.extend(store.renumber(old_records_by_file[key], len(records), _next_doc(records)))
            unchanged.append(key)
            continue
        docs = parse_or_skip(lambda: parse_one(path), on_error)
        if docs is None:
            skipped.append(key)
            continue
        records.extend(store.records_from_documents(docs, key, len(records), _next_doc(records), spec.passage_prefix))
        if key not in old_sources:
            added.append(key)
        else:
            (unchanged if old_sources[key] == hashes[key] else changed).append(key)
    removed = sorted(set(old_sources) - set(hashes))
    # Reprints and repeals across issues, over all files (a new issue may repeal a document of an unchanged one).
    from index.archive import link

    records = link(records)
    t_parse = time.perf_counter() - t_parse

    # 2. Vectors: reuse by content hash, embed the rest.
    t_embed = time.perf_counter()
    emb = embedder or get_embedder(spec)
    reuse: dict[str, np.ndarray] = _vectors_by_hash(previous) if previous else {}
    window_texts: list[list[str]] = []
    todo: list[str] = []
    for rec in records:
        if rec.content_hash in reuse:
            window_texts.append([])
        else:
            w = store.windows(rec, emb.max_chars)
            window_texts.append(w)
            todo.extend(w)
    new_vectors = np.zeros((0, emb.dim), np.float32)
    if todo:
        # Longest first across the whole corpus, so every chunk (and batch) holds texts of similar length.
        order = np.argsort([-len(t) for t in todo], kind="stable")
        parts = []
        with _progress(len(todo), "嵌入条款", progress) as bar:
            for start in range(0, len(todo), EMBED_CHUNK):
                chunk = [todo[i] for i in order[start:start + EMBED_CHUNK]]
                parts.append(emb.embed_passages(chunk))
                bar.update(len(chunk))
        new_vectors = np.empty((len(todo), emb.dim), np.float32)
        new_vectors[order] = np.concatenate(parts)
    blocks, owners, cursor, reused = [], [], 0, 0
    for rec, texts in zip(records, window_texts):
        if texts:
            block = new_vectors[cursor:cursor + len(texts)]
            cursor += len(texts)
        else:
            block = reuse[rec.content_hash]
            reused += len(block)
        blocks.append(block)
        owners.append(np.full(len(block), rec.clause_id, dtype=np.int64))
    vectors = np.concatenate(blocks) if blocks else np.zeros((0, emb.dim), np.float32)
    window_owner = np.concatenate(owners) if owners else np.zeros(0, np.int64)
    t_embed = time.perf_counter() - t_embed
    t_sent = time.perf_counter()
    sentences = _sentence_store(records, emb, previous, progress) if settings.sentence_vectors else None
    t_sent = time.perf_counter() - t_sent

    # 3. Keyword and dense indexes, written to a temp folder and swapped in.
    t_index = time.perf_counter()
    tokenizer = KeywordTokenizer(derive_terms(
        {r.title for r in records}, {r.heading for r in records if r.heading}, (r.text for r in records),
        {r.issuer for r in records if r.issuer}, {r.doc_number for r in records if r.doc_number}))
    keyword = KeywordIndex()
    keyword.index(tokenizer.tokenize_batch(r.keyword_text for r in records))
    dense = DenseIndex(emb.dim, settings.hnsw_threshold)
    dense.index(vectors)
    t_index = time.perf_counter() - t_index

    tmp = _temp_dir(target)
    try:
        tmp.mkdir()
        store.write_records(tmp / CLAUSES, records)
        np.save(tmp / WINDOWS, window_owner)
        dense.save(tmp / DENSE)
        if sentences is not None:
            sentences.save(tmp)
        keyword.save(tmp / KEYWORD)
        (tmp / KEYWORD / "userdict.txt").write_text("\n".join(tokenizer.user_words), encoding="utf-8")
        seconds = time.perf_counter() - t0
        manifest = {
            "format_version": FORMAT_VERSION,
            "package_version": package_version(),
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "model": {"name": spec.name, "query_prefix": spec.query_prefix, "passage_prefix": spec.passage_prefix,
                      "max_seq_length": spec.max_seq_length, "window_chars": emb.max_chars,
                      "backend": spec.backend,
                      # Cosine between unrelated sentences under this model and backend: lets the answer stage
                      # put its evidence scores on one scale whatever the backend (see _background_similarity).
                      "background_similarity": _background_similarity(sentences.vectors if sentences is not None
                                                                      else vectors)},
            "dimensions": emb.dim,
            "tokenizer": {"name": "jieba-search+doc-numbers", "jieba_version": tokenizer.version,
                          "dictionary_hash": tokenizer.dictionary_hash, "user_words": len(tokenizer.user_words),
                          "stop_words": sorted(tokenizer.stop_words)},
            "parser_hash": phash,
            "sources": {k: hashes[k] for k in hashes if k not in skipped},
            "counts": {"documents": _next_doc(records), "clauses": len(records), "vectors": len(vectors),
                       "sentences": len(sentences) if sentences is not None else 0,
                       "terms": len(keyword.vocab)},
            "settings": {"fusion": settings.fusion, "rrf_k": settings.rrf_k, "weights": list(settings.weights),
                         "dense_index": dense.kind, "hnsw_threshold": settings.hnsw_threshold,
                         "bm25": {"k1": keyword.k1, "b": keyword.b}},
            "build_seconds": round(seconds, 3),
            "files": {rel: file_sha256(tmp / rel) for rel in _written(tmp)},
        }
        _write_manifest(tmp, manifest)
        swap_into_place(tmp, target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return BuildSummary(added, changed, removed, unchanged, skipped, len(todo), reused, index_dir=str(target),
                        model=spec.name, documents=_next_doc(records), clauses=len(records), vectors=len(vectors),
                        sources=len(files), dense_index=dense.kind, seconds=round(time.perf_counter() - t0, 3),
                        timings={"parse": round(t_parse, 3), "embed": round(t_embed, 3), "sentences": round(t_sent, 3),
                                 "index": round(t_index, 3)},
                        unstructured=sorted({r.file for r in records if r.kind == "unstructured"}))


def _write_manifest(folder: Path, manifest: dict) -> None:
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")


def _written(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST)


def _next_doc(records: list[store.ClauseRecord]) -> int:
    return records[-1].doc_index + 1 if records else 0


def _records_by_file(previous) -> dict[str, list[store.ClauseRecord]]:
    out: dict[str, list[store.ClauseRecord]] = {}
    for rec in previous.records:
        out.setdefault(rec.file, []).append(rec)
    return out


def _vectors_by_hash(previous) -> dict[str, np.ndarray]:
    all_vectors = previous.dense.vectors()
    starts = previous.window_starts
    return {rec.content_hash: all_vectors[starts[rec.clause_id]:starts[rec.clause_id + 1]] for rec in previous.records}


def _background_similarity(vectors: np.ndarray, pairs: int = 4000) -> dict:
    """Mean and spread of the cosine of random vector pairs (fixed seed): what "unrelated" scores here."""
    if len(vectors) < 2:
        return {"mean": None, "std": None, "pairs": 0}
    rng = np.random.default_rng(0)
    a, b = rng.integers(0, len(vectors), pairs), rng.integers(0, len(vectors), pairs)
    keep = a != b
    sims = np.einsum("ij,ij->i", vectors[a[keep]], vectors[b[keep]])
    return {"mean": round(float(sims.mean()), 4), "std": round(float(sims.std()), 4), "pairs": int(keep.sum())}


def _sentence_store(records: list[store.ClauseRecord], emb: Embedder, previous, progress: bool | None):
    """Vectors of every clause sentence as the answer stage embeds it; unchanged ones come from the previous index."""
    from index.sentence_vectors import SentenceStore, clause_units

    texts = clause_units(records)
    vectors = np.zeros((len(texts), emb.dim), np.float32)
    old = getattr(previous, "sentences", None) if previous else None
    rows = old.rows(texts) if old is not None else [None] * len(texts)
    todo = [i for i, r in enumerate(rows) if r is None]
    for i, r in enumerate(rows):
        if r is not None:
            vectors[i] = old.vectors[r]
    todo.sort(key=lambda i: -len(texts[i]))
    with _progress(len(todo), "嵌入句子", progress) as bar:
        for start in range(0, len(todo), EMBED_CHUNK):
            chunk = todo[start:start + EMBED_CHUNK]
            vectors[chunk] = emb.embed_passages([texts[i] for i in chunk])
            bar.update(len(chunk))
    return SentenceStore.from_texts(texts, vectors)


def parse_or_skip(parse: Callable[[], list], on_error: Callable[[Exception], None] | None = None) -> list | None:
    """The documents parse() returns, or None for a broken source (a corpus SourceError), reported and skipped."""
    from corpus.errors import SourceError

    try:
        return parse()
    except SourceError as exc:
        (on_error or _report)(exc)
        return None


def _report(exc: Exception) -> None:
    print(f"跳过文件 {getattr(exc, 'path', '')}：{getattr(exc, 'reason', exc)}", file=sys.stderr)


def ensure_index(index_dir: str | os.PathLike | None = None, model: str | None = None,
                 progress: bool | None = None) -> Searcher:
    """Load the index, building it over the bundled gazettes when it is missing or from an older version."""
    try:
        return load_index(index_dir, model)
    except (IndexMissing, IndexIncompatible):
        build_index(None, index_dir, model, progress=progress)
        return load_index(index_dir, model)
