#!/usr/bin/env bash
# Makes sure a docker-compose validator is on this machine: Debian's `docker-compose` (Compose 1.29)
# validates and interpolates a compose file with `docker-compose config` without any Docker engine.
# Installs it through apt when it is missing; prints the path of the validator on success.
set -euo pipefail

if command -v docker-compose >/dev/null 2>&1; then
  command -v docker-compose
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-compose: docker-compose is missing and apt-get is not available; install a compose validator (Debian: apt-get install -y docker-compose)" >&2
  exit 3
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "ensure-compose: docker-compose is missing and installing it needs root (apt-get install -y docker-compose)" >&2
    exit 3
  fi
fi

echo "ensure-compose: installing Debian's docker-compose with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
{ $SUDO apt-get update && $SUDO apt-get install -y docker-compose; } >&2
command -v docker-compose
