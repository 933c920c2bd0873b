"""DDL for governance boards (migration m0004_boards). Refers only to the core inspections/findings tables."""

from __future__ import annotations

BOARDS_SCHEMA = """
CREATE TABLE boards (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind TEXT NOT NULL DEFAULT '',
    frequency TEXT NOT NULL DEFAULT '',
    members TEXT NOT NULL DEFAULT '[]'
);
CREATE UNIQUE INDEX boards_name ON boards (name COLLATE NOCASE);
CREATE TABLE board_meetings (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    held_on TEXT NOT NULL,
    start_time TEXT NOT NULL DEFAULT '',
    venue TEXT NOT NULL DEFAULT '',
    virtual INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'scheduled',
    first_item_number INTEGER NOT NULL DEFAULT 1,
    attendees TEXT NOT NULL DEFAULT '[]',
    apologies TEXT NOT NULL DEFAULT '[]',
    declarations TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX board_meetings_board ON board_meetings (board_id, held_on);
CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES board_meetings (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    presenter TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL DEFAULT 'for noting',
    exempt INTEGER NOT NULL DEFAULT 0,
    exempt_ground TEXT NOT NULL DEFAULT '',
    papers TEXT NOT NULL DEFAULT '[]',
    notes TEXT NOT NULL DEFAULT '',
    resolution TEXT NOT NULL DEFAULT ''
);
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);
CREATE TABLE agenda_item_links (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    finding_id INTEGER REFERENCES findings (id) ON DELETE CASCADE
);
CREATE INDEX agenda_item_links_item ON agenda_item_links (item_id);
CREATE INDEX agenda_item_links_inspection ON agenda_item_links (inspection_id);
CREATE INDEX agenda_item_links_finding ON agenda_item_links (finding_id);
CREATE TABLE board_actions (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    description TEXT NOT NULL CHECK (length(trim(description)) > 0),
    owner TEXT NOT NULL DEFAULT '',
    due TEXT,
    status TEXT NOT NULL DEFAULT 'open',
    item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
    finding_id INTEGER REFERENCES findings (id) ON DELETE SET NULL,
    UNIQUE (board_id, number)
);
CREATE INDEX board_actions_item ON board_actions (item_id);
CREATE TABLE board_action_updates (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES board_actions (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    on_date TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX board_action_updates_action ON board_action_updates (action_id, position);
CREATE TABLE agenda_item_actions (
    item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
    action_id INTEGER NOT NULL REFERENCES board_actions (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (item_id, action_id)
);
CREATE INDEX agenda_item_actions_action ON agenda_item_actions (action_id);
CREATE TABLE finding_closure_approvals (
    id INTEGER PRIMARY KEY,
    finding_id INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
    meeting_id INTEGER NOT NULL REFERENCES board_meetings (id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
    approved_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX finding_closure_approvals_finding ON finding_closure_approvals (finding_id, approved_on)
"""
