<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuthForms</name>
    <message>
        <source>Both: timestamp and timestap</source>
        <translation>两个都发：timestamp 和 timestap</translation>
    </message>
    <message>
        <source>timestap (the source document&apos;s spelling)</source>
        <translation>timestap（原始文档的拼写）</translation>
    </message>
    <message>
        <source>The source document spells the parameter “timestap”. Sending both names works with either server; Test connection tells which one the server reads.</source>
        <translation>原始文档把这个参数写作“timestap”。两个名字都发送，哪种服务器都能用；“测试连接”会告诉你服务器读的是哪一个。</translation>
    </message>
    <message>
        <source>The server accepts the timestamp as “timestamp” and as “timestap”.</source>
        <translation>服务器接受“timestamp”和“timestap”两种写法的时间戳。</translation>
    </message>
    <message>
        <source>The server accepted neither “timestamp” nor “timestap” alone: keep sending both.</source>
        <translation>服务器单独使用“timestamp”或“timestap”都不接受：请继续两个都发。</translation>
    </message>
    <message>
        <source>The server accepts only “{name}”.</source>
        <translation>服务器只接受“{name}”。</translation>
    </message>
    <message>
        <source>Choose “{name}” (or both) under Timestamp sent as.</source>
        <translation>请在“时间戳参数名”里选择“{name}”（或两个都发）。</translation>
    </message>
</context>
<context>
    <name>BatchPage</name>
    <message>
        <source>Open list…</source>
        <translation>打开名单…</translation>
    </message>
    <message>
        <source>A .csv or .xlsx file with an openId column (Ctrl+O, or drop it here)</source>
        <translation>含 openId 列的 .csv 或 .xlsx 文件（Ctrl+O，或拖放到这里）</translation>
    </message>
    <message>
        <source>Try the sample list</source>
        <translation>试用示例名单</translation>
    </message>
    <message>
        <source>A few rows that work with the demo sandbox</source>
        <translation>几行可在演示沙盒中使用的示例</translation>
    </message>
    <message>
        <source>openId</source>
        <translation>openId</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>呼叫次数</translation>
    </message>
    <message>
        <source>Column for {field}</source>
        <translation>{field}对应的列</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>名单行</translation>
    </message>
    <message>
        <source>1. List</source>
        <translation>1. 名单</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> /s</source>
        <translation> 次/秒</translation>
    </message>
    <message>
        <source>Generate all</source>
        <translation>全部生成</translation>
    </message>
    <message>
        <source>Retry failed only</source>
        <translation>仅重试失败的行</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open output folder</source>
        <translation>打开输出文件夹</translation>
    </message>
    <message>
        <source>At the same time</source>
        <translation>同时请求数</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>速率限制</translation>
    </message>
    <message>
        <source>2. Generate</source>
        <translation>2. 生成</translation>
    </message>
    <message>
        <source>{name}: {n:row/rows}, {encoding}</source>
        <translation>{name}：{n} 行，{encoding}</translation>
    </message>
    <message>
        <source>{name}: {n:row/rows}</source>
        <translation>{name}：{n} 行</translation>
    </message>
    <message>
        <source>{ok:row/rows} ready, {bad} with a problem (not sent)</source>
        <translation>{ok} 行可以生成，{bad} 行有问题（不会发送）</translation>
    </message>
    <message>
        <source>Generating {n:code/codes} into {folder}…</source>
        <translation>正在生成 {n} 个召回码到 {folder}…</translation>
    </message>
    <message>
        <source>{counts}, {left} left — {elapsed} s{eta}</source>
        <translation>{counts}，剩余 {left} 行 — 已用 {elapsed} 秒{eta}</translation>
    </message>
    <message>
        <source>{counts} ({skipped} done by an earlier run). Manifest: {manifest}</source>
        <translation>{counts}（其中 {skipped} 个由之前的运行完成）。清单：{manifest}</translation>
    </message>
    <message>
        <source>Open list</source>
        <translation>打开名单</translation>
    </message>
    <message>
        <source>No list opened. Columns: openId (required), customChannel, callTimes, a name for the label. Drop a .csv or .xlsx file here.</source>
        <translation>尚未打开名单。列：openId（必填）、customChannel、callTimes、标签上的姓名。可将 .csv 或 .xlsx 文件拖放到这里。</translation>
    </message>
    <message>
        <source>Name on the label</source>
        <translation>标签上的姓名</translation>
    </message>
    <message>
        <source>Lists (*.csv *.xlsx *.txt)</source>
        <translation>名单 (*.csv *.xlsx *.txt)</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Choose an output folder.</source>
        <translation>请选择输出文件夹。</translation>
    </message>
    <message>
        <source>{done} done, {failed} failed, {not_sent} not sent</source>
        <translation>完成 {done}，失败 {failed}，未发送 {not_sent}</translation>
    </message>
    <message>
        <source>, about {s} s left</source>
        <translation>，约剩 {s} 秒</translation>
    </message>
    <message>
        <source>Cancelled. Run again to finish the rest.</source>
        <translation>已取消。再次运行即可继续生成剩下的。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancelling after the requests in flight…</source>
        <translation>正在取消，等待进行中的请求结束…</translation>
    </message>
</context>
<context>
    <name>BatchPrintPanel</name>
    <message>
        <source>3. Print</source>
        <translation>3. 打印</translation>
    </message>
    <message>
        <source>Label stock</source>
        <translation>标签规格</translation>
    </message>
    <message>
        <source>e.g. 扫码进入视频客服 (above each name)</source>
        <translation>例如：扫码进入视频客服（印在每个姓名上方）</translation>
    </message>
    <message>
        <source>Skip the labels already used on the first sheet</source>
        <translation>跳过第一张纸上已经用掉的标签</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>start at</source>
        <translation>起始格</translation>
    </message>
    <message>
        <source>copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Generate the codes first: the label shows here.</source>
        <translation>请先生成召回码：标签会显示在这里。</translation>
    </message>
    <message>
        <source>{stock}: label {w}×{h} mm, code {code} mm + quiet zone.</source>
        <translation>{stock}：标签 {w}×{h} mm，二维码 {code} mm + 静区。</translation>
    </message>
    <message>
        <source>This label takes a code of at most {most} mm.</source>
        <translation>这个标签最多可放 {most} mm 的二维码。</translation>
    </message>
    <message>
        <source>Small codes allowed: the manifest will say so.</source>
        <translation>已允许较小的二维码：清单中会注明。</translation>
    </message>
    <message>
        <source>PDF written: {path} ({pages:page/pages})</source>
        <translation>PDF 已生成：{path}（共 {pages} 页）</translation>
    </message>
    <message>
        <source>On {n:label/labels} the text was cut to fit, ending in … (first: {first}); a shorter name or caption, or a larger label, prints it whole.</source>
        <translation>有 {n} 张标签的文字放不下，已截断并以 … 结尾（第一张：{first}）；缩短姓名或说明文字，或换用更大的标签，即可完整打印。</translation>
    </message>
    <message>
        <source>Code size</source>
        <translation>二维码尺寸</translation>
    </message>
    <message>
        <source>Allow small codes</source>
        <translation>允许较小的二维码</translation>
    </message>
    <message>
        <source>Print codes the guard finds too small to scan reliably (the manifest says so)</source>
        <translation>打印扫码检查认为太小、可能无法可靠扫描的二维码（清单中会注明）</translation>
    </message>
    <message>
        <source>Selected rows only</source>
        <translation>仅选中的行</translation>
    </message>
    <message>
        <source>Line above the name</source>
        <translation>姓名上方的文字</translation>
    </message>
    <message>
        <source>Select the rows to print first.</source>
        <translation>请先选择要打印的行。</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Test recipient openId</source>
        <translation>测试接收人 openId</translation>
    </message>
    <message>
        <source>Optional: your own openId</source>
        <translation>选填：您自己的 openId</translation>
    </message>
    <message>
        <source>Checks the active profile&apos;s simulation middleware against the contract. The probes use a template that cannot exist, so nothing reaches a customer; choose a recipient and a template to also send one real test message, its fields filled with values that pass WeChat&apos;s rules.</source>
        <translation>按接口约定检查当前配置的模拟中间件。探测请求使用一个不存在的模板，不会发给任何客户；选择接收人和模板，还会真实发送一条测试消息，字段会自动填入符合微信规则的值。</translation>
    </message>
    <message>
        <source>Test template</source>
        <translation>测试模板</translation>
    </message>
    <message>
        <source>Reload list</source>
        <translation>重新加载列表</translation>
    </message>
    <message>
        <source>Run check</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <source>Save this run as HTML or Markdown for the middleware&apos;s vendor</source>
        <translation>把本次检查结果保存为 HTML 或 Markdown，发给中间件开发方</translation>
    </message>
    <message>
        <source>Check results</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>实际情况</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应当是</translation>
    </message>
    <message>
        <source>How to fix</source>
        <translation>修复建议</translation>
    </message>
    <message>
        <source>No test send (probes only)</source>
        <translation>不发送测试消息（仅探测）</translation>
    </message>
    <message>
        <source>{n:field/fields}</source>
        <translation>{n} 个字段</translation>
    </message>
    <message>
        <source>Give both a recipient and a template for the test send, or neither.</source>
        <translation>测试发送需要同时填写接收人和模板，或者都不填。</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>未发送。</translation>
    </message>
    <message>
        <source>Checking {url}…</source>
        <translation>正在检查 {url}…</translation>
    </message>
    <message>
        <source>The inputs changed: run the check again for a new result.</source>
        <translation>输入已改变：请重新运行检查。</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>HTML report (*.html);;Markdown (*.md)</source>
        <translation>HTML 报告 (*.html);;Markdown (*.md)</translation>
    </message>
    <message>
        <source>Report written to {path}</source>
        <translation>报告已写入 {path}</translation>
    </message>
</context>
<context>
    <name>ConfigProblem</name>
    <message>
        <source>Config file unreadable</source>
        <translation>无法读取配置文件</translation>
    </message>
    <message>
        <source>{path} could not be read. Saving starts a new config file with the profiles listed here; the unreadable file is kept beside it as {name}.broken-&lt;date&gt;, so nothing in it is lost. Save?</source>
        <translation>无法读取 {path}。保存会用这里列出的配置新建一个配置文件；无法读取的旧文件会以 {name}.broken-&lt;日期&gt; 的名字保留在旁边，其中的内容不会丢失。要保存吗？</translation>
    </message>
</context>
<context>
    <name>ConfigProblemPanel</name>
    <message>
        <source>Your config file could not be read, so its profiles are not loaded and the file is left as it is: {reason}</source>
        <translation>无法读取您的配置文件，因此其中的配置没有加载，文件保持原样未改动：{reason}</translation>
    </message>
    <message>
        <source>Open its folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Continue with the sandbox</source>
        <translation>继续使用沙箱</translation>
    </message>
</context>
<context>
    <name>ConnectionTest</name>
    <message>
        <source>QR API</source>
        <translation>二维码接口</translation>
    </message>
    <message>
        <source>Template list</source>
        <translation>模板列表</translation>
    </message>
    <message>
        <source>{name}: not configured</source>
        <translation>{name}：未配置</translation>
    </message>
    <message>
        <source>{name}: signed request accepted, image verified ({w}×{h} {fmt}).</source>
        <translation>{name}：签名通过，图片校验正常（{w}×{h} {fmt}）。</translation>
    </message>
    <message>
        <source>{name}: {n:template/templates}.</source>
        <translation>{name}：共 {n} 个模板。</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Recall Desk hit a problem</source>
        <translation>召回助手遇到问题</translation>
    </message>
    <message>
        <source>Something went wrong. Your data is safe; the details are in {path}.</source>
        <translation>程序出错了。您的数据是安全的，详细信息已记录在 {path}。</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Send with a production profile?</source>
        <translation>使用生产环境配置发送？</translation>
    </message>
    <message>
        <source>This sends a real template message.

Profile: {profile}
Official account: {account}
Recipient: {to}
Template: {tid}</source>
        <translation>将发送一条真实的模板消息。

配置：{profile}
公众号：{account}
接收人：{to}
模板：{tid}</translation>
    </message>
</context>
<context>
    <name>FirstRunPanel</name>
    <message>
        <source>Welcome. No profile is set up yet: try everything against the built-in sandbox, or add your Udesk account and middleware.</source>
        <translation>欢迎使用。尚未设置任何配置：可以先用内置沙箱试用全部功能，或添加您的 Udesk 账号和中间件。</translation>
    </message>
    <message>
        <source>Try the sandbox</source>
        <translation>试用沙箱</translation>
    </message>
    <message>
        <source>Add my profile</source>
        <translation>添加我的配置</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>以后再说</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Recall Desk help</source>
        <translation>召回助手帮助</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>openId</source>
        <translation>openId</translation>
    </message>
    <message>
        <source>Template / channel</source>
        <translation>模板 / 渠道</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>错误码</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Search history</source>
        <translation>搜索历史记录</translation>
    </message>
    <message>
        <source>Search openId, template, channel, errcode, text</source>
        <translation>搜索 openId、模板、渠道、错误码或文字</translation>
    </message>
    <message>
        <source>QR codes</source>
        <translation>召回码</translation>
    </message>
    <message>
        <source>Sends</source>
        <translation>模板消息</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Request and response</source>
        <translation>请求与响应</translation>
    </message>
    <message>
        <source>Use again</source>
        <translation>再次使用</translation>
    </message>
    <message>
        <source>Fill the form with this request (nothing is sent)</source>
        <translation>用这条请求填写表单（不会发送）</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Keep history for</source>
        <translation>历史记录保留时长</translation>
    </message>
    <message>
        <source>Rows older than this are deleted, a few thousand at each start</source>
        <translation>超过这个时长的记录会被删除（每次启动删除几千条）</translation>
    </message>
    <message>
        <source>Keep 30 days</source>
        <translation>保留 30 天</translation>
    </message>
    <message>
        <source>Keep 90 days</source>
        <translation>保留 90 天</translation>
    </message>
    <message>
        <source>Keep 6 months</source>
        <translation>保留 6 个月</translation>
    </message>
    <message>
        <source>Keep 1 year</source>
        <translation>保留 1 年</translation>
    </message>
    <message>
        <source>Keep 2 years</source>
        <translation>保留 2 年</translation>
    </message>
    <message>
        <source>Keep everything</source>
        <translation>全部保留</translation>
    </message>
    <message>
        <source>Clean up now</source>
        <translation>立即清理</translation>
    </message>
    <message>
        <source>Delete the rows older than the period kept and compact the database</source>
        <translation>删除超过保留时长的记录并压缩数据库</translation>
    </message>
    <message>
        <source>All: {what}</source>
        <translation>全部{what}</translation>
    </message>
    <message>
        <source>in flight</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>召回码</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Keep {n:day/days}</source>
        <translation>保留 {n} 天</translation>
    </message>
    <message>
        <source>{n:old row/old rows} deleted; the database went from {before:size} to {after:size}.</source>
        <translation>已删除 {n} 条过期记录；数据库从 {before:size} 变为 {after:size}。</translation>
    </message>
    <message>
        <source>{n:row/rows} exported to {path}</source>
        <translation>已导出 {n} 行到 {path}</translation>
    </message>
    <message>
        <source>{n:row/rows} deleted.</source>
        <translation>已删除 {n} 行。</translation>
    </message>
    <message>
        <source>Cleaning up the history database…</source>
        <translation>正在清理历史记录数据库…</translation>
    </message>
    <message>
        <source>Clear history…</source>
        <translation>清空该配置的历史…</translation>
    </message>
    <message>
        <source>Delete this profile&apos;s history; other profiles keep theirs</source>
        <translation>删除该配置的历史记录；其他配置的历史保留不变</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Took {ms} ms</source>
        <translation>用时 {ms} 毫秒</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>导出历史记录</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>清空历史</translation>
    </message>
    <message>
        <source>Delete every history row of profile “{name}”?</source>
        <translation>删除配置“{name}”的全部历史记录？</translation>
    </message>
</context>
<context>
    <name>InlineMessage</name>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>InspectorDock</name>
    <message>
        <source>Request inspector</source>
        <translation>请求检查器</translation>
    </message>
    <message>
        <source>HTTP exchanges</source>
        <translation>HTTP 请求记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Show the token</source>
        <translation>显示 token</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>复制为 curl 命令</translation>
    </message>
    <message>
        <source>Signed calls are signed afresh when copied: the command works once, within the server&apos;s time window.</source>
        <translation>带签名的请求在复制时会重新签名：命令只能用一次，并且要在服务器允许的时间窗口内使用。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>(no body)</source>
        <translation>（无请求体）</translation>
    </message>
    <message>
        <source>Status: {status} in {ms:.0f} ms</source>
        <translation>状态：{status}，用时 {ms:.0f} 毫秒</translation>
    </message>
    <message>
        <source>(image, {size:size})</source>
        <translation>（图片，{size:size}）</translation>
    </message>
</context>
<context>
    <name>JumpEditor</name>
    <message>
        <source>Jump target</source>
        <translation>点击跳转</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不跳转</translation>
    </message>
    <message>
        <source>Web page (URL)</source>
        <translation>网页（URL）</translation>
    </message>
    <message>
        <source>Mini program</source>
        <translation>小程序</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Mini-program appid</source>
        <translation>小程序 appid</translation>
    </message>
    <message>
        <source>Page path</source>
        <translation>页面路径</translation>
    </message>
    <message>
        <source>Agent ID</source>
        <translation>坐席 ID</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Agent group ID</source>
        <translation>技能组 ID</translation>
    </message>
    <message>
        <source>WeChat opens the web page when the customer taps the message.</source>
        <translation>客户点击消息时，微信打开这个网页。</translation>
    </message>
    <message>
        <source>WeChat opens the mini program; agent_id and group_id are also appended to the page path so the video mini program finds the agent.</source>
        <translation>微信会打开小程序；坐席 ID 和技能组 ID 也会拼接到页面路径上，方便视频小程序找到对应坐席。</translation>
    </message>
    <message>
        <source>The message does not open anything when tapped.</source>
        <translation>点击消息不会跳转。</translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <source>Application</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <source>Restart Recall Desk in the chosen language</source>
        <translation>以所选语言重新启动召回助手</translation>
    </message>
    <message>
        <source>Applies when Recall Desk starts again.</source>
        <translation>重新启动召回助手后生效。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Recall Desk</source>
        <translation>召回助手</translation>
    </message>
    <message>
        <source>Active profile</source>
        <translation>当前配置</translation>
    </message>
    <message>
        <source>The profile every request uses</source>
        <translation>所有请求都使用这个配置</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>QR codes</source>
        <translation>召回码</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批量生成</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板消息</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Check middleware</source>
        <translation>检查中间件</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>召回码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Save image…</source>
        <translation>保存图片(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Copy image</source>
        <translation>复制图片(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>导出 PDF(&amp;E)…</translation>
    </message>
    <message>
        <source>Print &amp;alignment page…</source>
        <translation>打印校准页(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Templates</source>
        <translation>模板消息(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Refresh list</source>
        <translation>刷新列表(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find template</source>
        <translation>查找模板(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Send test message</source>
        <translation>发送测试消息(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Open list…</source>
        <translation>打开名单(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Request &amp;inspector</source>
        <translation>请求检查器(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Recall Desk &amp;help</source>
        <translation>召回助手帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Recall Desk</source>
        <translation>关于召回助手(&amp;A)</translation>
    </message>
    <message>
        <source>{name} (sandbox)</source>
        <translation>{name}（沙箱）</translation>
    </message>
    <message>
        <source>No profile</source>
        <translation>没有配置</translation>
    </message>
    <message>
        <source>DEMO SANDBOX</source>
        <translation>演示沙箱</translation>
    </message>
    <message>
        <source>PRODUCTION</source>
        <translation>生产环境</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>测试环境</translation>
    </message>
    <message>
        <source>Environment: {env}</source>
        <translation>环境：{env}</translation>
    </message>
    <message>
        <source>About Recall Desk</source>
        <translation>关于召回助手</translation>
    </message>
    <message>
        <source>Recall Desk {version}
Recall QR codes and template-message checks for Udesk video customer service.</source>
        <translation>召回助手 {version}
为 Udesk 视频客服生成视频召回码、检查模板消息。</translation>
    </message>
    <message>
        <source>A batch is running</source>
        <translation>批量生成正在进行</translation>
    </message>
    <message>
        <source>Stop the batch and quit? Codes already generated are kept; running the same list into the same folder later resumes where it stopped.</source>
        <translation>停止批量生成并退出？已生成的召回码会保留；以后用同一份名单、同一个文件夹再次运行，会从中断处继续。</translation>
    </message>
</context>
<context>
    <name>MessageComposer</name>
    <message>
        <source>Recipient openId</source>
        <translation>接收人 openId</translation>
    </message>
    <message>
        <source>openId of a follower, e.g. your own</source>
        <translation>已关注用户的 openId，例如您自己的</translation>
    </message>
    <message>
        <source>Template fields</source>
        <translation>模板字段</translation>
    </message>
    <message>
        <source>Colours are optional: WeChat ignores them since May 2023 and no longer shows “first” and “remark”.</source>
        <translation>颜色可不填：2023 年 5 月起微信忽略自定义颜色，也不再显示 first 和 remark。</translation>
    </message>
    <message>
        <source>Test message</source>
        <translation>测试消息</translation>
    </message>
    <message>
        <source>Select a template.</source>
        <translation>请选择模板。</translation>
    </message>
    <message>
        <source>Enter the recipient&apos;s openId.</source>
        <translation>请填写接收人的 openId。</translation>
    </message>
    <message>
        <source>Fill in {n:more field/more fields}.</source>
        <translation>还有 {n} 个字段需要填写。</translation>
    </message>
    <message>
        <source>{n:field/fields} would be refused by WeChat (in red).</source>
        <translation>有 {n} 个字段会被微信拒绝（红色标出）。</translation>
    </message>
    <message>
        <source>This template has no fields to fill (full simulation: empty content).</source>
        <translation>这个模板没有需要填写的字段（全模拟方案：模板内容为空）。</translation>
    </message>
    <message>
        <source>Colour of {key}</source>
        <translation>{key} 的颜色</translation>
    </message>
</context>
<context>
    <name>MessagePreview</name>
    <message>
        <source>Message preview</source>
        <translation>消息预览</translation>
    </message>
    <message>
        <source>JSON body</source>
        <translation>JSON 请求体</translation>
    </message>
    <message>
        <source>Edit the JSON directly (advanced)</source>
        <translation>直接编辑 JSON（高级）</translation>
    </message>
    <message>
        <source>Copy JSON</source>
        <translation>复制 JSON</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>(not shown since May 2023)</source>
        <translation>（2023 年 5 月起不再显示）</translation>
    </message>
    <message>
        <source>✗ WeChat refuses this value (47003)</source>
        <translation>✗ 微信会拒绝这个值（47003）</translation>
    </message>
    <message>
        <source>(cut at 20 characters)</source>
        <translation>（超过 20 个字会被截断）</translation>
    </message>
    <message>
        <source>No content: the middleware decides what the customer sees.</source>
        <translation>模板内容为空：客户看到的内容由中间件决定。</translation>
    </message>
    <message>
        <source>Tap to open →</source>
        <translation>点击查看 →</translation>
    </message>
    <message>
        <source>The JSON is not valid (line {line}, column {col}).</source>
        <translation>JSON 格式不正确（第 {line} 行第 {col} 列）。</translation>
    </message>
    <message>
        <source>The JSON body must be an object.</source>
        <translation>JSON 请求体必须是一个对象。</translation>
    </message>
    <message>
        <source>The JSON body needs a string “{key}”.</source>
        <translation>JSON 请求体需要字符串字段“{key}”。</translation>
    </message>
    <message>
        <source>“data” must be an object.</source>
        <translation>“data”必须是一个对象。</translation>
    </message>
</context>
<context>
    <name>PrinterPicker</name>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>System default printer</source>
        <translation>系统默认打印机</translation>
    </message>
    <message>
        <source>Offset x</source>
        <translation>水平偏移</translation>
    </message>
    <message>
        <source>Offset y</source>
        <translation>垂直偏移</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Print alignment page…</source>
        <translation>打印校准页…</translation>
    </message>
    <message>
        <source>Print rulers and crosshairs on plain paper, measure where they landed, and enter the difference as offset and scale for this printer.</source>
        <translation>在普通纸上打印标尺和十字线，量出它们实际落在哪里，再把差值填为这台打印机的偏移和缩放。</translation>
    </message>
    <message>
        <source>Alignment PDF…</source>
        <translation>校准页 PDF…</translation>
    </message>
    <message>
        <source>x</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>y</source>
        <translation>纵向</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Looking for printers…</source>
        <translation>正在查找打印机…</translation>
    </message>
    <message>
        <source>No printer found (PDF export works)</source>
        <translation>没有找到打印机（仍可导出 PDF）</translation>
    </message>
    <message>
        <source>Print at 100 % (actual size): turn off “fit to page”.</source>
        <translation>请按 100%（实际大小）打印：关闭“适合页面”。</translation>
    </message>
    <message>
        <source>Each crosshair&apos;s centre is printed where its label says, in mm from the paper&apos;s top-left corner.</source>
        <translation>每个十字线的中心都印在旁边标注的位置，单位为毫米，从纸张左上角量起。</translation>
    </message>
    <message>
        <source>Offset = where a centre landed − where it was printed (x right, y down).</source>
        <translation>偏移 = 中心实际落点 − 标注位置（x 向右，y 向下）。</translation>
    </message>
    <message>
        <source>Scale = measured distance between outer crosshairs ÷ printed distance.</source>
        <translation>缩放 = 量得的外侧十字线间距 ÷ 标注的间距。</translation>
    </message>
    <message>
        <source>Printed with x {x} mm, y {y} mm, scale {scale} %: add what you measure.</source>
        <translation>本页打印时已用 x {x} 毫米、y {y} 毫米、缩放 {scale}%：请把量得的差值加上去。</translation>
    </message>
    <message>
        <source>Recall Desk alignment page — {stock}</source>
        <translation>召回助手校准页 — {stock}</translation>
    </message>
    <message>
        <source>Save the alignment page</source>
        <translation>保存校准页</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>Profile name</source>
        <translation>配置名称</translation>
    </message>
    <message>
        <source>QR API URL</source>
        <translation>二维码接口地址</translation>
    </message>
    <message>
        <source>appId</source>
        <translation>appId</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Simulation domain</source>
        <translation>模拟域名</translation>
    </message>
    <message>
        <source>Default sdkAppId</source>
        <translation>默认 sdkAppId</translation>
    </message>
    <message>
        <source>Default official account ID</source>
        <translation>默认公众号 ID</translation>
    </message>
    <message>
        <source>HTTP headers</source>
        <translation>HTTP 请求头</translation>
    </message>
    <message>
        <source>Query string</source>
        <translation>URL 查询参数</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Optional: path to a PEM file</source>
        <translation>选填：PEM 证书文件路径</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Optional: http://proxy:3128</source>
        <translation>选填：http://proxy:3128</translation>
    </message>
    <message>
        <source>Production (sends ask for confirmation)</source>
        <translation>生产环境（发送前需要确认）</translation>
    </message>
    <message>
        <source>Old middleware: send to /template/send</source>
        <translation>旧版中间件：发送到 /template/send</translation>
    </message>
    <message>
        <source>Video mini program appid</source>
        <translation>视频小程序 appid</translation>
    </message>
    <message>
        <source>Video mini program page</source>
        <translation>视频小程序页面</translation>
    </message>
    <message>
        <source>Default agent ID</source>
        <translation>默认坐席 ID</translation>
    </message>
    <message>
        <source>Default agent group ID</source>
        <translation>默认坐席组 ID</translation>
    </message>
    <message>
        <source>Auth parameters in</source>
        <translation>鉴权参数放在</translation>
    </message>
    <message>
        <source>Timestamp sent as</source>
        <translation>时间戳参数名</translation>
    </message>
    <message>
        <source>Udesk QR API</source>
        <translation>Udesk 二维码接口</translation>
    </message>
    <message>
        <source>Simulation middleware</source>
        <translation>模拟中间件</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Built-in sandbox credentials</source>
        <translation>内置沙箱的鉴权信息</translation>
    </message>
    <message>
        <source>The demo profile talks to the built-in sandbox and is never saved. Duplicate it or create a new profile for your own account.</source>
        <translation>演示配置连接的是内置沙箱，不会被保存。请复制它或新建一个配置来填写您自己的公众号。</translation>
    </message>
    <message>
        <source>Stored in the system keyring — type to replace</source>
        <translation>已保存在系统钥匙串中——输入新值可替换</translation>
    </message>
    <message>
        <source>Stored in the config file — type to replace</source>
        <translation>已保存在配置文件中——输入新值可替换</translation>
    </message>
    <message>
        <source>Taken from RECALL_DESK_SECRET</source>
        <translation>取自环境变量 RECALL_DESK_SECRET</translation>
    </message>
    <message>
        <source>Not set — type the secret from Udesk&apos;s admin</source>
        <translation>未设置——请填写 Udesk 后台的密钥</translation>
    </message>
    <message>
        <source>No system keyring is available on this computer: the secret is kept in the config file, readable only by your user account.</source>
        <translation>这台电脑没有可用的系统钥匙串：密钥保存在配置文件中，只有您的账户可以读取。</translation>
    </message>
    <message>
        <source>Secrets are kept in the system keyring, never in files.</source>
        <translation>密钥保存在系统钥匙串中，不会写入文件。</translation>
    </message>
</context>
<context>
    <name>ProfileListPanel</name>
    <message>
        <source>Profiles</source>
        <translation>配置列表</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Add the profiles of a file a colleague exported</source>
        <translation>添加同事导出的文件中的配置</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save every profile to a file to share, without the secrets</source>
        <translation>把所有配置保存为可分享的文件（不含密钥）</translation>
    </message>
    <message>
        <source>{name} (not saved)</source>
        <translation>{name}（未保存）</translation>
    </message>
    <message>
        <source>{name} (built-in sandbox)</source>
        <translation>{name}（内置沙箱）</translation>
    </message>
    <message>
        <source>{name} (production)</source>
        <translation>{name}（生产环境）</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>打印页面(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>QrForm</name>
    <message>
        <source>sdkAppId</source>
        <translation>sdkAppId</translation>
    </message>
    <message>
        <source>Official account ID</source>
        <translation>公众号 ID</translation>
    </message>
    <message>
        <source>Customer openId</source>
        <translation>客户 openId</translation>
    </message>
    <message>
        <source>The customer&apos;s openId in this official account</source>
        <translation>客户在该公众号下的 openId</translation>
    </message>
    <message>
        <source>Calls allowed</source>
        <translation>可呼叫次数</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Custom channel</source>
        <translation>自定义渠道</translation>
    </message>
    <message>
        <source>Optional: routes the video call</source>
        <translation>选填：用于视频路由</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Generate QR code</source>
        <translation>生成召回码</translation>
    </message>
    <message>
        <source>Generate the recall QR code (Ctrl+G)</source>
        <translation>生成视频召回码（Ctrl+G）</translation>
    </message>
    <message>
        <source>Recall code request</source>
        <translation>召回码参数</translation>
    </message>
    <message>
        <source>Printed size</source>
        <translation>打印尺寸</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>说明文字</translation>
    </message>
    <message>
        <source>e.g. Scan with WeChat to start a video call</source>
        <translation>例如：微信扫码，发起视频通话</translation>
    </message>
    <message>
        <source>Customer label</source>
        <translation>客户标签</translation>
    </message>
    <message>
        <source>Optional second line, e.g. the customer&apos;s name</source>
        <translation>选填第二行，例如客户姓名</translation>
    </message>
    <message>
        <source>Label stock</source>
        <translation>标签规格</translation>
    </message>
    <message>
        <source>Start at label</source>
        <translation>从第几个标签开始</translation>
    </message>
    <message>
        <source>On a partly used sheet: the first free label, counted row by row</source>
        <translation>用过一部分的标签纸：第一张空白标签的序号（按行数）</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>label </source>
        <translation>第 </translation>
    </message>
    <message>
        <source>Scan with WeChat to start a video call</source>
        <translation>微信扫码，发起视频通话</translation>
    </message>
</context>
<context>
    <name>QrPage</name>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>The form or the profile changed after this code was generated: it is stale and cannot be saved or printed. Press Generate for the new values.</source>
        <translation>生成这个二维码之后，表单或配置已改动：它已过期，不能保存或打印。请按“生成”为新的内容生成。</translation>
    </message>
    <message>
        <source>Stale — generate again</source>
        <translation>已过期 — 请重新生成</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>Asking Udesk for a recall code…</source>
        <translation>正在向 Udesk 申请召回码…</translation>
    </message>
    <message>
        <source>This code was generated for {open_id}, but the form changed while it was on its way: it is stale. Press Generate for the new values.</source>
        <translation>这个二维码是为 {open_id} 生成的，但生成期间表单已改动：它已过期。请按“生成”为新的内容生成。</translation>
    </message>
    <message>
        <source>classic QR code</source>
        <translation>普通二维码</translation>
    </message>
    <message>
        <source>WeChat code</source>
        <translation>微信小程序码</translation>
    </message>
    <message>
        <source>Recall code for {open_id} ready: {w}×{h} px {fmt}, {kind}.</source>
        <translation>{open_id} 的召回码已生成：{w}×{h} 像素 {fmt}，{kind}。</translation>
    </message>
    <message>
        <source>URL copied.</source>
        <translation>链接已复制。</translation>
    </message>
    <message>
        <source>Image copied.</source>
        <translation>图片已复制。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Original image (*.{ext});;PNG image (*.png);;JPEG image (*.jpg *.jpeg);;BMP image (*.bmp);;GIF image (*.gif)</source>
        <translation>原始图片 (*.{ext});;PNG 图片 (*.png);;JPEG 图片 (*.jpg *.jpeg);;BMP 图片 (*.bmp);;GIF 图片 (*.gif)</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>This code cannot be printed at this size on this stock.</source>
        <translation>这个二维码不能以这个尺寸打印在这种标签上。</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>QrResultPanel</name>
    <message>
        <source>Recall QR code</source>
        <translation>视频召回码</translation>
    </message>
    <message>
        <source>Fill in the customer&apos;s openId and press Generate (Ctrl+G).</source>
        <translation>填写客户的 openId，然后点“生成”（Ctrl+G）。</translation>
    </message>
    <message>
        <source>Print it anyway: I know this code is smaller than it should be</source>
        <translation>仍要打印：我知道这个二维码比建议的小</translation>
    </message>
    <message>
        <source>qrCodeUrl</source>
        <translation>二维码地址</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save image</source>
        <translation>保存图片</translation>
    </message>
    <message>
        <source>Save the image as PNG or JPEG (Ctrl+S)</source>
        <translation>保存为 PNG 或 JPEG 图片（Ctrl+S）</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>复制图片</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Print with a preview (Ctrl+P)</source>
        <translation>打印前预览（Ctrl+P）</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export a PDF at the label&apos;s exact size (Ctrl+Shift+E)</source>
        <translation>按标签的精确尺寸导出 PDF（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <source>Send recall message…</source>
        <translation>发送召回消息…</translation>
    </message>
    <message>
        <source>Open Templates with this openId as the recipient</source>
        <translation>打开模板消息页，并以这个 openId 作为接收人</translation>
    </message>
    <message>
        <source>{stock}: label {w}×{h} mm, code {code} mm + quiet zone.</source>
        <translation>{stock}：标签 {w}×{h} 毫米，二维码 {code} 毫米，外加留白。</translation>
    </message>
    <message>
        <source>Module {mm} mm ({dots} dots at {dpi} dpi).</source>
        <translation>模块 {mm} 毫米（{dpi} dpi 下 {dots} 个打印点）。</translation>
    </message>
    <message>
        <source>A text does not fit the label and is cut (…): shorten it or use a larger stock.</source>
        <translation>有文字放不下，已被截断（…）：请缩短文字或换更大的标签。</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <source>Not sent: {problem}</source>
        <translation>未发送：{problem}</translation>
    </message>
    <message>
        <source>✓ {file} (earlier run)</source>
        <translation>✓ {file}（之前的运行）</translation>
    </message>
    <message>
        <source>✓ {file}</source>
        <translation>✓ {file}</translation>
    </message>
    <message>
        <source>✗ Failed: {error}</source>
        <translation>✗ 失败：{error}</translation>
    </message>
    <message>
        <source>Not sent: {reason}</source>
        <translation>未发送：{reason}</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>openId</source>
        <translation>openId</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>呼叫次数</translation>
    </message>
    <message>
        <source>Name on the label</source>
        <translation>标签上的姓名</translation>
    </message>
    <message>
        <source>Problem / status</source>
        <translation>问题 / 状态</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Call the QR API and the template list with these values</source>
        <translation>用当前填写的值调用二维码接口和模板列表</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <source>The changes to profile “{name}” are not saved. Discard them?</source>
        <translation>配置“{name}”的修改尚未保存。要放弃这些修改吗？</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Fill in the QR API URL, the simulation domain, or both.</source>
        <translation>请填写二维码接口地址或模拟域名（或两者）。</translation>
    </message>
    <message>
        <source>Fill in before saving: {fields}.</source>
        <translation>保存前请填写：{fields}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Default profile</source>
        <translation>默认配置</translation>
    </message>
    <message>
        <source>Make “{name}” the default profile? The command line uses it when no --profile is given.</source>
        <translation>将“{name}”设为默认配置吗？命令行在未指定 --profile 时使用它。</translation>
    </message>
    <message>
        <source>Profile “{name}” saved.</source>
        <translation>配置“{name}”已保存。</translation>
    </message>
    <message>
        <source>The unreadable config file is kept as {path}.</source>
        <translation>无法读取的旧配置文件已保留为 {path}。</translation>
    </message>
    <message>
        <source>No keyring: the secret is in the config file (user-only).</source>
        <translation>没有钥匙串：密钥保存在配置文件中（仅本人可读）。</translation>
    </message>
    <message>
        <source>Fill in the fields, then Save.</source>
        <translation>填写各项后点“保存”。</translation>
    </message>
    <message>
        <source>Duplicated. Adjust the fields, then Save.</source>
        <translation>已复制。修改各项后点“保存”。</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>删除配置</translation>
    </message>
    <message>
        <source>Delete profile “{name}” and its stored secret?</source>
        <translation>删除配置“{name}”及其保存的密钥？</translation>
    </message>
    <message>
        <source>Export profiles</source>
        <translation>导出配置</translation>
    </message>
    <message>
        <source>Import profiles</source>
        <translation>导入配置</translation>
    </message>
    <message>
        <source>{n:profile/profiles} exported to {path}, without secrets.</source>
        <translation>已将 {n} 个配置导出到 {path}（不含密钥）。</translation>
    </message>
    <message>
        <source>Imported {n:profile/profiles}: {names}. Type each one&apos;s secret, then Save.</source>
        <translation>已导入 {n} 个配置：{names}。请为每个配置输入密钥后保存。</translation>
    </message>
    <message>
        <source>Testing the QR API and the template list…</source>
        <translation>正在测试二维码接口和模板列表…</translation>
    </message>
</context>
<context>
    <name>TemplateBrowser</name>
    <message>
        <source>Filter templates</source>
        <translation>筛选模板</translation>
    </message>
    <message>
        <source>Filter by title, ID, industry or content (Ctrl+F, Esc clears)</source>
        <translation>按标题、ID、行业或内容筛选（Ctrl+F，Esc 清除）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Refresh the template list</source>
        <translation>刷新模板列表</translation>
    </message>
    <message>
        <source>Load the template list again (F5)</source>
        <translation>重新加载模板列表（F5）</translation>
    </message>
    <message>
        <source>Enter by hand…</source>
        <translation>手动录入…</translation>
    </message>
    <message>
        <source>Add a template the list does not have: its ID and keys</source>
        <translation>添加列表里没有的模板：填写模板 ID 和字段</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板消息</translation>
    </message>
    <message>
        <source>{shown} of {total:template/templates}</source>
        <translation>显示 {shown} / 共 {total} 个模板</translation>
    </message>
</context>
<context>
    <name>TemplateDetails</name>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Select a template</source>
        <translation>请选择模板</translation>
    </message>
    <message>
        <source>Press F5 to load the list from the simulation middleware.</source>
        <translation>按 F5 从模拟中间件加载模板列表。</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>ID: {id}
Industry: {industry}</source>
        <translation>ID：{id}
行业：{industry}</translation>
    </message>
    <message>
        <source>Entered by hand (the middleware&apos;s list does not have it)</source>
        <translation>手动录入（中间件的模板列表里没有）</translation>
    </message>
    <message>
        <source>⚠ This list entry breaks the contract: {p}</source>
        <translation>⚠ 这条记录不符合接口约定：{p}</translation>
    </message>
    <message>
        <source>(empty content)</source>
        <translation>（模板内容为空）</translation>
    </message>
</context>
<context>
    <name>TemplateEntryDialog</name>
    <message>
        <source>Enter a template by hand</source>
        <translation>手动录入模板</translation>
    </message>
    <message>
        <source>For a template the middleware&apos;s list does not show (a category template, or one with empty content): enter its ID and its keys as in {{key.DATA}}. The keyword type comes from the key&apos;s name (thing1 → thing) unless you pick one; “free” is a field without a type rule.</source>
        <translation>用于中间件列表里没有的模板（类目模板，或内容为空的模板）：填写模板 ID 和 {{key.DATA}} 中的字段名。关键词类型默认按字段名推断（thing1 → thing），也可以手动选择；“自由”表示没有类型规则的字段。</translation>
    </message>
    <message>
        <source>Template ID</source>
        <translation>模板 ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Optional: as shown in WeChat</source>
        <translation>可选：微信里显示的标题</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>字段名</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Add a key</source>
        <translation>添加字段</translation>
    </message>
    <message>
        <source>e.g. 服务内容</source>
        <translation>例如：服务内容</translation>
    </message>
    <message>
        <source>free (no type rule)</source>
        <translation>自由（无类型规则）</translation>
    </message>
    <message>
        <source>from the key: {kind}</source>
        <translation>按字段名：{kind}</translation>
    </message>
    <message>
        <source>from the key: free</source>
        <translation>按字段名：自由</translation>
    </message>
</context>
<context>
    <name>TemplateTableModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Template ID</source>
        <translation>模板 ID</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>This entry breaks the contract: {problems}</source>
        <translation>这条记录不符合接口约定：{problems}</translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message>
        <source>Send test message</source>
        <translation>发送测试消息</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>发送（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Send result</source>
        <translation>发送结果</translation>
    </message>
    <message>
        <source>Resend with the same message ID</source>
        <translation>用相同的消息 ID 重发</translation>
    </message>
    <message>
        <source>WeChat delivers a message ID at most once within 10 minutes, so this cannot produce a duplicate.</source>
        <translation>同一消息 ID 在 10 分钟内微信最多只投递一次，所以不会重复发送。</translation>
    </message>
    <message>
        <source>Loading templates…</source>
        <translation>正在加载模板…</translation>
    </message>
    <message>
        <source>{n:entry breaks/entries break} the contract (marked ⚠); hover for details.</source>
        <translation>有 {n} 条记录不符合接口约定（标有 ⚠），鼠标悬停可查看详情。</translation>
    </message>
    <message>
        <source>{n:warning/warnings}: WeChat will drop or cut some of it.</source>
        <translation>{n} 条提醒：部分内容会被微信去掉或截断。</translation>
    </message>
    <message>
        <source>The middleware returned no templates.</source>
        <translation>中间件没有返回任何模板。</translation>
    </message>
    <message>
        <source>Recipient and the jump into the video mini program are filled in: pick a template, fill its fields and send.</source>
        <translation>已填好接收人和跳转视频小程序：选择模板、填写字段后发送即可。</translation>
    </message>
    <message>
        <source>Recipient filled in. Set the video mini program&apos;s appid in Settings to open it from the message.</source>
        <translation>已填好接收人。在“设置”中填写视频小程序的 appid，消息即可跳转到小程序。</translation>
    </message>
    <message>
        <source>Template {tid} is no longer in the list.</source>
        <translation>模板 {tid} 已不在列表中。</translation>
    </message>
    <message>
        <source>Filled from history. Nothing was sent.</source>
        <translation>已按历史记录填写，没有发送。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>未发送。</translation>
    </message>
    <message>
        <source>Sent: errcode 0, errmsg “{msg}”, msgid {msgid}.</source>
        <translation>发送成功：errcode 0，errmsg“{msg}”，msgid {msgid}。</translation>
    </message>
</context>
</TS>
