"""The A4 label sheets of ``sheets.py`` (``sheet.``)."""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    "sheet.empty_grid": (
        "a sheet needs at least one column and one row",
        "标签纸至少要有一列一行",
    ),
    "sheet.does_not_fit": ("the labels do not fit on the page", "标签排不进这张纸"),
    "sheet.start_cell": (
        "the start cell must be between 1 and {last}",
        "起始格必须在 1 到 {last} 之间",
    ),
    "sheet.copies": ("copies must be between 1 and 100", "份数必须在 1 到 100 之间"),
    "sheet.scale": (
        "the scale correction must be between 0.5 and 1.5",
        "缩放校正必须在 0.5 到 1.5 之间",
    ),
    "sheet.code_size": ("the code size is out of range", "二维码尺寸超出范围"),
    "sheet.layout": (
        "the layout must be 1x1, 2x4, 3x8 or COLSxROWS, not {layout}",
        "排版必须是 1x1、2x4、3x8 或 列x行，不是 {layout}",
    ),
}
