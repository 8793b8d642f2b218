"""The PySide6 desktop interface. Everything Qt lives under this package."""

from app.ui.pyside_scan import spare_source_scan

spare_source_scan()  # before any of the package's modules is imported
