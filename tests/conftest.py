"""Shared test setup: make the packages at the repository root importable without installing them; a data folder
of each test's own (folders whose tests build or serve use it autouse)."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# A user's settings that would reach past a test's own data folder: index, model, store, login, language model.
USER_SETTINGS = ("GAZETTE_INDEX", "GAZETTE_MODEL", "GAZETTE_STORE", "GAZETTE_MILVUS_TOKEN", "GAZETTE_AUTH",
                 "GAZETTE_LLM_BASE_URL", "GAZETTE_LLM_MODEL", "GAZETTE_LLM_API_KEY", "GAZETTE_LLM_TIMEOUT")


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """The test's own data folder, none of the user's settings: no test touches ~/.local/share/gazette."""
    folder = tmp_path / "data"
    monkeypatch.setenv("GAZETTE_DATA", str(folder))
    monkeypatch.setenv("GRADIO_ANALYTICS_ENABLED", "False")
    for name in USER_SETTINGS:
        monkeypatch.delenv(name, raising=False)
    return folder


@pytest.fixture(scope="session", autouse=True)
def _shared_jieba_cache(tmp_path_factory):
    """One jieba dictionary cache (index.dictionary) for the whole run, subprocesses included, instead of one per
    test's data folder; never the user's."""
    import os

    previous = os.environ.get("GAZETTE_JIEBA_CACHE")
    os.environ["GAZETTE_JIEBA_CACHE"] = str(tmp_path_factory.mktemp("jieba"))
    yield
    if previous is None:
        os.environ.pop("GAZETTE_JIEBA_CACHE", None)
    else:
        os.environ["GAZETTE_JIEBA_CACHE"] = previous
