"""The demo sandbox's fixed credentials and profile, without the server code.

Kept apart from :mod:`app.core.sandbox` so the GUI can show its window (with the demo profile
already in the switcher) before the sandbox's HTTP server is even imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.profiles import Profile

if TYPE_CHECKING:
    import _socket

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


def demo_profile(base_url: str, name: str = "demo") -> Profile:
    """A profile that talks to a sandbox at ``base_url`` (never saved to the user's config)."""
    return Profile(
        name=name,
        qr_api_url=base_url + QR_PATH,
        app_id=DEMO_APP_ID,
        middleware_url=f"{base_url}{MW_PREFIX}?appid={MW_APPID}",
        sdk_app_id=DEMO_SDK_APP_ID,
        offi_account_id=DEMO_OFFI_ACCOUNT_ID,
        secret=DEMO_SECRET,
        timeout=10.0,
        demo=True,
    )


def reserve_port(host: str = "127.0.0.1") -> _socket.socket:
    """A listening loopback socket for the sandbox to adopt later.

    Made by the C module under :mod:`socket`, whose import builds an enum of every address
    family, socket kind and flag (0.6 MB before the window shows); the sandbox wraps it in a
    ``socket.socket`` when it starts.
    """
    import _socket

    sock = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
    sock.bind((host, 0))
    sock.listen(32)
    return sock
