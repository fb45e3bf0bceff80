"""The answer stage on a corpus it was not developed on: State Council documents (../shared/corpora/govcn-policy-sample),
real model. Our own questions, one per form; skipped when the shared corpus is absent. GAZETTE_GOVCN_INDEX=DIR reuses
an index built over that folder."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

GOVCN = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "govcn-policy-sample" / "docs"
D5, D707, D706 = "国发〔2019〕5号", "国令第707号", "国令第706号"

# (question, document the answer must cite, text the answer must contain)
ANSWERABLE = [
    ("个人所得税法实施条例从什么时候开始施行？", D707, "2019年1月1日"),
    ("個人所得稅法實施條例什麼時候施行？", D707, "2019年1月1日"),  # traditional characters
    ("双随机一公开监管到2019年底要达到什么目标？", D5, "到2019年底"),
    ("国发〔2019〕5号 三、（二）规定了什么？", D5, "随机抽查事项清单"),
    ("抽查检查结果公示按照什么原则？", D5, "谁检查、谁录入、谁公开"),
    ("执法检查人员名录库应当包括哪些人员？", D5, "行政执法类公务员"),
    ("随机抽查事项分为哪两类？", D5, "重点检查事项和一般检查事项"),
    ("抽查检查结果通过什么平台公示？", D5, "国家企业信用信息公示系统"),
    # the article's own list (第八条 下列条件：), not the chapter whose heading is the subject (第二章 专利代理机构)
    ("有限责任公司形式的专利代理机构需要满足哪些条件？", D706, "有独立的经营场所"),
    ("国发〔2019〕5号是什么时候印发的？", D5, "2019年1月27日"),  # the signature line
    # 六 ends "证监会、发展改革委提出了以下意见：": the answer is in its items （一）（二）
    ("大连商品交易所增设玉米期货的问题最后怎么办的？", "国办函〔2004〕57号", "国务院领导已经批复同意"),
    # a decree named by its number, its articles counted
    ("国令第707号一共有多少条？", D707, "该文件共有36条"),
    ("专利代理条例一共几条？", D706, "该文件共有32条"),  # named by its title
    ("国务院令第706号第二十五条讲了什么？", D706, "未办理变更手续"),
    # a validity question on a document that prints only its start
    ("国令第707号有效期到什么时候？", D707, "未写明有效期截止日期"),
    # "…执行到什么时候" asks how long the policies hold, not when the document was issued (印发 in another clause)
    ("国办发〔2018〕124号文印发的两个规定，没写具体期限的政策执行到什么时候？", "国办发〔2018〕124号", "2023年12月31日"),
    # …but a policy whose own clause sets its time limit is answered by that clause
    ("省属重点文化企业免交国有资本收益，这个政策到什么时候截止？", "国办发〔2018〕124号", "2020年年底前"),
    # an item named by its number (第十二项) is that clause
    ("国办发〔2018〕117号第十二项是什么激励措施？", "国办发〔2018〕117号", "国家自主创新示范区"),
    # a resident describing their situation before asking
    ("我家住的小区是新建的，开发商配了一所幼儿园。听说要交出去办，这所幼儿园能不能办成营利性的？", "国办发〔2019〕3号",
     "不得办成营利性幼儿园"),
    # a number of days in Chinese numerals meets its figures ("七天": 七 国庆节 "…共7天。")
    ("2019年国庆放七天假，前后要补哪两天班？", "国办发明电〔2018〕15号", "10月12日"),
    # 第十一条 is the answer, not 第三章 专利代理执业 (its heading's words, above a clause ranked far below)
    ("拿到专利代理师资格证以后，想正式执业还需要满足哪些条件？", D706, "实习满１年"),
    # a reply whose preamble ends "我们采取了以下几方面的措施：": the numbered parts after it are the measures
    ("关于完善政府网站的那件政协提案，国办的答复说了采取了哪些方面的措施？", "国办函〔2005〕69号", "中央政府门户网站"),
]
UNANSWERABLE = ["温州出租车起步价是多少？", "宠物医院开业能拿多少补贴？"]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    if not GOVCN.is_dir():
        pytest.skip("../shared/corpora/govcn-policy-sample is absent")
    from index.build import build_index
    from index.search import load_index

    folder = os.environ.get("GAZETTE_GOVCN_INDEX")
    if not folder:
        folder = tmp_path_factory.mktemp("govcn") / "idx"
        build_index([GOVCN], folder, None, progress=False)
    return load_index(folder)


@pytest.mark.parametrize("question, doc, fact", ANSWERABLE, ids=[q for q, _, _ in ANSWERABLE])
def test_answer_cites_the_document_and_states_the_fact(searcher, question, doc, fact):
    from assistant.answer import answer_question

    answer = answer_question(question, searcher)
    assert not answer.abstained, answer.text
    assert doc in {c.doc_number for c in answer.citations}, answer.text
    assert fact in answer.text, answer.text
    for c in answer.citations:
        assert c.quote in searcher.records[c.clause_id].text


@pytest.mark.parametrize("question", UNANSWERABLE)
def test_unanswerable_is_refused(searcher, question):
    from assistant.answer import answer_question

    assert answer_question(question, searcher).abstained


# Held-out set over this corpus (tests/eval/sets/govcn-policy-test.jsonl, 114 cases, never tuned on): measured values
# rounded down by about 0.01, and issue 10's floor against quoting the top-ranked clause whole.
GOVCN_SET = Path(__file__).resolve().parents[1] / "eval" / "sets" / "govcn-policy-test.jsonl"
GOVCN_MIN = {"hit@5": 0.95, "citation_recall": 0.93, "fact_recall": 0.94, "abstention_f1": 0.83, "verbatim": 1.0}


def test_held_out_state_council_set(searcher):
    from assistant.evaluation import answerer_for
    from eval.evalset import load_evalset
    from eval.runner import run_eval
    from eval.score import check_gate, score

    overall = score(run_eval(load_evalset(GOVCN_SET), searcher, answerer_for(searcher)).rows)["overall"]
    assert not check_gate(overall, GOVCN_MIN), check_gate(overall, GOVCN_MIN)
    assert overall["fact_recall"] >= overall["baseline_fact_recall"]
    assert overall["citation_recall"] >= overall["hit@1"]


@pytest.mark.parametrize("question, missing", [("专利代理师资格考试报名费多少钱？", "资格考试报名费"),
                                               ("综合保税区的规划面积要多大？", "规划面积")])
def test_a_figure_of_something_no_clause_found_names_is_not_given(searcher, question, missing):
    # The clauses found print figures (or none) of other things: what the gazette says, and that it gives no such figure.
    from assistant.answer import answer_question

    answer = answer_question(question, searcher)
    assert answer.abstained or answer.partial, answer.text
    assert f"没有规定{missing}" in answer.text or f"没有写明“{missing}”" in answer.text, answer.text


def test_a_figure_the_clauses_found_do_not_give_is_declined(searcher):
    # 国办发〔2019〕3号 says the kindergartens become 普惠性民办园 and their 补助标准 is to be set; it states no fee.
    from assistant.answer import answer_question

    answer = answer_question("小区配套幼儿园办成普惠园以后，每个月保教费最多能收多少？", searcher)
    assert answer.abstained and answer.partial and "没有规定具体数额" in answer.text, answer.text
    # …whereas a limit the text says there is none of is the answer
    answer = answer_question("重点检查事项的抽查比例有没有上限？", searcher)
    assert not answer.abstained and "不设上限" in answer.text, answer.text


def test_a_district_and_a_figure_no_clause_gives_are_declined(searcher):
    # 国函〔1996〕95号 approves the move and says who pays; it names no district and no area.
    from assistant.answer import answer_question

    answer = answer_question("武警总部后勤部机关迁到北京哪个区？新址占地多少亩？", searcher)
    assert answer.abstained and answer.partial and "具体的区或县" in answer.text, answer.text


def test_a_number_of_days_no_clause_gives_is_declined(searcher):
    # 国办发〔2018〕123号 asks 僵尸 accounts be closed but sets no number of days without updates.
    from assistant.answer import answer_question

    answer = answer_question("政务新媒体账号连续多少天不更新就要被关停？", searcher)
    assert answer.abstained and answer.partial and "没有规定具体时间或期限" in answer.text, answer.text


def test_a_rule_counting_what_is_asked_answers_even_with_an_appointment_verb(searcher):
    # 国办发〔1997〕11号 三（二）5 "只能担任一个社会团体的法定代表人": a count of what is asked, not a personnel item.
    from assistant.answer import answer_question

    answer = answer_question("一个人最多能同时担任几个社会团体的法定代表人？", searcher)
    assert not answer.abstained and "只能担任一个" in answer.text, answer.text


def test_a_time_limit_is_not_the_date_a_document_was_issued(searcher):
    from assistant.answer import answer_question

    answer = answer_question("国办发〔2018〕118号规定执法决定信息一般在多长时间内公布？", searcher)
    assert "落款日期" not in answer.text and "20个工作日" in answer.text, answer.text


def test_a_bracketed_item_the_document_lacks_is_reported_missing(searcher):
    from assistant.answer import answer_question

    answer = answer_question("国发〔2018〕42号第（二十五）条是怎么规定的？", searcher)
    assert answer.abstained and "没有所问的条款" in answer.text, answer.text
    answer = answer_question("国发〔2018〕42号第（九）条是怎么规定的？", searcher)
    assert answer.citations[0].label.endswith("（九）"), answer.text


def test_a_fee_no_document_mentions_is_declined_with_what_the_gazette_says(searcher):
    # 国办发〔2018〕114号 says how the plates are issued, never what they cost: the question is declined (an
    # abstention), the answer still quoting what the gazette says.
    from assistant.answer import answer_question

    answer = answer_question("应急救援专用号牌核发时每副收多少工本费？", searcher)
    assert answer.abstained and answer.partial and "没有规定工本费" in answer.text, answer.text
    assert answer.citations and answer.citations[0].doc_number == "国办发〔2018〕114号"


def test_an_article_of_the_document_named_is_not_another_documents(searcher):
    # 国发〔1981〕88号 has parts 一、二 and no 第五条; 专利代理条例's 第五条 is not the one asked.
    from assistant.answer import answer_question

    answer = answer_question("国发〔1981〕88号第五条规定了什么？", searcher)
    assert answer.abstained and "没有所问的条款" in answer.text, answer.text


def test_two_places_compared_are_each_answered_from_their_own_document(searcher):
    from assistant.answer import answer_question

    answer = answer_question("哈尔滨申办大冬会和深圳申办大运会，申办经费分别由哪个省政府承担？", searcher)
    assert not answer.abstained and {c.doc_number for c in answer.citations} >= {"国办函〔2004〕36号", "国办函〔2004〕88号"}
    assert "黑龙江省人民政府" in answer.text and "广东省人民政府" in answer.text, answer.text


def test_places_compared_each_with_its_own_year(searcher):
    # 2009 is Harbin's year and 2011 Shenzhen's: each document backs the place and year asked of it.
    from assistant.answer import answer_question

    answer = answer_question("哈尔滨申办2009年大冬会和深圳申办2011年大运会，举办的主要经费分别由哪个省政府承担？", searcher)
    assert not answer.abstained and "黑龙江省人民政府" in answer.text and "广东省人民政府" in answer.text, answer.text
    # Two places asked of together are no comparison: 台湾 is still checked ("广东与香港、澳门合建…").
    assert answer_question("国办函〔1996〕14号同意广东与台湾合建几个自动气象站？", searcher).abstained


def test_a_part_printed_as_omitted_is_declined_with_its_clause(searcher):
    # 国办函〔2004〕57号 五 "关于大连新机场建设项目问题" prints only "（略）": no other section's opinion answers it.
    from assistant.answer import answer_question

    answer = answer_question("辽宁提出的大连新机场建设项目，国务院有关部门是怎么答复的？", searcher)
    assert answer.abstained and answer.partial and answer.citations[0].path == ("五",), answer.text
    assert "略去未载" in answer.text
    # Named by its number, the part is the same "（略）": it is not quoted as if it answered.
    named = answer_question("国办函〔2004〕57号第五部分是怎么说的？", searcher)
    assert named.abstained and named.partial and named.citations[0].path == ("五",), named.text


def test_figures_every_part_asks_and_no_quote_gives_are_declined(searcher):
    # 国办函〔1996〕16号 一 prints the sums as "XXX元".
    from assistant.answer import answer_question

    answer = answer_question("国家每年拿出多少钱专门用于黄金地质勘探？其中人民银行出多少？", searcher)
    assert answer.abstained and answer.partial and "没有规定具体数额" in answer.text, answer.text


def test_a_provinces_request_is_not_the_reply_to_it(searcher):
    # 国办函〔2004〕71号 十 lists what 四川 asked for ("三是将你省纳入森林生态效益补偿范围"); 十、3 says what was decided.
    from assistant.answer import answer_question

    answer = answer_question("四川全省都在搞天然林保护工程，那四川能拿到森林生态效益补偿吗？", searcher)
    assert answer.citations[0].path == ("十", "3") and "暂无法享受补偿政策" in answer.text, answer.text


def test_a_district_no_document_names_is_declined(searcher):
    from assistant.answer import answer_question

    answer = answer_question("武警总部后勤部的新址最后选在了北京哪个区？", searcher)
    assert answer.abstained and answer.partial and "没有规定具体的区或县" in answer.text, answer.text


def test_a_figure_is_of_the_noun_printed_next_to_it(searcher):
    # 国办发〔2019〕2号 四（一）: "…药品价格与中选药品集中采购价格差异较大，可渐进调整支付标准，在2—3年内调整到位": the
    # years are the adjustment's, not a price; no sentence gives how much the prices fell.
    from assistant.answer import answer_question

    answer = answer_question("国家组织药品集中采购试点，中选药品价格平均降了多少？", searcher)
    assert answer.abstained, answer.text
    kept = answer_question("清理整顿社会团体时，予以保留的社团，秘书长以上负责人年龄一般不超过多少岁？", searcher)
    assert not kept.abstained and "70周岁" in kept.text, kept.text  # 负责人 opens the sentence, 年龄 is next to 70周岁


def test_a_count_of_the_thing_asked_is_not_another_documents_figure(searcher):
    # 国办函〔2004〕80号 (巴东县 地质灾害, 三峡水库135米) ranks first on the question's place words; the count asked is
    # in 国办函〔2004〕25号 五: "坝前135米水位蓄水4个月，成功预警16处滑坡".
    from assistant.answer import answer_question

    answer = answer_question("三峡水库蓄到135米之后的4个月里，一共提前预警了多少处滑坡？", searcher)
    assert not answer.partial and "16处滑坡" in answer.text, answer.text


def test_how_a_body_replied_is_quoted_from_the_reply_not_the_reports_it_encloses(searcher):
    # 国办函〔2004〕80号: the reply (长期监测…另向财政部专题报告) is its own text; 附件1 and 附件2 are the experts' reports.
    from assistant.answer import answer_question

    answer = answer_question("巴东县马鬃山村房屋开裂的事，国务院办公厅是怎么答复湖北省的？", searcher)
    assert answer.citations[0].label == "导语" and "长期监测" in answer.text, answer.text


def test_a_heading_of_two_clauses_names_no_kind_of_item_to_count(searcher):
    # 国发〔2019〕3号 四（一） "统筹两个市场，打造加工制造中心" ends with 中心 but names one centre and its measures; 三
    # lists the five centres the zones are to become.
    from assistant.answer import answer_question

    answer = answer_question("国发〔2019〕3号提出要把综合保税区建成几个“中心”？分别是什么？", searcher)
    assert answer.citations[0].label == "三" and "销售服务中心" in answer.text, answer.text


def test_the_answer_quotes_the_document_named(searcher):
    # 题目 is a word no document uses, but only asks for the name the reply prints (《关于设立总理热线电话的提案》);
    # it is quoted from 82号, not from another reply (69号).
    from assistant.answer import answer_question

    answer = answer_question("国办函〔2006〕82号答复的那份提案题目叫什么？", searcher)
    assert {c.doc_number for c in answer.citations} == {"国办函〔2006〕82号"}, answer.text
    assert not answer.abstained and "关于设立总理热线电话的提案" in answer.text, answer.text


def test_two_documents_named_are_both_quoted(searcher):
    # 国办函〔2004〕36号 and 88号 each have one clause; the second named must not fall behind other documents' clauses
    # when the answer-type prior reorders the hits, and the answer quotes each.
    from assistant.answer import answer_question

    hits = searcher.search("对比国办函〔2004〕36号和国办函〔2004〕88号：申办经费各由谁承担，中央财政的补助是否一样？", k=5)
    assert {h.doc_number for h in hits[:2]} == {"国办函〔2004〕36号", "国办函〔2004〕88号"}
    answer = answer_question("对比国办函〔2004〕36号和国办函〔2004〕88号：申办经费各由谁承担，中央财政的补助是否一样？",
                             searcher)
    assert {c.doc_number for c in answer.citations} >= {"国办函〔2004〕36号", "国办函〔2004〕88号"}, answer.text
    assert "黑龙江省人民政府" in answer.text and "广东省人民政府" in answer.text


def test_two_places_set_against_each_other_are_each_backed_by_their_own_document(searcher):
    from assistant.answer import answer_question

    answer = answer_question("哈尔滨2009年大冬会和深圳2011年大运会的申办经费承担有什么不同？", searcher)
    assert not answer.abstained, answer.text
    assert {c.doc_number for c in answer.citations} == {"国办函〔2004〕36号", "国办函〔2004〕88号"}, answer.text
    # "对比" sets them against each other too.
    compared = answer_question("对比一下哈尔滨申办大冬会和深圳申办大运会，申办经费由哪个省出？", searcher)
    assert not compared.abstained, compared.text


def test_a_document_whose_parts_have_no_headings_is_summed_up_part_by_part(searcher):
    # 国办发〔1996〕25号 numbers its parts 一、二、三 without headings: each part's first sentence says what it is about.
    from assistant.answer import answer_question

    answer = answer_question("国办发〔1996〕25号这份通知主要讲了些什么？", searcher)
    assert [c.label for c in answer.citations] == ["导语", "一", "二", "三"], answer.text


def test_the_aspects_of_a_document_named_are_its_parts(searcher):
    # 国办函〔2004〕25号 answers 湖北's requests under five headed parts (一、关于…问题 … 五、关于…问题).
    from assistant.answer import answer_question

    answer = answer_question("国办函〔2004〕25号答复了湖北哪几方面的问题？", searcher)
    assert {"一", "二", "三", "四", "五"} <= {c.label for c in answer.citations}, answer.text


def test_a_document_the_gazette_only_cites_is_answered_by_what_it_says_of_it(searcher):
    # 国办发〔2018〕117号 结语: "…《…》（国办发〔2016〕82号）停止执行。" The sample does not hold 82号 itself.
    from assistant.answer import answer_question

    status = answer_question("国办发〔2016〕82号这个文件现在还有效吗？", searcher)
    assert not status.abstained and "停止执行" in status.text, status.text
    assert status.citations[0].doc_number == "国办发〔2018〕117号"
    content = answer_question("国办发〔2016〕82号对督查激励作了哪些具体规定？", searcher)
    assert content.abstained and content.partial and "公报未收录该文件" in content.text, content.text


def test_a_part_printed_only_by_its_count_is_not_answered_with_another_parts_list(searcher):
    # 国办发〔2018〕126号 一、（四） reads "军民深度融合方面6项。" and its 附件 四 is a heading alone; （一） lists its 5 items.
    from assistant.answer import answer_question

    counted = answer_question("126号文推广的军民深度融合方面的举措有哪些？", searcher)
    assert counted.abstained and counted.partial and counted.citations[0].label == "一、（四）", counted.text
    listed = answer_question("126号文推广的知识产权保护方面的举措有哪些？", searcher)
    assert not listed.abstained and "专利保险机制" in listed.text, listed.text
    # Asked without 哪些, retrieval puts the heading alone ("附件 四 军民深度融合方面（共6项）") first: the sentence
    # saying how many is quoted.
    named = answer_question("126号文里军民深度融合那6项具体都是什么？我们想对照一下。", searcher)
    assert named.abstained and named.partial and named.citations[0].label == "一、（四）", named.text


def test_a_part_printed_as_omitted_in_the_document_named_is_declined(searcher):
    # 国办函〔2004〕57号 五 (大连新机场建设项目) is printed "（略）".
    from assistant.answer import answer_question

    answer = answer_question("国办函〔2004〕57号里关于大连新机场建设项目，发展改革委的办理意见是什么？", searcher)
    assert answer.abstained and answer.partial and answer.citations[0].label == "五", answer.text


def test_a_section_named_by_its_heading_answers_which_aspects_not_the_whole_document(searcher):
    # 国办发〔2004〕7号 二、建立煤矿安全生产长效机制 prints its four measures inline ("一是…二是…").
    from assistant.answer import answer_question

    answer = answer_question("国办发〔2004〕7号里建立煤矿安全生产长效机制有哪几方面？", searcher)
    assert [c.path for c in answer.citations] == [("二",)], answer.text
    assert "一是落实安全生产责任制" in answer.text and "四是进一步搞好煤矿安全评估" in answer.text
    # The document's aspects, asked without a section's heading, are still its sections.
    whole = answer_question("国办发〔2004〕7号提出了哪几方面要求？", searcher)
    assert len(whole.citations) >= 3, whole.text


def test_a_figure_of_another_year_than_the_one_asked_is_declined(searcher):
    # 国办发〔1997〕2号 一 counts 1996's earthquakes ("1996年…共发生5级以上地震38次"); none of 1997's.
    from assistant.answer import answer_question

    answer = answer_question("1997年我国实际发生了几次7级以上地震？", searcher)
    assert answer.abstained and answer.partial and "1997年的具体数字" in answer.text, answer.text
    answer = answer_question("1996年我国一共发生了多少次5级以上地震？", searcher)
    assert not answer.abstained and "38次" in answer.text, answer.text


def test_a_count_the_document_prints_is_quoted_before_the_items_it_counts(searcher):
    # 国办发〔2018〕108号: the preamble prints "…等130项地方典型经验做法予以通报表扬"; 附件 "…典型经验做法（共130项）"
    # lists them, its heading already stating the count.
    from assistant.answer import answer_question

    answer = answer_question("第五次大督查通报表扬的地方典型经验做法一共多少项？", searcher)
    assert answer.citations[0].path == () and "130项" in answer.citations[0].quote, answer.text
    assert "（共130项）共130项" not in answer.text, answer.text
    # Retrieval may find only the items ("四川省眉山市突出地方特色…"): the count of what is asked (地方…做法) is then
    # looked for in their document, not declined.
    answer = answer_question("国务院第五次大督查一共通报表扬了多少项地方的好做法？", searcher)
    assert not answer.abstained and "130项" in answer.text, answer.text


@pytest.mark.parametrize("holiday, path, fact", [("清明节", ("三",), "4月5日放假"),
                                                 ("元旦", ("一",), "2018年12月30日至2019年1月1日放假调休")])
def test_the_clause_headed_by_what_is_asked_is_quoted_not_only_the_preamble_listing_it(searcher, holiday, path, fact):
    # 国办发明电〔2018〕15号: the preamble lists "元旦、春节、清明节、…和国庆节放假调休日期的具体安排"; each holiday has a
    # clause headed by its name (四 劳动节: "5月1日放假。").
    from assistant.answer import answer_question

    answer = answer_question(f"2019年{holiday}放假怎么安排？", searcher)
    assert path in {tuple(c.path) for c in answer.citations} and fact in answer.text, answer.text



def test_paragraphs_opening_with_run_in_headings_are_the_items_listed(searcher):
    # 国发〔2018〕38号 五 切实做好组织实施: four paragraphs, each opening with a heading sentence of its own
    # ("坚持党的领导。…", "维护国家安全。…", "强化组织管理。…", "狠抓工作落实。…").
    from assistant.answer import answer_question

    answer = answer_question("国发〔2018〕38号“切实做好组织实施”这部分有哪几点要求？", searcher)
    for heading in ("坚持党的领导。", "维护国家安全。", "强化组织管理。", "狠抓工作落实。"):
        assert heading in answer.text, answer.text
    assert {tuple(c.path) for c in answer.citations} == {("五",)}, answer.text


def test_a_figure_the_clause_named_does_not_give_is_declined_with_what_it_says(searcher):
    # 国办发〔2018〕124号 七、（二十二）: "同级财政可一次性拨付一定数额的资金" names the money, gives no figure of it.
    from assistant.answer import answer_question

    answer = answer_question("国办发〔2018〕124号第（二十二）项里，同级财政一次性拨付给转制单位的资金是多少？", searcher)
    assert answer.abstained and answer.partial and "一定数额的资金" in answer.text, answer.text
    assert [tuple(c.path) for c in answer.citations] == [("七", "（二十二）")], answer.text


def test_a_verb_jieba_takes_for_a_place_still_matches_the_clause(searcher):
    # 国函〔1996〕95号: "同意武警总部后勤部机关及部分直属单位迁址新建，所需建设资金由你们自筹解决". 盖楼 is never printed;
    # the rest of the question (新建 included, which jieba tags as 新建县) matches the reply, so say what it does say.
    from assistant.answer import answer_question

    answer = answer_question("1996年那会儿武警总部后勤部机关搬迁新建，盖楼的钱是从哪儿出的？", searcher)
    assert not answer.abstained and "自筹解决" in answer.text, answer.text


def test_what_a_named_notice_says_as_a_list_is_its_parts(searcher):
    # 国办发〔1996〕25号 has three numbered parts; "那份通知，主要讲了哪些内容" asks for them, not the preamble alone.
    from assistant.answer import answer_question

    answer = answer_question("国务院办公厅和中央军委办公厅关于日军遗弃化学武器的那份通知，主要讲了哪些内容？", searcher)
    assert {("一",), ("二",), ("三",)} <= {tuple(c.path) for c in answer.citations}, answer.text


def test_the_holder_of_a_post_is_named_by_yi_wei(searcher):
    # 国办函〔2004〕80号: "组织了以华中科技大学刘广润院士为组长的更大范围的专家组" says who the 组长 was.
    from assistant.answer import answer_question

    answer = answer_question("2004年国土资源部派去巴东县马鬃山村查看地质险情的专家组，组长是谁？", searcher)
    assert not answer.abstained and "刘广润院士" in answer.text, answer.text


def test_a_sum_asked_by_what_it_pays_is_not_answered_by_a_count(searcher):
    # 国办函〔2004〕80号 prints no compensation per household; "振动事件567次" is no sum of money.
    from assistant.answer import answer_question

    answer = answer_question("巴东马鬃山村危险区搬走的村民，每户能拿多少搬迁补偿？", searcher)
    assert answer.abstained, answer.text


def test_a_question_framed_in_when_or_if_is_answered_on_its_topic(searcher):
    # 国办函〔2005〕57号 4.2.2（4）: "…紧急征用粮食经营者的粮食、交通工具以及相关设施，并给予合理补偿". "要是" frames the
    # question; no clause need print it.
    from assistant.answer import answer_question

    answer = answer_question("要是闹粮荒，政府把我们粮店的粮食和货车征用了，会给钱吗？", searcher)
    assert not answer.abstained and "合理补偿" in answer.text, answer.text


def test_the_sentence_defining_the_term_asked_about_answers_what_it_is(searcher):
    # 国办发〔2018〕129号 导语: "消费扶贫是社会各界通过消费来自贫困地区和贫困人口的产品与服务，…的一种扶贫方式" repeats few
    # of the question's other words (国家); sentences of 二（三） repeat more ("在国家扶贫日前后积极开展消费扶贫活动").
    from assistant.answer import answer_question

    answer = answer_question("国家说的“消费扶贫”到底是怎么回事？", searcher)
    assert answer.citations[0].path == () and "一种扶贫方式" in answer.citations[0].quote, answer.text


def test_a_deadline_asked_is_the_date_something_is_due_by(searcher):
    # 国办发〔2019〕3号: the preamble dates an event ("2018年11月，…印发"); 三、2 "原则上于2019年6月底前完成" is the deadline.
    from assistant.answer import answer_question

    answer = answer_question("我们小区建好的配套幼儿园还没交给教育局，按要求最晚什么时候要办完移交？", searcher)
    assert "2019年6月底前" in answer.text.splitlines()[0], answer.text
    # 国办发〔2019〕4号 四（一） "在2019年9月底前，完成…上传至…信息系统": a date due by states the 截止 asked.
    upload = answer_question("三级公立医院把病案首页、财务报表数据上传到考核系统，截止时间是什么时候？", searcher)
    assert not upload.abstained and "2019年9月底前" in upload.text, upload.text


def test_a_count_the_gazette_prints_is_quoted(searcher):
    # 国办发〔2018〕126号 一（四） prints "军民深度融合方面6项。" where the other sections list their items.
    from assistant.answer import answer_question

    answer = answer_question("第二批支持创新的改革举措中，军民深度融合方面一共有几项？", searcher)
    assert tuple(answer.citations[0].path) == ("一", "（四）"), answer.text


def test_a_grade_asked_is_answered_by_the_grade_named(searcher):
    # 国发〔2019〕3号 四（二）8 "经评定符合有关标准的，直接赋予最高信用等级"
    from assistant.answer import answer_question

    answer = answer_question("在综合保税区新设一家研发设计企业，评定合格后信用等级直接给到几级？", searcher)
    assert not answer.abstained and "最高信用等级" in answer.text, answer.text


def test_a_replys_acknowledgement_and_a_list_the_question_gives_are_not_the_list_asked(searcher):
    # 国函〔2018〕145号: the preamble only acknowledges the request ("…的请示…收悉。现批复如下："); 一 lists the kinds of
    # 区 to be built, 三 only repeats the three 高新区 the question names.
    from assistant.answer import answer_question

    answer = answer_question("国务院批复乌鲁木齐、昌吉、石河子高新区建自主创新示范区时，提出要把它们建成哪些类型的区？", searcher)
    assert tuple(answer.citations[0].path) == ("一",) and "科技成果转化示范区" in answer.text, answer.text


def test_a_subject_the_documents_never_name_is_not_answered_by_a_subsidy_of_something_else(searcher):
    from assistant.answer import answer_question

    answer = answer_question("现在买新能源汽车，国家能补贴多少钱？", searcher)
    assert answer.abstained and "新能源" in answer.text, answer.text
    # "这种牌子" is the 号牌 named before it (国办发〔2018〕114号 一).
    plates = answer_question("路上看到挂“应急”号牌的车，都有哪些车可以挂这种牌子？", searcher)
    assert not plates.abstained and "灭火消防车" in plates.text, plates.text


def test_a_term_asked_is_answered_by_the_sentence_naming_it_in_brackets(searcher):
    # 国发〔2019〕5号 三（三） "…检查对象名录库和执法检查人员名录库（统称“两库”）": the two items the question itself
    # quotes ("双随机、一公开") are not the two asked for.
    from assistant.answer import answer_question

    answer = answer_question("部门联合“双随机、一公开”监管中提到的“两库”指的是哪两个库？", searcher)
    assert tuple(answer.citations[0].path) == ("三", "（三）") and "执法检查人员名录库" in answer.text, answer.text



def test_a_list_restated_is_answered_where_the_document_first_gives_it(searcher):
    # 国函〔2018〕145号 三 restates "同意将乌鲁木齐、昌吉、石河子高新区…纳入…部际协调小组"; 一 gives the three first
    # ("同意乌鲁木齐、昌吉、石河子3个高新技术产业开发区…建设国家自主创新示范区").
    from assistant.answer import answer_question

    answer = answer_question("国家自主创新示范区批给了新疆的哪几个高新区？", searcher)
    assert not answer.abstained, answer.text
    assert (answer.citations[0].doc_number, tuple(answer.citations[0].path)) == ("国函〔2018〕145号", ("一",)), answer.text


def test_a_preamble_ending_in_a_lead_in_is_overviewed_by_the_parts_it_introduces(searcher):
    # 国办函〔2005〕69号's preamble says why, then "为做好这项工作，我们采取了以下几方面的措施："; 一 to 五 are the measures.
    from assistant.answer import answer_question

    answer = answer_question("国办函〔2005〕69号那份提案答复主要讲了什么？", searcher)
    cited = {tuple(c.path) for c in answer.citations}
    assert {("一",), ("二",), ("三",), ("四",), ("五",)} <= cited, answer.text



def test_a_short_documents_parts_are_quoted_whole_in_its_overview(searcher):
    # 国办发〔1996〕25号 一 opens with the scene ("日军遗弃化学武器是历史遗留问题，…情况复杂。") and rules in its next
    # sentence ("因此，这项工作由外交部和总参谋部统一归口管理"); its three parts together are shorter than one long clause.
    from assistant.answer import answer_question

    answer = answer_question("国办发〔1996〕25号主要讲了什么？", searcher)
    assert "外交部和总参谋部统一归口管理" in answer.text, answer.text


def test_the_measures_a_reply_lists_after_its_preamble_answer_what_was_done(searcher):
    # 国办函〔2005〕69号: the preamble ends "我们采取了以下几方面的措施" (its colon lost), parts 一 to 五 are the measures;
    # "做法" asks what "措施" names.
    from assistant.answer import answer_question

    answer = answer_question("对完善政府网站那份政协提案，国办的答复介绍了哪些做法？", searcher)
    paths = {c.path for c in answer.citations if c.doc_number == "国办函〔2005〕69号"}
    assert {("一",), ("二",), ("三",), ("四",), ("五",)} <= paths, answer.text


def test_two_bodies_contrasted_are_each_answered_from_their_own_document(searcher):
    # 国函〔2006〕38号 附件 三 "每半年召开一次例会"; 国函〔2018〕144号 附件 三 "原则上每年召开两次会议".
    from assistant.answer import answer_question

    answer = answer_question("奥运机场协调委员会和职业教育部际联席会议，开例会的频次有什么区别？", searcher)
    cited = {(c.doc_number, c.path) for c in answer.citations}
    assert {("国函〔2006〕38号", ("附件", "三")), ("国函〔2018〕144号", ("附件", "三"))} <= cited, answer.text
    assert "每半年召开一次例会" in answer.text and "每年召开两次" in answer.text, answer.text


def test_a_later_compared_part_does_not_stay_with_the_clause_of_the_other_thing_compared(searcher):
    # 国发〔2018〕38号 二（三十） supports 郑州机场 (河南自贸试验区), 二（三十一） 西安机场 (陕西自贸试验区); both print
    # "利用第五航权", so the earlier part's clause scores near the top for the later part too.
    from assistant.answer import answer_question

    answer = answer_question("郑州机场和西安机场用第五航权的两条措施，分别适用于哪个自贸试验区？", searcher)
    cited = {tuple(c.path) for c in answer.citations}
    assert {("二", "（三十）"), ("二", "（三十一）")} <= cited and "陕西自贸试验区" in answer.text, answer.text


def test_each_of_two_bids_asked_by_whom_is_answered_from_its_own_reply(searcher):
    # 国办函〔2004〕36号 (哈尔滨, 2009年): "…由黑龙江省人民政府承担"; 国办函〔2004〕88号 (深圳, 2011年): "…由广东省人民政府
    # 承担". "各由哪个省" asks of each; together, no reply is of both places and years.
    from assistant.answer import answer_question

    answer = answer_question("哈尔滨申办大冬会和深圳申办大运会，举办的主要经费各由哪个省的政府承担？", searcher)
    assert not answer.abstained, answer.text
    assert {"国办函〔2004〕36号", "国办函〔2004〕88号"} <= {c.doc_number for c in answer.citations}, answer.text
    assert "黑龙江省人民政府" in answer.text and "广东省人民政府" in answer.text, answer.text


def test_grades_asked_are_answered_by_the_grades_listed(searcher):
    # 国发〔2019〕4号 二（六） "院校内实施的职业技能等级证书分为初级、中级、高级": the grades, though no figure counts them.
    from assistant.answer import answer_question

    answer = answer_question("那个职业技能等级证书分几个等级？", searcher)
    assert not answer.abstained and "初级、中级、高级" in answer.text, answer.text


def test_a_share_of_people_lacking_a_qualification_is_the_figure_asked(searcher):
    # 国发〔2018〕38号 一（十五） "允许不超过五分之一不具有专利代理人资格…的中国公民担任股东": 没有 is printed 不具有.
    from assistant.answer import answer_question

    answer = answer_question("自贸区新设有限责任制专利代理机构，最多可以有多少没有专利代理人资格的股东？", searcher)
    assert not answer.abstained and "五分之一" in answer.text, answer.text



def test_a_scene_before_that_is_no_part_of_its_own(searcher):
    # 国发〔1981〕88号 二 "奖售粮的供应价格一律按统购价执行": the clause before "那…" only sets the scene.
    from assistant.answer import answer_question

    answer = answer_question("八十年代种棉花、甘蔗的可以拿奖售粮，那奖售粮是按什么价钱供应的？", searcher)
    assert not answer.abstained and "统购价" in answer.text, answer.text


def test_each_of_two_deductions_compared_is_answered_from_its_own_article(searcher):
    # 国发〔2018〕41号 第五条 "每个子女每月1000元" and 第二十二条 "每月2000元": the 赡养 article names 独生子女 and 扣除 too,
    # but not 子女教育's own words; 第十七条 (住房租金) and 第二十二条 each answer their part.
    from assistant.answer import answer_question

    answer = answer_question("个税专项附加扣除里，孩子上学的扣除和独生子女赡养老人的扣除，每月标准各是多少？哪个高？", searcher)
    assert {"第五条", "第二十二条"} <= {c.label for c in answer.citations}, answer.text
    assert "1000元" in answer.text and "2000元" in answer.text, answer.text
    answer = answer_question("我是独生子女，在省会城市租房住，爸妈都过了60岁。个税里住房租金和赡养老人每个月各能扣多少？",
                             searcher)
    assert {"第十七条", "第二十二条"} <= {c.label for c in answer.citations}, answer.text


def test_the_row_of_a_table_printed_one_cell_a_line_is_quoted_whole(searcher):
    # 国办发〔2018〕126号 附件 三, row 13: the measure, what it does, "中国人民银行、中国银保监会…" (who guides it), "全国".
    from assistant.answer import answer_question

    answer = answer_question("国务院推广的中小企业商标质押贷款模式，是哪几个部门指导的？", searcher)
    assert "附件 三" in {c.label for c in answer.citations} and "中国人民银行" in answer.text, answer.text


def test_a_count_asked_in_its_own_measure_word_is_answered(searcher):
    # 国办函〔2004〕57号 二 "…建设具有年产130根大型船用柴油机曲轴能力的项目": no 年产 left unstated.
    from assistant.answer import answer_question

    answer = answer_question("大连要建的那个大型船用柴油机曲轴项目，设计的是年产多少根？", searcher)
    assert not answer.abstained and "130根" in answer.text, answer.text


def test_which_of_two_deductions_is_more_quotes_both(searcher):
    # 国发〔2018〕41号 第五条 "每个子女每月1000元" and 第十四条 "每月1000元的标准": "哪个多一些" asks each of the two.
    from assistant.answer import answer_question

    answer = answer_question("子女教育和首套住房贷款利息这两项扣除，每月标准哪个多一些？", searcher)
    assert {"第五条", "第十四条"} <= {c.label for c in answer.citations}, answer.text


def test_what_a_reply_means_is_its_own_text_quoted_whole_when_it_is_one_clause(searcher):
    # 国办函〔2004〕80号: the 复函 itself (导语) says what it decides; its attachments are the reports behind it.
    from assistant.answer import answer_question

    answer = answer_question("国办函〔2004〕80号这份复函的大概意思是什么？", searcher)
    assert [c.label for c in answer.citations][:1] == ["导语"], answer.text
    # 国办函〔2006〕82号 is one clause of 626 characters: all its points are quoted, the last one too.
    answer = answer_question("国办函〔2006〕82号这个答复都讲了些什么？", searcher)
    assert "召开听证会" in answer.text and "渠道是畅通的" in answer.text, answer.text


def test_a_figure_asked_a_month_is_answered_by_the_monthly_standard(searcher):
    # 国发〔2018〕41号 第十七条 "扣除标准为每月1500元"; 第二十条 ("在一个纳税年度内不能同时…") states no figure a month.
    from assistant.answer import answer_question

    answer = answer_question("住房租金每个月能扣多少？", searcher)
    assert [c.label for c in answer.citations][:1] == ["第十七条"] and "每月1500元" in answer.text, answer.text


def test_a_year_named_in_the_scene_and_referred_back_to_is_asked_of(searcher):
    # 国发〔2018〕44号 is the 2018年度 awards' decision (dated 2019): "那年" is 2019年度, which the corpus does not hold.
    from assistant.answer import answer_question

    answer = answer_question("听说2019年度的国家科学技术奖也颁发了，那年的最高奖给了谁？", searcher)
    assert answer.abstained and "刘永坦" not in answer.text, answer.text
    assert not answer_question("2018年度国家最高科学技术奖给了谁？", searcher).abstained


def test_a_short_documents_parts_are_quoted_whole_in_its_overview(searcher):
    # 国函〔2018〕145号 is 814 characters in all: 一 goes on past its first sentence to "…丝绸之路经济带创新创业新高地".
    from assistant.answer import answer_question

    answer = answer_question("国函〔2018〕145号这个批复讲了什么？", searcher)
    assert "丝绸之路经济带创新创业新高地" in answer.text, answer.text


def test_a_list_opened_by_a_colon_and_split_at_semicolons_is_the_list_asked(searcher):
    # 国办发〔2004〕7号 导语: "8月11日至18日，山西省连续发生3起特大煤矿瓦斯爆炸事故：8月11日，大同市杏儿沟煤矿…；8月14日，
    # 阳泉煤业集团公司三矿…；8月18日，左权县河南村煤矿…".
    from assistant.answer import answer_question

    answer = answer_question("山西2003年8月连着出的那三起特大瓦斯爆炸事故，都是哪几个煤矿？", searcher)
    assert all(mine in answer.text for mine in ("杏儿沟煤矿", "阳泉煤业集团公司三矿", "河南村煤矿")), answer.text


def test_a_posts_holder_named_answers_who_holds_it(searcher):
    # 国函〔2018〕144号 附件 二 says who is to hold the post ("由国务院分管教育工作的领导同志担任"); the members' list
    # after 四 names her ("召 集 人：孙春兰").
    from assistant.answer import answer_question

    answer = answer_question("职业教育工作部际联席会议的召集人是谁？", searcher)
    assert answer.citations[0].label == "附件 四" and "孙春兰" in answer.text, answer.text
    # A later part about "它" asks of the committee, not of a person the first part's quote names; its office is
    # where another clause names one (国办发〔2018〕109号 （二） "国家教材委员会办公室设在教育部").
    answer = answer_question("国家教材委员会的主任是谁？它的办公室设在哪里？", searcher)
    labels = [c.label for c in answer.citations]
    assert "孙春兰" in answer.text and "（二）" in labels, answer.text


def test_a_kind_of_item_named_by_one_character_is_what_the_items_end_with(searcher):
    # 国函〔2018〕145号 一 "…建设成为科技成果转化示范区、…、转型升级引领区…": items ending in 区, not 二's list that only
    # names 高新区.
    from assistant.answer import answer_question

    answer = answer_question("国务院同意乌鲁木齐、昌吉、石河子高新区建国家自主创新示范区，批复希望把它们建设成哪些类型的区？", searcher)
    assert answer.citations[0].label == "一" and "转型升级引领区" in answer.text, answer.text


def test_the_one_part_of_a_section_a_word_singles_out_is_the_list_asked(searcher):
    # 国办发〔1997〕11号 三 "…作出保留、整改、合并、撤销的处理" and its parts: 撤销 is the one of 三（五） "对存在下列问题的
    # 社会团体予以撤销", whose items answer, not every part of 三.
    from assistant.answer import answer_question

    answer = answer_question("九七年清理整顿社会团体的时候，哪些情况下社团会被撤销？", searcher)
    assert answer.citations[0].label == "三、（五）" and "危害国家安全" in answer.text, answer.text
    assert "予以保留" not in answer.text, answer.text


def test_a_resident_asking_in_everyday_words_is_answered_by_what_applies_to_individuals(searcher):
    # 国办发〔1996〕25号 三 "任何单位和个人如发现遗弃的化学武器，都要立即逐级上报，不得擅自处理" (老百姓: 个人)
    from assistant.answer import answer_question

    answer = answer_question("要是在山里挖到当年日本兵扔下的毒气弹，老百姓能自己处理掉吗？", searcher)
    assert not answer.abstained and "不得擅自处理" in answer.text, answer.text
    assert answer.citations[0].label == "三", answer.text


def test_a_price_asked_in_everyday_words_is_the_price_printed(searcher):
    # 国发〔1981〕88号 二 "奖售粮的供应价格一律按统购价执行" (价钱: 价格)
    from assistant.answer import answer_question

    answer = answer_question("八十年代棉粮挂钩那会儿，奖给种棉户的粮食按什么价钱供应？", searcher)
    assert not answer.abstained and "统购价" in answer.text, answer.text



def test_a_sentence_listing_the_items_asked_is_quoted_before_a_parallel_run_near_it(searcher):
    # 国办函〔2006〕70号 导语: "…存在发展不平衡、网站内容支撑基础薄弱、翻译和审校力量不足等困难和问题。" lists the
    # difficulties; "一是…二是…" below it says what will be done.
    from assistant.answer import answer_question

    answer = answer_question("市里、县里的政府网站做外语版，主要卡在哪些困难上？", searcher)
    assert "翻译和审校力量不足" in answer.text, answer.text


def test_what_a_reply_sets_out_after_its_preamble_is_the_list_asked(searcher):
    # 国函〔2018〕145号 导语 ends "现批复如下：": "批复同意了哪些" asks for 一 to 四, each opening "同意…".
    from assistant.answer import answer_question

    answer = answer_question("国函〔2018〕145号这份批复同意了哪些事项？", searcher)
    assert {"一", "二", "三"} <= {c.label for c in answer.citations}, answer.text


def test_a_sentence_referring_back_to_a_meeting_is_quoted_from_the_one_naming_it(searcher):
    # 国办函〔2006〕69号 导语: "…于2005年12月28日主持召开国务院常务会议…。做好这项工作，…。会议决定中央政府门户网站于
    # 2006年1月1日正式开通。": which meeting decided it is said two sentences before.
    from assistant.answer import answer_question

    answer = answer_question("中央政府门户网站的开通日期是在哪次会议上定下来的？", searcher)
    assert "2005年12月28日主持召开国务院常务会议" in answer.text, answer.text


def test_a_place_the_asked_thing_is_likened_to_is_no_place_asked_of(searcher):
    # 国函〔2018〕159号 七 "原则上不建高楼大厦": 深圳 is what 雄安 is likened to, not where the answer must be about.
    from assistant.answer import answer_question

    answer = answer_question("雄安新区以后会不会像深圳那样建很多高楼？", searcher)
    assert not answer.abstained and "七" in {c.label for c in answer.citations}, answer.text


def test_each_of_two_articles_named_is_quoted(searcher):
    # 国令第707号 第三条 (where income comes from) and 第四条 (residents under six years): one article each
    from assistant.answer import answer_question

    answer = answer_question("国令第707号第三条和第四条分别规定了什么？", searcher)
    assert {"第三条", "第四条"} <= {c.label for c in answer.citations}, answer.text


def test_a_later_part_asking_of_a_licence_the_gazette_never_names_is_declined_with_it(searcher):
    # "…要什么条件、交哪些材料": the papers are those of the 医疗机构执业许可证 too, which no document here names; the
    # 专利代理机构执业许可证's materials (国令第706号 第九条) answer neither part.
    from assistant.answer import answer_question

    answer = answer_question("开一家牙科诊所，办医疗机构执业许可证要什么条件、交哪些材料？", searcher)
    assert answer.abstained and "医疗机构执业许可证" in answer.text, answer.text


def test_a_figure_of_other_years_is_declined_only_where_no_close_one_is_of_the_year(searcher):
    # 国办函〔2004〕25号 一、（一） gives 1999-2003 sums, 2004 none; 国办函〔2004〕71号's yearless 总投资 is far behind.
    # 国办发〔1997〕2号 一 gives 1996's count, close to 国办发〔1996〕2号's 1995 one.
    from assistant.answer import answer_question

    answer = answer_question("2004年发展改革委给荆南四河堤防建设安排了多少钱？", searcher)
    assert answer.abstained and "2004年" in answer.text, answer.text
    answer = answer_question("1996年我国一共发生多少次5级以上地震？", searcher)
    assert not answer.abstained and "38次" in answer.text, answer.text


def test_who_holds_a_post_named_after_the_asking_phrase_is_quoted(searcher):
    from assistant.answer import answer_question

    answer = answer_question("国家教材委员会这届谁当主任呀", searcher)
    assert "孙春兰" in answer.text, answer.text


def test_studying_said_in_everyday_words_is_what_the_text_calls_learning(searcher):
    # 国办发〔1996〕32号 二、（三） "负责提供学生的各项学习和生活费用": 读书 is the resident's word for 学习
    from assistant.answer import answer_question

    answer = answer_question("孩子考上内地西藏班，在内地读书期间的费用由谁负担？", searcher)
    assert not answer.abstained and "西藏自治区人民政府" in answer.text, answer.text


def test_a_part_asking_conditions_is_declined_with_the_figure_where_neither_is_given(searcher):
    # 国发〔2018〕38号 二、（十九） names the 汽车平行进口试点 and its department only
    from assistant.answer import answer_question

    answer = answer_question("自贸试验区开展汽车平行进口试点，企业得具备哪些条件，注册资本要多少？", searcher)
    assert answer.abstained and "具体条件" in answer.text, answer.text


def test_growers_named_by_their_crop_are_what_the_text_calls_the_crop(searcher):
    # 国发〔1981〕88号 二 "奖售粮的供应价格一律按统购价执行": 棉农 are the 棉花 growers the notice is about
    from assistant.answer import answer_question

    answer = answer_question("棉粮挂钩时奖给棉农的粮食按什么价供应？", searcher)
    assert not answer.partial and "统购价" in answer.text, answer.text


def test_a_site_the_gazette_does_not_give_is_declined(searcher):
    # 国函〔1996〕95号 approves the move ("同意…迁址新建") and names no site
    from assistant.answer import answer_question

    answer = answer_question("武警总部后勤部机关迁址新建以后，新址在什么地方？", searcher)
    assert answer.abstained and "具体地点" in answer.text, answer.text


def test_conditions_are_quoted_where_stated_and_declined_where_only_referred_to(searcher):
    # 国令第706号 第八条 "应当具备下列条件："; 国发〔2019〕3号 四、（一）1 only names the 资格试点
    from assistant.answer import answer_question

    answer = answer_question("想开一家合伙制的专利代理机构，有什么条件？", searcher)
    assert not answer.abstained and "书面合伙协议" in answer.text, answer.text
    answer = answer_question("综合保税区里的企业要申请增值税一般纳税人资格试点，有什么条件？", searcher)
    assert answer.abstained and "具体条件" in answer.text, answer.text


def test_an_adverb_jieba_tags_as_a_noun_is_no_topic(searcher):
    # 国办发〔1997〕11号 三、（二）3 "有50个以上的成员（基金会除外）。": 起码 ("at least") names nothing to find
    from assistant.answer import answer_question

    answer = answer_question("清理整顿社会团体时，一个社团起码要有多少个成员？", searcher)
    assert not answer.abstained and "50个以上的成员" in answer.text, answer.text


def test_how_often_asked_is_answered_by_the_frequency_of_the_same_document(searcher):
    # 国函〔2006〕38号 附件 三 "2008年以前，协调委原则上每半年召开一次例会…": the 附件's opening sentence names the
    # committee in more of the question's words but says nothing of how often it meets.
    from assistant.answer import answer_question

    answer = answer_question("2008年北京奥运会首都国际机场协调委员会，2008年之前多长时间开一次例会？", searcher)
    assert "每半年召开一次例会" in answer.text, answer.text
