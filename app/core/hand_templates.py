"""Templates the middleware's list does not have, entered by hand and kept per profile.

WeChat's ``get_all_private_template`` is reported not to list category templates for some
accounts, and in full simulation ``content`` is often empty: the lead knows a template id and
its keys, and enters them. They live in one JSON file beside the history (``hand_templates.json``)
so the GUI and the CLI (``check --template-id``) see the same ones; each is a
:meth:`Template.entered_by_hand`, linted and previewed like a listed one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from app.core.controls import refuse_controls
from app.core.errors import BadInput
from app.core.paths import atomic_write, data_home
from app.core.templates import KEYWORD_TYPES, Field, Template, keyword_type

FILE_NAME = "hand_templates.json"
MAX_TEMPLATES = 200  # per profile
MAX_FIELDS = 50
MAX_BYTES = 1024 * 1024
KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def default_path() -> Path:
    return data_home() / FILE_NAME


def make_template(
    template_id: str, title: str, fields: list[tuple[str, str, str | None]]
) -> Template:
    """A template from what the user typed: ``(key, label, kind)`` per field, ``kind`` None for
    "from the key's name" and ``""`` for a free field.

    Raises:
        BadInput: no id, a key that is not a placeholder name, a key twice, too many fields.
    """
    template_id = template_id.strip()
    if not template_id:
        raise BadInput("hand.no_id", field="template_id")
    refuse_controls([("template_id", template_id)])
    if len(fields) > MAX_FIELDS:
        raise BadInput("hand.too_many_fields", field="keys", limit=MAX_FIELDS)
    seen: set[str] = set()
    built: list[Field] = []
    for key, label, kind in fields:
        key = key.strip()
        if not KEY.match(key):
            raise BadInput("hand.bad_key", field="keys", key=key)
        if key in seen:
            raise BadInput("hand.key_twice", field="keys", key=key)
        seen.add(key)
        chosen = keyword_type(key) if kind is None else (kind or None)
        if chosen is not None and chosen not in KEYWORD_TYPES:
            raise BadInput("hand.bad_kind", field="keys", key=key, kind=chosen)
        built.append(Field(key, label.strip(), chosen))
    return Template.entered_by_hand(template_id, title.strip(), built)


class HandTemplates:
    """The hand-entered templates of every profile, in one file (read once, written whole)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self._by_profile: dict[str, list[Template]] = self._read()

    def for_profile(self, profile: str) -> list[Template]:
        return list(self._by_profile.get(profile, []))

    def find(self, profile: str, template_id: str) -> Template | None:
        return next((t for t in self.for_profile(profile) if t.template_id == template_id), None)

    def put(self, profile: str, template: Template) -> None:
        """Add or replace (same id) a template of ``profile`` and save."""
        kept = [t for t in self.for_profile(profile) if t.template_id != template.template_id]
        if len(kept) >= MAX_TEMPLATES:
            raise BadInput("hand.too_many", field="template_id", limit=MAX_TEMPLATES)
        self._by_profile[profile] = [*kept, template]
        self._write()

    def remove(self, profile: str, template_id: str) -> None:
        kept = [t for t in self.for_profile(profile) if t.template_id != template_id]
        self._by_profile[profile] = kept
        self._write()

    # -- the file ----------------------------------------------------------------------------------
    def _read(self) -> dict[str, list[Template]]:
        """What the file holds; a missing, oversized or broken file (or entry) is skipped."""
        try:
            if self.path.stat().st_size > MAX_BYTES:
                return {}
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        profiles = raw.get("profiles") if isinstance(raw, dict) else None
        if not isinstance(profiles, dict):
            return {}
        result: dict[str, list[Template]] = {}
        for name, entries in profiles.items():
            if not isinstance(entries, list):
                continue
            result[str(name)] = [
                t for t in (_template_of(e) for e in entries[:MAX_TEMPLATES]) if t is not None
            ]
        return result

    def _write(self) -> None:
        doc = {
            "version": 1,
            "profiles": {
                name: [_entry_of(t) for t in templates]
                for name, templates in self._by_profile.items()
                if templates
            },
        }
        atomic_write(self.path, json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8"))


def _entry_of(template: Template) -> dict[str, Any]:
    return {
        "template_id": template.template_id,
        "title": template.title,
        "fields": [
            {"key": f.key, "label": f.label, "kind": f.kind or "", "choices": list(f.choices)}
            for f in template.fields
        ],
    }


def _template_of(entry: Any) -> Template | None:
    if not isinstance(entry, dict):
        return None
    fields = entry.get("fields")
    if not isinstance(fields, list):
        return None
    try:
        template = make_template(
            str(entry.get("template_id", "")),
            str(entry.get("title", "")),
            [
                (str(f.get("key", "")), str(f.get("label", "")), str(f.get("kind") or ""))
                for f in fields
                if isinstance(f, dict)
            ],
        )
    except BadInput:
        return None
    choices = {
        str(f.get("key")): tuple(str(c) for c in f.get("choices") or () if isinstance(c, str))
        for f in fields
        if isinstance(f, dict) and isinstance(f.get("choices"), list)
    }
    if not any(choices.values()):
        return template
    with_choices = [Field(f.key, f.label, f.kind, choices.get(f.key, ())) for f in template.fields]
    return Template.entered_by_hand(template.template_id, template.title, with_choices)
