"""Question kinds, keywords and the user's own figures."""
import pytest

from assistant.answer.question import (AGENCY, AMOUNT, CHANNEL, COUNT, DATE, ENUMERATION, OVERVIEW, PERMISSION, SPEECH,
                                       YESNO, format_yuan, has_evidence, has_fact, keywords, parse_question,
                                       question_kinds, user_amounts)


@pytest.mark.parametrize("question, kind", [
    ("我投资6000万元建新医院能拿多少补助？", AMOUNT),
    ("床位数占比要达到多少比例？", AMOUNT),
    ("这项工作由哪个部门牵头？", AGENCY),
    ("谁负责解释这个政策？", AGENCY),
    ("这个政策的有效期到什么时候？", DATE),
    ("申报截止时间是哪天？", DATE),
    ("社会办医疗机构能不能配置乙类大型医用设备？", PERMISSION),
    ("个体诊所的数量有限制吗？", PERMISSION),
])
def test_question_kinds(question, kind):
    assert kind in question_kinds(question)


def test_a_not_a_question_asks_yes_or_no():
    # "管不管" asks whether something is ruled on, as "能不能" does (国办发〔2018〕121号: "依法严厉查处、打击倒卖赛事门票");
    # "算不算"/"是不是" ask what a thing is (经营所得), answered by a definition, not a rule permitting it.
    assert PERMISSION in question_kinds("倒卖球赛门票的黄牛，国家到底管不管？")
    assert parse_question("倒卖球赛门票的黄牛，国家到底管不管？").form == YESNO
    assert PERMISSION not in question_kinds("个人开诊所行医赚的钱，算不算个税里的经营所得？")


def test_a_count_of_grades_is_answered_by_a_figure_in_the_measure_word():
    # 国办函〔2005〕57号 1.2 prints the count of grades ("两级"); 1.2.3 only names a grade ("省级（Ⅱ级）").
    q = parse_question("国家粮食应急预案把粮食应急状态分成几级？")
    assert AMOUNT in q.kinds
    assert has_fact(AMOUNT, "本预案规定的粮食应急状态分为国家级（Ⅰ级）和省级（Ⅱ级）两级。", q)
    assert not has_fact(AMOUNT, "研究制订省级（Ⅱ级）以下粮食应急状态分级和应急处理办法。", q)
    assert has_fact(AMOUNT, "基本具备抗御6级左右地震的能力", parse_question("要具备抗御几级地震的能力？"))
    assert AMOUNT not in parse_question("这类企业有哪几种？").kinds  # which kinds, not how many


def test_open_question_has_no_kind():
    assert question_kinds("社会办医疗机构用电价格怎么算") == frozenset()


def test_evidence_patterns():
    assert has_evidence(AMOUNT, "分别给予50万元、150万元、300万元的一次性补助")
    assert not has_evidence(AMOUNT, "到2021年，打造全国数字产业创新发展示范区")  # a year is not an amount
    assert has_evidence(AGENCY, "具体工作由温州市卫生健康委员会承担")
    assert has_evidence(DATE, "本政策有效期至2024年12月31日")
    assert has_evidence(PERMISSION, "社会办中医诊所不得超范围执业")
    assert not has_evidence(DATE, "支持社会力量举办全科诊所")


def test_keywords_drop_stop_words_and_figures():
    words = keywords("我投资6000万元建新医院能拿多少补助？")
    assert "投资" in words and "补助" in words
    assert not {"我", "多少", "6000", "万元", "能"} & set(words)


def test_user_amounts_and_formatting():
    assert user_amounts("我投资6000万元，另有1.5亿元") == [6e7, 1.5e8]
    assert user_amounts("到2021年产值多少") == []
    assert format_yuan(5e5) == "50万元" and format_yuan(3e8) == "3亿元" and format_yuan(800) == "800元"


def test_question_phrases_are_not_content_words():
    from assistant.answer.question import content_words

    assert content_words("外资企业特殊工时审批多长时间出结果") == ("外资企业", "特殊", "工时", "审批", "结果")
    assert content_words("在民营医院做的检查，公立医院认不认？") == ("民营", "医院", "检查", "公立医院")
    # "在人才方面": 方面 frames the topic; a clause on 人才 need not say 方面 (49号 三（十二） does not).
    assert content_words("民营医院在人才方面都有哪些政策") == ("民营", "医院", "人才")
    assert "下载" in content_words("特殊工时那几张申请表去哪下载")
    # jieba's 是从 is the copula and a preposition ("春节假期是从几号放到几号"), no topic.
    assert "是从" not in content_words("2019年春节假期是从几号放到几号？")
    # "a" with its measure word and the asker's plans name nothing a clause must hold; 一次性 stays whole.
    assert content_words("我们诊所打算买一台80万元的彩超，能有补助吗？") == ("诊所", "彩超", "补助")
    assert content_words("国务院全体会议一般多久开一次？") == ("国务院", "全体会议", "一般")
    assert "一次性" in content_words("新建医院基建投了1亿多，一次性能补多少？")
    assert "那条" not in content_words("大罗山周边要搞的那条科创走廊，最后打算建成个什么样子？")
    assert content_words("电视上那些养生节目乱讲，有人管吗") == ("电视", "养生", "节目", "乱讲")  # 有人: "anyone"
    # When and if the asker frames the question in ("当年", "那会儿", "要是", "或者") is no topic a clause must hold.
    assert content_words("深圳当年争取办2011年大运会，申办花的钱是谁出的？") == ("深圳", "争取", "大运会", "申办")
    assert content_words("要是闹粮荒，政府把粮店的存粮临时征用了，会给钱吗？")[:3] == ("粮荒", "政府", "粮店")


def test_document_number_issuer_codes_are_not_content_words():
    from assistant.answer.question import content_words

    # jieba cuts the code into made-up words (温人|社发) no clause prints.
    assert content_words("温人社发〔2019〕105号这个文件主要讲什么？") == ()
    assert content_words("温财企〔2019〕491号给合作方有哪些优惠") == ("合作方", "优惠")
    assert content_words("国令第707号第十条") == ("第十条",)
    assert content_words("49号文讲了啥") == ()
    # A common word before the code is the question's own.
    assert content_words("社会办医补贴温政办〔2019〕49号") == ("社会", "办医", "补贴")


def test_what_a_document_says_is_an_overview_however_worded():
    for text in ("温人社发〔2019〕105号这个文件主要讲什么？", "温政办〔2019〕47号讲的啥", "国办发〔2019〕6号说的是什么",
                 "国办函〔2004〕80号给湖北省的复函，主要意思是什么？"):
        assert parse_question(text).form == OVERVIEW, text


def test_a_last_clause_without_words_of_its_own_asks_about_the_one_before():
    q = parse_question("我们村有贫困户搞农家乐，听说有个“三改一整”，具体是改哪些？")
    assert "农家乐" not in q.focus and "三改" in q.focus
    assert parse_question("工地施工噪音扰民，市政府今年有相关立法吗？").focus == "市政府今年有相关立法吗"


def test_several_or_those_few_is_not_a_count():
    assert AMOUNT not in question_kinds("医生可以同时在好几家医院坐诊吗")
    assert AMOUNT not in question_kinds("特殊工时那几张申请表去哪下载")
    assert AMOUNT in question_kinds("全市有几家社会办医院")


def test_which_ones_is_an_enumeration_and_how_many_a_count():
    from assistant.answer.question import COUNT, ENUMERATION, parse_question

    assert parse_question("市政府立法坚持的是哪几条原则").form == ENUMERATION
    assert parse_question("今年要制定几件规章").form == COUNT
    q = parse_question("苍南霞关的“六防体系”是哪六防")  # "哪N" before any noun states how many are asked for
    assert q.form == ENUMERATION and q.count == 6
    assert parse_question("这是哪一年的文件").count is None
    # "一共多少亿元" asks a sum, as "是多少亿元" does, and of what it is asked: not things to count.
    q = parse_question("国家融资担保基金的注册资本一共是多少亿元？")
    assert q.form != COUNT and q.attribute == ("注册资本",)
    assert parse_question("住户存款一共有多少？").form == COUNT


def test_month_and_day_is_a_date():
    assert has_evidence(DATE, "2月2日（星期六）、2月3日（星期日）上班。")
    assert DATE in question_kinds("车俊来温州调研是哪几天")


def test_two_asking_clauses_are_two_parts():
    from assistant.answer.question import MULTI, parse_question

    q = parse_question("陶庆东新任什么职务，免去了什么职务？")
    assert q.form == MULTI and q.parts == ("陶庆东新任什么职务", "免去了什么职务？")
    assert parse_question("我想开诊所，能拿多少补贴？").parts == ()  # the first clause only sets the scene


def test_a_length_of_time_answers_how_long_not_a_validity_word():
    from assistant.answer.question import has_fact, parse_question

    q = parse_question("外资企业特殊工时审批多长时间出结果")
    assert has_fact(DATE, "人力社保部门自受理之日起10个工作日内做出准予（或不予）行政许可决定。", q)
    assert not has_fact(DATE, "已取得特殊工时行政许可并在有效期内的外商投资企业。", q)
    assert not has_fact(DATE, "本通知自2019年8月1日起施行。", q)
    assert has_fact(DATE, "本通知自2019年8月1日起施行。", parse_question("这个通知什么时候开始施行"))
    # a date written in Chinese numerals (国发〔1981〕88号)
    assert has_fact(DATE, "一九八〇年九月一日国务院批转国家农委关于…的情况报告", parse_question("国务院是哪一天批转的"))
    # A count of days asked is answered by days, not by years (49号 三（十四）'s tax exemption).
    days = parse_question("民营医院执业登记一般多少个工作日能办完？")
    assert has_fact(DATE, "人力社保部门自受理之日起10个工作日内做出准予（或不予）行政许可决定。", days)
    assert not has_fact(DATE, "…自其取得执业登记之日起，3年内免征房产税、城镇土地使用税。", days)
    # So is how long a request takes to be handled, asked without a unit ("多长时间出结果"); how long a benefit lasts
    # is not.
    assert not has_fact(DATE, "…自其取得执业登记之日起，3年内免征房产税、城镇土地使用税。", q)
    assert has_fact(DATE, "…自其取得执业登记之日起，3年内免征房产税、城镇土地使用税。", parse_question("房产税免征多长时间？"))
    reply = parse_question("特殊工时的申请交上去以后，人社部门多长时间内给答复？")
    assert not has_fact(DATE, "人力社保部门每5年开展一次清单内用人单位特殊工时制度执行情况检查。", reply)
    assert has_fact(DATE, "人力社保部门自受理之日起10个工作日内做出准予（或不予）行政许可决定。", reply)


def test_a_figure_asked_in_a_unit_is_answered_only_by_a_figure_in_it():
    from assistant.answer.question import has_fact, parse_question

    # 国发〔2018〕39号 and 国办发〔2019〕2号: a sum of money, or a share of one; not a count of times or months
    money = parse_question("失业了，失业保险金每个月能领多少钱？")
    assert not has_fact(AMOUNT, "生活费补贴政策每人每年只享受一次，且不可同时领取失业保险金。", money)
    assert has_fact(AMOUNT, "医保基金在总额预算的基础上，按不低于采购金额的30%提前预付给医疗机构。", money)
    assert has_fact(AMOUNT, "单件补助最高不超过50万元", parse_question("买设备最多补多少钱？"))
    assert has_fact(AMOUNT, "当月79.52，同比5.6%", parse_question("7月份财政总收入是多少亿元？"))  # unit in heading
    # 国办发〔2019〕6号 五、（十六）: "放大倍数" named, no multiple given; 国办发〔2019〕4号: satisfaction, no score
    assert not has_fact(AMOUNT, "根据…支小支农业务拓展和放大倍数等情况，适时向符合条件的机构注资、捐资。",
                        parse_question("担保放大倍数最高不能超过几倍？"))
    assert has_fact(AMOUNT, "放大倍数原则上不超过10倍", parse_question("担保放大倍数最高不能超过几倍？"))
    assert not has_fact(AMOUNT, "医院满意度由患者满意度和医务人员满意度两部分组成。",
                        parse_question("门诊患者满意度低于多少分算不合格？"))
    assert not has_fact(AMOUNT, "自其取得执业登记之日起，3年内免征房产税", parse_question("医保能报销百分之几？"))
    # 国办发〔1996〕2号 导语 and 国办发〔1997〕2号 一: "80年代" counts no earthquakes
    quakes = parse_question("1996年全国发生了多少次5级以上地震？")
    assert not has_fact(AMOUNT, "自80年代后期以来，我国的地震活动进入了一个新的活跃期，中强以上地震频繁发生。", quakes)
    assert has_fact(AMOUNT, "1996年，在全球地震活跃的大背景下，我国共发生5级以上地震38次。", quakes)
    assert has_fact(AMOUNT, "联席会议原则上每年召开两次会议。", parse_question("联席会议一年开几次会？"))
    # 温政办〔2019〕49号 三（十五） "分期缴纳" (no years) and 三（八） "补助期为3年": a count of years, not "一个意向用地者"
    years = parse_question("医院建设用地的土地出让价款可以分期交，最长能分几年交清？")
    assert not has_fact(AMOUNT, "确属只有一个意向用地者的，依法可按协议方式供应。土地出让价款可在规定期限内按合同约定分期缴纳。",
                        years)
    assert not has_fact(AMOUNT, "温州市培育发展五大战略性新兴产业行动计划（2019-2021年）", years)
    assert has_fact(AMOUNT, "按该项目当年银行贷款总额逐年给予贴息补助，补助期为3年", years)
    assert parse_question("这几年打算新培养多少高技能人才？").unit is None  # a few years: any figure
    # without a unit any figure counts
    assert has_fact(AMOUNT, "自其取得执业登记之日起，3年内免征房产税", parse_question("免税期是多少？"))


def test_a_sum_asked_per_person_or_thing_is_answered_by_a_figure_stated_per_unit():
    from assistant.answer.question import has_fact, parse_question

    # 49号 三、（八）: a lump sum for a project is no sum per doctor hired
    hired = parse_question("我们办全科诊所，每招一个全科医生，政府能补贴多少钱？")
    assert not has_fact(AMOUNT, "对社会办医疗机构基本建设投资总额在5000万元以上（含）的新建项目，给予50万元的一次性补助。", hired)
    # 49号 三、（十）; 国发〔2018〕41号 第五条; 国发〔2019〕4号: figures stated per person or per unit
    assert has_fact(AMOUNT, "按门诊每人次4元、实际占用每床日8元确认基数", parse_question("门诊每人次补多少钱？"))
    assert has_fact(AMOUNT, "按照每个子女每月1000元的标准定额扣除。", parse_question("每个孩子能扣多少钱？"))
    assert has_fact(AMOUNT, "高等职业教育生均财政拨款水平达到12000元", parse_question("每个学生的拨款要达到多少钱？"))


def test_a_ceiling_asked_is_answered_only_by_a_figure_stated_as_one():
    from assistant.answer.question import has_fact, parse_question

    loan = parse_question("住房公积金贷款现在最多能贷多少钱？")
    # 奋力书写“三民”篇章: totals lent so far, and a reform named 最多跑一次, state no ceiling of a loan
    assert not has_fact(AMOUNT, "截至2019年7月底，已经发放“公积金+金融”组合贷款的“银行”部分超过157亿元", loan)
    assert not has_fact(AMOUNT, "住房公积金4大类30项主要业务不仅实现“最多跑一次”，而且100%实现网上办理", loan)
    # 49号 三（八）, 三（十一）; 国办发〔1997〕11号: ceilings, right after the word or further on
    assert has_fact(AMOUNT, "单件补助最高不超过50万元", parse_question("设备补助最多能补多少钱？"))
    assert has_fact(AMOUNT, "贴息贷款基数总额不超过项目总投资额的50%。", parse_question("贴息贷款基数最多能按总投资的多少算？"))
    assert has_fact(AMOUNT, "原则上一人只能担任一个社会团体的法定代表人。",
                    parse_question("一个人最多能同时担任几个社会团体的法定代表人？"))
    # a figure without a ceiling still answers a question that asks none
    assert has_fact(AMOUNT, "全市住房公积金实缴人数68.78万人", parse_question("有多少人在交住房公积金？"))


def test_the_date_of_a_milestone_is_stated_with_the_milestone():
    from assistant.answer.question import has_fact, parse_question

    opening = parse_question("市域铁路S1线什么时候开通运营？")
    # 图片新闻: the day an agreement about operating the line was signed is not the day it opens
    assert not has_fact(DATE, "7月22日，温州市政府与浙江省交通集团签署市域铁路S1线运营合作协议。", opening)
    assert has_fact(DATE, "会议决定中央政府门户网站于2006年1月1日正式开通。",
                    parse_question("中央政府门户网站是哪天正式开通的？"))  # 国办函〔2006〕71号
    assert has_fact(DATE, "7月4日，温州机场综合交通中心开工。", parse_question("综合交通中心是哪天动工的？"))
    assert has_fact(DATE, "本通知自2019年8月1日起施行。", parse_question("这个通知什么时候开始施行"))  # no milestone
    # 国函〔2006〕132号 二 names the day the port opens without giving it; the date printed is when the lease ends
    assert not has_fact(DATE, "土地使用期限自口岸启用之日起至2047年6月30日止。", parse_question("深圳湾口岸哪天启用？"))


def test_the_date_of_a_procedural_step_is_stated_with_the_step():
    from assistant.answer.question import has_fact, parse_question

    # 49号 附则1: a period of application, and a payer in the next sentence, date no payment.
    paid = parse_question("新评上三甲的民营医院，奖励资金一般什么时候拨到位？")
    assert not has_fact(DATE, "本政策的奖励资金限于市区范围，适用于2019年1月1日至2023年12月31日的奖补项目。"
                              "100张床（含）以上的社会办医疗机构由市财政支付，100张床以下按照现行财政体制分担。", paid)
    # 国办发〔2018〕128号 三、（四）: the deadline is stated with the report's submission.
    assert has_fact(DATE, "2021年3月底前，试点城市政府对本地区试点总体情况、主要做法和成效、存在的问题及建议等进行评估总结，"
                          "形成试点工作总结报告报送生态环境部。",
                    parse_question("试点城市什么时候之前提交试点工作总结报告？"))
    # Another clause's step is not the one dated ("第几号附件" asks no date).
    assert parse_question("细则有效期到什么时候？贡献度奖励由谁兑现？").milestone is None
    assert parse_question("特殊工时的变更申请表是第几号附件").milestone is None


def test_a_district_asked_is_answered_by_a_sentence_naming_one():
    from assistant.answer.question import LOCALITY, has_fact, parse_question

    moved = parse_question("武警总部后勤部机关迁到北京哪个区了？")
    assert LOCALITY in moved.kinds
    # 国函〔1996〕95号 names the city's government, no district
    assert not has_fact(LOCALITY, "其他有关具体事宜请商北京市政府和有关部门办理。", moved)
    assert has_fact(LOCALITY, "副市长李无文陪同民政部区划地名司领导调研，赴文成县督查地质灾害点工作。",
                    parse_question("副市长李无文7月17日去哪个县督查地质灾害点？"))
    assert has_fact(LOCALITY, "赴嘉定区出席两地政务服务合作框架协议签约仪式", moved)
    assert not has_fact(LOCALITY, "推动长三角地区一体化发展，支持自贸试验区建设", moved)  # kinds of area, no name
    assert LOCALITY not in parse_question("入围企业数量不同，采购方式有什么区别？").kinds


def test_a_venue_asked_is_answered_by_a_sentence_saying_where():
    from assistant.answer.question import LOCALITY, VENUE, has_fact, parse_question

    moved = parse_question("武警总部后勤部机关后来搬到哪里去了？")
    assert VENUE in moved.kinds
    # 国函〔1996〕95号 approves the move and names no site
    assert not has_fact(VENUE, "同意武警总部后勤部机关及部分直属单位迁址新建，所需建设资金由你们自筹解决。", moved)
    held = parse_question("研习营的启动仪式在哪个场馆举行？")
    assert VENUE in held.kinds
    assert not has_fact(VENUE, "市长姚高员参加海峡两岸青年发展论坛创意设计研习营启动仪式。", held)
    assert has_fact(VENUE, "7月28日，…全国工商联组织工作会议在温州召开，共话工商联组织创新。", held)
    assert has_fact(VENUE, "副市长娄绍光赴衢州市参加全省深化“三位一体”农合联改革现场会。", held)
    assert has_fact(VENUE, "在浙南产业集聚区谋划建设浙南绿色循环产业园", parse_question("绿色循环产业园建在哪儿？"))
    # a district asked is the narrower check; an office "设在" an agency is no venue asked
    assert VENUE not in parse_question("武警总部后勤部机关迁到北京哪个区了？").kinds
    assert LOCALITY in parse_question("武警总部后勤部机关迁到北京哪个区了？").kinds
    assert VENUE not in parse_question("领导小组办公室设在哪里？").kinds


def test_papers_are_asked_for_by_materials_not_by_the_word_material_alone():
    from assistant.answer.question import parse_question

    assert parse_question("护士执业注册要交哪些材料？").asks_materials
    assert parse_question("我诊所新招的护士要办执业注册，手续和材料有哪些？").asks_materials
    assert parse_question("子女教育扣除需要自己保存哪些证明？").asks_materials
    assert not parse_question("新材料产业2021年产值目标是多少？").asks_materials
    assert not parse_question("石墨烯这种材料在新材料产业的规划里吗？").asks_materials


def test_conditions_are_asked_for_by_what_must_be_met_and_stated_not_referred_to():
    from assistant.answer.question import CONDITIONS, parse_question

    assert parse_question("民营医院要纳入医保定点范围，得符合哪些条件？").asks_conditions
    assert parse_question("新业态企业的认定条件有哪些？").asks_conditions
    assert not parse_question("有条件的地方可以给多少担保费补贴？").asks_conditions
    # 国令第706号 第八条, 温人社发〔2019〕105号 一, 国发〔2018〕38号 一、（十五） state conditions
    assert CONDITIONS.search("合伙企业、有限责任公司形式的专利代理机构应当具备下列条件：")
    assert CONDITIONS.search("企业注册地和实际经营地均在本市范围内，已取得特殊工时行政许可并在有效期内")
    assert CONDITIONS.search("允许不超过五分之一不具有专利代理人资格、年满18周岁、能够在专利代理机构专职工作的中国公民担任")
    # 温政办〔2019〕49号 三、（十四）, 温政办〔2019〕50号 三、（二）, 国发〔2019〕3号 四、（一）1 only refer to them
    assert not CONDITIONS.search("将符合条件的社会办医疗机构纳入医保定点范围并签订定点服务协议。")
    assert not CONDITIONS.search("科学界定新产业新业态新商业模式范围，制定新业态企业认定办法，形成能客观动态反映新业态发展的统计监测体系。")
    assert not CONDITIONS.search("积极稳妥地在综合保税区推广增值税一般纳税人资格试点。")


def test_when_something_may_be_done_is_answered_by_what_must_come_first():
    from assistant.answer.question import has_fact, parse_question

    # 温人社发〔2019〕105号 二（二）: the application follows the collective consultation
    q = parse_question("什么时候可以向人力社保部门提出特殊工时清单式管理的申请？")
    assert has_fact(DATE, "专项集体协商达成一致意见后，用人单位可向当地人力社保部门提出申请。", q)
    assert not has_fact(DATE, "用人单位可向当地人力社保部门提出申请。", q)
    # a question asking for a date is not answered by a condition
    assert not has_fact(DATE, "专项集体协商达成一致意见后，用人单位可向当地人力社保部门提出申请。",
                        parse_question("特殊工时清单式管理是什么时候开始施行的？"))


def test_a_section_word_such_as_goal_is_content():
    from assistant.answer.question import content_words

    assert "目标" in content_words("48号文的行动目标包括哪几个方面")  # 一、（二）行动目标 is named by it


def test_a_year_in_chinese_digits_is_read_as_figures():
    from assistant.answer.question import parse_question

    assert parse_question("二〇一七年规模以上工业增加值增长多少？").query.startswith("2017年")
    assert parse_question("二零一九年的立法计划").query.startswith("2019年")


def test_which_and_filler_words_are_not_content_words():
    from assistant.answer.question import content_words

    assert content_words("常委会要求人大工作坚持哪几个方面") == ("常委会", "要求", "人大", "工作", "坚持")
    assert "到底" not in content_words("温州五大新兴产业到底是哪五个")


def test_how_big_is_not_glued_to_the_noun():
    from assistant.answer.question import content_words

    # jieba cuts 多|大面积; the noun asked about is 面积 (大面积 means "large-scale")
    assert content_words("诊所要多大面积？") == ("诊所", "面积")
    assert "大面积" in content_words("很多大面积的土地")  # 很多 is not the question's 多大


def test_fractions_frequencies_and_people_are_the_facts_asked_for():
    from assistant.answer.question import has_fact, parse_question

    assert has_fact(AMOUNT, "应当有全体职工三分之二以上出席", parse_question("要多少人出席才行"))
    assert has_fact(AMOUNT, "经全体职工过半数同意", parse_question("要多少人同意"))
    assert has_fact(AMOUNT, "汽车号牌尺寸为480毫米×140毫米", parse_question("号牌的尺寸是多少？"))  # a measure
    assert has_fact(AMOUNT, "全国农机总动力超过10亿千瓦", parse_question("农机总动力要达到多少？"))
    assert has_fact(AMOUNT, "芦岭煤矿发生特别重大瓦斯爆炸事故，86名矿工遇难", parse_question("死了多少人？"))
    assert not has_fact(AMOUNT, "谋划一批重点项目，一起推进", parse_question("有多少项目？"))  # words, not counts
    q = parse_question("国务院全体会议一般多久开一次？")
    assert has_fact(DATE, "国务院全体会议一般每半年召开一次。", q)
    assert has_fact(DATE, "各地各平台战新产业培育进展每月通报。", q)
    often = parse_question("国务院常务会议多久开一次？")
    assert has_fact(DATE, "国务院常务会议一般每月召开三次，如有需要可临时召开。", often)
    assert not has_fact(DATE, "《国务院工作规则》已经2004年6月16日召开的国务院第54次常务会议修订通过。", often)
    assert has_fact(AGENCY, "陈乃华任温州市农业综合行政执法队队长；", parse_question("农业综合行政执法队队长是谁？"))
    assert not has_fact(AGENCY, "陈乃华任温州市农业综合行政执法队队长；", parse_question("由哪个部门负责？"))
    assert has_fact(AGENCY, "由温州市促进战略性新兴产业发展工作领导小组统筹协调", parse_question("由谁统筹协调？"))
    assert has_fact(AGENCY, "按规定报卫生健康部门备案", parse_question("要找哪个部门办"))
    assert has_fact(AGENCY, "支持瑞安市、乐清市率先创建", parse_question("哪些地方率先创建？"))
    # Bodies listed before 负责, and companies, answer "由谁负责" as well as bureaus do.
    q = parse_question("办公用房优惠由谁负责兑现？")
    assert has_fact(AGENCY, "办公用房优惠事项由市财务开发公司、市科技创业投资有限公司负责兑现", q)
    assert has_fact(AGENCY, "由国家开发银行、中国进出口银行按照市场化原则提供融资支持", parse_question("哪家银行提供融资？"))
    assert not has_fact(AGENCY, "享受该政策期间，办公用房仅用于基金管理工作业务开展，不得他用。", q)


def test_what_a_speaker_said_is_a_kind_of_fact():
    from assistant.answer.question import SPEECH, has_fact, parse_question

    q = parse_question("陈伟俊在全国工商联组织工作会议上致辞讲了些什么？")
    assert SPEECH in q.kinds
    assert has_fact(SPEECH, "陈伟俊在致辞中说，温州民营经济的发展主要源于党的方针政策正确指引。", q)
    assert not has_fact(SPEECH, "省委常委、市委书记陈伟俊致辞。", q)  # mentions the speech, says nothing of it
    assert SPEECH not in parse_question("49号文讲了什么").kinds  # what a text says: an overview
    # what a term someone uses means: a definition, not a speech
    assert SPEECH not in parse_question("公积金中心说的“三连办”具体指什么？").kinds
    assert SPEECH not in parse_question("公积金那篇文章主要讲了什么").kinds
    # A report's verb the question names introduces what is asked (市委召开十二届八次全体（扩大）会议 第7段, 第4段).
    call = parse_question("市委全会最后向全市发出了什么号召？")
    assert SPEECH in call.kinds
    assert has_fact(SPEECH, "全会号召，初心照亮前路、使命呼唤担当。", call)
    assert not has_fact(SPEECH, "全会指出，今年以来，全市上下认真贯彻落实中央和省委的决策部署。", call)
    assert SPEECH in parse_question("全会最后是怎么号召全市上下的？").kinds


def test_a_rank_asked_is_answered_by_first_or_an_ordinal():
    # 全国工商联组织工作会议在温召开 第3段 and 第1段
    q = parse_question("这个先行区在全国算第几个？")
    assert has_fact(AMOUNT, "全面推进全国首个新时代“两个健康”先行区创建", q)
    assert not has_fact(AMOUNT, "在温州新时代“两个健康”先行区获批创建即将一周年之际", q)


def test_a_number_printed_before_the_noun_asked_counts_it():
    # 温政办〔2019〕50号 二、（三）: "约3000万常住人口" has no measure word after 万
    q = parse_question("浙南闽北赣东地区的常住人口约有多少？")
    assert has_fact(AMOUNT, "立足浙南闽北赣东地区约3000万常住人口的消费需求，积极发展…创意经济新业态。", q)
    assert not has_fact(AMOUNT, "立足浙南闽北赣东地区常住人口的消费需求，积极发展…创意经济新业态。", q)


def test_a_count_asked_in_big_ones_is_answered_by_a_number_of_them():
    # 温政办〔2019〕50号 二、（一）: "几大…产业集群" is answered by "四大千亿级产业集群"
    q = parse_question("温州要打造几大千亿级产业集群？")
    assert has_fact(AMOUNT, "结合温州打造四大千亿级产业集群和培育五大战略性新兴产业，利用新一代信息技术发展数字经济新业态。", q)
    assert not has_fact(AMOUNT, "利用新一代信息技术发展数字经济新业态。", q)


def test_a_round_magnitude_is_a_figure():
    # 48号 三、（二）7: "亿元以上" is one hundred million yuan or more, without a digit.
    q = parse_question("重点项目库要滚动实施多大投资规模以上的项目？")
    assert has_fact(AMOUNT, "建立五大战新产业重点项目库，滚动实施一批亿元以上战新产业重点项目。", q)
    assert not has_fact(AMOUNT, "建立五大战新产业重点项目库，协调服务解决推进难题。", q)


def test_a_rare_name_jieba_joins_to_the_next_word_is_a_content_word():
    q = parse_question("听说应维胜调了新岗位，他现在任的是什么职务？")
    assert "应维胜" in q.names and "应维胜" in q.words and "应维胜调" not in q.words


def test_a_name_jieba_guesses_as_a_given_name_is_a_person():
    # jieba tags 詹尔成 and 李显淼 (7月份市政府人事任免) nrfg, not nr
    assert parse_question("詹尔成这回是升了新职务，还是被免职了？").names == ("詹尔成",)
    assert parse_question("李显淼任了什么职务？").names == ("李显淼",)


def test_a_share_asked_after_a_verb_is_of_that_verb():
    # "报销多少比例": the ratio is of the reimbursement; 49号 三（十四） puts clinics into 医保定点 and gives none.
    assert parse_question("去民营医院看病，医保能报销多少比例？").attribute == ("报销",)
    # a size asked of a doing names no attribute ("做到多大规模": the text's 总规模 is the answer)
    assert parse_question("到2025年国家希望这个产业做到多大规模？").attribute == ()


def test_two_things_contrasted_are_read_as_noun_phrases():
    from assistant.answer.question import contrasted_items

    assert contrasted_items("491号细则里，地方综合贡献度奖励和办公用房优惠这两类事项，审核有什么不同？") == (
        "地方综合贡献度奖励", "办公用房优惠")
    assert contrasted_items("子基金的办公用房优惠和地方综合贡献度奖励，审核环节有什么区别？") == (
        "办公用房优惠", "地方综合贡献度奖励")
    assert contrasted_items("办公用房优惠和地方综合贡献度奖励分别由谁审核？") is None  # no contrast asked


def test_how_many_days_asks_for_a_time_limit_not_a_figure():
    from assistant.answer.question import parse_question

    assert parse_question("人社部门多少天内作出决定？").kinds == {DATE}
    assert parse_question("多少个工作日办结？").kinds == {DATE}
    assert AMOUNT in parse_question("补助多少钱？").kinds


def test_what_one_may_enjoy_is_an_overview_and_pointing_words_are_not_content():
    from assistant.answer.question import OVERVIEW, parse_question

    assert parse_question("跟政府产业基金合作，能享受哪些优惠？").form == OVERVIEW
    assert parse_question("市里规划的那些商圈，除了五马街那一带还有哪些？").words == ("规划", "商圈", "除了", "马街")


def test_a_measure_word_inside_a_verb_object_word_is_dropped():
    from assistant.answer.question import parse_question

    assert parse_question("还是备个案就能开？").query == "还是备案就能开？"  # 备个案 is 备案
    assert parse_question("由几个部门组成").query == "由几个部门组成"  # counted things keep their 个
    assert parse_question("这个案子怎么判").query == "这个案子怎么判"
    assert parse_question("我想开个诊所").query == "我想开个诊所"  # 开诊 is no word


def test_a_penalty_question_asks_for_the_penalty():
    from assistant.answer.question import PENALTY, has_fact, parse_question

    q = parse_question("专利代理公司换了股东没去办变更手续，会被怎么处罚？")
    assert PENALTY in q.kinds
    assert has_fact(PENALTY, "由省级管理专利工作的部门责令限期改正；逾期未改正的，予以警告，可以处10万元以下的罚款", q)
    assert not has_fact(PENALTY, "合伙人、股东等事项发生变化的，应当办理变更手续", q)
    assert PENALTY in parse_question("不按规定分类罚多少？").kinds and AMOUNT not in parse_question("不按规定分类罚多少？").kinds


def test_appointments_and_removals_asked_together_or_one_half():
    from assistant.answer.question import PERSON, parse_question

    both = parse_question("2019年7月市政府任免了哪些干部？")  # 任免 holds 免: it is not a removal question
    assert both.action is None and PERSON in both.kinds
    assert parse_question("这批任免里，被任为督察专员的是哪几位？").action == "appoint"
    assert parse_question("子基金免费的办公用房最多多大面积？").words[-1] == "面积"  # 最|多多|大面积


def test_until_when_a_document_holds_is_a_validity_question():
    from assistant.answer.question import parse_question

    for text in ("48号文有效期到什么时候？", "社会办医这套扶持政策管到哪一年为止？", "这个政策现在还有效吗", "什么时候到期？"):
        assert parse_question(text).asks_validity, text
    assert not parse_question("特殊工时审批多长时间出结果").asks_validity
    assert parse_question("没写具体期限的政策执行到什么时候？").asks_validity


def test_the_validity_of_a_licence_is_not_the_documents():
    from assistant.answer.question import parse_question

    for text in ("外资企业特殊工时行政许可的有效期是几年？", "开餐馆办的食品经营许可证有效期是几年？",
                 "特殊工时许可批下来以后，有效期是几年？"):
        assert not parse_question(text).asks_validity, text
    assert parse_question("491号细则的有效期到哪天？").asks_validity
    # a document named between the licence and the validity is what is asked of
    assert parse_question("办理特殊工时许可的那个通知，有效期到什么时候？").asks_validity
    assert parse_question("105号文有效期到什么时候？").asks_validity


def test_words_of_a_clause_setting_the_scene_are_marked():
    from assistant.answer.question import parse_question

    q = parse_question("家旁边工地天天夜里施工，吵得根本睡不着。今年市里有没有打算出个专门管施工噪音的规定？谁来起草？")
    assert {"夜里", "睡不着"} <= set(q.scene) and not {"噪音", "起草", "施工"} & set(q.scene)
    assert parse_question("感觉最近菜啊肉啊都在涨，7月份温州的物价指数是多少？").scene == ("感觉", "最近")
    # a clause the asking one points back to, or a topic phrase before the question, is the subject
    assert parse_question("朋友想把诊所里的一个科室承包给别人经营，这种做法允许吗？").scene == ()
    assert parse_question("政府产业基金给子基金出资，最多能占子基金总规模的多少比例？").scene == ()
    assert parse_question("开诊所有什么补贴？").scene == ()


def test_when_a_document_was_issued_is_asked_in_one_clause():
    from assistant.answer.question import parse_question

    assert parse_question("50号文的印发日期是哪天").asks_issued
    assert not parse_question("117号出台后，旧通知还执行吗？以后每年什么时候报名单？").asks_issued


def test_ji_before_a_yes_no_question_means_a_few():
    from assistant.answer.question import AMOUNT, parse_question

    q = parse_question("我是公立医院的在编护士，想去私立医院干几年，以后还能回公立医院重新入编吗？")
    assert AMOUNT not in q.kinds and not q.parts and q.query.count("几") == 1  # the question itself is unchanged
    assert AMOUNT in parse_question("开诊所最少要有几个执业医师？").kinds
    assert AMOUNT in parse_question("几个部门牵头，能说一下吗？").kinds  # a request to tell asks the figure
    # 温政办〔2019〕48号 三（二）7 "协调服务解决推进难题": an A-not-A question asks yes or no too.
    q = parse_question("厂里有个亿元以上的新材料项目正在建，卡在几个难题上，政府那边会不会出面帮忙协调？")
    assert AMOUNT not in q.kinds and not q.attribute
    assert AMOUNT in parse_question("卡在几个难题上，有没有说是哪几个？").kinds  # the last clause asks which
    assert parse_question("有几人？分别是谁？").parts == ("有几人？", "分别是谁？")


def test_ji_after_a_plural_pronoun_is_who_asks():
    from assistant.answer.question import FACTOID, parse_question

    # 国办发〔1997〕11号: "我们几个人" says who asks; the one question is the number of members.
    q = parse_question("我们几个人想成立一个协会，按当年清理整顿社会团体的要求，至少要有多少个成员才能保留？")
    assert q.form == FACTOID and not q.parts
    assert parse_question("任了几个、免了几个？").parts  # each 几 asks


def test_what_a_body_is_charged_with_is_not_an_agency_question():
    from assistant.answer.question import AGENCY, parse_question

    assert AGENCY not in parse_question("协调委员会主要负责哪些工作？").kinds
    for text in ("这项工作由哪个部门负责？", "谁负责兑现奖励", "哪些部门负责什么工作"):
        assert AGENCY in parse_question(text).kinds, text


def test_the_askers_own_situation_sets_no_place_or_year():
    from assistant.answer.question import without_situation

    assert without_situation("我在杭州读大学，暑假回温州，启动仪式是几号搞的？") == "暑假回温州，启动仪式是几号搞的？"
    # what the asker means to do, or a place the asking clause points back to, is what is asked about
    for text in ("我想在杭州开诊所，有补贴吗？", "我在丽水开医院，评了二甲以后当地给多少奖金？", "宁波的公积金缴存总额是多少？"):
        assert without_situation(text) == text, text


def test_a_word_that_took_the_duo_of_duo_da_gives_it_back():
    from assistant.answer.question import parse_question

    q = parse_question("省委书记去看的那个防洪工程，建好以后能防多大的洪水？")
    assert "能防" in q.words and "能防多" not in q.words


def test_which_day_asks_and_names_nothing():
    from assistant.answer.question import parse_question

    assert "几号" not in parse_question("机场综合交通中心是几号开工的？").words


def test_which_three_people_asks_for_people():
    from assistant.answer.question import PERSON, parse_question

    assert PERSON in parse_question("7月份市政府任命了哪三位生态环境保护督察专员？").kinds


def test_two_things_asked_each_are_two_parts():
    from assistant.answer.question import parse_question

    q = parse_question("7月底金融机构人民币存款和贷款余额分别是多少？")
    # two words alike (存款, 贷款) share the head written after the second (余额)
    assert q.parts == ("7月底金融机构人民币存款余额分别是多少？", "7月底金融机构人民币贷款余额分别是多少？")
    # "哪个…更快" asks of each
    assert parse_question("7月末温州的存款和贷款余额，哪个同比增长更快？").parts == (
        "7月末温州的存款余额，哪个同比增长更快？", "7月末温州的贷款余额，哪个同比增长更快？")
    assert parse_question("门诊和床日分别按多少钱确认基数？").parts == ("门诊分别按多少钱确认基数？", "床日分别按多少钱确认基数？")
    assert parse_question("存款和贷款余额是多少？").parts == ()  # not asked for each
    # "是不是同一家" sets each one's side by side (48号 附件's rows 4 and 5)
    assert parse_question("分工表中新能源智能网联汽车和新材料，牵头单位是否同一个？").parts == (
        "分工表中新能源智能网联汽车，牵头单位是否同一个？", "新材料，牵头单位是否同一个？")
    # the second item repeats the first one's head word: it stands for both words before 和
    assert parse_question("存款余额和贷款余额各是多少").parts == ("存款余额各是多少", "贷款余额各是多少")
    # the second item repeats the head of a longer first one: it stands for as many words as make an item as long
    # (生命健康产业, not 健康产业); an item ends where the question asks ("…新材料产业|哪个…")
    assert parse_question("数字经济产业和智能装备产业，哪个产值目标更高？").parts == (
        "数字经济产业，哪个产值目标更高？", "智能装备产业，哪个产值目标更高？")
    assert parse_question("48号文里，生命健康产业和新材料产业哪个增速更快？").parts == (
        "48号文里，生命健康产业哪个增速更快？", "48号文里，新材料产业哪个增速更快？")
    # "这两个…": two whole items, the second standing for all of the first, not for its last word
    assert parse_question("新能源智能网联汽车和新材料这两个专项行动，牵头单位分别是谁？").parts == (
        "新能源智能网联汽车这两个专项行动，牵头单位分别是谁？", "新材料这两个专项行动，牵头单位分别是谁？")
    # items each with a verb of their own: the second stands for the whole first one, not its last word
    assert parse_question("哈尔滨申办大冬会和深圳申办大运会，申办经费分别由哪个省政府承担？").parts == (
        "哈尔滨申办大冬会，申办经费分别由哪个省政府承担？", "深圳申办大运会，申办经费分别由哪个省政府承担？")
    # "有什么区别" of two such items (years written in figures) asks of each; of two noun phrases, of both together
    assert parse_question("哈尔滨申办2009年大冬会和深圳申办2011年大运会，申办经费由谁负担有什么区别？").parts == (
        "哈尔滨申办2009年大冬会，申办经费由谁负担有什么区别？", "深圳申办2011年大运会，申办经费由谁负担有什么区别？")
    assert parse_question("应急救援专用号牌里，汽车号牌和摩托车号牌有什么区别？").parts == ()


def test_what_a_figure_is_asked_of():
    from assistant.answer.question import parse_question

    # the noun right before the asking phrase, past adverbs and verbs of being or reaching
    assert parse_question("在综合保税区注册一家企业，注册资本最低要多少？").attribute == ("注册资本",)
    assert parse_question("小微企业贷款利率最高不能超过多少？").attribute == ("贷款", "利率")
    # "按规定" says by what rule, not what the figure is of (国办发〔2019〕6号 三（八）"担保费率原则上不超过1%")
    assert parse_question("担保费率按规定原则上不超过多少？").attribute == ("费率",)
    # a clause asking only for a value is of the noun ending the clause before (105号 三 "应公布举报电话", no number)
    assert parse_question("105号文说人力社保部门要公布举报电话，具体号码是多少？").attribute == ("举报电话",)
    assert parse_question("特殊工时的举报电话，号码是多少？").attribute == ("举报电话",)
    # 程度 only says a degree is asked (国发〔2018〕42号 一（二） "综合机械化率达到75%")
    assert parse_question("综合机械化程度要达到多少？").attribute == ("综合", "机械化")
    # with the noun right before it that says which one: a 设备 subsidy is no 床位 subsidy
    assert parse_question("民营养老院每张床位补贴多少钱？").attribute == ("床位", "补贴")
    assert parse_question("7月份温州进出口总额是多少").attribute == ("进出口", "总额")
    assert parse_question("市里的政府补贴是多少？").attribute == ("补贴",)  # 政府 says whose, not which
    assert parse_question("新开一家全科诊所，政府给多少开办补贴？").attribute == ("开办", "补贴")  # a verb saying which
    assert parse_question("公司要交多少钱？").attribute == ()  # whose, not what
    assert parse_question("交的失业保险费能退回来多少？").attribute == ()  # 退回来 (tagged as an idiom) is a verb
    assert parse_question("我们这里最低工资标准是每月多少钱？").attribute == ("最低工资",)  # 标准 only says "a value"
    assert parse_question("政府给多少安家补贴？").attribute == ("安家", "补贴")  # what 多少 counts
    # a verb before the ask asks what happens, not what a figure is of; no figure, no attribute
    assert parse_question("两个产业的产值相差多少？").attribute == ()
    assert parse_question("开诊所有什么补贴？").attribute == ()
    # a noun saying only what kind of value is wanted (目标, 比例) leaves the noun before it
    assert parse_question("到2021年，五大战略性新兴产业的总产值目标是多少？").attribute == ("总产值",)
    # "多少人出席" counts people: not a figure of the 方案 before it
    assert parse_question("职工代表大会讨论特殊工时方案需要多少人出席？").attribute == ()


def test_how_an_article_rules_asks_for_the_article():
    from assistant.answer.question import CLAUSE, parse_question

    assert parse_question("个人所得税法实施条例第四十条是怎么规定的？").form == CLAUSE
    assert parse_question("国发〔2019〕5号四（二）如何规定？").form == CLAUSE


def test_what_is_counted_is_a_word_and_not_a_value():
    from assistant.answer.question import parse_question

    assert parse_question("职业教育改革实施方案要求到2020年初步建成多少个示范性职教集团？").measured == (
        "示范性", "职教", "集团")
    assert parse_question("市里希望到2023年私立医院的床位占到全市多少比例？").measured == ()  # a value, not things
    assert parse_question("子基金管理机构的高管，每个机构最多几个人能享受奖励？").measured == ()  # jieba's 人能
    # "这几个", "十几个" count nothing the asker asks about
    assert parse_question("温州这几个新兴产业到2021年总产值想做到多少？").measured == ()
    q = parse_question("我诊所有十几个员工，每个月替他们代扣个税，全员全额扣缴申报要在什么时候之前报给税务局？")
    assert AMOUNT not in q.kinds and q.measured == ()


def test_a_figure_right_before_the_noun_counted_is_its_count():
    from assistant.answer.question import has_fact, parse_question

    q = parse_question("浙南闽北赣东一共大概多少常住人口")
    assert has_fact(AMOUNT, "辐射浙南闽北赣东约3000万常住人口的区域性创意经济中心", q)
    assert has_fact(AMOUNT, "打造十大商圈，引导商圈差异化发展。", parse_question("新业态方案里说要重点打造几个商圈？"))
    assert has_fact(AMOUNT, "坝前135米水位蓄水4个月，成功预警16处滑坡。",  # a measure word between (国办函〔2004〕25号)
                    parse_question("地质灾害监测成功预警了多少处滑坡？"))
    assert not has_fact(AMOUNT, "推进常住人口市民化。", q)


def test_many_tall_buildings_asks_for_no_figure():
    from assistant.answer.question import parse_question

    q = parse_question("雄安新区会盖很多高楼吗？")
    assert AMOUNT not in q.kinds and q.attribute == ()


def test_how_many_then_which_is_one_counted_list():
    from assistant.answer.question import COUNT, MULTI, parse_question

    # 温政办〔2019〕47号 二（二）3–5: the count and the list are one answer, the items counted.
    for text in ("47号文里因为机构改革要修订的规章有几部？分别是哪些？", "2019年立法计划里要修订的规章有几件，分别是什么"):
        q = parse_question(text)
        assert q.form == COUNT and not q.parts, text  # 什么 is no yes/no question: the 几 before it still asks
    assert parse_question("有几人？分别是谁？").form == MULTI  # who they are is asked of people, each named
    assert parse_question("新建项目补助多少？采购设备补助多少？").form == MULTI


def test_who_is_answered_by_an_appointment_item():
    from assistant.answer.question import AGENCY, has_fact, parse_question

    q = parse_question("温州生态园管委会总工程师是谁？")
    assert has_fact(AGENCY, "李显淼任温州生态园管委会总工程师（试用期一年）", q)  # no 以上引文未写明负责的部门
    assert not has_fact(AGENCY, "试用期一年。", q)


def test_a_period_from_one_date_to_another_answers_how_long():
    from assistant.answer.question import DATE, has_fact, parse_question

    q = parse_question("1997年那次清理整顿社会团体的时限是从什么时候到什么时候？")
    assert has_fact(DATE, "清理整顿时限是1997年4月―1998年2月，具体步骤安排如下：", q)  # 国办发〔1997〕11号
    assert not has_fact(DATE, "具体步骤安排如下：", q)


def test_kinds_of_documents_a_rule_sorts_are_not_the_gazette_s_documents():
    assert parse_question("公报第203期有哪些文件？").documents
    assert parse_question("7月份市政府发了哪些文件").documents
    assert not parse_question("行政机关内部的哪些文件不用纳入规范性文件合法性审核范围？").documents
    assert not parse_question("哪些文件需要备案").documents
    # 国办发〔2018〕115号 二、（三）: which documents a rule leaves out, asked after the documents it is about
    assert not parse_question("行政规范性文件有哪些是不纳入合法性审核范围的？").documents
    assert parse_question("这期公报的文件有哪些？").documents


def test_the_term_whose_meaning_is_asked():
    from assistant.answer.question import parse_question

    assert parse_question("老听人说“消费扶贫”，这到底是个啥意思？").defined == "消费扶贫"
    assert parse_question("月光经济是啥意思").defined == "月光经济"  # jieba: 月光|经济
    assert parse_question("政府支持社会力量发展的智慧健康主要是指什么？").defined == "智慧健康"
    assert parse_question("什么是消费扶贫？").defined == "消费扶贫"
    assert parse_question("经常听说“消费扶贫”，这到底是怎么一回事？").defined == "消费扶贫"
    assert parse_question("开诊所有什么补贴？").defined is None
    # what a term is made up of: the clause defining it lists its members
    assert parse_question("个税的专项附加扣除一共包括哪些项目？").defined == "专项附加扣除"


def test_a_sentence_saying_what_a_term_is_defines_it():
    from assistant.answer.select import defines

    # 国办发〔2018〕129号 导语, 国办发〔2018〕128号 附件, 专利代理条例 第二条
    assert defines("消费扶贫", "消费扶贫是社会各界通过消费来自贫困地区和贫困人口的产品与服务，帮助贫困人口增收脱贫的一种扶贫方式。")
    assert defines("无废城市", "“无废城市”是以创新、协调、绿色、开放、共享的新发展理念为引领，…的城市发展模式。")
    # 国发〔2018〕41号 第二条: the term after "本办法所称" and a qualifier
    assert defines("专项附加扣除", "本办法所称个人所得税专项附加扣除，是指个人所得税法规定的子女教育、继续教育、大病医疗、住房贷款"
                                 "利息或者住房租金、赡养老人等6项专项附加扣除。")
    assert not defines("专项附加扣除", "前款所称专项附加扣除相关信息，包括纳税人本人、配偶、子女、被赡养人等个人身份信息。")
    assert defines("专利代理", "本条例所称专利代理，是指专利代理机构接受委托，以委托人的名义在代理权限范围内办理专利申请。")
    assert not defines("消费扶贫", "将消费扶贫纳入“万企帮万村”精准扶贫行动。")
    # 国发〔2019〕5号 三（三): the term named in brackets after what it stands for
    assert defines("两库", "各省（区、市）人民政府要统筹建立健全…检查对象名录库和执法检查人员名录库（统称“两库”）。")
    assert not defines("两库", "要根据检查对象和执法检查人员变动情况，对“两库”进行动态管理。")
    assert parse_question("双随机监管里说的“两库”，指的是哪两个库？").defined == "两库"


def test_a_regulation_whose_rules_are_asked():
    from assistant.answer.question import parse_question

    assert parse_question("温州养犬管理条例规定一户最多能养几条狗？").regulation == "温州养犬管理条例"
    assert parse_question("我家养了条金毛，按温州的养犬管理条例，办狗证一年要交多少钱？").regulation == "温州的养犬管理条例"
    assert parse_question("家庭服务业管理条例对保姆有什么资格要求？").regulation == "家庭服务业管理条例"
    assert parse_question("养犬管理条例出来后每户最多可以养几条狗？").regulation == "养犬管理条例"
    # the draft's due date is asked (the legislative plan states it), and a document pointed at is not named
    assert parse_question("楠溪江保护管理条例草案什么时候报市政府").regulation is None
    # ...but what the draft rules is asked as what the regulation rules: the plan prints neither
    assert parse_question("《温州市养犬管理条例》草案对遛狗有什么规定？").regulation == "温州市养犬管理条例"
    assert parse_question("博鳌乐城先行区的医院能按这个办法进口疫苗吗？").regulation is None
    assert parse_question("国发〔2018〕41号印发的办法里第十九条说的是什么？").regulation is None


def test_what_a_date_is_asked_of_when_the_question_names_the_date():
    from assistant.answer.question import parse_question

    assert parse_question("产业基金房租补助今年的申报截止日期是哪天？").attribute == ("申报", "截止")
    assert parse_question("苍南三澳核电项目的开工时间是什么时候？").attribute == ("开工",)
    # no date named: the document's own date answers for what it is about
    assert parse_question("特殊工时清单管理从哪天开始实行？").attribute == ()


def test_a_colour_asked_is_answered_by_a_colour_stated():
    from index.answer_types import COLOR, has_evidence, question_kinds

    assert COLOR in question_kinds("消防救援车挂的“应急”专用号牌是什么颜色的？")
    # 国办发〔2018〕114号 二, 附件 三; 突发事件应对法 第四十二条
    assert has_evidence(COLOR, "专用号牌为白底黑字，配以红色汉字“应急”")
    assert has_evidence(COLOR, "前牌的所属救援队伍代号为红色，后牌的所属救援队伍代号为黑色。")
    assert has_evidence(COLOR, "分为一级、二级、三级和四级，分别用红色、橙色、黄色和蓝色标示")
    # a word coloured states no colour
    assert not has_evidence(COLOR, "鼓励发展普惠金融、绿色金融、小微金融。")
    assert not has_evidence(COLOR, "要在传承红色基因中践行初心使命")


def test_a_system_or_website_asked_is_a_kind_of_fact():
    q = parse_question("产业基金的财政奖励在哪个系统上申报？网址是什么？")
    assert CHANNEL in q.kinds and CHANNEL not in parse_question("产业基金的财政奖励怎么申报？").kinds
    # 491号 三（一）
    assert has_fact(CHANNEL, "政策适用对象根据《申报通知》要求，登陆“温州产业政策奖励兑现系统”（网址：reward.wenzhou.gov.cn）"
                             "进行申报。")
    assert not has_fact(CHANNEL, "市财政局根据政府产业基金运行情况发布《申报通知》。")


def test_a_ceiling_asked_is_answered_by_a_limit_however_it_is_worded():
    q = parse_question("我有个哥哥，我们俩一起赡养爸妈，个税里我一个月最多能分到多少扣除额？")
    assert q.ceiling
    # 国发〔2018〕41号 第二十二条
    assert has_fact(AMOUNT, "（二）纳税人为非独生子女的，由其与兄弟姐妹分摊每月2000元的扣除额度，每人分摊的额度不能超过每月1000元。", q)
    # a figure that is no ceiling still does not answer
    assert not has_fact(AMOUNT, "（一）纳税人为独生子女的，按照每月2000元的标准定额扣除；", q)


def test_places_listed_by_names_without_an_administrative_unit():
    from assistant.answer.question import lists_places

    # 国函〔2018〕145号 一
    assert lists_places("同意乌鲁木齐、昌吉、石河子3个高新技术产业开发区（以下统称乌鲁木齐、昌吉、石河子高新区）建设国家自主创新示范区")
    assert lists_places("选择北京、天津等城市开展试点")
    # 国办发〔2018〕128号 一、（五）: kinds of city, not cities named
    assert not lists_places("优先选取国家生态文明试验区省份具备条件的城市、循环经济示范城市、工业资源综合利用示范基地")
    # 国办发〔1996〕2号 一: every province, not places named
    assert not lists_places("运用各种手段判定当年或稍长时间内的地震危险地区，同时作为重点监视防御区向各省、自治区、直辖市人民政府和国务院各部门通报。")
    assert lists_places("北京市、天津市、河北省、山西省、内蒙古自治区人民政府")


def test_which_two_bodies_asks_for_an_agency():
    from index.answer_types import question_kinds

    assert AGENCY in question_kinds("日本侵华时留下的那些化学武器，国家是让哪两个部门统一管这件事的？")
    assert AGENCY in question_kinds("由哪几个单位审核？")
    assert AGENCY not in question_kinds("试点选了哪几个城市？")


def test_a_count_printed_before_the_head_of_the_noun_counted_counts_it():
    from assistant.answer.question import counts_measured

    q = parse_question("国务院职业教育工作部际联席会议按规定一年开几次全体会议？")
    assert q.measured == ("全体会议",)
    # 国函〔2018〕144号 附件 三
    assert counts_measured(q, "联席会议原则上每年召开两次会议，也可根据工作需要临时召开专题会议，由召集人或召集人委托的副召集人主持。")
    assert not counts_measured(q, "在联席会议召开之前，由联席会议办公室召开联络员会议。")


def test_a_national_body_named_where_it_acts_is_an_agency():
    q = parse_question("老百姓写信给国务院领导反映的重要意见，是哪个单位负责转呈给领导的？")
    # 国办函〔2006〕82号 导语
    assert has_fact(AGENCY, "人民群众向国务院领导同志反映的重要意见和建议，国家信访局都及时报送国务院领导同志。", q)
    # 国办发〔2019〕4号 三、（三）: a platform named after a body
    assert not has_fact(AGENCY, "各地要应用国家卫生健康委满意度调查平台，将调查结果纳入三级公立医院绩效考核。", q)


def test_a_noun_jieba_tags_as_a_verbal_noun_is_what_is_counted():
    # jieba tags 经费 vn: the figure asked is of 经费, which a count of provinces (国办函〔2018〕71号 二) is not
    assert parse_question("政府网站集约化试点，中央财政给每个试点地区补助多少经费？").measured == ("经费",)


def test_a_clause_naming_the_document_asked_of_is_part_of_what_is_asked():
    q = parse_question("国务院关于北京城市副中心控制性详细规划的批复中，对蓝绿空间占比有什么要求？")
    assert "北京城市副中心" in q.focus
    # a clause setting the scene is not
    assert "拖拉机" not in parse_question("想贷款买一台大马力拖拉机，农机贷款有没有贴息？").focus


def test_demands_asked_as_a_noun_are_what_was_said_however_introduced():
    from assistant.answer.question import SPEECH

    q = parse_question("第二场督政汇报会上，姚高员对下半年的推进节奏和工作劲头提了哪些要求？")
    assert SPEECH in q.kinds
    # 2019年第二场市直部门督政汇报会锁定“两个健康” 第4段 and 第3段
    assert has_fact(SPEECH, "姚高员强调，要拿出争先争优的劲头推动排名位次再提升，聚焦关键指标和重点任务。", q)
    assert not has_fact(SPEECH, "围绕全年红、全部红、全线红“三红”要求，持续掀起“奋战1161，奋进2019”新高潮。", q)


def test_a_count_of_days_asked_as_ri_is_a_length_of_time():
    q = parse_question("国令第706号《专利代理条例》规定，国务院专利行政部门应在受理申请后多少日内决定是否颁发专利代理机构执业许可证？")
    assert DATE in q.kinds and AMOUNT not in q.kinds and q.duration
    # 国令第706号 第九条
    assert has_fact(DATE, "国务院专利行政部门应当自受理申请之日起20日内作出是否颁发专利代理机构执业许可证的决定。", q)
    assert not parse_question("50号文是几月几日印发的？").duration  # a day of a month, not a length


def test_a_one_off_is_no_count():
    # 国办发〔2018〕124号 七、（二十二）: 一次性 says how the money is paid, it is no figure of it
    text = "为确保转制工作顺利进行，同级财政可一次性拨付一定数额的资金，主要用于资产评估、审计、政策法律咨询等。"
    assert not has_evidence(AMOUNT, text)
    assert not has_fact(AMOUNT, text, parse_question("同级财政一次性拨付用于资产评估、审计的那笔钱具体是多少？"))
    assert has_evidence(AMOUNT, "人力社保部门每5年开展一次清单内用人单位特殊工时制度执行情况检查。")


def test_a_figure_naming_what_the_question_asks_of_is_no_answer():
    q = parse_question("三项制度指导意见里，执法人员人身意外伤害保险的保额定的是多少？")
    # 国办发〔2018〕118号 六、（二十三）: "三项制度" is the subject's name
    assert not has_fact(AMOUNT, "高素质的执法人员是全面推行“三项制度”取得实效的关键。", q)
    # 国办发〔2018〕123号 四、（一）: the same figure stated again is the answer
    q = parse_question("一个单位在同一个平台上原则上能开几个政务新媒体账号？")
    assert has_fact(AMOUNT, "一个单位原则上在同一平台只开设一个政务新媒体账号，鼓励在网民集聚的新平台开设政务新媒体账号。", q)


def test_a_modal_verb_jieba_glues_to_a_word_is_cut_off():
    # "一次|性能|拿", "个|税能|扣": 能 asks what one can get; 性能 is no figure asked and not in the clause.
    q = parse_question("我们民营医院新建项目，基建投资1.2亿元（不含医疗设备），一次性能拿多少补助？")
    assert "一次性" in q.words and "性能" not in q.words and "性能" not in q.attribute
    assert "个税" in parse_question("孩子在上小学，每个月个税能扣多少？").words
    # An adjective or verb jieba reads there stays ("比|重要", "急|需要" are not mended here).
    assert "重要" in parse_question("新业态增加值占市区GDP的比重要达到多少？").words


def test_a_list_of_what_is_counted_answers_the_count():
    # 7月份市政府人事任免 第37段: the posts removed, listed before 职务; a count of them is that list.
    posts = parse_question("连真毅这次一共被免去了几个职务？分别是哪几个？")
    assert has_fact(AMOUNT, "连真毅的温州市公路管理局局长、市公路路政管理支队支队长职务", posts)
    assert not has_fact(AMOUNT, "免去连真毅的温州市公路管理局局长职务", posts)
    # A bare count: the noun may end only the last item (国办函〔2006〕71号: no number of 行政法规 is given).
    assert not has_fact(AMOUNT, "收集整理了现行的主要法律、2000年以来的行政法规，以及部分司法解释",
                        parse_question("中央政府门户网站“法律法规”栏目一共收录了多少部行政法规？"))
    # 市委十二届八次全体（扩大）会议 第4段: the quoted phrase printed once per item.
    text = ("坚决有力打好高质量发展组合拳，狠抓“两区”建设，狠抓动能培育，狠抓改革开放，狠抓都市发展，狠抓社会建设，"
            "狠抓全面从严治党，全市经济发展继续呈现向上向好态势")
    hammered = parse_question("八次全会回顾今年以来的工作时，一共提了几个“狠抓”？")
    assert has_fact(AMOUNT, text, hammered)
    assert not has_fact(AMOUNT, "狠抓“两区”建设，全市经济发展继续呈现向上向好态势", hammered)
    # "……" in the quoted phrase stands for the words between ("要……好": 要学习好, 要宣传好).
    said = "我们要学习好，把垃圾分类作为大文明来抓；要宣传好，营造全民参与的浓厚氛围；要落实好各项措施。"
    assert has_fact(AMOUNT, said, parse_question("市委常委会讲垃圾分类，提了几个“要……好”的要求？"))


def test_a_personnel_question_matches_the_person_not_the_words_of_the_other_half():
    # 7月份市政府人事任免: 第14段 "朱汝东任温州生态园管委会副主任；" and, under 免去：, 第32段 "朱汝东的温州大罗山综合管理
    # 办公室主任职务；": 任命 and 职务 as words to match would draw the removal.
    q = parse_question("朱汝东被任命为什么职务？")
    assert q.action == "appoint" and q.words == ("朱汝东",)
    assert parse_question("谁被任命为温州市教育局局长？").words[-1] == "局长"


def test_the_phrase_that_asks_says_which_post_of_a_person_naming_the_other():
    # 第35段 "陈乃华的温州市畜牧兽医局局长职务" (removed) and 第18段 "陈乃华任温州市农业综合行政执法队队长": the question
    # names the former post and asks the new one.
    q = parse_question("以前当畜牧兽医局局长的陈乃华，现在调去做什么了？")
    assert q.action == "appoint" and q.words == ("陈乃华",)
    assert parse_question("陈乃华原来是什么职务？").action == "remove"
    # everyday words for a post ("当的是什么官", "被安排到哪里当领导")
    assert parse_question("他之前当的是什么官？").action == "remove"
    assert parse_question("这次又被安排到哪里当领导了？").action == "appoint"
    # where a person was moved to is the new post ("调到哪去了"); "不再当…" names the post left, not the one asked
    assert parse_question("蒋义炮现在调到哪去了？").action == "appoint"
    q = parse_question("黄凡不再当防汛防旱指挥部办公室主任了，他被安排到哪个单位当主任？")
    assert q.action == "appoint" and "防汛" not in q.words, q.words


def test_what_a_document_says_is_no_speech():
    # "…的通报，最后对各地提了哪些要求", "那份提案答复，大致说了采取哪些方面的措施": a list of the document's parts, not
    # what someone said at a meeting.
    for text in ("国办关于煤矿瓦斯爆炸事故的通报，最后对各地提了哪些要求？", "那份提案答复，大致说了采取哪些方面的措施？"):
        q = parse_question(text)
        assert SPEECH not in q.kinds and q.form == ENUMERATION
    assert SPEECH in parse_question("市委全会对下半年工作提了哪些要求？").kinds


def test_who_did_something_at_an_event_is_named_with_the_act():
    q = parse_question("7月30日市委常委会学垃圾分类的那次会议，是谁主持的？")
    assert q.act == "主持"
    assert has_fact(AGENCY, "市委书记陈伟俊主持会议。", q)
    assert not has_fact(AGENCY, "7月30日，市委常委会召开会议，听取我市垃圾分类工作推进情况汇报。", q)
    assert parse_question("全国工商联组织工作会议上，出席并讲话的领导是谁？").act == "讲话"
    # asked as which leaders did it, and attending printed in another word ("到场" asked, "参加" printed)
    present = parse_question("“最美温州人·最美退伍军人”发布仪式，市里哪几位领导到场了？")
    assert present.act == "到场" and AGENCY in present.kinds
    assert has_fact(AGENCY, "市长姚高员、副市长李无文参加“最美温州人·最美退伍军人”发布仪式。", present)
    assert not has_fact(AGENCY, "7月30日，2019“最美温州人·最美退伍军人”发布仪式举行。", present)
    # or after the event ("到场…的市领导有哪几位")
    after = parse_question("七月底到场“最美温州人·最美退伍军人”发布仪式的市领导有哪几位？")
    assert after.act == "到场" and AGENCY in after.kinds
    assert parse_question("参加会议的人数有多少？").act is None
    assert parse_question("这项工作由谁负责？").act is None
    assert parse_question("总理出国访问的时候，国务院的工作由谁来主持？").act is None  # no event: who stands in


def test_a_sum_named_by_what_it_pays_is_a_sum_of_money():
    # "每户能拿到多少搬迁补偿": "505户1748人" gives no sum.
    q = parse_question("巴东马鬃山村搬走的村民，每户能拿到多少搬迁补偿？")
    assert not has_fact(AMOUNT, "据地方政府介绍，马鬃山村面积10.92平方公里，共13个村民小组，505户1748人。", q)
    assert has_fact(AMOUNT, "对搬迁农户每户补助2万元。", q)
    assert parse_question("有多少项补贴？").unit is None


def test_a_ratio_asked_is_answered_by_a_share_not_a_sum():
    # 《奋力书写“三民”篇章》第4段 prints the loans made, no share of the interest paid
    q = parse_question("公积金的公转商贴息贷款，贴息比例是多少？")
    assert not has_fact(AMOUNT, "截至2019年7月底，已经发放“公积金+金融”组合贷款的“银行”部分超过157亿元，公转商贴息贷款近80亿元。", q)
    # 国办发〔2019〕2号 三、（四）
    assert has_fact(AMOUNT, "医保基金在总额预算的基础上，按不低于采购金额的30%提前预付给医疗机构。", q)
    assert has_fact(AMOUNT, "按1:1比例配套安排资金。", q)


def test_a_deputy_post_jieba_cuts_apart_is_the_post_asked():
    # "专职|副|主任": 第29段 "蔡克的温州市温瑞塘河保护管委会专职副主任职务" says who held it.
    q = parse_question("7月份市政府免职名单里，被免去温瑞塘河保护管委会专职副主任的是哪位？")
    assert q.post == "副主任"
    assert parse_question("粮食应急工作指挥部的总指挥由谁担任？").post == "总指挥"


def test_a_post_named_after_the_asking_phrase_is_the_post_asked():
    # 国办发〔2018〕109号 导语 "主  任：孙春兰": "谁当" before the title asks who holds it, as "…的主任是谁" does
    assert parse_question("国家教材委员会现在谁当主任？").post == "主任"
    assert parse_question("由谁担任指挥部的总指挥？").post == "总指挥"
    assert parse_question("这个项目由谁负责？").post is None


def test_a_verb_said_tentatively_is_no_content_word():
    # "比一比" tells what to do with the two figures (国发〔2018〕41号 第五条, 第十四条); the text never prints it
    q = parse_question("孩子上学的扣除和首套房贷款利息的扣除，每月标准比一比，哪个多？")
    assert "比一比" not in q.words and "扣除" in q.words


def test_validity_is_asked_only_by_a_clause_that_asks():
    # "特殊工时许可已经拿到了、还在有效期内" says the asker's permit is valid; the question asks for papers.
    q = parse_question("我们是一家外资企业，特殊工时许可已经拿到了、还在有效期内，现在想申请纳入岗位清单式管理，要准备哪些材料？")
    assert not q.asks_validity and DATE not in q.kinds
    assert parse_question("49号文的有效期到什么时候？").asks_validity
    assert parse_question("49号文的有效期").asks_validity  # a single clause asks whatever it names
    assert parse_question("社会办医这套政策管到哪一年？").asks_validity


def test_a_deadline_asked_is_answered_by_a_date_something_is_due_by():
    # 国办发〔2019〕3号: the preamble's "2018年11月，…印发" dates an event; 三、2 "原则上于2019年6月底前完成" is the deadline.
    q = parse_question("我们小区建好的配套幼儿园一直没交给教育局，按要求最晚什么时候要办完移交？")
    assert q.deadline
    assert has_fact(DATE, "对于已经建成、需要办理移交手续的，原则上于2019年6月底前完成；", q)
    assert not has_fact(DATE, "2018年11月，党中央、国务院印发《关于学前教育深化改革规范发展的若干意见》。", q)
    assert parse_question("截止时间是什么时候？").deadline
    assert not parse_question("这个通知是什么时候印发的？").deadline


def test_how_many_big_ones_asks_a_figure_of_what_follows():
    # "几大重点任务" is answered by "实施五大重点任务" (温政办〔2019〕50号 一（一）).
    q = parse_question("城市经济新业态培育方案一共要实施几大重点任务？")
    assert AMOUNT in q.kinds and q.measured == ("重点", "任务")
    # "几个人享受政策": people are counted, 享受 is what they do.
    assert parse_question("子基金管理机构的高管，每家最多能有几个人享受政策？").measured == ()


def test_a_grade_asked_may_be_named_by_where_it_stands():
    # 国发〔2019〕3号 四（二）8 "直接赋予最高信用等级" answers "能直接给到几级".
    q = parse_question("新注册的研发设计公司，评定合格后能直接给到几级？")
    assert has_fact(AMOUNT, "经评定符合有关标准的，直接赋予最高信用等级。", q)
    assert not has_fact(AMOUNT, "经评定符合有关标准的，予以信用激励。", q)


def test_two_things_each_ending_in_the_same_head_are_two_parts():
    # 47号 二（一）1 楠溪江保护管理条例 and 2 养犬管理条例, each "…的条例".
    q = parse_question("楠溪江保护的条例和养狗的条例，哪个草案要求更早报给市政府？")
    assert q.parts == ("楠溪江保护的条例，哪个草案要求更早报给市政府？", "养狗的条例，哪个草案要求更早报给市政府？")
    # 温政办〔2019〕49号 and 温财企〔2019〕491号: each item has a head of its own after 的, not the second's.
    q = parse_question("社会办医的扶持政策和政府产业基金的财政鼓励细则，哪个有效期更长？")
    assert q.parts == ("社会办医的扶持政策，哪个有效期更长？", "政府产业基金的财政鼓励细则，哪个有效期更长？")


def test_which_comes_first_asks_of_both_things():
    # 47号 二（一）1 and 2: "哪个草案要先报" compares the two deadlines, as "哪个更早报" does.
    q = parse_question("楠溪江保护的条例和养狗管理的条例，哪个草案要先报给市政府？")
    assert q.parts == ("楠溪江保护的条例，哪个草案要先报给市政府？", "养狗管理的条例，哪个草案要先报给市政府？")
    # 图片新闻 第5段/第6段: a quoted name with what follows it is one item, and "这两个活动" says there are two.
    q = parse_question("反家暴工作推进会和“最美退伍军人”发布仪式，这两个活动哪个先办？")
    assert q.parts == ("反家暴工作推进会，这两个活动哪个先办？", "“最美退伍军人”发布仪式，这两个活动哪个先办？")
    # So is a quoted name without "这两个" (asked in the smoke test).
    q = parse_question("反家暴工作推进会和“最美退伍军人”发布仪式，哪个先开的？")
    assert q.parts == ("反家暴工作推进会，哪个先开的？", "“最美退伍军人”发布仪式，哪个先开的？")
    # 先行区 is a word of its own, not "which first"; a quoted title is one name, not two things.
    assert parse_question("方案是为落实哪个先行区建设部署而制定的？").parts == ()
    assert parse_question("温政办〔2019〕48号“主要任务和发展重点”部分分别涉及哪几个产业？").parts == ()


def test_a_call_asked_after_its_verb_asks_what_was_said():
    # 市委召开十二届八次全体（扩大）会议 第7段 "全会号召，…持续掀起“奋战1161，奋进2019”新高潮".
    assert SPEECH in parse_question("市委十二届八次全会在最后发出号召，要持续掀起什么主题的新高潮？").kinds
    assert SPEECH in parse_question("7月中旬那次市委全会，最后号召全市上下继续掀起一个什么新高潮？").kinds


def test_a_few_people_with_the_one_named_are_no_count():
    # 7月份市政府记事 16日 "市长姚高员，常务副市长陈建明，副市长孙维国、李无文观看专题教育片。"
    q = parse_question("7月16号那天，市长和几个副市长一起看了什么？")
    assert AMOUNT not in q.kinds and q.form != "count"
    assert parse_question("7月18日的会议，市政府去了几位领导？都是谁？").form == "multi"  # a count asked


def test_a_number_stated_in_another_clause_does_not_count_the_list_asked():
    # 温政办〔2019〕48号 三（二）5 "建立五大战新产业世界500强、央企、大型民营企业和在外温籍上市企业等重点盯引企业目录库"
    assert parse_question("五大战新产业招商时要建一个企业目录库，里面都收哪几类企业？").count is None
    assert parse_question("要制定的5件规章是哪些？").count == 5
    assert parse_question("城市经济新业态的五大重点任务有哪些？").count == 5


def test_a_body_asked_as_an_institution_and_a_unit_asked_of_an_appointment():
    # 国办发〔2018〕109号 （二） "…由教育部教材局承担办公室工作。"
    assert AGENCY in question_kinds("委员会办公室的日常工作由哪个机构承担？")
    # 7月份市政府人事任免 "朱汝东任温州生态园管委会副主任": the post names the unit asked.
    q = parse_question("朱汝东这个月被调到哪个单位当领导了？")
    assert has_fact(AGENCY, "朱汝东任温州生态园管委会副主任；", q)
    assert not has_fact(AGENCY, "朱汝东任温州生态园管委会副主任；", parse_question("生态园归哪个单位管？"))


def test_a_second_item_longer_than_the_word_before_it_is_a_whole_item():
    # 温政办〔2019〕48号 附件 prints 智能装备 and 新材料 on rows of their own: not "智能新材料".
    assert parse_question("智能装备和新材料两个产业2019年的规模目标分别是多少？").parts == (
        "智能装备两个产业2019年的规模目标分别是多少？", "新材料两个产业2019年的规模目标分别是多少？")
    assert parse_question("北京奥运首都机场协调委员会和国务院职业教育工作部际联席会议，开会频率分别是怎么规定的？").parts[1] \
        == "国务院职业教育工作部际联席会议，开会频率分别是怎么规定的？"
    # A second word no longer than the one before 和 stands for it alone: the words before are shared.
    assert parse_question("7月末人民币存款和贷款余额分别是多少？").parts == (
        "7月末人民币存款余额分别是多少？", "7月末人民币贷款余额分别是多少？")


def test_a_frequency_is_no_length_of_time():
    # 温人社发〔2019〕105号: 二（三） "…10个工作日内做出…决定" answers how long; 三 "每5年开展一次…检查" how often.
    q = parse_question("特殊工时清单式管理的申请交上去以后，人社部门多长时间内给结果？")
    assert not has_fact(DATE, "人力社保部门每5年开展一次清单内用人单位特殊工时制度执行情况检查，并根据检查情况调整岗位清单。", q)
    assert has_fact(DATE, "人力社保部门自受理之日起10个工作日内做出准予（或不予）行政许可决定。", q)
    assert has_fact(DATE, "人力社保部门每5年开展一次清单内用人单位特殊工时制度执行情况检查",
                    parse_question("公司实行特殊工时以后，人社部门隔多久会来检查执行情况？"))


def test_what_lacks_is_counted_by_what_it_lacks():
    # 国发〔2018〕38号 一（十五） "允许不超过五分之一不具有专利代理人资格…的中国公民担任股东": the lack is printed
    # its own way, so 没有 is no word the figure must be stated with.
    q = parse_question("我们想在自贸区新开一家有限责任制的专利代理所，股东里最多能有多少没有专利代理人资格的人？")
    assert q.measured == ("专利", "代理人", "资格")


def test_grades_asked_are_answered_by_the_grades_listed():
    # 国发〔2019〕4号 二（六） "院校内实施的职业技能等级证书分为初级、中级、高级"; 导语's years are no grades.
    q = parse_question("那个职业技能等级证书分几个等级？")
    assert has_fact(AMOUNT, "院校内实施的职业技能等级证书分为初级、中级、高级，是职业技能水平的凭证。", q)
    assert not has_fact(AMOUNT, "具体指标：到2022年，职业院校教学条件基本达标，建设50所高水平高等职业学校。", q)


def test_each_by_whom_asks_of_each_thing_named():
    # 国办函〔2004〕36号 (哈尔滨, 黑龙江省人民政府) and 88号 (深圳, 广东省人民政府): "各由哪个省出" asks of each.
    assert parse_question("哈尔滨申办2009年大冬会和深圳申办2011年大运会，办会的主要经费各由哪个省出？").parts == (
        "哈尔滨申办2009年大冬会，办会的主要经费各由哪个省出？", "深圳申办2011年大运会，办会的主要经费各由哪个省出？")


def test_that_as_a_demonstrative_starts_no_second_question():
    # "那个…通知" points at 温人社发〔2019〕105号 (its 附件 lists six forms); "，那需要…" asks a second question.
    assert parse_question("我们厂想申请特殊工时，那个清单式改革的通知后面一共附了几个附件？").parts == ()
    assert parse_question("社会办医疗机构有哪些补贴，那需要满足什么条件？").parts == (
        "社会办医疗机构有哪些补贴", "那需要满足什么条件")


def test_a_step_done_asks_what_may_be_done_once_it_is():
    # 温人社发〔2019〕105号 二（二） "专项集体协商达成一致意见后，用人单位可向当地人力社保部门提出申请"; 二（一） states the
    # negotiation that must come before applying.
    q = parse_question("我们是家外资企业，已经和工会就特殊工时岗位清单谈妥了，下一步该去哪个部门申请？")
    assert q.next_step
    assert has_fact(AGENCY, "专项集体协商达成一致意见后，用人单位可向当地人力社保部门提出申请。", q)
    assert not has_fact(AGENCY, "用人单位在向人力社保部门申请实施特殊工时岗位清单式管理前，必须履行民主程序，与工会或涉岗职工"
                                "代表就本单位实行特殊工时岗位清单式管理进行专项集体协商。", q)
    # What a finished project does is no next step.
    assert not parse_question("平阳水头的防洪工程修好以后，能防多大的洪水？").next_step


def test_tables_attached_behind_a_document_are_its_attachments():
    # 温人社发〔2019〕105号 附件 "1.实行特殊工时岗位清单式管理申请表 … 6.特殊工时岗位清单式管理目录".
    assert parse_question("特殊工时清单式改革那份通知后面一共附了几个表？").asks_attachments
    assert parse_question("外资企业申请特殊工时清单管理，文件后面附了几张表格？").asks_attachments
    assert not parse_question("特殊工时的申请表要填哪些内容？").asks_attachments


def test_two_bodies_or_documents_contrasted_are_each_asked_of():
    # 国函〔2006〕38号 附件 三 (the airport committee meets every half year) and 国函〔2018〕144号 附件 三 (the joint
    # conference twice a year): each body is printed in a document of its own, so each is a part of the question.
    q = parse_question("奥运机场协调委员会和职业教育部际联席会议，开例会的频次有什么区别？")
    assert q.parts == ("奥运机场协调委员会，开例会的频次有什么区别？", "职业教育部际联席会议，开例会的频次有什么区别？")
    assert parse_question("立法计划里，楠溪江保护管理条例和养犬管理条例，报送草案的时限有什么区别？").parts == (
        "立法计划里，楠溪江保护管理条例，报送草案的时限有什么区别？", "立法计划里，养犬管理条例，报送草案的时限有什么区别？")
    # Two plain noun phrases contrasted are still asked of together (one clause sets them side by side).
    assert parse_question("应急救援专用号牌里，汽车号牌和摩托车号牌有什么区别？").parts == ()


def test_how_often_asked_without_a_question_word_asks_a_frequency():
    # "频次有什么区别" asks how often, which "每半年召开一次例会" states.
    q = parse_question("协调委员会开例会的频次有什么区别？")
    assert DATE in q.kinds and q.how_often
    assert has_fact(DATE, "2008年以前，协调委原则上每半年召开一次例会", q)


def test_a_time_limit_is_a_date_due_as_well_as_a_length_of_time():
    # 温政办〔2019〕47号 二（二）1 "于12月底前向市政府报送草案"; 温人社发〔2019〕105号 二（三） "10个工作日内".
    q = parse_question("优化营商环境管理办法的报送时限是什么？")
    assert has_fact(DATE, "制定《温州市优化营商环境管理办法》（市经信局起草，于12月底前向市政府报送草案）。", q)
    assert not has_fact(DATE, "制定《温州市优化营商环境管理办法》（市经信局起草）。", q)
    assert has_fact(DATE, "人力社保部门自受理之日起10个工作日内做出准予（或不予）行政许可决定。",
                    parse_question("特殊工时许可的审批时限是多久？"))


def test_whether_two_benefits_are_had_together_asks_the_rule_on_it():
    # 温政办〔2019〕49号 附则2 "…可执行最高额，但不重复享受"; 国发〔2018〕41号 第二十条 "…不能同时分别享受…".
    from assistant.answer.question import PERMISSION

    q = parse_question("诊所的一个项目同时够得上两条奖励，两份奖励能都拿吗？")
    assert q.stacking and PERMISSION in q.factual
    assert has_fact(PERMISSION, "同一项目符合本政策两项或两项以上扶持条款的，可执行最高额，但不重复享受。", q)
    assert not has_fact(PERMISSION, "对新获评二级乙等的社会办医疗机构，给予一次性奖励。", q)
    assert parse_question("房贷利息和房租这两样能都扣吗？").stacking
    assert parse_question("补助能不能叠加着拿？").stacking
    # Two persons or places each qualifying is no benefit had twice.
    assert not parse_question("两个孩子都能扣吗？").stacking
    assert not parse_question("我们两家诊所都能申请补助吗？").stacking


def test_a_piece_asking_nothing_sets_the_scene_of_the_next_part():
    from assistant.answer.forms import _item_kind

    # "…农户能拿到挂钩奖售粮，那这些奖售粮…按什么价格供应的": one question (国发〔1981〕88号 二 "按统购价执行"), not two.
    q = parse_question("八十年代种棉花、种糖料的农户能拿到挂钩奖售粮，那这些奖售粮当时是按什么价格供应的？")
    assert q.parts == ()
    q = parse_question("S1线已经签了运营协议，那它什么时候正式通车、票价多少？")
    assert len(q.parts) == 2 and all("S1线" in p for p in q.parts[:1])
    # "，那时候" goes on about that time; it does not begin a part ("那" as "then").
    assert parse_question("我爷爷说八十年代种棉花能换奖售粮，那时候奖售粮是按啥价钱卖给农民的？").parts == ()
    # Two pieces that each ask stay two parts.
    assert len(parse_question("S1线什么时候签的协议，那它什么时候通车？").parts) == 2
    # A bare request to list asks what the piece before it asks (国函〔2018〕145号 一 lists the 区).
    q = parse_question("乌鲁木齐、昌吉、石河子高新区建国家自主创新示范区，批复里要求建成哪些“区”？请逐一列出。")
    assert q.parts == () and _item_kind(q) == "区"


def test_each_of_two_things_is_asked_of_when_each_is_counted_or_which_is_more():
    # "各能免几年", "各多少", "谁的…更高": each of the two named is asked of (国办发〔2018〕124号 七（二十三）/（二十四）;
    # 国发〔2018〕41号 第五条 / 第八条; 温政办〔2019〕48号 二（四）/（五）).
    q = parse_question("文化事业单位转成企业以后，企业所得税和自用房产的房产税各能免几年？两者期限一样吗？")
    assert len(q.parts) == 3 and "自用房产" in q.parts[1] and "自用房产" not in q.parts[0]
    q = parse_question("孩子上小学的子女教育扣除，和我自己读在职本科的继续教育扣除，每月标准各多少？差多少？")
    assert q.parts[:2] == ("孩子上小学的子女教育扣除，每月标准各多少？", "我自己读在职本科的继续教育扣除，每月标准各多少？")
    q = parse_question("新材料和新能源智能网联汽车这两个产业，到2021年谁的产值目标更高？")
    assert len(q.parts) == 2 and AGENCY not in q.kinds
    # Many places, each asked of, are no two things compared.
    assert parse_question("各地给多少补贴？").parts == ()


def test_a_count_asked_in_its_own_measure_word_is_stated_by_a_number_in_it():
    # 国办函〔2004〕57号 二 "建设具有年产130根大型船用柴油机曲轴能力的项目": 根 is no unit of money or people.
    q = parse_question("大连那个船用柴油机曲轴项目，打算建成年产多少根的能力？")
    assert has_fact(AMOUNT, "建设具有年产130根大型船用柴油机曲轴能力的项目", q)
    assert not has_fact(AMOUNT, "建设大型船用柴油机曲轴项目", q)
    assert not has_fact(AMOUNT, "依照第三条的规定执行", parse_question("规定一共有几条？"))


def test_kinds_counted_or_things_named_before_counted_ask_a_count():
    # "增强几种意识" (a speech listing 增强统筹意识；增强品质意识；…), "…的立法项目有几个？" (温政办〔2019〕47号 三 lists
    # them): the items are counted.
    assert parse_question("会上要求领导干部增强几种意识？").form == COUNT
    assert parse_question("需要进一步调研论证的立法项目有几个？").form == COUNT
    # A place in an order ("排第几个") and how many each has ("各几个") count no list.
    assert parse_question("这个项目在名单里排第几个？").form != COUNT
    assert parse_question("广东跟香港、澳门合建自动气象站，各建了几个？").form != COUNT


def test_a_document_number_asked_is_stated_by_one():
    # 温政办〔2019〕49号 导语 "根据《国务院办公厅关于…的意见》（国办发〔2017〕44号）…精神": the number is the 文号 asked.
    q = parse_question("这份实施意见依据的国务院办公厅文件，文号是多少？")
    assert has_fact(AMOUNT, "根据《国务院办公厅关于支持社会力量提供多层次多样化医疗服务的意见》（国办发〔2017〕44号）精神", q)
    assert not has_fact(AMOUNT, "根据《国务院办公厅关于支持社会力量提供多层次多样化医疗服务的意见》精神，提出如下意见", q)


def test_a_telephone_number_asked_is_stated_by_a_number_to_dial():
    # 105号 三 "应公布举报电话，…人力社保部门每5年开展一次…检查": 5年 is no number to dial, nor a standard's number
    # (国办发〔2019〕3号 "《城市居住区规划设计标准》（GB 50180）").
    q = parse_question("105号文说要公布举报电话，电话号码是多少？")
    assert not has_fact(AMOUNT, "应公布举报电话，接受员工的投诉、举报。人力社保部门每5年开展一次检查。", q)
    assert not has_fact(AMOUNT, "《城市居住区规划设计标准》（GB 50180）", q)
    assert has_fact(AMOUNT, "开通12329住房公积金服务热线", q)


def test_which_of_two_is_more_asked_without_geng_compares_them():
    # 国发〔2018〕41号 第五条 "每个子女每月1000元" / 第十四条 "每月1000元": "哪个多一些" asks each of the two.
    q = parse_question("子女教育扣除和首套房贷款利息扣除，每个月的扣除标准哪个多一些？")
    assert len(q.parts) == 2 and "子女教育" in q.parts[0] and "首套房" in q.parts[1] and "子女" not in q.parts[1]
    # One thing asked of is no comparison.
    assert parse_question("子女教育扣除每个月能扣多少？").parts == ()


def test_a_figure_a_month_is_one_stated_a_month():
    # 国发〔2018〕41号 第十七条 "扣除标准为每月1500元" answers "每个月能扣多少"; 第二十条 "在一个纳税年度内不能同时…" does not.
    q = parse_question("住房租金每个月能扣多少？")
    assert has_fact(AMOUNT, "（一）直辖市、省会（首府）城市、计划单列市以及国务院确定的其他城市，扣除标准为每月1500元；", q)
    assert not has_fact(AMOUNT, "纳税人及其配偶在一个纳税年度内不能同时分别享受住房贷款利息和住房租金专项附加扣除。", q)
    # a sum of money asked a month is a sum as before
    assert has_fact(AMOUNT, "按照每个子女每月1000元的标准定额扣除。", parse_question("孩子上学每个月能扣多少钱？"))


def test_a_period_after_the_second_thing_compared_is_asked_of_both():
    # 国发〔2018〕41号 第十七条 "每月1500元" / 第十四条 "每月1000元": "每个月" is asked of the rent as of the interest.
    q = parse_question("住房租金和首套住房贷款利息每个月各能扣多少？")
    assert q.parts[:2] == ("住房租金每个月各能扣多少？", "首套住房贷款利息每个月各能扣多少？")


def test_a_body_named_as_where_something_goes_is_not_asked():
    # 国办发〔2018〕123号 四、（一） "开设、变更、关停、注销应向主管单位备案": the body is stated, the days are asked.
    from assistant.answer.question import parse_question

    assert parse_question("政务新媒体账号关停或注销后，要在几个工作日内向主管单位备案？").kinds == {DATE}
    assert AGENCY in parse_question("政务新媒体关停后要向哪个主管单位备案？").kinds
