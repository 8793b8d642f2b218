"""Settings' Test connection: call the QR API and the template list with a profile, then say
what each answered (in the UI language). The words on the page keep its translation context."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QPushButton

from app.core.auth_probe import probe_timestamp_names
from app.core.errors import RecallError
from app.core.profiles import Profile
from app.core.service import Service
from app.core.udesk import QrRequest
from app.ui.auth_forms import timestamp_report
from app.ui.errors import describe, fill
from app.ui.tasks import TaskRunner
from app.ui.widgets import InlineMessage

TEST_OPEN_ID = "recall-desk-connection-test"


class ConnectionTest(QObject):
    """Runs the checks off the GUI thread with ``button`` disabled, says the outcome on
    ``message``.

    Signals:
        tested(list): a test finished; a list of (check, ok, text).
    """

    tested = Signal(list)

    def __init__(self, tasks: TaskRunner, message: InlineMessage, button: QPushButton) -> None:
        super().__init__(button)
        self._tasks = tasks
        self._message = message
        self._button = button

    def start(self, profile: Profile, secret: Callable[[], str]) -> None:
        """Test ``profile``; ``secret`` is called on the worker (a keyring may be slow)."""
        self._button.setEnabled(False)
        self._message.show_message(
            "info",
            QCoreApplication.translate("SettingsPage", "Testing the QR API and the template list…"),
        )

        def done(outcomes: list[tuple[str, object]]) -> None:
            self._button.setEnabled(True)
            results = result_lines(outcomes, profile)
            lines = [("✓ " if ok else "✗ ") + text for _, ok, text in results]
            all_ok = all(ok for _, ok, _ in results)
            self._message.show_message("ok" if all_ok else "warning", "\n".join(lines))
            self.tested.emit(results)

        def failed(exc: BaseException) -> None:
            self._button.setEnabled(True)
            self._message.show_message("error", *describe(exc))

        self._tasks.run(lambda: run_checks(profile, secret()), done, failed)


def run_checks(profile: Profile, secret: str) -> list[tuple[str, object]]:
    """(check, outcome) for ``qr``, ``list`` and ``qr-timestamp``; None when not configured.

    Runs on a worker: it makes real requests.
    """
    outcomes: list[tuple[str, object]] = []
    request = QrRequest(
        profile.sdk_app_id or "test", profile.offi_account_id or "test", TEST_OPEN_ID
    )
    with Service(profile, secret) as service:
        checks = (
            ("qr", profile.qr_api_url, lambda: service.generate_qr(request)),
            ("list", profile.middleware_url, service.list_templates),
        )
        for check, configured, call in checks:
            if not configured:
                outcomes.append((check, None))
                continue
            try:
                outcomes.append((check, call()))
            except RecallError as exc:
                outcomes.append((check, exc))
    if profile.qr_api_url:
        outcomes.append(("qr-timestamp", probe_timestamp_names(profile, secret, request)))
    return outcomes


def result_lines(
    outcomes: list[tuple[str, object]], profile: Profile
) -> list[tuple[str, bool, str]]:
    """(check, ok, sentence) for each check, the timestamp report on the QR line."""
    probes: Any = dict(outcomes).get("qr-timestamp")
    results = [_line(check, value) for check, value in outcomes if check != "qr-timestamp"]
    if probes is not None:  # say which spelling of the timestamp the server read
        report = timestamp_report(probes, profile)
        results = [(c, ok, f"{t} {report}" if c == "qr" else t) for c, ok, t in results]
    return results


def _line(check: str, value: object) -> tuple[str, bool, str]:
    name = (
        QCoreApplication.translate("ConnectionTest", "QR API")
        if check == "qr"
        else QCoreApplication.translate("ConnectionTest", "Template list")
    )
    if value is None:
        return (
            check,
            False,
            QCoreApplication.translate("ConnectionTest", "{name}: not configured").format(
                name=name
            ),
        )
    if isinstance(value, BaseException):
        return check, False, f"{name}: {describe(value)[0]}"
    if check == "qr":
        image = value.image  # type: ignore[attr-defined]
        return (
            check,
            True,
            QCoreApplication.translate(
                "ConnectionTest", "{name}: signed request accepted, image verified ({w}×{h} {fmt})."
            ).format(name=name, w=image.width, h=image.height, fmt=image.format),
        )
    count = len(value.templates)  # type: ignore[attr-defined]
    return (
        check,
        True,
        fill(
            QCoreApplication.translate("ConnectionTest", "{name}: {n:template/templates}."),
            name=name,
            n=count,
        ),
    )
