#!/usr/bin/env bash
# The token signing key pair of the production-like compose run: the nodes get the public key (as they would an
# identity provider's), and the 'token' command signs with the private key:
#   Authenticatie__LocalIssuerKeyFile=deploy/compose/.sleutels/uitgever.pem \
#     dotnet run --project src/Samenwerkingsafspraken.Api --no-launch-profile -- token beheerder
set -euo pipefail
map="$(dirname "$0")/.sleutels"
mkdir -p "$map"
if [ ! -f "$map/uitgever.pem" ]; then
  openssl genrsa -traditional -out "$map/uitgever.pem" 2048 2>/dev/null || openssl genrsa -out "$map/uitgever.pem" 2048
fi
openssl rsa -in "$map/uitgever.pem" -pubout -out "$map/uitgever.publiek.pem" 2>/dev/null
chmod 600 "$map/uitgever.pem"
chmod 644 "$map/uitgever.publiek.pem"
echo "Key pair in $map."
