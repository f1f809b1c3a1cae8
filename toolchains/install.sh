#!/bin/sh
# Installs what Kiln's boards need, idempotently: cross compilers, picolibc, QEMU (Debian packages listed in
# toolchains/*.json), and the Xtensa LX106 runtime library that Debian's libgcc lacks. Prints what it did.
# Usage: toolchains/install.sh [TARGET...]   (default: every target). Needs root for apt-get.
set -eu
DIR=$(cd "$(dirname "$0")" && pwd)
if [ $# -eq 0 ]; then set -- $(ls "$DIR"/*.json | xargs -n1 basename | sed 's/\.json$//'); fi
pkgs=""
for t in "$@"; do
    f="$DIR/$t.json"
    [ -f "$f" ] || { echo "install.sh: unknown target $t" >&2; exit 2; }
    pkgs="$pkgs $(python3 -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))["packages"]))' "$f")"
done
missing=""
for p in $(echo $pkgs | tr ' ' '\n' | sort -u); do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "install.sh: installing$missing"
    if [ "$(id -u)" -ne 0 ]; then echo "install.sh: need root to install$missing" >&2; exit 1; fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
    echo "install.sh: installed$missing"
else
    echo "install.sh: packages present:$(echo $pkgs | tr ' ' '\n' | sort -u | tr '\n' ' ')"
fi
for t in "$@"; do
    if [ -x "$DIR/$t/build-runtime.sh" ]; then "$DIR/$t/build-runtime.sh"; fi
done
