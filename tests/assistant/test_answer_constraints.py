"""Places, years, months and days a question pins down, and whether a clause's document backs them."""
from dataclasses import replace

import pytest

from assistant.answer import answer_question
from assistant.answer.compose import NOT_FOUND
from assistant.answer.constraints import DAY, LEVEL, MONTH, PLACE, YEAR, Issue, constraints, covered, issues_of, supports
from answer_fixtures import CLAUSES, make_hit

STATS = replace(make_hit((201, None, "温州市2019年7月份国民经济主要统计指标", ("一",), "一", "规模以上工业增加值（亿元）",
                          "当月310.05，同比8.5%，累计1859.12，同比7.0%。")), issuer="温州市统计局", date=None, kind="statistics")
CHRONICLE = replace(make_hit((202, None, "7月份市政府记事", ("12日",), "12日", None,
                              "市委召开十二届八次全体（扩大）会议。")), date=None, kind="chronicle")
PLAN = make_hit([r for r in CLAUSES if r[0] == 4][0])  # 48号, titled （2019-2021年）
ISSUE = Issue("温州市人民政府办公室\n温州市统计局", frozenset({2019}))


def kinds_of(question):
    return [(c.kind, c.value) for c in constraints(question)]


@pytest.mark.parametrize("question, expected", [
    ("8月份规上工业增加值同比增长多少？", [(MONTH, 8)]),
    ("2022年新材料产业产值目标是多少？", [(YEAR, 2022)]),
    ("国家最高科技奖，2019那一年度的获奖人是谁？", [(YEAR, 2019)]),  # the year said with a demonstrative
    ("宁波的住房公积金缴存总额是多少？", [(PLACE, "宁波")]),
    ("温州市政府的立法计划", [(PLACE, "温州")]),
    ("浙江省温州市7月12日开了什么会？", [(DAY, (7, 12)), (PLACE, "温州")]),  # only the most specific place
    ("7月10日和11日分别参加了什么活动？", [(MONTH, 7)]),  # either day, of that month
    ("1到7月财政总收入累计多少？", [(MONTH, 7)]),  # a cumulative period is named by its last month
    ("十二月份的数据", [(MONTH, 12)]),
])
def test_constraints_found(question, expected):
    assert kinds_of(question) == expected


@pytest.mark.parametrize("question", [
    "温政办〔2019〕49号第三条讲什么？",  # the year of a document number is not a constraint
    "特殊工时多久能批下来，3个月内吗？",  # a duration is not a month
    "新建一家医院能拿多少补助？",  # jieba tags 新建 as a place
    "社会办医疗机构上市有什么支持？",
    "全市城市管理有什么新规定？",
    "高云龙参加的会议主持人是谁？",  # 云龙 of a person's name is not the district 云龙区
])
def test_no_false_constraints(question):
    assert constraints(question) == ()


def test_support_by_clause_title_date_and_issue():
    [july] = constraints("7月份规上工业增加值增长多少？")
    [august] = constraints("8月份规上工业增加值增长多少？")
    assert supports(july, STATS, ISSUE) and not supports(august, STATS, ISSUE)
    [wenzhou] = constraints("温州的规上工业增加值")
    [ningbo] = constraints("宁波的规上工业增加值")
    assert supports(wenzhou, STATS, ISSUE) and not supports(ningbo, STATS, ISSUE)
    # A year within the title's range, or the year of the gazette issue.
    [y2020], [y2022] = constraints("2020年的目标"), constraints("2022年的目标")
    assert supports(y2020, PLAN, ISSUE) and not supports(y2022, PLAN, ISSUE)
    [y2019] = constraints("2019年7月份的记事")[:1]
    assert supports(y2019, CHRONICLE, ISSUE) and not supports(y2019, CHRONICLE, Issue("", frozenset({2018})))
    # A place the documents name by its short form ("港、澳、台资企业" for 台湾).
    [taiwan] = constraints("台湾企业能参照特殊工时通知吗")
    assert supports(taiwan, replace(STATS, text="设在本市范围的港、澳、台资企业可参照本通知规定执行。"), ISSUE)
    assert not supports(taiwan, STATS, ISSUE)
    [day] = constraints("7月12日市委开了什么会？")
    [other] = constraints("7月13日市委开了什么会？")
    assert supports(day, CHRONICLE, ISSUE) and not supports(other, CHRONICLE, ISSUE)


def test_a_grade_or_batch_must_be_the_one_the_clause_speaks_of():
    assert kinds_of("二级公立医院绩效考核从哪一年开始全面启动？") == [(LEVEL, "二级")]
    assert kinds_of("第三批支持创新相关改革举措有哪些？") == [(LEVEL, "第三批")]
    assert kinds_of("社会办医的奖励资金由哪一级财政出？") == []  # asks which level, names none
    assert kinds_of("第一批试点城市有哪些？") == []  # often said of the only batch there is
    # 国办发〔2019〕4号 speaks of 三级 hospitals; 温政办〔2019〕49号 三（九） writes 二级甲等 as 二甲
    tertiary = replace(STATS, text="2019年，在全国启动三级公立医院绩效考核工作。")
    [secondary] = constraints("二级公立医院绩效考核从哪一年开始全面启动？")
    assert not supports(secondary, tertiary, ISSUE)
    [grade] = constraints("刚评上二级甲等，能拿多少奖励？")
    assert supports(grade, replace(STATS, text="对新获评综合类三甲、三乙、二甲、二乙等级的社会办医疗机构给予奖励。"), ISSUE)


def test_issue_profile_and_coverage():
    issues = issues_of([STATS, PLAN])
    assert "温州市统计局" in issues[STATS.source].issuers and 2019 in issues[STATS.source].years
    [august] = constraints("8月份规上工业增加值增长多少？")
    assert covered(august, [STATS]) == ["7月份"]
    [ningbo] = constraints("宁波的规上工业增加值")
    assert covered(ningbo, [STATS]) == ["温州"]


def test_unsupported_constraint_abstains_with_a_note(retriever, config):
    a = answer_question("2025年智能装备产业总产值目标是多少？", retriever, config)
    assert a.abstained and a.citations == () and a.evidence == 0.0
    lines = a.text.split("\n")
    assert lines[0] == NOT_FOUND and "“2025年”" in lines[1] and "2019-2021年" in lines[1]
    assert "可能相关：" in lines


def test_supported_constraint_still_answers(retriever, config):
    a = answer_question("2021年智能装备产业总产值目标是多少？", retriever, config)
    assert not a.abstained and "700亿元" in a.citations[0].quote


def test_a_clause_about_another_day_is_never_quoted(config):
    from answer_fixtures import FakeRetriever

    caption = replace(make_hit((203, None, "图片新闻", ("第1段",), "第1段", None,
                                "7月18日，温籍学子家乡行活动启动仪式举行。")), date=None, kind="captions")
    entry = replace(make_hit((204, None, "7月份市政府记事", ("16日",), "16日", None,
                              "市长、副市长观看专题教育片。")), date=None, kind="chronicle", issue_date="2019-07")

    class Fixed(FakeRetriever):
        def search(self, query, k=10, filters=None, mode="hybrid"):
            return [replace(caption, rank=1), replace(entry, rank=2)]

    a = answer_question("7月16日有什么活动", Fixed(), replace(config, abstain_threshold=0.0))
    assert [c.label for c in a.citations] == ["16日"]


def test_a_big_city_is_no_place():
    # jieba tags 大城市 as a place name, and 大城 is a county (大城县): "像别的大城市一样" names no place
    assert constraints("雄安新区会不会像别的大城市一样盖很多摩天大楼？") == ()
    assert [c.value for c in constraints("宁波的大城市政策")] == ["宁波"]


def test_a_word_no_division_is_named_after_is_no_place():
    # jieba tags 海岛 (an island) ns, and its dictionary holds 海岛县, which the national division codes do not:
    # "在海岛上合建气象站" (国办函〔1996〕14号) names 广东 only. 苍南 and 平阳 are counties (苍南县, 平阳县).
    assert kinds_of("广东跟港澳在海岛上合建气象站，港澳那边的人可以直接上岛吗？") == [(PLACE, "广东")]
    assert kinds_of("苍南和平阳有什么补助？") == [(PLACE, "苍南"), (PLACE, "平阳")]


def test_every_province_or_place_names_no_place():
    from assistant.answer.constraints import constraints

    # "各省市" (国办发〔1997〕11号-style questions about every province hosting classes) and "外地" name no place
    # (西藏 does: the classes' documents print it)
    assert [c.value for c in constraints("承办内地西藏班（校）的各省市，教育主管部门在人员分管上有什么要求？")] == ["西藏"]
    assert constraints("在外地看病想直接用医保结算，要怎么办？") == ()


def test_an_item_number_before_a_word_opening_with_yue_is_no_month():
    # "温政办〔2019〕50号 二（五）10 月光经济": 10 numbers the item; 月光 is the night economy, not October.
    assert constraints("温政办〔2019〕50号 二（五）10 月光经济的牵头单位是哪个？") == ()
    assert [c.value for c in constraints("10月份的数据")] == [10]


def test_a_region_is_backed_by_places_within_it():
    # 国函〔2018〕145号 一 names the three zones but not 新疆, which only its 四 prints.
    approval = replace(STATS, title="国务院关于同意乌鲁木齐、昌吉、石河子高新技术产业开发区建设国家自主创新示范区的批复",
                       issuer="国务院", text="同意乌鲁木齐、昌吉、石河子3个高新技术产业开发区建设国家自主创新示范区。")
    [xinjiang] = constraints("新疆哪几个高新区被批准建设国家自主创新示范区？")
    assert supports(xinjiang, approval)
    # Only downwards: a county is not backed by its city, nor a city by another province's places.
    [lucheng] = constraints("鹿城区对新开的民营诊所有没有额外的开办补贴？")
    assert not supports(lucheng, replace(STATS, issuer=None, text="对社会办医疗机构新建项目给予一次性补助。"))
    [hubei] = constraints("湖北有哪几个高新区建设国家自主创新示范区？")
    assert not supports(hubei, approval)


def test_regions_nest_by_division_code():
    from assistant.answer.regions import within

    assert within("新疆", "乌鲁木齐、昌吉、石河子高新区") and within("湖北", "巴东县马鬃山村")
    assert within("浙江", "温州市") and within("温州", "鹿城区")
    assert not within("温州", "温州市") and not within("鹿城区", "温州") and not within("杭州", "温州市")
    # A county's two-character short form is too often a word: "朝阳产业" names no district of 北京.
    assert not within("北京", "发展朝阳产业")
    assert not within("发展", "乌鲁木齐")  # not a region at all


def test_a_grade_in_the_askers_situation_is_what_is_asked_about(retriever, config):
    assert kinds_of("我们医院新评上一级甲等，市里能奖励多少钱？") == [(LEVEL, "一级甲等")]
    assert kinds_of("市一级财政承担多少？") == []
    # 49号 三（九） rewards 三甲、三乙、二甲、二乙 only; a place in the situation ("我在杭州…") still is no constraint.
    a = answer_question("我们医院新评上一级甲等，市里能奖励多少钱？", retriever, config)
    assert a.abstained and "一级甲等" in a.text
    b = answer_question("我们医院刚评上二级甲等，能拿到多少奖金？", retriever, config)
    assert not b.abstained and "60万元" in b.text


def test_a_divisions_full_name_is_a_place_whatever_jieba_makes_of_it():
    # jieba tags 文成县 as a person's name and cuts 洞头区 in two; the national division codes know both.
    assert kinds_of("车俊7月来温调研时，在文成县考察了哪些项目？") == [(MONTH, 7), (PLACE, "文成")]
    assert kinds_of("车俊这次调研去了洞头区哪些地方？") == [(PLACE, "洞头")]
    assert kinds_of("新建区域医疗中心有什么补助？") == []


def test_a_province_level_name_without_a_form_in_sheng_or_shi_is_a_place():
    # 国函〔2006〕132号 grants 香港 the 深圳湾口岸港方口岸区; jieba knows no 澳门市 or 西藏省, the division codes do
    # (澳门特别行政区, 西藏自治区).
    assert kinds_of("横琴口岸澳门管辖的那块区域，土地使用期限到哪一年？") == [(PLACE, "澳门")]
    assert kinds_of("内地西藏班的学生，每人每年的生活费补助标准是多少？") == [(PLACE, "西藏")]


def test_a_local_gazettes_own_counties_are_places_by_their_short_forms():
    from assistant.answer.regions import local_short_forms

    # 温政办〔2019〕48号 附件 prints its counties in full; a 温州 reader says 洞头, 乐清.
    printed = ["★市发改委；市经信局，龙湾区、洞头区、乐清市、瑞安市、平阳县、苍南县、永嘉县政府", "北京市朝阳区"]
    local = local_short_forms(printed, {"温州"})
    assert {"洞头", "乐清", "永嘉"} <= local and "朝阳" not in local
    assert local_short_forms(printed, {"国务院"}) == frozenset()  # a national gazette has no own counties
    assert [c.value for c in constraints("车俊这次在温州调研去了洞头哪些地方", local)] == ["温州", "洞头"]
    assert [c.value for c in constraints("车俊这次在温州调研去了洞头哪些地方")] == ["温州"]


def test_where_the_asker_is_is_backed_by_a_document_of_the_city_governing_it():
    # "我在鹿城想开个中医诊所": the asker is in 鹿城区, a district of 温州; 49号 (温州市人民政府办公室) rules there.
    clinic = [c for c in constraints("我在鹿城想开个中医诊所，还需要走审批吗？", frozenset({"鹿城"})) if c.kind == PLACE]
    assert clinic and clinic[0].residence and supports(clinic[0], PLAN)
    # A county asked about asks for the county's own rules; the city's statistics are not the county's figures.
    asked = [c for c in constraints("苍南县对民营医院评上二甲额外给多少奖励？") if c.kind == PLACE]
    assert asked and not asked[0].residence and not supports(asked[0], PLAN)
    resident = [c for c in constraints("我家在瑞安，7月份规模以上工业增加值是多少？") if c.kind == PLACE]
    assert resident[0].residence and not supports(resident[0], STATS)
    # Where the asker means to act is where the asker is: "我想在鹿城开个个体诊所".
    intended = [c for c in constraints("我想在鹿城开个个体诊所，现在还有数量限制吗？", frozenset({"鹿城"})) if c.kind == PLACE]
    assert intended and intended[0].residence and supports(intended[0], PLAN)
    # A place outside the issuer's region stays unsupported.
    elsewhere = [c for c in constraints("我在杭州想开个中医诊所，还需要走审批吗？") if c.kind == PLACE]
    assert elsewhere[0].residence and not supports(elsewhere[0], PLAN)
    # Where the asker's business is registered or runs is where the asker is too.
    registered = [c for c in constraints("外资公司注册在绍兴，工厂开在温州，能参加试点吗？") if c.kind == PLACE]
    assert [c.value for c in registered] == ["绍兴", "温州"] and all(c.residence for c in registered)


def test_a_hospital_grade_by_its_short_form_is_a_grade():
    # 温政办〔2019〕49号 三（九） rewards 三甲、三乙、二甲、二乙: not 三丙.
    rewarded = replace(STATS, text="对新获评综合类三甲、三乙、二甲、二乙等级的社会办医疗机构给予奖励。")
    [third] = constraints("社会办医疗机构新获评综合类三丙等级，能拿到多少奖励？")
    assert (third.kind, third.value) == (LEVEL, "三丙") and not supports(third, rewarded, ISSUE)
    [second] = constraints("新评上二甲的奖励要到哪个系统申报？")
    assert supports(second, rewarded, ISSUE)
    assert kinds_of("三甲医院的大夫能多点执业吗") == []  # a hospital described, not a grade asked
    assert kinds_of("二甲苯排放标准是多少") == []


def test_where_the_asker_is_is_inside_a_national_documents_reach():
    # 国发〔2018〕41号 (个人所得税专项附加扣除暂行办法) holds in 杭州 as everywhere; 杭州 asked about is another matter.
    rent = replace(STATS, text="纳税人在主要工作城市没有自有住房而发生的住房租金支出，可以按照以下标准定额扣除。",
                   issuer="国务院", doc_number="国发〔2018〕41号")
    [resident] = [c for c in constraints("我在杭州上班，个税的住房租金每个月能扣多少？") if c.kind == PLACE]
    assert resident.residence and supports(resident, rent)
    [asked] = [c for c in constraints("杭州的住房租金扣除标准是多少？") if c.kind == PLACE]
    assert not supports(asked, rent)


def test_a_years_edition_is_backed_by_that_edition_only():
    # 国发〔2018〕44号, "国务院关于2018年度国家科学技术奖励的决定", is dated 2019: it is no 2019年度 edition.
    awards = replace(STATS, title="国务院关于2018年度国家科学技术奖励的决定", date="2019-01-08",
                     text="国务院批准，授予刘永坦院士、钱七虎院士国家最高科学技术奖。")
    [y2019] = constraints("2019年度国家最高科学技术奖给了谁？")
    [y2018] = constraints("2018年度国家最高科学技术奖给了谁？")
    assert y2019.text == "2019年度" and not supports(y2019, awards) and supports(y2018, awards)
    # A year asked plainly is still backed by the date ("2019年国务院发了哪些奖").
    [plain] = constraints("2019年国务院奖励了谁？")
    assert supports(plain, awards)
