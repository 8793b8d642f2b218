"""Contract breaches in the middleware's template list entries (``template.``)."""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    "template.not_object": ("the entry is a {kind}, not an object", "该条目是 {kind}，不是对象"),
    "template.key_spelling": ("key “{wrong}” should be “{right}”", "键“{wrong}”应写作“{right}”"),
    "template.no_id": ("“template_id” missing or not a string", "“template_id”缺失或不是字符串"),
    "template.id_control": (
        "“template_id” contains control characters (shown as �)",
        "“template_id”含有控制字符（显示为 �）",
    ),
    "template.no_title": ("“title” missing or not a string", "“title”缺失或不是字符串"),
    "template.not_text": ("“{key}” is not a string", "“{key}”不是字符串"),
    "template.entry": ("{id}: {problems}", "{id}：{problems}"),
}
