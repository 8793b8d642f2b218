"""Inputs named the way the GUI labels them (``field.NAME``), for sentences about a field.

A ``field`` parameter of a sentence is shown through these; the wire name stays in brackets
where the user may meet it in a CLI option or a vendor document.
"""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    "field.sdkAppId": ("sdkAppId", "sdkAppId"),
    "field.offiAccountId": (
        "Official account ID (offiAccountId)",
        "公众号 ID（offiAccountId）",
    ),
    "field.offiAccountOpenId": (
        "Customer openId (offiAccountOpenId)",
        "客户 openId（offiAccountOpenId）",
    ),
    "field.callTimes": ("Calls allowed (callTimes)", "可呼叫次数（callTimes）"),
    "field.qr_api_url": ("QR API URL", "二维码接口地址"),
    "field.app_id": ("appId", "appId"),
    "field.secret": ("secret", "密钥"),
    "field.middleware_url": ("Simulation domain", "模拟域名"),
    "field.touser": ("Recipient openId (touser)", "接收人 openId（touser）"),
    "field.template_id": ("template ID (template_id)", "模板 ID（template_id）"),
    "field.appid": ("Mini-program appid", "小程序 appid"),
    "field.pagepath": ("Page path", "页面路径"),
    "field.agent_id": ("Agent ID (agent_id)", "坐席 ID（agent_id）"),
    "field.group_id": ("Agent group ID (group_id)", "技能组 ID（group_id）"),
    "field.client_msg_id": ("Message id (client_msg_id)", "消息 ID（client_msg_id）"),
    "field.timeout": ("Timeout", "超时"),
    "field.ca_bundle": ("CA bundle", "CA 证书"),
    "field.proxy": ("Proxy", "代理"),
    "field.name": ("Profile name", "配置名称"),
}
