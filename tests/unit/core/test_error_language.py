"""Every reason the core gives the user comes in Chinese too: the users read Chinese."""

from __future__ import annotations

import ast
from pathlib import Path

import app.core
from app.core.errors import BadInput, OutcomeUnknown, RemoteRefused
from app.core.messages import describe

USER_FACING = {"BadInput", "ProtocolError", "TransportError", "OutcomeUnknown"}
CORE = Path(app.core.__file__).parent


def _raises_without_chinese() -> list[str]:
    missing = []
    for path in sorted(CORE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            func = node.exc.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in USER_FACING and "zh" not in {k.arg for k in node.exc.keywords}:
                missing.append(f"{path.name}:{node.lineno} {name}")
    return missing


def test_every_core_raise_gives_the_reason_in_chinese() -> None:
    assert _raises_without_chinese() == []


def test_describe_picks_the_language() -> None:
    error = BadInput("copies must be between 1 and 100", zh="份数必须在 1 到 100 之间")
    assert describe(error, "zh") == "输入有误：份数必须在 1 到 100 之间"
    assert describe(error, "en") == "Bad input: copies must be between 1 and 100"
    assert error.text("zh_CN") == "份数必须在 1 到 100 之间"
    assert BadInput("only English").text("zh") == "only English"  # never empty
    unknown = OutcomeUnknown("timed out", zh="超时")
    assert describe(unknown, "zh").startswith("发送结果未知：超时。")
    assert RemoteRefused(4001, "bad").text("zh") == "被拒绝，代码 4001：bad"
