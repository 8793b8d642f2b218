"""WeChat errcodes explained, with what to do (contract §3): ``errcode.N``, ``errcode.N.hint``."""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    "errcode.-1": ("WeChat is busy", "系统繁忙"),
    "errcode.-1.hint": ("Try again in a moment.", "稍后再试。"),
    "errcode.40001": (
        "Invalid credential: wrong AppSecret or access_token",
        "AppSecret 错误或 access_token 无效",
    ),
    "errcode.40001.hint": (
        "Ask the middleware's owner to check the account's AppID/AppSecret.",
        "请中间件方核对公众号的 AppID/AppSecret。",
    ),
    "errcode.40003": (
        "Invalid openid: not a follower of this account, or another account's openid",
        "openid 无效：该用户未关注此公众号，或是其他公众号的 openid",
    ),
    "errcode.40003.hint": (
        "Check the openid belongs to this official account (openids differ per account).",
        "确认 openid 属于当前公众号（同一用户在不同公众号的 openid 不同）。",
    ),
    "errcode.40013": ("Invalid AppID", "AppID 无效"),
    "errcode.40013.hint": (
        "Check the appid in the simulation domain and the middleware's configuration.",
        "检查模拟域名中的 appid 参数与中间件配置。",
    ),
    "errcode.40014": ("Invalid access_token", "access_token 无效"),
    "errcode.40014.hint": (
        "The middleware must fetch a new access_token.",
        "中间件需要重新获取 access_token。",
    ),
    "errcode.42001": ("access_token expired", "access_token 已过期"),
    "errcode.42001.hint": (
        "The middleware must refresh its access_token (valid for 2 hours).",
        "中间件需要刷新 access_token（有效期 2 小时）。",
    ),
    "errcode.40036": ("Invalid template_id size", "template_id 长度不正确"),
    "errcode.40036.hint": (
        "Copy the whole template ID from the template list.",
        "从模板列表中复制完整的模板 ID。",
    ),
    "errcode.40037": (
        "Invalid template_id: deleted, or it belongs to another account",
        "template_id 无效：模板已删除或属于其他公众号",
    ),
    "errcode.40037.hint": (
        "Refresh the template list and pick a template of this account.",
        "刷新模板列表，选用当前公众号下存在的模板。",
    ),
    "errcode.40164": ("Caller IP is not in the whitelist", "调用方 IP 不在白名单中"),
    "errcode.40164.hint": (
        "Add the middleware server's outgoing IP to the account's IP whitelist.",
        "在公众平台把中间件服务器的出口 IP 加入白名单。",
    ),
    "errcode.41001": ("access_token missing", "缺少 access_token 参数"),
    "errcode.41001.hint": (
        "The middleware called WeChat without an access_token.",
        "中间件调用微信时没有带上 access_token。",
    ),
    "errcode.41030": (
        "Mini-program page does not exist or is not published",
        "小程序页面路径不存在或小程序未发布",
    ),
    "errcode.41030.hint": (
        "Check pagepath, and that the mini program is published and linked to this account.",
        "检查 pagepath，并确认小程序已发布且已关联此公众号。",
    ),
    "errcode.43004": ("The recipient does not follow the account", "接收者未关注公众号"),
    "errcode.43004.hint": (
        "Ask the user to follow the account, or test with a follower's openid.",
        "请用户先关注公众号，或换一个已关注的 openid 测试。",
    ),
    "errcode.43101": ("The user refused to receive messages", "用户拒绝接收消息"),
    "errcode.43101.hint": (
        "The user turned messages off for this account; test with another openid.",
        "用户在公众号里关闭了消息接收，换一个 openid 测试。",
    ),
    "errcode.43116": ("The template is banned for abuse", "模板因滥用被封禁"),
    "errcode.43116.hint": (
        "Check the template's status in the official-account platform; use another template.",
        "在公众平台查看模板状态，换用其他模板。",
    ),
    "errcode.43117": ("Too many messages to this user", "对该用户发送过于频繁"),
    "errcode.43117.hint": ("Wait before sending to this user again.", "稍后再给该用户发送。"),
    "errcode.45009": ("Daily API quota reached", "接口调用已达今日上限"),
    "errcode.45009.hint": (
        "Try tomorrow, or reset the quota in the official-account platform.",
        "明天再试，或在公众平台清零调用次数。",
    ),
    "errcode.47001": ("The request body is not valid JSON", "请求体不是合法的 JSON"),
    "errcode.47001.hint": (
        "Check the JSON edited in advanced mode.",
        "检查高级模式中编辑的 JSON。",
    ),
    "errcode.47003": (
        "A template field is empty or breaks its type rule",
        "模板参数为空或不符合字段规则",
    ),
    "errcode.47003.hint": (
        "Fix the field named in the message (e.g. thing is at most 20 characters).",
        "按错误信息中的字段名修改内容（如 thing 不超过 20 个字）。",
    ),
    "errcode.48001": ("The account has no permission for this API", "公众号没有此接口权限"),
    "errcode.48001.hint": (
        "Make sure the account is a verified service account with template messages enabled.",
        "确认公众号是已认证的服务号，且已开通模板消息。",
    ),
}
