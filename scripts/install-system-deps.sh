#!/bin/sh
# Install the Debian packages the test suite needs, if they are missing.
#
# Idempotent: packages already installed are left alone, and apt-get update runs
# at most once, only when something has to be installed.  The PostgreSQL server
# is installed for its binaries; the tests start their own throwaway server, so
# no system-wide service is started here (and one the package starts is stopped).
# Chromium is the browser the web tests drive through Playwright (which is told
# its path, so Playwright never downloads a browser of its own); fonts-noto-cjk
# lets it draw Chinese pages (without it their text renders as empty boxes).
#
# Usage: scripts/install-system-deps.sh      (as root, or with sudo available)
set -eu

PACKAGES="postgresql chromium fonts-noto-cjk"

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "install-system-deps: need root or sudo to install: $PACKAGES" >&2
    exit 1
fi

missing=""
for pkg in $PACKAGES; do
    if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        echo "install-system-deps: $pkg is already installed"
    else
        missing="$missing $pkg"
    fi
done

if [ -z "$missing" ]; then
    echo "install-system-deps: nothing to do"
    exit 0
fi

echo "install-system-deps: installing:$missing"
# policy-rc.d exit 101 tells invoke-rc.d not to start services while we install.
had_policy=no
[ -e /usr/sbin/policy-rc.d ] && had_policy=yes
if [ "$had_policy" = no ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod +x /usr/sbin/policy-rc.d
fi
cleanup() {
    if [ "$had_policy" = no ]; then $SUDO rm -f /usr/sbin/policy-rc.d; fi
}
trap cleanup EXIT

echo "install-system-deps: apt-get update"
$SUDO apt-get update
# shellcheck disable=SC2086  # $missing is a list of package names
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
echo "install-system-deps: installed:$missing"
echo "install-system-deps: PostgreSQL binaries: $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tr '\n' ' ')"
