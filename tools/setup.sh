#!/usr/bin/env bash
# Set up dalle_edu: a virtual environment in .venv with the pinned packages, the package installed editable.
# Needs Python 3.11 (override with PYTHON=/path/to/python3.11). Safe to run again: it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
"$PYTHON" -c 'import sys; assert sys.version_info[:2] == (3, 11), f"dalle_edu needs Python 3.11, found {sys.version.split()[0]}"'
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
export PIP_DISABLE_PIP_VERSION_CHECK=1
.venv/bin/python -m pip install -q --upgrade "pip>=24" 2>&1 | grep -v '^WARNING: Location' || true
# torch and torchvision first: this pair is the one that imports together here (see DESIGN.md section 9)
.venv/bin/python -m pip install -q torch==2.14.1 torchvision==0.29.1 2>&1 | grep -v '^WARNING: Location' || true
# the editable build's BuildBackendWarning (a page of asterisks) is advice for other layouts; errors still print
PYTHONWARNINGS=ignore .venv/bin/python -m pip install -q -e ".[dev]" 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/python -c 'import dalle_edu, nbdev, torch, open_clip' || { echo "setup failed: packages do not import" >&2; exit 1; }
echo "dalle_edu is set up in .venv (torch $(.venv/bin/python -c 'import torch; print(torch.__version__)'))"
