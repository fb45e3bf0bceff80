"""The parser never raises and keeps its invariants on generated and mutated text (bench/fuzz_parser.py)."""
from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.fuzz_parser import GAZETTE, check_documents, run, verbatim_pieces
from corpus.parse import parse_text

# Pieces of gazette, policy and statute text, so generated inputs reach the parsers' branches, not only the fallback.
TOKENS = [
    "一、", "二、", "（一）", "（二）", "1.", "2.", "（1）", "①", "第一条", "第二条", "第三条", "第一章", "第二章", "附则",
    "附件：", "附件1", "温政办〔2019〕49号", "温政办[2019]第49号", "温政办〔２０１９〕４９号", "国令第707号", "第5号",
    "温州市人民政府令", "2019年7月1日", "二〇一九年七月一日", "各县（市、区）人民政府：", "温州市人民政府办公室",
    "关于印发", "的通知", "。", "，", "；", "：", "\n", "\n\n", " ", "        ", "\u3000\u3000", "\f", "政务简讯",
    "政府记事", "统计资料", "人事任免", "温州市人民政府公报（总第203期）", "12日", "△", "7月18日，",
    "ZJCC01-2019-0001", "&nbsp;", "&amp;", "<!-- INFO END -->", "# 标题", "10 20 30 40", "1 2 3 4\n", "·12·",
    "放宽市场准入", "本意见自2019年8月11日起施行。", "\t", "《温州市养犬管理条例》",
]
TEXTS = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), max_size=120).map("".join)
MUTATIONS = 300
EXAMPLES = 100


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_generated_text_keeps_the_invariants(text):
    assert check_documents(text, parse_text(text, "generated.txt")) == []


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode_keeps_the_invariants(text):
    assert check_documents(text, parse_text(text, "arbitrary.txt")) == []


def test_blank_text_gives_no_document():
    assert parse_text("", "a.txt") == [] and parse_text(" \n\u3000\f\n", "a.txt") == []


def test_bare_markers_are_not_clauses():
    docs = parse_text("附件：\n一、", "a.txt")
    assert all(c.text.strip() or c.heading for d in docs for c in d.clauses)


def test_gazette_doc_numbers_are_canonical():
    from corpus.numbers import normalize_doc_number

    for raw in ("温政办[2019] 第049号", "温政办（２０１９）４９号", "温政办〔2019〕49号"):
        assert normalize_doc_number(raw) == "温政办〔2019〕49号"


def test_the_real_gazette_is_parsed_verbatim():
    text = GAZETTE.read_text(encoding="utf-8")
    docs = parse_text(text, GAZETTE.name)
    assert check_documents(text, docs) == []
    chars, pieces = verbatim_pieces(text, docs)
    # Clause text is long verbatim runs of the source (mean 77 characters when measured), cut only where
    # reading-order repair or page furniture removal joined distant text.
    assert chars / pieces > 30


def test_mutated_gazettes_keep_the_invariants(capsys):
    started = time.perf_counter()
    result = run(MUTATIONS, seed=20240601)
    assert result["failures"] == [], "\n".join(result["failures"][:10])
    assert result["documents"] > MUTATIONS  # the mutations still parse into real documents, not only fallbacks
    assert result["mean_verbatim_piece"] > 10
    with capsys.disabled():
        print(f"\nparser fuzz: {MUTATIONS} mutated gazettes + {2 * EXAMPLES} generated texts, "
              f"{result['documents']} documents, {result['clauses']} clauses, worst parse "
              f"{result['worst_parse_seconds']:.2f} s, mean verbatim piece {result['mean_verbatim_piece']:.0f} chars, "
              f"{time.perf_counter() - started:.0f} s")
