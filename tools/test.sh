#!/usr/bin/env bash
# Set up everything and run every test: the whole book under nbdev_test, then pytest tests/
# (CLI, hub, README, export, real Jupyter kernels, and the docs site in headless Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
if ! command -v chromium >/dev/null 2>&1; then   # the docs test opens pages in Debian's Chromium
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
export DALLE_EDU_QUIET=1   # no progress bars in logs (MPLBACKEND stays unset: kernels must draw inline)
start=$(date +%s)
# nbdev_test, keeping every notebook's outputs: the docs test renders them instead of running the book twice.
# Two notebooks at a time, one thread each: 504 s for the book on 2 cores, against 608 s one at a time on two threads.
rm -rf docs/_executed
OMP_NUM_THREADS=1 .venv/bin/python tools/test_book.py docs/_executed --n_workers 2 --timing
echo "nbdev_test took $(( $(date +%s) - start )) s"
DALLE_EDU_EXECUTED="$PWD/docs/_executed" .venv/bin/python -m pytest tests/ -q -p no:cacheprovider
echo "all tests took $(( $(date +%s) - start )) s"
