"""Every command exits with the same code for the same kind of failure (assistant/commands/errors.py, README)."""
from __future__ import annotations

import pytest

from assistant.cli import main
from assistant.commands.errors import EXIT_FAILED, EXIT_USAGE


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GAZETTE_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("GAZETTE_INDEX", raising=False)


@pytest.mark.parametrize("argv", [
    [],  # no command
    ["ask"], ["ask", "  "], ["search"], ["search", "\t"],  # no question
    ["ask", "问题", "-k", "0"], ["eval", "--limit", "0"],  # an option out of range
    ["ask", "问题", "--date-from", "昨天"], ["search", "问题", "--date-to", "2019-13-01"],  # a filter value
    ["search", "问题", "--kind", "没有这一类"],
    ["ask", "问" * 2001], ["search", "问" * 2001],  # too long
])
def test_usage_problems_exit_2(argv, tmp_path, capsys):
    argv = argv + (["--index", str(tmp_path / "none")] if argv and argv[0] in ("ask", "search") else [])
    assert main(argv) == EXIT_USAGE
    err = capsys.readouterr().err
    assert argv == [] or any("\u4e00" <= ch <= "\u9fff" for ch in err)


@pytest.mark.parametrize("command", ["ask", "search"])
def test_data_problems_exit_1(command, tmp_path, capsys):
    assert main([command, "问题", "--index", str(tmp_path / "none")]) == EXIT_FAILED  # no index there
    assert "索引不存在" in capsys.readouterr().err
    assert main([command, "--batch", str(tmp_path / "missing.txt")]) == EXIT_FAILED
    assert "无法读取批量问题文件" in capsys.readouterr().err


def test_data_problems_exit_1_in_parse_and_eval(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    assert main(["eval", "--validate", str(bad)]) == EXIT_FAILED
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["parse", str(empty)]) == EXIT_FAILED
    assert "没有解析出任何文档" in capsys.readouterr().err
