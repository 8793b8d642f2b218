"""A small streaming PDF writer: pages in millimetres, images, and text with a true text layer.

Pages are written to the file as they are finished, so memory stays flat however many pages a
document has; only the objects' offsets and the glyphs used are kept. Text is set in one embedded
OpenType/TrueType font (fontTools subsets it when the document closes) with a ``ToUnicode`` map,
so copying or extracting text gives exactly the characters that were drawn — CJK included,
``𠮷`` (outside the BMP) too.

How glyphs are addressed (``Identity-H``, two bytes per glyph):

- a CID-keyed CFF font (Noto Sans CJK, Source Han Sans): the code is the glyph's CID, read from
  its name (``cid15736``), which subsetting keeps;
- any other font: the code is the glyph id, and subsetting keeps the ids (``retain_gids``).

Coordinates are millimetres from the page's top-left corner.
"""

from __future__ import annotations

import io
import zlib
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any

PT_PER_MM = 72 / 25.4
# Tables a PDF's glyphs never need (shaping, vertical metrics): one glyph per character here.
_UNUSED_TABLES = ("GSUB", "GPOS", "GDEF", "BASE", "JSTF", "VORG", "vhea", "vmtx", "DSIG")


def _name_token(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-+" else "" for ch in text) or "Font"


def _pdf_string(text: str) -> bytes:
    """A PDF text string (UTF-16BE with BOM) for the document information."""
    return b"<feff" + text.encode("utf-16-be").hex().encode() + b">"


@dataclass(frozen=True)
class FontFile:
    """A font on disk: ``path`` and, for a ``.ttc`` collection, the face ``index``."""

    path: str
    index: int = 0


class EmbeddedFont:
    """One font's glyph mapping, widths and the glyphs a document used.

    Raises:
        KeyError: from :meth:`encode` with the characters the font has no glyph for.
    """

    def __init__(self, font_file: FontFile) -> None:
        from fontTools.ttLib import TTFont

        self.file = font_file
        self._font = TTFont(font_file.path, fontNumber=font_file.index, lazy=True)
        self._cmap: dict[int, str] = self._font.getBestCmap() or {}
        self.cff = "CFF " in self._font
        self.cid_keyed = self.cff and hasattr(self._font["CFF "].cff.topDictIndex[0], "ROS")
        self._scale = 1000 / self._font["head"].unitsPerEm
        self._hmtx = self._font["hmtx"]
        self.used: dict[int, tuple[str, str]] = {}  # code -> (glyph name, first character)
        self.postscript_name = _name_token(self._font["name"].getDebugName(6) or "Font")

    def close(self) -> None:
        self._font.close()

    def _code(self, glyph: str) -> int:
        if self.cid_keyed and glyph.startswith("cid"):
            return int(glyph[3:])
        return int(self._font.getGlyphID(glyph))

    def missing(self, text: str) -> str:
        """The characters of ``text`` this font cannot draw (spaces aside)."""
        return "".join(dict.fromkeys(ch for ch in text if ord(ch) not in self._cmap))

    def encode(self, text: str) -> bytes:
        """Hex codes for ``text`` (records every glyph used)."""
        missing = self.missing(text)
        if missing:
            raise KeyError(missing)
        out = []
        for ch in text:
            glyph = self._cmap[ord(ch)]
            code = self._code(glyph)
            self.used.setdefault(code, (glyph, ch))
            out.append(f"{code:04x}")
        return "".join(out).encode()

    def width(self, text: str, size: float) -> float:
        """The advance width of ``text`` at ``size`` (same unit as ``size``)."""
        total = 0
        for ch in text:
            glyph = self._cmap.get(ord(ch))
            if glyph is not None:
                total += self._hmtx[glyph][0]
        return float(total * self._scale / 1000 * size)

    def _subset(self) -> bytes:
        """The used glyphs as a font program. Subsets the open face in place (it reads each
        table once), so it comes last: after it the face holds only those glyphs."""
        from fontTools import subset

        font = self._font
        for tag in _UNUSED_TABLES:  # deleted unread: the subsetter would decompile them first
            if tag in font:
                del font[tag]
        options = subset.Options()
        options.layout_features = []
        options.name_IDs = []
        options.notdef_outline = True
        options.retain_gids = not self.cid_keyed
        options.hinting = False
        subsetter = subset.Subsetter(options)
        subsetter.populate(glyphs=[name for name, _ch in self.used.values()])
        subsetter.subset(font)
        if self.cff:
            return bytes(font["CFF "].compile(font))
        out = io.BytesIO()
        font.save(out)
        return out.getvalue()

    def write_objects(self, pdf: PdfWriter, font_ref: int) -> None:
        """Write the Type0 font ``font_ref`` and what it needs (called once, at the end)."""
        s = self._scale
        head, hhea = self._font["head"], self._font["hhea"]
        os2 = self._font["OS/2"] if "OS/2" in self._font else None
        box = (
            round(head.xMin * s), round(head.yMin * s), round(head.xMax * s),
            round(head.yMax * s), round(hhea.ascent * s), round(hhea.descent * s),
            round((getattr(os2, "sCapHeight", 0) or hhea.ascent) * s),
        )  # fmt: skip
        widths = " ".join(
            f"{code} [{round(self._hmtx[glyph][0] * s)}]"
            for code, (glyph, _ch) in sorted(self.used.items())
        )
        data = self._subset()
        tag = "RDSKAA+"  # a subset's name carries a six-letter tag
        base = f"/{tag}{self.postscript_name}"
        file_ref = pdf.stream(
            data, {"Subtype": "/CIDFontType0C"} if self.cff else {"Length1": str(len(data))}
        )
        descriptor = pdf.obj(
            "<< /Type /FontDescriptor /FontName {} /Flags 4 /FontBBox [{} {} {} {}] "
            "/ItalicAngle 0 /Ascent {} /Descent {} /CapHeight {} /StemV 80 /{} {} 0 R >>".format(
                base, *box, "FontFile3" if self.cff else "FontFile2", file_ref
            )
        )
        subtype = "/CIDFontType0" if self.cff else "/CIDFontType2 /CIDToGIDMap /Identity"
        descendant = pdf.obj(
            f"<< /Type /Font /Subtype {subtype} /BaseFont {base} "
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            f"/FontDescriptor {descriptor} 0 R /DW 1000 /W [{widths}] >>"
        )
        to_unicode = pdf.stream(self._to_unicode())
        pdf.obj(
            f"<< /Type /Font /Subtype /Type0 /BaseFont {base} /Encoding /Identity-H "
            f"/DescendantFonts [{descendant} 0 R] /ToUnicode {to_unicode} 0 R >>",
            ref=font_ref,
        )

    def _to_unicode(self) -> bytes:
        lines = [
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
            "1 begincodespacerange <0000> <ffff> endcodespacerange",
        ]
        entries = sorted(self.used.items())
        for start in range(0, len(entries), 100):
            chunk = entries[start : start + 100]
            lines.append(f"{len(chunk)} beginbfchar")
            lines.extend(
                f"<{code:04x}> <{ch.encode('utf-16-be').hex()}>" for code, (_g, ch) in chunk
            )
            lines.append("endbfchar")
        lines += ["endcmap CMapName currentdict /CMap defineresource pop end end"]
        return "\n".join(lines).encode("ascii")


class PdfWriter:
    """Write a PDF to an open binary file, page by page.

    Usage: ``begin_page`` → ``image`` / ``text`` / ``rect`` … → ``end_page``, repeated;
    then ``close()`` writes the font, the page tree and the cross-reference table.
    """

    def __init__(self, out: IO[bytes], font: EmbeddedFont, *, title: str = "") -> None:
        self._out = out
        self._position = 0  # bytes written so far (no tell(): that is a system call each time)
        self.font = font
        self._offsets = array("q")  # object n's file offset at [n - 1]; -1: not yet written
        self._next = 1
        self._catalog = self._reserve()
        self._pages = self._reserve()
        self._font_ref = self._reserve()
        self._kids = array("q")
        self._title = title
        self._page: list[bytes] | None = None
        self._page_size = (0.0, 0.0)
        self._images: dict[str, int] = {}
        self._write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    @property
    def page_count(self) -> int:
        return len(self._kids)

    def _reserve(self) -> int:
        ref = self._next
        self._next += 1
        self._offsets.append(-1)
        return ref

    def _write(self, data: bytes) -> None:
        self._out.write(data)
        self._position += len(data)

    def obj(self, body: str | bytes, *, ref: int | None = None) -> int:
        """Write one object (a reserved ``ref`` or a new one); returns its number."""
        ref = ref if ref is not None else self._reserve()
        self._offsets[ref - 1] = self._position
        raw = body.encode("latin-1") if isinstance(body, str) else body
        self._write(b"%d 0 obj\n" % ref + raw + b"\nendobj\n")
        return ref

    def stream(self, data: bytes, entries: dict[str, str] | None = None) -> int:
        """Write a Flate-compressed stream object; returns its number."""
        packed = zlib.compress(data, 6)
        extra = "".join(f" /{k} {v}" for k, v in (entries or {}).items())
        head = f"<< /Length {len(packed)} /Filter /FlateDecode{extra} >>\nstream\n"
        return self.obj(head.encode("latin-1") + packed + b"\nendstream")

    def begin_page(self, width_mm: float, height_mm: float) -> None:
        self._page_size = (width_mm, height_mm)
        self._images = {}
        # millimetres, origin top left
        self._page = [f"{PT_PER_MM:.6f} 0 0 {-PT_PER_MM:.6f} 0 {height_mm * PT_PER_MM:.4f} cm\n"
                      .encode()]  # fmt: skip

    def _ops(self, text: str) -> None:
        assert self._page is not None, "begin_page first"
        self._page.append(text.encode("latin-1"))

    def rect(self, x: float, y: float, w: float, h: float, *, gray: float = 0.0,
             fill: bool = True, line_mm: float = 0.2) -> None:  # fmt: skip
        if fill:
            self._ops(f"{gray:.3f} g {x:.4f} {y:.4f} {w:.4f} {h:.4f} re f\n")
        else:
            self._ops(f"{gray:.3f} G {line_mm:.3f} w {x:.4f} {y:.4f} {w:.4f} {h:.4f} re S\n")

    def image(self, pixels: Any, x: float, y: float, w: float, h: float, *, smooth: bool) -> None:
        """Draw a Pillow image (mode ``1`` or ``L``) into the rectangle (mm)."""
        bits = 1 if pixels.mode == "1" else 8
        gray = pixels if pixels.mode in ("1", "L") else pixels.convert("L")
        data = gray.tobytes()
        ref = self.stream(
            data,
            {
                "Type": "/XObject", "Subtype": "/Image", "Width": str(gray.width),
                "Height": str(gray.height), "ColorSpace": "/DeviceGray",
                "BitsPerComponent": str(bits), "Interpolate": "true" if smooth else "false",
            },
        )  # fmt: skip
        name = f"Im{len(self._images)}"
        self._images[name] = ref
        self._ops(f"q {w:.4f} 0 0 {-h:.4f} {x:.4f} {y + h:.4f} cm /{name} Do Q\n")

    def text(self, text: str, x: float, baseline: float, size_mm: float) -> None:
        """Draw ``text`` with its left end at ``x`` and its baseline at ``baseline`` (mm)."""
        codes = self.font.encode(text).decode()
        self._ops(
            f"BT 0 g /F1 1 Tf {size_mm:.4f} 0 0 {-size_mm:.4f} {x:.4f} {baseline:.4f} Tm "
            f"<{codes}> Tj ET\n"
        )

    def end_page(self) -> None:
        assert self._page is not None, "begin_page first"
        content = self.stream(b"".join(self._page))
        width, height = self._page_size
        images = " ".join(f"/{name} {ref} 0 R" for name, ref in self._images.items())
        page = self.obj(
            f"<< /Type /Page /Parent {self._pages} 0 R "
            f"/MediaBox [0 0 {width * PT_PER_MM:.4f} {height * PT_PER_MM:.4f}] "
            f"/Resources << /Font << /F1 {self._font_ref} 0 R >> /XObject << {images} >> >> "
            f"/Contents {content} 0 R >>"
        )
        self._kids.append(page)
        self._page = None

    def close(self) -> None:
        """Write the font, page tree, catalogue, information and cross-reference table."""
        if self.font.used:
            self.font.write_objects(self, self._font_ref)
        else:
            self.obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", ref=self._font_ref)
        self.obj(
            f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in self._kids)}] "
            f"/Count {len(self._kids)} >>",
            ref=self._pages,
        )
        self.obj(f"<< /Type /Catalog /Pages {self._pages} 0 R >>", ref=self._catalog)
        info = self.obj(
            b"<< /Producer " + _pdf_string("Recall Desk") + b" /Title "
            + _pdf_string(self._title) + b" >>"
        )  # fmt: skip
        start = self._position
        lines = [f"xref\n0 {self._next}\n0000000000 65535 f \n"]
        lines += [
            f"{offset:010d} 00000 n \n" if offset >= 0 else "0000000000 65535 f \n"
            for offset in self._offsets
        ]  # fmt: skip
        lines.append(
            f"trailer\n<< /Size {self._next} /Root {self._catalog} 0 R /Info {info} 0 R >>\n"
            f"startxref\n{start}\n%%EOF\n"
        )
        self._write("".join(lines).encode("latin-1"))


def all_missing(font: EmbeddedFont, texts: Iterable[str]) -> str:
    """Every character of ``texts`` the font cannot draw, once each."""
    return "".join(dict.fromkeys("".join(font.missing(t) for t in texts)))
