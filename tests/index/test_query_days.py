"""A day the question names ("7月16日…") finds that day's chronicle entry (政府记事), next to the top hit."""
from types import SimpleNamespace

from index import fusion
from index.query import analyze


def entry(label, issue_date="2019-07", kind="chronicle"):
    return SimpleNamespace(label=label, issue_date=issue_date, kind=kind)


def test_days_named_in_a_question():
    assert analyze("7月16日市领导集体做了什么").days == ((7, 16),)
    assert analyze("七月十六号有什么活动").days == ((7, 16),)
    assert analyze("13月5日").days == ()
    assert analyze("开诊所有什么补贴？").days == ()
    # A day without its month, told from a document number ("49号") by the words for "that day" after it.
    assert analyze("22号那天市里领导都忙啥了？").days == ((0, 22),)
    assert analyze("49号文讲了什么").days == ()
    # Days after a dated one, in its month (7月份市政府记事 10日, 11日); not the end of a range.
    assert analyze("娄绍光副市长7月10日和11日分别参加了什么活动？").days == ((7, 10), (7, 11))
    assert analyze("7月10日、11日和12日").days == ((7, 10), (7, 11), (7, 12))
    assert analyze("7月10日至12日").days == ((7, 10),)
    # A day written apart from the one month the question names is of that month; a time limit is no day.
    assert analyze("据7月份市政府记事，5日常务副市长陈建明出席的是哪个会？").days == ((7, 5),)
    assert analyze("七月份的记事里，十五日市长去了哪里").days == ((7, 15),)
    assert analyze("7月份受理的申请，5日内办结吗").days == ()
    assert analyze("7月和8月的记事里，5日有什么活动").days == ()


def test_the_entry_of_that_day_of_that_month():
    intent = analyze("7月16日市领导集体做了什么")
    assert intent.names_day(entry("16日"))
    assert not intent.names_day(entry("16日", "2019-08"))
    assert not intent.names_day(entry("17日"))
    assert not intent.names_day(entry("16日", kind="news"))
    any_month = analyze("16号那天市领导做了什么")
    assert any_month.names_day(entry("16日")) and any_month.names_day(entry("16日", "2019-08"))
    assert not any_month.names_day(entry("17日"))


def test_pinned_entry_goes_right_after_the_top_hit():
    ranked = [(1, 0.9), (2, 0.8), (3, 0.7), (9, 0.1)]
    assert [c for c, _ in fusion.pin_second(ranked, [9])] == [1, 9, 2, 3]
    assert [c for c, _ in fusion.pin_second(ranked, [1])] == [1, 2, 3, 9]
    assert [c for c, _ in fusion.pin_second(ranked, [42])] == [1, 42, 2, 3, 9]
    scores = [s for _, s in fusion.pin_second(ranked, [9])]
    assert scores == sorted(scores, reverse=True)


def test_a_document_number_without_its_year():
    assert [m.text for m in analyze("温人社发105号二（一）讲的是什么？").doc_mentions] == ["105号"]
    assert [m.text for m in analyze("国办发6号讲了什么").doc_mentions] == ["6号"]
    assert analyze("7月16号有什么活动").doc_mentions == ()
    assert analyze("住在3号楼").doc_mentions == ()


def test_a_part_named_alone_or_with_a_bracketed_item():
    assert analyze("47号文第四部分讲了什么").clause_refs[0].paths == (("四",),)
    assert ("三", "（九）") in analyze("49号文件第三部分第（九）条").clause_refs[0].paths


def test_a_decree_is_named_by_its_number():
    for text in ("国令第707号一共有多少条？", "国务院令第707号讲了什么"):
        [mention] = analyze(text).doc_mentions
        assert mention.matches("国令第707号") and not mention.matches("国令第706号")
