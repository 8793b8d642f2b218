"""How each kind of failure is framed for the user, around the reason the raise gave."""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    "error.bad_input": ("Please check the input: {reason}", "请检查输入：{reason}"),
    "error.transport": ("Could not reach the server: {reason}", "无法连接服务器：{reason}"),
    "error.protocol": (
        "The server's answer does not follow the contract: {reason}",
        "服务器的回答不符合接口约定：{reason}",
    ),
    "error.outcome_unknown": (
        "Send outcome unknown: {reason}. Check the phone before sending again.",
        "发送结果未知：{reason}。请先在手机上确认是否收到，再决定是否重发。",
    ),
    "error.outcome_unknown.id": (
        "To resend, reuse client_msg_id {client_msg_id} (WeChat drops the duplicate).",
        "如需重发，请沿用 client_msg_id {client_msg_id}（微信会去重）。",
    ),
    "error.refused": (
        "Refused: {remote} (a code Recall Desk cannot explain; the message is the server's own)",
        "被拒绝：{remote}（Recall Desk 无法解释这个代码，说明文字是服务器原话）",
    ),
    "error.refused.known": (
        "Refused ({remote}): {text}. {hint}",
        "被拒绝（{remote}）：{text}。{hint}",
    ),
    "error.file": ("Could not write the file: {reason}", "无法写入文件：{reason}"),
    "error.file.named": (
        "Could not write the file {path}: {reason}",
        "无法写入文件 {path}：{reason}",
    ),
    "error.internal": (
        "Something went wrong inside Recall Desk. The details are in the log.",
        "召回助手内部出错，详情见日志。",
    ),
    "remote.refused": ("refused with code {code}: {message}", "被拒绝，代码 {code}：{message}"),
    "input.control": (
        "{field} must not contain control characters",
        "{field}不能包含控制字符",
    ),
    "sentence.next": ("{text} {sentence}", "{text}{sentence}"),
    "detail.code": ("code {code}: {message}", "代码 {code}：{message}"),
    "detail.client_msg_id": ("client_msg_id: {client_msg_id}", "client_msg_id：{client_msg_id}"),
}
