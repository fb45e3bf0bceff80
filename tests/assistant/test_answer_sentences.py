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


def test_a_line_introduces_items_with_or_without_its_colon():
    from assistant.answer.sentences import introduces_items

    assert introduces_items("现提出以下意见：")
    assert introduces_items("初次申请特殊工时行政许可的企业，……申请材料包括")  # the PDF lost the colon
    assert introduces_items("主要任务如下")
    assert not introduces_items("申请材料包括营业执照复印件。")
    assert not introduces_items("办公用房优惠由市级财政承担。")


def test_a_coordinate_abbreviation_matches_the_items_it_shortens():
    from assistant.answer.select import abbreviates, credit

    # 水电气 = 用水、用电、用气 (温政办〔2019〕49号 三、（十四）); 医养 = 医疗、养老 (State Council usage)
    text = "社会办医疗机构用电、用水、用气、用热价格与公立医疗机构同价。"
    assert abbreviates("水电气", text) and credit("水电气", text) >= 0.8
    assert abbreviates("医养", "推进医疗、养老服务融合发展")
    assert not abbreviates("水电气", "社会办医疗机构用电价格与公立医疗机构同价。")  # no list of them
    assert not abbreviates("社保", "参加社会保险")  # one word, not a list
    assert not abbreviates("电水", "用电、用热价格")  # 水 is in no item


def test_letter_spaced_words_are_matched_but_quoted_as_printed():
    from assistant.answer.select import credit
    from assistant.answer.sentences import unspaced

    # a roster line of 国办发〔2018〕109号 and a table header of 国办发〔2018〕126号, as the PDF spaces them out
    assert credit("主任", "主  任：孙春兰　　国务院副总理") == 1.0
    assert unspaced("序号 改革举措 主 要 内 容") == "序号改革举措主要内容"
    assert unspaced("2019 年") == "2019 年"  # only between Chinese characters


def test_a_noun_for_a_person_is_matched_by_what_it_names():
    from assistant.answer.select import credit

    # 国办函〔2004〕36号 names 哈尔滨市, never a 哈尔滨人; a 主持人 is spoken of where 主持 is
    assert credit("哈尔滨人", "同意以哈尔滨市名义申办2009年第二十四届世界大学生冬季运动会。") >= 0.8
    assert credit("主持人", "市长姚高员主持会议。") >= 0.8


def test_a_listed_mention_is_blanked_for_keyword_credit_only_where_listed():
    from assistant.answer.select import unlisted

    preamble = "经国务院批准，现将2019年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。"
    blanked = unlisted(preamble, ["国庆节", "春节", "放假"])
    assert "国庆节" not in blanked and "春节" not in blanked and "放假调休" in blanked and len(blanked) == len(preamble)
    assert unlisted("国庆节：10月1日至7日放假调休，共7天。", ["国庆节"]) == "国庆节：10月1日至7日放假调休，共7天。"


def test_a_quantity_in_chinese_numerals_meets_its_figures():
    from assistant.answer.select import credit, in_figures

    # 国办发明电〔2018〕15号 七 国庆节: "10月1日至7日放假调休，共7天。"
    assert credit("七天", "10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。") == 1.0
    assert in_figures("两年") == "2年" and in_figures("十二项") == "12项"
    assert in_figures("国庆") is None and credit("八天", "共7天。") < 0.8


def test_a_lead_in_that_lost_its_colon_still_introduces_the_items():
    # 国办函〔2005〕69号's preamble ends "为做好这项工作，我们采取了以下几方面的措施" (no colon in the printed text); parts
    # 一 to 五 follow. "以下" alone ends many sentences that introduce nothing ("100人以下"); a count after it does.
    from assistant.answer.sentences import introduces_items

    assert introduces_items("为做好这项工作，我们采取了以下几方面的措施")
    assert introduces_items("现提出以下三点意见")
    assert not introduces_items("对职工人数在100人以下的企业给予支持")


# 国办发〔2018〕126号 附件 三, as extracted: one cell a line, each row led by its number.
_VERTICAL_TABLE = ("13\n以协商估值、坏账分担为核心的中小企业商标质押贷款模式\n简化质押登记流程，建立商标质物处置机制，通过贷款贴息等方式，"
                   "开展商标权质押贷款等无形资产质押融资，拓展中小企业融资途径。\n中国人民银行、中国银保监会、工业和信息化部、国家知识产权局\n"
                   "全国\n14\n创新创业团队回购地方政府产业投资基金所持股权的机制\n地方政府产业投资基金在参股高层次创新创业团队所办企业时，"
                   "约定在一定时期内，创新创业团队可按照投资本金和同期商业贷款利息回购股权，激发创新创业积极性。\n国家发展改革委、财政部\n全国")


def test_a_quote_from_a_table_printed_one_cell_a_line_is_its_whole_row():
    from assistant.answer.select import span
    from answer_fixtures import make_hit

    hit = make_hit((1, "国办发〔2018〕126号", "国务院办公厅关于推广第二批支持创新相关改革举措的通知", ("附件", "三"), "附件 三",
                    None, _VERTICAL_TABLE))
    start = _VERTICAL_TABLE.index("以协商估值")
    quote = span(hit, start, _VERTICAL_TABLE.index("\n", start)).quote
    # The departments guiding the measure and where it applies are cells of its row; the next row is not.
    assert quote.startswith("以协商估值") and quote.endswith("国家知识产权局\n全国"), quote
    # A table of figures (rows led by names, numbers that do not run on by one) is quoted as picked.
    figures = "江苏\n100\n100\n120\n上海\n105\n70\n135"
    hit = make_hit((2, None, "计划表", ("结语",), "结语", None, figures))
    assert span(hit, 0, 2).quote == "江苏"
