"""Document numbers and Chinese numerals: the one definition in corpus/numbers.py."""
from __future__ import annotations

import pytest

from corpus.numbers import (DOC_NUMBER, DOC_NUMBER_IN_TEXT, cn_to_int, find_doc_number, int_to_cn,
                            normalize_doc_number, to_int)


@pytest.mark.parametrize("raw", ["温政办〔2019〕49号", "温政办[2019]49号", "温政办［2019］49号", "温政办【2019】49号",
                                 "温政办(2019)49号", "温政办（2019）49号", "温政办[2019] 第049号",
                                 "温政办（２０１９）４９号", " 温政办 〔2019〕 49 号 "])
def test_every_bracket_pair_and_width_normalizes_to_one_form(raw):
    assert normalize_doc_number(raw) == "温政办〔2019〕49号"


def test_issuer_length_and_serial_width():
    assert DOC_NUMBER.fullmatch("浙江省人民政府办公厅〔2020〕12345号")  # long issuer, five-digit serial
    assert not DOC_NUMBER.fullmatch("温政办〔2019〕123456号")
    assert not DOC_NUMBER.fullmatch("〔2019〕49号")  # a line needs its issuer
    assert normalize_doc_number("不是文号 的文字") == "不是文号的文字"


def test_numbers_in_running_text():
    assert find_doc_number("按照国办发〔2019〕6号文件执行") == "按照国办发〔2019〕6号"  # callers strip lead words
    assert find_doc_number("见〔2018〕45号文") == "见〔2018〕45号"
    assert DOC_NUMBER_IN_TEXT.search("（1234）5号") is None  # not a plausible year
    assert find_doc_number("没有文号") is None


@pytest.mark.parametrize("text,value", [("三", 3), ("十", 10), ("十一", 11), ("二十三", 23), ("一百零五", 105),
                                        ("两", 2), ("〇", 0), ("一千二百三十四", 1234), ("条", 0), ("", 0)])
def test_chinese_numerals(text, value):
    assert cn_to_int(text) == value


def test_item_numbers_both_ways():
    assert to_int("12") == 12 and to_int("十二") == 12 and to_int("x") == 0
    assert [int_to_cn(n) for n in (1, 10, 11, 20, 99)] == ["一", "十", "十一", "二十", "九十九"]
    assert int_to_cn(105) == "105"  # clause paths beyond 99 are not written out
