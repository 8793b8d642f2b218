"""The demo sandbox's fixed credentials and profile, without the server code (the CLI and the
tests use them without starting a server)."""

from __future__ import annotations

from app.core.profiles import Profile

DEMO_APP_ID = "demo-app"
DEMO_SECRET = "demo-secret-for-sandbox-only"
DEMO_SDK_APP_ID = "1400000000"
DEMO_OFFI_ACCOUNT_ID = "gh_demo00000001"
DEMO_MP_APPID = "wxdemominiprogram"
MW_PREFIX = "/mw/wxdemo"
MW_APPID = "wxdemo"
QR_PATH = "/udesk/qrcode"
NON_FOLLOWER_OPENID = "o_not_follower"
TIMESTAMP_WINDOW = 300
DEMO_PROFILE_NAME = "demo"


DEMO_MINI_PROGRAM_APPID = "wxdemovideo0001"
DEMO_MINI_PROGRAM_PAGEPATH = "pages/video/index"


def demo_profile(base_url: str, name: str = DEMO_PROFILE_NAME) -> Profile:
    """A profile that talks to a sandbox at ``base_url`` (never saved to the user's config)."""
    return Profile(
        name=name,
        qr_api_url=base_url + QR_PATH,
        app_id=DEMO_APP_ID,
        middleware_url=f"{base_url}{MW_PREFIX}?appid={MW_APPID}",
        sdk_app_id=DEMO_SDK_APP_ID,
        offi_account_id=DEMO_OFFI_ACCOUNT_ID,
        mini_program_appid=DEMO_MINI_PROGRAM_APPID,
        mini_program_pagepath=DEMO_MINI_PROGRAM_PAGEPATH,
        secret=DEMO_SECRET,
        timeout=10.0,
        demo=True,
    )
