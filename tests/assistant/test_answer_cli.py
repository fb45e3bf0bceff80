"""`gazette ask`: readable and JSON output, batch order, Chinese errors with exit code 1."""
import json

import pytest

from assistant.cli import main
from assistant.commands import ask
from answer_fixtures import FakeRetriever, THRESHOLD


@pytest.fixture
def fake_index(monkeypatch, tmp_path):
    (tmp_path / "answer_config.json").write_text(json.dumps({"abstain_threshold": THRESHOLD}))
    retriever = FakeRetriever()
    monkeypatch.setattr(ask, "_open_index", lambda args: (retriever, tmp_path))
    return tmp_path


def test_json_output(fake_index, capsys):
    assert main(["ask", "到2021年智能装备产业总产值目标是多少？", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["abstained"] is False and "700亿元" in data["citations"][0]["quote"]


def test_readable_output_lists_citations(fake_index, capsys):
    assert main(["ask", "到2021年智能装备产业总产值目标是多少？"]) == 0
    out = capsys.readouterr().out
    first = out.split("\n")[0]
    assert "700亿元" in first and first.endswith("[1]")  # the direct answer first
    assert "\n根据《" in out and "\n【1】温政办〔2019〕48号 " in out and " 二、（二）：" in out


def test_batch_keeps_order(fake_index, tmp_path, capsys):
    questions = ["温州市出租车起步价是多少？", "到2021年智能装备产业总产值目标是多少？", "社会办医政策的有效期到什么时候？"]
    batch = tmp_path / "q.txt"
    batch.write_text("\n".join(questions) + "\n\n", encoding="utf-8")
    assert main(["ask", "--batch", str(batch), "-k", "6"]) == 0
    lines = [json.loads(l) for l in capsys.readouterr().out.splitlines()]
    assert [l["question"] for l in lines] == questions
    assert lines[0]["abstained"] and not lines[1]["abstained"]


def test_errors_are_chinese_with_exit_code_1(fake_index, tmp_path, capsys):
    assert main(["ask", "--batch", str(tmp_path / "missing.txt")]) == 1
    assert "无法读取批量问题文件" in capsys.readouterr().err
    assert main(["ask"]) == 2  # usage: no question (assistant/commands/errors.py)
    assert "请提供问题" in capsys.readouterr().err
    (fake_index / "answer_config.json").write_text('{"threshold": 1}')
    assert main(["ask", "问题"]) == 1
    assert "回答设置文件无效" in capsys.readouterr().err


def test_missing_index_folder_is_reported(tmp_path, capsys):
    assert main(["ask", "问题", "--index", str(tmp_path / "none")]) == 1
    assert "索引不存在" in capsys.readouterr().err
