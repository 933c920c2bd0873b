; Inno Setup script: the PER-USER installer (no administrator rights needed).
;
;   ISCC.exe /DAppVersion=0.1.0 /DSourceDir=..\dist\opcc-desktop packaging\opcc-desktop.iss
;
; packaging\build_windows.ps1 runs this after PyInstaller. It installs the PyInstaller folder into
; %LOCALAPPDATA%\Programs\OPCC Desktop, adds a Start-menu shortcut and an uninstaller. The user's
; data (database, backups, logs, letters) lives elsewhere, in %LOCALAPPDATA%\OPCC Desktop\OPCC Desktop,
; which this installer never writes and the uninstaller never deletes. Installing a newer version over
; an older one replaces the program files only; the program migrates the database when it next opens it.
; NOTE: where AppLocker allows programs only from Program Files, use the per-machine MSI instead.

#define AppName "OPCC Desktop"
#define AppPublisher "Office of the Police and Crime Commissioner"
#define AppExe "opcc-desktop.exe"
#define CliExe "opcc-desktop-cli.exe"
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\opcc-desktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif

[Setup]
; AppId identifies the product across versions: never change it, or upgrades install side by side.
AppId={{B31AB872-E01B-49DC-88BF-3C9DD7685CDC}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
; Never ask for elevation; always install for the current user only.
PrivilegesRequired=lowest
; With lowest privileges {autopf} is %LOCALAPPDATA%\Programs and {autoprograms} the user's Start menu.
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=OPCC-Desktop-{#AppVersion}-setup
SetupIconFile=..\resources\icons\opcc-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running copy would lock its files during an upgrade: ask to close it.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; Upgrade: remove the previous version's program files first, so no stale module lingers.
; Only the program folder; the user's data is not under {app}.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; AppUserModelID: the ID the program sets for itself (opcc_desktop/windows_taskbar.py), so a pinned
; shortcut and the running window are one taskbar button.
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "HMICFRS inspections, s.55 deadlines and letters"; AppUserModelID: "OPCC.OPCCDesktop"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon; AppUserModelID: "OPCC.OPCCDesktop"

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; There is deliberately no [UninstallDelete] section: the uninstaller removes only the files it
; installed. %LOCALAPPDATA%\OPCC Desktop (database, backups, logs, letters) is left alone.
