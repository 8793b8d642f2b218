"""Errors become sentences here, and only here: one mapping from exception type to a message.

The detail (code, message, HTTP status, URL, body excerpt) is kept for a "Details" toggle.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.errors import (
    BadInput,
    OutcomeUnknown,
    ProtocolError,
    RecallError,
    RemoteRefused,
    TransportError,
)


def ui_language() -> str:
    from PySide6.QtCore import QLocale

    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def describe(error: BaseException) -> tuple[str, str]:
    """Return ``(summary, detail)`` in the UI language."""
    detail_lines: list[str] = []
    if isinstance(error, RecallError) and error.context is not None:
        ctx = error.context
        detail_lines.append(f"{ctx.method} {ctx.url}")
        if ctx.status is not None:
            detail_lines.append(f"HTTP {ctx.status}")
        if ctx.body_excerpt:
            detail_lines.append(ctx.body_excerpt)
    lang = ui_language()
    if isinstance(error, RemoteRefused):
        detail_lines.insert(0, f"code {error.code}: {error.remote_message}")
        from app.core.wechat_errors import explain  # the errcode table, only for a refusal

        explanation = explain(error.code)
        if explanation is not None:
            summary = QCoreApplication.translate(
                "Errors", "Refused with code {code}: {text}. {hint}"
            ).format(code=error.code, text=explanation.text(lang), hint=explanation.hint(lang))
        else:
            summary = QCoreApplication.translate(
                "Errors", "The server refused with code {code}: {message}"
            ).format(code=error.code, message=error.remote_message or "—")
    elif isinstance(error, OutcomeUnknown):
        summary = QCoreApplication.translate(
            "Errors", "Outcome unknown — check the phone before sending again. ({reason})"
        ).format(reason=error.text(lang))
    elif isinstance(error, BadInput):
        summary = QCoreApplication.translate("Errors", "Please check the input: {message}").format(
            message=error.text(lang)
        )
    elif isinstance(error, ProtocolError):
        summary = QCoreApplication.translate(
            "Errors", "The server's answer does not follow the contract: {message}"
        ).format(message=error.text(lang))
    elif isinstance(error, TransportError):
        summary = QCoreApplication.translate(
            "Errors", "Could not reach the server: {message}"
        ).format(message=error.text(lang))
    elif isinstance(error, OSError):
        summary = QCoreApplication.translate(
            "Errors", "Could not write the file: {message}"
        ).format(message=error.strerror or str(error))
    else:
        summary = QCoreApplication.translate(
            "Errors", "Something went wrong inside Recall Desk. The details are in the log."
        )
        detail_lines.append(type(error).__name__)
    return summary, "\n".join(detail_lines)
