"""The vendor's report: everything from the server escaped, no secret, both languages."""

from __future__ import annotations

from datetime import UTC, datetime

from app.core.check import CheckResult, Wire
from app.core.check_report import CheckReport, result_text, to_html, to_markdown
from app.core.profiles import Profile
from app.core.redact import mask_url

HOSTILE = "<script>alert(1)</script><img src=/etc/passwd>"


def _report() -> CheckReport:
    wire = Wire(
        "POST",
        mask_url("https://mw.example.com/wx?appid=wx1&access_token=SECRET123"),
        '{"touser": "o1"}',
        200,
        '{"errcode": 43004, "errmsg": "' + HOSTILE + '"}\n~~~~\n```',
    )
    results = [
        CheckResult("https", "pass", "check.seen.url", {"url": "https://mw.example.com/wx"}),
        CheckResult(
            "test_send",
            "fail",
            "check.seen.refused",
            {"code": 43004, "errmsg": HOSTILE, "field": "—"},
            ("errcode.43004", "errcode.43004.hint"),
            wire,
        ),
    ]
    profile = Profile("prod", middleware_url="https://mw.example.com/wx?token=T0KEN", secret="S3")
    return CheckReport(profile, datetime(2026, 12, 1, 20, 0, tzinfo=UTC), results)


def test_html_escapes_the_server_and_shows_no_secret() -> None:
    page = to_html(_report(), "en")
    assert "<script>" not in page and "<img src=/etc" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    for secret in ("SECRET123", "T0KEN", "S3\""):
        assert secret not in page
    assert "access_token=***" in page and "token=***" in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "does not follow the account" in page and "FAIL" in page


def test_markdown_fences_the_server_and_speaks_chinese() -> None:
    md = to_markdown(_report(), "zh")
    assert md.startswith("# 模拟中间件检查报告")
    outside, fenced, inside = [], 0, False
    for line in md.splitlines():
        if line.startswith("~~~~"):
            inside, fenced = not inside, fenced + 1
        elif not inside:
            outside.append(line)
    assert fenced % 2 == 0 and not inside  # the answer's own ~~~~ did not close the fence
    assert "<script>" not in "\n".join(outside)  # raw only inside the fenced answer
    assert "&lt;script&gt;" in "\n".join(outside)  # the errmsg in prose, escaped
    assert "接收者未关注公众号" in md and "SECRET123" not in md


def test_a_passing_check_has_no_fix() -> None:
    assert result_text(_report().results[0], "en").fix == ""


def test_a_password_in_a_url_is_masked_and_the_rest_kept() -> None:
    url = "https://ops:s3cret@mw.example.com:8443/wx?appid=wx1&sign=abc&x=1"
    assert mask_url(url) == "https://ops:***@mw.example.com:8443/wx?appid=wx1&sign=***&x=1"
    assert mask_url("https://mw.example.com/wx") == "https://mw.example.com/wx"
