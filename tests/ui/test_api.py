"""The HTTP API in process, over the bundled gazette indexed with the fake embedder."""
from __future__ import annotations

import json

import pytest

QUESTION = "到2021年智能装备产业总产值目标是多少？"


def test_ask_returns_the_ask_json(client):
    r = client.post("/api/ask", json={"question": QUESTION})
    assert r.status_code == 200
    data = r.json()
    assert set(data) >= {"question", "answer", "abstained", "citations", "related"}
    assert data["question"] == QUESTION
    assert not data["abstained"]
    c = data["citations"][0]
    assert set(c) >= {"marker", "doc_number", "title", "path", "label", "quote"}
    assert c["doc_number"] == "温政办〔2019〕48号" and c["path"] == ["二", "（二）"]


@pytest.mark.parametrize("history", [
    [{"role": "user", "content": QUESTION}, {"role": "assistant", "content": "…（温政办〔2019〕48号）二、（二）…"}],
    [[QUESTION, "…（温政办〔2019〕48号）二、（二）…"]],
])
def test_ask_with_history_in_both_shapes(client, history):
    r = client.post("/api/ask", json={"question": "那新材料产业呢？", "history": history})
    assert r.status_code == 200, r.text
    assert r.json()["question"] == "那新材料产业呢？"


def test_search(client):
    r = client.post("/api/search", json={"query": "智能装备产业", "k": 3, "filters": {"doc_number": "温政办〔2019〕48号"}})
    assert r.status_code == 200
    data = r.json()
    assert data["query"] == "智能装备产业" and 1 <= len(data["hits"]) <= 3
    assert all(h["doc_number"] == "温政办〔2019〕48号" for h in data["hits"])
    assert set(data["hits"][0]) >= {"rank", "doc_number", "title", "path", "label", "text", "score"}


@pytest.mark.parametrize("path,body,fragment", [
    ("/api/ask", {}, "缺少问题"),
    ("/api/ask", {"question": "   "}, "缺少问题"),
    ("/api/ask", {"question": 5}, "缺少问题"),
    ("/api/ask", {"question": "x" * 2001}, "过长"),
    ("/api/ask", {"question": "q", "history": "abc"}, "history"),
    ("/api/ask", {"question": "q", "history": [{"role": "robot", "content": "x"}]}, "history"),
    ("/api/ask", {"question": "q", "k": 0}, "k"),
    ("/api/search", {"query": "q", "k": "3"}, "k"),
    ("/api/search", {"query": "q", "filters": {"kind": "novel"}}, "kind"),
    ("/api/search", {"query": "q", "filters": {"colour": "red"}}, "未知的筛选字段"),
    ("/api/search", {"query": "q", "mode": "magic"}, "mode"),
    ("/api/search", [], "JSON 对象"),
])
def test_validation_errors_are_400_in_chinese(client, path, body, fragment):
    r = client.post(path, json=body)
    assert r.status_code == 400
    assert fragment in r.json()["error"]


def test_invalid_json_is_400(client):
    r = client.post("/api/ask", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 400 and "JSON" in r.json()["error"]


def test_chat_completions(client):
    r = client.post("/v1/chat/completions", json={"model": "any", "messages": [
        {"role": "system", "content": "你是助手"}, {"role": "user", "content": QUESTION}]})
    assert r.status_code == 200
    data = r.json()
    assert data["object"] == "chat.completion" and data["model"] == "any"
    message = data["choices"][0]["message"]
    assert message["role"] == "assistant" and data["choices"][0]["finish_reason"] == "stop"
    assert "引用：" in message["content"] and "温政办〔2019〕48号" in message["content"]
    assert data["citations"][0]["doc_number"] == "温政办〔2019〕48号"


def test_chat_completions_stream(client):
    body = {"messages": [{"role": "user", "content": [{"type": "text", "text": QUESTION}]}], "stream": True}
    with client.stream("POST", "/v1/chat/completions", json=body) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        events = [line[6:] for line in r.iter_lines() if line.startswith("data: ")]
    assert events[-1] == "[DONE]"
    chunks = [json.loads(e) for e in events[:-1]]
    assert all(c["object"] == "chat.completion.chunk" for c in chunks)
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks)
    assert "温政办〔2019〕48号" in text
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop" and chunks[-1]["citations"]


@pytest.mark.parametrize("messages", [None, [], [{"role": "assistant", "content": "x"}], [{"role": "user"}]])
def test_chat_completions_validation(client, messages):
    r = client.post("/v1/chat/completions", json={"messages": messages})
    assert r.status_code == 400
    assert r.json()["error"]["type"] == "invalid_request_error"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in r.json()["error"]["message"])


def test_health(client):
    data = client.get("/api/health").json()
    assert data["status"] == "ok" and data["clauses"] > 100 and "#" in data["index_version"]
