from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.sandbox import DEMO_APP_ID, DEMO_OFFI_ACCOUNT_ID, DEMO_SDK_APP_ID, Sandbox


def write_config(path: Path, **profiles: dict[str, object]) -> Path:
    lines = [f'default_profile = "{next(iter(profiles))}"']
    for name, values in profiles.items():
        lines.append(f"[profiles.{name}]")
        for key, value in values.items():
            lines.append(f"{key} = {json.dumps(value)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_scripted_config(home: Path, base: str, timeout: float) -> Path:
    """A profile ``t`` whose QR API and middleware are a scripted server at ``base``."""
    return write_config(
        home / "config.toml",
        t={
            "qr_api_url": base + "/qr",
            "app_id": "a",
            "secret": "s",
            "middleware_url": base + "/mw",
            "sdk_app_id": "s",
            "offi_account_id": "o",
            "timeout": timeout,
        },
    )


@pytest.fixture
def sandbox_config(sandbox: Sandbox, isolated_home: Path) -> Path:
    """A real config file whose profile talks to the sandbox; the secret comes from the env."""
    return write_config(
        isolated_home / "config.toml",
        test={
            "qr_api_url": sandbox.qr_api_url,
            "app_id": DEMO_APP_ID,
            "middleware_url": sandbox.middleware_url,
            "sdk_app_id": DEMO_SDK_APP_ID,
            "offi_account_id": DEMO_OFFI_ACCOUNT_ID,
            "timeout": 5,
        },
    )
