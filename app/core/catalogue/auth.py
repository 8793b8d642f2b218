"""Sentences about request signing and its profile settings."""

SENTENCES: dict[str, tuple[str, str]] = {
    "auth.timestamp_name": (
        "profile {profile}: timestamp_name must be one of {choices}",
        "配置 {profile}：timestamp_name 只能是 {choices}",
    ),
}
