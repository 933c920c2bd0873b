<#
.SYNOPSIS
  Build OPCC Desktop for Windows: the PyInstaller folder, then the per-user installer (Inno Setup)
  and the per-machine MSI (WiX v5), smoke-testing the frozen program on the way.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1
  powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1 -SkipMsi

.NOTES
  Needs: Python 3.12 or 3.13 from python.org (per-user install is fine: `py -3.12` must work),
  Inno Setup 6 (ISCC.exe), and for the MSI the .NET SDK plus `dotnet tool install --global wix --version 5.0.2`.
  None of them needs administrator rights when installed for the current user. Output in dist\.
  Set $env:SIGN_CERT_THUMBPRINT to Authenticode-sign the executables and installers with signtool.
#>
[CmdletBinding()]
param(
    [string]$Python = "3.12",
    [switch]$SkipInno,
    [switch]$SkipMsi
)
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Step($text) { Write-Host "`n==> $text" -ForegroundColor Cyan }
function Check($what) { if ($LASTEXITCODE -ne 0) { throw "$what failed (exit code $LASTEXITCODE)" } }

function Sign($files) {
    if (-not $env:SIGN_CERT_THUMBPRINT) { return }
    $signtool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" |
        Sort-Object FullName -Descending | Select-Object -First 1
    if (-not $signtool) { throw "signtool.exe not found (Windows SDK)" }
    & $signtool.FullName sign /sha1 $env:SIGN_CERT_THUMBPRINT /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 $files
    Check "signing"
}

Step "Build environment (.venv-build, outside the app's own .venv)"
$Venv = Join-Path $Root ".venv-build"
if (-not (Test-Path "$Venv\Scripts\python.exe")) {
    py -$Python -m venv $Venv; Check "creating the virtual environment"
}
$Py = "$Venv\Scripts\python.exe"
# Exactly the versions in the lock file, each checked against its hash, wheels only; then the app itself
# without touching them (and built with the locked setuptools, not a freshly downloaded one).
# Refresh the lock: see packaging\README.md ("The lock file").
& $Py -m pip install --quiet --require-hashes --only-binary=:all: --no-deps -r packaging\requirements-windows.txt
Check "installing the locked build environment (packaging\requirements-windows.txt)"
& $Py -m pip install --quiet --no-deps --no-build-isolation $Root; Check "installing OPCC Desktop"
& $Py -m pip check; Check "pip check (the lock file does not match pyproject.toml?)"

Step "PyInstaller folder build (packaging\opcc-desktop.spec)"
$Dist = Join-Path $Root "dist"
& $Py -m PyInstaller --noconfirm --clean --distpath $Dist --workpath (Join-Path $Root "build") packaging\opcc-desktop.spec
Check "PyInstaller"
$App = Join-Path $Dist "opcc-desktop"
$Cli = Join-Path $App "opcc-desktop-cli.exe"

Step "Smoke test of the frozen program"
& $Cli smoke; Check "the frozen smoke test"
$Version = ((& $Cli --version) -split " ")[-1].Trim()
Write-Host "Version $Version"
Sign @((Join-Path $App "opcc-desktop.exe"), $Cli)

if (-not $SkipInno) {
    Step "Per-user installer (Inno Setup)"
    $Iscc = @(
        (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source,
        "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
        "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
        "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
    ) | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
    if (-not $Iscc) { throw "Inno Setup 6 not found: install it (https://jrsoftware.org/isdl.php) or pass -SkipInno" }
    & $Iscc /Q "/DAppVersion=$Version" "/DSourceDir=$App" "/DOutputDir=$Dist" packaging\opcc-desktop.iss
    Check "Inno Setup"
    Sign (Join-Path $Dist "OPCC-Desktop-$Version-setup.exe")
}

if (-not $SkipMsi) {
    Step "Per-machine MSI (WiX v5)"
    if (-not (Get-Command wix -ErrorAction SilentlyContinue)) {
        throw "WiX not found: dotnet tool install --global wix --version 5.0.2 (or pass -SkipMsi)"
    }
    $Msi = Join-Path $Dist "OPCC-Desktop-$Version.msi"
    wix build packaging\opcc-desktop.wxs -arch x64 -d "Version=$Version" -d "SourceDir=$App" `
        -d "IconFile=$Root\resources\icons\opcc-desktop.ico" -o $Msi
    Check "WiX"
    Sign $Msi
}

Step "Done"
Get-ChildItem $Dist -File | Format-Table Name, @{ n = "MB"; e = { [math]::Round($_.Length / 1MB, 1) } }
