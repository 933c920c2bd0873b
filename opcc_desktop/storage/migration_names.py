"""The names of the schema migrations this version knows, in order, without importing sqlite-utils.

Opening an up-to-date file (every start of the window) needs only these names; `migrations.py`, which
defines the migrations with sqlite-utils, is imported when one is pending. A test checks both agree.
"""

MIGRATION_SET = "opcc"

MIGRATION_NAMES = (
    "m0001_core_schema",
    "m0004_boards",
    "m0005_letters_archive",
    "m0007_reminder_state",
    "m0008_s55_workflow",
    "m0010_search_index",
    "m0011_findings_tracker",
    "m0012_attachments",
    "m0013_audit_and_soft_delete",
    "m0014_findings_list_indexes",
    "m0015_open_s55_index",
    "m0016_record_versions",
    "m0017_audit_chain",
    "m0020_signatory_authority",
    "m0021_archive_chain",
    "m0022_office_mark",
)
