"""Documents, clauses and ordinals a question names, checked against the whole index (assistant.answer.named).
Fast tier: fixture clauses as index records."""
from __future__ import annotations

from types import SimpleNamespace

from answer_fixtures import CLAUSES, N47, N49, make_hit
from assistant.answer import named
from assistant.answer.question import parse_question

RECORDS = [SimpleNamespace(doc_number=row[1], path=row[3], text=row[6]) for row in CLAUSES]
# 49号 三 is split into items （一）…（十四） in the fixtures; 附则 into 1 and 3.


def test_named_document_the_index_holds_is_found():
    found, missing = named.documents_found(parse_question("温政办〔2019〕49号讲了什么？"), RECORDS)
    assert found and {r.doc_number for r in found} == {N49} and missing == []
    found, _ = named.documents_found(parse_question("47号文主要讲了什么"), RECORDS)
    assert {r.doc_number for r in found} == {N47}


def test_named_document_the_index_lacks_is_missing():
    found, missing = named.documents_found(parse_question("温政办〔2019〕51号讲了什么？"), RECORDS)
    assert found == [] and missing and "51号" in missing[0]
    assert named.missing_note(missing).startswith("已收录的公报中没有")


def test_no_document_named_finds_nothing():
    assert named.documents_found(parse_question("开诊所有什么补贴？"), RECORDS) == ([], [])


def test_clause_that_does_not_exist_in_the_named_document():
    q = parse_question("温政办〔2019〕49号 三（二十一）说了什么")
    found, _ = named.documents_found(q, RECORDS)
    assert named.clause_missing(q, found)  # 三 is split into items, and none is （二十一）


def test_bracketed_item_no_part_of_the_named_document_has_is_missing():
    q = parse_question("温政办〔2019〕49号第（二十一）条是怎么规定的？")
    found, _ = named.documents_found(q, RECORDS)
    assert named.clause_missing(q, found)
    q = parse_question("温政办〔2019〕49号第（九）条是怎么规定的？")
    assert not named.clause_missing(q, named.documents_found(q, RECORDS)[0])


def test_article_a_document_numbered_by_parts_lacks_is_missing():
    # 国发〔1981〕88号 has parts 一、二: its "第五条" would be part 五, which it lacks; a 规定 a notice prints may
    # number its own articles (国办发〔2018〕124号), and those are in its text.
    parts = [SimpleNamespace(doc_number="国发〔1981〕88号", path=path, text="奖售粮的供应价格一律按统购价执行。")
             for path in ((), ("一",), ("二",))]
    assert named.clause_missing(parse_question("国发〔1981〕88号第五条规定了什么？"), parts)
    assert not named.clause_missing(parse_question("国发〔1981〕88号第二条规定了什么？"), parts)
    printed = [SimpleNamespace(doc_number="国办发〔2018〕124号", path=("七", "（二十）"),
                               text="第二十四条 经营性文化事业单位转制为企业后，免征企业所得税。")]
    assert not named.clause_missing(parse_question("国办发〔2018〕124号第二十四条是什么？"), printed)
    # an item numbered on through a document's parts is its "第20条" (国发〔2019〕3号 四、（五）20)
    items = [SimpleNamespace(doc_number="国发〔2019〕3号", path=path, text="支持期货交割。")
             for path in (("四",), ("四", "（五）"), ("四", "（五）", "20"))]
    assert not named.clause_missing(parse_question("国发〔2019〕3号主要任务第20条讲的是什么？"), items)


def test_clause_that_exists_is_not_missing():
    q = parse_question("温政办〔2019〕49号 三、（九）规定了什么？")
    found, _ = named.documents_found(q, RECORDS)
    assert not named.clause_missing(q, found)


def test_ancestor_printed_as_one_clause_stands_for_its_item():
    records = [SimpleNamespace(doc_number=N49, path=("附则",), text="本政策自印发之日起施行。")]
    q = parse_question("49号文附则第2条")
    assert not named.clause_missing(q, records)  # 附则 not split: 附则2 is inside it


def test_ordinal_the_best_clause_prints_with_another_number_is_a_near_miss():
    hit = make_hit((1, None, "市委召开十二届八次全体（扩大）会议", ("第1段",), "第1段", None,
                    "7月12日，市委召开十二届八次全体（扩大）会议。"))
    assert named.ordinal_misses(parse_question("市委十二届九次全会什么时候召开"), [hit]) == ["九次"]
    assert named.ordinal_misses(parse_question("市委十二届八次全会什么时候召开"), [hit]) == []


def test_ordinal_of_what_the_best_clause_numbers_otherwise_is_a_near_miss_though_another_clause_prints_it():
    # 国办函〔2018〕74号 adjusts the 第二次 census group; 国办发〔2019〕4号 prints "第一次全国三级公立医院绩效考核".
    census = make_hit((1, None, "国务院办公厅关于调整国务院第二次全国污染源普查领导小组组成人员的通知", (), "导语", None,
                       "国务院决定对国务院第二次全国污染源普查领导小组组成人员进行相应调整。"))
    hospitals = make_hit((2, None, "国务院办公厅关于加强三级公立医院绩效考核工作的意见", ("四", "（一）"), "四、（一）",
                          None, "2019年12月底前完成第一次全国三级公立医院绩效考核工作。"))
    assert named.ordinal_misses(parse_question("第一次全国污染源普查领导小组的组长是谁？"), [census, hospitals]) \
        == ["第一次"]
    assert named.ordinal_misses(parse_question("第二次全国污染源普查领导小组的组长是谁？"), [census, hospitals]) == []
    # The best clause printing the ordinal itself may name the thing at more length ("八次全会": 八次全体（扩大）会议),
    # though it names another meeting the short way ("十四届五次全会").
    plenum = make_hit((3, None, "市委召开十二届八次全体（扩大）会议", ("第1段",), "第1段", None,
                       "市委十二届八次全体（扩大）会议传达学习省委十四届五次全会精神。"))
    assert named.ordinal_misses(parse_question("八次全会审议通过了一个什么决定"), [plenum]) == []


def test_frequency_is_not_an_ordinal():
    hit = make_hit((1, None, "通知", ("一",), "一", None, "每两次检查之间不少于三个月。"))
    assert named.ordinal_misses(parse_question("多久检查一次"), [hit]) == []


def test_an_ordinal_printed_without_di_is_printed():
    # The 公积金 article's picture captions: "…“最多跑一次”…" and "…管理委员会三届四次全体会议".
    captions = make_hit((1, None, "奋力书写“三民”篇章  服务群众“住有所居”", ("图片说明",), "图片说明", None,
                         "洞头分中心“最多跑一次”改革自助服务体验区\n2019年4月，李无文副市长主持召开市住房公积金管理委员会三届四次"
                         "全体会议"))
    assert named.ordinal_misses(parse_question("公积金管委会第三届第四次全体会议是谁主持的？"), [captions]) == []
    assert named.ordinal_misses(parse_question("公积金管委会第三届第五次全体会议是谁主持的？"), [captions]) == ["第五次"]


def test_personnel_post_nobody_was_appointed_to():
    q = parse_question("7月份谁被任命为温州市教育局局长")
    items = ["市政府决定：沈显克任温州市财政局副局长", "市政府决定：李建良任温州市民政局副局长"]
    assert named.posts_unnamed(q, items) == ["教育局局长"]  # 局长 of 副局长 alone does not name the post
    assert named.posts_unnamed(parse_question("谁被任命为温州市财政局副局长"), items) == []
    assert named.posts_unnamed(parse_question("7月份市政府任命谁当温州市教育局局长了？"), items) == ["教育局局长"]
    assert named.posts_unnamed(parse_question("谁当了市民政局副局长"), items) == []
    assert named.posts_unnamed(parse_question("财政局新来的副局长是谁"), items) == []  # no post phrase: no check
    # The post before what is asked of it, in the question's last clause.
    assert named.posts_unnamed(parse_question("7月份市政府人事任免中，温州市教育局局长任命的是谁？"), items) == ["教育局局长"]
    assert named.posts_unnamed(parse_question("这次任免里，温州市民政局副局长由谁担任？"), items) == []


def test_a_post_asked_in_plain_words_still_finds_its_item():
    # 7月份市政府人事任免 第18段: "现在市里" is not part of the post, and "执法队的队长" is printed without 的.
    items = ["市政府决定：陈乃华任温州市农业综合行政执法队队长"]
    assert named.posts_unnamed(parse_question("现在市里农业综合执法队的队长换成谁了？"), items) == []
    assert named.posts_unnamed(parse_question("现在市里教育局的局长换成谁了？"), items) == ["教育局局长"]


def test_who_holds_a_post_now_names_the_post_before_the_question():
    items = ["市政府决定：沈显克任温州市财政局副局长"]
    q = parse_question("市财政局局长换成谁了？")
    assert q.action == "appoint"
    # The post named is 财政局局长; the item prints only a deputy's title (副局长).
    assert named.posts_unnamed(q, items) == ["财政局局长"]
    assert named.posts_unnamed(parse_question("市财政局副局长换成谁了？"), items) == []


def test_clause_reference_keeps_the_deeper_levels_printed_after_it():
    from index.query import analyze

    def paths(text):
        return [p for r in analyze(text).clause_refs for p in r.paths]

    assert paths("温财企〔2019〕491号 二（二）2") == [("二", "（二）", "2")]
    assert paths("二、（二）2.（1）要交哪些材料") == [("二", "（二）", "2", "（1）")]
    # A figure with its unit after the clause is not an item number.
    assert paths("三（九）50万元的补助") == [("三", "（九）")]
    assert paths("三（九）2.5亿") == [("三", "（九）")]


def test_a_person_named_is_found_in_the_best_clause():
    appointment = make_hit((90, None, "7月份市政府人事任免", ("第31段",), "第31段", None,
                            "蒋义炮的温州市民政局副局长职务"))
    assert named.person_in_top(parse_question("蒋义炮之前在哪个单位任职"), [appointment])
    assert not named.person_in_top(parse_question("徐健之前担任什么职务"), [appointment])
    # jieba tags some dictionary words nr ("许可"): they name nobody.
    permit = make_hit((91, None, "通知", ("一",), "一", None, "工作许可由人力社保部门办理"))
    assert not named.person_in_top(parse_question("外资企业招外籍员工，工作许可怎么办"), [permit])


def test_a_document_written_out_by_name():
    from types import SimpleNamespace as Doc

    records = [Doc(doc_index=0, title="专利代理条例", doc_number="国令第706号"),
               Doc(doc_index=1, title="国务院关于印发个人所得税专项附加扣除暂行办法的通知", doc_number="国发〔2018〕41号"),
               Doc(doc_index=1, title="国务院关于印发个人所得税专项附加扣除暂行办法的通知", doc_number="国发〔2018〕41号")]
    names = named.document_names(records)
    assert names["个人所得税专项附加扣除暂行办法"] == 1  # the notice's wrapper taken off
    assert [r.doc_index for r in named.documents_titled(parse_question("专利代理条例一共几条？"), records, names)] == [0]
    titled = named.documents_titled(parse_question("个人所得税专项附加扣除暂行办法有效期到什么时候"), records, names)
    assert {r.doc_index for r in titled} == {1}
    assert named.documents_titled(parse_question("代理条例有几条？"), records, names) == []
    # 国令第707号 as people call it, without the state's name; its 36 articles have no 第四十条
    law = [Doc(doc_index=2, title="中华人民共和国个人所得税法实施条例", doc_number="国令第707号", path=(f"第{n}条",))
           for n in ("一", "三十六")]
    names = named.document_names(law)
    q = parse_question("个人所得税法实施条例第四十条是怎么规定的？")
    assert named.documents_titled(q, law, names) == law and named.clause_missing(q, law)


def test_item_numbered_on_through_a_part_is_the_clause_named():
    # 48号 numbers the items of 三、工作举措 1…20 on through its sections: "第三部分第10条" is 三、（三）10.
    records = [SimpleNamespace(doc_number="温政办〔2019〕48号", path=path, text="…")
               for path in (("三",), ("三", "（一）"), ("三", "（一）", "1"), ("三", "（三）"), ("三", "（三）", "10"))]
    q = parse_question("48号文第三部分第10条是什么内容？")
    assert not named.clause_missing(q, records)
    assert named.clause_missing(parse_question("48号文第三部分第30条是什么内容？"), records)


def test_article_a_statute_split_into_articles_lacks_is_missing():
    # 专利代理条例 has 第一条…第三十二条; a statute printed whole (no article clauses) may hold any article.
    articles = [SimpleNamespace(doc_number="国令第706号", path=(chapter, article), text="…")
                for chapter, article in (("第一章", "第一条"), ("第二章", "第十条"), ("第五章", "第三十二条"))]
    assert named.clause_missing(parse_question("《专利代理条例》第四十条是怎么规定的？"), articles)
    assert not named.clause_missing(parse_question("《专利代理条例》第十条是怎么规定的？"), articles)
    whole = [SimpleNamespace(doc_number="国令第706号", path=(), text="…")]
    assert not named.clause_missing(parse_question("《专利代理条例》第四十条是怎么规定的？"), whole)


def test_a_rule_numbered_through_chapters_that_does_not_exist_is_missing():
    rules = [SimpleNamespace(doc_number="国发〔2004〕18号", path=path, text="…")
             for path in (("第一章",), ("第一章", "一"), ("第八章", "三十六"), ("第八章", "三十六", "（三）"))]
    assert named.clause_missing(parse_question("《国务院工作规则》第六十条讲的是什么？"), rules)
    assert not named.clause_missing(parse_question("《国务院工作规则》第三十六条讲的是什么？"), rules)


def test_a_regulation_printed_by_name_in_a_legislative_plan():
    from assistant.answer.named import printed_regulation

    # 温政办〔2019〕47号 二、（一）2 and 二、（二）2
    plan = "为了加强养犬管理，规范养犬行为，保障公民健康和人身安全，维护社会公共秩序和市容环境卫生，提请审议《温州市养犬管理条例》。"
    assert printed_regulation("温州养犬管理条例", plan) == "温州市养犬管理条例"
    assert printed_regulation("温州养狗条例", plan) == "温州市养犬管理条例"  # 养狗 is printed as 养犬
    noise = "为了防治建筑施工噪声污染，保护和改善生活环境，制定《温州市建筑施工噪声污染防治管理办法》。"
    assert printed_regulation("建筑施工噪声的管理办法", noise) == "温州市建筑施工噪声污染防治管理办法"
    assert printed_regulation("楠溪江保护管理条例", plan) is None


def test_a_regulation_a_plan_lists_only_as_a_bill():
    from assistant.answer.named import listed_regulation

    # 温政办〔2019〕47号 三 lists bills by subject, without a name in 《》.
    bills = "温州市电动车管理立法（市公安局起草）；温州市垃圾分类管理立法（市综合行政执法局起草）。"
    assert listed_regulation("温州垃圾分类管理条例", bills) == "温州市垃圾分类管理立法"
    assert listed_regulation("温州的电动车管理条例", bills) == "温州市电动车管理立法"
    assert listed_regulation("温州养犬管理条例", bills) is None
    plan = "为了加强养犬管理，提请审议《温州市养犬管理条例》（市公安局起草，于6月底前向市政府报送草案）。"
    assert listed_regulation("温州养犬管理条例", plan) == "《温州市养犬管理条例》"
    # A sentence that only speaks of the subject is not the bill.
    assert listed_regulation("温州垃圾分类管理条例", "要领会好，把垃圾分类与生态文明建设结合起来。") is None


def test_a_sentence_printing_a_documents_number_is_what_the_gazette_says_of_it():
    from types import SimpleNamespace

    from assistant.answer.named import mentioning

    # 温财企〔2019〕491号 三（三） cites 温政办〔2019〕44号, which the gazette does not print.
    text = ("申报事项审定后，地方综合贡献度奖励事项由政策适用对象所在区财政局负责兑现（其中市级承担部分按照《温州市区产业政策"
            "奖补资金兑现管理办法》（温政办〔2019〕44号）进行结算）；办公用房优惠事项由市财务开发公司负责兑现。")
    record = SimpleNamespace(text=text)
    [(found, sentence)] = mentioning(["温政办〔2019〕44号"], [record, SimpleNamespace(text="其他条款。")])
    assert found is record and "44号" in sentence.text and text[sentence.start:sentence.end] == sentence.text
    assert mentioning(["44号"], [record]) == []  # a bare number is too often something else


def test_a_part_of_the_named_document_asked_about_by_its_heading():
    # 国办发〔2019〕3号 prints 一、总体要求 and 四、组织实施, with 四、2 落实治理责任分工 under it.
    title = "国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知"
    records = [SimpleNamespace(heading=h, title=title) for h in ("", "总体要求", "组织实施", "落实治理责任分工")]
    asked = named.headed_clause(parse_question("国办发〔2019〕3号开展小区配套幼儿园治理的总体要求是什么？"), records)
    assert asked is records[1]
    assert named.headed_clause(parse_question("国办发〔2019〕3号最后“组织实施”部分主要说了些什么？"), records) is records[2]
    assert named.headed_clause(parse_question("国办发〔2019〕3号这个文件的总体要求大概讲了些什么？"), records) is records[1]
    # a part named only to place what is asked ("…里，对…有没有定建设目标") is not the answer as a whole
    assert named.headed_clause(parse_question("国办发〔2019〕3号总体要求里，对民办园有没有定收费标准？"), records) is None
    # nor a heading that stops inside a word of the question
    plan = [SimpleNamespace(heading="三级公立医院绩效考核指标", title="国务院办公厅关于加强三级公立医院绩效考核工作的意见")]
    assert named.headed_clause(parse_question("国办发〔2019〕4号三级公立医院绩效考核指标体系讲了什么？"), plan) is None


def test_a_yes_no_asked_of_an_appointment_names_no_post():
    # 第9段 "徐健任温州市经济责任审计工作联席会议办公室主任（试用期一年）": "有没有试用期" is asked, not a post.
    q = parse_question("温州市经济责任审计工作联席会议办公室的新主任是谁？这个任命有没有试用期？")
    assert named.posts_unnamed(q, ["市政府决定：徐健任温州市经济责任审计工作联席会议办公室主任（试用期一年）"]) == []


def test_people_are_named_as_the_personnel_list_prints_them():
    # 7月份市政府人事任免: jieba cuts 汪红所 as 汪红|所 and does not see 戚速 as a name at all.
    items = ["市政府决定：", "汪红所任温州市生态环境保护综合行政执法队队长；",
             "戚速任温州市行政审批与公共资源交易服务管理中心主任（试用期一年）；", "免去：",
             "汪红所的温州市环境监察支队支队长（副县长级）职务；"]
    records = [SimpleNamespace(kind="appointments", text=t) for t in items]
    people = named.printed_people(records)
    assert people == {"汪红所", "戚速"}
    q = named.with_printed_names(parse_question("新当上生态环境执法队长的汪红所，之前是干什么的？"), people)
    assert q.names == ("汪红所",)
    q = named.with_printed_names(parse_question("戚速在被任命为市行政审批与公共资源交易服务管理中心主任之前担任什么职务？"),
                                 people)
    assert q.names == ("戚速",)
    # Text that is no personnel list names no one for it.
    assert named.printed_people([SimpleNamespace(kind="normative", text="汪红所任温州市…队长；")]) == frozenset()
