"""`gazette serve` loads the model in the background: questions wait for it, and a model that fails to load
fails the start (Service.ready) as it did when loading was synchronous."""
from __future__ import annotations

import threading

import pytest

from index.errors import ModelUnavailable


def test_warm_then_ready_answers(fake_index):
    from assistant.ui.service import Service

    service = Service.open(fake_index)
    service.warm()
    service.ready()
    answer = service.ask("开诊所有什么要求？")
    assert answer.text and all(c.quote for c in answer.citations)


def test_model_failure_reported_by_ready(fake_index):
    from assistant.ui.service import Service

    service = Service.open(fake_index)
    release = threading.Event()

    def broken_search(*args, **kwargs):
        release.wait(5)
        raise ModelUnavailable("m3e-small", "测试：模型文件缺失")

    service.searcher.search = broken_search
    service.warm()
    outcome: list[BaseException | None] = []

    def question() -> None:
        try:
            service.search("政策")
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - inspected below
            outcome.append(exc)

    waiting = threading.Thread(target=question)
    waiting.start()
    waiting.join(0.2)
    assert waiting.is_alive()  # a question waits for the model instead of loading a second copy
    release.set()
    with pytest.raises(ModelUnavailable, match="模型文件缺失"):
        service.ready()
    waiting.join(5)
    assert not waiting.is_alive() and isinstance(outcome[0], ModelUnavailable)
