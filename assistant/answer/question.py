"""A question parsed once into a typed value that every later step of the answer stage reads.

The form says how to compose the answer (a named clause, an overview, an enumeration, a count, a yes/no rule, a
factoid, several parts); the kinds say which fact is asked for (amount, agency, date, permission, person); the
content words carry their official equivalents (index.synonyms); document and clause references, and the place and
time constraints, are parsed here too. Questions in traditional characters are converted to simplified ones first.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

# The kinds of answer a question asks for are shared with retrieval, which uses them as a prior.
from assistant.answer.segment import posseg, tokenizer
from assistant.answer.sentences import unspaced
from corpus.numbers import DECREE_NUMBER, DOC_NUMBER, YEAR_SERIAL, to_int
from index.answer_types import (  # noqa: F401 (re-exported for the answer stage)
    AGENCY, AMOUNT, DATE, EVIDENCE, KINDS, PERMISSION, PLACES, UNITS, has_evidence, question_kinds,
)
from index.query import Intent, analyze
from index.script import to_simplified
from index.synonyms import expand_word
from index.tokenize import SHORT_NUMBER, STOP_WORDS as INDEX_STOP_WORDS

# Question forms, each composed its own way (assistant.answer.compose).
CLAUSE, OVERVIEW, ENUMERATION, COUNT, YESNO, FACTOID, MULTI, OPEN = (
    "clause", "overview", "enumeration", "count", "yesno", "factoid", "multi", "open")
FORMS = (CLAUSE, OVERVIEW, ENUMERATION, COUNT, YESNO, FACTOID, MULTI, OPEN)
# A person named in a personnel list: 谁 together with an appointment or removal word.
PERSON = "person"
# What someone said at a meeting or in a speech ("致辞讲了些什么", "会议强调了什么"): news and meeting reports.
SPEECH = "speech"
_ASKS_SPEECH = re.compile(r"(?:讲了|讲的|讲话|说了|说的|谈了|谈到|提了|提出了|强调了?|指出了?|表示了?|评价|致辞)"
                          r".{0,12}(?:什么|哪些|啥|怎么|如何)|(?:怎么|如何|怎样)(?:评价|说|号召|呼吁|倡议)"
                          r"|(?:什么|哪些|啥)(?:号召|呼吁|倡议)|(?:号召|呼吁|倡议)[^？?]{0,16}(?:什么|哪些|啥)")
# A verb a report introduces what was said with, named by the question ("全会号召，…", "会议强调了什么"): the sentence
# it introduces is what is asked, not another that only reports the meeting.
# Not 要求 as a noun: "提了哪些要求" asks what was said, however introduced; "“三红”要求，" introduces nothing.
_SPEECH_VERB = re.compile(r"号召|呼吁|倡议|强调|指出|(?<!哪些|什么|几点|几条|提了|提出|出了)(?<!的)要求")
_INTRODUCED_BY = {verb: re.compile(rf"(?<![”的等]){verb}[，,：:]") for verb in "号召 呼吁 倡议 强调 指出 要求".split()}
# A district or county asked ("搬到了北京哪个区", "去哪个县督查"): only a sentence naming one answers; a city or a
# province ("商北京市政府…办理") does not say which district. Not 地区, 社区, 园区, 市区, 试验区: kinds of area, no name.
LOCALITY = "locality"
_ASKS_LOCALITY = re.compile(r"哪(?:一)?个?(?:区县|区|县)(?![域级委别分划])|什么(?:区|县)(?![域级委别分划])")
_LOCALITY = re.compile(r"[\u4e00-\u9fa5]{1,4}[^\W地社园景城市辖片小验范能级]区(?![域级])|[\u4e00-\u9fa5]{2,4}县(?![域级])")
# Where something is held, built or moved to ("启动仪式在哪个场馆举行", "搬到哪里去了", "新址具体在什么地方", "建在哪儿"):
# only a sentence saying where answers ("在温州召开", "赴衢州市参加", "在浙南产业集聚区谋划建设"); one that only says the
# event took place or the move was approved ("同意…迁址新建") does not.
VENUE = "venue"
_ASKS_VENUE = re.compile(r"(?:搬|迁)(?:到|至|往)了?(?:哪里|哪儿|哪|什么地方)|建在(?:哪|什么地方)"
                         r"|新址[^，。？?]{0,4}在[^，。？?]{0,4}?(?:哪|什么地方)"
                         r"|具体位置|[哪几][栋幢座]楼|(?:哪个|什么)场馆")
_VENUE = re.compile(r"位于|坐落|地址|地点|选址|所在地|驻地|迁至|迁往|迁到|迁入|搬到|搬入|搬迁至|入驻|进驻|落户|建在|设在|前往"
                    r"|赴[\u4e00-\u9fa5]{2,8}"
                    r"|[在于到][^，。；：！？\s]{1,20}?(?:举行|召开|举办|开幕|开班|建设|谋划|设立|布局|调研|考察|检查|督查"
                    r"|视察|参加|出席)"
                    r"|[\u4e00-\u9fa5]街|[馆堂厦岛]|宾馆|酒店|饭店|广场|号楼")
# The system, website, platform or counter where something is done, asked by name ("在哪个系统申报", "网址是什么",
# "到哪个窗口交"): only a sentence naming one answers ("通过温州产业政策奖励兑现系统…申报", "国家企业信用信息公示系统");
# a rule that only says something may be applied for does not say where.
CHANNEL = "channel"
_ASKS_CHANNEL = re.compile(r"(?:哪个|哪些|什么|哪一个|哪家)(?:网上|网络|线上)?(?:系统|网站|平台|APP|app|小程序|公众号|窗口)|网址")
_CHANNEL = re.compile(r"系统|网站|平台|网址|网上|https?://|www\.|\.gov\.cn|APP|app|小程序|公众号|微信|支付宝|窗口")
# What happens to whoever breaks a rule ("会被怎么处罚", "罚多少", "有什么后果"): the penalty clause, not the rule.
PENALTY = "penalty"
_ASKS_PENALTY = re.compile(r"处罚|罚款|罚多少|要罚|会被罚|怎么罚|法律责任|什么后果|会怎么样")
_PENALTY = re.compile(r"罚款|警告|责令|吊销|没收|处分|追究.{0,6}责任|停业|取缔")
# "49号文讲了什么", "三（九）说的是什么": what a text says, not a speaker.
_TEXT_SAYS = re.compile(r"(?:\d号|文章|文|文件|通知|意见|方案|计划|办法|细则|条例|规定|条|款|项|部分|[）)]"
                        r"|答复|复函|批复|通报|报告|决定)(?:里|中)?[，,]?(?:主要|大概|大致|都|具体|最后|还)?(?:对[^，,。？?]{1,6})?"
                        r"(?:讲|说|提)")
_SAYS = re.compile(r"(?<![”的等])(?:说|表示|指出|强调|要求|认为|提出|希望|号召|呼吁|倡议)[，,：:]|(?:讲话|致辞)中")

# The keyword index's stop words, plus words that carry no content in a question to be answered.
STOP_WORDS = INDEX_STOP_WORDS | frozenset(
    "您 那么 还有 拿 给 可不可以 能不能 可否 规定 政策 文件 公报 一个 多久 什么时候 何时 谁 哪 哪家 部门 单位 怎么办 万元 亿元 元 个 家 人 张 年 倍 另外 此外 如果 具体 所有 分别 各自 的话 一样 自己 现在 以后 同时 其他 别人 很多 是不是 有没有 "
    "哪几 几个 几项 几件 到底 究竟 一共 总共 共有 讲了 讲 内容 主要 包括 包含 有关 相关 月份 年份 原来 原先 之前 以前 此前 "
    "干什么 做什么 干啥 已经 就要 这边 那边 这里 那里 别的 市里 咱们 我们 你们 人家 这些 那些 这种 那种 一带 附近 "
    "这块 那块 一块 方面 打算 准备 听说 有个 百分之 真的 他们 她们 它们 大家 有人 不到 "
    "或者 要是 当年 那会儿 这回 这次 那次 而且 但是 可是 只是 平时 是从 "
    # adverbs jieba's dictionary tags as nouns ("一个社团起码得有多少成员"): no topic the text must print
    "起码 好歹 基本上".split()
)
_NUMERIC = re.compile(r"^[\d.．,，%％]+$")
_PUNCT = re.compile(r"^[\W_]+$", re.UNICODE)

# The user's own figures: "6000万元", "1.5亿元", "50万".
USER_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(亿元|万元|亿|万|元)")

# Form cues. A count asks how many things there are; an enumeration which ones; an overview what a document or a
# topic provides as a whole; a yes/no question whether something is allowed or so.
_COUNT = re.compile(r"(?:一共|总共|共|合计)(?:有|是)?(?:几|多少)(?![十百千万亿]*元|钱|[万亿])"  # "一共多少钱" is a sum
                    r"|(?<!哪)(?:几|多少)(?:件|份|项|条|类|批|名干部|位)(?!工作日)(?:文件|事项|措施|政策|任务|项目|干部)?"
                    # "增强几种意识", "立法项目有几个？": the kinds named, or the things named before, counted (not
                    # "排第几个", nor "各建了几个": each one's figure)
                    r"|(?<![哪各第])几种|(?<![哪各第])(?<!各[\u4e00-\u9fff])(?<!各[\u4e00-\u9fff]{2})几个(?=[？?]*$)")
_ENUM_N = re.compile(r"哪([0-9一二三四五六七八九十两]+)(?:个|项|类|方面|家|条|种|大)|哪([2-9]|[二三四五六七八九十两])(?=[\u4e00-\u9fff])")
# "要制定的5件规章是哪些", "五大重点任务有哪些": an enumeration that states how many things it asks for.
_STATED_N = re.compile(r"(?<![\d.第])([0-9]{1,2}|[一二三四五六七八九十两]{1,2})(?:件|项|类|个方面|方面|大|条|种)(?=[^\d，,。？?]{2})")
_ENUMERATION = re.compile(r"哪些|哪几|有几类|包括什么|包括哪|包含哪|有什么(?:条件|要求|材料|渠道|措施|任务|方式|途径|内容)"
                          r"|需要什么(?:条件|材料)|什么条件|哪.{0,4}渠道"
                          r"|(?:什么|哪些)(?:材料|手续|证件|资料)|(?:材料|手续|资料)(?:要|需要|得)?(?:准备|提交|交|带)(?:什么|哪些)")
# Where the clause asking for a list ends: a comma or semicolon as in _CLAUSES, and a sentence end too (the "5" of
# "我们有5个人。都要交哪些材料？" counts no list).
_CLAUSE_END = re.compile(r"[，,。；;？?！!]")


def _stated_count(question: str) -> re.Match | None:
    """The number the clause asking for the list states ("5件规章是哪些"); one stated in another clause names
    something else ("五大战新产业招商时要建一个…目录库，里面都收哪几类企业")."""
    cue = _ENUMERATION.search(question)
    if cue is None:
        return None
    start = max((m.end() for m in _CLAUSE_END.finditer(question, 0, cue.start())), default=0)
    end = m.start() if (m := _CLAUSE_END.search(question, cue.end())) else len(question)
    return _STATED_N.search(question, start, end)


# What a document is called by ("47号文", "那份通知"), and asked what it is for ("这个通知主要是干什么的").
DOCUMENT_NOUNS = "文|文件|文章|通知|意见|方案|计划|办法|细则|条例|决定|批复|预案|号"
ASKS_PURPOSE = rf"(?:{DOCUMENT_NOUNS})(?:主要|大概|大致)?是?(?:干|做|管)(?:什么|啥)的"
_OVERVIEW = re.compile(r"(?:有|给|提供|享受|享有|拿到?)(?:什么|哪些|啥)(?:补贴|补助|奖励|扶持|支持|优惠|政策|措施|文件|规定)"
                       r"|(?:讲|说|规定|写)(?:了|的是|的)?些?(?:什么|啥)|主要内容|什么内容|是什么内容|有哪些(?:文件|规定|政策)"
                       r"|(?:主要|大概的?|大致的?)意思"
                       rf"|{ASKS_PURPOSE}"
                       r"|(?:任免|任命|免去)了哪些|都有什么|有什么(?:新)?(?:政策|规定|要求)")
_CLAUSE_ASK = re.compile(r"规定了什么|讲了什么|说了什么|写了什么|是什么|什么内容|内容|全文|原文|(?:怎么|怎样|如何)(?:规定|说|写)")
# What each of several things is ("分别聚焦什么", "各是什么").
_EACH_ASKED = re.compile(r"(?:分别|各自|各)(?:是|为|聚焦|指|叫|有)?(?:什么|哪些|哪几|啥)")
# Two questions in one: a second question mark, "；", or "分别" over a list ("A和B分别由谁起草").
_SEVERAL = re.compile(r"[？?；;].+[？?]?\s*$|分别|以及|各自|各是|各为")
# (那 as "then", not the demonstrative: "…，那个通知后面附了几个附件" is one question.)
_PART_SPLIT = re.compile(r"(?<=[？?；;])|(?:，|,)(?=(?:另外|还有|以及|同时|那(?![个些份条种项里儿边样位家次时年阵会])|并且)[^，,]{2,})")
# Appointment and removal words: the two halves of a personnel list (任免), which must not be confused.
APPOINT = re.compile(r"任命|担任|兼任|新任|出任|当上|当了|接任|接替|换成|(?<![免主专副责信])任(?![务何意期性])")
REMOVE = re.compile(r"免去|免职|免了|撤职|卸任|不再担任|被免")
# The attachments of a document asked for as such ("有几个附件", "附件有哪些", "附件是什么", "后面附了几张表"), not one
# attachment's content.
_ATTACHMENTS = re.compile(r"附件(?:一共|总共|共|都|分别)?(?:有|是)?(?:几|多少|哪|什么)|(?:几|多少)[个份]附件"
                          r"|(?:哪些|哪几个?|什么)附件|有附件吗|有没有附件|带附件吗|附(?:了|的|有)(?:几|多少)?[个张份]?表")
# "由哪些单位审核": agencies asked for in the plural (index.answer_types knows the singular forms).
_AGENCY_PLURAL = re.compile(r"哪些(?:单位|机构|部门|地方|组织)|哪几个(?:部门|单位)")
# "几个执业医师", "几大重点任务": a count; not "这几个…", "十几个员工".
_HOW_MANY = re.compile(r"(?<![这那十百千])(?:几大|(?:几|多少)[个名家张项位所条件人次]?)")
# "有哪些文件", "一共几件规范性文件": the documents themselves are asked for.
# Not kinds of documents a rule sorts ("哪些文件不用纳入…审核范围", "哪些文件需要备案"): what follows says what is done
# with them.
_DOCUMENTS = re.compile(r"(?:(?:哪些|哪几|几件|几个|几份|多少件|多少份|多少个|什么)(?:规范性)?(?:文件|政策文件)"
                        r"|文件(?:有哪些|有几|都有))"
                        # which documents a rule applies to ("…文件有哪些是不纳入审核范围的"): a question of the text
                        r"(?![^，,。？?]*?(?:不用|不需|无需|不纳入|不属于|需要|须|应当|应该|必须|可以|能否|能不能))")
_ISSUE = re.compile(r"第\s*(\d{1,4})\s*期")
# A number or a demonstrative with its measure word ("几个", "一台", "两家", "那条"): how many, "a" or "that", never
# a topic.
_HOW_MANY_TOKEN = re.compile(r"^(?:几|多少|[一两三四五六七八九十]+|[这那该此])[个名家张项位所条件人次部批台辆套间座笔本栋幢户只]$")
# Question phrases jieba keeps as one word: they ask, they name nothing ("多长时间", "去哪", "好几家", "认不认", "几号").
_ASKING_TOKEN = re.compile(r"^(?:多(?:长|久|大|高|远|快|重)|(?:好|这|那)几|[去到在从]?哪|啥|咋|怎)|^(.)不\1$|^几[号月日点时]$")
# Adjectives of a "多大/多长/多高…" question that jieba may fuse with the noun after them.
_MEASURE_ADJECTIVES = frozenset("大长高远重宽深厚")
_CLAUSES = re.compile(r"[，,；;？?]")
_PEOPLE_COUNT = re.compile(r"(?:几|多少)个?(?:人|名)")
_PERSON_ASK = re.compile(r"谁|哪(?:[0-9一二三四五六七八九十两几]+)?位|哪些人|什么人|哪些干部|名单")
# A post or title printed right before a name ("全国工商联主席高云龙", "副市长汪驰").
POST_BEFORE_NAME = r"(?:长|书记|主任|委员|主席|专员|队长|总理|部长|厅长|院士|同志|秘书)"
# "高云龙是什么身份", "汪驰是谁": who a named person is, which the title printed before the name says.
_IDENTITY = re.compile(r"^([\u4e00-\u9fa5]{2,4}?)(?:同志)?(?:到底|究竟)?是(?:什么身份|什么人|谁|什么职务|什么官|干什么的|什么来头|哪个单位的)")
# A former post asked about: what a personnel list's 免去 half prints.
FORMER = re.compile(r"原来|原先|之前|以前|此前|原任|不再(?:当|担任|任)")
# A new post asked about: what a personnel list's appointment half prints.
LATER = re.compile(r"新任|新职|现任|改任|调任|转任|后来|调去|调到|安排到|安排去")
POST_ASK = re.compile(r"职务|什么职|干什么|干啥|做什么|任职|什么官|当什么|当的是什么|当领导|(?:调|安排|派)(?:到|去|往)了?哪")


def _asked_phrase(question: str) -> str:
    """The phrase that asks for a post, when the question also names the person's other one; else the question."""
    phrases = re.split(r"[，,。？?！!；;]", question)
    asking = [p for p in phrases if POST_ASK.search(p) and (FORMER.search(p) or LATER.search(p))]
    if len(asking) == 1 and FORMER.search(question) and LATER.search(question):
        return asking[0]
    return question


_PERSONNEL_WORD = re.compile("|".join(p.pattern for p in (APPOINT, REMOVE, FORMER, LATER, POST_ASK)))


@dataclass(frozen=True)
class Question:
    """What every step of the answer stage reads; built once per question by parse_question()."""

    text: str  # as asked, stripped
    query: str  # simplified characters, follow-up rewritten: what retrieval and scoring see
    form: str  # one of FORMS
    kinds: frozenset[str]  # kinds of fact asked for (index.answer_types, plus PERSON)
    words: tuple[str, ...]  # content words (jieba precise cut, no stop words, figures or single characters)
    equivalents: tuple[tuple[str, tuple[str, ...]], ...]  # each content word's official equivalents
    intent: Intent = field(default_factory=Intent)  # documents and clauses the question names
    parts: tuple[str, ...] = ()  # sub-questions of a multi-part question
    count: int | None = None  # N of "哪N个"
    action: str | None = None  # "appoint" | "remove" for personnel questions
    traditional: bool = False  # the question was written in traditional characters
    measured: tuple[str, ...] = ()  # what a "几个/多少" question counts ("几个执业医师" -> 执业, 医师)
    attribute: tuple[str, ...] = ()  # what a figure is asked of ("报名费是多少" -> 报名费)
    asks_issued: bool = False  # "…是什么时候印发的": the date a document was signed, printed after its text
    asks_attachments: bool = False  # "…有几个附件", "附件有哪些": what a document attaches
    asks_validity: bool = False  # "有效期到什么时候", "还有效吗": until when the document holds
    asks_materials: bool = False  # "要交哪些材料": the papers an application takes
    asks_conditions: bool = False  # "需要满足哪些条件": the conditions something takes
    names: tuple[str, ...] = ()  # people the question names ("沈显克")
    documents: bool = False  # asks which documents (文件) there are, not what one says
    issue: str | None = None  # the gazette issue named ("第203期" -> "203")
    identity: str | None = None  # the person whose post or title is asked ("高云龙是什么身份" -> 高云龙)
    post: str | None = None  # the post whose holder is asked ("总指挥由谁担任" -> 总指挥)
    scene: tuple[str, ...] = ()  # words only of clauses that ask nothing ("家旁边工地天天夜里施工，…谁来起草？")
    defined: str | None = None  # the term whose meaning is asked ("“消费扶贫”是什么意思" -> 消费扶贫)
    regulation: str | None = None  # a regulation whose content is asked ("养犬管理条例规定…" -> 养犬管理条例)
    # What a sentence must print to hold the figure or date asked (has_fact reads these for every sentence scored):
    unit: re.Pattern | None = None  # figures in the unit asked ("多少钱": a sum of money), None for any figure
    ceiling: bool = False  # a ceiling is asked ("最多能贷多少"): only a figure stated as one answers
    milestone: re.Pattern | None = None  # the milestone whose date is asked ("什么时候开通"), stated with it
    how_often: bool = False  # "多久开一次": a frequency, not the date of one occurrence
    duration: bool = False  # "多长时间出结果": a length of time
    counted_time: bool = False  # "多少天", "几个工作日": a length of time counted in a unit
    frequency: bool = False  # "多久": a frequency answers too
    when_allowed: bool = False  # "什么时候可以申请": once something is done answers
    deadline: bool = False  # "最晚什么时候要办完": a date something is due by, not one something happened on
    next_step: bool = False  # "跟工会协商好了，接下来去哪个部门申请": what follows a step the asker has done
    stacking: bool = False  # "同时符合两条，能两份都拿吗": whether two benefits are had together
    act: str | None = None  # what the person asked for did at an event ("是谁主持的": 主持)

    def alternatives(self, word: str) -> tuple[str, ...]:
        return dict(self.equivalents).get(word, ())

    @property
    def several(self) -> bool:
        return len(self.parts) > 1 or bool(_SEVERAL.search(self.query.strip().rstrip("？?。！! ")))

    @property
    def focus(self) -> str:
        """The clause of the question that asks (the last one): "工地施工噪音扰民，市政府今年有相关立法吗？" asks
        about 立法; the clause before it only sets the scene. A last clause without a content word of its own
        ("…听说有个“三改一整”，具体是改哪些？") asks about the one before it."""
        pieces = [p for p in _CLAUSES.split(self.query.strip().rstrip("？?。！! ")) if p.strip()]
        for i in range(len(pieces) - 1, -1, -1):
            if any(w in pieces[i] for w in self.words):
                # A clause before it naming the document it asks of ("…的批复中，示范区的区域范围怎么确定") is
                # part of what it asks.
                while i > 0 and _IN_DOCUMENT.search(pieces[i - 1]):
                    i -= 1
                return "，".join(pieces[i:])
        return pieces[-1] if pieces else self.query

    @property
    def factual(self) -> frozenset[str]:
        """Kinds naming a specific fact (not just whether something is allowed; whether two benefits are had
        together is: the rule on it)."""
        return self.kinds if self.stacking else self.kinds - {PERMISSION}


# "《…》里", "…的批复中", "47号文件里": a document named as where to look.
_IN_DOCUMENT = re.compile(r"(?:》|号|号文|文件|通知|批复|复函|意见|方案|规定|办法|条例|计划|决定)(?:中|里|里面|当中)$")


# Facts index.answer_types does not recognize in running text: "每5年", "6月底前", "102.1" (an index value).
_MORE_EVIDENCE = {
    # or written in Chinese numerals ("一九八〇年九月一日")
    DATE: re.compile(r"\d{1,2}月(?:底|末|中旬|上旬|下旬)|年底前|月底前|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月"),
    AMOUNT: re.compile(r"\d+\.\d+|[两三四五六七八九十]+(?:个|项|家|名)|[一二三四五六七八九十]分之[一二三四五六七八九十]"
                       r"|半数|\d+\s*周?岁|不设[上下]限|不受(?:数量|比例|名额)?限制"
                       # a round magnitude is a figure without a digit ("一批亿元以上…项目": one hundred million or more)
                       r"|(?:亿|千万|百万)元(?:以上|以下|级)"),
    # Bodies named without a place ("卫生健康部门", "…发展工作领导小组"), national ones by name where they act or are
    # listed ("国家信访局都及时报送"; not "国家卫生健康委满意度调查平台", a thing named after one), and places listed
    # ("瑞安市、乐清市").
    AGENCY: re.compile(r"[\u4e00-\u9fa5]{2,8}(?:部门|小组|工作组)"
                       r"|国家[\u4e00-\u9fa5]{1,8}?(?:总局|局|委员会|委|署)(?=[、，,。；;和及与等都将要已会应负牵同按依对向在于]|$)"
                       r"|[\u4e00-\u9fa5]{2,4}[市县区](?=[、，,和及])"),
}


# How many times something happened ("发生了多少次地震", "开了几次会"; not "第几次会议").
ASKS_TIMES = re.compile(r"(?<!第)(?:多少|几)次")
# A figure asked in a unit ("多少钱", "百分之几", "几倍", "多少分"), and the figures that answer in it. A question asking
# "多少" without one takes any figure. Stricter than coverage.ASKED_UNITS, which decides whether the clauses found say
# anything of the sum at all (that it is free, or masked as "XXX元"): here a sentence must print the figure itself.
# A number in figures or in Chinese numerals (coverage.py reads figures with it too).
NUMERAL = r"(?:\d[\d,.]*|[零〇一二三四五六七八九十百千万两]+)"
_ASKS_GRADES = re.compile(r"(?<![第哪])(?:几|多少)(?:级|个?等级|个?级别)")
_ASKS_KINDS = re.compile(r"(?<![第哪])(?:几|多少)[类种档]")
_UNITS_ASKED = (
    # or a sum named by what it pays ("能拿到多少搬迁补偿", "补贴标准是多少"), not a count of them ("多少项补贴")
    (re.compile(r"多少钱|多少块|几块钱|(?:多少|几)[十百千万亿]*元|(?:多少|几[十百千万]+)(?![项个类种条家批次人])[\u4e00-\u9fff]{0,3}?"
                r"(?:补偿|补助|补贴|奖金|奖励金|安家费|工资|租金|保费)(?!比例|标准|期|年|政策)"
                r"|(?:补偿|补助|补贴|奖金|安家费|工资|租金|保费)(?:标准|金额|额度)?(?:是|为|有|能给|给|能拿|能领)?多少(?![人个项家次天年月])"),
     # or a share of a sum ("按不低于采购金额的30%预付"), or a table's figure whose unit is in its heading ("（亿元）")
     re.compile(rf"{NUMERAL}\s*[十百千万亿]*(?:多|余)?元|\d+(?:\.\d+)?\s*[%％]|\d+\.\d+")),
    # or a ratio asked ("贴息比例是多少"), which a share states ("按1:1比例"), not a sum ("贴息贷款近80亿元")
    (re.compile(r"百分之(?:几|多少)|几个(?:百分)?点|多少个?百分点|几成|(?:比例|比率|占比|百分比|增速|增幅|涨幅)(?:是|为|有|大概)?(?:多少|几)"),
     re.compile(rf"\d+(?:\.\d+)?\s*[%％]|百分之|个百分点|{NUMERAL}成|分之|减半|一半|\d+\s*[:：比]\s*\d+")),
    (re.compile(r"(?:多少|几)倍"), re.compile(rf"{NUMERAL}\s*倍|翻(?:一|两|几)?番")),
    # A figure a month ("每个月能扣多少"): one stated a month ("扣除标准为每月1500元", "按月…"), not "一个纳税年度".
    (re.compile(r"每个?月[^，,。？?]{0,10}?(?:多少|几)(?![个项次天年月])"),
     re.compile(rf"(?:每个?月|按月|月均)[^，。；]{{0,12}}?{NUMERAL}|{NUMERAL}[^，。；]{{0,6}}?/月")),
    (re.compile(r"多少分(?![钟之])"), re.compile(rf"{NUMERAL}\s*分(?![钟之])")),
    # Grades and kinds ("分成几级", "抗御几级地震", "分几类"): a figure in the same measure word ("两级", "6级左右").
    # A grade may be named by where it stands ("直接赋予最高信用等级"), or the grades listed ("分为初级、中级、高级").
    (_ASKS_GRADES, re.compile(rf"{NUMERAL}\s*级|最[高低][^，。；]{{0,6}}?等级|[\u4e00-\u9fff]{{1,2}}级、[\u4e00-\u9fff]{{1,2}}级")),
    (_ASKS_KINDS, re.compile(rf"{NUMERAL}\s*个?[类种档]")),
    (ASKS_TIMES, re.compile(rf"{NUMERAL}\s*次")),
    # A count of years ("最长能分几年交清", "补助多少年"): a number of years ("3年内", "三年"), not a year ("2019年");
    # not "这几年", "今后几年", "过几年" (a few years).
    (re.compile(r"(?<![哪十这那后过好])(?:多少|几)个?年(?![级代前后])"),
     re.compile(r"(?<!\d)(?:\d{1,2}|[一二三四五六七八九十两半]+)\s*个?(?:周年|年)(?!代|级)")),
    # A rank ("在全国算第几个", "排第几"): first ("全国首个", "率先"), or an ordinal.
    (re.compile(r"第几(?:个|名|位|家|批)|排(?:名|在)?第几|排名(?:多少|第几)"),
     re.compile(rf"首[个家批位座例]|第{NUMERAL}\s*[个名位家批]|唯一|率先")),
)


# A ceiling asked ("最多能贷多少", "最高补多少", "有没有上限"), and a figure stated as one ("最高不超过50万元", "只能担任
# 一个", "10%以内", "不能超过每月1000元"); a total ("已经发放…超过157亿元") or a limit word without a figure ("最多跑一次") is none.
_ASKS_LIMIT = re.compile(r"(?:最多|最高)(?:能|可以?|给|补|贷|拿|领|奖|报|扣|收|交|罚|不能|不得)|上限|封顶|最高额度|最大额度")
_LIMIT = re.compile(r"(?:最高|最多|最大|上限|封顶|不[能得应可]?(?:超过|高于|多于)|至多)(?:(?:不[能得]?超过|为|是|达|可达|可)?\s*"
                    r"[一二两三四五六七八九十百千]|[^，。；]{0,30}?\d)|(?:只能|仅限|只限)[^，。；\d]{0,4}?(?:\d|[一二两三四五六七八九十])"
                    r"|(?:\d|[一二两三四五六七八九十])[^，。；]{0,8}?(?:以内|以下|为限)|不设[上下]限|不受.{0,4}限制")


ASKS_SUM, _SUM = _UNITS_ASKED[0]  # a sum of money asked, and what answers it


# A sum asked per person or per thing ("每张床位补贴多少钱", "每签约一个居民", "每人多少"): answered by a figure stated
# per unit ("按门诊每人次4元", "每个子女每月1000元", "生均…12000元", "10万元/年"), not by a lump sum ("给予50万元").
_PER_ITEM = re.compile(r"每(?:一|[两三])?(?:个(?![月年季星周工小])|张|位|名|家|户|件|台|人|床)|每(?:签约|招|聘|培养|引进)一")
_STATED_PER = re.compile(r"每|/|均|人次|床日")
_SUM_PER_UNIT = re.compile(rf"(?s)^(?=.*(?:{_STATED_PER.pattern}))(?=.*(?:{_SUM.pattern}))")


def _asked_unit(query: str) -> re.Pattern | None:
    """The figures that answer a question asking a figure in a unit, or None when it names none."""
    answers = next((answers for asks, answers in _UNITS_ASKED if asks.search(query)), None)
    return _SUM_PER_UNIT if answers is _SUM and _PER_ITEM.search(query) else answers


# "要交哪些材料", "需要准备什么证明": the papers an application takes, which a text lists as such ("申请材料包括：",
# "…申请表原件", "提交有关材料") or not at all.
_ASKS_MATERIALS = re.compile(r"(?:哪些|什么|啥|哪几样|几样|哪几种)(?:申请|申报|备案|审批|证明)?(?:材料|资料|证件|证明)"
                             r"|(?:材料|资料)(?:要|需要|得)?(?:准备|交|带|提交|提供|报送|有|是)?(?:哪些|什么|啥)")
MATERIALS = re.compile(r"材料|资料|申请表|登记表|原件|复印件|证明|证件")
# "需要满足哪些条件": the conditions, which a text states ("应当具备下列条件：", "注册地和实际经营地均在本市", "年满18周岁")
# or only refers to ("将符合条件的社会办医疗机构纳入医保定点范围", "制定新业态企业认定办法"): those state none.
_ASKS_CONDITIONS = re.compile(r"(?:什么|哪些|啥|哪几[条项个])(?:具体|基本|申请|申报|审批|准入|认定|资格)?条件"
                              r"|条件(?:是什么|有哪些|是啥)")
CONDITIONS = re.compile(r"[下以如]列条件|以下条件|条件[：:如为包]|应当|应[具有符满达取经在按由]|必须|须[具有符满达取经在]"
                        r"|需[具有符满达取经在]|不得|前提|年满|满\d|不低于|不少于|至少|具有"
                        r"|具备(?!条件)|取得|持有|均在|限于")


# "有效期到什么时候", "这政策什么时候到期", "现在还有效吗", "管到哪一年": until when a document holds.
_ASKS_VALIDITY = re.compile(r"有效期|(?:什么时候|何时|哪天|哪年|哪一年|几时)(?:到期|截止|失效|结束|为止)|还有效|"
                            r"(?:到期|过期|失效)了?(?:吗|没)|(?:管|执行|实施|施行|有效)到(?:哪|什么时候|何时|几)")
# A validity asked of a licence or permit the document grants ("行政许可的有效期", "许可证有效期是几年", "行政许可批下来
# 以后，有效期是几年"), not of the document: the licence is named before it, and no document in between.
_OWNED_VALIDITY = re.compile(r"(?<![号文])(许可证?|执照|证书|证件|资格|签证|批文|备案)"
                             r"(?:(?!通知|文件|政策|意见|办法|细则|规定|方案|计划|条例|决定)[^。？?；;！!]){0,12}?有效期")
# What a body is charged with ("负责哪些工作", "承担什么任务"), as against who is ("由谁负责", "哪个部门牵头").
_ASKS_DUTIES = re.compile(r"(?:负责|承担|主管|牵头)(?:的)?(?:哪些|什么|啥)")
_ASKS_WHO = re.compile(r"谁|哪个|哪些(?:部门|单位)|哪家|什么(?:部门|单位|机构)|找哪|向哪")
# "50号是什么时候印发的", "发文日期": when a document was issued.
_ISSUED = re.compile(r"印发|发布|出台|发文|签发|成文|下发|公布|颁布")
# Not a length of time: "多长时间内公布" asks a time limit, not when something was published.
_WHEN = re.compile(r"什么时候|何时|哪天|哪一天|哪年|几月|几号|日期|(?<!多长)(?<!多少)时间")
# "每5年": how often, the answer to "多久检查一次" but not to "什么时候开始".
FREQUENCY = re.compile(r"每(?:\d+|[一两三半])?个?(?:年|月|季度|季|周|天|日)")
_HOW_OFTEN = re.compile(r"一次|每隔|频次|周期")
_ASKS_FREQUENCY = re.compile(rf"多久|多长时间|{_HOW_OFTEN.pattern}")
# ("隔多久会来检查" asks how often as "多久检查一次" does.)
_ASKS_HOW_OFTEN = re.compile(r"(?:多久|多长时间|几[年个月天周]|多少[年天]).{0,8}一次|频次|频率|每?隔多")
# A project's milestone asked a date of ("什么时候开通", "哪天动工"), and the verbs that state it; a verb naming an
# agreement or a plan about it ("运营合作协议", "开工方案") states no milestone, nor one naming its day without giving
# it ("自口岸启用之日起至2047年6月30日止").
_MILESTONES = tuple((re.compile("|".join(verbs)),
                     re.compile(f"(?:{'|'.join(verbs)})(?!合作|协议|合同|方案|计划|仪式|准备|之日|当日|那天)"))
                    for verbs in (("开通", "通车", "运营", "投运", "投入运营", "投入使用", "启用", "开业"),
                                  ("开工", "动工", "开建", "破土"),
                                  ("投产", "发电", "并网")))


# Steps of a procedure a date is asked of in the same clause ("奖励资金什么时候拨到位", "每年什么时候申报"), and the
# verbs that state it: a policy's period of application ("适用于2019年1月1日至2023年12月31日") dates neither.
_STEPS = tuple((re.compile(asks), re.compile(states)) for asks, states in (
    (r"拨付|拨到|到账|到位|发放|发钱|兑现|打款", r"拨付|拨|发放|兑现|到账|支付|下达"),
    (r"申报|申请|报名|提交|报送|上报", r"申报|申请|报名|提交|报送|上报|受理")))


def _asked_milestone(query: str) -> re.Pattern | None:
    """What states the milestone a question asks the date of, or None when it asks none."""
    if not _WHEN_ASKED.search(query):
        return None
    found = next((states for asks, states in _MILESTONES if asks.search(query)), None)
    if found is not None:
        return found
    asking = [c for c in _CLAUSES.split(query) if _WHEN_ASKED.search(c.replace("第几号", ""))]
    return next((states for asks, states in _STEPS if any(asks.search(c) for c in asking)), None)


# A date something is due by ("最晚什么时候要办完", "截止时间是什么时候"), and the dates that state one ("6月底前",
# "截至", "30日内").
_ASKS_DEADLINE = re.compile(r"(?:最晚|最迟)[要得在于到]?(?:什么时候|何时|哪一?天|哪一?年|几月|啥时候|什么时间)"
                            r"|(?:什么时候|何时|哪一?天|几月|啥时候|什么时间)(?:之前|以前|前)"
                            r"|截止(?:时间|日期)?是?(?:什么时候|何时|哪一?天|几号|几月)")
DEADLINE = re.compile(r"(?:年|月|日|号|底|末|旬|季度)(?:之前|以前|前|为止)|[日天月年]内|截至|截止|不迟于|不晚于|最迟|最晚")
_WHEN_ASKED = re.compile(r"什么时候|何时|哪一?天|哪年|几月|几号|什么时间|啥时候")
# "多长时间出结果": a length of time is asked, which "有效期" or a date does not state, nor a frequency ("每5年开展一次
# 检查" says how often). "多少日内" as "多少天" ("几月几日" asks a date).
_ASKS_DURATION = re.compile(r"多长时间|多久|几天|多少天|多少个?日|(?<![月哪])几个?日|几个?工作日|多少个?工作日|时限")
_DURATION = re.compile(r"(?<![\d.月每])(?:\d{1,3}|[一二三四五六七八九十两]+)\s*(?:个?(?:年|日|天|工作日|小时|周)|个月)"
                       # or the period itself, from one date to another ("1997年4月―1998年2月")
                       r"|\d{4}年\d{1,2}月(?:\d{1,2}日)?\s*(?:至|到|[―—–-])\s*(?:\d{4}年)?\d{1,2}月")

_ASKS_DAYS = re.compile(r"(?:多少|(?<![月哪])几)个?(?:天|日|工作日|小时)")
_DAYS = re.compile(r"(?<![\d.月每])(?:\d{1,3}|[一二三四五六七八九十两]+)\s*个?(?:日|天|工作日|小时)")
# How long a request takes to be handled ("多久能批下来", "多长时间能办好"): days, weeks or months, not the years a
# benefit lasts ("3年内免征房产税").
_ASKS_WAIT = re.compile(r"(?:多久|多长时间)以?内?(?:才|就)?(?:能|可以|会|给)?(?:批|办|审|拿到|下来|出结果|办结|到账|完成|答复|回复|作出"
                        r"|做出)")
_WAIT = re.compile(r"(?<![\d.月每])(?:\d{1,3}|[一二三四五六七八九十两]+)\s*(?:个?(?:日|天|工作日|小时|周)|个月)")

# "多少天", "几个工作日": a length of time counted in a unit (not "多长时间", often answered by a process).
_COUNTED_TIME = re.compile(r"(?:多少|(?<!哪)几)个?(?:天|日|工作日|月|年|周|小时)")
_ASKS_WHEN_ALLOWED = re.compile(r"(?:什么时候|何时)才?(?:可以|能够?|可)")
_ONCE_DONE = re.compile(r"(?:后|之后|以后)[，,][^。；;]{0,40}?(?:可以|可|应当|须|方可)")
# Whether two benefits are had together ("两份都拿", "能不能叠加", "两样能都扣") is answered by the rule on having
# both: "不重复享受", "执行最高额", "不能同时分别享受", "可叠加享受".
_ASKS_STACKING = re.compile(r"(?:两|二|几|每)[份笔项条样边][^，,。？?]{0,6}?都(?:能|可以|可)?(?:拿|享受|领|要|扣|得)"
                            r"|叠加|兼得|重复(?:享受|领|拿|扣)|同时(?:享受|领|扣)|一起(?:拿|享受|领|扣)")
_STACKING_RULE = re.compile(r"重复享受|不得?重复|叠加|兼得|就高|最高额|(?:不得|不能|不可)同时|同时(?:分别)?享受"
                            r"|只能(?:选择)?(?:享受)?其中")
# A step the asker has done ("协商好了", "谈妥了") and the one asked after it ("接下来", "下一步"); not what a thing
# does once done ("防洪工程修好以后，能防多大的洪水").
_STEP_DONE = re.compile(r"(?:好|妥|完)(?:了|以后|之后|后)")
_NEXT_STEP = re.compile(r"接下来|下一步|然后")


def counts_measured(q: Question, text: str) -> bool:
    """The text writes a figure right before the noun a "多少X" question counts ("约3000万常住人口", "十大商圈",
    "16处滑坡"), or before its head when the noun is a compound ("几次全体会议": "每年召开两次会议")."""
    if not q.measured:
        return False
    noun = q.measured[0]
    nouns = (noun, noun[-2:]) if len(noun) >= 4 else (noun,)
    return any(re.search(rf"(?:\d[\d,.]*|[一二三四五六七八九十百千两]+)\s*[万亿大]?[个处名家项条件座所位只台辆套间户次场批届]?"
                         rf"{re.escape(n)}", text) for n in nouns)


def prints_count(q: Question, text: str) -> bool:
    """The text prints the count a count question asks: a figure before the noun counted, or, where the question
    names none ("一共有几项？"), before the measure word closing a phrase ("军民深度融合方面6项。")."""
    if q.measured:
        return counts_measured(q, text)
    m = _HOW_MANY.search(q.query)
    measure = m.group()[-1] if m and m.group()[-1] in "项件条个家名位所" else None
    return measure is not None and bool(re.search(rf"{NUMERAL}\s*{measure}(?:[。；;，,]|$)", text))


# "提了几个“狠抓”", "几个“要……好”": what is counted is a phrase the text repeats (…… stands for any words).
_COUNTED_PHRASE = re.compile(r"(?:几|多少)[个项条点次处种句]?[“\"]([^”\"]{1,12})[”\"]")
# "分别是什么", "是哪几个": the question asks which the things counted are, besides how many.
_ASKS_WHICH = re.compile(r"分别|哪些|哪几")


def lists_counted(q: Question, text: str) -> bool:
    """The text lists what a count question counts, so the list answers it: items joined by 、 right before the
    noun counted, where the question asks which they are too ("局长、…支队长职务" for "免去了几个职务？分别是什么";
    a bare count's noun may end only the last item: "…、2000年以来的行政法规"), or the phrase the question quotes
    printed twice or more ("狠抓“两区”建设，狠抓动能培育…" for "几个“狠抓”")."""
    if q.measured and _ASKS_WHICH.search(q.query):
        item = r"[^，,。；;：:、\s]{2,}"
        if re.search(rf"{item}(?:、{item})+?{re.escape(q.measured[0])}", text):
            return True
    m = _COUNTED_PHRASE.search(q.query)
    if not m:
        return False
    phrase = "[^，,。；;：:]{1,12}?".join(re.escape(p) for p in re.split(r"…+|\.{3,}", m.group(1)) if p)
    return bool(phrase) and len(re.findall(phrase, text)) >= 2


@lru_cache(maxsize=1024)
def _own_figures(query: str) -> tuple[str, ...]:
    """Figures the question prints as part of a name, with the two characters after them ("三项制度"), longest
    first: in a text they name the same thing, not the figure asked ("一个单位…开几个账号": "只开设一个" answers)."""
    named = {f"{m.group(0)}{query[m.end():m.end() + 2]}" for m in EVIDENCE[AMOUNT].finditer(query)
             if re.search(r"[\d一二三四五六七八九十百千两]", m.group(0))
             and re.fullmatch(r"[\u4e00-\u9fff]{2}", query[m.end():m.end() + 2])}
    return tuple(sorted(named, key=len, reverse=True))


# What names a document's number ("文号是多少", "发文字号").
DOC_NUMBER_WORDS = ("文号", "字号")


# What a telephone number is asked of, and a number to dial: five digits or more, or an area code and a number (not a
# standard's number, "GB 50180").
_PHONE_WORDS = ("电话", "热线", "电话号码", "热线号码")
_PHONE_NUMBER = re.compile(r"(?<![\dA-Za-z.])(?<![A-Za-z] )(?:\d{3,4}[-－—]\d{7,8}|\d{5,})(?![\d.万亿元%％])")


def has_fact(kind: str, text: str, q: "Question | None" = None) -> bool:
    """Whether text holds the kind of fact: index.answer_types' evidence, plus the forms it misses (a frequency
    only for a question asking how often); for a question asking how long, a length of time."""
    text = unspaced(text)  # "主  任：孙春兰" names a post
    if kind == AMOUNT and q is not None:
        for figure in _own_figures(q.query):  # "三项制度…保额定的是多少": 三项 names the subject, it is no answer
            text = text.replace(figure, "，")
    if kind == AMOUNT and q is not None and q.attribute and q.attribute[-1].endswith(DOC_NUMBER_WORDS):
        return bool(DOC_NUMBER.search(text))  # "依据的文件文号是多少": a document's number ("国办发〔2017〕44号")
    if kind == AMOUNT and q is not None and q.attribute and q.attribute[-1].endswith(_PHONE_WORDS):
        return bool(_PHONE_NUMBER.search(text))  # "举报电话号码是多少": a number to dial ("12329"), not "每5年"
    if kind == SPEECH:
        verb = _SPEECH_VERB.search(q.query) if q is not None else None
        return bool((_INTRODUCED_BY[verb.group()] if verb else _SAYS).search(text))
    if kind == PENALTY:
        return bool(_PENALTY.search(text))
    if kind == PERMISSION and q is not None and q.stacking:
        return bool(_STACKING_RULE.search(text))  # "两份都拿吗": the rule on having both, not each benefit's own
    if kind == LOCALITY:
        return bool(_LOCALITY.search(text))
    if kind == VENUE:
        return bool(_VENUE.search(text) or _LOCALITY.search(text))  # a district or county named says where too
    if kind == CHANNEL:
        return bool(_CHANNEL.search(text))
    if kind == DATE and q is not None and q.how_often:
        return bool(FREQUENCY.search(text))  # "常务会议多久开一次": a frequency, not the date of one meeting
    if kind == DATE and q is not None and q.milestone is not None:
        # "S1线什么时候开通": the day a 运营合作协议 was signed is not the day it opens; "奖励资金什么时候拨到位": a
        # period of application in one sentence and "由市财政支付" in the next date no payment.
        sentences = [s for s in re.split(r"(?<=[。；;])", text) if q.milestone.search(s)]
        plain = replace(q, milestone=None) if sentences else q
        return any(has_fact(kind, s, plain) for s in sentences)
    if kind == DATE and q is not None and q.duration:
        if "时限" in q.query and DEADLINE.search(text) \
                and (has_evidence(DATE, text) or _MORE_EVIDENCE[DATE].search(text)):
            return True  # a 时限 is also the date something is due by ("报送时限": "于12月底前向市政府报送")
        # "多少个工作日能办完" is answered by a count of days, not by a year's exemption ("3年内免征").
        return bool((_DAYS if _ASKS_DAYS.search(q.query) else _WAIT if _ASKS_WAIT.search(q.query) else _DURATION)
                    .search(text))
    if q is not None and q.next_step and not _ONCE_DONE.search(text):
        # "协商好了，接下来去哪个部门申请" is answered by what may be done once a step is done ("协商达成一致意见后，用人
        # 单位可向当地人力社保部门提出申请"), not by "申请…前，必须…协商", the step done.
        return False
    if kind == DATE and q is not None and q.deadline and not DEADLINE.search(text):
        return False  # "最晚什么时候要办完移交" is answered by "于2019年6月底前", not by "2018年11月，…印发"
    if kind == AMOUNT and q is not None and q.ceiling and not _LIMIT.search(text):
        return False  # "公积金贷款最多能贷多少" asks a ceiling, which "已经发放…超过157亿元" is not
    if kind == AMOUNT and q is not None and q.unit is not None:
        return bool(q.unit.search(text))  # "多少钱" is answered by a sum of money, not by "10个工作日" or "8位"
    if kind == AGENCY and q is not None and q.act:
        return acted(q.act, text) and bool(person_names(text) or has_evidence(kind, text))  # "市委书记陈伟俊主持会议"
    if has_evidence(kind, text) or bool(kind in _MORE_EVIDENCE and _MORE_EVIDENCE[kind].search(text)):
        return True
    if kind == AMOUNT and q is not None and (counts_measured(q, text) or lists_counted(q, text)
                                             or _in_asked_measure(q, text) or _counted_before(q, text)):
        return True
    if kind == PLACES and lists_places(text):
        return True
    if kind == DATE and q is not None and q.when_allowed and _ONCE_DONE.search(text):
        return True  # "什么时候可以提出申请": once something is done ("协商达成一致意见后，…可向…申请")
    if kind == AGENCY and q is not None and "谁" in q.query and (person_names(text) or APPOINT.search(text)):
        return True  # "由谁…" is answered by a person as well as by a body ("李显淼任…总工程师")
    if kind == AGENCY and q is not None and q.action and (APPOINT.search(text) or REMOVE.search(text)):
        return True  # "被安排到哪个单位" is answered by the item naming the post ("朱汝东任温州生态园管委会副主任")
    return kind == DATE and q is not None and q.frequency and bool(FREQUENCY.search(text))


# A count asked in a measure word of its own ("年产多少根", "几台", "几大…产业集群"), which only a number in that
# measure states ("四大千亿级产业集群").
_ASKED_MEASURE = re.compile(r"(?:多少|几)([根台头棵株只艘架辆套间座部本份块支条枚箱袋大])")


def _counted_before(q: Question, text: str) -> bool:
    """A number printed just before the noun a figure is asked of counts it ("约3000万常住人口")."""
    return bool(q.attribute) and re.search(rf"\d(?:\.\d+)?\s*[万亿]?{re.escape(q.attribute[-1])}", text) is not None


def _in_asked_measure(q: Question, text: str) -> bool:
    m = _ASKED_MEASURE.search(q.query)
    return bool(m) and re.search(rf"(?<!第)(?:\d+|[一二三四五六七八九十百千两]+)\s*{m.group(1)}", text) is not None


# Who did something at an event ("是谁主持的", "由谁主持", "谁出席并讲话"): the sentence printing the act names them.
_EVENT = re.compile(r"会|仪式|典礼|论坛|活动|开幕|启动")
_ACTS = "主持|出席|讲话|参加|陪同|带队|致辞|到场|到会"
_WHO_DID = re.compile(rf"(?:谁|哪(?:[几两三四五六七八九]|\d+)?位(?:[市省]?领导)?|哪些[市省]?领导)(?:来|亲自)?({_ACTS})"
                      rf"|({_ACTS})的?(?:人|领导)?(?:是谁|有谁)"
                      # or after the event ("到场…发布仪式的市领导有哪几位")
                      rf"|({_ACTS})(?:(?!{_ACTS})[^，,。？?]){{0,30}}?的[市省]?(?:领导|人)(?:都|分别)?(?:有|是)?(?:哪(?:几|些)位?|谁)")
# Being at an event is printed as any of these ("哪几位领导到场了": "市长姚高员、副市长李无文参加…发布仪式").
_ATTEND = ("参加", "出席", "到场", "到会")


def acted(act: str, text: str) -> bool:
    """The text prints the act asked of, or (attending) another word for it."""
    return act in text or act in _ATTEND and any(a in text for a in _ATTEND)


# Ordinary words jieba's dictionary tags as place names; never a constraint, nor a place listed. Most name a place
# of any kind (市区, 全国); 新建 is a verb ("迁址新建") that jieba takes for 新建县.
ANY_PLACE = frozenset("城市 都市 都市区 市区 城区 中心区 新区 本市 全市 全省 全国 中国 国内 国外 境外 当地 大城市 大中城市 "
                      "特大城市 城镇 各省市 各省 各市 各地 各省区市 省市 外地 异地".split())
NOT_PLACES = ANY_PLACE | {"新建"}


@lru_cache(maxsize=4096)
def lists_places(text: str) -> bool:
    """Places listed: as the evidence pattern finds them (an administrative unit or a province's name), or a list
    opening with a name jieba knows as a place, whatever its items end in ("乌鲁木齐、昌吉、石河子")."""
    if has_evidence(PLACES, text):
        return True
    tokens = list(posseg()[0].cut(text))
    return any(a.flag == "ns" and a.word not in NOT_PLACES and b.word in "、和及" and c.flag.startswith("n")
               for a, b, c in zip(tokens, tokens[1:], tokens[2:]))


# Common Chinese surnames (the most frequent ~240, which cover well over nine in ten people): jieba's guessed
# nr tags on unknown words (养狗, 许可) are names only when they begin with one.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
    "谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛"
    "邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝"
    "路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂"
    "全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")


@lru_cache(maxsize=8192)
def person_names(text: str) -> tuple[str, ...]:
    """Personal names in a text: words jieba tags nr (or nrfg, its tag for a given name it guessed: 詹尔成), not
    words of its dictionary, that begin with a common surname. Cached: the tagger is slow, and answers test the same
    clause sentences again and again."""
    freq = tokenizer().FREQ
    return tuple(dict.fromkeys(w.word for w in posseg()[0].cut(text) if w.flag in ("nr", "nrfg")
                               and 2 <= len(w.word) <= 4 and w.word[0] in SURNAMES and not freq.get(w.word)))


# A personnel item: the person's name, then the post they are appointed to or removed from ("翁结群任…；",
# "蒋义炮兼任…", "叶雪影的温州生态园管委会副主任职务。").
_ITEM = re.compile(r"^\s*([\u4e00-\u9fa5]{2,4}?)(?:兼任|担任|任|的)(.+?)(?:职务)?[；;。]?\s*$", re.S)


def personnel_item(text: str) -> tuple[str, str] | None:
    """(name, post) of a personnel item, read from where such items print them; None for other text."""
    m = _ITEM.match(text)
    return (m.group(1), m.group(2)) if m else None


def item_person(text: str) -> str | None:
    """The person a personnel item names, read from where such items print it (jieba's guesses miss rare names)."""
    item = personnel_item(text)
    if item and item[0][0] in SURNAMES:
        return item[0]
    names = person_names(text)
    return names[0] if names else None


# "X是什么意思", "什么是X", "X指的是什么", "X是怎么一回事": the meaning of a term is asked; the term is the one quoted,
# else the content word right before the asking phrase (or right after 什么是).
_ASKS_MEANING = re.compile(r"(?:是|指)?(?:个|的)?(?:什么|啥)(?:意思|概念)|(?:是指|指的是|指)(?:什么|啥|哪[些几两三四五六七八九十])"
                           r"|何为|何谓|什么(?:是|叫)"
                           r"|是怎么一?回事")
# What a term is made up of ("专项附加扣除一共包括哪些项目"): the clause defining it lists its members.
_ASKS_MEMBERS = re.compile(r"(?:一共|都|具体|主要)?(?:包括|包含|分为|分成)(?:哪些|哪几)")
_QUOTED_TERM = re.compile(r"[“\"]([^”\"]{2,16})[”\"]")
_FILLER_END = re.compile(r"(?:到底|究竟|主要|具体|这个|这|那|就|是|的|个)+$")


def _defined(question: str, words: tuple[str, ...]) -> str | None:
    m = _ASKS_MEANING.search(question) or _ASKS_MEMBERS.search(question)
    if not m:
        return None
    quoted = _QUOTED_TERM.findall(question)
    if quoted:
        return quoted[-1] if m.group(0).startswith("什么") else next(
            (t for t in reversed(quoted) if question.find(t) < m.start()), quoted[0])
    if m.group(0).startswith("什么"):  # "什么是月光经济": the words right after
        rest, term = question[m.end():], ""
        while (w := next((w for w in words if rest.startswith(w)), None)) is not None:
            term, rest = term + w, rest[len(w):]
        return term or None
    # "月光经济是啥意思" (月光|经济): the words right before, past "到底", "这"
    head, term = _FILLER_END.sub("", question[:m.start()]), ""
    while (w := next((w for w in words if head.endswith(w)), None)) is not None:
        term, head = w + term, head[:-len(w)]
    return term or None


# What a regulation rules is asked ("养犬管理条例规定…", "按温州的养犬条例要罚多少", "…条例里…", "…办法对保姆有什么
# 要求", "…条例哪天开始施行", "…条例出来后", "…条例》草案对…怎么限制"), not when its draft is due ("…条例草案什么时候
# 报市政府") nor of "这个办法".
_REGULATION_RULES = re.compile(
    r"(?<![这该本此])([\u4e00-\u9fff]{2,14}?(?:条例|办法|细则))》?(?:草案)?"
    r"(?:里|中|上|规定|明确|要求|是不是|有没有|对|(?:哪天|什么时候|何时)(?:开始)?(?:施行|实施|生效)"
    r"|(?:出来|出台|施行|实施)(?:以?后))"
    r"|(?:按|按照|依照|根据)([\u4e00-\u9fff]{2,16}?(?:条例|办法|细则))(?!草案)")


def _regulation(question: str) -> str | None:
    m = _REGULATION_RULES.search(question)
    name = (m.group(1) or m.group(2)) if m else None
    # Not a document pointed at ("这个办法", "41号印发的办法"): only one written out by name.
    return None if not name or name[0] in "这该本此那号" or "印发" in name else name


def _identity(question: str) -> str | None:
    m = _IDENTITY.match(question.strip())
    return m.group(1) if m and m.group(1)[0] in SURNAMES else None


# "备个案", "开个会", "办个证": a measure word inside a verb-object word (备案); numerals and demonstratives before
# 个 count things instead ("五个产业", "这个案子").
_SPLIT_BY_GE = re.compile(r"([^\W\d一二三四五六七八九十两几这那每各哪整某多少半])个([\u4e00-\u9fff])")


def _joined_verb_objects(text: str) -> str:
    freq = tokenizer().FREQ
    return _SPLIT_BY_GE.sub(lambda m: m.group(1) + m.group(2) if freq.get(m.group(1) + m.group(2), 0) > 100
                            else m.group(0), text)


# A body the question names as where something goes ("向主管单位备案", "报主管部门审批"): stated, not asked.
_STATED_AGENCY = re.compile(r"(?:向|报|经|报送|提交)(?:主管|负责)(?:单位|部门|机关|机构)")


def parse_question(text: str, query: str | None = None) -> Question:
    """The typed question; query: the follow-up rewritten form, when a conversation produced one."""
    text = text.strip()
    simplified = to_simplified(query if query is not None else text)
    traditional = simplified != (query if query is not None else text)
    simplified = _joined_verb_objects(_arabic_years(simplified))
    plain = _indefinite_ji(simplified)  # 几 as "a few" asks nothing
    kinds = set(question_kinds(plain))
    # "公积金中心说的“三连办”具体指什么": the meaning of a term is asked, not what someone said.
    if _ASKS_SPEECH.search(simplified) and not _TEXT_SAYS.search(simplified) and not _ASKS_MEANING.search(simplified):
        kinds.add(SPEECH)
    if _ASKS_LOCALITY.search(simplified):
        kinds.add(LOCALITY)
    if _ASKS_CHANNEL.search(simplified):
        kinds.add(CHANNEL)
    if _AGENCY_PLURAL.search(simplified):
        kinds.add(AGENCY)
    if re.search(r"几[十百千万]", simplified) or _ASKS_GRADES.search(simplified) or _ASKS_KINDS.search(simplified):
        kinds.add(AMOUNT)  # "几十年一遇", "分成几级": a figure is asked
    if AGENCY in kinds and _STATED_AGENCY.search(plain) and not _AGENCY_PLURAL.search(simplified) \
            and AGENCY not in question_kinds(_STATED_AGENCY.sub("，", plain)):
        kinds.discard(AGENCY)  # "几个工作日内向主管单位备案": the body is stated, not asked
    if AGENCY in kinds and _ASKS_DUTIES.search(plain) and not _ASKS_WHO.search(plain):
        kinds.discard(AGENCY)  # "协调委员会负责哪些工作": its duties are asked, not which body
    if _WHICH_MORE.search(simplified):
        kinds.discard(AGENCY)  # "两个产业谁的产值目标更高": which of the two named, not a body
    if _ASKS_PENALTY.search(simplified):
        kinds.add(PENALTY)
        kinds.discard(AMOUNT)  # "罚多少": the penalty clause states the fine
    if _ASKS_HOW_OFTEN.search(simplified):
        kinds.add(DATE)  # "开会的频率有什么不同": how often is asked, which a frequency states
    if AMOUNT in kinds and _ASKS_DURATION.search(simplified) and not re.search(r"多少钱|几[万千百]", simplified):
        kinds.discard(AMOUNT)  # "多少天内作出决定": a length of time, which a time limit states, not a figure
        kinds.add(DATE)
    if not kinds and _ASKS_VENUE.search(simplified):
        kinds.add(VENUE)  # where alone is asked: with a district or a figure ("哪个位置、占地多大"), that one is checked
    # "任免了哪些干部": both halves of the list, unless another word asks for one ("这批任免里，被任为…的是谁").
    asked = simplified.replace("任免", "，")
    both = asked != simplified and not (REMOVE.search(asked) or APPOINT.search(asked))
    action = "remove" if REMOVE.search(asked) else ("appoint" if APPOINT.search(asked) else None)
    tense = _asked_phrase(simplified)  # "以前当局长的X，现在调去做什么": the phrase that asks says which post
    if FORMER.search(tense) and (action or POST_ASK.search(simplified)):
        action = "remove"  # "之前在哪个单位任职", "原来干什么的": a former post is printed in the 免去 list
    elif LATER.search(tense) and (action or POST_ASK.search(simplified)):
        action = "appoint"  # "被免去…后，新任什么职务": a new post is printed in the appointment half
    if (action or both) and _PERSON_ASK.search(simplified):
        kinds.add(PERSON)
        kinds.discard(AGENCY)  # "谁被任命" asks for a person, not an agency
    words = content_words(simplified)
    identity = _identity(simplified)  # jieba may cut the name it asks about (高|云龙): read it from the question form
    names = tuple(dict.fromkeys([*person_names(simplified), *filter(None, [identity])]))
    # A rare name jieba joins to the next word ("应维胜调|了") is matched as the name.
    words = tuple(dict.fromkeys(next((n for n in names if n in w), w) for w in words))
    post = _post(simplified, words)
    if post:
        kinds.add(PERSON)
        kinds.discard(AGENCY)  # "委员会主任是谁": who holds the post, not a body
    who = _WHO_DID.search(simplified) if _EVENT.search(simplified) else None
    if who:
        kinds.add(AGENCY)  # "哪几位领导到场了": who acted, as "谁参加了" asks
    pieces = _compared(_pieces_of(simplified, _split_parts(plain)))
    parts = tuple(p for p in (s.strip(" ，,") for s in pieces) if len(p) >= 4)
    # "修订的规章有几部？分别是哪些？": one list, counted and quoted.
    counted_list = len(parts) == 2 and bool(_HOW_MANY_ITEMS.search(parts[0])) and bool(_THEN_WHICH.match(parts[1]))
    if counted_list:
        parts = ()
    intent = analyze(simplified)
    form = COUNT if counted_list else _form(plain, frozenset(kinds), intent, parts, action)
    measured = _measured(simplified, words)
    n = _ENUM_N.search(simplified) or (_stated_count(simplified) if form == ENUMERATION else None)
    # "朱汝东被任命为什么职务": the name finds the person's items and the action their half of the list (select:
    # w_action). An appointment prints "朱汝东任…副主任", without 任命 or 职务, which a removal's "朱汝东的…职务" does
    # print: as words to match, they would draw the other half. (What is counted, "几个职务", is read above.)
    matched = tuple(w for w in words if not _PERSONNEL_WORD.fullmatch(w)) if action and names else words
    if action and names and tense != simplified:  # "以前当局长的陈乃华，现在…": 局长 is the post not asked
        matched = tuple(w for w in matched if w in tense or w in names)
    return Question(
        text=text, query=simplified, form=form, kinds=frozenset(kinds), words=matched,
        equivalents=tuple((w, expand_word(w)) for w in matched), intent=intent,
        parts=parts if len(parts) > 1 else (), count=_to_int(n.group(1) or n.group(2)) if n else None, action=action,
        traditional=traditional, measured=measured,
        attribute=_attribute(simplified, words, measured) if AMOUNT in kinds and form != COUNT and PERSON not in kinds
        else _attribute(simplified, words, (), date=True) if DATE in kinds and form == FACTOID else (),
        asks_issued=any(_ISSUED.search(c) and _WHEN.search(c) for c in _CLAUSES.split(simplified)),
        asks_attachments=bool(_ATTACHMENTS.search(simplified)),
        asks_validity=asks_validity_of(simplified),
        asks_materials=bool(_ASKS_MATERIALS.search(simplified)),
        asks_conditions=bool(_ASKS_CONDITIONS.search(simplified)),
        names=names,
        documents=bool(_DOCUMENTS.search(simplified)), issue=issue.group(1) if (issue := _ISSUE.search(simplified)) else None,
        identity=identity, scene=scene_words(plain, matched), post=post, defined=_defined(simplified, words),
        regulation=_regulation(simplified),
        unit=_asked_unit(simplified), ceiling=bool(_ASKS_LIMIT.search(simplified)),
        milestone=_asked_milestone(simplified), how_often=bool(_ASKS_HOW_OFTEN.search(simplified)),
        duration=bool(_ASKS_DURATION.search(simplified)) and not _HOW_OFTEN.search(simplified),
        counted_time=bool(_COUNTED_TIME.search(simplified)), frequency=bool(_ASKS_FREQUENCY.search(simplified)),
        when_allowed=bool(_ASKS_WHEN_ALLOWED.search(simplified)),
        next_step=bool(_STEP_DONE.search(simplified)) and bool(_NEXT_STEP.search(simplified)),
        stacking=bool(_ASKS_STACKING.search(simplified)) and len(parts) <= 1,  # a part asking it is parsed alone
        deadline=bool(_ASKS_DEADLINE.search(simplified)),
        act=next(filter(None, who.groups()), None) if who else None,
    )


# Words that ask: a clause holding one is a question of its own ("陶庆东新任什么职务，免去了什么职务？").
_ASKS = re.compile(r"什么|谁|哪|几|多少|多久|吗|是否|怎么|如何")
# A clause that sets the scene: a whole sentence ending in 。/！ without a question, or a clause opening on the
# asker's own situation (我/家里/朋友/听说/感觉/最近…).
_SENTENCES = re.compile(r"(?<=[。！!？?；;])")
_NARRATIVE = re.compile(r"^(?:我|咱|俺|家|朋友|亲戚|邻居|听说|感觉|最近|平时|前几天|上次|之前)")
# What the asker means to do ("我想开一家第三方医学检验所") is what the question is about, not scene.
_INTENT = re.compile(r"想|打算|准备|计划|要")
# An asking clause pointing back ("这种做法允许吗") is about the scene.
_POINTING = re.compile(r"这种|这样|这么|那样|如此")
# Or to the place of the scene ("我在丽水开医院，…当地给多少奖金？").
_HERE = re.compile(r"当地|本地|那边|这边|那里|这里|我们这|我这")
# Or a yes/no form: "有没有", "A不A" (能不能, 是不是).
_ASKS_YES_NO = re.compile(r"有没有|([\u4e00-\u9fff])[不没]\1|呢|吧")
# A request to tell ("能说一下吗") asks what the clause before it names ("几个部门牵头，…").
_TELL_ME = re.compile(r"(?:请|麻烦)?(?:你)?(?:能|可以|可不可以|能不能)?(?:帮我)?(?:说|告诉|讲|介绍|解释|列)")


def asks_validity_of(question: str) -> bool:
    """Whether the question asks how long a document holds: in a clause that asks, where it has several ("许可…还在有效期
    内，…要准备哪些材料" only says the asker's permit is valid)."""
    clauses = [c for c in _CLAUSES.split(question) if c.strip()]
    return not _OWNED_VALIDITY.search(question) and any(
        _ASKS_VALIDITY.search(c) and (len(clauses) == 1 or _ASKS.search(c) or _ASKS_YES_NO.search(c)) for c in clauses)


def _pieces_of(text: str, pieces: Sequence[str]) -> list[str]:
    """The same cut applied to a text of the same length (the question before _indefinite_ji)."""
    out, start = [], 0
    for p in pieces:
        out.append(text[start:start + len(p)])
        start += len(p)
    return out


# "我们几个人": a few of us.
_US_FEW = re.compile(r"(我们|咱们|俺们|他们|她们)几(?=个|位|家|名)")
# A part asking how many things there are ("规章有几部？"), before one asking which they are.
_HOW_MANY_ITEMS = re.compile(r"(?:几|多少)(?:个|件|部|项|条|家|位|名|类|种|批|份)(?!工作日|月|小时)")
# A part that only asks which the things just counted are ("分别是哪些？", "都是什么？").
_THEN_WHICH = re.compile(r"^(?:它们|这些|其中)?(?:分别|具体|各自)?都?(?:是|有|叫|为)?(?:哪些|哪几[个件部项条家位名类种]?|什么|啥)"
                         r"(?:呢)?[？?。！!]*$")


_WITH_FEW = re.compile(r"(?<=[和与跟同])几(?=[个位名][^，,。？?]{0,12}(?:什么|哪|谁|啥))")


# A clause asking yes or no: with 吗 at its end, or in the A-not-A form ("会不会出面协调？") asking nothing else.
_YES_NO_CLAUSE = re.compile(r"(?<![什怎那这多])[吗么][？?。！!]*$"
                            r"|^(?!.*(?:什么|谁|哪|几|多少|多久|怎么|如何)).*(?:([\u4e00-\u9fff])[不没]\1|是否|能否)")


def _indefinite_ji(question: str) -> str:
    """The question with 几 read as "a few" where it is: in a clause before a yes/no question of the same sentence
    that asks nothing else ("想去私立医院干几年，以后还能回公立医院吗？", "卡在几个难题上，政府会不会出面协调？" ask
    no figure), and after a plural pronoun ("我们几个人")."""
    out = []
    for sentence in _SENTENCES.split(question):
        clauses = re.split(r"(?<=[，,])", sentence)
        last = clauses[-1].strip()
        if len(clauses) > 1 and _YES_NO_CLAUSE.search(last) and not _TELL_ME.match(last):
            clauses = [c.replace("几", "数") if "几" in c and not _ASKS.search(c.replace("几", "")) else c
                       for c in clauses[:-1]] + clauses[-1:]
        out.append("".join(clauses))
    # "我们几个人想成立一个协会": who asks, not what is asked; nor "市长和几个副市长一起看了什么" (a few more with the
    # one named, in a sentence asking something else).
    return _WITH_FEW.sub("数", _US_FEW.sub(r"\1数", "".join(out)))


def scene_and_asking(question: str) -> tuple[list[str], list[str]]:
    """The question's clauses that ask nothing and set the scene (a whole sentence ending in 。/！, or a clause opening
    on the asker's situation: "我在杭州读大学，…"), and the others."""
    scene, asking = [], []
    for sentence in filter(None, _SENTENCES.split(question)):
        clauses = [c for c in re.split(r"[，,]", sentence) if c.strip(" 。！!？?；;")]
        whole = sentence.rstrip().endswith(("。", "！", "!"))
        for c in clauses:
            quiet = not (_ASKS.search(c) or _ASKS_YES_NO.search(c))
            setting = quiet and (whole or _NARRATIVE.match(c)) and not _INTENT.search(c)
            (scene if setting else asking).append(c)
    return scene, asking


def scene_words(question: str, words: Sequence[str]) -> tuple[str, ...]:
    """Words printed only in clauses that set the scene: residents describe their situation ("家旁边工地天天夜里施工，
    吵得根本睡不着。…谁来起草？") in words no clause answering them needs to hold. None when the asking clauses hold
    no word of their own or point back ("…承包给别人经营，这种做法允许吗？": the scene is the subject)."""
    scene, asking = scene_and_asking(question)
    if not scene or not asking:
        return ()
    asked = "\n".join(asking)
    if not any(w in asked for w in words) or _POINTING.search(asked):
        return ()
    return tuple(w for w in words if w not in asked)


# What a question likens the thing it asks about to ("像别的新区一样", "跟以前那样", "像深圳那样"): neither a topic nor
# a place the gazette must speak of.
LIKENED = re.compile(r"(?:像|跟)([^，。？?！!、]{1,12}?)(?:那样|那般|一样|似的)")


def without_likened(question: str) -> str:
    return LIKENED.sub("", question)


def without_situation(question: str) -> str:
    """The question without the clauses that describe the asker's situation: a place or year there ("我在杭州读大学，
    …启动仪式是几号") is where the asker is, not what the gazette must be about."""
    scene, asking = scene_and_asking(question)
    if not scene or not asking or _HERE.search("".join(asking)):
        return question
    return "，".join(asking)


# Two things asked about together, each to be answered ("人民币存款和贷款余额分别是多少？"): the pair joined by 和 before
# the words that ask for each ("分别", "各是", "哪个更…", "相差"); the second item runs to where the asking goes on.
# Which of the two ("哪个…更高", "谁的…更高") is asked by comparing what each has.
# "哪个草案要先报": which comes first (先行区 is a word of its own).
WHICH_FIRST = re.compile(r"哪一?[个项场份][^，,。？?]{0,8}?(?:先(?![行进锋导])|在前)")
_WHICH_MORE = re.compile(r"(?:哪一?个|谁)[^，,。？?]{0,12}?(?:更|[多高大长少低小短](?:一些|一点|些|点)?(?=[？?。]|$))"
                         rf"|{WHICH_FIRST.pattern}")
COMPARED = re.compile(r"分别|各是|各自|各有|各为|各由|各占|各需|各(?:(?:能|可以?|要|得|需要?)[\u4e00-\u9fff]{0,2}?)?(?:多少|几)"
                      rf"|{_WHICH_MORE.pattern}|相差|差多少"
                      r"|(?:是不是|是否|是)同一[个家位所]")  # "两项的牵头单位是不是同一家": each one's, set side by side
# (a quoted name with what follows it is one item: "和“最美退伍军人”发布仪式")
_SECOND = re.compile(r"(?:和|与|跟)(“[^“”，,？?]{1,14}”[\u4e00-\u9fff\d]{0,12}?|[\u4e00-\u9fff\d]{2,16}?)"
                     r"(?=这?(?:两|二)[个项类种部家]?|[，,、？?的]|分别|各|哪|谁|什么|多少"
                     r"|每个?[月年天周季])")  # "…和首套房贷利息每个月各能扣多少": a period is asked of both
# "…有什么区别/不同": two things set against each other, each asked of only when each is a clause of its own
# ("哈尔滨申办大冬会和深圳申办大运会…有什么区别").
CONTRASTED = re.compile(r"区别|不同|不一样|异同")
# "A和B这两个…": two whole items.
_BOTH = re.compile(r"这?[两二][个项类种部家]")


def contrasted_items(query: str) -> tuple[str, str] | None:
    """The two things a "…有什么区别/不同" question sets against each other as noun phrases ("地方综合贡献度奖励和办公
    用房优惠这两类事项，审核有什么不同" -> 地方综合贡献度奖励, 办公用房优惠); None when it contrasts nothing."""
    if not CONTRASTED.search(query):
        return None
    m = _SECOND.search(query)
    if not m:
        return None
    start = max(query.rfind(c, 0, m.start()) for c in "，,、：:的里中") + 1
    first = query[start:m.start()]
    return (first, m.group(1)) if len(first) >= 2 else None


def _compared(parts: list[str]) -> list[str]:
    """The part naming two things asked about each, as two parts: without the second item ("人民币存款余额分别是多
    少"), and with the second item in place of the word before 和 ("人民币贷款余额分别是多少")."""
    contrasted = not COMPARED.search("".join(parts))
    if contrasted and not CONTRASTED.search("".join(parts)):
        return parts
    for i, p in enumerate(parts):
        m = _SECOND.search(p)
        named = bool(m) and _names_body_or_document(p[:m.start()]) and _names_body_or_document(m.group(1))
        if contrasted and not (m and (named or _clause_like(m.group(1)) and _clause_like(p[:m.start()]))):
            continue  # "有什么区别" of two noun phrases ("汽车号牌和摩托车号牌") is asked of them together
        if m and p[:m.start()].endswith(("，", ",")) and (end := _clause_end(p, m.end())) < len(p):
            # "子女教育扣除，和我读本科的继续教育扣除，每月各多少": items set off by commas, each a clause of its own
            start = _clause_start(p, m.start() - 1)
            return parts[:i] + [p[:m.start() - 1] + p[end:], p[:start] + p[m.start() + 1:end] + p[end:]] \
                + parts[i + 1:]
        before = tokenizer().lcut(p[:m.start()]) if m else []
        if m and before and len(before[-1]) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", before[-1]):
            head = f"的{before[-1]}"
            if p.startswith(head, m.end()) and p[:m.start()].endswith(head):
                # "楠溪江保护的条例和养狗的条例": each item ends with the same head after 的: two whole items
                start = _clause_start(p, m.start())
                return parts[:i] + [p[:m.start()] + p[m.end() + len(head):], p[:start] + p[m.start() + 1:]] \
                    + parts[i + 1:]
            start = _clause_start(p, m.start())
            end = _clause_end(p, m.end())
            if _OWN_HEAD.search(p[start:m.start()]) and p.startswith("的", m.end()) and end < len(p) \
                    and not _ASKS.search(p[m.end():end]):
                # "社会办医的扶持政策和政府产业基金的财政鼓励细则，…": each item has a head of its own after 的, the
                # first's not the second's
                return parts[:i] + [p[:m.start()] + p[end:], p[:start] + p[m.start() + 1:]] + parts[i + 1:]
            # The second item stands for as many words before 和 as it has when it repeats their head ("存款余额和贷款
            # 余额": both words), else for the last one ("存款和贷款余额").
            second_words = tokenizer().lcut(m.group(1))
            n = 1
            if m.group(1).endswith(before[-1]) and len(second_words) <= len(before):
                # as many words as make the first item about as long as the second ("生命健康产业和新能源汽车产业":
                # 生命健康产业, three words for two)
                n = min(range(len(second_words), len(before) + 1),
                        key=lambda k: (abs(len("".join(before[-k:])) - len(m.group(1))), k))
            first = p[:m.start()] + p[m.end():]
            shared_head = n == 1 and len(second_words) == 2 and second_words[0][-1] == before[-1][-1]
            if shared_head:
                # "存款和贷款余额": two words alike (存款, 贷款) share the head after the second (余额)
                first = p[:m.start()] + second_words[1] + p[m.end():]
            second = p[:m.start() - len("".join(before[-n:]))] + m.group(1) + p[m.end():]
            # A second item longer than the word before 和 ("智能装备和新材料", "协调委员会和…部际联席会议") is a whole
            # item of its own, not that word's stand-in after the words before it ("智能新材料").
            longer = n == 1 and not shared_head and len(m.group(1)) > len(before[-1])
            if longer or named or _BOTH.match(p, m.end()) or _clause_like(m.group(1)) and _clause_like(p[:m.start()]):
                # "新能源智能网联汽车和新材料这两个专项行动", "哈尔滨申办大冬会和深圳申办大运会" (each with its own verb):
                # two whole items, the second standing for all of the first
                start = _clause_start(p, m.start())
                second = p[:start] + m.group(1) + p[m.end():]
            return parts[:i] + [first, second] + parts[i + 1:]
        if m and (re.match(rf"[，,]?{_BOTH.pattern}", p[m.end():]) or m.group(1).startswith("“")):
            # "反家暴工作推进会和“最美退伍军人”发布仪式，这两个活动…" (the first ending in a one-character word): two
            # whole items, said so or named in quotes
            start = _clause_start(p, m.start())
            return parts[:i] + [p[:m.start()] + p[m.end():], p[:start] + m.group(1) + p[m.end():]] + parts[i + 1:]
    return parts


# An item with a head of its own after 的 ("社会办医的扶持政策").
_OWN_HEAD = re.compile(r"的[\u4e00-\u9fff]{2,}$")


# Heads of the name of a body or a document ("…协调委员会", "…部际联席会议", "…补偿办法"): two of them contrasted are
# two things each printed in a clause or document of its own, each asked of ("…委员会和…联席会议，开会的频率有什么不同").
_BODY_OR_DOCUMENT = re.compile(r"(?:委员会|联席会议|领导小组|办法|条例|规定|规划|方案|预案|意见|通知|决定)$")


def _names_body_or_document(text: str) -> bool:
    return _BODY_OR_DOCUMENT.search(text) is not None


def _clause_start(text: str, end: int) -> int:
    """Where the clause holding text[end] begins: after the last comma, enumeration comma or colon before it."""
    return max(text.rfind(c, 0, end) for c in "，,、：:") + 1


def _clause_end(text: str, start: int) -> int:
    """Where the clause holding text[start] ends: at the next comma, or the end."""
    return min((i for i in (text.find(c, start) for c in "，,") if i >= 0), default=len(text))


def _clause_like(text: str) -> bool:
    """An item with a verb of its own ("深圳申办大运会"), not a noun phrase ("贷款余额")."""
    piece = text[_clause_start(text, len(text)):]
    return any(t.flag == "v" for t in posseg()[0].cut(piece))


def _split_parts(question: str) -> list[str]:
    """Parts at a question mark, "；" or a comma before 另外/还有…, and at a comma or "、" between two clauses that each
    ask ("任了几个、免了几个")."""
    out: list[str] = []
    pieces = _PART_SPLIT.split(question)
    for i, piece in enumerate(pieces):
        if i + 1 < len(pieces) and not _asks_anything(piece):
            # "种棉花的农户能拿到挂钩奖售粮，那这些奖售粮按什么价格供应": a piece asking nothing sets the scene of
            # the next.
            pieces[i + 1] = piece + pieces[i + 1]
            continue
        clauses = re.split(r"(?<=[，,、])", piece)
        current = ""
        for clause in clauses:
            if current and _ASKS.search(current) and _ASKS.search(clause):
                out.append(current)
                current = ""
            current += clause
        out.append(current)
    # "…要求建成哪些“区”？请逐一列出。": a bare request to list or tell asks what the part before it asks.
    merged: list[str] = []
    for part in out:
        if merged and _BARE_REQUEST.match(part.strip()):
            merged[-1] += part
        else:
            merged.append(part)
    return merged


_BARE_REQUEST = re.compile(r"(?:请|麻烦|能否|能不能|可否|可以)?你?(?:帮我)?(?:逐一|逐个|一一|分别|具体|详细|简要|简单)?地?"
                           r"(?:列出|列举|说明|说说|讲讲|介绍|解释|列一下|说一下|讲一下)(?:一下|来|出来)?(?:吗|呢)?[。！!？?]*$")


def _asks_anything(piece: str) -> bool:
    return bool(_ASKS.search(piece) or _ASKS_YES_NO.search(piece) or _TELL_ME.search(piece)
                or piece.rstrip().endswith(("？", "?")))


# Words saying that something is lacking, printed in many ways (没有, 不具有, 无, 未).
_NEGATIONS = frozenset("没有 没 无 不 未 不具有 不具备 非".split())


def _measured(q: str, words: tuple[str, ...]) -> tuple[str, ...]:
    """The nouns right after "几个"/"多少" (what is counted): "几个执业医师" -> (执业, 医师); jieba tags some of them
    as verbal nouns ("多少|经费")."""
    m = _HOW_MANY.search(q)
    if not m:
        return ()
    tokens = list(posseg()[0].cut(q[m.end():]))
    out = []
    for i, t in enumerate(tokens):
        if t.flag == "q" and not out:
            continue  # the measure word itself ("多少|家")
        if t.word in _NEGATIONS and not out:
            continue  # "多少没有|专利代理人资格的人": the gazette words the lack its own way ("不具有…资格")
        # A verb saying which one before the noun counted ("多少开办|补贴") is part of it.
        modifier = not out and t.flag == "v" and i + 1 < len(tokens) and tokens[i + 1].flag.startswith("n")
        if not (t.flag.startswith(("n", "j", "l", "vn")) or modifier) or t.flag == "nr":
            break
        if not out and t.word == "人":
            break  # "几个人享受政策": people are counted; what follows says what they do
        # What is counted, not a value asked of it ("多少比例") nor jieba's guess at unknown characters ("几个|人能").
        if t.word in words and t.word not in VALUE_NOUNS and tokenizer().FREQ.get(t.word, 0) > 0:
            out.append(t.word)
    return tuple(out)


# Where a question asks for a figure, and what may stand between it and the noun the value is of
# ("注册资本|最低|要|多少", "贷款利率|最高|不能|超过|多少"): adverbs, pronouns, particles, numerals, and verbs of being,
# reaching or paying.
_VALUE_ASK = re.compile(r"(?<![很许好诸])多[少大高长远]|(?<![这那十百千])几(?!乎)[万千百十]?")  # not "很多高楼", "几乎", "这几个", "十几个"
_BETWEEN_FLAGS = ("r", "d", "a", "u", "m", "q", "p", "c", "y", "t")
_BETWEEN_VERBS = frozenset("是 为 有 要 需 需要 得 达到 超过 不超过 不能 能 可 可以 发 给 交 拿 领 降 涨 提高 增加 减少 一共 总共 约 "
                           "大约 大概 具体 定 算 按规定 按照规定 依照规定 根据规定".split())
# What "多少"/"几" counts when it stands right before it: people or things, not a figure of the noun before.
_COUNTED = set("人名个家位次项件条所")
# Nouns that only say what kind of answer is wanted ("补助标准是多少", "号牌是什么颜色", "热线号码是多少", "证书分几个
# 档次"): the noun before them names what it is of, and the text states the value without them ("白底黑字", "12329",
# "初级、中级、高级").
VALUE_NOUNS = frozenset("标准 数额 金额 数量 数目 数值 数字 额度 上限 下限 比例 幅度 规模 指标 硬指标 目标 档次 级别 等级 号码 颜色 "
                        "概念 名称 程度".split())


def _attribute(q: str, words: tuple[str, ...], measured: tuple[str, ...], date: bool = False) -> tuple[str, ...]:
    """What a figure is asked of: the noun a "多少X" counts ("多少安家补贴" -> 安家, 补贴), else the content word
    right before the asking phrase ("注册资本最低要多少" -> 注册资本, its head alone in "房租|补贴"); () when the question
    says of nothing. date: what a date is asked of, only where the question names the date ("申报截止日期是哪天" ->
    截止): a date of the document itself ("从哪天开始实行") answers for what it is about."""
    if measured:
        return measured
    m = (_DATE_ASK if date else _VALUE_ASK).search(q)
    if not m or not date and q[m.end():m.end() + 1] in _COUNTED:
        return ()  # "多少人出席": a count of people, not a figure of the noun before ("方案")
    # past a noun that only says "a value": a verb before it names what ("补助|金额"; "报销|多少|比例" too, the noun
    # counted after the ask, not a size asked of a doing: "做到|多大|规模")
    valued = m.group() == "多少" and any(q[m.end():].startswith(v) for v in VALUE_NOUNS)
    tokens = list(reversed(list(posseg()[0].cut(_CLAUSES.split(q[:m.start()])[-1]))))
    if date:
        # "申报截止日期是哪天": the words right before the date noun, all of them (截止 alone may be the 有效期).
        at = next((i for i, t in enumerate(tokens) if t.word in _DATE_NOUNS), None)
        if at is None or any(t.word not in _BETWEEN_VERBS for t in tokens[:at]):
            return ()
        named = []
        for t in tokens[at + 1:at + 3]:
            if t.word not in words or not t.flag.startswith(("n", "v")) or t.flag in ("nr", "ns"):
                break
            named.insert(0, t.word)
        return tuple(named)
    for i, t in enumerate(tokens):
        if t.word in VALUE_NOUNS:
            valued = True
        elif not (t.word in _BETWEEN_VERBS or t.flag.startswith(_BETWEEN_FLAGS)
                  or i + 1 < len(tokens) and glued_modal(tokens[i + 1].word, t.word)):
            # A verb before the ask ("分到多少", "相差多少") asks what happens, not what a figure is of; a place
            # names where, which the place checks judge.
            noun = t.flag.startswith(("n", "vn", "j", "l")) and t.flag not in ("nr", "ns") or valued and t.flag == "v"
            noun = noun and not (t.flag == "l" and t.word.endswith(("来", "去")))  # "退回来多少": a verb, as 拿回来
            if t.flag == "eng":
                return (t.word,) if t.word in words else ()  # an abbreviation in Latin letters ("GDP是多少")
            # jieba's guess at an unknown run ("能奖" in 能奖多少) names nothing.
            if not (noun and t.word in words and tokenizer().FREQ.get(t.word, 0) > 0) or t.word in _OWNERS:
                return ()  # nor whose it is ("公司要交多少审批费": 审批费 is asked, not the company)
            return (*_modifiers(tokens[i + 1:], words), t.word)
    clauses = _CLAUSES.split(q[:m.start()])
    if any(t.word in VALUE_NOUNS for t in tokens) and len(clauses) >= 2:
        # "…要公布举报电话，具体号码是多少": a clause asking only for a value is of the noun that ends the one before.
        before = list(reversed(list(posseg()[0].cut(clauses[-2].strip()))))
        t = before[0] if before else None
        if t is not None and t.flag.startswith(("n", "vn", "j", "l")) and t.flag not in ("nr", "ns") \
                and t.word in words and t.word not in _OWNERS and tokenizer().FREQ.get(t.word, 0) > 0:
            return (*_modifiers(before[1:], words), t.word)
    return ()


# Nouns before a figure's noun that say whose it is ("政府补贴", "国家奖励") or what kind of value ("法定退休年龄",
# "平均工资"), not which one: the text may state the figure without them.
_OWNERS = frozenset("政府 国家 市里 省里 政策 财政 单位 企业 个人 公司 市政府 当地".split())
_QUALIFIERS = frozenset("法定 基本 平均 实际 正常 一般 最低 最高 总体 整体 累计 全国 全市 全省".split())


def _modifiers(before: list, words: tuple[str, ...]) -> tuple[str, ...]:
    """The nouns right before a figure's noun (reversed tokens) that say which one is asked: "床位|补贴" -> 床位,
    "房租|补贴" -> 房租; at most one, and not whose it is ("政府补贴") nor what kind of value ("法定退休年龄")."""
    t = before[0] if before else None
    if t is not None and t.flag.startswith(("n", "vn", "j")) and t.flag not in ("nr", "ns", "nt") and t.word in words \
            and t.word not in _OWNERS | _QUALIFIERS and tokenizer().FREQ.get(t.word, 0) > 0:
        return (t.word,)
    return ()


_DATE_ASK = re.compile(r"(?:哪一?天|哪年|几月几[日号]|什么时候|何时|什么时间)")
_DATE_NOUNS = frozenset("日期 时间 期限 时限 日子".split())


# "…的总指挥由谁担任", "主任是谁": who holds a post; a post title ends in one of these.
_WHO_HOLDS = re.compile(r"(?:由|是)(?:谁|哪一?位)|谁(?:来)?(?:当|担任|兼任)")  # "召集人是哪位领导" too
_POST_TITLE = re.compile(r"(?:长|主任|书记|主席|指挥|委员|专员|负责人|召集人|总监|经理)$")
_BEFORE_WHO = frozenset("的 是 由 现在 目前".split())


def _post(q: str, words: tuple[str, ...]) -> str | None:
    """The post whose holder a question asks ("粮食应急工作指挥部的总指挥由谁担任" -> 总指挥), the title right
    before the asking phrase; None when it asks no such thing."""
    m = _WHO_HOLDS.search(q)
    if not m:
        return None
    before = [t for t in tokenizer().lcut(_CLAUSES.split(q[:m.start()])[-1]) if t not in _BEFORE_WHO]
    if not (before and _POST_TITLE.search(before[-1]) and before[-1] in words):
        # "现在谁当主任", "谁担任国家教材委员会主任": the title after the asking phrase, at the clause's end
        before = [t for t in tokenizer().lcut(_CLAUSES.split(q[m.end():])[0]) if t.strip("？?！! 呀啊呢吗吧嘛")]
    last = before[-1] if before else ""
    if not (_POST_TITLE.search(last) and last in words):
        return None
    # jieba cuts a deputy's title apart ("专职|副|主任"): the post asked is the deputy's.
    return "副" + last if len(before) >= 2 and before[-2] == "副" else last


def names_post_title(post: str, text: str, former: bool = False) -> bool:
    """The text says who holds (or, former, held) the post, not its deputy: "主  任：孙春兰", "组长由市长担任",
    "以刘广润院士为组长", "张华义任温州市园林绿化管理中心主任", "全国工商联主席高云龙", "张华义的温州市园林局局长职务";
    not "副主任：陈宝生" nor "学术委员会主任" describing someone."""
    title = re.escape(post) if post.startswith("副") else rf"(?<!副){re.escape(post)}"
    text = unspaced(text)
    if re.search(rf"{title}\s*(?:[：:]|由|为)|任[^，,。；;：:]{{0,30}}?{title}|以[^，,。；;：:]{{1,30}}?为{title}", text):
        return True
    # A removal item, "张华义的温州市园林局局长职务" (printed under 免去：), names who held it: former, a question
    # about the removal ("被免去…局长的是谁"), not about who holds the post now.
    if former and any(m.group(1) in SURNAMES for m in re.finditer(
            rf"(?:^|[\s；;：:、])([\u4e00-\u9fa5])[\u4e00-\u9fa5]{{1,3}}的[^，,。；;：:]{{0,30}}?{title}职务", text)):
        return True
    # A name right after the title (jieba does not tag every name: 高云龙).
    return any(m.group(1) in SURNAMES for m in re.finditer(rf"{title}\s*([\u4e00-\u9fa5])[\u4e00-\u9fa5]", text))


def names_post_holder(post: str, text: str) -> bool:
    """The text names the holder of the post by name ("召 集 人：孙春兰"), not by role ("召集人由国务院分管教育工作的领导
    同志担任")."""
    title = re.escape(post) if post.startswith("副") else rf"(?<!副){re.escape(post)}"
    return any(m.group(1) in SURNAMES for m in re.finditer(rf"{title}\s*[：:]?\s*([\u4e00-\u9fa5])[\u4e00-\u9fa5]",
                                                            unspaced(text)))


def count_end(query: str) -> int | None:
    """Where the count a question states ends ("哪三方面的标志性大事": after 哪三方面), if it states one."""
    m = _ENUM_N.search(query) or _STATED_N.search(query)
    return m.end() if m else None


def _form(q: str, kinds: frozenset[str], intent: Intent, parts: tuple[str, ...], action: str | None = None) -> str:
    if intent.clause_refs and (_CLAUSE_ASK.search(q) or not kinds):
        return CLAUSE
    if len(parts) > 1:
        return MULTI
    if _COUNT.search(q) and not re.search(r"几个工作日|几天|几年|多少天", q) or action and _PEOPLE_COUNT.search(q):
        return COUNT  # "任命了几个人": the items of a personnel list, counted
    if _OVERVIEW.search(q):
        return OVERVIEW
    if kinds - {PERMISSION, PLACES}:
        return FACTOID  # "由哪些单位审核": the agency asked for, not a list
    if _ENUM_N.search(q) or _ENUMERATION.search(q) or _STATED_N.search(q) and _EACH_ASKED.search(q):
        return ENUMERATION  # "五大重点任务分别聚焦什么": what each of the N things stated is
    if PERMISSION in kinds:
        return YESNO
    return OPEN


# A year written digit by digit in Chinese numerals ("二〇一七年"), as the gazettes print years in Arabic figures.
_CN_YEAR = re.compile(r"(?<![〇○零一二三四五六七八九十])[〇○零一二三四五六七八九]{4}(?=\s*年)")
_CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def _arabic_years(text: str) -> str:
    return _CN_YEAR.sub(lambda m: m.group(0).translate(_CN_DIGITS), text)


def keywords(question: str) -> tuple[str, ...]:
    """Content words of a question (jieba search-mode cut, no stop words, no numbers, no single characters)."""
    question = USER_AMOUNT.sub(" ", question)
    seen: dict[str, None] = {}
    for token in tokenizer().cut_for_search(question):
        token = token.strip()
        if len(token) < 2 or token in STOP_WORDS or _NUMERIC.match(token) or _PUNCT.match(token):
            continue
        seen.setdefault(token, None)
    return tuple(seen)


def glued_modal(before: str, word: str) -> bool:
    """jieba read a modal verb (能, 要, 可, 该) with the last character of the word before it as one word ("一次|性能|拿",
    "个|税能|扣"): the real words are that word with the character (一次性, 个税) and the modal alone. Only where the
    glued word is a noun or unknown: "比|重要", "急|需要" keep their adjective or verb."""
    if len(word) != 2 or word[1] not in "能要可该" or not before:
        return False
    freq = tokenizer().FREQ
    return freq.get(before + word[0], 0) > 0 and (freq.get(word, 0) == 0 or posseg()[1].get(word, "").startswith("n"))


# A verb said tentatively ("比一比", "查一查"): what to do with the answer, no topic of it.
_TENTATIVE = re.compile(r"^(.)一\1$")


def content_words(question: str) -> tuple[str, ...]:
    """Words a supporting clause should contain: jieba's precise cut (no overlapping sub-words, so a mis-cut such
    as "开诊|所有" adds no extra fragments), without stop words, numbers or single characters."""
    question = USER_AMOUNT.sub(" ", question)
    seen: dict[str, None] = {}
    previous = ""
    tokens = tokenizer().lcut(question)
    for i in range(1, len(tokens)):
        if glued_modal(tokens[i - 1], tokens[i]):
            tokens[i - 1], tokens[i] = tokens[i - 1] + tokens[i][0], tokens[i][1]
    issuer = _issuer_tokens(question, tokens)
    for i, token in enumerate(tokens):
        if i in issuer:
            continue
        token, after_duo = token.strip(), previous in ("多", "多多")  # "最|多多|大面积": 最多 + 多大
        previous = token
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if len(token) >= 3 and token.endswith("多") and following[:1] in _MEASURE_ADJECTIVES | {"少", "久"}:
            token = token[:-1]  # "能防多|大": the question's 多大 lost its 多 to the word before it
        if after_duo and len(token) >= 3 and token[0] in _MEASURE_ADJECTIVES:
            token = token[1:]  # "多|大面积": jieba glued the question's 多大 to the noun; the noun is 面积
        if len(token) < 2 or token in STOP_WORDS or _NUMERIC.match(token) or _PUNCT.match(token) \
                or _HOW_MANY_TOKEN.match(token) or _ASKING_TOKEN.match(token) or set(token) == {"多"} \
                or _TENTATIVE.match(token):
            continue
        seen.setdefault(token, None)
    return tuple(seen)


# The issuer code of a document number ("温人社发〔2019〕105号", "国令第707号") names no topic, and jieba cuts it into
# made-up words (温人|社发). Codes are short and no common words: tokens within this many characters before the
# year bracket or after 令 of 令第N号, that jieba's dictionary does not count as common, are the code; so are the
# pieces of a short reference ("49|号文").
_ISSUER_CHARS, _COMMON_WORD = 4, 100


def _issuer_tokens(question: str, tokens: list[str]) -> set[int]:
    ends = [m.start() for m in YEAR_SERIAL.finditer(question)] \
        + [m.start() + 1 for m in DECREE_NUMBER.finditer(question)]  # after 令
    short = [m.span() for m in SHORT_NUMBER.finditer(question)]
    if not ends and not short:
        return set()
    freq, out, start = tokenizer().FREQ, set(), 0
    for i, token in enumerate(tokens):
        end = start + len(token)
        if any(e - _ISSUER_CHARS <= start and end <= e for e in ends) and freq.get(token, 0) < _COMMON_WORD \
                or any(a <= start and end <= b for a, b in short):
            out.add(i)
        start = end
    return out


def user_amounts(question: str) -> list[float]:
    """Money figures the user states, in yuan ("6000万元" -> 60000000.0)."""
    return [to_yuan(m.group(1), m.group(2)) for m in USER_AMOUNT.finditer(question)]


def to_yuan(number: str, unit: str) -> float:
    """A number and its money unit in yuan."""
    scale = {"亿元": 1e8, "亿": 1e8, "万元": 1e4, "万": 1e4, "元": 1.0}[unit]
    return float(number) * scale


def format_yuan(amount: float) -> str:
    """Yuan as the gazettes write it: 亿元 / 万元 / 元, without trailing zeros."""
    for scale, unit in ((1e8, "亿元"), (1e4, "万元")):
        if amount >= scale:
            return f"{amount / scale:.4f}".rstrip("0").rstrip(".") + unit
    return f"{amount:.2f}".rstrip("0").rstrip(".") + "元"


def _to_int(token: str) -> int | None:
    return to_int(token) or None
