"""Benchmark scripts run from any checkout: modules of one package, the shared data found beside the project."""
from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted(".".join(p.relative_to(ROOT).with_suffix("").parts) for p in (ROOT / "bench").rglob("*.py")
                 if p.name != "__init__.py")


@pytest.mark.parametrize("name", MODULES)
def test_bench_module_imports_without_path_edits(name):
    source = (ROOT / (name.replace(".", "/") + ".py")).read_text(encoding="utf-8")
    assert "sys.path" not in source
    assert not re.search(r"[\"']/work/", source), "an absolute path to the shared data"
    importlib.import_module(name)


def test_shared_folder_follows_the_environment(monkeypatch, tmp_path):
    from bench import paths

    monkeypatch.delenv("GAZETTE_SHARED", raising=False)
    assert paths.shared_dir() == ROOT.parent / "shared"
    monkeypatch.setenv("GAZETTE_SHARED", str(tmp_path))
    assert paths.law_dir() == tmp_path / "corpora" / "lawrefbook-laws"
    assert paths.bench_data_dir("STARD") == tmp_path / "bench" / "STARD"


def test_stard_scores_with_eval_metrics():
    from bench.stard.runs import evaluate

    # query 1: article A in two versions (ids 3, 4), article B (id 9); query 2: one unmapped article
    scores = evaluate([[7, 3, 4, 1], [5]], [[(3, 4), (9,)], [()]])
    assert scores["R@5"] == pytest.approx((1 / 2 + 0) / 2)
    assert scores["MRR@3"] == pytest.approx((1 / 2 + 0) / 2)
    assert scores["MRR@10"] == scores["MRR@3"]
