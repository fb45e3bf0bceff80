"""Where the benchmarks find the project and the shared test data (corpora and benchmark sets, never shipped)."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "bench" / "reports"


def shared_dir() -> Path:
    """`GAZETTE_SHARED`, else ../shared beside the project root."""
    env = os.environ.get("GAZETTE_SHARED")
    return Path(env).expanduser() if env else ROOT.parent / "shared"


def corpora_dir() -> Path:
    """The shared corpora (govcn-policy-sample, lawrefbook-laws, ...)."""
    return shared_dir() / "corpora"


def law_dir() -> Path:
    """LawRefBook's statutes as Markdown."""
    return corpora_dir() / "lawrefbook-laws"


def bench_data_dir(name: str) -> Path:
    """A shared benchmark data set, e.g. STARD or LeCoQA."""
    return shared_dir() / "bench" / name
