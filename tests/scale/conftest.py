"""Fixtures for the scale tests: Milvus and Ray are optional extras (`pip install -e .[scale]`); without them the
tests that need them skip with the reason."""
from __future__ import annotations

import importlib.util

import pytest

from tests.index.conftest import DOCS, embedder, json_parser, sources, write_sources  # noqa: F401 - shared


def _missing(*modules: str) -> str | None:
    absent = [m for m in modules if importlib.util.find_spec(m) is None]
    return f"需要可选依赖 {', '.join(absent)}（pip install -e .[scale]）" if absent else None


def _milvus_lite_reason() -> str | None:
    reason = _missing("pymilvus", "milvus_lite")
    if reason:
        return reason
    try:
        import milvus_lite  # noqa: F401 - 2.5.1 imports pkg_resources (setuptools < 81)
    except ImportError as exc:
        return f"milvus-lite 无法导入：{exc}（需要 setuptools<81）"
    return None


MILVUS_REASON = _milvus_lite_reason()
RAY_REASON = _missing("ray", "pyarrow")
needs_milvus = pytest.mark.skipif(MILVUS_REASON is not None, reason=MILVUS_REASON or "")
needs_ray = pytest.mark.skipif(RAY_REASON is not None, reason=RAY_REASON or "")


@pytest.fixture(autouse=True)
def _own_data_dir(data_dir):
    """Every test here gets its own data folder (tests/conftest.py)."""


@pytest.fixture(scope="session")
def ray_session():
    """One local Ray for the whole session, on one CPU (the CI machine is small and shared)."""
    if RAY_REASON:
        pytest.skip(RAY_REASON)
    import ray

    from index.stores.ray_ingest import init_ray

    try:
        init_ray(num_cpus=1)
    except Exception:  # a local Ray that fails to come up on a busy machine gets one clean second start
        ray.shutdown()
        init_ray(num_cpus=1)
    yield
    ray.shutdown()
