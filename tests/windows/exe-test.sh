#!/usr/bin/env bash
# The Windows exe as Explorer sees it: PE32+, GUI subsystem, icon and version resource.
#   tests/windows/exe-test.sh <exe> <version>
set -euo pipefail
[ "$#" -eq 2 ] || { echo "usage: $0 <exe> <version>" >&2; exit 2; }
python3 "$(dirname "$0")/pe_check.py" "$1" "$2"
echo "exe size: $(stat -c %s "$1") bytes"
