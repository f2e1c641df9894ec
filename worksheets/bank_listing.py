"""The question bank as text to read or JSON for tools (`worksheets questions`)."""

from __future__ import annotations

import json
from typing import Any

from .bank import Bank, Conditions
from .i18n import _


def _conditions(conditions: Conditions) -> dict[str, Any]:
    result: dict[str, Any] = {key: sorted(values) for key, values in conditions.choices.items()}
    if conditions.symptoms:
        result["symptoms"] = dict(conditions.symptoms)
    return result


def bank_json(bank: Bank) -> str:
    document = {
        "version": bank.version,
        "language": bank.language,
        "sections": [{"id": s.id, "title": s.title, "topic": s.topic} for s in bank.sections],
        "questions": [
            {
                "id": q.id,
                "section": q.section,
                "text": q.text,
                "why": q.why,
                "source": list(q.sources),
                "when": _conditions(q.when),
                # One set, as most banks write it; a list when any of several excludes.
                "unless": _conditions(q.unless)
                if not q.unless_also
                else [_conditions(c) for c in (q.unless, *q.unless_also)],
                "topic": q.topic,
                "core": q.core,
                "urgent": q.urgent,
                "group": q.group,
                "high_stakes": q.high_stakes,
                "every_stage": q.every_stage,
                "booklet_only": q.booklet_only,
            }
            for q in bank.questions
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def bank_text(bank: Bank) -> str:
    lines = [
        _("Question bank, edition {v}: {n} questions").format(
            v=bank.version, n=len(bank.questions)
        ),
        "",
    ]
    for section in bank.sections:
        in_section = [q for q in bank.questions if q.section == section.id]
        lines.append(f"{section.title} ({len(in_section)})")
        for q in in_section:
            when = _conditions(q.when)
            tags = "; ".join(
                f"{key}: {', '.join(map(str, value)) if isinstance(value, list) else value}"
                for key, value in when.items()
            )
            marker = "*" if q.core else " "
            lines.append(f" {marker} {q.id}: {q.text}" + (f"  [{tags}]" if tags else ""))
        lines.append("")
    lines.append(_("* printed for everyone"))
    return "\n".join(lines) + "\n"
