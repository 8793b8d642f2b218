"""Sentences about the history database (``history.``)."""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    "history.read_only": (
        "History cannot be written in {path}: the folder is read-only or not yours. "
        "QR codes still work; sends wait until history can be written.",
        "无法写入历史记录 {path}：该文件夹只读或没有权限。"
        "二维码仍可生成；发送要等历史记录可写后才能进行。",
    ),
    "history.full": (
        "History cannot be written in {path}: the disk is full or failing. "
        "QR codes still work; sends wait until there is space.",
        "无法写入历史记录 {path}：磁盘已满或出错。二维码仍可生成；发送要等腾出空间后才能进行。",
    ),
    "history.busy": (
        "History in {path} stayed locked by another copy of Recall Desk; try again.",
        "历史记录 {path} 一直被另一个召回助手占用，请稍后再试。",
    ),
    "history.unavailable": (
        "History cannot be written in {path}. "
        "QR codes still work; sends wait until history can be written.",
        "无法写入历史记录 {path}。二维码仍可生成；发送要等历史记录可写后才能进行。",
    ),
    "history.qr_unrecorded": (
        "This code is not recorded in history. {cause}",
        "这个二维码没有记入历史记录。{cause}",
    ),
    "history.batch_unrecorded": (
        "{n:code is/codes are} not recorded in history (the manifest lists every code). {cause}",
        "有 {n} 个二维码没有记入历史记录（清单中列有全部二维码）。{cause}",
    ),
    "history.damaged": (
        "The history database was damaged: it was moved to {path} and a new one was started.",
        "历史记录数据库已损坏：已移到 {path}，并新建了一个。",
    ),
    # A failure recorded as prose before history kept keys (version 3), shown as it was; each
    # sentence formats the other language's text to nothing (``:.0``): same parameters in both.
    "history.recorded": ("{en}{zh:.0}", "{zh}{en:.0}"),
    "history.internal": ("an internal error ({name})", "内部错误（{name}）"),
    "history.answer_unrecorded": (
        "the middleware answered, but its answer could not be recorded in {path}",
        "中间件已回答，但无法把回答记入 {path}",
    ),
}
