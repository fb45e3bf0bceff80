"""The index folder format: file names, format version, checksums, reading a folder back, and the atomic swap.

Build writes this format and search reads it; both import it from here, never from each other.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index import store
from index.bm25 import KeywordIndex
from index.dense import DenseIndex
from index.errors import IndexCorrupt, IndexIncompatible, IndexMissing
from index.paths import resolve_index_dir
from index.sentence_vectors import SentenceStore

FORMAT_VERSION = 2  # 2: document metadata (doc_type, issue, validity) on every clause record
CLAUSES, DENSE, WINDOWS, KEYWORD, MANIFEST = "clauses.jsonl", "dense.faiss", "windows.npy", "keyword", "manifest.json"

def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _temp_dir(target: Path) -> Path:
    return target.parent / f".{target.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}"


def _leftovers(target: Path) -> list[tuple[Path, bool]]:
    """Temp and backup folders of `target` with whether the build that wrote them may still be running."""
    found = []
    if not target.parent.is_dir():
        return found
    for p in target.parent.glob(f".{target.name}.*-*"):
        try:  # .<name>.tmp-<pid>-<hex>; <name> itself may contain hyphens
            pid = int(p.name[len(target.name) + 2:].split("-")[1])
        except (IndexError, ValueError):
            continue
        alive = pid != os.getpid()
        if alive:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                alive = False
            except PermissionError:
                pass
        found.append((p, alive))
    return found


def recover_swap(target: Path) -> Path | None:
    """Put the previous index back when a build died between moving it aside and moving the new one in."""
    if target.exists():
        return None
    backups = [p for p, alive in _leftovers(target)
               if not alive and p.name.startswith(f".{target.name}.old-") and (p / MANIFEST).is_file()]
    if not backups:
        return None
    newest = max(backups, key=lambda p: p.stat().st_mtime)
    try:
        os.replace(newest, target)
    except OSError:
        return None
    return target


def clean_stale(target: Path) -> list[Path]:
    """Remove temp and backup folders left by builds whose process is gone (or by this process)."""
    recover_swap(target)
    removed = []
    for p, alive in _leftovers(target):
        if not alive:
            shutil.rmtree(p, ignore_errors=True)
            removed.append(p)
    return removed


def swap_into_place(tmp: Path, target: Path) -> None:
    """Move the finished folder into place; the previous index stays until the new one is there."""
    if target.exists():
        old = target.parent / f".{target.name}.old-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        os.replace(target, old)
        os.replace(tmp, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(tmp, target)


@dataclass
class StoredIndex:
    folder: Path
    manifest: dict
    records: list[store.ClauseRecord]
    dense: DenseIndex
    window_owner: np.ndarray  # clause id of every vector, ascending
    window_starts: np.ndarray  # vectors of clause c are window_starts[c]:window_starts[c + 1]
    keyword: KeywordIndex
    user_words: list[str]
    sentences: "SentenceStore | None" = None  # clause sentence vectors made at build (index/sentence_vectors.py)


def read_index(index_dir: str | os.PathLike | None = None, verify: bool = True) -> StoredIndex:
    """Read and check an index folder; raises IndexMissing, IndexCorrupt or IndexIncompatible."""
    folder = resolve_index_dir(index_dir)
    path = folder / MANIFEST
    if not path.is_file():
        if not recover_swap(folder) or not path.is_file():
            raise IndexMissing(folder)
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        version = manifest["format_version"]
    except (ValueError, KeyError, TypeError):
        raise IndexCorrupt(folder, "manifest.json 无法解析") from None
    if version != FORMAT_VERSION:
        raise IndexIncompatible(folder, f"格式版本 {version}，当前程序需要 {FORMAT_VERSION}")
    for rel, digest in manifest.get("files", {}).items():
        p = folder / rel
        if not p.is_file():
            raise IndexCorrupt(folder, f"缺少文件 {rel}")
        if verify and file_sha256(p) != digest:
            raise IndexCorrupt(folder, f"文件 {rel} 的校验和不符")
    try:
        records = list(store.read_records(folder / CLAUSES))
        dense = DenseIndex.load(folder / DENSE)
        owner = np.load(folder / WINDOWS)
        keyword = KeywordIndex.load(folder / KEYWORD)
        user_words = (folder / KEYWORD / "userdict.txt").read_text(encoding="utf-8").split("\n")
        sentences = SentenceStore.load(folder)
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        raise IndexCorrupt(folder, f"{type(exc).__name__}: {exc}") from None
    counts = manifest["counts"]
    if dense.dim != manifest["dimensions"]:
        raise IndexIncompatible(folder, f"向量维度 {dense.dim} 与清单记录的 {manifest['dimensions']} 不符")
    if len(records) != counts["clauses"] or dense.count() != counts["vectors"] or len(owner) != dense.count() \
            or keyword.count() != len(records):
        raise IndexCorrupt(folder, "条款数或向量数与清单不符")
    if sentences is not None and (len(sentences) != counts.get("sentences")
                                  or sentences.vectors.shape[1:] != (manifest["dimensions"],)):
        raise IndexCorrupt(folder, "句向量数或维度与清单不符")
    starts = np.searchsorted(owner, np.arange(len(records) + 1))
    return StoredIndex(folder, manifest, records, dense, owner, starts, keyword, [w for w in user_words if w],
                       sentences)
