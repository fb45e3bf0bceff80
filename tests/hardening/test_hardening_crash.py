"""Crash safety of `gazette index`: kill -9 at random points, the index still loads and answers; corruption is named.

tests/index/test_store_safety.py covers a build killed at one fixed point and truncated files; this adds random
kill points over real builds, a kill between the two renames of the swap, bit flips in every index file, and
the messages users see.
"""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.build import FORMAT_VERSION
from tests.hardening.conftest import GAZETTE, ROOT, gazette

TRIALS = 20
QUESTION = "到2021年智能装备产业总产值目标是多少？"  # answered even with the fake embedder


def make_corpus(folder: Path, copies: int = 3) -> Path:
    """The bundled gazette and edited copies (other place, other years, no clinics): distinct documents."""
    folder.mkdir(parents=True, exist_ok=True)
    text = GAZETTE.read_text(encoding="utf-8")
    for n in range(copies):
        copy = text.replace("温州", f"温州{n}").replace("〔2019〕", f"〔{2000 + n}〕").replace("诊所", "药店") if n else text
        (folder / f"gazette-{n}.txt").write_text(copy, encoding="utf-8")
    return folder


def answer_ok(index_dir: Path) -> dict:
    """Load the index (checksums verified) and answer with a verbatim citation; the manifest of what loaded."""
    from assistant.answer import AnswerConfig, answer_question
    from index.search import load_index

    searcher = load_index(index_dir)
    answer = answer_question(QUESTION, searcher, AnswerConfig())
    records = {r.clause_id: r for r in searcher.records}
    assert not answer.abstained and answer.citations
    assert all(c.quote in records[c.clause_id].text for c in answer.citations)
    return searcher.manifest


def leftovers(index_dir: Path) -> list[Path]:
    return sorted(index_dir.parent.glob(f".{index_dir.name}.*"))


def test_kill_9_at_random_points_never_loses_the_index(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    index_dir = tmp_path / "index"
    first = gazette("index", str(corpus), "--index", str(index_dir), "--model", "fake-64", timeout=300)
    assert first.returncode == 0, first.stderr
    started = time.perf_counter()
    answer_ok(index_dir)
    rng = random.Random(7)
    outcomes = {"before writing": 0, "while writing or swapping": 0, "after finishing": 0}
    build_seconds = 6.0
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    for trial in range(TRIALS):
        edited = corpus / f"gazette-{trial % 3}.txt"
        edited.write_text(edited.read_text(encoding="utf-8") + f"\n第{trial}次补充说明。\n", encoding="utf-8")
        before = json.loads((index_dir / "manifest.json").read_text(encoding="utf-8"))
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "assistant", "index", str(corpus), "--index", str(index_dir),
                                 "--model", "fake-64"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        if trial % 2:
            # Aim at the short window that matters: once the temp folder appears, kill within 50 ms.
            deadline = time.monotonic() + 120
            while proc.poll() is None and not list(index_dir.parent.glob(f".{index_dir.name}.tmp-*")) \
                    and time.monotonic() < deadline:
                time.sleep(0.002)
            time.sleep(rng.uniform(0, 0.05))
        else:
            time.sleep(rng.uniform(0.1, build_seconds))
        finished = proc.poll() is not None
        if not finished:
            proc.send_signal(signal.SIGKILL)
        proc.wait(60)
        if finished:
            build_seconds = max(1.0, time.perf_counter() - t0)
        manifest = answer_ok(index_dir)
        edited_key = str(edited.resolve())
        if manifest["created"] == before["created"] and manifest["sources"] == before["sources"]:
            outcomes["while writing or swapping" if trial % 2 else "before writing"] += 1
        else:
            assert manifest["sources"][edited_key] != before["sources"][edited_key]
            outcomes["after finishing"] += 1
    rebuilt = gazette("index", str(corpus), "--index", str(index_dir), "--model", "fake-64", timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert leftovers(index_dir) == []
    answer_ok(index_dir)
    print(f"\nkill -9 during gazette index: {TRIALS} trials, {outcomes}, previous or new index loaded and answered "
          f"every time, {time.perf_counter() - started:.0f} s")
    assert sum(outcomes.values()) == TRIALS


def test_kill_between_the_two_renames_of_the_swap(tmp_path):
    """The previous index is moved aside, then the process dies before the new one is moved in."""
    corpus = make_corpus(tmp_path / "corpus", copies=1)
    index_dir = tmp_path / "index"
    from index.build import build_index

    build_index([corpus], index_dir, "fake-64", progress=False)
    created = json.loads((index_dir / "manifest.json").read_text(encoding="utf-8"))["created"]
    (corpus / "gazette-0.txt").write_text(GAZETTE.read_text(encoding="utf-8") + "\n补充。\n", encoding="utf-8")
    script = f"""
import os, signal, sys
sys.path.insert(0, {str(ROOT)!r})
import index.build as b
real_replace = os.replace
def replace_then_die(src, dst):
    real_replace(src, dst)
    if ".old-" in str(dst):
        os.kill(os.getpid(), signal.SIGKILL)
b.os.replace = replace_then_die
b.build_index([{str(corpus)!r}], {str(index_dir)!r}, 'fake-64', progress=False)
"""
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == -9, proc.stderr
    assert not index_dir.exists() and leftovers(index_dir)
    manifest = answer_ok(index_dir)  # loading puts the previous index back
    assert manifest["created"] == created
    out = gazette("index", str(corpus), "--index", str(index_dir), "--model", "fake-64", timeout=300)
    assert out.returncode == 0, out.stderr
    assert leftovers(index_dir) == []


def test_hyphenated_index_folder_leftovers_are_cleaned(tmp_path):
    from index.build import build_index, clean_stale

    index_dir = tmp_path / "my-index"
    build_index([make_corpus(tmp_path / "corpus", copies=1)], index_dir, "fake-64", progress=False)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".my-index.tmp-{dead.stdout.strip()}-abcdef12"
    stale.mkdir()
    clean_stale(index_dir)
    assert not stale.exists()


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    from index.build import build_index

    folder = tmp_path_factory.mktemp("pristine") / "index"
    build_index([GAZETTE], folder, "fake-64", progress=False)
    return folder


def test_every_index_file_is_checksummed(pristine, tmp_path):
    """A single flipped byte in any file is reported as corruption naming the file and the rebuild command."""
    import shutil

    from index.errors import IndexCorrupt
    from index.search import load_index

    manifest = json.loads((pristine / "manifest.json").read_text(encoding="utf-8"))
    on_disk = sorted(str(p.relative_to(pristine)) for p in pristine.rglob("*") if p.is_file() and p.name != "manifest.json")
    assert sorted(manifest["files"]) == on_disk
    for n, rel in enumerate(on_disk):
        copy = tmp_path / f"copy{n}"
        shutil.copytree(pristine, copy)
        path = copy / rel
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0x01
        path.write_bytes(bytes(data))
        with pytest.raises(IndexCorrupt) as err:
            load_index(copy)
        assert rel in str(err.value) and f"gazette index --index {copy}" in str(err.value)


@pytest.mark.parametrize("damage", ["truncate", "empty", "delete", "manifest"])
def test_commands_report_a_damaged_index_with_the_rebuild_command(pristine, tmp_path, damage):
    import shutil

    copy = tmp_path / "index"
    shutil.copytree(pristine, copy)
    target = copy / ("manifest.json" if damage == "manifest" else "clauses.jsonl")
    if damage == "truncate":
        target.write_bytes(target.read_bytes()[:1000])
    elif damage == "empty":
        target.write_bytes(b"")
    elif damage == "delete":
        target.unlink()
    else:
        target.write_text(json.dumps({"format_version": FORMAT_VERSION, "files": {"clauses.jsonl": 5}}), encoding="utf-8")
    for argv in (["search", "诊所"], ["ask", QUESTION]):
        proc = gazette(*argv, "--index", str(copy), timeout=60)
        assert proc.returncode == 1, proc.stderr
        assert "Traceback" not in proc.stderr
        assert f"gazette index --index {copy}" in proc.stderr and "索引已损坏" in proc.stderr
