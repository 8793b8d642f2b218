"""Sentences of list import (``import.``: files and row problems) and of batches (``batch.``)."""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    # -- reading the list ----------------------------------------------------------------------
    "import.cannot_open": ("cannot open {path}: {cause}", "无法打开 {path}：{cause}"),
    "import.unsupported": (
        "unsupported file type {suffix}: use .csv or .xlsx",
        "不支持的文件类型 {suffix}：请用 .csv 或 .xlsx",
    ),
    "import.file_too_big": (
        "{name} is larger than {limit:size} (the limit for a list)",
        "{name} 超过 {limit:size}（名单文件的上限）",
    ),
    "import.xlsx_too_big": (
        "the Excel file unpacks to {size:size}, more than the {limit:size} a list may have",
        "这个 Excel 文件解压后有 {size:size}，超过名单允许的 {limit:size}",
    ),
    "import.too_many_rows": (
        "the list has more than {limit} rows (the limit for one batch): split it",
        "名单超过 {limit} 行（一次批量的上限），请拆分",
    ),
    "import.too_many_lines": (
        "the sheet goes past line {limit}, more than Excel itself allows",
        "工作表超出第 {limit} 行，超过 Excel 本身的上限",
    ),
    "import.cell_too_long": (
        "line {line}, column {column} holds more than {limit} characters (the limit for a cell)",
        "第 {line} 行第 {column} 列超过 {limit} 个字符（单元格的上限）",
    ),
    "import.bad_encoding": (
        "the CSV is neither UTF-8 nor GB18030/GBK (byte {byte})",
        "CSV 既不是 UTF-8 也不是 GB18030/GBK 编码（第 {byte} 字节）",
    ),
    "import.bad_csv": (
        "the CSV is malformed near line {line}",
        "CSV 第 {line} 行附近格式有误",
    ),
    "import.not_xlsx": (
        "the file is not an Excel workbook (.xlsx): damaged, or another file renamed",
        "该文件不是 Excel 工作簿（.xlsx）：可能已损坏，或是改了扩展名的其他文件",
    ),
    "import.bad_xlsx": (
        "cannot read the Excel file: it is damaged or not a workbook",
        "无法读取 Excel 文件：文件已损坏或不是工作簿",
    ),
    "import.no_header": ("the file has no header row", "文件没有表头行"),
    "import.no_open_id_column": (
        "no openId column found (headers: {headers}); choose it under the list, "
        "or pass --map openid=COLUMN",
        "没有找到 openId 列（表头：{headers}）；请在名单下方选择，或使用 --map openid=列名",
    ),
    # -- a row's problem -----------------------------------------------------------------------
    "import.empty_open_id": ("empty openId", "openId 为空"),
    "import.open_id_spaces": ("openId contains spaces", "openId 含有空格"),
    "import.open_id_control": (
        "openId contains control characters",
        "openId 含有控制字符",
    ),
    "import.open_id_too_long": (
        "openId has {length} characters; WeChat's have 28 (at most {limit} accepted)",
        "openId 有 {length} 个字符；微信的 openId 为 28 个字符（最多接受 {limit} 个）",
    ),
    "import.channel_control": (
        "customChannel contains control characters",
        "customChannel 含有控制字符",
    ),
    "import.duplicate": ("duplicate of line {first}", "与第 {first} 行重复"),
    "import.bad_call_times": (
        "callTimes {value!r} is not -1 or a positive whole number",
        "呼叫次数 {value!r} 不是 -1 或正整数",
    ),
    "import.formula_only": (
        "the row holds formulas without saved values: open and save the file in Excel",
        "这一行只有公式、没有保存的值：请用 Excel 打开并保存后再导入",
    ),
    # -- running ---------------------------------------------------------------------------------
    "batch.concurrency": (
        "concurrency must be between {low} and {high}",
        "并发数必须在 {low} 到 {high} 之间",
    ),
    "batch.rate": (
        "rate must be 0 (no limit) or between {low} and {high} per second",
        "速率必须是 0（不限）或每秒 {low} 到 {high} 之间",
    ),
    "batch.folder": (
        "cannot use the output folder {path}: {cause}",
        "无法使用输出文件夹 {path}：{cause}",
    ),
    "batch.manifest_write": (
        "cannot write the manifest {path}: {cause}. The batch stopped; "
        "codes not in the manifest will be made again next time",
        "无法写入清单 {path}：{cause}。批量已停止；清单中没有的召回码下次会重新生成",
    ),
    "batch.manifest_unreadable": (
        "cannot read the manifest {path}: {cause}",
        "无法读取清单 {path}：{cause}",
    ),
    "batch.refused": ("code {code}: {message}", "代码 {code}：{message}"),
    "batch.image_write": ("cannot write the image: {reason}", "无法写入图片：{reason}"),
    "batch.no_image": ("the answer had no image", "回答中没有图片"),
    "batch.nothing_to_print": (
        "none of these rows has a code yet: generate them first",
        "这些行还没有召回码：请先生成",
    ),
    "batch.not_reached": ("not sent: the batch stopped first", "未发送：批量在此之前已停止"),
    "batch.internal": (
        "unexpected error ({kind}); the details are in the log",
        "意外错误（{kind}），详情见日志",
    ),
    # -- qr-batch --------------------------------------------------------------------------------
    "batch.cli.progress": (
        "{finished}/{total}: {done} done, {failed} failed, {not_sent} not sent{eta}",
        "{finished}/{total}：完成 {done}，失败 {failed}，未发送 {not_sent}{eta}",
    ),
    "batch.cli.eta": (", ~{seconds} s left", "，约剩 {seconds} 秒"),
    "batch.cli.row": ("line {line} ({open_id}): {reason}", "第 {line} 行（{open_id}）：{reason}"),
    "batch.cli.summary": (
        "{done}/{total} codes in {folder} ({skipped} from an earlier run), {failed} failed, "
        "{not_sent} not sent; manifest: {manifest}",
        "{done}/{total} 个召回码已保存到 {folder}（其中 {skipped} 个来自上次运行），"
        "失败 {failed} 个，未发送 {not_sent} 个；清单：{manifest}",
    ),
    "batch.cli.pdf": ("; PDF: {pdf} ({pages:page/pages})", "；PDF：{pdf}（{pages} 页）"),
    "batch.cli.shrunk": (
        "note: codes shrunk to {mm} mm to fit {size} mm labels",
        "提示：为放进 {size} mm 的标签，二维码缩小到 {mm} mm",
    ),
    "batch.cli.shrunk_small": (
        "note: codes shrunk to {mm} mm to fit {size} mm labels — below the 30 mm a phone at "
        "arm's length needs",
        "提示：为放进 {size} mm 的标签，二维码缩小到 {mm} mm，小于手机一臂距离扫码所需的 30 mm",
    ),
    "batch.cli.map_syntax": (
        "--map takes FIELD=HEADER with FIELD one of {fields}, got {item}",
        "--map 的格式是 字段=表头，字段为 {fields} 之一，收到的是 {item}",
    ),
    "batch.cli.map_header": (
        "no column is headed {header} (headers: {headers})",
        "没有表头为 {header} 的列（表头：{headers}）",
    ),
}
