"""Sentence splitting: exact substrings, list items kept whole, bare markers joined to their item."""
from hypothesis import given, strategies as st

from assistant.answer.sentences import split_sentences
from answer_fixtures import CLAUSES


def test_fixture_clauses_split_into_exact_substrings():
    for row in CLAUSES:
        text = row[-1]
        sentences = split_sentences(text)
        assert sentences
        for s in sentences:
            assert text[s.start:s.end] == s.text
            assert s.quote() in text
        # Nothing but whitespace is lost between sentences.
        assert "".join(s.text for s in sentences).replace("\n", "") == text.replace("\n", "")


def test_amount_sentence_is_its_own_unit():
    text = [r for r in CLAUSES if r[0] == 12][0][-1]
    first = split_sentences(text)[0].text
    assert first.endswith("分别给予50万元、150万元、300万元的一次性补助。")
    assert "贴息" not in first


def test_list_items_and_bare_markers():
    text = "申请材料如下：（1）营业执照复印件；（2）法定代表人身份证明；\n3.\n其他材料。"
    parts = [s.text for s in split_sentences(text)]
    assert parts == ["申请材料如下：", "（1）营业执照复印件；", "（2）法定代表人身份证明；", "3.\n其他材料。"]
    assert split_sentences(text)[1].quote() == "（1）营业执照复印件"


def test_terminator_inside_quotes_does_not_split():
    parts = [s.text for s in split_sentences("实行“两证合一。”制度。其他。")]
    assert parts == ["实行“两证合一。”制度。", "其他。"]


@given(st.text(alphabet="补助万元。；！？\n“”（）1 ", max_size=60))
def test_any_text_splits_into_exact_substrings(text):
    sentences = split_sentences(text)
    for s in sentences:
        assert text[s.start:s.end] == s.text and s.text.strip() == s.text and s.text
    starts = [s.start for s in sentences]
    assert starts == sorted(starts)
    assert "".join(s.text for s in sentences).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")
