#!/usr/bin/env bash
# Copies the NL Design System CSS that the web application uses into its web root, at pinned versions, so that
# building and running need no Node. Run it only to change a version (then commit what it wrote):
#
#   bash tools/vendor-nl-design-system.sh
#
# It takes each package from the npm registry with `npm pack`, checks the tarball against the integrity pinned
# here (the registry's sha512), and copies the CSS files named below with the package's licence and a README that
# says where they came from.
set -euo pipefail
cd "$(dirname "$0")/.."

webroot=src/Samenwerkingsafspraken.Api/wwwroot/vendor

# package  version  integrity (sha512, base64)  files to copy from the package
packages=(
  "@utrecht/component-library-css|9.0.4|sha512-gVA7D6GfP9/+fzehkYLSBR+0UPUTA97PZmgvTYQE88lPQhHGMlUk8FjmCpLKRsRC9hAYd32JuF/KzG6fmBfjJA==|dist/index.css"
  "@nl-design-system-unstable/voorbeeld-design-tokens|7.4.1|sha512-GNnapAn2mTIzXRcCvs0JMr4Bf9+ivUJ3zFBJLRT1SYpAYm2xPwptVxIM3k4WLJ0c59E9FfxsEBPJluGuAHUVvg==|dist/theme.css"
)

command -v npm >/dev/null || { echo "npm is needed to run this script (not to build or run the service)." >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

rm -rf "$webroot"
for entry in "${packages[@]}"; do
  IFS='|' read -r name version integrity files <<<"$entry"
  (cd "$work" && npm pack --silent "$name@$version" >/dev/null)
  tarball="$work/$(echo "${name#@}" | tr '/' '-')-$version.tgz"
  actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
  if [ "$actual" != "$integrity" ]; then
    echo "$name@$version: integrity $actual differs from the pinned $integrity" >&2
    exit 1
  fi

  unpacked="$work/${name//\//_}"
  mkdir -p "$unpacked"
  tar xzf "$tarball" -C "$unpacked"
  target="$webroot/${name#@}@$version"
  mkdir -p "$target"
  for file in $files; do cp "$unpacked/package/$file" "$target/$(basename "$file")"; done
  cp "$unpacked/package/LICENSE.md" "$target/LICENSE.md"
  licence=$(sed -n 's/.*"license": *"\([^"]*\)".*/\1/p' "$unpacked/package/package.json")
  cat >"$target/README.md" <<README
# $name $version

Copied unchanged from the npm package \`$name@$version\` ($integrity) by
\`tools/vendor-nl-design-system.sh\`: $(for f in $files; do printf '`%s` ' "$f"; done)
Licence: $licence (see LICENSE.md beside this file).
README
  echo "$name@$version → $target"
done
