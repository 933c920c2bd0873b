"""`Changes`: what one service call touched, so views refresh only what they show."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    inspections: frozenset[int] = field(default_factory=frozenset)
    deleted_inspections: frozenset[int] = field(default_factory=frozenset)
    settings: bool = False
    lookups: bool = False
    letters: frozenset[int] = field(default_factory=frozenset)  # inspections whose drafts or archive changed
    boards: bool = False  # boards, meetings, agenda items, actions or closure approvals
    reminders: bool = False  # a reminder acknowledged, snoozed or restored

    @property
    def empty(self) -> bool:
        return not (self.inspections or self.deleted_inspections or self.settings or self.lookups
                    or self.letters or self.boards or self.reminders)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            inspections=self.inspections | other.inspections,
            deleted_inspections=self.deleted_inspections | other.deleted_inspections,
            settings=self.settings or other.settings,
            lookups=self.lookups or other.lookups,
            letters=self.letters | other.letters,
            boards=self.boards or other.boards,
            reminders=self.reminders or other.reminders,
        )
