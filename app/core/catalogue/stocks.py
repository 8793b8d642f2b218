"""Label stocks, label layout, the scannability guard and label PDFs."""

SENTENCES: dict[str, tuple[str, str]] = {
    "stock.unknown": (
        "No label stock named {name}. Known: {known} (or --label WxH for a roll label).",
        "没有名为 {name} 的标签规格。可用：{known}（热敏卷标用 --label 宽x高）。",
    ),
    "stock.bad_label_size": (
        "{text} is not a label size: give width x height in mm, e.g. 50x30.",
        "{text} 不是标签尺寸：请写 宽x高（毫米），例如 50x30。",
    ),
    "stock.bad_size": (
        "Stock {name}: page and label sizes must be between 0 and 1000 mm.",
        "标签规格 {name}：纸张和标签尺寸必须在 0 到 1000 毫米之间。",
    ),
    "stock.bad_grid": (
        "Stock {name}: columns and rows must be between 1 and 30.",
        "标签规格 {name}：列数和行数必须在 1 到 30 之间。",
    ),
    "stock.overlap": (
        "Stock {name}: the pitch is smaller than the label, so labels would overlap.",
        "标签规格 {name}：间距小于标签尺寸，标签会重叠。",
    ),
    "stock.off_page": (
        "Stock {name}: the labels do not lie within the page.",
        "标签规格 {name}：标签超出了纸张范围。",
    ),
    "stock.bad_name": (
        "{name} cannot be a stock name: use up to 40 letters, digits, '.', '-', '+' or '_'.",
        "{name} 不能作为标签规格名称：最多 40 个字母、数字、汉字或 . - + _。",
    ),
    "stock.name_taken": (
        "{name} is a built-in stock; choose another name for yours.",
        "{name} 是内置标签规格，请给自定义规格另起名字。",
    ),
    "stock.store_unreadable": (
        "Cannot read the saved label stocks: {cause}.",
        "无法读取保存的标签规格：{cause}。",
    ),
    "stock.options_clash": (
        "Give either --stock or --label, not both.",
        "--stock 和 --label 只能选一个。",
    ),
    "layout.bad_start_cell": (
        "The start cell must be between 1 and {cells}, not {cell}.",
        "起始格必须在 1 到 {cells} 之间，不是 {cell}。",
    ),
    "layout.bad_copies": (
        "Copies must be between 1 and {most}, not {copies}.",
        "份数必须在 1 到 {most} 之间，不是 {copies}。",
    ),
    "layout.bad_code_size": (
        "The code size must be a number of millimetres between 1 and 500, not {size}.",
        "二维码尺寸必须是 1 到 500 之间的毫米数，不是 {size}。",
    ),
    "guard.refused": (
        "Nothing was written: {reasons}",
        "未写入任何文件：{reasons}",
    ),
    "guard.refused_items": (
        "No PDF written: {count} of the codes would not scan (first: {first}). {reasons}",
        "未写入 PDF：{count} 个二维码无法可靠扫描（第一个：{first}）。{reasons}",
    ),
    "guard.too_small": (
        "A {size} mm code is too small to scan reliably (at least {least:g} mm).",
        "{size} mm 的二维码太小，无法可靠扫描（至少 {least:g} mm）。",
    ),
    "guard.too_few_dots": (
        "A {size} mm code of {modules} modules gets only {dots} printer dots per module at "
        "{dpi} dpi (at least 4: {least} mm or more).",
        "{size} mm、{modules} 模块的二维码在 {dpi} dpi 下每个模块只有 {dots} 个打印点"
        "（至少 4 个：需要 {least} mm 以上）。",
    ),
    "guard.does_not_fit": (
        "A {size} mm code does not fit this label with its texts; up to {most} mm fits.",
        "{size} mm 的二维码连同文字放不进这个标签；最大可放 {most} mm。",
    ),
    "guard.stock_too_small": (
        "This label is too small for any scannable code: it takes up to {most} mm, a code "
        "needs {least} mm.",
        "这个标签太小，放不下可扫描的二维码：最大只能放 {most} mm，而二维码至少需要 {least} mm。",
    ),
    "guard.small": (
        "A {size} mm code may be hard to scan; {advised:g} mm or more is advised.",
        "{size} mm 的二维码可能不易扫描，建议 {advised:g} mm 以上。",
    ),
    "guard.override_hint": (
        "Use --allow-small to print it anyway (recorded in the manifest).",
        "如确需打印，请加 --allow-small（会记录在清单中）。",
    ),
    "guard.overridden": (
        "Printing small codes as asked (--allow-small): {reasons}",
        "已按要求打印小尺寸二维码（--allow-small）：{reasons}",
    ),
    "pdf.destination": (
        "The PDF cannot be written to {path}: {cause}. Nothing was asked for yet.",
        "无法把 PDF 写到 {path}：{cause}。尚未请求任何二维码。",
    ),
    "pdf.no_font": (
        "No font with Chinese characters was found for the PDF; install Noto Sans CJK "
        "(Debian: fonts-noto-cjk) or set RECALL_DESK_PDF_FONT to a .ttf/.otf/.ttc file.",
        "找不到含中文字符的字体，无法生成 PDF；请安装 Noto Sans CJK（Debian：fonts-noto-cjk），"
        "或把 RECALL_DESK_PDF_FONT 设为 .ttf/.otf/.ttc 字体文件。",
    ),
    "pdf.missing_glyph": (
        "The PDF font {font} has no glyph for {chars}.",
        "PDF 字体 {font} 缺少字符 {chars}。",
    ),
    "layout.text_cut": (
        "note: on {count:label/labels} the text was cut to fit, ending in … (first: {first}); a "
        "shorter name or --caption, or a larger label, prints it whole.",
        "提示：有 {count} 张标签的文字放不下，已截断并以 … 结尾（第一张：{first}）；"
        "缩短姓名或 --caption，或换更大的标签，即可完整打印。",
    ),
    "layout.bad_dpi": (
        "The printer resolution must be between 72 and 4800 dpi, not {dpi}.",
        "打印分辨率必须在 72 到 4800 dpi 之间，不是 {dpi}。",
    ),
    "stock.kind_sheet": ("sheet", "整张"),
    "stock.kind_roll": ("roll", "卷标"),
    "stock.custom_mark": ("yours", "自定义"),
    "stock.too_small_mark": ("too small for a scannable code", "太小，放不下可扫描的二维码"),
    "stock.help.save": (
        "save a sheet or roll label of your own (stocks.toml beside the config file)",
        "保存自定义的整张标签纸或卷标（保存在配置文件旁的 stocks.toml）",
    ),
    "stock.help.remove": ("remove a stock you saved", "删除已保存的自定义规格"),
    "stock.help.label": ("a roll label of W×H mm, e.g. 58x40", "宽×高（毫米）的卷标，例如 58x40"),
    "stock.help.sheet": (
        "each label of the sheet is W×H mm, e.g. 64x45",
        "整张纸上每个标签的宽×高（毫米），例如 64x45",
    ),
    "stock.help.grid": ("columns × rows, e.g. 3x6", "列×行，例如 3x6"),
    "stock.help.margins": (
        "the first label's left and top edge on the page in mm, e.g. 7,13",
        "第一个标签距纸张左边和上边的距离（毫米），例如 7,13",
    ),
    "stock.help.pitch": (
        "left edge to left edge and top edge to top edge in mm (default: labels touch)",
        "相邻标签左边到左边、上边到上边的距离（毫米；默认标签紧挨）",
    ),
    "stock.help.page": (
        "the page in mm (default 210x297, A4)",
        "纸张尺寸（毫米，默认 210x297 即 A4）",
    ),
    "stock.save_what": (
        "Give either --label WxH (a roll label) or --sheet WxH with --grid (a sheet).",
        "请给出 --label 宽x高（卷标），或 --sheet 宽x高 加 --grid（整张标签纸）。",
    ),
    "stock.save_grid": (
        "A sheet needs --grid COLSxROWS (and usually --margins LEFT,TOP).",
        "整张标签纸需要 --grid 列x行（通常还要 --margins 左,上）。",
    ),
    "stock.bad_pair": (
        "{option} takes two numbers of mm separated by a comma, e.g. 7,13, not {text}.",
        "{option} 需要两个用逗号分隔的毫米数，例如 7,13，不是 {text}。",
    ),
    "stock.not_saved": ("There is no saved stock named {name}.", "没有名为 {name} 的自定义规格。"),
    "stock.saved": (
        "Saved {name} ({size}) in {path}; its labels take codes up to {most} mm.",
        "已把 {name}（{size}）保存到 {path}；它的标签最大可放 {most} mm 的二维码。",
    ),
    "stock.removed": ("Removed {name} from {path}.", "已从 {path} 删除 {name}。"),
    "stock.list_assumes": (
        "Code sizes are for a label with a caption and a customer name; with less text on the "
        "label a larger code fits (the Batch page and qr-batch judge with your texts).",
        "以上二维码尺寸按标签上有说明文字和客户姓名计算；文字更少时可放更大的二维码"
        "（批量页面和 qr-batch 按实际文字判断）。",
    ),
    "stock.list_line": (
        "{name}\t{kind}\t{size}\tcode up to {most} mm{note}",
        "{name}\t{kind}\t{size}\t二维码最大 {most} mm{note}",
    ),
}
