#!/usr/bin/env bash
# The Windows exe as Explorer sees it (PE32+, GUI subsystem, icon and version resource), then as
# a clinic PC without the WebView2 runtime sees it, under Wine (which has no WebView2): the exe
# must not vanish without a word but exit at once with code 3, the Japanese reason in the log
# file of the app's log folder (the --data-dir / ONSHI_NAVI_DATA_DIR one when given).
#   tests/windows/exe-test.sh <exe> <version>
# The exe's WebView2Loader.dll must be beside it (the build puts it there). Each run works in its
# own copy of the prefix from scripts/wine-prefix. Last line: "N passed, N failed".
set -uo pipefail
[ "$#" -eq 2 ] || { echo "usage: $0 <exe> <version>" >&2; exit 2; }
exe=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
repo=$(cd "$(dirname "$0")/../.." && pwd)

python3 "$(dirname "$0")/pe_check.py" "$exe" "$2" || exit 1
echo "exe size: $(stat -c %s "$exe") bytes"

# shellcheck source=tests/windows/checks.sh
. "$(dirname "$0")/checks.sh"

# ------------------------------------------------------------------ imports
imports() { x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/^\s*DLL Name: //p'; }
echo "     imports: $(imports | tr '\n' ' ')"
# The -gnu build imports WebView2's loader; without the DLL beside it Windows does not even
# start the exe (so the installer must ship it, and the check below could never run).
check "exe imports WebView2Loader.dll, which sits beside it" \
  bash -c '[ -f "$2/WebView2Loader.dll" ] && grep -qx WebView2Loader.dll <<<"$1"' _ "$(imports)" "$(dirname "$exe")"

# The test hook that stands in for the save dialogs and the PDF viewer exists only in debug
# builds: the release exe does not even hold the variable's name.
check "the release exe holds no test hook (ONSHI_NAVI_SAVE_DIR)" \
  bash -c '! grep -qa ONSHI_NAVI_SAVE_DIR "$1"' _ "$exe"
check "the release exe holds no pinned day (ONSHI_NAVI_TODAY)" \
  bash -c '! grep -qa ONSHI_NAVI_TODAY "$1"' _ "$exe"

# ------------------------------------------------------------------ sandbox
base_env=$(WINEPREFIX=${WINEPREFIX:-$repo/target/wine-prefix} "$repo/scripts/wine-prefix") ||
  { echo "wine-prefix failed"; echo "$passed passed, $((failed + 1)) failed"; exit 1; }
eval "$base_env"
work=$(mktemp -d "${TMPDIR:-/tmp}/onshi-exe-test.XXXXXX")
cp -a --reflink=auto "$WINEPREFIX" "$work/prefix"
export WINEPREFIX=$work/prefix HOME=$work/home XDG_CONFIG_HOME=$work/home/.config \
  XDG_DATA_HOME=$work/home/.local/share XDG_CACHE_HOME=$work/home/.cache
mkdir -p "$HOME"
cleanup() {
  timeout 30 /usr/lib/wine/wineserver -k 2>/dev/null
  if [ -f "$WINEPREFIX/wineserver" ]; then  # Debian's Wine: one server socket folder per prefix
    local sdir
    sdir=/tmp/$(cat "$WINEPREFIX/wineserver")/server-$(stat -c %D "$WINEPREFIX")-$(printf %x "$(stat -c %i "$WINEPREFIX")")
    [ -d "$sdir" ] && rm -rf -- "$sdir"
  fi
  rm -rf -- "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
user=$(find "$WINEPREFIX/drive_c/users" -mindepth 1 -maxdepth 1 -type d ! -name Public -printf '%f\n' | head -n1)
default_log=$WINEPREFIX/drive_c/users/$user/AppData/Local/jp.onshi-navi.app/logs/onshi-navi.log
winpath() { printf 'Z:%s' "${1//\//\\}"; }

# ------------------------------------------------------------------ no WebView2
# run_app <seconds> <args…>: runs the exe under Wine with a time limit; sets rc and took.
rc= took=
run_app() {
  local limit=$1 t0=$SECONDS; shift
  timeout "$limit" /usr/lib/wine/wine64 "$exe" "$@" >"$work/out.txt" 2>&1; rc=$?
  took=$((SECONDS - t0))
  timeout 60 /usr/lib/wine/wineserver -w
  echo "     onshi-navi.exe $*: exit $rc after $took s"
}
says_why() {  # the Japanese reason, and the loader's own error after it
  [ -f "$1" ] && grep -F "オン資ナビを起動できません: 画面表示に必要な「Microsoft Edge WebView2 ランタイム」がこのパソコンに見つかりません" "$1" |
    grep -F "詳細: " >/dev/null
}
# Wine's own line when a program opens a window (our message box) with no display to draw on
# (Wine's explorer, started with the server, says "explorer process failed" instead).
in_out() { grep -F -- "$1" "$work/out.txt" >/dev/null; }
not_in_out() { ! in_out "$1"; }
only_logs_in() { [ "$(find "$1" -mindepth 1 -maxdepth 1 -printf '%f\n')" = logs ]; }

export WINEDEBUG=err+winediag  # so that Wine says when a window was attempted
data="$work/データ 山田"  # a Japanese user name with a space, as on clinic PCs
export ONSHI_NAVI_NO_DIALOG=1
run_app 60 --data-dir "$(winpath "$data")"
check "no WebView2 (--data-dir): exit code 3" test "$rc" -eq 3
check "  within 15 s" test "$took" -le 15
check "  reason in <data dir>\\logs\\onshi-navi.log" says_why "$data/logs/onshi-navi.log"
sed -n '1p' "$data/logs/onshi-navi.log" 2>/dev/null | sed 's/^/     log: /'
check "  no message box tried (ONSHI_NAVI_NO_DIALOG=1)" not_in_out '$DISPLAY is set correctly'
check "  checked before anything else: no database, only logs" only_logs_in "$data"
check "  default log folder untouched" test ! -e "$default_log"

run_app 60 --data-dir "$(winpath "$data")"
check "second start appends to the same log" test "$(grep -c 'オン資ナビを起動できません' "$data/logs/onshi-navi.log")" -eq 2

env_data=$work/env-data
ONSHI_NAVI_DATA_DIR=$(winpath "$env_data") run_app 60
check "no WebView2 (ONSHI_NAVI_DATA_DIR): exit code 3" test "$rc" -eq 3
check "  reason in its logs folder" says_why "$env_data/logs/onshi-navi.log"

run_app 60
check "no WebView2 (no override): exit code 3" test "$rc" -eq 3
check "  reason in %LOCALAPPDATA%\\jp.onshi-navi.app\\logs\\onshi-navi.log" says_why "$default_log"

# Without ONSHI_NAVI_NO_DIALOG the message box is shown. Wine here has no display: its
# MessageBoxW then cannot create the box ("no driver could be loaded") and returns; the run must
# still end (no hang) and log the reason.
unset ONSHI_NAVI_NO_DIALOG
box_data=$work/box-data
run_app 60 --data-dir "$(winpath "$box_data")"
check "with the message box (no display): exit code 3" test "$rc" -eq 3
check "  the message box was attempted" in_out '$DISPLAY is set correctly'
check "  reason logged" says_why "$box_data/logs/onshi-navi.log"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
