"""Odd questions through the CLI and the HTTP API: a clear answer or a Chinese message, in bounded time, never a crash."""
from __future__ import annotations

import json
import time

import pytest

from tests.hardening.conftest import GAZETTE, gazette

HANG_GUARD = 20  # seconds; a guard against hangs only, speed targets live in bench/
LONG = "个体诊所" * 25_000  # 100,000 characters
ARGV_LONG = "个体诊所" * 10_000  # 40,000 characters: a command-line argument is at most 128 KiB
ODD = [
    "。，！？……——“”《》【】",  # punctuation only
    "😀🎉🙏👍🏻🇨🇳",  # emoji only
    "Covid-19 疫苗 vaccine ワクチン 백신 прививка مرحبا",  # mixed scripts
    "诊所\x01设置\x07有\x1b[31m数量\x0b限制\x0c吗\x7f？",  # control characters
    "\u200b\u200d\ufeff\u2060",  # invisible characters only
    "个体诊所设置有数量限制吗？" * 150,  # 1,950 characters: just under the limit
    "温政办〔2019〕49号三、（九）〔〕〔〔〔号号号",  # broken references
    "%s %d {0} ${x} \\u0000 ' OR 1=1 --",  # format strings and injection-looking text
]
ASK_KEYS = {"question", "answer", "abstained", "citations", "related"}
CITATION_KEYS = {"marker", "doc_number", "title", "path", "label", "quote", "clause_id", "source"}


def Chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def check_answer(data: dict, records: dict) -> None:
    """The `gazette ask --json` contract: an abstention, or citations whose quotes are verbatim clause text."""
    assert set(data) >= ASK_KEYS and isinstance(data["answer"], str) and data["answer"].strip()
    assert isinstance(data["abstained"], bool)
    if not data["abstained"]:
        assert data["citations"]
    for c in data["citations"]:
        assert set(c) >= CITATION_KEYS
        assert c["quote"] and c["quote"] in records[c["clause_id"]].text


# ---- the command line ------------------------------------------------------------------------------

@pytest.mark.parametrize("argv", [["ask", ""], ["ask", "   "], ["search", ""], ["search", " \t "],
                                  ["ask", ARGV_LONG], ["search", ARGV_LONG]])
def test_cli_refuses_empty_and_overlong_questions(argv, hardening_index):
    proc = gazette(*argv, "--index", str(hardening_index), timeout=60)
    assert proc.returncode in (1, 2)
    assert Chinese(proc.stderr) and "Traceback" not in proc.stderr
    assert ("过长" in proc.stderr) == (argv[1] == ARGV_LONG)


def test_cli_batch_of_odd_questions(tmp_path, hardening_index):
    from index.search import load_index

    records = {r.clause_id: r for r in load_index(hardening_index).records}
    batch = tmp_path / "odd.txt"
    batch.write_text("\n".join(ODD) + "\n", encoding="utf-8")
    for command in ("ask", "search"):
        started = time.perf_counter()
        proc = gazette(command, "--index", str(hardening_index), "--batch", str(batch), timeout=120)
        seconds = time.perf_counter() - started
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
        rows = [json.loads(line) for line in proc.stdout.splitlines()]
        assert len(rows) == len(ODD)
        for row in rows:
            if command == "ask":
                check_answer(row, records)
            else:
                assert set(row) == {"query", "hits"} and isinstance(row["hits"], list)
        assert seconds < HANG_GUARD * 2, f"{command}: {seconds:.1f} s"


def test_cli_batch_with_an_overlong_line_is_refused_up_front(tmp_path, hardening_index):
    batch = tmp_path / "long.txt"
    batch.write_text(f"诊所\n{LONG}\n", encoding="utf-8")
    proc = gazette("ask", "--index", str(hardening_index), "--batch", str(batch), timeout=60)
    assert proc.returncode == 2 and "第 2 个问题过长" in proc.stderr and not proc.stdout


def test_cli_batch_file_in_another_encoding(tmp_path, hardening_index):
    batch = tmp_path / "gbk.txt"
    batch.write_bytes("个体诊所有数量限制吗？\n".encode("gbk"))
    for command in ("ask", "search"):
        proc = gazette(command, "--index", str(hardening_index), "--batch", str(batch), timeout=60)
        assert proc.returncode == 1 and "无法读取批量问题文件" in proc.stderr and "Traceback" not in proc.stderr


# ---- the HTTP API --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def client(hardening_index, tmp_path_factory):
    import os

    from fastapi.testclient import TestClient

    from assistant.ui.app import create_app
    from assistant.ui.service import Service

    saved = os.environ.get("GAZETTE_DATA")
    os.environ["GAZETTE_DATA"] = str(tmp_path_factory.mktemp("bad-queries-data"))
    service = Service.open(hardening_index)
    # raise_server_exceptions: an exception inside a route fails the test instead of becoming a 500.
    with TestClient(create_app(service), raise_server_exceptions=True) as c:
        c.records = service.records
        yield c
    if saved is None:
        os.environ.pop("GAZETTE_DATA", None)
    else:
        os.environ["GAZETTE_DATA"] = saved


def post(client, path, body=None, content=None):
    started = time.perf_counter()
    r = client.post(path, json=body) if content is None else client.post(path, content=content)
    assert time.perf_counter() - started < HANG_GUARD, path
    assert r.status_code in (200, 400), (r.status_code, r.text[:300])
    if r.status_code == 400:
        error = r.json()["error"]
        assert Chinese(error["message"] if isinstance(error, dict) else error)
    return r


@pytest.mark.parametrize("question", ["", "   ", "\n\t", LONG, *ODD])
def test_api_ask_and_search_odd_questions(client, question):
    r = post(client, "/api/ask", {"question": question})
    if r.status_code == 200:
        check_answer(r.json(), client.records)
    else:
        assert not question.strip() or len(question) > 2000
    r = post(client, "/api/search", {"query": question, "k": 5})
    if r.status_code == 200:
        assert r.json()["query"] == question.strip() and len(r.json()["hits"]) <= 5
    r = post(client, "/v1/chat/completions", {"messages": [{"role": "user", "content": question}]})
    if r.status_code == 200:
        assert r.json()["choices"][0]["message"]["content"]


@pytest.mark.parametrize("body", [
    {"question": "那能补多少？", "history": [{"role": "user", "content": LONG}]},
    {"question": "那能补多少？", "history": [[LONG, "好的"]]},
    {"question": "那能补多少？", "history": [["诊所", "答" * 30_000]]},
    {"question": "那能补多少？", "history": [[None, None]]},
    {"question": "那能补多少？", "history": [{"role": "user", "content": ["a"]}]},
    {"question": "那能补多少？", "history": [{"role": "user"}, 5, "x", None]},
    {"question": "诊所", "filters": {"doc_number": "〔" * 5000}},
    {"question": "诊所", "filters": {"date_from": "2019-13-45"}},
    {"question": "诊所", "filters": {"kind": ["normative"]}},
    {"question": "诊所", "k": 10 ** 12},
    {"question": "诊所", "k": 1.5},
    {"question": ["诊所"]},
    {"question": {"$ne": ""}},
])
def test_api_odd_bodies(client, body):
    r = post(client, "/api/ask", body)
    if r.status_code == 200:
        check_answer(r.json(), client.records)


def test_api_many_history_turns_are_bounded(client):
    turns = [{"role": role, "content": "个体诊所有数量限制吗？" if role == "user" else "可以。"}
             for _ in range(500) for role in ("user", "assistant")]
    r = post(client, "/api/ask", {"question": "那能补多少？", "history": turns})
    assert r.status_code == 200
    check_answer(r.json(), client.records)


@pytest.mark.parametrize("content", [b"", b"\xff\xfe\x00", b"null", b"[]", b'"question"', b"{" * 10_000,
                                     "{\"question\": \"诊所\"}".encode("gb18030")])
def test_api_malformed_bodies(client, content):
    for path in ("/api/ask", "/api/search", "/v1/chat/completions"):
        post(client, path, content=content)


def test_the_gazette_file_is_not_a_question(client):
    r = post(client, "/api/ask", {"question": GAZETTE.read_text(encoding="utf-8")})
    assert r.status_code == 400 and "过长" in r.json()["error"]
