#!/bin/sh
# Installs Debian's kcat (a Kafka consumer that is not ours, for the interoperability test and for
# analysts) when it is missing. Prints the kcat path; exits non-zero with one clear line otherwise.
set -eu

if command -v kcat >/dev/null 2>&1; then
  command -v kcat
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-kcat: kcat is not installed and apt-get is not available; install kcat (https://github.com/edenhill/kcat) with your package manager" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "ensure-kcat: kcat is not installed and installing it needs root: run 'sudo apt-get update && sudo apt-get install -y kcat'" >&2
    exit 1
  fi
fi

log=$(mktemp)
if ! { $SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends kcat; } >"$log" 2>&1; then
  reason=$(grep -E '^E:' "$log" | head -n 1)
  [ -n "$reason" ] || reason=$(tail -n 1 "$log")
  echo "ensure-kcat: 'apt-get install kcat' failed: $reason" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"

if ! command -v kcat >/dev/null 2>&1; then
  echo "ensure-kcat: apt-get installed kcat but it is not on PATH" >&2
  exit 1
fi
command -v kcat
