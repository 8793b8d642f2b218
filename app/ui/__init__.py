"""The PySide6 desktop interface. Everything Qt lives under this package."""
