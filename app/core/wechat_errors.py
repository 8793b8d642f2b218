"""WeChat / Udesk error codes explained in Chinese and English, with what to do (contract §3)."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.lang import pick


@dataclass(frozen=True)
class Explanation:
    zh: str
    en: str
    hint_zh: str
    hint_en: str

    def text(self, lang: str) -> str:
        return pick(lang, self.en, self.zh)

    def hint(self, lang: str) -> str:
        return pick(lang, self.hint_en, self.hint_zh)


_E = Explanation

WECHAT_ERRORS: dict[int, Explanation] = {
    -1: _E("系统繁忙", "WeChat is busy", "稍后再试。", "Try again in a moment."),
    40001: _E(
        "AppSecret 错误或 access_token 无效",
        "Invalid credential: wrong AppSecret or access_token",
        "请中间件方核对公众号的 AppID/AppSecret。",
        "Ask the middleware's owner to check the account's AppID/AppSecret.",
    ),
    40003: _E(
        "openid 无效：该用户未关注此公众号，或是其他公众号的 openid",
        "Invalid openid: not a follower of this account, or another account's openid",
        "确认 openid 属于当前公众号（同一用户在不同公众号的 openid 不同）。",
        "Check the openid belongs to this official account (openids differ per account).",
    ),
    40013: _E(
        "AppID 无效",
        "Invalid AppID",
        "检查模拟域名中的 appid 参数与中间件配置。",
        "Check the appid in the simulation domain and the middleware's configuration.",
    ),
    40014: _E(
        "access_token 无效",
        "Invalid access_token",
        "中间件需要重新获取 access_token。",
        "The middleware must fetch a new access_token.",
    ),
    42001: _E(
        "access_token 已过期",
        "access_token expired",
        "中间件需要刷新 access_token（有效期 2 小时）。",
        "The middleware must refresh its access_token (valid for 2 hours).",
    ),
    40036: _E(
        "template_id 长度不正确",
        "Invalid template_id size",
        "从模板列表中复制完整的模板 ID。",
        "Copy the whole template ID from the template list.",
    ),
    40037: _E(
        "template_id 无效：模板已删除或属于其他公众号",
        "Invalid template_id: deleted, or it belongs to another account",
        "刷新模板列表，选用当前公众号下存在的模板。",
        "Refresh the template list and pick a template of this account.",
    ),
    40164: _E(
        "调用方 IP 不在白名单中",
        "Caller IP is not in the whitelist",
        "在公众平台把中间件服务器的出口 IP 加入白名单。",
        "Add the middleware server's outgoing IP to the account's IP whitelist.",
    ),
    41001: _E(
        "缺少 access_token 参数",
        "access_token missing",
        "中间件调用微信时没有带上 access_token。",
        "The middleware called WeChat without an access_token.",
    ),
    41030: _E(
        "小程序页面路径不存在或小程序未发布",
        "Mini-program page does not exist or is not published",
        "检查 pagepath，并确认小程序已发布且已关联此公众号。",
        "Check pagepath, and that the mini program is published and linked to this account.",
    ),
    43004: _E(
        "接收者未关注公众号",
        "The recipient does not follow the account",
        "请用户先关注公众号，或换一个已关注的 openid 测试。",
        "Ask the user to follow the account, or test with a follower's openid.",
    ),
    43101: _E(
        "用户拒绝接收消息",
        "The user refused to receive messages",
        "用户在公众号里关闭了消息接收，换一个 openid 测试。",
        "The user turned messages off for this account; test with another openid.",
    ),
    43116: _E(
        "模板因滥用被封禁",
        "The template is banned for abuse",
        "在公众平台查看模板状态，换用其他模板。",
        "Check the template's status in the official-account platform; use another template.",
    ),
    43117: _E(
        "对该用户发送过于频繁",
        "Too many messages to this user",
        "稍后再给该用户发送。",
        "Wait before sending to this user again.",
    ),
    45009: _E(
        "接口调用已达今日上限",
        "Daily API quota reached",
        "明天再试，或在公众平台清零调用次数。",
        "Try tomorrow, or reset the quota in the official-account platform.",
    ),
    47001: _E(
        "请求体不是合法的 JSON",
        "The request body is not valid JSON",
        "检查高级模式中编辑的 JSON。",
        "Check the JSON edited in advanced mode.",
    ),
    47003: _E(
        "模板参数为空或不符合字段规则",
        "A template field is empty or breaks its type rule",
        "按错误信息中的字段名修改内容（如 thing 不超过 20 个字）。",
        "Fix the field named in the message (e.g. thing is at most 20 characters).",
    ),
    48001: _E(
        "公众号没有此接口权限",
        "The account has no permission for this API",
        "确认公众号是已认证的服务号，且已开通模板消息。",
        "Make sure the account is a verified service account with template messages enabled.",
    ),
}

UDESK_SUCCESS = 1000


def explain(code: int | str | None) -> Explanation | None:
    """The explanation of a WeChat errcode, or None when it is not one we know."""
    try:
        number = int(code) if code is not None else None
    except (TypeError, ValueError):
        return None
    return WECHAT_ERRORS.get(number) if number is not None else None
