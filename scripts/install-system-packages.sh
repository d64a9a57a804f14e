#!/usr/bin/env bash
# Installs the Debian packages fusion-console needs and that are missing; installs nothing that is present.
# Usage: scripts/install-system-packages.sh PACKAGE...   (needs root, or sudo, when something is missing)
set -euo pipefail
missing=()
for package in "$@"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
((${#missing[@]} == 0)) && exit 0
echo "Installing missing system packages: ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "Missing packages (${missing[*]}) and not root: install them as root." >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has empty package lists: refresh them once if the first attempt cannot find a package.
if ! $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/tmp/fusion-apt.log 2>&1; then
  $sudo apt-get update >/tmp/fusion-apt-update.log 2>&1
  $sudo apt-get install -y --no-install-recommends "${missing[@]}" || { echo "apt-get could not install: ${missing[*]}" >&2; exit 1; }
fi
