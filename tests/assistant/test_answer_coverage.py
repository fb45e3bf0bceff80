"""Nouns a question asks about that the indexed text never mentions (real excerpts as the corpus)."""
from dataclasses import replace

from assistant.answer.coverage import resolve_words, uncovered_topics
from assistant.answer.question import parse_question

TEXT = (
    "人力社保部门自受理之日起10个工作日内做出准予（或不予）行政许可决定。"
    "对社会办医疗机构（含互联网+医疗健康项目）基本建设投资总额（不含专用医疗设备）在5000万元以上（含）的新建项目，"
    "给予50万元的一次性补助。积极引导鼓励社会力量举办运营高水平全科诊所。"
    "接受员工对用人单位在实施特殊工时制度过程中违法行为的投诉、举报。经市政府同意，现提出如下实施意见。"
)


def q(text):
    return parse_question(text)


class Corpus:
    def mentions(self, terms, gap=0):
        import re

        return [t in TEXT or (gap and len(t) == 2 and re.search(f"{t[0]}.{{1,{gap}}}{t[1]}", TEXT) is not None)
                for t in terms]


def test_detail_the_text_never_mentions_is_uncovered():
    assert uncovered_topics(q("实行特殊工时制度的加班费怎么算？"), Corpus()) == ("加班费",)


def test_a_licence_named_by_what_it_is_for_is_not_another_licence():
    # 专利代理条例 第九条 prints 专利代理机构执业许可证; 食品经营许可证 shares its head, and 食品 and 经营 are printed
    # elsewhere, but no text speaks of that licence.
    class Licences:
        def mentions(self, terms, gap=0):
            text = ("国务院专利行政部门应当自受理申请之日起20日内作出是否颁发专利代理机构执业许可证的决定。"
                    "加强食品安全监管，规范经营行为。")
            return [t in text for t in terms]

    assert "食品经营许可证" in uncovered_topics(q("开餐馆办食品经营许可证一般要多少天能批下来？"), Licences())
    assert uncovered_topics(q("申请专利代理机构执业许可证，多长时间会给答复？"), Licences()) == ()


def test_a_subject_before_a_clause_asking_only_for_a_list_is_checked():
    # The asking clause names only the kind of list (材料): the licence named before it is what the question is about.
    class Licences:
        def mentions(self, terms, gap=0):
            text = "从事专利代理业务，应当向国务院专利行政部门提出申请，提交有关材料，取得专利代理机构执业许可证。"
            return [t in text for t in terms]

    assert "食品经营许可证" in uncovered_topics(q("开一家餐馆办食品经营许可证，需要准备哪些材料？"), Licences())
    assert uncovered_topics(q("办专利代理机构执业许可证，需要准备哪些材料？"), Licences()) == ()


def test_a_licence_named_before_the_asking_clause_is_checked():
    # The asking clause names only the figure (时限, 工作日): the licence before it is what is asked about, and no text
    # speaks of it. A certificate named in the scene is not: the asker's own word for it (职业资格证书) often is not
    # the text's (国发〔2018〕41号 第八条 "取得相关证书").
    texts = Holds("国务院专利行政部门应当自受理申请之日起20日内作出是否颁发专利代理机构执业许可证的决定。加强食品安全监管，"
                  "规范经营行为。纳税人接受技能人员职业资格继续教育的支出，在取得相关证书的当年，按照3600元定额扣除。")

    assert "食品经营许可证" in uncovered_topics(q("食品经营许可证从受理到发证，法定办理时限是多少个工作日？"), texts)
    assert not any(w.endswith("许可证") for w in uncovered_topics(
        q("专利代理机构执业许可证从受理到发证，法定办理时限是多少个工作日？"), texts))
    assert uncovered_topics(q("员工今年考下了技能人员职业资格证书，个税继续教育扣除当年能扣多少？"), texts) == ()


def test_what_the_asked_thing_is_likened_to_is_no_topic():
    # 国函〔2018〕159号 七 never speaks of other cities: the question asks of 雄安 alone.
    plan = Holds("雄安新区要塑造体现中华传统经典建筑元素的建筑风貌，原则上不建高楼大厦，不能到处是水泥森林和玻璃幕墙。")

    for likened in ("像别的大城市那样", "跟别的大城市一样"):
        assert uncovered_topics(q(f"雄安新区以后会不会{likened}盖高楼大厦？"), plan) == ()
    assert uncovered_topics(q("雄安新区以后会不会在大城市盖高楼大厦？"), plan) == ("大城市",)


def test_how_often_asked_is_a_measure_not_a_topic():
    # 国函〔2006〕38号 附件 三 prints "每半年召开一次例会", never the word 频率.
    class Rules:
        def mentions(self, terms, gap=0):
            text = "2008年北京奥运会首都机场协调委员会。2008年以前，协调委原则上每半年召开一次例会，因工作需要也可临时召开。"
            return [t in text for t in terms]

    assert uncovered_topics(q("首都机场协调委员会2008年以前的例会频率是怎么规定的？"), Rules()) == ()
    assert uncovered_topics(q("首都机场协调委员会的加班费是怎么规定的？"), Rules()) == ("加班费",)


def test_covered_by_parts_abbreviation_and_straddling_words():
    assert uncovered_topics(q("社会力量新建医院，基建投资5000万能拿多少补助？"), Corpus()) == ()
    assert uncovered_topics(q("开诊所有什么补贴？"), Corpus()) == ()  # jieba cuts 开诊|所有; 诊所 is there


def test_generic_and_question_words_are_not_topics():
    assert uncovered_topics(q("政府对这个是什么态度？"), Corpus()) == ()
    assert uncovered_topics(q("多长时间内作出许可决定？"), Corpus()) == ()
    # a noun naming the kind of value asked for (颜色, 级别, 号码) is not what the question is about
    assert uncovered_topics(q("社会办医疗机构的补助是什么级别的？"), Corpus()) == ()
    assert uncovered_topics(q("投诉举报的号码是多少？"), Corpus()) == ()
    # a comparison's frame word is not what it compares
    assert uncovered_topics(q("一次性补助和投资总额有什么区别？"), Corpus()) == ()


def test_a_measure_word_after_na_belongs_to_the_question_phrase():
    class Dated:
        def mentions(self, terms, gap=0):
            return [t in "本政策的奖补项目按申报时间先后审核。" for t in terms]

    # jieba cuts 哪|段时间; 时间 is what is asked, and no topic word of the question is missing
    question = q("社会办医这个文件的奖补，适用于哪段时间内的项目？")
    assert "段时间" in question.words and "时间" in resolve_words(question, Dated()).words
    assert uncovered_topics(question, Dated()) == ()


class PartialView:
    """A retriever that cannot say what the index's text mentions (the UI's filtered view)."""

    def mentions(self, terms, gap=0):
        return None


def test_retriever_that_cannot_say_checks_nothing():
    assert uncovered_topics(q("实行特殊工时制度的加班费怎么算？"), PartialView()) == ()


def test_mis_cut_word_is_resolved_to_the_form_the_text_holds():
    resolved = resolve_words(q("开诊所有什么补贴？"), Corpus())
    assert "诊所" in resolved.words and "开诊" not in resolved.words
    assert resolve_words(q("开诊所有什么补贴？"), PartialView()).words == q("开诊所有什么补贴？").words


class Holds:
    """A retriever whose indexed text is one string."""

    def __init__(self, text):
        self.text = text

    def mentions(self, terms, gap=0):
        return [t in self.text for t in terms]


Culture = Holds("加快温州网络文学原创IP众创空间、浙南电竞小镇建设。")


def test_a_holiday_by_its_everyday_name_is_no_mis_cut():
    # 国办发明电〔2018〕15号 prints 劳动节, and a signature line "一九九六年五月十三日" holds 年五: "2019年五一劳动节"
    # is the holiday, which the thesaurus names as printed, not a mis-cut 年五
    holidays = Holds("经国务院批准，现将2019年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。"
                     "四、劳动节：5月1日放假。国务院办公厅 一九九六年五月十三日")
    assert resolve_words(q("2019年五一劳动节是不是只放一天？"), holidays).words[0] == "五一劳动节"


def test_word_jieba_guessed_from_unknown_characters_is_resolved():
    # jieba cuts 有电竞 as 有电|竞: the lone 竞 and the word's last character make the word the text holds.
    assert resolve_words(q("温州有电竞小镇的规划吗"), Culture).words == ("温州", "电竞", "小镇", "规划")
    assert resolve_words(q("数字经济专项行动组由谁牵头"), Culture).words == q("数字经济专项行动组由谁牵头").words


def test_a_mis_cut_word_the_text_holds_only_in_its_official_form_is_resolved():
    # jieba cuts "管养|狗"; 47号 prints 养犬, the thesaurus' form of 养狗.
    plan = Holds("为了加强养犬管理，规范养犬行为，提请审议《温州市养犬管理条例》（市公安局起草）。")
    words = resolve_words(q("听说温州要出台管养狗的规定，是真的吗？"), plan).words
    assert "养狗" in words and "管养" not in words


def test_a_word_the_text_holds_in_its_official_form_is_not_mended():
    # jieba cuts "水电|气费"; 49号 三（十四） prints 用电、用水、用气 (the thesaurus' forms of 水电, 气费), and 48号 prints
    # 智能电气, which straddles the cut: 水电 stays.
    text = Holds("社会办医疗机构用电、用水、用气、用热价格与公立医疗机构同价。乐清市重点培育智能电气产业集群。")
    words = resolve_words(q("民营医院交水电气费是不是比公立医院贵一截？"), text).words
    assert "水电" in words and "电气" not in words


Traffic = Holds("驾驶人员应当遵守交通规则。外商投资企业的物业管理。进出企业的车辆。出口产品。")


def test_a_compound_is_covered_only_by_parts_that_spell_it_out():
    assert uncovered_topics(q("驾驶证到期了在哪里换"), Traffic) == ("驾驶证",)  # 驾驶 is there, 证 is not
    assert uncovered_topics(q("物业费怎么交"), Traffic) == ("物业费",)
    assert uncovered_topics(q("外资企业能申请吗"), Traffic) == ()  # 外资 -> 外商投资, 企业


def test_question_words_and_times_are_not_topics():
    from assistant.answer.coverage import _is_topic

    assert not _is_topic("干嘛")  # "是要干嘛的": what it is for, asked colloquially
    assert not _is_topic("七月份") and not _is_topic("今年")  # the month and year checks judge times
    assert _is_topic("加班费") and _is_topic("走廊")


def test_a_noun_for_the_doer_is_covered_by_the_act():
    class Meeting:
        def mentions(self, terms, gap=0):
            return [t in "中央统战部副部长、全国工商联党组书记徐乐江主持并作总结讲话。" for t in terms]

    # "主持人": the text says who 主持 the meeting.
    assert uncovered_topics(q("全国工商联那次的主持人是谁？"), Meeting()) == ()
    assert uncovered_topics(q("全国工商联那次的联系人是谁？"), Meeting()) == ("联系人",)


def test_a_practitioner_is_covered_by_the_field_and_adverbs_are_no_topic():
    class Clinics:
        def mentions(self, terms, gap=0):
            return [t in "取消个体诊所具体数量和布局的限制，社会办中医诊所实行备案制。" for t in terms]

    assert uncovered_topics(q("我是中医师，开中医诊所要审批吗？"), Clinics()) == ()  # 中医师 -> 中医
    assert uncovered_topics(q("药剂师开中医诊所要审批吗？"), Clinics()) == ("药剂师",)
    assert uncovered_topics(q("我是药剂师，开中医诊所要审批吗？"), Clinics()) == ()  # a self-description sets the scene
    assert uncovered_topics(q("市里要专门出个规定管加班费吗"), Corpus()) == ("加班费",)  # 专门 is no topic
    assert uncovered_topics(q("全科诊所最后打算建成个什么样子？"), Corpus()) == ()  # 样子 asks, names no topic


def test_what_a_figure_is_asked_of_must_be_named_by_a_clause_found():
    from assistant.answer.coverage import unstated_attribute
    from assistant.answer.select import ScoredSentence
    from assistant.answer.sentences import split_sentences
    from index.hits import ClauseHit

    def scored(text, heading=None):
        hit = ClauseHit(rank=1, score=1.0, clause_id=0, doc_number="国令第706号", title="专利代理条例",
                        path=("第八条",), label="第八条", heading=heading, text=text, source="706.txt")
        return [ScoredSentence(hit, 0, 0, split_sentences(text)[0], 0.8, 0.8, 0.0, 0.8, 0.8)]

    terms = scored("专利代理师不得同时在两个以上专利代理机构从事专利代理业务。合伙人不少于3名。")
    # its figures are of other things: the registered capital asked about is named nowhere
    assert unstated_attribute(q("开办专利代理公司，注册资本最低需要多少钱？"), terms) == ("注册资本",)
    assert unstated_attribute(q("专利代理机构的合伙人最少要几个？"), terms) == ()
    assert unstated_attribute(q("合伙人最少要几个？"), scored("专利代理机构应当具备下列条件。", heading="合伙人")) == ()
    grant = scored("对社会办医疗机构给予50万元的一次性补助。")
    assert unstated_attribute(q("私立医疗机构的一次性补助金额是多少？"), grant) == ()  # 补助|金额: of the grant
    assert unstated_attribute(q("私立医疗机构的租金是多少？"), grant) == ("租金",)
    # A two-character word abbreviates the longer one the clause prints (社团 for 社会团体).
    funds = scored("全国性社会团体和跨省（自治区、直辖市）法人社会团体应有10万元以上资金，地方性法人社会团体应有5万元以上资金。")
    assert unstated_attribute(q("全国性和地方性的法人社团分别得有多少钱才能保留下来？"), funds) == ()
    assert unstated_attribute(q("全国性的法人社团每年要交多少会费？"), funds) == ("会费",)
    # An item's figure is of what the clause's lead-in names (国发〔2018〕41号 第十七条).
    rent = scored("纳税人在主要工作城市没有自有住房而发生的住房租金支出，可以按照以下标准定额扣除：\n"
                  "（一）直辖市、省会（首府）城市、计划单列市以及国务院确定的其他城市，扣除标准为每月1500元；")
    assert unstated_attribute(q("租房住，个税每个月能扣多少住房租金？"), rent) == ()
    assert unstated_attribute(q("个税每个月能扣多少物业费？"), rent) == ("物业费",)


def test_an_attribute_named_only_by_another_document_is_unstated():
    from assistant.answer.coverage import unstated_attribute
    from assistant.answer.select import ScoredSentence
    from assistant.answer.sentences import split_sentences
    from index.hits import ClauseHit

    def scored(clause_id, doc_number, title, text, score):
        hit = ClauseHit(rank=clause_id + 1, score=score, clause_id=clause_id, doc_number=doc_number, title=title,
                        path=("第4段",), label="第4段", heading=None, text=text, source=f"{clause_id}.txt")
        return ScoredSentence(hit, 0, 0, split_sentences(text)[0], score, score, 0.0, score, score)

    fund = scored(0, None, "奋力书写“三民”篇章  服务群众“住有所居”",
                  "截至2019年7月底，已经发放“公积金+金融”组合贷款的“银行”部分超过157亿元，公转商贴息贷款近80亿元。", 0.74)
    clinics = scored(1, "温政办〔2019〕49号", "温州市人民政府办公室关于支持社会力量提供多层次多样化医疗服务的实施意见",
                     "对社会办医疗机构给予贴息补助，贴息比例按照同期贷款基准利率的50%确定。", 0.73)
    # The clinic subsidy's 利率 is not the housing fund loan's: the best clause's document never names one.
    assert unstated_attribute(q("现在公积金贷款利率是多少"), [fund, clinics]) == ("利率",)
    same_doc = scored(1, None, fund.hit.title, "公积金贷款利率下调0.25个百分点。", 0.73)
    assert unstated_attribute(q("现在公积金贷款利率是多少"), [fund, same_doc]) == ()
    # Named without a figure, the 利率 is not stated either.
    unfigured = scored(1, None, fund.hit.title, "公积金贷款利率按国家规定执行。", 0.73)
    assert unstated_attribute(q("现在公积金贷款利率是多少"), [fund, unfigured]) == ("利率",)


def test_a_share_and_a_change_on_last_year_are_stated_in_the_words_bulletins_use():
    from assistant.answer.coverage import unstated_attribute
    from assistant.answer.select import ScoredSentence
    from assistant.answer.sentences import split_sentences
    from index.hits import ClauseHit

    def scored(title, path, heading, text):
        hit = ClauseHit(rank=1, score=0.8, clause_id=0, doc_number=None, title=title, path=path, label=path[0],
                        heading=heading, text=text, source="203.txt")
        return [ScoredSentence(hit, 0, 0, split_sentences(text)[0], 0.8, 0.8, 0.0, 0.8, 0.8)]

    # 温政办〔2019〕50号 一、（二）: a share is stated as "占…的30%", 比重 (or 占比) unwritten; the economy's size is
    # its 地区生产总值
    share = scored("温州城市经济新业态培育行动方案", ("一",), "总体目标",
                   "到2021年，市区新业态（“三新”经济）增加值年均增速15%，占市区地区生产总值的30%以上；")
    assert unstated_attribute(q("到2021年市区新业态增加值占地区生产总值的比重达到多少？"), share) == ()
    assert unstated_attribute(q("到2021年新经济要占到市区经济总量的多少？"), share) == ()
    # 温州市2019年7月份国民经济主要统计指标 一: a change on the same period of last year is printed 同比
    row = scored("温州市2019年7月份国民经济主要统计指标", ("一",), "规模以上工业增加值（亿元）",
                 "当月91.36，同比6.6%，累计597.46，同比7.8%。")
    assert unstated_attribute(q("今年7月温州规上工业增加值比去年同期涨了多少？"), row) == ()
    assert unstated_attribute(q("今年7月温州规上工业的利润是多少？"), row) == ("利润",)


def test_a_date_asked_of_something_is_not_answered_by_another_date():
    from assistant.answer.coverage import unstated_attribute
    from assistant.answer.select import ScoredSentence
    from assistant.answer.sentences import split_sentences
    from index.hits import ClauseHit

    # 温财企〔2019〕491号 四: its period of validity is not the application deadline asked
    text = "本《细则》自印发之日起施行，有效期至2020年12月31日。"
    hit = ClauseHit(rank=1, score=0.8, clause_id=0, doc_number="温财企〔2019〕491号", title="细则", path=("四",),
                    label="四", heading=None, text=text, source="0.txt")
    best = ScoredSentence(hit, 0, 0, split_sentences(text)[0], 0.8, 0.8, 0.0, 0.8, 0.8)
    # (a date of 申报 is stated with 申报: the 有效期 dates no step asked, so neither word is stated with a date)
    assert unstated_attribute(q("产业基金房租补助今年的申报截止日期是哪天？"), [best]) == ("申报", "截止")


def test_a_sum_of_money_asked_is_not_answered_by_other_figures():
    from assistant.answer.coverage import unstated_attribute
    from assistant.answer.select import ScoredSentence
    from assistant.answer.sentences import split_sentences
    from index.hits import ClauseHit

    def scored(text):
        hit = ClauseHit(rank=1, score=1.0, clause_id=0, doc_number="国发〔2018〕39号", title="意见", path=("三", "（七）"),
                        label="三、（七）", heading=None, text=text, source="39.txt")
        return [ScoredSentence(hit, 0, 0, split_sentences(text)[0], 0.8, 0.8, 0.0, 0.8, 0.8)]

    # 国发〔2018〕39号 三（七）: the subsidy is named, its standard is left to cost; "一次" is no sum.
    training = scored("对培训合格的失业人员给予职业培训补贴，补贴标准根据培训成本、培训时长、市场需求和取得相关证书情况等确定。"
                      "生活费补贴政策每人每年只享受一次，且不可同时领取失业保险金。")
    assert unstated_attribute(q("职业培训补贴每人具体给多少钱？"), training) == ("职业培训", "补贴")  # no sum of it at all
    assert unstated_attribute(q("职业培训补贴每人一年能享受几次？"), training) == ()  # not a sum of money
    # A sum, a share of the price, a masked sum and "free" all answer it.
    for text in ("对其中就业困难人员给予每人每月500元的生活费补贴。", "给予设备实际价格不超过10%的补助。",
                 "国家每年仍继续拨付XXX元用于黄金地质勘探。", "对悬挂专用号牌的车辆免收车辆通行费和停车费。"):
        assert unstated_attribute(q("每年具体能给多少钱？"), scored(text)) == (), text
    # 国办函〔2004〕80号 附件2: a sum named by what it pays ("搬迁补偿") is not answered by a count of tremors.
    tremors = scored("自2004年3月8日至7月7日，马鬃山地震监测在25公里范围内共记录到振动事件567次，震级均小于2.0级。")
    assert unstated_attribute(q("巴东马鬃山村搬走的村民，每户能拿多少搬迁补偿？"), tremors) == ("具体金额",)
    assert unstated_attribute(q("每户能拿多少搬迁补偿？"), scored("对搬迁的村民每户给予2万元搬迁补偿。")) == ()
    # 温政办〔2019〕50号: "占市区地区生产总值的30%以上" is a share of GDP, no figure of it, unless a share is asked.
    target = scored("到2021年，市区新业态（“三新”经济）增加值年均增速15%，占市区地区生产总值的30%以上。")
    assert unstated_attribute(q("温州2019年上半年地区生产总值是多少？"), target) == ("地区", "生产总值")
    assert unstated_attribute(q("7月份温州GDP是多少"), target) == ("GDP",)  # an attribute in Latin letters
    assert unstated_attribute(q("到2021年新业态增加值要占地区生产总值多少？"), target) == ()
    # 国办发〔2018〕124号 六（十七）: the clause speaks of the statutory retirement age but prints no age.
    retire = scored("对转制时距国家法定退休年龄五年以内的原事业编制内人员，本人申请并经转制单位批准，可以提前离岗。")
    assert unstated_attribute(q("男职工的法定退休年龄是多少岁？"), retire) == ("具体年龄",)
    assert unstated_attribute(q("男职工的法定退休年龄是多少岁？"), scored("男职工的退休年龄为60周岁。")) == ()
    assert unstated_attribute(q("中选药品价格平均降了百分之多少？"), scored("药品价格平均降幅52%。")) == ()
    # 国办发〔2018〕128号: the pilot cities are to be chosen; none is listed
    pilots = scored("试点城市负责编制“无废城市”建设试点实施方案，明确试点目标，确定任务清单和分工。")
    assert unstated_attribute(q("“无废城市”建设试点最后确定了哪些城市？"), pilots) == ("具体地区",)
    assert unstated_attribute(q("试点选了哪些城市？"), scored("选择北京、天津、上海、重庆和沈阳、大连等11个城市。")) == ()


def test_who_holds_a_post_is_asked_of_the_post_itself():
    from assistant.answer.coverage import unstated_attribute
    from assistant.answer.question import names_post_title
    from assistant.answer.select import ScoredSentence
    from assistant.answer.sentences import split_sentences
    from index.hits import ClauseHit

    assert q("国家粮食应急工作指挥部的总指挥由谁担任？").post == "总指挥"
    assert q("调整后的国家教材委员会主任是谁？").post == "主任"
    assert q("联席会议的召集人是哪位领导？").post == "召集人"
    assert q("这个项目由谁负责？").post is None  # no post named
    # the text says who holds it: a roster line, "由…担任", an appointment, a title before a name
    assert names_post_title("总指挥", "总指挥：国家发展改革委主要负责人。")
    assert names_post_title("主任", "主  任：孙春兰　　国务院副总理")  # letter-spaced as printed
    assert names_post_title("主任", "张华义任温州市园林绿化管理中心主任。")
    assert names_post_title("主席", "全国工商联主席高云龙出席会议并讲话。")
    # 国办函〔2004〕80号 附件2: "以…为组长的专家组" names the holder before the post
    assert names_post_title("组长", "国土资源部再次组织了以华中科技大学刘广润院士为组长的更大范围的专家组")
    assert not names_post_title("组长", "成立以副市长为副组长的工作小组")
    # a removal item (7月份市政府人事任免 第41段, under 免去：) names who held the post, asked of the removal only
    assert names_post_title("局长", "张华义的温州市园林局局长职务；", former=True)
    assert not names_post_title("局长", "张华义的温州市园林局局长职务；")
    assert not names_post_title("局长", "胡理相的温州市温瑞平水系管理局副局长职务；", former=True)
    # not a deputy, nor a title describing someone else
    assert not names_post_title("主任", "副主任：陈宝生　　教育部部长")
    assert not names_post_title("主任", "文秋芳　　教授、北京外国语大学学术委员会主任")

    def scored(text):
        hit = ClauseHit(rank=1, score=1.0, clause_id=0, doc_number="温政办〔2019〕50号", title="行动方案", path=("三", "（一）"),
                        label="三、（一）", heading=None, text=text, source="50.txt")
        return [ScoredSentence(hit, 0, 0, split_sentences(text)[0], 0.8, 0.8, 0.0, 0.8, 0.8)]

    # 温政办〔2019〕50号 三（一）: the group is set up; who heads it is not said
    group = scored("成立城市经济新业态培育领导小组，定期召开领导小组全体会议，及时研究解决新业态发展中的问题。")
    assert unstated_attribute(q("城市经济新业态培育领导小组的组长是谁？"), group) == ("组长",)
    assert unstated_attribute(q("领导小组的组长是谁？"), scored("领导小组组长由市长担任。")) == ()


def test_a_table_row_states_what_its_column_header_names():
    from assistant.answer.coverage import unstated_attribute
    from assistant.answer.select import ScoredSentence
    from assistant.answer.sentences import split_sentences
    from index.hits import ClauseHit

    # 温政办〔2019〕48号 附件 第5行 prints "15%" under the header row's "年均增长率" (its parent clause)
    text = "5 新材料 总产值300亿元 总产值350亿元 总产值400亿元 15% ★市发改委；市经信局、市科技局"
    asked = q("48号分工表里新材料产业的年均增长率目标是多少？")

    def row(label, covers):
        hit = ClauseHit(rank=1, score=1.0, clause_id=0, doc_number="温政办〔2019〕48号", title="行动计划",
                        path=("附件", "5"), label=label, heading=None, text=text, source="48.txt")
        return [ScoredSentence(hit, 0, 0, split_sentences(text)[0], 0.8, 0.8, 0.0, 0.8, 0.8, covers=covers)]

    assert unstated_attribute(asked, row("第5行", frozenset({"材料", "年均", "增长率"}))) == ()
    # not a row: the figure alone does not say what it is of
    assert unstated_attribute(asked, row("二、（五）", frozenset({"材料", "年均", "增长率"}))) == ("年均", "增长率")


def test_a_measure_asked_by_name_is_stated_by_a_figure_in_its_unit():
    from assistant.answer.coverage import unstated_attribute
    from assistant.answer.select import ScoredSentence
    from assistant.answer.sentences import split_sentences
    from index.hits import ClauseHit

    # 温财企〔2019〕491号 二（二）2 never says 面积; "不超过100平方米" is the area asked.
    text = "办公用房大小和子基金规模相匹配，原则上不超过100平方米。"
    hit = ClauseHit(rank=1, score=1.0, clause_id=0, doc_number="温财企〔2019〕491号", title="细则", path=("二", "（二）", "2"),
                    label="二、（二）2", heading="免费自用办公用房", text=text, source="x.txt")
    scored = [ScoredSentence(hit, 0, 0, split_sentences(text)[0], 0.8, 0.8, 0.0, 0.8, 0.8)]
    asked = q("免费自用办公用房面积原则上不超过多少？")
    assert unstated_attribute(asked, scored) == ()

    class Fund:
        def mentions(self, terms, gap=0):
            return [t in "免费自用办公用房\n" + text for t in terms]

    assert uncovered_topics(asked, Fund()) == ()  # 面积 is what is asked, no topic the text must name
    other = [ScoredSentence(replace(hit, text="办公用房仅用于基金管理工作业务开展。"), 0, 0,
                            split_sentences("办公用房仅用于基金管理工作业务开展。")[0], 0.8, 0.8, 0.0, 0.8, 0.8)]
    assert unstated_attribute(asked, other) == ("办公用房", "面积")  # no figure at all


def _scored(text, doc="温财企〔2019〕491号", path=("二", "（二）", "1")):
    from assistant.answer.select import ScoredSentence
    from assistant.answer.sentences import split_sentences
    from index.hits import ClauseHit

    hit = ClauseHit(rank=1, score=1.0, clause_id=0, doc_number=doc, title="细则", path=path, label="",
                    heading=None, text=text, source="x.txt")
    return [ScoredSentence(hit, 0, 0, s, 0.8, 0.8, 0.0, 0.8, 0.8) for s in split_sentences(text)]


def test_a_length_of_years_asked_is_not_answered_by_a_sum_a_year():
    from assistant.answer.coverage import unstated_attribute

    # 温财企〔2019〕491号 二（二）1: a ceiling a year, no number of years.
    rent = _scored("租用办公用房的，按照房屋租赁发票金额予以补助，最高不超过10万元/年。")
    assert unstated_attribute(q("子基金的房租补贴最长能享受几年？"), rent) == ("具体年限",)
    assert unstated_attribute(q("房租补贴最长能享受几年？"), _scored("房租补助期限最长不超过3年。")) == ()
    # A scene in years ("干了几年") or years named by "这几年" ask no length.
    assert unstated_attribute(q("这几年每年能补多少房租？"), rent) == ()


def test_a_count_asked_in_a_measure_word_is_stated_by_a_figure_in_it():
    from assistant.answer.coverage import unstated_attribute

    # 温政办〔2019〕49号 附则1 speaks of 床 where the asker says 床位.
    rule = _scored("100张床（含）以上的社会办医疗机构由市财政支付，100张床以下按照现行财政体制分担。",
                   doc="温政办〔2019〕49号", path=("附则", "1"))
    assert unstated_attribute(q("社会办医疗机构的奖补资金，床位达到多少张以上的由市财政支付？"), rule) == ()
    other = _scored("100家（含）以上的社会办医疗机构由市财政支付。", doc="温政办〔2019〕49号", path=("附则", "1"))
    assert unstated_attribute(q("床位达到多少张以上的由市财政支付？"), other) == ("床位",)  # a figure of another thing


def test_a_card_named_in_two_pieces_is_one_topic():
    # jieba cuts 市民|卡: the gazette speaks of 市民 (市民化), never of a 市民卡.
    from assistant.answer.coverage import uncovered_topics

    class Gazette:
        def mentions(self, terms, gap=0):
            return [t in "推进常住人口市民化。补办手续。" for t in terms]

    assert uncovered_topics(q("市民卡丢了怎么补办？"), Gazette()) == ("市民卡",)
    assert uncovered_topics(q("市民化怎么推进？"), Gazette()) == ()
    # 卡 stuck somewhere is a verb: "现在|卡|在哪些难处" names no card (国办函〔2006〕70号 on 外文版 websites)
    class Replies:
        def mentions(self, terms, gap=0):
            return [t in "地方政府特别是市、县级政府门户网站外文版的建设工作起步较晚，在实际操作中还存在一些困难。"
                    for t in terms]

    assert "现在卡" not in uncovered_topics(q("市、县政府网站做外语版本，现在卡在哪些难处上？"), Replies())
    assert uncovered_topics(q("老年卡去哪里办？"), Replies()) == ("老年卡",)


def test_a_word_that_swallowed_the_asking_predicate_is_resolved_and_so_is_what_the_figure_is_asked_of():
    # jieba reads "扣除标准|差多少" as 标准差 (a word of its own); 国发〔2018〕41号 第十七条 prints 扣除标准.
    rent = Holds("（一）直辖市、省会（首府）城市、计划单列市以及国务院确定的其他城市，扣除标准为每月1500元；")
    question = q("在省会城市租房和在小城市租房，个税每月扣除标准差多少？")
    assert question.attribute == ("标准差",)
    resolved = resolve_words(question, rent)
    assert "标准" in resolved.words and resolved.attribute == ("标准",)
    # "差了多少" asks the same
    asked = resolve_words(q("在省会城市和小城市租房，个税房租扣除标准差了多少？"), rent)
    assert "标准" in asked.words and asked.attribute == ("标准",)
    # A noun's own last character is no predicate: "销售额多少" keeps 销售额, which the text does not hold.
    assert resolve_words(q("小规模纳税人月销售额多少以下免税？"), rent).attribute == ("销售额",)


def test_money_spoken_of_plainly_names_no_topic():
    # 国办发〔2018〕114号 四 writes 免收车辆通行费和停车费; no gazette writes "交钱".
    plates = Holds("对悬挂专用号牌的车辆免征车辆购置税、免收车辆通行费和停车费。")
    assert "交钱" not in uncovered_topics(q("悬挂专用号牌的车辆过路、停车要不要交钱？"), plates)
    assert "押金" in uncovered_topics(q("悬挂专用号牌的车辆过路、停车要不要交押金？"), plates)


def test_a_noun_asking_for_a_name_is_no_topic():
    from assistant.answer.coverage import _is_topic

    # "国办函〔2006〕82号答复的那份提案题目叫什么": the text prints the name (《关于设立总理热线电话的提案》), not 题目
    assert not _is_topic("题目") and not _is_topic("名称")
    assert _is_topic("提案")


def test_a_subject_named_before_a_clause_asking_only_the_figure_and_who_grants_it_is_checked():
    # The State Council documents never speak of 新能源汽车; the asking clause names only the figure and the grantor.
    guarantee = Holds("有条件的地方可对单户担保金额500万元及以下、平均担保费率不超过1%的担保业务给予适当担保费补贴。"
                      "国家融资担保基金。汽车平行进口试点。")
    assert "新能源" in uncovered_topics(q("现在买新能源汽车，国家能补贴多少钱？"), guarantee)
    # An asking clause with a subject of its own still sets the words before it aside.
    assert uncovered_topics(q("想贷款买一台大马力拖拉机，贷款有没有贴息？"), Holds("贷款贴息")) == ()


def test_a_colloquial_word_saying_again_a_word_of_the_question_is_covered():
    # 国办发〔2018〕114号 prints 应急救援专用号牌; "这种牌子" is the 号牌 the question named first.
    plates = Holds("国家综合性消防救援车辆中符合执行和保障应急救援任务规定的悬挂专用号牌。")
    assert uncovered_topics(q("路上看到挂“应急”号牌的车，都有哪些车可以挂这种牌子？"), plates) == ()
    assert "牌子" in uncovered_topics(q("救援车的牌子是什么颜色？"), plates)  # no word of the question holds 牌


def test_a_comparing_character_after_a_degree_word_is_not_part_of_the_next_word():
    # "更早报给": jieba reads 早报 (a newspaper); 47号 prints 报送.
    plan = Holds("提请审议《温州市养犬管理条例》（市公安局起草，于6月底前向市政府报送草案）。")
    words = resolve_words(q("楠溪江保护条例和养犬管理条例这两个草案，哪个要求更早报给市政府？"), plan).words
    assert "早报" not in words
    # "哪个草案要先报": jieba reads 先报; which comes first is asked, and 报 is what is done.
    assert "先报" not in resolve_words(q("楠溪江保护的条例和养狗管理的条例，哪个草案要先报给市政府？"), plan).words
