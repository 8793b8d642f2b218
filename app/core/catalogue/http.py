"""The request funnel: transport failures and answers that break the contract (``http.``)."""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    "http.too_large": ("the answer is larger than {limit} bytes", "回答超过 {limit} 字节"),
    "http.redirects": ("too many redirects", "重定向次数过多"),
    "http.after_send.timeout": (
        "the request was sent, then no answer came in time",
        "请求已发出，但在超时时间内没有收到回答",
    ),
    "http.after_send.dropped": (
        "the connection broke after the request was sent ({kind})",
        "请求发出后连接中断（{kind}）",
    ),
    "http.connect_timeout": (
        "connection timed out: {host} did not answer",
        "连接超时：{host} 没有回应",
    ),
    "http.timeout": ("timed out waiting for the server", "等待服务器回答超时"),
    "http.unsupported_url": ("unsupported URL ({reason})", "不支持的网址（{reason}）"),
    "http.tls": (
        "TLS verification failed for {host}: {reason}",
        "{host} 的 TLS 证书校验失败：{reason}",
    ),
    "http.dns": (
        "connection failed: the host name {host} was not found (check the URL and the DNS)",
        "连接失败：找不到主机名 {host}（请检查网址和 DNS）",
    ),
    "http.refused": (
        "connection failed: {host} refused the connection (is the server running on that port?)",
        "连接失败：{host} 拒绝了连接（该端口上的服务是否在运行？）",
    ),
    "http.unreachable": (
        "connection failed: {host} cannot be reached from this network",
        "连接失败：从当前网络无法到达 {host}",
    ),
    "http.connect_failed": ("connection failed ({reason})", "连接失败（{reason}）"),
    "http.other": ("network error {kind}: {reason}", "网络错误 {kind}：{reason}"),
    "http.status": (
        "HTTP {status} (answer instead of the contract's JSON)",
        "HTTP {status}（收到的不是约定的 JSON）",
    ),
    "http.status.html": (
        "HTTP {status} (HTML page instead of the contract's JSON)",
        "HTTP {status}（收到 HTML 网页，不是约定的 JSON）",
    ),
    "http.not_json": ("the body is not valid JSON ({kind})", "回答不是有效的 JSON（{kind}）"),
    "http.not_object": (
        "expected a JSON object, got {kind}",
        "回答应是 JSON 对象，实际是 {kind}",
    ),
}
