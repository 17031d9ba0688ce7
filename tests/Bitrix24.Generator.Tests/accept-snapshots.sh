#!/usr/bin/env bash
# Accepts every pending snapshot: renames *.received.* to *.verified.* (what Verify.Terminal's
# "accept" does). Review the differences first (git diff after running this shows them).
set -euo pipefail
cd "$(dirname "$0")/_snapshots"
shopt -s nullglob
for received in *.received.*; do
  mv -f -- "$received" "${received/.received./.verified.}"
  echo "accepted ${received/.received./.verified.}"
done
