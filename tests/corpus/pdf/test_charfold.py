"""Radical and compatibility characters that PDF producers emit fold to the unified ideographs."""
from __future__ import annotations

import unicodedata

from corpus.charfold import FOLD, fold_char, fold_cjk
from corpus.sources import decode_source


def _unified(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH")


def test_examples_from_extracted_gazettes():
    assert fold_cjk("温州市⼈⺠政府办公室") == "温州市人民政府办公室"
    assert fold_cjk("2019年7⽉1⽇") == "2019年7月1日"
    assert fold_cjk("⻓效机制、⻔诊") == "长效机制、门诊"


def test_every_kangxi_radical_folds_to_a_unified_ideograph():
    block = [chr(c) for c in range(0x2F00, 0x2FD6)]
    assert all(_unified(fold_char(ch)) for ch in block)
    assert fold_char("\u2f08") == "人" and fold_char("\u2f49") == "月"


def test_radicals_supplement_folds_where_unicode_names_an_equivalent():
    # EquivalentUnifiedIdeograph.txt lists U+2E81..U+2EF3 except U+2E9A (unassigned) and U+2E80.
    listed = [c for c in range(0x2E81, 0x2EF4) if c != 0x2E9A]
    assert len(FOLD) == len(listed) == 114
    assert all(_unified(fold_char(chr(c))) for c in listed)
    assert fold_char("\u2ea0") == "民" and fold_char("\u2ed3") == "长"
    assert fold_char("\u2e80") == "\u2e80"  # no equivalent: left alone


def test_compatibility_ideographs_fold_and_punctuation_stays_full_width():
    assert fold_cjk("\uf900") == "\u8c48"  # 豈
    text = "第一条　为了规范管理，制定本办法：（一）ＡＢＣ１２３"
    assert fold_cjk(text) == text  # NFKC would turn ，：（ and full-width letters into ASCII


def test_text_sources_are_folded_before_parsing():
    assert decode_source("⼀、总体要求\n⺠⽣".encode("utf-8"), "x.txt") == "一、总体要求\n民生"


def test_radicals_in_a_pdf_text_layer_are_folded(tmp_path):
    import pypdfium2 as pdfium

    from bench.gazette_pdf import Item, PagePlan, render_reportlab
    from corpus.pdf import read_pdf
    from corpus.pdf_layout import page_glyphs

    pdf = render_reportlab([PagePlan(items=[Item(20, 30, 5, "温州市⼈⺠政府办公室 2019年7⽉1⽇")])], tmp_path / "r.pdf")
    doc = pdfium.PdfDocument(str(pdf))
    raw = "".join(g.ch for g in page_glyphs(doc[0]))
    doc.close()
    assert "\u2f08" in raw and "\u2ea0" in raw  # the text layer really carries the radicals
    assert read_pdf(pdf).text.strip() == "温州市人民政府办公室 2019年7月1日"
