#!/usr/bin/env bash
# Install the Debian packages briefbook needs, only those that are missing.
#
#   scripts/system-packages.sh book   # TeX Live (xelatex, latexmk, xindy), fonts
#   scripts/system-packages.sh test   # the same, plus chromium, poppler-utils and epubcheck
#
# Uses sudo when not root. On a system without apt-get it installs nothing and
# stops with the list of what to install by hand.
set -euo pipefail

what=${1:-book}
book_packages=(
  texlive-xetex latexmk texlive-latex-recommended texlive-latex-extra
  texlive-fonts-recommended texlive-lang-other xindy
  fonts-noto-core fonts-noto-mono fonts-noto-cjk fonts-symbola
)
test_packages=(chromium poppler-utils epubcheck)  # epubcheck: run as java -jar (tests/test_epub.py)
packages=("${book_packages[@]}")
[ "$what" = test ] && packages+=("${test_packages[@]}")

# What each package gives, to check on systems without dpkg.
declare -A provides=(
  [texlive-xetex]=xelatex [latexmk]=latexmk [xindy]=xindy
  [chromium]=chromium [poppler-utils]=pdftotext [epubcheck]=epubcheck
)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
else
  for p in "${packages[@]}"; do
    cmd=${provides[$p]:-}
    if [ -n "$cmd" ] && ! command -v "$cmd" >/dev/null 2>&1; then missing+=("$p"); fi
  done
fi
# A Python that cannot make a virtual environment needs Debian's python3-venv.
if ! "${PYTHON:-python3}" -c "import ensurepip, venv" >/dev/null 2>&1; then missing+=(python3-venv); fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: these packages (Debian names) are missing and there is no apt-get to install them:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  echo "Install their equivalents (TeX Live with xelatex, latexmk, xindy and babel's Vietnamese support;" >&2
  echo "the Noto Serif, Noto Sans and Noto Sans Mono fonts; chromium, poppler and epubcheck for tests), then run make again." >&2
  exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "error: not root and no sudo; as root run: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  sudo=(sudo)
fi
echo "system packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
