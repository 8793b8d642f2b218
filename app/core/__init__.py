"""The Qt-free service layer shared by the GUI, the command line and the tests.

Nothing in this package imports PySide6; ``tests/unit/core/test_no_qt.py`` enforces it.
"""
