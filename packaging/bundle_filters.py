"""What the PyInstaller spec leaves out of the bundle: opcc-desktop.spec imports it (as it does
version_info.py), tests/packaging/test_packaging_files.py tests it. Entries are PyInstaller's
(dest, source, kind) tuples; destinations use the platform's separator."""

from __future__ import annotations

import os

# Qt plugins the app never loads. Left out BEFORE the analysis (PyInstaller's Qt hooks collect whole
# plugin folders), so that the libraries only they link are never collected either: the GTK theme
# alone drags in GTK, GDK, Cairo, Pango and ATK on Linux. The app makes no network connection (no TLS,
# network-information or network-access plugins), draws no OpenGL and runs on a desktop (no eglfs,
# linuxfb, vnc, evdev input). Image formats: the app reads PNG, JPEG, BMP and GIF (ui/image_files.py),
# Qt needs ICO and SVG for icons; PNG and BMP are built in.
UNUSED_PLUGIN_TYPES = {"egldeviceintegrations", "generic", "networkaccess", "networkinformation", "tls",
                       "wayland-graphics-integration-client", "sqldrivers", "qmltooling", "multimedia"}
UNUSED_PLUGINS = {
    "platforms": ("eglfs", "linuxfb", "vnc", "vkkhrdisplay", "minimalegl", "direct2d"),
    "imageformats": ("tiff", "webp", "icns", "tga", "wbmp", "pdf"),
    "platformthemes": ("gtk3",),
}


def plugin_used(plugin_type: str, path: str) -> bool:
    """Whether a plugin file (or, for path "", the plugin folder) of this type is bundled."""
    name = os.path.basename(path).lower()
    return plugin_type not in UNUSED_PLUGIN_TYPES and not any(
        unused in name for unused in UNUSED_PLUGINS.get(plugin_type, ()) if name)


def foreign_translation(dest: str) -> bool:
    """Qt's own translations but English, wherever the wheel keeps them: PySide6/Qt/translations on
    Linux and macOS, PySide6/translations on Windows (the app is English; ~20 MB)."""
    parts = [part.lower() for part in dest.replace("\\", "/").split("/")]
    return (parts[0] == "pyside6" and "translations" in parts[:-1] and parts[-1].endswith(".qm")
            and not parts[-1].startswith(("qtbase_en", "qt_en")))


def unused_plugin(dest: str) -> bool:
    parts = dest.replace("\\", "/").split("/")
    if "plugins" not in parts[:-2] or parts[0].lower() != "pyside6":
        return False
    plugin_type = "/".join(parts[parts.index("plugins") + 1:-1])
    return not plugin_used(plugin_type, parts[-1])


# Shared libraries of unused Qt modules that hooks still drag in (the virtual-keyboard input plugin
# pulls in QML and Quick), and the symbolic links PyInstaller makes to them; Windows' software OpenGL
# renderer (opengl32sw.dll, ~20 MB) and Direct3D shader compiler, which a widgets app without OpenGL
# never loads.
UNUSED_LIBS = ("qt6qml", "qt6quick", "qt6webengine", "qt63d", "qt6multimedia", "qt6designer", "virtualkeyboard",
               "opengl32sw", "d3dcompiler")


def used(entry: tuple[str, str, str]) -> bool:
    dest = entry[0]
    return not (any(lib in os.path.basename(dest).lower() for lib in UNUSED_LIBS)
                or foreign_translation(dest) or unused_plugin(dest))
