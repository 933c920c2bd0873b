"""Read-only table models (QAbstractTableModel) for the list views."""

from .base import ColumnSpec, RowRole, RowTableModel, SortRole
from .due_model import DueTableModel
from .inspections_model import InspectionsTableModel

__all__ = ["ColumnSpec", "DueTableModel", "InspectionsTableModel", "RowRole", "RowTableModel", "SortRole"]
