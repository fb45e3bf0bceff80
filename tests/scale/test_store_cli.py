"""`--store` on the CLI: the same JSON contracts from milvus-lite; a server that is down is a Chinese message."""
from __future__ import annotations

import json

from assistant.cli import main
from tests.scale.conftest import DOCS, json_parser, needs_milvus

pytestmark = needs_milvus
HIT_KEYS = {"rank", "doc_number", "title", "path", "label", "heading", "text", "score", "source", "issuer", "date",
            "kind", "doc_type", "gazette_issue", "issue_date", "effective_from", "effective_until", "repealed_by",
            "sources"}


def test_index_search_ask_with_milvus_lite(tmp_path, capsys, monkeypatch, sources):
    import index.build as b

    monkeypatch.setattr(b, "default_parser", json_parser)
    db = str(tmp_path / "clauses.db")
    assert main(["index", *map(str, sources.values()), "--store", db, "--model", "fake-64", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["clauses"] == 14 and summary["store"] == db

    assert main(["search", "49号文件三（九）", "-k", "3", "--store", db, "--json"]) == 0
    result = json.loads(capsys.readouterr().out.strip())
    assert len(result["hits"]) == 3 and set(result["hits"][0]) == HIT_KEYS
    assert result["hits"][0]["label"] == "三、（九）"

    monkeypatch.setenv("GAZETTE_STORE", db)
    assert main(["search", "养犬", "--kind", "statute", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out.strip())["hits"]
    assert hits and {h["kind"] for h in hits} == {"statute"}

    assert main(["ask", "社会办医疗机构获评三甲给多少奖励？", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out.strip())
    texts = [c.text for d in DOCS for c in d.clauses]
    assert answer["citations"]  # quotes come verbatim from clauses read out of Milvus
    for c in answer["citations"]:
        assert any(c["quote"].strip("…") in t for t in texts), c


def test_unreachable_server_is_a_chinese_message_without_the_token(capsys, monkeypatch):
    monkeypatch.setenv("GAZETTE_MILVUS_TOKEN", "root:s3cret-token")
    monkeypatch.setenv("GAZETTE_MILVUS_TIMEOUT", "2")
    assert main(["search", "养犬", "--store", "http://127.0.0.1:9", "--json"]) == 1
    err = capsys.readouterr().err
    assert "无法使用检索存储 http://127.0.0.1:9" in err and "s3cret-token" not in err
