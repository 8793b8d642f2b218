"""Property tests: no exception escapes for any input, and the invariants hold."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from hypothesis import given
from hypothesis import strategies as st

from app.core.errors import BadInput
from app.core.middleware import MiniProgram, SendRequest, append_query, build_body, join_url
from app.core.table_import import build_rows, read_csv
from app.core.templates import KEYWORD_TYPES, Field, Template, lint, lint_value, parse_fields

keys = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,12}", fullmatch=True)
segment = st.from_regex(r"[A-Za-z0-9\-_.~]{1,8}", fullmatch=True)
query_pairs = st.lists(st.tuples(segment, st.text(min_size=0, max_size=6)), max_size=4)


@given(st.text(max_size=300))
def test_parser_never_fails_and_finds_only_real_keys(content: str) -> None:
    fields = parse_fields(content)
    names = [f.key for f in fields]
    assert len(names) == len(set(names))
    compact = content.replace(" ", "")
    for name in names:
        assert name in compact


@given(st.lists(keys, min_size=1, max_size=6), st.text(alphabet=" ", max_size=3))
def test_every_placeholder_is_found_in_order(names: list[str], noise: str) -> None:
    # The seed's OCR form: spaces anywhere between the braces and around the key.
    content = "\n".join(
        f"label{i}:{{{noise}{{{noise}{k}{noise}.DATA{noise}}}{noise}}}" for i, k in enumerate(names)
    )
    unique = list(dict.fromkeys(names))
    assert [f.key for f in parse_fields(content)] == unique


@given(st.sampled_from([*KEYWORD_TYPES, None]), st.text(max_size=60), st.text(max_size=10))
def test_lint_never_fails(kind: str | None, value: str, color: str) -> None:
    for finding in lint_value(Field("k1", "", kind), value, color):
        assert finding.level in ("error", "warning")


@given(st.text(max_size=200), st.dictionaries(keys, st.text(max_size=30), max_size=5))
def test_lint_of_any_template_and_values_never_fails(content: str, values: dict[str, str]) -> None:
    lint(Template.build("t", "x", content=content), values)


@given(
    st.lists(segment, max_size=3),
    query_pairs,
    st.lists(segment, min_size=1, max_size=3),
    query_pairs,
)
def test_join_keeps_base_path_and_query(base_path, base_query, path, extra_query) -> None:
    from urllib.parse import urlencode

    base = "https://mw.example.com/" + "/".join(base_path)
    if base_query:
        base += "?" + urlencode(base_query)
    relative = "/".join(path) + ("?" + urlencode(extra_query) if extra_query else "")
    joined = urlsplit(join_url(base, relative))
    assert joined.path.startswith(urlsplit(base).path.rstrip("/"))
    assert joined.path.endswith("/".join(path))
    assert parse_qsl(joined.query, keep_blank_values=True) == (list(base_query) + list(extra_query))


@given(
    st.lists(segment, min_size=1, max_size=3),
    query_pairs,
    st.from_regex(r"[0-9]{1,6}", fullmatch=True),
    st.from_regex(r"[0-9]{1,6}", fullmatch=True),
)
def test_agent_and_group_appended_once_and_query_kept(path, query, agent, group) -> None:
    from urllib.parse import urlencode

    pagepath = "/".join(path) + ("?" + urlencode(query) if query else "")
    body = build_body(
        SendRequest("o1", "t1", miniprogram=MiniProgram("wx1", pagepath, agent, group))
    )
    result = body["miniprogram"]["pagepath"]
    pairs = parse_qsl(urlsplit(result).query, keep_blank_values=True)
    for pair in query:
        assert pair in pairs
    existing = {k for k, _ in query}
    for key, value in (("agent_id", agent), ("group_id", group)):
        assert [k for k, _ in pairs].count(key) == 1
        if key not in existing:
            assert (key, value) in pairs
    assert append_query(result, {"agent_id": agent, "group_id": group}) == result


@given(st.binary(max_size=400))
def test_csv_importer_never_fails_on_bytes(data: bytes) -> None:
    try:
        rows = build_rows(read_csv(data))
    except BadInput:
        return
    for row in rows:
        assert row.line >= 1 and (row.problem or row.open_id)


@given(
    st.lists(
        st.lists(
            st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=8),
            min_size=1,
            max_size=4,
        ),
        min_size=1,
        max_size=8,
    )
)
def test_csv_importer_never_fails_on_tables(table: list[list[str]]) -> None:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out).writerows([["openid", "渠道", "次数"], *table])
    for encoding in ("utf-8", "gb18030"):
        try:
            data = out.getvalue().encode(encoding)
        except UnicodeEncodeError:
            continue
        try:
            build_rows(read_csv(data))
        except BadInput:
            pass
