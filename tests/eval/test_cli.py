"""`gazette eval` end to end over the bundled gazette with the deterministic fake embedder (fast tier)."""
from __future__ import annotations

import json

import pytest

from assistant.cli import main


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GAZETTE_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("GAZETTE_INDEX", raising=False)
    monkeypatch.delenv("GAZETTE_MODEL", raising=False)
    for name in ("GAZETTE_LLM_BASE_URL", "GAZETTE_LLM_MODEL", "GAZETTE_LLM_API_KEY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def fake_index(tmp_path_factory):
    from index.build import build_index

    folder = tmp_path_factory.mktemp("idx") / "index"
    build_index(None, folder, "fake-64", progress=False)
    return folder


def test_validate_shipped_and_broken(tmp_path, capsys):
    assert main(["eval", "--validate"]) == 0
    assert "评测集有效" in capsys.readouterr().out
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1"}\n\n{broken\n', encoding="utf-8")
    assert main(["eval", "--validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "第 1 行" in err and "第 3 行" in err and "缺少字段" in err


def test_eval_report_compare_gate(tmp_path, capsys, fake_index):
    rep = tmp_path / "rep"
    assert main(["eval", "--index", str(fake_index), "--limit", "6", "--report", str(rep), "-q"]) == 0
    out = capsys.readouterr().out
    assert "条款 hit@5" in out and "按用户类型" in out and "报告已写入" in out
    assert {p.name for p in rep.iterdir()} >= {"results.jsonl", "summary.json", "report.html"}
    assert len((rep / "results.jsonl").read_text(encoding="utf-8").splitlines()) == 6

    assert main(["eval", "--index", str(fake_index), "--limit", "8", "--compare", str(rep), "--json", "-q"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["overall"]["n"] == 8 and "comparison" in data
    assert set(data["comparison"]["only_new"]) == {"wz203t-007", "wz203t-008"}

    strict = tmp_path / "strict.json"
    strict.write_text(json.dumps({"min": {"hit@5": 1.01}}), encoding="utf-8")
    assert main(["eval", "--index", str(fake_index), "--limit", "3", "--gate", str(strict), "-q"]) == 3
    assert "质量门槛：未达到" in capsys.readouterr().out

    assert main(["eval", "--index", str(fake_index), "--compare", str(tmp_path / "nope"), "-q"]) == 1
    assert "无法读取评测报告" in capsys.readouterr().err


def test_calibrate_writes_answer_config(tmp_path, capsys, fake_index):
    import shutil

    idx = tmp_path / "copy"
    shutil.copytree(fake_index, idx)
    evalset = tmp_path / "small.jsonl"
    from eval.evalset import SHIPPED

    lines = SHIPPED.read_text(encoding="utf-8").splitlines()
    evalset.write_text("\n".join(lines[:4] + lines[-4:]) + "\n", encoding="utf-8")
    assert main(["eval", str(evalset), "--index", str(idx), "--calibrate", "-q"]) == 0
    assert "拒答阈值" in capsys.readouterr().err
    config = json.loads((idx / "answer_config.json").read_text(encoding="utf-8"))
    assert isinstance(config["abstain_threshold"], float)


def test_calibrating_on_a_test_set_is_refused(tmp_path, capsys):
    from eval.evalset import TEST_SET

    assert main(["eval", str(TEST_SET), "--index", str(tmp_path / "none"), "--calibrate", "-q"]) == 2
    assert "测试集" in capsys.readouterr().err
