"""Read-only table models (QAbstractTableModel) for the list views; import each from its module."""
