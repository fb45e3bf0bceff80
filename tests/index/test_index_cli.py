"""`gazette index` and `gazette search` contracts."""
from __future__ import annotations

import json

from assistant.cli import main

HIT_KEYS = {"rank", "doc_number", "title", "path", "label", "heading", "text", "score", "source", "issuer", "date",
            "kind", "doc_type", "gazette_issue", "issue_date", "effective_from", "effective_until", "repealed_by",
            "sources"}


def _cli_env(monkeypatch, parser):
    import index.build as b

    monkeypatch.setattr(b, "default_parser", parser)


def test_cli_json_contract(tmp_path, capsys, monkeypatch, sources, parser):
    _cli_env(monkeypatch, parser)
    idx = tmp_path / "cli-idx"
    assert main(["index", *map(str, sources.values()), "--index", str(idx), "--model", "fake-64", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["clauses"] == 14 and summary["documents"] == 4 and summary["model"] == "fake-64"

    assert main(["search", "49号文件三（九）", "-k", "3", "--index", str(idx), "--json"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    result = json.loads(out[0])
    assert result["query"] == "49号文件三（九）"
    assert len(result["hits"]) == 3 and set(result["hits"][0]) == HIT_KEYS
    assert result["hits"][0]["label"] == "三、（九）" and result["hits"][0]["rank"] == 1

    batch = tmp_path / "q.txt"
    batch.write_text("养犬管理\n\n全科诊所\n产业基金奖励\n", encoding="utf-8")
    assert main(["search", "--batch", str(batch), "--index", str(idx), "-k", "2", "--mode", "keyword"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.strip().splitlines()]
    assert [x["query"] for x in lines] == ["养犬管理", "全科诊所", "产业基金奖励"]

    assert main(["search", "奖励", "--index", str(idx), "--kind", "notice", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert hits and {h["kind"] for h in hits} == {"notice"}


def test_cli_readable_output_and_errors(tmp_path, capsys, monkeypatch, sources, parser):
    _cli_env(monkeypatch, parser)
    idx = tmp_path / "cli-idx"
    assert main(["index", *map(str, sources.values()), "--index", str(idx), "--model", "fake-64"]) == 0
    assert "条款 14 条" in capsys.readouterr().out
    assert main(["search", "养犬", "--index", str(idx), "-k", "2"]) == 0
    out = capsys.readouterr().out
    assert "问题：养犬" in out and " 1. [" in out
    assert main(["search", "养犬", "--index", str(tmp_path / "none")]) == 1
    assert "gazette index --index" in capsys.readouterr().err
    assert main(["search", "养犬", "--index", str(idx), "--date-from", "昨天"]) == 2  # usage: a filter value that is not allowed
    assert "ISO" in capsys.readouterr().err
