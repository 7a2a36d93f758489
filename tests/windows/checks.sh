# Shared by the Windows test scripts: counts and prints each check as it runs.
#   check <name> <command…>   ok when the command succeeds
passed=0 failed=0
check() {
  local name=$1; shift
  if "$@"; then
    passed=$((passed + 1)); echo "ok   $name"
  else
    failed=$((failed + 1)); echo "FAIL $name"
  fi
}
