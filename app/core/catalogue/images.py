"""Images fetched from a qrCodeUrl that are not the image we need (``image.``)."""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    "image.empty": ("the image is empty (0 bytes)", "图片是空的（0 字节）"),
    "image.format": (
        "not a PNG/JPEG/GIF/WebP image (format {format})",
        "不是 PNG/JPEG/GIF/WebP 图片（格式 {format}）",
    ),
    "image.too_many_pixels": (
        "the image is {width}×{height} pixels, larger than allowed ({limit} pixels)",
        "图片有 {width}×{height} 像素，超过上限（{limit} 像素）",
    ),
    "image.html": (
        "the qrCodeUrl answer is an HTML page",
        "qrCodeUrl 返回的是 HTML 网页，不是图片",
    ),
    "image.not_image": ("the qrCodeUrl answer is not an image", "qrCodeUrl 返回的不是图片"),
    "image.bomb": (
        "the image was refused as a decompression bomb",
        "图片像素异常巨大（解压炸弹），已拒绝",
    ),
    "image.save_suffix": (
        "cannot save {path}: the name must end in {supported} (the suffix names the format)",
        "无法保存 {path}：文件名必须以 {supported} 之一结尾（后缀决定图片格式）",
    ),
    "image.corrupt": (
        "the image is truncated or corrupt",
        "图片不完整或已损坏",
    ),
}
