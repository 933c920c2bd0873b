"""A deterministic, realistic office of a chosen size, as an OPCC Desktop JSON interchange document.

Scale 1 is about ten years of an ordinary office: 500 inspections, ~5,000 findings, 1,000 meetings and
5,000 actions (with their dated updates). Scale 10 is ten times that. Text lengths follow the seed
documents: titles of 60–120 characters, findings of 150–400, responses of 300–900, letters of a few
paragraphs. Every name is invented. The same (scale, seed) always gives the same document.

Every finding carries two to eight dated history lines (about 25,000 per scale unit), ending at its
current status; closed findings carry their closure basis and approver.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from opcc_desktop.domain.vocabulary import DEFAULT_FINDING_STATUSES, DEFAULT_INSPECTION_TYPES, FINDING_KINDS

SECTIONS_NOT_YET_SUPPORTED: tuple[str, ...] = ()

FORCES = ("Cumbria", "Lancashire", "Cheshire", "Merseyside", "Greater Manchester", "North Wales",
          "Cambridgeshire", "Dyfed-Powys", "Gwent", "Northumbria")
TOPICS = ("the response to serious and organised crime", "vetting, misconduct and counter-corruption",
          "police custody suites", "the investigation of rape and serious sexual offences",
          "digital forensics", "neighbourhood policing", "the management of registered sex offenders",
          "roads policing", "call handling and the response to the public", "child protection",
          "fraud and economic crime", "the use of stop and search", "domestic abuse",
          "counter-terrorism policing", "workforce wellbeing")
WORDS = ("force", "should", "improve", "ensure", "that", "its", "officers", "staff", "supervisors",
         "understand", "victims", "risk", "assessment", "quality", "plans", "data", "records", "by",
         "the", "and", "of", "to", "in", "with", "partners", "oversight", "governance", "training",
         "capacity", "capability", "performance", "demand", "analysis", "intelligence", "disruption",
         "safeguarding", "vulnerable", "people", "timely", "effective", "consistent", "arrangements")
OWNERS = ("Head of Crime", "Head of Intelligence", "Detective Chief Superintendent", "Head of Custody",
          "Head of Professional Standards", "Chief Finance Officer", "Assistant Chief Constable",
          "OPCC Head of Performance", "Head of Digital Forensics", "Superintendent, Local Policing")
BOARDS = ("Joint Audit and Scrutiny Panel", "Public Accountability Conference", "Commissioner's Board",
          "Weekly one-to-one with the Chief Constable", "Police and Crime Panel")
PEOPLE = ("A. Pryce", "B. Llewellyn", "C. Okafor", "D. Haddad", "E. Nowak", "F. Ó Briain", "G. Sandhu",
          "H. Whitfield", "I. Kowalczyk", "J. Adeyemi")


def _sentence(rng: random.Random, low: int, high: int) -> str:
    target = rng.randint(low, high)
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < target:
        words.append(rng.choice(WORDS))
    return " ".join(words).capitalize() + "."


def _paragraphs(rng: random.Random, count: int, low: int = 200, high: int = 500) -> str:
    return "\n\n".join(_sentence(rng, low, high) for _ in range(count))


CLOSED_STATUSES = [s for s in DEFAULT_FINDING_STATUSES if s.lower().startswith("closed")]
OPEN_STATUSES = [s for s in DEFAULT_FINDING_STATUSES if s not in CLOSED_STATUSES]


def _status(rng: random.Random, published: date, today: date) -> str:
    """Older findings are mostly closed, as in a real tracker; recent ones mostly open."""
    years = (today - published).days / 365
    closed_share = min(0.9, 0.25 * years)
    return rng.choice(CLOSED_STATUSES) if rng.random() < closed_share else rng.choice(OPEN_STATUSES)


def _history(rng: random.Random, published: date, today: date, final: str) -> list[dict[str, Any]]:
    """Two to eight dated status changes ending at the finding's current status, as a tracker records them."""
    steps = rng.randint(2, 8)  # five a finding on average: 25,000 lines per 5,000 findings
    span = max(1, (today - published).days)
    days = sorted(rng.randint(1, span) for _ in range(steps))
    statuses = [rng.choice(OPEN_STATUSES) for _ in range(steps - 1)] + [final]
    entries, old = [], "Not yet assessed"
    for day, new in zip(days, statuses):
        entries.append({"date": (published + timedelta(days=day)).isoformat(), "author": rng.choice(OWNERS),
                        "on_behalf_of": "", "old_status": old, "new_status": new,
                        "narrative": _sentence(rng, 60, 240), "source": "status change"})
        old = new
    return entries


def _finding(rng: random.Random, number: int, published: date, today: date) -> dict[str, Any]:
    kind = rng.choices(FINDING_KINDS[:3], weights=(3, 6, 1))[0]
    target = published + timedelta(days=rng.randint(90, 540)) if rng.random() < 0.6 else None
    status = _status(rng, published, today)
    closed = status in CLOSED_STATUSES
    history = _history(rng, published, today, status)
    return {
        "kind": kind,
        "reference": str(number),
        "level": rng.choice(("", "LEVEL 2", "LEVEL 3")),
        "text": _sentence(rng, 150, 400),
        "addressees": [rng.choice(FORCES) + " Constabulary"],
        "owner": rng.choice(OWNERS),
        "target_date": target.isoformat() if target else None,
        "status": status,
        "force_response": _sentence(rng, 300, 900) if rng.random() < 0.8 else "",
        "pcc_response": _sentence(rng, 100, 400) if rng.random() < 0.5 else "",
        "rag": "Blue" if closed else rng.choice(("Red", "Amber", "Amber", "Green")),
        "delivery_lead": rng.choice(OWNERS),
        "closure_basis": "Evidence reviewed by the OPCC" if closed else "",
        "closure_approved_by": rng.choice(("Joint Audit and Scrutiny Panel", "HMICFRS")) if closed else "",
        "closed_on": history[-1]["date"] if closed else None,
        "history": history,
    }


def _inspections(rng: random.Random, count: int, today: date, finding_total: int) -> list[dict[str, Any]]:
    inspections = []
    span_days = 3650
    next_finding = 10_000
    per_inspection = max(1, round(finding_total / max(count, 1)))
    for n in range(count):
        published = today - timedelta(days=rng.randint(0, span_days))
        findings = []
        for _ in range(rng.randint(0, min(20, 2 * per_inspection))):
            next_finding += 1
            findings.append(_finding(rng, next_finding, published, today))
        answered = published + timedelta(days=rng.randint(20, 70))
        inspections.append({
            "reference": f"B{n + 1:06d}",
            "title": f"An inspection of {rng.choice(TOPICS)} in {rng.choice(FORCES)} ({n + 1})",
            "type": rng.choice(DEFAULT_INSPECTION_TYPES),
            "published": published.isoformat(),
            "forces": rng.sample(FORCES, rng.randint(1, 3)),
            "key_findings": _paragraphs(rng, rng.randint(1, 3)),
            "s55_applies": rng.choices((True, False, None), weights=(90, 7, 3))[0],
            "response_published": answered.isoformat() if answered < today else None,
            "pcc_comments": _paragraphs(rng, rng.randint(2, 5)),
            "findings": findings,
        })
    return inspections


def _boards(rng: random.Random, meetings: int, actions: int, today: date) -> list[dict[str, Any]]:
    per_board = max(1, meetings // len(BOARDS))
    actions_per_meeting = max(0, round(actions / max(meetings, 1)))
    boards = []
    for name in BOARDS:
        number = 0
        board_meetings = []
        for m in range(per_board):
            held = today - timedelta(days=(per_board - m) * 3650 // per_board)
            born = []
            for _ in range(actions_per_meeting):
                number += 1
                born.append({
                    "number": number, "description": _sentence(rng, 60, 200), "owner": rng.choice(OWNERS),
                    "due": (held + timedelta(days=rng.randint(14, 120))).isoformat(),
                    "status": "open" if rng.random() < 0.2 else "complete",
                    "updates": [{"date": (held + timedelta(days=7)).isoformat(), "text": _sentence(rng, 40, 160)}],
                })
            board_meetings.append({
                "date": held.isoformat(), "start_time": "10:00", "venue": "Police Headquarters",
                "virtual": False, "status": "minutes approved", "first_item_number": 1,
                "attendees": [{"name": p, "role": "", "present": True} for p in rng.sample(PEOPLE, 4)],
                "apologies": [], "declarations": [],
                "items": [{
                    "title": f"HMICFRS: {rng.choice(TOPICS)}", "presenter": "A report by the Chief Constable",
                    "purpose": "for noting", "exempt": False, "exempt_ground": "", "papers": [],
                    "links": [], "notes": _paragraphs(rng, 2), "resolution": "RESOLVED – that the report be noted",
                    "carried_actions": [], "closure_approvals": [], "actions": born,
                }],
                "closure_approvals": [],
            })
        boards.append({"name": name, "kind": "Board", "frequency": "Monthly", "members": list(PEOPLE[:4]),
                       "actions": [], "meetings": board_meetings})
    return boards


def office_document(scale: float, seed: int = 1, today: date = date(2026, 11, 22)) -> dict[str, Any]:
    """The interchange document for `scale` (1 = 500 inspections, ~5,000 findings, 1,000 meetings)."""
    rng = random.Random(seed)
    inspections = max(1, round(500 * scale))
    return {
        "format": "opcc-desktop",
        "version": 1,
        "settings": {"office_name": "Office of the Police and Crime Commissioner (benchmark)"},
        "inspections": _inspections(rng, inspections, today, round(5000 * scale)),
        "boards": _boards(rng, max(len(BOARDS), round(1000 * scale)), round(5000 * scale), today),
    }


def counts(document: dict[str, Any]) -> dict[str, int]:
    meetings = [m for b in document.get("boards", []) for m in b["meetings"]]
    return {
        "inspections": len(document["inspections"]),
        "findings": sum(len(i["findings"]) for i in document["inspections"]),
        "history entries": sum(len(f.get("history", ())) for i in document["inspections"] for f in i["findings"]),
        "meetings": len(meetings),
        "actions": sum(len(item["actions"]) for m in meetings for item in m["items"]),
    }
