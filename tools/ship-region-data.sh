#!/usr/bin/env bash
# Copies the OSM-derived region layers Skydas needs from shared/data/baltic into data/baltic as
# gzip files (same schema, byte-reproducible: gzip -9 -n). Run from the project root:
#   tools/ship-region-data.sh [SOURCE_DIR]    (default ../shared/data/baltic)
set -euo pipefail
src="${1:-../shared/data/baltic}"
dst="data/baltic"
mkdir -p "$dst"
layers="countries borders roads_main roads_minor_border_zone tracks_border_zone bridges railways
        waterways streams_border_zone water_areas landcover_forest landcover_wetland
        residential_areas landuse settlements protected_areas"
for l in $layers; do
  gzip -9 -n -c "$src/$l.geojson" > "$dst/$l.geojson.gz"
done
cp "$src/README.md" "$dst/SOURCE-README.md"
cp "$src/MANIFEST.tsv" "$dst/MANIFEST.tsv"
du -sh "$dst"
