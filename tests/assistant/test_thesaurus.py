"""The lay-to-official thesaurus: a data file with a stated source, no entries fitted to single questions, and
query expansion that helps keyword retrieval on State Council documents it was not written from."""
from __future__ import annotations

from pathlib import Path

import pytest

import index.synonyms as synonyms

GOVCN = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "govcn-policy-sample" / "docs"

# Residents' wording -> the State Council document that answers it (its official wording in brackets).
QUESTIONS = [
    ("买农机贷款的利息有补贴吗", "国办发〔2018〕126号"),  # 贴息
    ("私立医院有什么支持政策", "国发〔2018〕38号"),  # 社会办
    ("外企来投资有什么优惠", "国发〔2019〕3号"),  # 外商投资
    ("个人所得税法实施条例什么时候生效", "国令第707号"),  # 施行
    ("医生能在几家医院执业", "国办发〔2019〕4号"),  # 医师, 医疗机构
    ("民营企业贷款难怎么办", "国办发〔2019〕6号"),  # 融资
    ("粮食紧张时商户囤货抬价怎么处理", "国办函〔2005〕57号"),  # 囤积居奇、哄抬物价
    ("总理参观工作时所提问题和建议的办理情况", "国办函〔2004〕25号"),  # 考察
    ("应急车牌是什么颜色", "国办发〔2018〕114号"),  # 号牌
    ("挖出毒气弹怎么办", "国办发〔1996〕25号"),  # 化学武器
    ("哪些车免交过路费", "国发〔2018〕42号"),  # 通行费
    ("新城会不会建摩天大楼", "国函〔2018〕159号"),  # 高楼大厦
    ("过年放几天假", "国办发明电〔2018〕15号"),  # 春节
]


def test_thesaurus_is_a_data_file_with_a_stated_source():
    text = synonyms.THESAURUS_FILE.read_text(encoding="utf-8")
    assert "# Source:" in text
    assert synonyms.load_thesaurus() == synonyms.THESAURUS and len(synonyms.THESAURUS) >= 50


def test_no_entries_fitted_to_single_questions():
    assert "当上" not in synonyms.THESAURUS and "新任" not in synonyms.THESAURUS
    assert not any("任" in terms for terms in synonyms.THESAURUS.values())  # appointments: question parsing
    assert "房租补助" not in synonyms.THESAURUS.get("房租", ())


def test_malformed_line_is_reported(tmp_path):
    bad = tmp_path / "t.tsv"
    bad.write_text("# c\n私立 社会办\n", encoding="utf-8")
    with pytest.raises(ValueError, match="t.tsv:2"):
        synonyms.load_thesaurus(bad)


@pytest.mark.skipif(not GOVCN.is_dir(), reason="../shared/corpora/govcn-policy-sample is absent")
def test_expansion_helps_keyword_retrieval_on_govcn(monkeypatch):
    from corpus.parse import parse_file
    from index.bm25 import KeywordIndex
    from index.tokenize import KeywordTokenizer, derive_terms

    docs = [d for p in sorted(GOVCN.glob("*.txt")) for d in parse_file(p)]
    units = [(d.doc_number, f"{d.title}\n{c.heading or ''}\n{c.text}") for d in docs for c in d.clauses]
    tok = KeywordTokenizer(derive_terms([d.title for d in docs], [], [], [d.issuer or "" for d in docs],
                                        [d.doc_number or "" for d in docs]))
    keyword = KeywordIndex()
    keyword.index([tok.tokenize(t) for _, t in units])

    def reciprocal_rank(question: str, doc: str) -> float:
        order = keyword.scores([tok.tokenize_query(question)])[0].argsort()[::-1]
        seen: list[str] = []
        for i in order:
            if units[i][0] not in seen:
                seen.append(units[i][0])
            if units[i][0] == doc:
                return 1 / len(seen)
        return 0.0

    expanded = [reciprocal_rank(q, d) for q, d in QUESTIONS]
    monkeypatch.setattr(synonyms, "THESAURUS", {})
    plain = [reciprocal_rank(q, d) for q, d in QUESTIONS]
    assert sum(expanded) / len(expanded) > sum(plain) / len(plain) + 0.1, (expanded, plain)
    assert sum(e > p for e, p in zip(expanded, plain)) >= 3
    assert all(e > p for e, p in zip(expanded[-4:-1], plain[-4:-1])), (expanded, plain)  # everyday names of things
    assert expanded[-1] >= 0.5 and plain[-1] < 0.1, (expanded[-1], plain[-1])  # a holiday by its everyday name
