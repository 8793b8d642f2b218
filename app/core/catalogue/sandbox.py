"""The built-in sandbox's own messages (``sandbox.``)."""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    "sandbox.exposed": (
        "warning: the sandbox listens on {host}, beyond this machine: anyone who can reach it "
        "gets codes signed with the public demo secret; use 127.0.0.1 unless you mean it",
        "警告：沙箱监听在 {host}，本机以外也能访问：任何能连上的人都能用公开的演示密钥生成二维码；"
        "除非确有需要，请使用 127.0.0.1",
    ),
}
