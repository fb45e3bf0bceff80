"""Pytest fixtures of the answer tests; shared data lives in answer_fixtures.py."""
import pytest

from answer_fixtures import CLAUSES, INJECTED, THRESHOLD, FakeRetriever, make_hit


@pytest.fixture
def config():
    from assistant.answer import AnswerConfig

    return AnswerConfig(abstain_threshold=THRESHOLD)


@pytest.fixture
def retriever():
    return FakeRetriever()


@pytest.fixture
def clauses_by_id():
    return {row[0]: make_hit(row) for row in CLAUSES + [INJECTED]}


@pytest.fixture(autouse=True)
def no_llm_env(monkeypatch):
    """Tests never reach a model configured in the developer's shell."""
    for name in ("GAZETTE_LLM_BASE_URL", "GAZETTE_LLM_MODEL", "GAZETTE_LLM_API_KEY", "GAZETTE_LLM_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
