"""The main window's pages: the dashboard and the inspections list."""

from .dashboard_page import DashboardPage
from .inspections_page import InspectionsPage

__all__ = ["DashboardPage", "InspectionsPage"]
