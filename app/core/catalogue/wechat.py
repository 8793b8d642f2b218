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
    "errcode.43117": (
        "Too many messages to this user (or the user complained about them)",
        "给该用户发送过于频繁（或用户投诉过）",
    ),
    "errcode.43117.hint": (
        "Wait a few hours before sending to this user again, send this user fewer messages, "
        "and test with another follower meanwhile; a resend now is refused the same way.",
        "请过几个小时再给该用户发送，并减少对该用户的发送；测试时先换一个已关注的用户。"
        "现在重发也会同样被拒绝。",
    ),
    "errcode.45009": ("Daily API quota reached", "接口调用已达今日上限"),
    "errcode.45009.hint": (
        "Try tomorrow, or reset the quota in the official-account platform.",
        "明天再试，或在公众平台清零调用次数。",
    ),
    "errcode.47001": (
        "The request body is not valid JSON, or {field} has the wrong shape",
        "请求体不是合法的 JSON，或 {field} 的格式不对",
    ),
    "errcode.47001.hint": (
        "Check {field} in the JSON (edited in advanced mode?): data entries are "
        '{{"value": "…"}} objects.',
        "检查 JSON 中的 {field}（是否在高级模式中改过？）：data 的每一项应是 "
        '{{"value": "…"}} 对象。',
    ),
    "errcode.47003": (
        "The field {field} is empty or breaks its keyword type's rule",
        "字段 {field} 为空或不符合其类型规则",
    ),
    "errcode.47003.hint": (
        "Fix {field}: thing at most 20 characters, time/date ranges joined by a half-width ~ "
        "(not ～), const only an approved value; lint on the Templates page shows which rule.",
        "请修改 {field}：thing 不超过 20 个字，时间段用半角 ~ 连接（不是 ～），"
        "const 只能填审核通过的值；“模板”页的检查会指出违反哪条规则。",
    ),
    "errcode.48001": ("The account has no permission for this API", "公众号没有此接口权限"),
    "errcode.48001.hint": (
        "Make sure the account is a verified service account with template messages enabled.",
        "确认公众号是已认证的服务号，且已开通模板消息。",
    ),
    "errcode.40125": ("Invalid AppSecret", "AppSecret 无效"),
    "errcode.40125.hint": (
        "Ask the middleware's owner to check the account's AppSecret (reset it if needed).",
        "请中间件方核对公众号的 AppSecret（必要时重置）。",
    ),
    "errcode.44002": ("The request body is empty", "请求体为空"),
    "errcode.44002.hint": (
        "The middleware forwarded an empty body to WeChat: check how it relays the request.",
        "中间件转发给微信的请求体是空的：请检查它的转发逻辑。",
    ),
    "errcode.40165": (
        "Invalid mini-program page path: the page is not in the published mini program",
        "小程序页面路径无效：已发布的小程序里没有这个页面",
    ),
    "errcode.40165.hint": (
        "Use a page path of the published version (pages/…, without a leading /), or publish "
        "the page first; pages only in a trial or development version do not count.",
        "请使用已发布版本中的页面路径（pages/…，不以 / 开头），或先发布该页面；体验版、开发版中的"
        "页面不算。",
    ),
    "errcode.40249": (
        "The message content was blocked as illegal",
        "消息内容被判定为违规，已拦截",
    ),
    "errcode.40249.hint": (
        "Change the field values (no marketing, links or sensitive words) and send again.",
        "请修改字段内容（不要营销、链接或敏感词）后再发送。",
    ),
    "errcode.40247": (
        "A historical template can no longer be added",
        "历史模板已不能再添加",
    ),
    "errcode.40247.hint": (
        "Use a category template (类目模板) chosen in the official-account platform instead.",
        "请在公众平台改用类目模板。",
    ),
    "errcode.45109": (
        "This API is retired (the mini program's uniform_send)",
        "该接口已下线（小程序的 uniform_send）",
    ),
    "errcode.45109.hint": (
        "Send through the official account's template-message API (/message/template/send).",
        "请改用公众号的模板消息接口（/message/template/send）发送。",
    ),
    "errcode.40246": (
        "Invalid keyword name for this template (when adding a template)",
        "添加模板时关键词名称无效",
    ),
    "errcode.40246.hint": (
        "Pick the keywords from the category template's list, named as WeChat names them.",
        "请从类目模板的关键词列表中选择，名称与微信提供的一致。",
    ),
    "errcode.unknown": (
        "errcode {code} is not a code Recall Desk can explain; WeChat says “{errmsg}”. Look it "
        "up in WeChat's global return codes, or ask the middleware's owner.",
        "Recall Desk 无法解释 errcode {code}；微信的说明是“{errmsg}”。请查阅微信全局返回码，或询问"
        "中间件方。",
    ),
}
