package lt.skydas.raster;

/**
 * The two tile matrix sets of OGC 17-083r4 the map tiles are cut in: {@link #WEB_MERCATOR_QUAD}
 * (annex D.1, EPSG:3857; web maps, QGIS's XYZ layers) and {@link #WORLD_CRS84_QUAD} (annex D.2,
 * plate carrée on CRS84, two tiles across at zoom 0; GDAL before 3.8 opens an OGC API map tileset
 * only in the CRS of the collection's extent). A tile's pixels map to lon/lat through the scheme.
 */
public enum TileScheme {
  WEB_MERCATOR_QUAD("WebMercatorQuad") {
    @Override
    public long matrixWidth(int z) {
      return 1L << z;
    }

    @Override
    double lon(int z, double tileX) {
      return Math.toDegrees((tileX / (1L << z) * 2 - 1) * Math.PI);
    }

    @Override
    double lat(int z, double tileY) {
      double my = (1 - tileY / (1L << z) * 2) * Math.PI;
      return Math.toDegrees(2 * Math.atan(Math.exp(my)) - Math.PI / 2);
    }
  },
  WORLD_CRS84_QUAD("WorldCRS84Quad") {
    @Override
    public long matrixWidth(int z) {
      return 2L << z;
    }

    @Override
    double lon(int z, double tileX) {
      return -180 + tileX * 180.0 / (1L << z);
    }

    @Override
    double lat(int z, double tileY) {
      return 90 - tileY * 180.0 / (1L << z);
    }
  };

  private final String id;

  TileScheme(String id) {
    this.id = id;
  }

  /** Its identifier in OGC's register ({@code WebMercatorQuad}, {@code WorldCRS84Quad}). */
  public String id() {
    return id;
  }

  /** The scheme of an identifier, or null. */
  public static TileScheme of(String id) {
    for (TileScheme s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    return null;
  }

  /** Tiles across at zoom {@code z}. */
  public abstract long matrixWidth(int z);

  /** Tiles down at zoom {@code z}. */
  public long matrixHeight(int z) {
    return 1L << z;
  }

  /** The longitude at a (fractional) tile column, degrees. */
  abstract double lon(int z, double tileX);

  /** The latitude at a (fractional) tile row from the north, degrees. */
  abstract double lat(int z, double tileY);
}
