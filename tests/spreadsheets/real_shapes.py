"""Tracker spreadsheets in the shapes forces and OPCCs publish (built with openpyxl; no hand edits).

Shapes follow published trackers and registers: the City of London Police "HMICFRS Report
Recommendations" appendix (a traffic-light key above, then per report a title row and the columns
"Recommendations & Areas for Improvement | Status | Due Date | Comment", e.g. "1 | Area for Improvement
The force should … | AMBER | No deadline set by HMICFRS …"; democracy.cityoflondon.gov.uk, June 2019, copy at
https://vdocuments.us/peel-20182019-routine-consideration-of-ancillary-orders-the-powers-of-other.html),
the HMICFRS recommendations register (statuses "complete", "awaiting-review";
https://www.justiceinspectorates.gov.uk/hmicfrs/?recommendation-theme=case-files) and the OPCC trackers
described in issue 18 (title rows, "Report details | Finding | Progress" over the headers, Open/Closed
sheets, a Key sheet, cp1252 CSV saved by Excel, "Type of finding", Lead, Notes, Date closed)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

HEADERS_A = ["Report Title", "Date Published", "Ref", "Type of finding", "Recommendation / AFI", "Lead",
             "Target Date", "Status", "Update", "Notes", "Date closed"]
ROWS_A = [
    ["PEEL 2021/22: An inspection of Cumbria Constabulary", datetime(2022, 9, 30), "AFI1", "AFI",
     "The constabulary should improve how it records equality data.", "DCI Smith", "31/03/23", "Complete",
     "Training delivered", "Checked at PAC", "14.02.23"],
    ["PEEL 2021/22: An inspection of Cumbria Constabulary", datetime(2022, 9, 30), "AFI2", "AFI",
     "The constabulary should reduce the time taken to answer 101 calls.", "Supt Jones", "Q4 2023/24", "Open",
     "New telephony in May", "", None],
    ["PEEL 2021/22: An inspection of Cumbria Constabulary", datetime(2022, 9, 30), "R1", "Recommendation",
     "Within six months the constabulary should review its vetting backlog.", "Head of PSD", "TBC",
     "Achieved", "", "Awaiting HMICFRS sign-off", None],
    ["Crime data integrity 2014", "01/08/2014", "CDI-3", "Rec",
     "The force should establish an audit regime for crime recording.", "FCR", "Sept 2014",
     "Discharged", "", "", None],
    ["Crime data integrity 2014", "01/08/2014", "CDI-4", "Cause of concern",
     "The force is not recording crime accurately.", "FCR", "Immediately", "Closed - superseded", "", "", None],
    ["Crime data integrity 2014", "01/08/2014", "CDI-5", "Rec",
     "The force should train call handlers in the Home Office Counting Rules.", "FCR", 45382, "In progress",
     "", "", None],
]


def title_rows_above_header(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append(["Cumbria OPFCC – HMICFRS recommendations and areas for improvement tracker"])
    sheet.merge_cells("A1:K1")
    sheet.append(["Position as at 31 March 2024"])
    sheet.append([])
    sheet.append(HEADERS_A)
    for row in ROWS_A:
        sheet.append(row)
    book.save(path)
    return path


def two_row_merged_header(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["Report details", None, None, "Finding", None, None, None, "Progress", None, None])
    for cells in ("A1:C1", "D1:G1", "H1:J1"):
        sheet.merge_cells(cells)
    sheet.append(["Inspection", "Published", "HMICFRS ref", "Rec No", "Rec or AFI", "Recommendation",
                  "Owner", "Due date", "RAG", "Latest update"])
    sheet.append(["Vetting, misconduct and misogyny", "02/11/2022", "VMM22", 1, "Recommendation",
                  "By 30 April 2023, chief constables should ensure vetting decisions are recorded.", "Head of PSD",
                  "30.04.23", "Green", "Done"])
    sheet.append(["Vetting, misconduct and misogyny", "02/11/2022", "VMM22", 2, "AFI",
                  "Forces should improve the quality of vetting interviews.", "Vetting manager", "March 2024",
                  "Amber", "Training planned"])
    book.save(path)
    return path


def open_closed_and_key_sheets(path: Path) -> Path:
    book = Workbook()
    key = book.active
    key.title = "Key"
    key.append(["RAG", "Meaning"])
    key.append(["Green", "The recommendation is implemented"])
    headers = ["Report", "Date of report", "Ref", "Area for improvement / recommendation", "Action owner",
               "Target completion date", "Status"]
    for name, rows in (("Open", [["Custody 2023", "15/06/2023", "A1", "The force should improve custody records.",
                                   "Ch Insp Custody", "31/12/2024", "In progress"]]),
                       ("Closed", [["Custody 2023", "15/06/2023", "A2", ("AFI: the force should train detention "
                                     "officers."), "Ch Insp Custody", "31/12/2023", "Completed"],
                                   ["Stalking 2017", "05/07/2017", "R9", "Forces should appoint stalking leads.",
                                    "DCI PPU", "31/03/2018", ""]])):
        sheet = book.create_sheet(name)
        sheet.append(headers)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def excel_cp1252_csv(path: Path) -> Path:
    text = ("Report,Date of report,Rec No,Recommendation,Action owner,Due date,Status,Progress update\r\n"
            "PEEL 2015 – Effectiveness,18/02/2016,1,The force should improve its response to victims’ calls,"
            "Supt Ops,31.03.21,Complete,Evidence sent to HMICFRS\r\n"
            "PEEL 2015 – Effectiveness,18/02/2016,2,\"The force should review its use of bail, including "
            "pre-charge bail\",DCI Crime,Sept 2014,Open,“Delayed”\r\n")
    path.write_bytes(text.encode("cp1252"))
    return path


def city_of_london_appendix(path: Path) -> Path:
    """A traffic-light key above, then each report's name on a row of its own above its findings; no
    publication-date column (the City of London Police appendix, June 2019)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "HMICFRS Report Recommendations"
    sheet.append(["Traffic Light Colour", "Definition of target achievement"])
    sheet.append(["GREEN", "The recommendation is implemented"])
    sheet.append(["AMBER", "The recommendation is subject to ongoing work and monitoring"])
    sheet.append([])
    sheet.append(["", "Recommendations & Areas for Improvement", "Status", "Due Date", "Comment"])
    sheet.append(["PEEL 2018/2019 A national report by HMICFRS"])
    sheet.append([1, ("Area for Improvement The force should improve its use of its crime-recording and management "
                     "system to better manage its case files."), "AMBER",
                  "No deadline set by HMICFRS December 2019 set to align with the next inspection",
                  "Improvements are required in the way the force allocates some crimes."])
    sheet.append([2, "Area for Improvement The force should improve how it supervises investigations.", "GREEN",
                  "December 2019", ""])
    sheet.append(["Crime data integrity 2018"])
    sheet.append([1, ("Recommendation Within three months, the force should review how it records reports of "
                     "rape."), "RED", "31/03/2019", "Overdue: awaiting audit"])
    book.save(path)
    return path
