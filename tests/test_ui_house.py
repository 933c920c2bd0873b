"""The UI house (AGENTS.md): `ui/` arranged by feature, no circle of imports, nothing importing upwards.

The graph counts every `import` in a module, at its top, inside functions and under TYPE_CHECKING
alike: a helper that needs the window takes a narrow interface (`common.window_services`), never
`shell.main_window`.
"""

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[1] / "opcc_desktop" / "ui"
FEATURES = ("inspections", "findings", "boards", "letters", "reminders", "office")
FLOORS = {"shell": 3, "inspections": 2, "findings": 1, "boards": 0, "letters": 0, "reminders": 0, "office": 0,
          "common": -1}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(UI.parent.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in UI.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = package[: len(package) - node.level + 1] if node.level else []
                target = ".".join(base + ([node.module] if node.module else []))
                for candidate in (target, *(f"{target}.{alias.name}" for alias in node.names)):
                    if candidate in modules and candidate != name and modules[candidate].name != "__init__.py":
                        found.add(candidate)
            elif isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names if alias.name in modules}
        graph[name] = found
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def room(module: str) -> str:
    parts = module.split(".")
    return parts[2] if len(parts) > 3 else "(root)"


def test_ui_is_arranged_by_feature():
    rooms = {p.name for p in UI.iterdir() if p.is_dir() and not p.name.startswith("__")}
    assert rooms == set(FLOORS)
    assert [p.name for p in UI.glob("*.py")] == ["__init__.py"]  # nothing left at the root


def test_there_is_no_circle_of_imports_inside_ui():
    assert cycles(import_graph()) == []


def test_no_room_imports_one_on_a_higher_floor_or_a_neighbour_on_its_own():
    wrong = []
    for module, imported in import_graph().items():
        for other in imported:
            here, there = room(module), room(other)
            if here == there:
                continue
            if FLOORS[there] >= FLOORS[here]:
                wrong.append(f"{module} → {other}")
    assert wrong == []


def test_the_cycle_finder_finds_a_circle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


USER_ERRORS = {"UserFacingError", "ValidationError", "NotFoundError", "DatabaseFileError", "WriteFailedError",
               "InterchangeError"}
RUNNER = "opcc_desktop.ui.common.operations"
NO_WINDOW_YET = {  # no window yet: the failure decides what happens next, not a message
    "opcc_desktop.ui.shell.smoke",  # the headless `smoke` command: its failure is its exit status
    "opcc_desktop.ui.shell.startup_checks",  # a damaged file at start-up leads to the offer to restore
}


def _names(node: ast.expr | None) -> set[str]:
    if node is None:
        return set()
    return {n.id if isinstance(n, ast.Name) else n.attr for n in ast.walk(node) if isinstance(n, ast.Name | ast.Attribute)}


def test_only_the_operation_runner_catches_user_facing_errors_and_publishes():
    offenders = []
    for path in UI.rglob("*.py"):
        module = module_name(path)
        if module == RUNNER:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ExceptHandler) and _names(node.type) & USER_ERRORS and module not in NO_WINDOW_YET:
                offenders.append(f"{module}:{node.lineno} catches {sorted(_names(node.type) & USER_ERRORS)}")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "isinstance"
                    and len(node.args) == 2 and _names(node.args[1]) & (USER_ERRORS - {"ValidationError"})):
                offenders.append(f"{module}:{node.lineno} tests for a user-facing error")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "publish"
                    and module != "opcc_desktop.ui.common.event_bus"
                    and "bus" in ast.unparse(node.func.value)):
                offenders.append(f"{module}:{node.lineno} publishes by hand")
    assert offenders == []
