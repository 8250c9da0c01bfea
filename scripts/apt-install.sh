#!/usr/bin/env bash
# apt-install.sh PACKAGE…: installs Debian packages for CI (as root), waiting for apt's locks
# instead of failing at once: on a fresh machine its own boot-time apt run may hold them. The
# lock timeout covers install; update's lock on the lists is retried. Output goes to stderr.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  if apt-get -o DPkg::Lock::Timeout=60 update -qq >&2; then break; fi
  if [ "$attempt" = 10 ]; then
    echo "apt-install: apt-get update failed 10 times" >&2
    exit 1
  fi
  echo "apt-install: apt-get update failed (apt busy?); trying again in 10 s…" >&2
  sleep 10
done
apt-get -o DPkg::Lock::Timeout=300 install -y -qq "$@" >&2
