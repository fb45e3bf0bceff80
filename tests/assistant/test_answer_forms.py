"""Question forms, each composed its own way; the direct answer; list headings; validity notes; partial answers;
traditional characters; follow-ups that ask for a detail. Fast tier: fixture clauses and a fake retriever."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from answer_fixtures import CLAUSES, N47, N49, SOURCE, FakeRetriever
from assistant.answer import Conversation, answer_question
from assistant.answer.compose import NOT_FOUND, PARTIAL
from assistant.answer.question import (
    AGENCY, AMOUNT, CLAUSE, COUNT, ENUMERATION, FACTOID, MULTI, OVERVIEW, PERSON, YESNO, parse_question,
)
from index.hits import ClauseHit


@pytest.mark.parametrize("text, form", [
    ("温政办〔2019〕49号 三、（九）规定了什么？", CLAUSE),
    ("49号文第三部分第九条", CLAUSE),
    ("开诊所有什么补贴？", OVERVIEW),
    ("2019年7月市政府任免了哪些干部？", OVERVIEW),
    ("五大战略性新兴产业是哪五个？", ENUMERATION),
    ("新业态方案的五大重点任务分别聚焦什么？", ENUMERATION),  # what each of the N things stated is
    ("特殊工时审批清单式改革试点适用于哪些企业？", ENUMERATION),
    ("公报里一共有几件规范性文件？", COUNT),
    ("个体诊所设置有数量限制吗？", YESNO),
    ("到2021年智能装备产业总产值目标是多少？", FACTOID),
    ("地方综合贡献度奖励由哪些单位审核？", FACTOID),
    ("新建项目补助多少？采购设备补助多少？", MULTI),
])
def test_question_form(text, form):
    assert parse_question(text).form == form


def test_question_is_parsed_once_into_a_typed_value():
    q = parse_question("7月份谁被任命为温州生态园管委会副主任？")
    assert PERSON in q.kinds and AGENCY not in q.kinds and q.action == "appoint"
    assert parse_question("7月份谁被免去了市财政局局长职务？").action == "remove"
    q = parse_question("私立医院有什么补贴？")
    assert "社会办" in q.alternatives("私立") and q.words == ("私立", "医院", "补贴")
    assert parse_question("哪5个产业").count == 5
    with pytest.raises(Exception):
        q.form = "x"  # frozen


def test_traditional_question_is_converted_and_answered_like_simplified(retriever, config):
    q = parse_question("社會辦醫療機構購買大型設備有補助嗎？")
    assert q.traditional and q.query == "社会办医疗机构购买大型设备有补助吗？" and q.text.startswith("社會辦")
    traditional = answer_question("社會辦醫療機構採購醫用設備補助多少？", retriever, config)
    simplified = answer_question("社会办医疗机构采购医用设备补助多少？", retriever, config)
    assert not traditional.abstained
    assert [c.quote for c in traditional.citations] == [c.quote for c in simplified.citations]
    assert traditional.question == "社會辦醫療機構採購醫用設備補助多少？"  # the user's words are kept


def test_named_clause_is_quoted_whole(retriever, config):
    a = answer_question("温政办〔2019〕49号 三、（九）规定了什么？", retriever, config)
    assert not a.abstained
    assert a.citations[0].label == "三、（九）" and a.citations[0].quote == CLAUSES[7][6]
    assert "（扶持社会办医疗机构能力建设）" in a.text.split("\n")[0]


def test_overview_lists_clauses_with_headings(retriever, config):
    a = answer_question("社会办医疗机构有什么补贴？", retriever, config)
    labels = [c.label for c in a.citations]
    assert len(labels) >= 2 and {"三、（八）", "三、（九）"} & set(labels), a.text
    assert a.direct_answer is None
    assert "（项目投资奖励和贴息补助）" in a.text or "（扶持社会办医疗机构能力建设）" in a.text


def test_direct_answer_is_a_verbatim_span_of_the_first_cited_clause(retriever, config, clauses_by_id):
    for question in ("社会办医政策的有效期到什么时候？", "谁负责解释社会办医政策？", "新获评三甲的社会办医院奖励多少？"):
        a = answer_question(question, retriever, config)
        assert a.direct_answer, question
        marker = int(a.text.split("\n")[0].rsplit("[", 1)[1].rstrip("]")) if "\n" in a.text else 1
        cited = a.citations[marker - 1]
        assert a.direct_answer in clauses_by_id[cited.clause_id].text


def test_multi_part_question_answers_each_part_or_says_not_found(retriever, config):
    a = answer_question("新建项目投资补助多少？采购医用设备补助多少？", retriever, config)
    assert {"三、（八）", "三、（九）"} <= {c.label for c in a.citations}, a.text
    b = answer_question("采购医用设备补助多少？出租车起步价是多少？", retriever, config)
    assert any(c.label == "三、（九）" for c in b.citations)
    assert "出租车起步价是多少，公报中没有找到相关规定。" in b.text


# -- personnel lists: an item keeps its list heading, removals are not appointments ----------------------------------

APPOINTMENTS = "7月份市政府人事任免"
PARAGRAPHS = ["市政府决定：", "李建良任温州市民政局副局长；", "蒋义炮任温州生态园管委会副主任；",
              "朱汝东任温州生态园管委会副主任；", "免去：", "蔡克的温州市温瑞塘河保护管委会专职副主任职务；",
              "叶雪影的温州生态园管委会副主任职务。"]


class Record:
    def __init__(self, clause_id, doc_index, title, path, text, doc_number=None, **meta):
        self.clause_id, self.doc_index, self.title, self.path, self.text = clause_id, doc_index, title, path, text
        self.doc_number, self.meta = doc_number, meta
        self.source, self.issuer, self.date, self.kind = SOURCE, "温州市人民政府", None, "appointments"

    def hit(self, rank, score):
        return ClauseHit(rank, score, self.clause_id, self.doc_number, self.title, self.path, self.path[0] if self.path
                         else "导语", None, self.text, SOURCE, "温州市人民政府", None, self.kind, **self.meta)


class PersonnelRetriever(FakeRetriever):
    """The fake retriever over a personnel notice whose paragraphs are clauses, exposing its records."""

    def __init__(self, paragraphs=tuple(PARAGRAPHS)):
        self.paragraphs = paragraphs
        self.records = [Record(i, 0, APPOINTMENTS, (f"第{i + 1}段",), t, issue_date="2019-07")
                        for i, t in enumerate(paragraphs)]
        super().__init__([])
        self.hits = [r.hit(1, 1.0) for r in self.records]

    def mentions(self, terms, gap=0):
        text = "\n".join(self.paragraphs)
        return [t in text for t in terms]


def test_appointment_question_quotes_appointments_under_their_heading(config):
    a = answer_question("7月份谁被任命为温州生态园管委会副主任？", PersonnelRetriever(), config)
    assert not a.abstained
    assert "蒋义炮" in a.text and "朱汝东" in a.text, a.text
    assert "叶雪影" not in a.text and "蔡克" not in a.text  # removals are not appointments
    assert "（市政府决定）：“蒋义炮" in a.text  # the list heading shown with the item's label


def test_removal_item_keeps_its_list_heading(config):
    a = answer_question("7月份谁被免去了温州生态园管委会副主任职务？", PersonnelRetriever(), config)
    assert "第7段（免去）：“叶雪影的温州生态园管委会副主任职务" in a.text, a.text
    assert all(c.label == "第7段" for c in a.citations)


def test_a_person_asked_about_both_halves_gets_every_item_naming_them(config):
    # 7月份市政府人事任免: 沈显克 is appointed (第4段) and removed (第28段)
    paragraphs = ("市政府决定：", "沈显克任温州市财政局副局长；", "连莱菁任温州市财政局总会计师（试用期一年）；", "免去：",
                  "沈显克的温州市财政局总会计师职务；")
    a = answer_question("沈显克这次任了什么职、免了什么职？", PersonnelRetriever(paragraphs), config)
    assert "财政局副局长" in a.text and "财政局总会计师职务" in a.text, a.text
    assert "连莱菁" not in a.text


def test_which_people_lists_every_item_of_the_post(config):
    paragraphs = ("市政府决定：", "蔡克任温州市生态环境保护督察专员；", "徐霖森任温州市生态环境保护督察专员；",
                  "黄晓忠任温州市生态环境保护督察专员；",
                  "徐健任温州市经济责任审计工作联席会议办公室主任（试用期一年）；")
    a = answer_question("哪几位新任温州市生态环境保护督察专员？", PersonnelRetriever(paragraphs), config)
    assert all(name in a.text for name in ("蔡克", "徐霖森", "黄晓忠")), a.text
    assert "徐健" not in a.text


def test_how_many_people_and_who_lists_every_item_of_the_post(config):
    from assistant.answer.question import parse_question as parse

    assert parse("7月份任命了几个人？").form == COUNT  # people of a personnel list, counted
    paragraphs = ("市政府决定：", "蔡克任温州市生态环境保护督察专员；", "徐霖森任温州市生态环境保护督察专员；",
                  "黄晓忠任温州市生态环境保护督察专员（试用期一年）；", "徐健任温州市经济责任审计工作联席会议办公室主任；")
    a = answer_question("温州市生态环境保护督察专员这次任了几个人，都是谁？", PersonnelRetriever(paragraphs), config)
    assert all(name in a.text for name in ("蔡克", "徐霖森", "黄晓忠")), a.text  # 试用期一年 is not the count


# 7月份市政府人事任免: 翁结群 (a name jieba cuts as 翁结|群任) and 黄凡 are appointed and removed from their old posts.
FORMER_POSTS = ("市政府决定：", "翁结群任温州市交通运输综合行政执法队队长；", "黄凡任温州市应急指挥服务保障中心主任；",
                "免去：", "蒋义炮的温州市民政局副局长职务；", "翁结群的温州市道路运输管理局局长职务；",
                "黄凡的温州市人民政府防汛防旱指挥部办公室主任职务；")


@pytest.mark.parametrize("question, person, former, appointed", [
    ("翁结群任了什么职？原来的什么职务被免了？", "翁结群", "道路运输管理局局长", "交通运输综合行政执法队队长"),
    ("应急指挥服务保障中心主任是谁？他原来干什么的？", "黄凡", "防汛防旱指挥部办公室主任", "应急指挥服务保障中心主任"),
])
def test_a_later_part_about_the_same_person_gets_their_former_post(config, question, person, former, appointed):
    a = answer_question(question, PersonnelRetriever(FORMER_POSTS), config)
    assert appointed in a.text and former in a.text, a.text
    assert all(person in c.quote for c in a.citations), a.text  # no one else's item


def test_a_former_post_is_asked_of_the_removal_list_and_only_of_that_person(config):
    assert parse_question("蒋义炮之前在哪个单位任职").action == "remove"
    assert parse_question("他原来干什么的？").action == "remove"
    paragraphs = ("市政府决定：", "徐健任温州市经济责任审计工作联席会议办公室主任（试用期一年）；", "免去：",
                  "蔡克的温州市温瑞塘河保护管委会专职副主任职务；", "朱汝东的温州大罗山综合管理办公室主任职务。")
    a = answer_question("徐健之前担任什么职务", PersonnelRetriever(paragraphs), config)
    assert "蔡克" not in a.text and "朱汝东" not in a.text, a.text  # others' removals do not answer about 徐健


def test_a_former_post_asked_of_a_person_named_by_the_new_one_is_the_removal(config):
    # jieba cuts 汪红所 as 汪红|所 and misses 戚速: the list prints them whole. The new post describes the person
    # asked about; the removal item prints the former one. 戚速 is only appointed: the list prints no former post.
    paragraphs = ("市政府决定：", "汪红所任温州市生态环境保护综合行政执法队队长；",
                  "戚速任温州市行政审批与公共资源交易服务管理中心主任（试用期一年）；", "免去：",
                  "汪红所的温州市环境监察支队支队长（副县长级）职务；", "詹尔成的温州市公共资源交易与行政审批服务中心主任职务。")
    a = answer_question("新当上生态环境执法队长的汪红所，之前是干什么的？", PersonnelRetriever(paragraphs), config)
    assert "环境监察支队支队长" in a.text, a.text
    a = answer_question("戚速在被任命为市行政审批与公共资源交易服务管理中心主任之前担任什么职务？",
                        PersonnelRetriever(paragraphs), config)
    assert a.partial and "詹尔成" not in a.text and "原任职务" in a.text, a.text


def test_a_new_post_the_list_does_not_print_is_a_partial_answer(config):
    assert parse_question("蔡克被免去职务后，新任什么职务？").action == "appoint"
    class Gazette(PersonnelRetriever):
        def mentions(self, terms, gap=0):
            return [True] * len(terms)  # a whole gazette prints 新任 somewhere: no unknown topic here

    # 蔡克 is only removed: no appointment item prints a new post of his
    a = answer_question("蔡克被免去职务后，新任什么职务？", Gazette(), config)
    assert a.partial and "蔡克的温州市温瑞塘河保护管委会专职副主任职务" in a.text and "新任职务" in a.text, a.text
    # 李建良 is appointed: his new post is the answer
    a = answer_question("李建良现任什么职务？", Gazette(), config)
    assert not a.partial and "李建良任温州市民政局副局长" in a.text, a.text


def test_a_part_about_something_the_gazette_never_mentions_does_not_refuse_the_others(config):
    # (A level, "是什么级别", is a detail of the person's item itself: some items print one, "（副县长级）".)
    a = answer_question("李建良任了什么职务？工资是多少？", PersonnelRetriever(), config)
    assert not a.abstained and "民政局副局长" in a.text, a.text
    assert "关于工资是多少，公报中没有找到相关规定。" in a.text


def test_a_person_the_gazette_never_names_is_not_answered_about(config):
    a = answer_question("7月份王军被任命为什么职务？", PersonnelRetriever(), config)
    assert a.abstained and "王军" in a.text, a.text
    assert parse_question("温州要出台养狗的管理条例吗？").names == ()  # jieba tags 养狗 nr: no surname


def test_the_date_a_named_document_was_issued_comes_from_its_signature_line(config):
    class Notice(PersonnelRetriever):
        def __init__(self):
            super().__init__(("《温州城市经济新业态培育行动方案（2019—2021年）》已经市政府同意，现印发给你们，请认真贯彻执行。",))
            for r in self.records:
                r.doc_number, r.date = "温政办〔2019〕50号", "2019-07-17"
            self.hits = [r.hit(1, 1.0) for r in self.records]

    a = answer_question("温政办〔2019〕50号是什么时候印发的？", Notice(), config)
    assert a.text.startswith("该文件的落款日期为2019年7月17日"), a.text
    assert [c.doc_number for c in a.citations] == ["温政办〔2019〕50号"]
    assert not parse_question("温州是不是要出台养狗的规定").asks_issued  # no "when": not about a date


def test_undated_section_is_dated_by_its_issue(config):
    a = answer_question("8月份谁被任命为温州生态园管委会副主任？", PersonnelRetriever(), config)
    assert a.abstained and "8月份" in a.text
    b = answer_question("2019年7月谁被任命为温州生态园管委会副主任？", PersonnelRetriever(), config)
    assert not b.abstained


# -- validity --------------------------------------------------------------------------------------------------------

class ExpiringRetriever(FakeRetriever):
    """Fixture clauses of 49号 with its printed period (有效期至2024年12月31日), one of 47号 repealed."""

    def __init__(self):
        super().__init__()
        self.hits = [replace(h, effective_until="2024-12-31") if h.doc_number == N49 else
                     replace(h, repealed_by="温政办〔2020〕1号") if h.doc_number == N47 else h for h in self.hits]


def test_expired_document_is_flagged_against_today(config):
    q = "社会办医疗机构采购医用设备补助多少？"
    expired = answer_question(q, ExpiringRetriever(), config, today=date(2026, 1, 1))
    assert expired.text.endswith("注意：该文件有效期至2024年12月31日，已到期。")
    assert expired.citations[0].effective_until == "2024-12-31"
    current = answer_question(q, ExpiringRetriever(), config, today=date(2024, 6, 1))
    assert "已到期" not in current.text


def test_repealed_document_is_flagged(config):
    a = answer_question("养犬管理条例由哪个部门起草？", ExpiringRetriever(), config, today=date(2019, 8, 1))
    assert "已被温政办〔2020〕1号废止" in a.text and a.citations[0].repealed_by == "温政办〔2020〕1号"


# -- partial answers, abstention on the evidence as a whole ----------------------------------------------------------

class CorpusRetriever(FakeRetriever):
    """The fake retriever that can also say which words the indexed text holds."""

    def mentions(self, terms, gap=0):
        text = "\n".join(f"{h.title}\n{h.heading or ''}\n{h.text}" for h in self.hits)
        return [t in text for t in terms]


def test_subject_found_but_detail_not_gives_a_partial_answer(config):
    a = answer_question("温州市养犬管理条例对遛狗拴绳有什么规定？", CorpusRetriever(), config)
    assert not a.abstained and a.partial, a.text
    assert a.text.startswith(PARTIAL) and "没有规定" in a.text
    assert a.citations and a.citations[0].doc_number == N47
    assert a.citations[0].quote in CLAUSES[-1][6]


def test_unknown_word_in_a_scene_setting_clause_does_not_refuse(config):
    a = answer_question("家里人想养狗，养犬管理条例什么时候报送草案？", CorpusRetriever(), config)
    assert not a.abstained, a.text
    assert "6月底前" in a.text


def test_topic_the_gazette_never_mentions_is_refused(config):
    a = answer_question("出租车起步价是多少？", CorpusRetriever(), config)
    assert a.abstained and not a.partial and a.text.startswith(NOT_FOUND)


# -- follow-ups that ask for a detail of the last topic --------------------------------------------------------------

def test_detail_follow_up_keeps_the_previous_document(retriever, config):
    conv = Conversation(retriever, config)
    first = conv.ask("社会办医疗机构采购医用设备补助多少？")
    assert first.citations[0].doc_number == N49
    second = conv.ask("由哪个部门承担？")
    assert second.citations and all(c.doc_number == N49 for c in second.citations), second.text
    assert second.rewritten_question and "采购医用设备" in second.rewritten_question


def test_amount_kind_and_missing_note(retriever, config):
    q = parse_question("开个体诊所补助多少？")
    assert AMOUNT in q.kinds and q.form == FACTOID


# -- which documents are there ---------------------------------------------------------------------------------------

class IssueRetriever(FakeRetriever):
    """The fixture clauses as the records of one gazette issue (总第203期), plus the personnel notice."""

    def __init__(self):
        super().__init__()
        self.hits = [replace(h, clause_id=i, gazette_issue="总第203期") for i, h in enumerate(self.hits)]
        docs = {d: n for n, d in enumerate(dict.fromkeys(h.doc_number for h in self.hits))}
        self.records = [IssueRecord(h, docs[h.doc_number]) for h in self.hits]


class IssueRecord:
    def __init__(self, hit, doc_index):
        self._hit, self.doc_index = hit, doc_index
        for name in ("clause_id", "doc_number", "title", "path", "text", "kind", "source", "issuer", "date",
                     "gazette_issue", "issue_date"):
            setattr(self, name, getattr(hit, name))

    def hit(self, rank, score):
        return replace(self._hit, rank=rank, score=score)


def test_documents_of_an_issue_are_listed_and_counted(config):
    a = answer_question("公报第203期有哪些文件？", IssueRetriever(), config)
    assert not a.abstained
    assert [c.doc_number for c in a.citations] == ["温政办〔2019〕48号", N49, N47]
    assert "（以上共3件文件，系按已收录的公报计数得出。）" in a.text
    assert answer_question("公报第204期有哪些文件？", IssueRetriever(), config).abstained


class AttachmentRetriever(PersonnelRetriever):
    """A notice whose 附件 clause lists its attachments (温人社发〔2019〕105号), and one printing two attachments."""

    def __init__(self):
        number, other = "温人社发〔2019〕105号", "国办函〔2004〕80号"
        texts = [(number, ("一",), "企业注册地和实际经营地均在本市范围内的外商投资企业。"),
                 (number, ("附件",), "1.实行特殊工时岗位清单式管理申请表\n2.实行特殊工时岗位清单式管理变更申请表\n"
                                     "3.实行综合计算工时工作制申请表\n（附件略，详见温州市政府网站）"),
                 (other, ("一",), "同意你省关于巴东县地质险情的处理意见。"),
                 (other, ("附件1",), "国务院：\n我部再次组织了更大范围的专家组，对马鬃山村房屋开裂等有关情况进行了现场调查。"),
                 (other, ("附件2",), "经讨论，专家组认为，马鬃山村房屋开裂主要是浅源地震所致。")]
        self.paragraphs = tuple(t for _, _, t in texts)
        self.records = [Record(i, 0 if n == number else 1, "通知", path, t, doc_number=n)
                        for i, (n, path, t) in enumerate(texts)]
        FakeRetriever.__init__(self, [])
        self.hits = [r.hit(1, 1.0) for r in self.records]


def test_attachments_of_a_named_document_are_listed_and_counted(config):
    a = answer_question("105号文后面附件一共几个？", AttachmentRetriever(), config)
    assert not a.abstained and [c.label for c in a.citations] == ["附件"], a.text
    assert "变更申请表" in a.text and "共有3个附件" in a.text
    a = answer_question("国办函〔2004〕80号有哪些附件？", AttachmentRetriever(), config)
    assert [c.label for c in a.citations] == ["附件1", "附件2"] and "共有2个附件" in a.text, a.text
    assert a.citations[0].quote.startswith("我部再次组织")  # not the addressee line


def test_a_sentence_introducing_the_reply_is_quoted_with_it():
    from assistant.answer.config import AnswerConfig
    from assistant.answer.forms import _widen
    from assistant.answer.select import span

    # 国办函〔2006〕69号: the letter is one clause; "现答复如下：" matches the question, the reply follows it.
    text = ("您提出的关于请总理网上博客听取民意的建议收悉，现答复如下：国务院领导同志对电子政务建设高度重视。"
            "温家宝总理就加快政府网站建设等有关工作作了很多指示和批示。博客是一项新兴的互联网应用，其管理还有待规范。"
            + "中央政府门户网站将继续完善互动交流功能。" * 50)
    hit = ClauseHit(1, 1.0, 0, "国办函〔2006〕69号", "答复", (), "导语", None, text, "x.txt", "国务院办公厅", None, "normative")
    config = AnswerConfig()
    lead = span(hit, 0, text.index("：") + 1)
    widened = _widen(lead, config)
    assert "博客是一项新兴的互联网应用" in widened.quote
    assert len(widened.quote) <= len(lead.quote) + config.whole_clause_chars + 1  # a long reply: a short clause's worth
    # A reply no longer than two short clauses is quoted whole: its conclusion comes last.
    short = text[:text.index("中央政府门户网站")] + "中央政府门户网站将继续完善互动交流功能。" * 25 + "感谢您对政府工作的关心和支持。"
    hit = replace(hit, text=short)
    assert len(short) > config.whole_clause_chars
    assert _widen(span(hit, 0, short.index("：") + 1), config).quote == short
    plain = span(hit, 0, text.index("高度重视。") + 5)  # an ordinary sentence runs on by one sentence only
    assert _widen(plain, config).quote.endswith("指示和批示。")


def test_an_acknowledgement_followed_by_the_line_introducing_the_reply_is_quoted_with_the_reply():
    from assistant.answer.config import AnswerConfig
    from assistant.answer.forms import _widen
    from assistant.answer.select import span

    # 国办函〔2006〕82号: the sentence naming the proposal ends "收悉。"; the next only says a reply follows.
    text = ("您提出的《关于设立总理热线电话的提案》收悉。经研究，答复如下：\n推进政务公开，实行科学民主决策是政府工作的"
            "一项基本制度。目前，国务院通过建立多种途径来落实这一要求。\n信访是保证民意畅通的一个重要渠道。人民群众向国务院"
            "领导同志反映的重要意见和建议，国家信访局都及时报送国务院领导同志。" + "中央政府门户网站开设了“我向总理说句话”栏目。" * 20)
    hit = ClauseHit(1, 1.0, 0, "国办函〔2006〕82号", "答复", (), "导语", None, text, "x.txt", "国务院办公厅", None, "normative")
    widened = _widen(span(hit, 0, text.index("收悉。") + 3), AnswerConfig())
    assert "国家信访局都及时报送" in widened.quote
    assert widened.quote.startswith("您提出的")


def test_who_a_named_person_is_comes_from_the_title_printed_before_the_name(config):
    assert parse_question("高云龙是什么身份").identity == "高云龙"
    assert parse_question("王军的什么职务被免了").identity is None  # a former post, not who he is
    paragraphs = ("与会期间，高云龙一行考察了世界温州人家园，对其城市窗口形象给予点赞肯定。",
                  "全国政协副主席、全国工商联主席高云龙出席并讲话。",
                  "会上，高云龙深刻系统阐述了新时代工商联组织工作的重大意义。")
    a = answer_question("高云龙是什么身份", PersonnelRetriever(paragraphs), config)
    assert a.citations and a.citations[0].label == "第2段", a.text


def test_a_rare_name_shared_with_the_best_clause_is_found():
    from assistant.answer.answerer import _rare_term_in

    # jieba cuts 三|垟|湿地 and 税收|亿元|楼: the name is read from the question's own characters.
    clause = "打造三垟湿地等一批夜间经济集聚区，推进月光经济发展。"
    hit = ClauseHit(1, 1.0, 0, "温政办〔2019〕50号", "方案", ("二", "（五）", "10"), "二、（五）10", None, clause,
                    "x.txt", "温州市人民政府办公室", None, "normative")
    others = [Record(i, 0, "方案", ("一",), t) for i, t in enumerate(["推进夜间经济发展。", "发展会展经济。"], start=1)]
    records = [Record(0, 0, "方案", ("二",), clause), *others]
    assert _rare_term_in(parse_question("三垟湿地有什么打算"), hit, records)
    assert not _rare_term_in(parse_question("夜间经济有什么打算"), hit, records + [Record(3, 0, "方案", ("三",), "夜间经济")])
    # Two words many clauses print, side by side ("温州|市区"), are no name, though few clauses print them together.
    clause = "按照《温州市区产业政策奖补资金兑现管理办法》进行结算。"
    hit = replace(hit, text=clause)
    common = ["温州市发展会展经济。", "温州加快发展。", "温州建设。", "奖励资金限于市区范围。", "市区交通。", "市区绿化。"]
    records = [Record(0, 0, "细则", ("三",), clause),
               *(Record(i, 0, "方案", ("一",), t) for i, t in enumerate(common, start=1))]
    assert not _rare_term_in(parse_question("温州市区有没有入园补贴？"), hit, records)


def test_a_paragraph_list_heading_introduces_the_paragraphs_after_it(config):
    from assistant.answer.context import Context

    removals = [f"{n}的温州市{post}职务；" for n, post in zip("沈显克 蔡克 徐霖森 蒋义炮 朱汝东 汪红所 翁结群 陈乃华 陶庆东 连真毅".split(),
                                                             "财政局总会计师 河道管委会副主任 水乡办副主任 民政局副局长 大罗山办主任 环境监察支队长 "
                                                             "道路运输管理局局长 畜牧兽医局局长 市场监管局副局长 公路局局长".split())]
    paragraphs = ("市政府决定：", "李建良任温州市民政局副局长；", "免去：", *removals)
    retriever = PersonnelRetriever(paragraphs)
    heading = retriever.records[2].hit(0, 0.0)
    items = Context(retriever.records).listed_after(heading)
    assert [i.text for i in items] == removals  # up to the end of the list, not the appointments before it
    assert Context(retriever.records).listed_after(retriever.records[1].hit(0, 0.0)) == []  # an item lists nothing
    a = answer_question("7月份有哪些人被免职", retriever, config)
    assert "李建良" not in a.text, a.text
    assert a.citations[0].quote == "免去" and "沈显克" in a.text, a.text  # the heading, then what it lists
    assert "（共10项，以上列出前8项。）" in a.text  # and the cut is said


def test_each_half_of_a_personnel_list_is_counted_for_its_post(config):
    assert parse_question("生态园管委会副主任这次任了几个、免了几个，都是谁").parts[:2] == (
        "生态园管委会副主任这次任了几个、", "免了几个")
    paragraphs = ("市政府决定：", "蒋义炮任温州生态园管委会副主任；", "朱汝东任温州生态园管委会副主任；",
                  "李显淼任温州生态园管委会总工程师（试用期一年）；", "免去：", "蔡克的温州市温瑞塘河保护管委会专职副主任职务；",
                  "叶雪影的温州生态园管委会副主任职务。")
    a = answer_question("生态园管委会副主任这次任了几个、免了几个，都是谁", PersonnelRetriever(paragraphs), config)
    assert all(n in a.text for n in ("蒋义炮", "朱汝东", "叶雪影")), a.text
    assert "李显淼" not in a.text  # 总工程师 is another post
    assert "共2项" in a.text and "共1项" in a.text, a.text


def test_a_target_for_another_year_is_another_fact():
    from assistant.answer.config import AnswerConfig
    from assistant.answer.select import score_sentences

    # 国发〔2018〕42号 一、（二）: the 2020 and the 2025 targets, one sentence each.
    text = ("到2020年，全国农机总动力超过10亿千瓦，全国农作物耕种收综合机械化率达到70%。"
            "到2025年，全国农作物耕种收综合机械化率达到75%。")
    hit = ClauseHit(1, 1.0, 0, "国发〔2018〕42号", "意见", ("一", "（二）"), "一、（二）", "发展目标", text, "x.txt",
                    "国务院", None, "normative")
    scored = score_sentences(parse_question("到2020年农作物耕种收综合机械化率要达到多少？"), [hit], FakeRetriever([]),
                             AnswerConfig())
    best = max(scored, key=lambda s: s.score)
    assert best.sentence.text.startswith("到2020年"), [(s.sentence.text[:8], round(s.score, 3)) for s in scored]


def test_a_target_stands_under_the_year_its_paragraph_opens_with():
    from assistant.answer.config import AnswerConfig
    from assistant.answer.select import score_sentences

    # 国发〔2018〕42号 一、（二）, shortened: each paragraph opens with its year; the targets follow in later sentences.
    text = ("发展目标。\n到2020年，农机装备产业科技创新能力持续提升，主要经济作物薄弱环节“无机可用”问题基本解决。"
            "全国农作物耕种收综合机械化率达到70%，小麦、水稻、玉米等主要粮食作物基本实现生产全程机械化。\n"
            "到2025年，农机装备品类基本齐全，农机装备产业迈入高质量发展阶段。"
            "全国农作物耕种收综合机械化率达到75%，粮棉油糖主产县（市、区）基本实现农业机械化。")
    hit = ClauseHit(1, 1.0, 0, "国发〔2018〕42号", "意见", ("一", "（二）"), "一、（二）", "发展目标", text, "x.txt",
                    "国务院", None, "normative")
    for year, other in (("2020", "2025"), ("2025", "2020")):
        scored = score_sentences(parse_question(f"到{year}年全国农作物耕种收综合机械化率要达到多少？"), [hit],
                                 FakeRetriever([]), AnswerConfig())
        target = {"2020" if "70%" in s.sentence.text else "2025": s.score for s in scored if "机械化率" in s.sentence.text}
        assert target[year] > target[other], (year, target)


def test_a_count_of_people_ranks_a_figure_of_persons_above_one_of_money():
    from assistant.answer.config import AnswerConfig
    from assistant.answer.select import score_sentences

    # 《奋力书写“三民”篇章…》: retrieval ranks 第4段 (sums lent) above 第1段, whose sentence counts the contributors.
    def paragraph(rank, label, text):
        return ClauseHit(rank, 1.0 / rank, rank, None, "奋力书写“三民”篇章", (label,), label, None, text, "x.txt",
                         "温州市", None, "news")

    hits = [paragraph(1, "第4段", "截至2019年7月底，已经发放“公积金+金融”组合贷款的“银行”部分超过157亿元，公转商贴息贷款"
                              "近80亿元，授信低息贷款超过16亿元，多层次满足职工住房贷款和住房类消费需求。"),
            paragraph(2, "第1段", "截至2019年7月底，全市住房公积金实缴人数68.78万人，缴存总额929.44亿元，提取总额547.82亿元，"
                              "贷款总额643.88亿元，上缴廉租住房补充资金21.10亿元，为助力我市“大建大美”和“两区”建设，保障群众"
                              "“住有所居”发挥了积极作用。")]
    scored = score_sentences(parse_question("截至2019年7月底，温州一共有多少人在交住房公积金？"), hits,
                             FakeRetriever([]), AnswerConfig())
    best = max(scored, key=lambda s: s.score)
    assert "68.78万人" in best.sentence.text, [(s.sentence.text[:20], round(s.score, 3)) for s in scored]


def test_only_a_list_is_counted_not_prose_naming_several_things():
    from assistant.answer.forms import _item_count

    # 47号 三 lists its four projects inline; 四、（三） is prose that names things in passing.
    assert _item_count("温州市互联网信息服务管理立法（市委网信办起草）；温州市雁荡山风景名胜区立法（市雁荡山管委会起草）；"
                       "温州市电动车管理立法（市公安局起草）；温州市垃圾分类管理立法（市综合行政执法局起草）。") == 4
    assert _item_count("发挥立法专家、基层立法联系点和公众参与立法的积极作用，增强立法合力，提高立法质量。"
                       "列入立法调研项目的，责任单位要抓紧开展调研和起草工作。") == 0
    assert _item_count("数字经济、智能装备、生命健康、新能源智能网联汽车、新材料") == 5


def test_items_of_a_run_count_pairs_joined_anywhere_and_the_counted_kind():
    from assistant.answer.forms import _counted_kind, _items, _lists_exactly
    from assistant.answer.question import parse_question

    run = "选择北京、天津、上海、重庆和沈阳、大连、厦门、广州、深圳、成都、西安11个城市"
    assert _items(run) == 11
    assert _items("用电、用水、用气") == 3
    # 国发〔2019〕3号 三: modifiers joined before the first item's 的 make no item; 国办函〔2005〕21号: a last pair does
    assert _items("推动综合保税区发展成为具有全球影响力和竞争力的加工制造中心、研发设计中心、物流分拨中心、检测维修中心、"
                  "销售服务中心") == 5
    assert _items("选择石油、钢铁和有色三个行业安排相应的污水回用研究课题") == 3
    q = parse_question("双随机抽查用的“两库”具体是哪两个库？")
    assert q.count == 2 and "库" in _counted_kind(q)  # the noun after the count names what is listed
    assert _lists_exactly("统筹建立检查对象名录库和执法检查人员名录库", 2, _counted_kind(q))


def test_the_part_of_a_document_a_list_question_asks_for():
    from assistant.answer.forms import _asked_noun
    from assistant.answer.question import parse_question

    assert _asked_noun(parse_question("五大战新产业行动计划在组织、分工上都有哪些保障安排？")) == "保障"
    assert _asked_noun(parse_question("新业态方案有哪些主要任务？")) == "任务"
    assert _asked_noun(parse_question("105号文适用哪些企业")) is None  # 企业 are listed, not a part of the document
    # A benefit a policy grants names its section ("二、优惠政策事项" of 491号, items （一）（二）).
    assert _asked_noun(parse_question("温财企〔2019〕491号给政府产业基金的合作方有哪些优惠？")) == "优惠"
    assert _asked_noun(parse_question("开诊所有哪些补贴？")) == "补贴"


PARALLEL = ("会议强调，要坚持党的领导，各级人大及其常委会要提高政治站位，坚持在党的领导下开展工作；各级党委要把人大工作摆上更加"
            "重要的位置。要坚持服务大局，创造性地做好立法、监督、决定、任免和代表等工作。要坚持人民至上，充分发挥人大代表特点优势"
            "和主体作用。要坚持改革创新，以改革创新精神高要求加强人大常委会机关党的政治建设。认真总结并坚持我市人大工作的经验做法。")
NUMBERED = ("各地区、各部门要把加强煤矿安全生产保障机制建设作为实现煤矿长治久安的重要内容，健全法制，完善机制，促进煤矿安全"
            "生产。一是落实安全生产责任制。各级地方人民政府要健全和完善安全生产责任制。二是加大安全投入。各地区要建立煤矿安全生产"
            "投入保障机制。三是健全煤矿安全管理法律法规和规章制度。四是进一步搞好煤矿安全评估。")


def _scored(text: str, sentence_start: str):
    from assistant.answer.select import ScoredSentence
    from assistant.answer.sentences import split_sentences

    hit = ClauseHit(rank=1, score=1.0, clause_id=0, doc_number=None, title="t", path=("第3段",), label="第3段",
                    heading=None, text=text, source="s")
    sentence = next(s for s in split_sentences(text) if s.text.startswith(sentence_start))
    return ScoredSentence(hit, 0, 0, sentence, 0.8, 0.8, 0.0, 0.8, 0.8)


def test_an_enumeration_quotes_the_parallel_sentences_the_best_one_belongs_to():
    from assistant.answer.forms import _parallel_run

    # a lead the question asks after, repeated: every "要坚持…" item, from the first to the last
    run = _parallel_run(_scored(PARALLEL, "要坚持服务大局"), parse_question("常委会要求人大工作坚持哪几个方面"))
    assert run.quote.startswith("会议强调，要坚持党的领导") and run.quote.endswith("机关党的政治建设。")
    # a repeated lead the question does not ask after is no list
    assert _parallel_run(_scored(PARALLEL, "要坚持服务大局"), parse_question("人大代表要发挥什么作用？")) is None
    # numbered items (State Council notice 国办发〔2004〕7号): the sentence introducing them and every item
    run = _parallel_run(_scored(NUMBERED, "各地区、各部门"), parse_question("煤矿安全生产保障机制要抓哪几项工作？"))
    assert "一是落实安全生产责任制" in run.quote and run.quote.endswith("四是进一步搞好煤矿安全评估。")
    assert _parallel_run(_scored(NUMBERED, "二是加大安全投入"), parse_question("要抓哪几项工作？")).quote.startswith("一是")
    # 国办函〔2006〕70号: the first item inside the sentence introducing it ("…认真采纳：一是…；二是…。")
    adopted = ("对于您提出的建设地方政府门户网站外文版的建议，我们将在下一步工作中认真采纳：一是拟在起草制订的指导意见中，明确要求"
               "有条件的地方政府网站应建设外文版；二是加强对地方政府网站外文版建设的指导，并结合各地对外交往的实际选择语种。")
    run = _parallel_run(_scored(adopted, "对于您提出"), parse_question("建外文版的建议打算从哪两方面着手？"))
    assert run.quote.startswith("对于您提出") and run.quote.endswith("选择语种。")


def test_a_quoted_list_followed_by_the_name_asked_is_the_list():
    from assistant.answer.forms import _named_lists

    # 温政办〔2019〕47号 一 总体要求 names its principles after quoting them; the preamble ranks above it.
    principles = ("以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神，不断提高政治站位，坚持党对立法行政工作的领导，"
                  "按照“立法为民、问题导向、法治思维、有效管用”的立法原则，紧紧围绕法治政府建设目标，加快完善行政制度体系。")
    preamble = "根据《中华人民共和国立法法》《规章制定程序条例》和《温州市人民政府制定规章和拟定法规草案程序规定》等有关规定。"
    scored = [_scored(preamble, "根据"), _scored(principles, "以习近平")]
    for question in ("市政府2019年立法工作要遵循的立法原则有哪几条？", "立法要讲究哪几条原则？"):
        assert _named_lists(parse_question(question), scored) == scored[1:], question
    assert _named_lists(parse_question("立法项目有哪些？"), scored) == []  # a list of something else
    # 四（三）: items listed without quotes before "的积极作用" are no list of what is asked
    joined = _scored("发挥立法专家、基层立法联系点和公众参与立法的积极作用，增强立法合力。", "发挥")
    assert _named_lists(parse_question("立法要发挥哪些作用？"), [joined]) == []


def test_a_quoted_list_named_by_the_term_the_question_quotes_is_the_list():
    from assistant.answer.forms import _named_lists

    # 奋力书写“三民”篇章 第4段 names its three ways of serving "“三连办”"; 第1段 lists three aims of its own.
    served = _scored("长期坚持“午间连续办、周六无休办、周日预约办”的“三连办”和上门服务，为缴存职工办理住房公积金业务提供便利。",
                     "长期")
    aims = _scored("近年来，市住房公积金管理中心紧紧围绕“保安居、优服务、促发展”主要目标，做强做优主责主业。", "近年来")
    for question in ("听说温州住房公积金有个“三连办”，具体是哪三种办法？", "聽說溫州住房公積金有個「三連辦」，具體是哪三種辦法？"):
        assert _named_lists(parse_question(question), [aims, served]) == [served], question


def test_clauses_each_naming_what_is_counted_list_that_many():
    from assistant.answer.forms import _counted_words, _listness

    q = parse_question("温州把“两个健康”先行区创建定位为哪三方面的标志性大事？")
    each = _counted_words(q)
    assert "大事" in each and "温州" not in each  # what is counted comes after the count
    text = ("全面推进全国首个新时代“两个健康”先行区创建，将其作为温州继续为新时代民营经济发展“闯关探路”的标志性大事，"
            "作为奋力推进“八八战略”再深化、改革开放再出发的标志性大事，作为开启民营经济高质量发展新征程的标志性大事加以推进。")
    assert _listness(text, 3, q.words, each) == 1.0
    assert _listness(text, 4, q.words, each) == 0.0  # three, not four


def test_clauses_opening_with_the_verb_asked_list_its_objects():
    from assistant.answer.forms import _listness

    # 市委召开十二届八次全体（扩大）会议 第4段: the work done is named clause by clause after 狠抓, with no "、" list.
    q = parse_question("7月的市委全会回顾上半年，说全市重点狠抓了哪几方面的工作？")
    text = ("全会指出，今年以来，全市上下认真贯彻落实中央和省委的决策部署，紧紧围绕“奋战1161，奋进2019”年度工作主题主线，"
            "聚焦聚力高质量发展、竞争力提升、现代化建设，突出稳企业、增动能、保平安，坚决有力打好高质量发展组合拳，狠抓"
            "“两区”建设，狠抓动能培育，狠抓改革开放，狠抓都市发展，狠抓社会建设，狠抓全面从严治党，全市经济发展继续呈现"
            "向上向好态势，社会大局保持和谐稳定。")
    assert _listness(text, None, q.words) == 1.0
    # a verb the question does not ask about opens no list
    assert _listness(text, None, parse_question("全会强调了什么？").words) < 1.0


def test_sibling_items_drafted_alike_are_the_list_asked_for():
    from assistant.answer.context import Context
    from assistant.answer.forms import _parallel_siblings
    from assistant.answer.select import ScoredSentence
    from assistant.answer.sentences import split_sentences
    from index.store import ClauseRecord

    # 温政办〔2019〕47号 二（二）: two rules to be made, three to be revised "因为温州市机构改革".
    made = "为了{}，制定《{}》（{}起草，于{}前向市政府报送草案）。"
    revised = "因为温州市机构改革，涉及有关部门及其职能调整，修订《{}》（{}起草，于7月底前向市政府报送修订稿）。"
    rows = [(("二", "（二）"), ""),
            (("二", "（二）", "1"), made.format("优化营商环境", "温州市优化营商环境办法", "市发展改革委", "10月底")),
            (("二", "（二）", "2"), made.format("防治建筑施工噪声污染", "温州市建筑施工噪声污染防治管理办法", "市生态环境局",
                                              "12月底")),
            (("二", "（二）", "3"), revised.format("温州市区国有土地上房屋征收与补偿办法", "市住建局")),
            (("二", "（二）", "4"), revised.format("温州市居住房屋出租安全管理办法", "市公安局")),
            (("二", "（二）", "5"), revised.format("温州市城市轨道交通管理办法（试行）", "市交通运输局"))]
    records = [ClauseRecord(i, "g.txt", "g.txt", 0, "温政办〔2019〕47号", "立法工作计划", "normative", None, None, path,
                            "、".join(path), None, "", text, str(i)) for i, (path, text) in enumerate(rows)]
    context = Context(records)

    def best(i):
        hit = records[i].hit(1, 1.0)
        return ScoredSentence(hit, 0, 0, split_sentences(hit.text)[0], 0.8, 0.8, 0.0, 0.8, 0.8)

    run = _parallel_siblings(best(4), parse_question("2019年立法计划中需要修订的规章是哪三部？"), context)
    assert [h.clause_id for h in run] == [3, 4, 5]
    # openings that part after two characters ("为了优化…", "为了防治…") are not drafted alike; nor is a list picked
    # out by words only one item holds
    assert _parallel_siblings(best(1), parse_question("今年要制定哪些规章？"), context) == []
    assert _parallel_siblings(best(4), parse_question("哪个规章由市公安局起草？"), context) == []


def test_a_list_of_the_kind_asked_reads_more_as_the_enumeration():
    from assistant.answer.forms import _item_kind, _listness

    # 国办发〔2019〕2号: the cities are listed in 一（一）; the preamble lists the tasks of a working group.
    cities = "选择北京、天津、上海、重庆和沈阳、大连、厦门、广州、深圳、成都、西安11个城市，从通过一致性评价的仿制药中遴选试点品种。"
    tasks = "试点工作小组办公室要会同相关部门做好监测分析、定期通报、督促检查、总结评估等工作。"
    kind = _item_kind(parse_question("国家组织药品集中采购和使用试点选了哪些城市？"))
    assert kind == "城市"
    assert _listness(cities, None, kind=kind) > _listness(tasks, None, kind=kind)
    assert _listness(tasks, None) == _listness(cities, None)  # without a kind asked, both read as lists
    assert _item_kind(parse_question("有哪些拓宽农产品销售渠道的支持措施？")) is None  # a clause before the noun
    # "哪些方面" asks which aspects: the verb after it (先行, which jieba tags n) names no kind of item
    assert _item_kind(parse_question("这个自主创新示范区打算在哪些方面先行探索？")) is None


def test_a_list_question_quotes_the_measures_after_the_best_sentence_of_a_long_clause():
    from assistant.answer.config import AnswerConfig
    from assistant.answer.forms import _run_on

    # 国办发〔2018〕129号 三（五）（拓展销售途径）: one measure per sentence.
    text = ("支持贫困地区完善网络基础设施和公共服务平台，为农村电商经营者提供产品开发、包装设计、网店运营等专业服务。"
            "在有条件的贫困地区设立电商产业孵化园，培育规模化电商企业。"
            "支持贫困地区参加农博会、农贸会、展销会，专设消费扶贫展区，集中推介、展示、销售特色农产品。"
            "指导贫困地区供销合作组织与农产品加工、流通企业建立长期稳定的产销联系，积极开展购销活动。"
            "鼓励贫困地区在景区景点、宾馆饭店、游客集散中心、高速公路服务区开设农产品销售专区，集中销售特色优势农产品。"
            + "建立贫困地区农产品滞销预警机制，制定应急处置预案。" * 20)
    config = AnswerConfig()
    quote = _run_on(_scored(text, "支持贫困地区参加农博会"), config).quote
    assert quote.startswith("支持贫困地区参加农博会") and "开设农产品销售专区" in quote
    assert len(quote) <= config.whole_clause_chars


def test_who_holds_a_post_is_answered_by_the_line_naming_the_holder():
    from assistant.answer.config import AnswerConfig
    from assistant.answer.select import ScoredSentence, select
    from assistant.answer.sentences import split_sentences

    q = parse_question("调整后的国家教材委员会主任是谁？")
    assert q.post == "主任" and PERSON in q.kinds and AGENCY not in q.kinds  # a holder, not a body
    # 国办发〔2018〕109号: the roster line repeats few words of the question, so it scores low on relevance.
    text = ("根据机构设置、人员变动情况和工作需要，国务院决定对国家教材委员会组成人员进行调整。现将调整后的组成人员名单通知如下：\n"
            "主  任：孙春兰\u3000\u3000国务院副总理\n副主任：陈宝生\u3000\u3000教育部部长")
    hit = ClauseHit(1, 1.0, 0, "国办发〔2018〕109号", "国务院办公厅关于调整国家教材委员会组成人员的通知", (), "导语", None, text,
                    "x.txt", "国务院办公厅", None, "normative")
    sentences = split_sentences(text)
    relevance = {0: (0.85, 0.95), 2: (0.64, 1.24), 3: (0.67, 0.74)}  # (evidence, score) as scoring gives them
    scored = [ScoredSentence(hit, 0, i, sentences[i], ev, ev, 0.0, ev, score) for i, (ev, score) in relevance.items()]
    assert "孙春兰" in select(scored, AnswerConfig(), q).direct.quote


def _records_105():
    from index.store import ClauseRecord

    # 温人社发〔2019〕105号 二（二）: two lists of application materials, for firms already licensed and for first
    # applications, and a third clause for changes.
    rows = [
        (("二", "（二）", "1"), "已取得特殊工时许可的企业，申请材料包括", ""),
        (("二", "（二）", "1", "（1）"), None, "《实行特殊工时岗位清单式管理申请表》原件一份（详见附件1）；"),
        (("二", "（二）", "1", "（2）"), None, "营业执照或社会保险登记证复印件一份；"),
        (("二", "（二）", "2"), None, "初次申请特殊工时行政许可的企业，按照有关规定申报，并填报用人单位实行特殊工时岗位清单式管理"
                                     "申请表。申请材料包括："),
        (("二", "（二）", "2", "（1）"), None, "《实行综合计算工时工作制申请表》（详见附3）或《实行不定时工作制申请表》；"),
        (("二", "（二）", "2", "（2）"), None, "受委托人身份证复印件和委托书原件各一份；"),
        (("二", "（二）", "3"), None, "信息变更申请的企业，应提交的材料：企业名称、实行特殊工时制的岗位、计算周期等任何一项变更的，"
                                     "填写信息变更申请表。"),
    ]
    return [ClauseRecord(i, "x.txt", "x.txt", 0, "温人社发〔2019〕105号", "关于开展特殊工时审批清单式改革试点的通知",
                         "normative", None, None, path, "、".join(path), heading, "", text, str(i))
            for i, (path, heading, text) in enumerate(rows)]


def test_a_list_question_takes_the_best_clauses_own_list():
    from assistant.answer.answerer import _introduces_list
    from assistant.answer.config import AnswerConfig
    from assistant.answer.context import Context
    from assistant.answer.forms import enumeration
    from assistant.answer.select import ScoredSentence
    from assistant.answer.sentences import split_sentences

    records = _records_105()
    context = Context(records)
    q = parse_question("第一次申请特殊工时的企业要准备哪些材料？")

    def scored(clause_id, index, value, position):
        hit = records[clause_id].hit(position + 1, 1.0)
        return ScoredSentence(hit, position, index, split_sentences(hit.text)[index], value, value, 0.0, value, value)

    first, intro = scored(3, 0, 0.83, 0), scored(3, 1, 0.77, 0)
    others = [scored(6, 0, 0.81, 3), scored(1, 0, 0.74, 1)]
    # The best clause ends by introducing its items: a heading naming the subject elsewhere does not replace them.
    assert _introduces_list(first, context) and not _introduces_list(others[0], context)
    answer = enumeration(q, [first, intro, *others], [first.hit, others[0].hit, others[1].hit], AnswerConfig(),
                         context, None, 0.8)
    labels = [c.label for c in answer.citations]
    assert "二、（二）、2、（1）" in labels and "二、（二）、3" not in labels, labels


def test_a_later_personnel_part_is_about_the_person_not_the_first_parts_post():
    from assistant.answer.forms import part_questions

    # 7月份市政府人事任免: the former post is in the 免去 list, the new one in the appointments; "这次又任了啥" is
    # about 徐霖森, not about the office the first part names.
    q = parse_question("徐霖森以前在五水共治那个办公室当什么？这次又任了啥？")
    later = part_questions(q)[1]
    assert later.names == ("徐霖森",) and later.action == "appoint"
    assert "五水共治" not in later.query and "办公室" not in later.words


def test_a_section_named_by_most_of_its_heading_is_not_replaced_by_one_ending_in_the_same_word():
    from assistant.answer.config import AnswerConfig
    from assistant.answer.context import Context
    from assistant.answer.forms import listed_section
    from index.store import ClauseRecord

    # 温政办〔2019〕47号: 二（二） lists its 5 规章项目 as items; 三 prints its 4 立法项目 in its own text.
    rows = [
        (("二",), "力争在本年度内完成的立法项目（8件）", ""),
        (("二", "（二）"), "需要制定、修订的规章项目（5件）", ""),
        *[(("二", "（二）", str(i)), None, f"制定《温州市第{i}号管理办法》（市某局起草）。") for i in range(1, 6)],
        (("三",), "需要进一步调研、论证，待条件成熟后提出的立法项目（4件）",
         "温州市互联网信息服务管理立法（市委网信办起草）；温州市雁荡山风景名胜区立法（市雁荡山管委会起草）；"
         "温州市电动车管理立法（市公安局起草）；温州市垃圾分类管理立法（市综合行政执法局起草）。"),
    ]
    records = [ClauseRecord(i, "x.txt", "x.txt", 0, "温政办〔2019〕47号", "立法工作计划", "normative", None, None, path,
                            "、".join(path), heading, "", text, str(i)) for i, (path, heading, text) in enumerate(rows)]
    context = Context(records)
    hits = [records[7].hit(1, 1.0), records[2].hit(2, 0.9)]
    q = parse_question("47号文里“需要进一步调研、条件成熟再提出”的立法项目一共几个？")
    assert listed_section(q, hits, context, AnswerConfig()) is None  # not 二（二）, named by 项目 alone
    assert listed_section(parse_question("47号文需要制定、修订的规章项目一共几个？"), hits, context,
                          AnswerConfig()).label == "二、（二）"


def test_a_document_set_as_the_scope_by_its_title_frames_every_clause():
    from assistant.answer.select import keyword_overlap, keyword_weights, scopes_title

    title = "国务院办公厅关于印发国家粮食应急预案的函"  # 国办函〔2005〕57号
    q = parse_question("粮食应急预案里，国家层面的粮食应急指挥部由谁挂帅当总指挥？")
    assert scopes_title(q.query, title)
    assert not scopes_title("五大战略性新兴产业分别是哪五个？", "温州市培育发展五大战略性新兴产业行动计划")  # the subject
    assert not scopes_title(q.query, "国务院办公厅关于印发“无废城市”建设试点工作方案的通知")
    # 2.1's roster line says who the 总指挥 is without repeating 预案: the scope the question sets counts for it.
    text = "总指挥：国家发展改革委主要负责人。"
    hit = ClauseHit(1, 1.0, 0, "国办函〔2005〕57号", title, ("2", "2.1"), "2.1", "国家粮食应急工作指挥部", text,
                    "x.txt", "国务院办公厅", None, "normative")
    plain = parse_question("粮食应急预案，国家层面的粮食应急指挥部由谁挂帅当总指挥？")  # the same words, no scope
    assert plain.words == q.words and not scopes_title(plain.query, title)
    weights = keyword_weights(q.words, [text])
    assert keyword_overlap(weights, text, hit, q) > keyword_overlap(weights, text, hit, plain)


def test_a_thing_compared_heads_a_clause_of_its_own():
    from assistant.answer.forms import _headed_by

    # 国家粮食应急预案 1.2.1 国家级（Ⅰ级）, 1.2.2 省级（Ⅱ级）: "国家级和省级…分别指什么情形".
    assert _headed_by("省级（Ⅱ级）", ["省级"]) and _headed_by("国家级（Ⅰ级）", ["国家级"])
    assert not _headed_by("总理召集和主持国务院全体会议和国务院常务会议", ["全体会议"])  # named in passing
    assert not _headed_by(None, ["省级"]) and not _headed_by("省级（Ⅱ级）", ["国家级"])


def test_ways_asked_are_the_items_listed_whatever_the_text_calls_them():
    from assistant.answer.forms import _item_kind

    assert _item_kind(parse_question("中央政府门户网站平时用哪些办法和网民交流互动？")) is None
    assert _item_kind(parse_question("试点选了哪些城市？")) == "城市"


def test_a_list_the_question_gives_is_not_the_list_it_asks_for():
    from assistant.answer.forms import _listness

    # 国函〔2018〕145号: the question names the three 高新区 itself; 一 lists the kinds of 区 they are to become.
    asked = parse_question("乌鲁木齐、昌吉、石河子高新区建设国家自主创新示范区，批复里要求建成哪些类型的“区”？").query
    given = "同意将乌鲁木齐、昌吉、石河子高新区建设国家自主创新示范区工作纳入国家自主创新示范区部际协调小组统筹指导。"
    listed = "努力把乌鲁木齐、昌吉、石河子高新区建设成为科技体制改革和创新政策试验区、创新创业生态优化示范区、科技成果转化示范区。"
    assert _listness(given, None, given=asked) == 0.0
    assert _listness(listed, None, given=asked) == 1.0
    assert _listness(given, None) > 0.0  # without the question, a list all the same


def test_the_part_asked_for_may_follow_a_modifier():
    from assistant.answer.forms import _asked_noun

    # 491号 二、优惠政策事项: "哪些财政上的优惠" asks for it as "哪些优惠" does.
    assert _asked_noun(parse_question("跟政府产业基金合作的基金和机构，能享受到哪些财政上的优惠？")) == "优惠"


def test_a_section_whose_items_open_with_the_verb_asked_lists_what_is_asked():
    from assistant.answer.forms import _headed_alike

    # 温政办〔2019〕49号 二、重点任务: （一）发展全科医疗 （二）发展特色专科 （三）发展精准医学 （四）开展医养融合 …
    items = [ClauseHit(rank=1, score=1.0, clause_id=i, doc_number="温政办〔2019〕49号", title="t", path=("二", f"（{i}）"),
                       label="", heading=h, text="…", source="s")
             for i, h in enumerate(("发展全科医疗", "发展特色专科", "发展精准医学", "开展医养融合", "发展中医药服务"))]
    assert _headed_alike(items, parse_question("市里支持社会力量办医，主要鼓励发展哪些类型的医疗服务？"))
    assert not _headed_alike(items, parse_question("市里支持社会力量办医，有哪些补贴？"))
    assert not _headed_alike(items[2:4], parse_question("主要鼓励发展哪些类型的医疗服务？"))  # two are no list


def test_a_heading_counting_its_clause_entries_makes_the_clause_a_list():
    from assistant.answer.forms import _counted_entries
    from answer_fixtures import make_hit

    # 温政办〔2019〕47号 三: the heading counts the "；"-separated entries of its text.
    heading = "需要进一步调研、论证，待条件成熟后提出的立法项目（4件）"
    entries = ("温州市互联网信息服务管理立法（市委网信办起草）；温州市雁荡山风景名胜区立法（市雁荡山管委会起草）；"
               "温州市电动车管理立法（市公安局起草）；温州市垃圾分类管理立法（市综合行政执法局起草）。")
    assert _counted_entries(make_hit((0, N47, "", ("三",), "三", heading, entries)))
    assert not _counted_entries(make_hit((0, N47, "", ("三",), "三", heading.replace("4件", "5件"), entries)))
    assert not _counted_entries(make_hit((0, N47, "", ("二", "（二）"), "（二）", "需要制定、修订的规章项目（5件）", "")))  # items below
    assert not _counted_entries(make_hit((0, N47, "", ("三",), "三", "注重科学民主立法", entries)))


def test_a_list_of_the_subject_asked_about_is_not_the_list_asked_for():
    from assistant.answer.forms import _listness

    # 温财企〔2019〕491号 一 lists who the policy covers (子基金、子基金管理机构、…、子基金合伙人); the question asks what
    # they get (好处), so the list of 子基金 kinds is no enumeration of it.
    q = parse_question("跟政府产业基金合作的子基金，能享受哪些财政上的好处？")
    covered = ("注册地在市区（功能区），与温州市政府产业基金的合作对象，具体包括政府产业基金子基金、子基金管理机构、"
               "子基金管理机构高管人员（每个机构给予不超过3个名额）、子基金合伙人。")
    asked_who = parse_question("政府产业基金的合作对象具体包括哪些？")
    assert _listness(covered, None, q.words, given=q.query) < _listness(covered, None, asked_who.words,
                                                                        given=asked_who.query) == 1.0
    # 温政办〔2019〕50号 二（二）4: "那些商圈…还有哪些" asks for 商圈 themselves.
    q = parse_question("市里规划的那些商圈，除了五马街那一带还有哪些？")
    districts = "重点打造五马-大南商圈、滨江商务区商圈、中央绿轴商圈、瓯海中心区商圈。"
    assert _listness(districts, None, q.words, given=q.query) > 0.0
