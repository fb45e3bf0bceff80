"""The kind of answer a question asks for, and whether a text holds that kind of evidence.

Classic question answering matches the expected answer type (a date for 什么时候, an agency for
哪个部门, an amount for 多少) against candidate passages; retrieval uses it as a small prior and
the answer stage to pick sentences.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from index.fusion import ranked as by_score

# Answer-type prior: bonus as a share of the best fused score, over the leading candidates.
# Measured on tests/index/test_resident_questions.py and the shipped eval set (see bench/reports).
TYPE_PRIOR = 0.2
TYPE_PRIOR_DEPTH = 30

AMOUNT, AGENCY, DATE, PERMISSION, PLACES, COLOR = "amount", "agency", "date", "permission", "places", "color"
KINDS = (AMOUNT, AGENCY, DATE, PERMISSION, PLACES, COLOR)

_WHICH = r"哪(?:些|几个?|[一二三四五六七八九十两\d]+个?)(?:试点)?"
_PLACE_NOUNS = r"城市|省份?|省市|地区|区域|县市?|市县"

CUES = {
    AMOUNT: re.compile(r"多少|(?<![好这那哪十百千])几[个家人张年倍项次万亿元只台辆套间大]|比例|比重|金额|额度|标准是|补助多少|补贴多少"
                       r"|奖励多少|(?<![很许好诸])多[高大]|几成|百分之几"),
    # "哪两个部门" as well as "哪个部门", "由哪个机构承担". Not 负责人 (a person asked of: "负责人的年龄") nor 承担 alone
    # ("承担什么任务"): "由谁承担" is asked by 谁.
    AGENCY: re.compile(r"谁|哪(?:个|些|几个?|[两三四五六七八九十]个)(?:部门|单位|机构)|哪家|什么(?:部门|单位|机构)"
                       r"|牵头|负责(?!人)|主管|解释|找哪|向哪"),
    # Not 截至: "截至7月末…是多少" sets the time of a figure asked, it asks no date.
    DATE: re.compile(r"什么时候|何时|哪一?年|几月|几号|期限|有效期(?!内)|截止|多久|多长时间|时限|起止|什么时间|到期|几个工作日|多少个?工作日|哪[一几]?天|几天|多少天|开始实行|开始施行|生效"),
    # An "A不A" verb asks yes or no as "能不能" does ("国家管不管"), except "是不是/算不算/属不属于": what a thing is.
    PERMISSION: re.compile(r"能不能|能否|是否|可以|可否|可不可以|允许|准许|禁止|不得|必须|要不要|需不需要|需要.*吗|能.*吗|会不会|吗[？?！!。]?\s*$"
                            r"|((?![是算属])[\u4e00-\u9fff])不\1"),
    # "试点选了哪些地方", "哪几个城市": the places listed.
    PLACES: re.compile(rf"{_WHICH}(?:地方|{_PLACE_NOUNS})"),
    COLOR: re.compile(r"(?:什么|哪种|哪个|啥|哪些)颜色|颜色(?:是|为)|什么色"),
}
# A list of places asked in words that can ask nothing else ("哪些地方" may also ask where something is published).
ASKS_PLACE_LIST = re.compile(rf"{_WHICH}(?:{_PLACE_NOUNS})")

UNITS = ("万元|亿元|元|%|％|个|家|人|张|年|倍|项|次|万人|床|平方米|亩"
         "|平方公里|公顷|毫米|厘米|千米|公里|米|千克|公斤|吨|千瓦|立方米|升")  # and measures
_NUMBER = r"\d+(?:\.\d+)?|[一二三四五六七八九十百千两]+"
# A place: a province-level name, or a name ending in an administrative unit (苍南县, 沈阳市).
_PLACE = (r"(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州"
          r"|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|[\u4e00-\u9fa5]{1,5}(?:省|市|县|区|州|盟|旗))"
          r"(?:[（(][^）)]{1,12}[）)])?")
EVIDENCE = {
    # Counters after digits only: "86名", "3起"; "一批", "一起" are words, not counts, and so is "一次性" (one-off).
    AMOUNT: re.compile(rf"(?:{_NUMBER})\s*[万亿]?(?:{UNITS})(?!性)|\d+(?:\.\d+)?\s*[万亿](?=左右|余|多|以上|以下|[，。；、）)]|$)|\d+\s*(?:名|位|户|辆|座|件|批|场|起)|\d+(?:\.\d+)?\s*(?:%|％)|百分之|倍"),
    AGENCY: re.compile(r"[市县区省][\u4e00-\u9fa5]{0,12}?(?:局|委员会|委|办公室|办|政府|中心|管委会)"
                       r"|[\u4e00-\u9fa5]{2,8}部门"
                       # who acts, a post as well as a body: "由总理签署", "由负责常务工作的副总理代行", "由市财政支付"
                       r"|(?<![理缘自])由(?![于此来衷])[\u4e00-\u9fa5、]{1,32}?(?:负责|承担|牵头|签署|签发|审批|批准|担任|兼任"
                       r"|主持|召集|审核|审定|认定|起草|解释|受理|代行|支付|出资|办理|组织|实施|统筹|发放|兑现|分担|执行|管理)"
                       # a national body acting ("3月底前国家卫生健康委完成…", "（国家发展改革委负责）")
                       r"|[\u4e00-\u9fa5]{2,12}(?:委|部|局|署|厅|办)(?:负责|牵头|会同|完成|组织)"
                       r"|[\u4e00-\u9fa5]{2,12}(?:公司|集团|银行|协会|商会|联合会)"),
    DATE: re.compile(rf"\d{{4}}年(?:\d{{1,2}}月)?(?:\d{{1,2}}日)?|\d{{1,2}}月\d{{1,2}}日|至\d{{4}}年|(?:{_NUMBER})\s*(?:年|个月|日|天|个工作日)内"
                     r"|有效期(?!内)|之日起|起施行|期限|期间|每年|年底|年末"),
    PERMISSION: re.compile(r"可以|可|允许|准许|不得|禁止|严禁|应当|须|必须|不予|不再|取消|实行|免征|鼓励|支持"),
    PLACES: re.compile(rf"{_PLACE}(?:[、和及]{_PLACE})+"),  # a list of them: "北京、吉林、安徽…", "瑞安市、乐清市"
    # A colour stated ("为白底黑字", "代号为红色", "分别用红色、橙色…表示"), not a word coloured ("绿色金融", "红色基因").
    COLOR: re.compile(r"(?:为|是|呈|用|采用|以)[红橙黄绿青蓝紫白黑灰金银棕]色|[白黑红黄蓝绿]底[白黑红黄蓝绿]?字|颜色"),
}


def question_kinds(question: str) -> frozenset[str]:
    """The kinds of evidence a question asks for; empty for open questions."""
    return frozenset(kind for kind, cue in CUES.items() if cue.search(question))


_YEAR = re.compile(r"^(?:19|20)\d\d\s*年$")


def prior_for(question: str, mode: str, texts: Callable[[list[int]], list[str]]):
    """type_prior for one query as a function of a ranking (the identity outside hybrid search): the searchers apply
    it to the named documents' clauses and to the rest apart, so a second document named ("36号和88号") stays ahead
    of the rest whatever its score."""
    if mode != "hybrid":
        return lambda ranked: ranked
    return lambda ranked: type_prior(question, ranked, texts)


# Every unit of a level, not places named: "各省、自治区、直辖市", "市、县（区）".
_ALL_UNITS = re.compile(r"(?:省|市|县|区|自治区|直辖市|计划单列市)"
                        r"(?:[、和及（(）)]+(?:省|市|县|区|自治区|直辖市|计划单列市|新疆生产建设兵团))+[）)]?")


def has_evidence(kind: str, text: str) -> bool:
    """Whether text contains the kind of fact (an amount, an agency, a date, a permission)."""
    if kind == PLACES:
        text = _ALL_UNITS.sub("，", text)
    matches = (m.group(0) for m in EVIDENCE[kind].finditer(text))
    if kind == AMOUNT:
        return any(not _YEAR.match(m) for m in matches)  # "2021年" is a date, not a count of years
    return next(matches, None) is not None


def evidence_share(kinds: frozenset[str], text: str) -> float:
    """Share of the asked-for kinds that the text holds evidence of (0 when nothing specific is asked)."""
    specific = [k for k in kinds if k != PERMISSION]  # permission words are everywhere in policy text
    if not specific:
        return 0.0
    return sum(has_evidence(k, text) for k in specific) / len(specific)


def type_prior(question: str, ranked: list[tuple[int, float]],
               texts: Callable[[list[int]], list[str]]) -> list[tuple[int, float]]:
    """Among the leading candidates, clauses holding the kind of answer asked for (a date for 什么时候, an agency
    for 哪个部门, an amount for 多少) move up by a bounded bonus; `texts` gives the clause texts of ids."""
    kinds = question_kinds(question)
    if not kinds or not ranked:
        return ranked
    lead = ranked[:TYPE_PRIOR_DEPTH]
    bonus = TYPE_PRIOR * ranked[0][1]
    head = [(c, s + bonus * evidence_share(kinds, t)) for (c, s), t in zip(lead, texts([c for c, _ in lead]))]
    return by_score(dict(head)) + ranked[TYPE_PRIOR_DEPTH:]
