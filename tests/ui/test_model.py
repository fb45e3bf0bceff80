"""The HTTP API of a real `gazette serve` with the real embedding model: right clauses, follow-ups, 10 users at once."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

pytestmark = pytest.mark.model

N48, N49 = "温政办〔2019〕48号", "温政办〔2019〕49号"
CASES = [
    ("个体诊所设置有数量限制吗？", N49, "三、（一）"),
    ("社会办医疗机构采购医用设备有补助吗？", N49, "三、（九）"),
    ("到2021年智能装备产业总产值目标是多少？", N48, "二、（二）"),
]


def ask(server, question, history=None):
    body = {"question": question} if history is None else {"question": question, "history": history}
    r = requests.post(server.url + "/api/ask", json=body, timeout=300)
    assert r.status_code == 200, r.text
    return r.json()


@pytest.mark.parametrize("question,doc,label", CASES)
def test_answers_cite_the_right_clause(real_server, question, doc, label):
    data = ask(real_server, question)
    assert not data["abstained"]
    assert (data["citations"][0]["doc_number"], data["citations"][0]["label"]) == (doc, label)
    assert doc in data["answer"]


def test_follow_up_uses_history(real_server):
    first = ask(real_server, "到2021年智能装备产业总产值目标是多少？")
    data = ask(real_server, "那新材料产业呢？", [{"role": "user", "content": first["question"]},
                                           {"role": "assistant", "content": first["answer"]}])
    c = data["citations"][0]
    assert (c["doc_number"], c["label"]) == (N48, "二、（五）")
    assert "新材料产业总产值突破400亿元" in data["answer"]


def test_openai_compatible_follow_up(real_server):
    first = ask(real_server, "到2021年智能装备产业总产值目标是多少？")
    r = requests.post(real_server.url + "/v1/chat/completions", timeout=300, json={"messages": [
        {"role": "user", "content": first["question"]}, {"role": "assistant", "content": first["answer"]},
        {"role": "user", "content": "那新材料产业呢？"}]})
    assert r.status_code == 200
    data = r.json()
    assert data["citations"][0]["label"] == "二、（五）"
    assert "【1】温政办〔2019〕48号" in data["choices"][0]["message"]["content"]


def test_ten_concurrent_users(real_server):
    jobs = [CASES[i % len(CASES)] for i in range(10)]

    def one(case):
        question, doc, label = case
        r = requests.post(real_server.url + "/api/ask", json={"question": question}, timeout=300)
        return r.status_code, r.json(), doc, label

    with ThreadPoolExecutor(10) as pool:
        results = list(pool.map(one, jobs))
    for status, data, doc, label in results:
        assert status == 200
        assert (data["citations"][0]["doc_number"], data["citations"][0]["label"]) == (doc, label)
