#!/usr/bin/env bash
# End-to-end test of the Windows installer under Wine (no display needed):
#   tests/windows/installer-test.sh <setup.exe>
# its .sha256 file → install → shortcuts, uninstall entry, the installed app without WebView2
# says why → upgrade keeps data → running app blocks install and uninstall → silent uninstall
# keeps data → /DELETEDATA removes it.
#
# Each run works in its own copy of the prefix from scripts/wine-prefix (copying takes ~1 s,
# booting a fresh one ~9 s), so runs never see each other's installs or registry.
# Last line: "N passed, N failed"; exit status 1 when anything failed.
# Needs: wine64, x86_64-w64-mingw32-gcc/objdump, file, iconv, strings.
set -uo pipefail

if [ "$#" -ne 1 ] || [ ! -f "$1" ]; then
  echo "usage: $0 <setup.exe>" >&2
  exit 2
fi
setup=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
repo=$(cd "$(dirname "$0")/../.." && pwd)
t_start=$SECONDS

app_name="オン資ナビ"
app_id="jp.onshi-navi.app"
uninst_key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\OnshiNavi'
webview2_key='HKCU\Software\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}'

# ------------------------------------------------------------------ sandbox
# The ready-made prefix to copy: the caller's WINEPREFIX, else the repo's (not $PWD's).
base_env=$(WINEPREFIX=${WINEPREFIX:-$repo/target/wine-prefix} "$repo/scripts/wine-prefix") ||
  { echo "wine-prefix failed"; echo "0 passed, 1 failed"; exit 1; }
eval "$base_env"
base=$WINEPREFIX

work=$(mktemp -d "${TMPDIR:-/tmp}/onshi-installer-test.XXXXXX")
export WINEPREFIX=$work/prefix
t0=$SECONDS
cp -a --reflink=auto "$base" "$WINEPREFIX"
t_copy=$((SECONDS - t0))
# Wine may (re)link Desktop & co. to $HOME and winemenubuilder writes to XDG folders: point
# them all into the sandbox so nothing can reach the real home even if that happens.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share \
  XDG_CACHE_HOME=$work/home/.cache XDG_DESKTOP_DIR=$work/home/Desktop
mkdir -p "$HOME"

cleanup() {
  timeout 30 /usr/lib/wine/wineserver -k 2>/dev/null
  # Debian's Wine keeps the server socket under /tmp/<name in $WINEPREFIX/wineserver>/
  # server-<dev>-<inode of the prefix>; one per prefix, so remove ours.
  if [ -f "$WINEPREFIX/wineserver" ]; then
    local sdir
    sdir=/tmp/$(cat "$WINEPREFIX/wineserver")/server-$(stat -c %D "$WINEPREFIX")-$(printf %x "$(stat -c %i "$WINEPREFIX")")
    [ -d "$sdir" ] && rm -rf -- "$sdir"
  fi
  rm -rf -- "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM  # so that ^C still runs cleanup (kills this prefix's Wine)

# No Wine call may hang the run: a stray dialog (none should appear with /S) would wait
# forever without a display.
win() { timeout 120 /usr/lib/wine/wine64 "$@"; }
# NSIS uninstallers copy themselves to %TEMP% and return at once; waiting for the prefix's
# wineserver to exit waits for that copy (and anything else) to finish.
settle() { timeout 120 /usr/lib/wine/wineserver -w; }

user=$(find "$WINEPREFIX/drive_c/users" -mindepth 1 -maxdepth 1 -type d ! -name Public -printf '%f\n' | head -n1)
U=$WINEPREFIX/drive_c/users/$user
winU="C:\\users\\$user"
instdir=$U/AppData/Local/Programs/OnshiNavi
wininstdir="$winU\\AppData\\Local\\Programs\\OnshiNavi"
exe=$instdir/onshi-navi.exe
startmenu_lnk="$U/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/$app_name.lnk"
desktop_lnk=$U/Desktop/$app_name.lnk
roaming_data=$U/AppData/Roaming/$app_id
local_data=$U/AppData/Local/$app_id
log=$instdir/install-log.txt

# ------------------------------------------------------------------ helpers
# shellcheck source=tests/windows/checks.sh
. "$(dirname "$0")/checks.sh"
timed() {  # timed <label> <cmd…>: runs, prints its duration, returns its status
  local label=$1 t=$SECONDS rc; shift
  "$@"; rc=$?
  echo "time $label: $((SECONDS - t)) s (exit $rc)"
  return "$rc"
}
install_silent() { win "$setup" /S; local rc=$?; settle; return "$rc"; }
# Belt and braces for the hand-over from Uninstall.exe to its %TEMP% copy: should Wine's
# server ever see no process in between and quit, -w would return early. So also wait for
# the install folder to go (up to 20 s), then for any straggler.
uninstall_silent() {
  win "$wininstdir\\Uninstall.exe" /S "$@"; local rc=$? i
  settle
  for ((i = 0; i < 100; i++)); do [ -e "$instdir" ] || break; sleep 0.2; done
  settle
  return "$rc"
}
# reg export writes UTF-16; `reg query` would print the Japanese as "?" in a C locale.
reg_export() {
  rm -f "$work/key.reg"
  win reg export "$uninst_key" 'Z:'"${work//\//\\}"'\key.reg' /y >/dev/null 2>&1 &&
    iconv -f UTF-16 -t UTF-8 "$work/key.reg" | tr -d '\r' >"$work/key.txt"
}
reg_has() { grep -qxF -- "$1" "$work/key.txt"; }
key_exists() { win reg query "$uninst_key" >/dev/null 2>&1; }
# Not `producer | grep -q`: with pipefail, grep -q quitting at the first match can kill the
# producer with SIGPIPE and fail a check that matched (seen here with objdump).
log_has() { [ -f "$log" ] && iconv -f UTF-16 -t UTF-8 "$log" | grep -F -- "$1" >/dev/null; }
lnk_targets_exe() { strings -a -el "$1" | grep -iF "$wininstdir\\onshi-navi.exe" >/dev/null; }
is_gui() { x86_64-w64-mingw32-objdump -p "$1" | grep 'Subsystem.*Windows GUI' >/dev/null; }
absent() { [ ! -e "$1" ]; }
not() { ! "$@"; }
is_pe32plus() { file -b "$1" | grep '^PE32+ executable' >/dev/null; }
is_real_folder() { [ -d "$1" ] && [ ! -L "$1" ]; }
log_count() { iconv -f UTF-16 -t UTF-8 "$log" | grep -cF -- "$1"; }
display_version_is() { reg_export && reg_has "\"DisplayVersion\"=\"$1\""; }
estimated_size_set() {
  grep -Eqx '"EstimatedSize"=dword:[0-9a-f]{8}' "$work/key.txt" &&
    ! grep -qx '"EstimatedSize"=dword:00000000' "$work/key.txt"
}

# ------------------------------------------------------------------ the setup exe itself
check "setup.exe is PE32+ (64-bit)" is_pe32plus "$setup"
# The version resource's ProductVersion is what the uninstall entry must show.
version=$(strings -a -el "$setup" | grep -A1 -x ProductVersion | tail -n1)
check "setup.exe carries a ProductVersion ($version)" grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+' <<<"$version"
check "prefix Desktop is a folder in the prefix, not a link to a home" is_real_folder "$U/Desktop"
# Not code-signed yet: clinics compare the published SHA-256 (README says how).
sha_file=$setup.sha256
sha_line_ok() { grep -Eqx "[0-9a-f]{64}  $(basename "$setup")" "$sha_file"; }
sha_matches() { (cd "$(dirname "$setup")" && sha256sum --quiet -c "$(basename "$sha_file")"); }
check "$(basename "$sha_file") beside the installer" test -f "$sha_file"
check "  in sha256sum's format, naming the installer" sha_line_ok
check "  matches the installer" sha_matches

# ------------------------------------------------------------------ first install
check "silent install exits 0" timed install "install_silent"
check "exe installed in AppData/Local/Programs/OnshiNavi" test -f "$exe"
check "installed exe is a Windows GUI program" is_gui "$exe"
check "uninstaller installed" test -f "$instdir/Uninstall.exe"
check "WebView2Loader.dll beside the exe (the exe imports it)" test -f "$instdir/WebView2Loader.dll"
lnks=$(find "$WINEPREFIX/drive_c" "$HOME" -name "$app_name.lnk" 2>/dev/null | sort)
echo "     shortcuts found: ${lnks//$'\n'/ | }"
check "Start-menu shortcut $app_name.lnk" test -f "$startmenu_lnk"
check "desktop shortcut $app_name.lnk" test -f "$desktop_lnk"
check "exactly these two shortcuts" test "$(printf '%s\n' "$lnks" | grep -c .)" -eq 2
check "Start-menu shortcut points at the installed exe" lnk_targets_exe "$startmenu_lnk"
check "desktop shortcut points at the installed exe" lnk_targets_exe "$desktop_lnk"
check "nothing written to host menus (winemenubuilder off)" \
  test -z "$(find "$HOME" -name '*.desktop' 2>/dev/null)"
check "uninstall key readable" reg_export
check "  DisplayName=$app_name" reg_has "\"DisplayName\"=\"$app_name\""
check "  DisplayVersion=$version" reg_has "\"DisplayVersion\"=\"$version\""
check "  Publisher" reg_has '"Publisher"="オン資ナビ開発チーム"'
check "  InstallLocation" reg_has "\"InstallLocation\"=\"${wininstdir//\\/\\\\}\""
check "  DisplayIcon" reg_has "\"DisplayIcon\"=\"${wininstdir//\\/\\\\}\\\\onshi-navi.exe,0\""
check "  UninstallString" reg_has "\"UninstallString\"=\"\\\"${wininstdir//\\/\\\\}\\\\Uninstall.exe\\\"\""
check "  QuietUninstallString has /S" reg_has "\"QuietUninstallString\"=\"\\\"${wininstdir//\\/\\\\}\\\\Uninstall.exe\\\" /S\""
check "  NoModify" reg_has '"NoModify"=dword:00000001'
check "  NoRepair" reg_has '"NoRepair"=dword:00000001'
check "  EstimatedSize > 0" estimated_size_set
# Wine has no WebView2: the installer must say so and carry on (never download).
check "missing WebView2 logged, install went on" log_has "WebView2 ランタイム: 見つかりません"

# The installed app, started as the shortcut starts it, on this PC without WebView2: it must
# start at all (its DLLs are there) and say why it stops, in the log folder README names.
app_log=$local_data/logs/onshi-navi.log
ONSHI_NAVI_NO_DIALOG=1 win "$wininstdir\\onshi-navi.exe"; rc=$?
settle
check "installed app without WebView2: exit code 3" test "$rc" -eq 3
check "  reason in %LOCALAPPDATA%\\$app_id\\logs\\onshi-navi.log" \
  grep -qF "「Microsoft Edge WebView2 ランタイム」がこのパソコンに見つかりません" "$app_log"

# ------------------------------------------------------------------ upgrade keeps data
mkdir -p "$roaming_data/pdf" "$local_data/logs"
echo "patient record" >"$roaming_data/onshi-navi.db"
echo "pdf" >"$roaming_data/pdf/2026-11-27.pdf"
echo "log" >"$local_data/logs/app.log"
# Pose as an older version, with a file an older version had and the new one does not.
win reg add "$uninst_key" /v DisplayVersion /d 0.0.1 /f >/dev/null 2>&1
mkdir -p "$instdir/resources" && echo stale >"$instdir/resources/old-font.ttf"
# A runtime that was uninstalled leaves pv=0.0.0.0: still missing.
win reg add "$webview2_key" /v pv /d 0.0.0.0 /f >/dev/null 2>&1
settle
check "upgrade install exits 0" timed upgrade "install_silent"
check "upgrade logged as 0.0.1 → $version" log_has "更新: 0.0.1 → $version"
check "WebView2 pv=0.0.0.0 counts as missing" test "$(log_count "WebView2 ランタイム: 見つかりません")" -eq 2
check "DisplayVersion back to $version" display_version_is "$version"
check "stale program file removed by upgrade" absent "$instdir/resources/old-font.ttf"
check "exe still installed" test -f "$exe"
check "data survived upgrade (Roaming)" grep -qx "patient record" "$roaming_data/onshi-navi.db"
check "data survived upgrade (PDF)" test -f "$roaming_data/pdf/2026-11-27.pdf"
check "data survived upgrade (Local logs)" test -f "$local_data/logs/app.log"

# WebView2 present (per-user registration) is recognised.
win reg add "$webview2_key" /v pv /d 131.0.2903.70 /f >/dev/null 2>&1
settle
install_silent >/dev/null
check "WebView2 found via HKCU" log_has "WebView2 ランタイム: 131.0.2903.70"

# ------------------------------------------------------------------ app running
# A program cannot be replaced or removed while it runs: install and uninstall must stop
# (exit 2) and leave everything. Stand in for the app with a sleeper under the same name.
printf '#include <windows.h>\nint WINAPI WinMain(HINSTANCE a,HINSTANCE b,LPSTR c,int d){(void)a;(void)b;(void)c;(void)d;Sleep(90000);return 0;}\n' >"$work/sleeper.c"
if x86_64-w64-mingw32-gcc -mwindows -o "$work/sleeper.exe" "$work/sleeper.c"; then
  cp "$exe" "$work/real.exe"
  cp "$work/sleeper.exe" "$exe"
  # Not through win(): a backgrounded function is a subshell, and killing that would
  # leave the sleeper running; timeout passes the signal on to the Wine process.
  timeout 120 /usr/lib/wine/wine64 "$wininstdir\\onshi-navi.exe" &
  sleeper=$!
  sleep 2
  win "$setup" /S; rc=$?
  check "install while app runs: exit 2" test "$rc" -eq 2
  check "  running exe untouched" cmp -s "$exe" "$work/sleeper.exe"
  check "  reason logged" log_has "中止: オン資ナビが起動中です"
  # _?= runs the uninstaller in place and waits: its exit code is the verdict.
  win "$wininstdir\\Uninstall.exe" /S "_?=$wininstdir"; rc=$?
  check "uninstall while app runs: exit 2" test "$rc" -eq 2
  check "  program files kept" test -f "$exe"
  check "  shortcut kept" test -f "$desktop_lnk"
  kill "$sleeper" 2>/dev/null; wait "$sleeper" 2>/dev/null
  settle
  cp "$work/real.exe" "$exe"
else
  check "compile sleeper for the running-app test" false
fi

# ------------------------------------------------------------------ uninstall keeps data
check "silent uninstall exits 0" timed uninstall "uninstall_silent"
check "install folder removed" absent "$instdir"
check "Start-menu shortcut removed" absent "$startmenu_lnk"
check "desktop shortcut removed" absent "$desktop_lnk"
check "uninstall key removed" not key_exists
check "data kept (Roaming db)" grep -qx "patient record" "$roaming_data/onshi-navi.db"
check "data kept (PDF)" test -f "$roaming_data/pdf/2026-11-27.pdf"
check "data kept (Local logs)" test -f "$local_data/logs/app.log"

# ------------------------------------------------------------------ /DELETEDATA
check "reinstall exits 0" install_silent
check "reinstalled exe present" test -f "$exe"
check "silent uninstall /DELETEDATA exits 0" uninstall_silent /DELETEDATA
check "install folder removed" absent "$instdir"
check "Roaming data folder deleted" absent "$roaming_data"
check "Local data folder deleted" absent "$local_data"
check "uninstall key removed" not key_exists

echo "time copy prefix: $t_copy s, total: $((SECONDS - t_start)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
