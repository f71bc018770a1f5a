"""Thumbs up/down on answers, appended to a local JSONL; `tanya eval` turns it into candidate questions."""

from __future__ import annotations

import json
import threading
from datetime import datetime, timezone
from pathlib import Path

from .settings import tanya_home

_lock = threading.Lock()


def feedback_path() -> Path:
    return tanya_home() / "feedback.jsonl"


def record_feedback(answer_json: dict, vote: str, note: str = "", path: Path | None = None) -> Path:
    """Append one vote (`up` or `down`) on an answer, with an optional note."""
    if vote not in ("up", "down"):
        raise ValueError(f"vote must be 'up' or 'down', not {vote!r}.")
    path = path or feedback_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    entry = {"at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "vote": vote, "note": (note or "").strip(),
             "question": answer_json.get("question"), "answer": answer_json.get("answer"),
             "abstained": answer_json.get("abstained"), "rewritten_query": answer_json.get("rewritten_query"),
             "cited": [{"source": p["source"], "start": p["start"], "end": p["end"], "text": p["text"]}
                       for p in answer_json.get("passages", []) if p["n"] in answer_json.get("cited", [])]}
    with _lock, open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return path


def candidates_from_feedback(path: Path) -> list[dict]:
    """Question-set rows (eval format) to review: liked answers become answerable candidates with their
    cited text as evidence; disliked ones keep the note so a maintainer can write the right answer."""
    rows = []
    if not path.is_file():
        return rows
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        entry = json.loads(line)
        liked = entry["vote"] == "up"
        rows.append({
            "id": f"fb{number:04d}", "kind": "feedback", "question": entry["question"],
            "answers": [], "answerable": not entry.get("abstained") if liked else True,
            "evidence": [{"doc": c["source"].rsplit("/", 1)[-1], "quote": c["text"][:200]} for c in entry["cited"]] if liked else [],
            "review": {"vote": entry["vote"], "note": entry.get("note", ""), "answer": entry.get("answer")},
        })
    return rows
