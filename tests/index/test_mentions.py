"""Searcher.mentions from character-bigram tables (index/mentions.py) answers exactly as scanning the joined text."""
from __future__ import annotations

import random

from index.mentions import SEP, MentionIndex, joined_text, scan_mentions
from index.search import load_index

FIELDS = ["温州市基本建设管理办法", "", "第一条 为了加强基本建设项目管理，提高投资效益，制定本办法。",
          "温州市养犬管理条例", "总则", "为了加强养犬管理，规范养犬行为。", "附则", "电子竞技", "本条例自公布之日起施行。"]
TEXT = SEP.join(FIELDS)


def _same(text: str, terms: list[str], gaps=(0, 1, 2, 3)) -> None:
    index = MentionIndex(text)
    for gap in gaps:
        assert index.mentions(terms, gap) == scan_mentions(text, terms, gap), gap


def test_terms_within_a_field_are_found_and_others_not():
    index = MentionIndex(TEXT)
    terms = ["基本建设", "基建", "养犬", "加班费", "投资效益", "本办法", "温", "火", "", "电竞", "条例自公布之日起施行。"]
    assert index.mentions(terms) == [True, False, True, False, True, True, True, False, False, False, True]
    # With a gap a two-character term may have characters between its two: 基建 in 基本建设, 电竞 in 电子竞技.
    assert index.mentions(terms, gap=2) == [True, True, True, False, True, True, True, False, False, True, True]
    _same(TEXT, terms)


def test_nothing_straddles_two_fields():
    terms = ["办法第", "例为", "则电", "技本", "法温"]  # the end of one field and the start of the next
    assert MentionIndex(TEXT).mentions(terms, gap=2) == [False] * len(terms)
    assert MentionIndex(TEXT).mentions(["办第", "技条"], gap=3) == [False, False]  # a gap never crosses a field
    _same(TEXT, terms + ["办第", "技条"])


def test_gap_counts_the_characters_between():
    index = MentionIndex("基甲乙丙建")
    assert [index.mentions(["基建"], gap)[0] for gap in (1, 2, 3, 4)] == [False, False, True, True]
    _same("基甲乙丙建", ["基建", "基丙", "甲建", "建基"], gaps=(0, 1, 2, 3, 4))


def test_unusual_terms_and_gaps_are_answered_by_scanning():
    terms = [SEP, f"法{SEP}", "办法", "基建"]
    _same(TEXT, terms, gaps=(0, 2, 9, 20))
    assert MentionIndex("").mentions(["", "a", "ab", "abc"], gap=2) == [False] * 4


def test_random_texts_agree_with_the_scan():
    rng = random.Random(7)
    alphabet = "法律条例人民政府管理办" + SEP
    for _ in range(20):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 400)))
        terms = ["".join(rng.choice(alphabet[:-1]) for _ in range(rng.randrange(0, 6))) for _ in range(60)]
        terms += [text[i:i + n] for i in range(0, max(len(text) - 6, 0), 37) for n in (2, 3, 5)]
        _same(text, terms)


def test_searcher_mentions_its_records_text(built):
    searcher = load_index(built)
    text = joined_text(searcher.records)
    terms = ["医疗", "火星", "养犬", "诊所", "楠溪江", "基建", "营环", "全科诊所", "温州市养犬管理条例"]
    for gap in (0, 2):
        assert searcher.mentions(terms, gap) == scan_mentions(text, terms, gap)
    assert searcher.mentions(["医疗", "火星"]) == [True, False]
