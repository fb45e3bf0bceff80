"""Milvus filter expressions: user text travels as a parameter or a quoted literal, never as grammar."""
import pytest

from index.errors import BadFilter
from index.stores.expr import Expr, like_contains


def test_values_become_parameters_not_text():
    e = Expr().add("issuer like {i}", i=like_contains("issuer", '市政府" or kind != "x')).add("kind == {k}", k="notice")
    assert e.template == "(issuer like {p0}) and (kind == {p1})"
    assert e.params == {"p0": '%市政府" or kind != "x%', "p1": "notice"}


def test_rendered_literal_escapes_quotes():
    e = Expr().add("issuer == {i}", i='a" or 1 == 1 or issuer == "b')
    assert e.render() == '(issuer == "a\\" or 1 == 1 or issuer == \\"b")'


def test_extend_renumbers_clashing_parameters():
    a = Expr().add("hidden == {h}", h=False)
    b = Expr().add("doc_index in {d}", d=[3, 4])
    both = a.extend(b)
    assert both.render() == "(hidden == false) and (doc_index in [3, 4])"
    assert len(both.params) == 2


@pytest.mark.parametrize("value", ["50%", "a_b"])
def test_like_wildcards_in_user_text_are_refused(value):
    with pytest.raises(BadFilter):
        like_contains("issuer", value)


def test_control_characters_are_refused():
    with pytest.raises(BadFilter):
        Expr().add("issuer == {i}", i="市政府\n")
