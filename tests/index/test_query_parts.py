"""A part and an item of a document named in a question ("第三部分（四）", "第十二项") are clause references."""
from index.query import analyze


def test_an_item_of_a_part_in_brackets_is_a_clause_reference():
    ref = analyze("国办发〔1996〕2号转发的报告第三部分（四）要求什么？").clause_refs[0]
    assert ref.matches(("三", "（四）")) and not ref.matches(("三",))
    assert analyze("49号文第三部分第九条").clause_refs[0].matches(("三", "（九）"))


def test_the_heading_of_a_part_may_stand_between_it_and_its_item():
    ref, = analyze("国发〔2019〕3号第四部分主要任务中的第16条“创新监管模式”具体是怎么规定的？").clause_refs
    assert ref.matches_through(("四", "（四）", "16")) and not ref.matches(("四",))
    ref, = analyze("48号文第三部分工作举措里的第（二）项").clause_refs
    assert ref.matches(("三", "（二）"))


def test_more_items_of_the_part_named_are_each_under_it():
    ninth, tenth = analyze("49号文第三部分第九条和第十条分别讲了什么？").clause_refs
    assert ninth.matches(("三", "（九）")) and tenth.matches(("三", "（十）")) and not tenth.matches(("十",))
    refs = analyze("第三部分第（一）项、第（二）项和第（三）项").clause_refs
    assert [r.matches(("三", f"（{n}）")) for r, n in zip(refs, "一二三")] == [True, True, True]


def test_a_numbered_item_is_a_clause_reference():
    ref = analyze("国办发〔2018〕117号第十二项督查激励措施是什么").clause_refs[0]
    assert ref.matches(("十二",)) and ref.matches(("（十二）",)) and not ref.matches(("二",))
    # a reply to a proposal numbers its points 一、二、…: "答复的第五点" is point 五
    point, = analyze("国办函〔2005〕69号答复的第五点，国办打算会同哪些单位干什么事？").clause_refs
    assert point.matches(("五",)) and not point.matches(("一",))


def test_a_dotted_section_of_a_plan_is_a_clause_reference():
    # 国办函〔2005〕57号 (国家粮食应急预案) numbers its sections 1, 1.2, 1.2.1 and prints each under its ancestors.
    assert analyze("国家粮食应急预案第1.2节讲了什么？").clause_refs[0].matches(("1", "1.2"))
    assert analyze("预案6.4.2规定了什么").clause_refs[0].matches(("6", "6.4", "6.4.2"))
    assert analyze("第6.4.2条").clause_refs[0].matches(("6", "6.4", "6.4.2"))
    for figure in ("补助1.5万元", "2.5级地震", "地膜厚度不低于0.01毫米", "增长8.5%"):
        assert analyze(figure).clause_refs == (), figure


def test_a_bracketed_item_of_a_dotted_section_is_a_clause_reference():
    # 国办函〔2005〕57号 2.1.3 lists the departments' duties as (1)…(7), printed under 2 > 2.1 > 2.1.3.
    path = ("2", "2.1", "2.1.3", "（7）")
    assert analyze("国办函〔2005〕57号印发的预案中，2.1.3第（7）项规定的是哪个部门的职责？").clause_refs[0].matches(path)
    assert analyze("预案2.1.3（7）管什么").clause_refs[0].matches(path)
    assert analyze("补助1.5万元（3）").clause_refs == ()


def test_an_article_of_a_chapter_is_the_article():
    # 国发〔2018〕41号 numbers its articles through the chapters: 第七章 holds 第二十三条, printed ("第七章", "第二十三条").
    ref = analyze("国发〔2018〕41号第七章第二十三条讲了什么？").clause_refs[0]
    assert ref.matches(("第七章", "第二十三条")) and ref.article == "第二十三条"
    assert not ref.matches(("七", "（二十三）"))


def test_an_item_numbered_on_through_a_part_is_pinned_under_its_section():
    from types import SimpleNamespace

    from index.fusion import pin_named_clauses

    ref, = analyze("48号文第三部分第10条是什么内容？").clause_refs
    assert ref.matches_through(("三", "（三）", "10")) and not ref.matches(("三", "（三）", "10"))
    assert not ref.matches_through(("四", "（三）", "10")) and not ref.matches_through(("三", "（三）", "11"))
    # Written in brackets, the number names the bracketed level as printed ("第（六）条": （六）), not item 6.
    bracketed, = analyze("48号文第三部分第（六）条讲的是什么？").clause_refs
    assert bracketed.matches(("三", "（六）")) and not bracketed.matches_through(("三", "（二）", "6"))
    records = [SimpleNamespace(clause_id=i, path=p) for i, p in enumerate([("三",), ("三", "（三）"), ("三", "（三）", "10")])]
    assert pin_named_clauses([(1, 0.9), (0, 0.8), (2, 0.5)], records, [ref])[0] == (2, 0.9)


def test_an_item_under_a_numbered_part_and_rules_numbered_through_chapters():
    ref, = analyze("温财企〔2019〕491号第三部分第（二）条第2点说的是什么？").clause_refs
    assert ref.matches(("三", "（二）", "2")) and not ref.matches(("三", "（二）"))
    # 国务院工作规则 numbers its rules 一、…五十四、 on through its chapters: 第三十六条 is 第八章 三十六.
    rule, = analyze("《国务院工作规则》第三十六条讲的是什么？").clause_refs
    assert rule.matches(("第八章", "三十六")) and not rule.matches(("第八章", "三十六", "（三）"))
    assert not rule.matches(("第八章", "三十七"))


def test_a_bracketed_item_without_its_part_is_found_by_its_label():
    # Policy documents number their bracketed items on through their parts (四、（九）…六、（二十四）): "第（九）条"
    # is the item labelled （九） wherever it sits.
    ref, = analyze("国发〔2018〕42号第（九）条是怎么规定的？").clause_refs
    assert ref.matches(("四", "（九）")) and not ref.matches(("四",)) and not ref.matches(("九",))
    assert analyze("国办发〔2019〕6号（二十二）条讲了什么").clause_refs[0].matches(("七", "（二十二）"))
    # a part named before it keeps the part
    assert analyze("国办发〔2019〕3号第二部分第（三）条").clause_refs[0].paths[0] == ("二", "（三）")


def test_the_deepest_item_may_be_named_in_words():
    ref, = analyze("温人社发〔2019〕105号二（二）2里第（1）项要交的是什么材料？").clause_refs
    assert ref.matches(("二", "（二）", "2", "（1）")) and not ref.matches(("二", "（二）", "2"))
    assert analyze("二（二）2中的第（3）点").clause_refs[0].matches(("二", "（二）", "2", "（3）"))


def test_a_part_named_as_an_article_with_its_items_is_the_policy_clause_or_the_statute_article():
    # Residents call 48号's 三、（一）4 "第三条第（一）项第4点"; a statute's "第三条第（一）项" is item (一) of 第三条.
    ref, = analyze("温政办〔2019〕48号第三条第（一）项第4点提到要建哪些园？").clause_refs
    assert ref.matches(("三", "（一）", "4")) and not ref.matches(("三", "（一）"))
    statute, = analyze("第十条第（三）项规定了什么").clause_refs
    assert statute.matches(("十", "（三）")) and statute.matches(("第二章", "第十条"))
    # the levels under a numbered part, printed as the clause label prints them: 二、（二）2.（1）
    deep, = analyze("105号第二部分（二）2.（1）项要交什么表？").clause_refs
    assert deep.matches(("二", "（二）", "2", "（1）")) and not deep.matches(("二", "（二）", "2"))
    # a year after the item is no deeper level
    assert analyze("第二部分（二）2019年的目标").clause_refs[0].paths[0] == ("二", "（二）")


def test_a_part_named_by_its_heading_pins_its_own_item():
    from types import SimpleNamespace

    from index.fusion import pin_named_clauses

    ref, = analyze("47号文工作要求部分第（一）条讲的是什么？").clause_refs
    assert ref.part_heading == "工作要求" and ref.article == "（一）"
    # A heading in quotes names the part with 部分 or without it.
    for question, heading in (("温政办〔2019〕47号“工作要求”第（一）项讲的是什么？", "工作要求"),
                              ("国办发〔2018〕123号“规范运维管理”部分第（一）项讲了什么？", "规范运维管理")):
        quoted, = analyze(question).clause_refs
        assert quoted.part_heading == heading and quoted.article == "（一）"
    # 温政办〔2019〕47号: 二 力争在本年度内完成的立法项目 > （一）…, 四 工作要求 > （一）…
    parts = [(("二",), "力争在本年度内完成的立法项目（8件）"), (("二", "（一）"), None), (("四",), "工作要求"),
             (("四", "（一）"), "加强党对立法工作的领导")]
    records = [SimpleNamespace(clause_id=i, doc_index=0, path=p, heading=h) for i, (p, h) in enumerate(parts)]
    assert pin_named_clauses([(1, 0.9), (3, 0.5)], records, [ref])[0] == (3, 0.9)
    # no part has that heading: any item so labelled, as before
    other, = analyze("47号文保障机制部分第（一）条").clause_refs
    assert pin_named_clauses([(1, 0.9), (3, 0.5)], records, [other])[0] == (1, 0.9)


def test_a_label_several_parts_print_is_pinned_where_the_query_ranks_it():
    from types import SimpleNamespace

    from index.fusion import pin_named_clauses

    # 温政办〔2019〕50号 prints （二） under 一 (发展目标) and under 三 (保障措施 > 强化顶层设计): the words around
    # "第（二）条" rank the second higher, and it goes first.
    ref, = analyze("温政办〔2019〕50号保障措施第（二）条“强化顶层设计”具体要做哪些事？").clause_refs
    parts = [("一",), ("一", "（二）"), ("三",), ("三", "（二）")]
    records = [SimpleNamespace(clause_id=i, doc_index=0, path=p, heading=None) for i, p in enumerate(parts)]
    assert pin_named_clauses([(3, 0.9), (2, 0.7), (1, 0.5)], records, [ref])[0] == (3, 0.9)
    assert pin_named_clauses([(1, 0.9), (3, 0.5)], records, [ref])[0] == (1, 0.9)


def test_an_item_said_to_be_under_the_one_before_is_a_deeper_level():
    # "第二部分（一）下面的第2条" is 温政办〔2019〕50号 二、（一）2, not part 二's 第二条.
    ref, = analyze("温政办〔2019〕50号第二部分（一）下面的第2条主要讲的是什么？").clause_refs
    assert ref.matches(("二", "（一）", "2")) and not ref.matches(("二", "（一）"))
    assert analyze("48号文第三部分（五）里的第18条主要讲什么？").clause_refs[0].matches(("三", "（五）", "18"))
    # Right after it, in figures: 温政办〔2019〕48号 三、（五）16 (its items are numbered through the sections).
    ref, = analyze("温政办〔2019〕48号第三部分（五）第16条讲的是什么举措？").clause_refs
    assert ref.matches(("三", "（五）", "16")) and not ref.matches(("十六",))
    # "…条下的第1项": 温财企〔2019〕491号 三、（二）1, one reference, not 三（二） and a separate item 一.
    ref, = analyze("温财企〔2019〕491号细则第三部分第（二）条下的第1项是怎么规定审核的？").clause_refs
    assert ref.matches(("三", "（二）", "1")) and not ref.matches(("一",))


def test_a_part_named_by_its_heading_holds_the_bracketed_item_asked_in_it():
    # 温政办〔2019〕50号: 二 实施五大重点任务 > （三）…, 三 保障措施 > （三） 引育企业主体: "保障措施里第（三）条" is 三、（三）.
    ref, = analyze("50号文保障措施里第（三）条讲了什么？").clause_refs
    assert ref.part_heading.endswith("保障措施") and ref.article == "（三）"
    assert analyze("47号文工作要求中（一）讲了什么？").clause_refs[0].part_heading.endswith("工作要求")
    # An article named in a document ("通知里第三条") names no part by its heading.
    assert all(r.part_heading is None for r in analyze("这个通知里第三条讲了什么？").clause_refs)
