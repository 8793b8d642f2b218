"""The request funnel: transport failures and answers that break the contract (``http.``)."""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    "http.too_large": ("the answer is larger than {limit:size}", "回答超过 {limit:size}"),
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
    "http.unsupported_url": (
        "unsupported URL: it must start with http:// or https://",
        "不支持的网址：必须以 http:// 或 https:// 开头",
    ),
    "http.tls": ("the TLS connection to {host} failed", "与 {host} 的 TLS 连接失败"),
    "http.tls.expired": (
        "the TLS certificate of {host} has expired (or this computer's clock is wrong)",
        "{host} 的 TLS 证书已过期（或本机时间不对）",
    ),
    "http.tls.self_signed": (
        "the TLS certificate of {host} is self-signed: set its certificate as the profile's CA "
        "bundle if you trust it",
        "{host} 的 TLS 证书是自签名的：如果信任它，请把该证书设为配置的 CA 证书",
    ),
    "http.tls.unknown_issuer": (
        "the TLS certificate of {host} comes from a CA this computer does not trust (a company "
        "proxy?): set that CA as the profile's CA bundle",
        "{host} 的 TLS 证书由本机不信任的 CA 签发（公司代理？）：请把该 CA 设为配置的 CA 证书",
    ),
    "http.tls.hostname": (
        "the TLS certificate of {host} is made out to another host name or address",
        "{host} 的 TLS 证书属于另一个主机名或地址",
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
    "http.connect_failed": ("connection to {host} failed", "连接 {host} 失败"),
    "http.other": ("network error ({kind})", "网络错误（{kind}）"),
    "http.status": (
        "HTTP {status} (answer instead of the contract's JSON)",
        "HTTP {status}（收到的不是约定的 JSON）",
    ),
    "http.status.html": (
        "HTTP {status} (HTML page instead of the contract's JSON)",
        "HTTP {status}（收到 HTML 网页，不是约定的 JSON）",
    ),
    "http.json_syntax": (
        "the body is not valid JSON (line {line}, column {column})",
        "回答不是有效的 JSON（第 {line} 行第 {column} 列）",
    ),
    "http.empty": ("the body is empty instead of JSON", "回答是空的，没有 JSON"),
    # Kept for history rows written before http.json_syntax: {reason} was json's English.
    "http.not_json": (
        "the body is not valid JSON (at character {pos})",
        "回答不是有效的 JSON（第 {pos} 个字符）",
    ),
    "http.not_utf8": (
        "the body is not valid JSON: it is not UTF-8 text",
        "回答不是有效的 JSON：它不是 UTF-8 文本",
    ),
    "http.json_too_deep": (
        "the JSON is nested too deeply to read",
        "回答的 JSON 嵌套过深，无法读取",
    ),
    "http.json_number_too_long": (
        "the JSON holds a number too long to read",
        "回答的 JSON 里有一个长得无法读取的数字",
    ),
    "http.no_code": ("the answer has no “{name}”", "回答里没有“{name}”"),
    "http.code_type": ("“{name}” is not a number: {value}", "“{name}”不是数字：{value}"),
    "http.gateway": (
        "a gateway answered HTTP {status}; the server behind it may have taken the request",
        "网关返回 HTTP {status}，后面的服务器可能已经收到请求",
    ),
    "http.accepted_but": (
        "the server took the request, but {cause}",
        "服务器已收到请求，但{cause}",
    ),
    "http.deadline": (
        "timed out: no complete answer within {seconds} s",
        "超时：{seconds} 秒内没有收到完整回答",
    ),
    "http.encoding_unsupported": (
        "the answer uses an unsupported Content-Encoding: {encoding}",
        "回答使用了不支持的 Content-Encoding：{encoding}",
    ),
    "http.encoding_corrupt": (
        "the answer's {encoding} data is corrupt or cut short",
        "回答的 {encoding} 压缩数据已损坏或不完整",
    ),
    "http.bad_url": ("not a usable URL: {url}", "网址不可用：{url}"),
    "http.ca_bundle": (
        "cannot read the CA bundle {path}: {cause}",
        "无法读取 CA 证书文件 {path}：{cause}",
    ),
    "http.ca_bundle_invalid": (
        "the CA bundle {path} holds no usable certificate (PEM text)",
        "CA 证书文件 {path} 中没有可用的证书（PEM 格式）",
    ),
    "http.socks_missing": (
        "the proxy {proxy} needs SOCKS support: pip install 'httpx[socks]'",
        "代理 {proxy} 需要 SOCKS 支持：pip install 'httpx[socks]'",
    ),
    "http.proxy": (
        "the proxy is not usable: it must start with http://, https:// or socks5://",
        "代理地址不可用：必须以 http://、https:// 或 socks5:// 开头",
    ),
    "http.not_object": (
        "expected a JSON object, got {kind}",
        "回答应是 JSON 对象，实际是 {kind}",
    ),
}
