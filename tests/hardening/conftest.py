"""Fixtures for the hardening tests: a private data folder, the bundled gazette indexed with the fake embedder."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GAZETTE = ROOT / "corpus" / "gazettes" / "wenzhou-gazette-203.txt"
_LLM_ENV = ("GAZETTE_LLM_BASE_URL", "GAZETTE_LLM_MODEL", "GAZETTE_LLM_API_KEY", "GAZETTE_LLM_TIMEOUT")


@pytest.fixture(autouse=True)
def _own_data_dir(data_dir):
    """Every test here gets its own data folder (tests/conftest.py)."""


@pytest.fixture(scope="session")
def hardening_index(tmp_path_factory) -> Path:
    """The bundled gazette indexed with the deterministic fake embedder."""
    from index.build import build_index

    folder = tmp_path_factory.mktemp("hardening") / "index"
    build_index(None, folder, "fake-64", progress=False)
    return folder


def gazette(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the `gazette` command line as a user would, in a child process."""
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    for name in _LLM_ENV:
        if not (env and name in env):
            full_env.pop(name, None)
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT, env=full_env, capture_output=True,
                          text=True, timeout=timeout)
