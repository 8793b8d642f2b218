"""Recall Desk (召回助手): recall QR codes and template-message checks for Udesk video service."""

__version__ = "0.1.0"
APP_NAME = "Recall Desk"
APP_ID = "cn.recalldesk.RecallDesk"
