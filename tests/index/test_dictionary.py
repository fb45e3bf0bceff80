"""jieba's dictionary read once from the data folder's cache: the same words, frequencies, tags and cuts as jieba's own."""
from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from index import dictionary

ROOT = Path(__file__).resolve().parents[2]
# Real excerpts of the bundled gazette and a State Council document.
TEXTS = [
    "取消个体诊所具体数量和布局的限制，社会办中医诊所实行备案制。支持社会办医疗机构配置甲类、乙类大型医用设备。",
    "对新获评三甲、三乙、二甲、二乙等级的社会办医疗机构，分别给予200万元、100万元、50万元、30万元奖励。",
    "为了加强养犬管理，规范养犬行为，提请审议《温州市养犬管理条例》（市公安局起草，于6月底前向市政府报送草案）。",
    "开诊所有什么要求？宁波市和杭州的外资企业能享受哪些优惠？",
    "国务院办公厅关于进一步优化营商环境降低市场主体制度性交易成本的意见",
]


@pytest.fixture(scope="module")
def reference():
    """jieba's own tables, parsed from dict.txt as jieba does."""
    return dictionary._parse()


def test_cache_holds_jiebas_tables(reference):
    freq, total, tags = reference
    full, full_total = dictionary.frequencies(lazy=False)
    assert full == freq and full_total == total
    lazy, lazy_total = dictionary.frequencies(lazy=True)
    tag_table = dictionary._tag_table()
    keys = random.Random(13).sample(sorted(freq), 5000) + ["不存在的词语", "温州市人民政府办公室关于支持社会力量", "", "a"]
    for key in keys:
        assert (key in lazy) == (key in freq), key
        assert lazy.get(key) == freq.get(key), key
        assert tag_table.get(key, "x") == tags.get(key, "x"), key
    assert lazy_total == total


def test_lookup_takes_user_words():
    lazy, _ = dictionary.frequencies(lazy=True)
    assert "市经信局" not in lazy
    lazy["市经信局"] = 50_000  # as jieba.Tokenizer.add_word does
    assert "市经信局" in lazy and lazy["市经信局"] == 50_000
    with pytest.raises(KeyError):
        lazy["不存在的词语"]


def test_cuts_and_tags_match_jieba():
    import jieba
    import jieba.posseg

    plain = jieba.Tokenizer()
    tagger = jieba.posseg.POSTokenizer(plain)
    ours, our_tagger = dictionary.tokenizer(), dictionary.tagger()
    for text in TEXTS:
        assert ours.lcut(text) == plain.lcut(text)
        assert list(ours.cut_for_search(text)) == list(plain.cut_for_search(text))
        assert [tuple(p) for p in our_tagger.cut(text)] == [tuple(p) for p in tagger.cut(text)]
    assert our_tagger.tokenizer is ours


def test_cache_written_once_into_the_data_folder(data_dir, monkeypatch):
    monkeypatch.delenv("GAZETTE_JIEBA_CACHE", raising=False)
    folder = dictionary.cache_dir()
    assert folder.parent == data_dir / "jieba"
    dictionary._write(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["freq.npy", "meta.json", "starts.npy", "tags.npy", "words.txt"]
    dictionary._write(folder)  # a second writer (another process) leaves the first one's cache in place
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".tmp-")]
    tables = dictionary._Tables(folder)
    assert tables.find("诊所") is not None and tables.find("不存在的词语") is None


def test_question_path_imports_stay_light(data_dir):
    """Loading an index and the answer stage imports no torch, sentence-transformers, scipy, gradio or cn2an."""
    code = ("import sys, index.search, index.build, assistant.answer, assistant.commands.ask\n"
            "print(sorted(m for m in ('torch', 'sentence_transformers', 'scipy', 'gradio', 'pandas', 'cn2an',"
            " 'pkg_resources') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
