#!/usr/bin/env bash
# Installs the system packages Rõ needs on a fresh Debian machine (run as root).
# Swift itself comes with the machine (/opt/swift); this adds the C libraries
# the package links (SQLite through GRDB, libuuid for event ids) and sqlite3
# for looking into a store by hand; then Tools/mta/install-mta.sh sets up the
# local MTA the reminder emails go through. Chromium and its WebDriver
# (chromedriver) are for the browser end-to-end test of the web front
# (Tests/EndToEndTests/BrowserEndToEndTests.swift); DejaVu gives its
# screenshots the Vietnamese letters. Schemathesis, from PyPI, checks the server
# against its OpenAPI document (Tests/EndToEndTests/APIContractEndToEndTests.swift).
set -euo pipefail

packages=(libsqlite3-dev uuid-dev sqlite3 tzdata chromium chromium-driver fonts-dejavu-core)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "System packages already installed: ${packages[*]}"
fi

# Schemathesis, pinned, for the API contract test.
schemathesis_version=4.32.5
if python3 -c "import schemathesis, sys; sys.exit(schemathesis.__version__ != '$schemathesis_version')" 2>/dev/null; then
  echo "Schemathesis $schemathesis_version already installed"
else
  echo "Installing Schemathesis $schemathesis_version from PyPI"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "schemathesis==$schemathesis_version"
fi

# The local MTA for reminder emails (exim4: /usr/sbin/sendmail, delivery to
# /var/mail) and the test mailbox ro-test@localhost (/var/mail/ro-test).
bash "$(dirname "$0")/mta/install-mta.sh"
