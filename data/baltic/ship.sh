#!/usr/bin/env bash
# Re-creates the shipped region layers from the shared Lithuania border-region data set:
# each layer gzip-compressed with `gzip -9 -n` (no name, no timestamp, so the bytes are
# reproducible), content and schema unchanged; README.md and MANIFEST.tsv copied alongside.
# Then checks every shipped layer against the source MANIFEST.tsv (feature data sha256).
#   data/baltic/ship.sh [SOURCE_DIR]      (default /work/shared/data/baltic)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="${1:-/work/shared/data/baltic}"
layers="countries borders roads_main roads_minor_border_zone tracks_border_zone bridges railways
        waterways streams_border_zone water_areas landcover_forest landcover_wetland
        residential_areas landuse settlements protected_areas"
for l in $layers; do
  gzip -9 -n -c "$src/$l.geojson" > "$here/$l.geojson.gz.tmp"
  mv "$here/$l.geojson.gz.tmp" "$here/$l.geojson.gz"
done
# already gzipped at the source: shipped as is (its manifest sha256 is of the .gz bytes)
cp "$src/buildings_border_zone.geojson.gz" "$here/buildings_border_zone.geojson.gz"
cp "$src/README.md" "$here/SOURCE-README.md"
cp "$src/MANIFEST.tsv" "$here/MANIFEST.tsv"
# verify: the decompressed bytes must match the source manifest exactly
for l in $layers; do
  want=$(awk -v f="$l.geojson" '$1 == f {print $4}' "$here/MANIFEST.tsv")
  got=$(gzip -dc "$here/$l.geojson.gz" | sha256sum | cut -d' ' -f1)
  if [ "$want" != "$got" ]; then
    echo "checksum mismatch for $l.geojson" >&2
    exit 1
  fi
done
want=$(awk '$1 == "buildings_border_zone.geojson.gz" {print $4}' "$here/MANIFEST.tsv")
got=$(sha256sum "$here/buildings_border_zone.geojson.gz" | cut -d' ' -f1)
if [ "$want" != "$got" ]; then
  echo "checksum mismatch for buildings_border_zone.geojson.gz" >&2
  exit 1
fi
du -cb "$here"/*.geojson.gz | tail -1
