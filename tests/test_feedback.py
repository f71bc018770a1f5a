import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.feedback import candidates_from_feedback, record_feedback

REPO = Path(__file__).resolve().parent.parent

ANSWER = {"question": "Kapan KAZCENT dibuka?", "answer": "Pada bulan Juli 2008, telah dibuka pusat pendidikan PfP. [1]",
          "abstained": False, "cited": [1],
          "passages": [{"n": 1, "source": "002_bd995526f7883333.txt", "start": 10, "end": 80,
                        "text": "Pada bulan Juli 2008, telah dibuka pusat pendidikan PfP."},
                       {"n": 2, "source": "001_a5822a4f334e8dc3.txt", "start": 0, "end": 20, "text": "Tidak dikutip."}]}


def test_votes_become_candidate_questions(tmp_path):
    path = tmp_path / "feedback.jsonl"
    record_feedback(ANSWER, "up", path=path)
    record_feedback({**ANSWER, "question": "Siapa pendiri KAZCENT?"}, "down", "Jawabannya salah", path=path)
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [line["vote"] for line in lines] == ["up", "down"] and lines[1]["note"] == "Jawabannya salah"
    assert [c["source"] for c in lines[0]["cited"]] == ["002_bd995526f7883333.txt"]  # only cited passages
    liked, disliked = candidates_from_feedback(path)
    assert liked["kind"] == "feedback" and liked["evidence"][0]["quote"].startswith("Pada bulan Juli 2008")
    assert disliked["evidence"] == [] and disliked["review"]["note"] == "Jawabannya salah"


def test_a_bad_vote_is_refused(tmp_path):
    with pytest.raises(ValueError, match="up.*down"):
        record_feedback(ANSWER, "maybe", path=tmp_path / "f.jsonl")


def test_eval_writes_candidates_from_feedback(tmp_path):
    record_feedback(ANSWER, "up", path=tmp_path / "feedback.jsonl")
    out = tmp_path / "candidates.jsonl"
    result = subprocess.run([sys.executable, "-m", "assistant.cli", "eval", "--candidates-from-feedback", str(out)],
                            capture_output=True, text=True, cwd=REPO, env={"TANYA_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    [row] = [json.loads(line) for line in out.read_text().splitlines()]
    assert row["question"] == "Kapan KAZCENT dibuka?"
