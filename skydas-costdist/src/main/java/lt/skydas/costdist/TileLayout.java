package lt.skydas.costdist;

/**
 * Where {@link CostDistanceSearch} keeps a node's state: grid cells in 16 × 16 tiles, row-major
 * inside a tile and tile after tile, on a grid padded to whole tiles; extra nodes after the padded
 * cells, in their own order. A cell's eight neighbours then mostly share its tile (a few cache
 * lines) instead of lying a row's width apart: the search, bound by memory latency on large grids,
 * settles cells about twice as fast on a 4000 × 4000 grid. Ids outside the search (its API, the
 * grid's arrays, edges, gates) stay row-major; only the search's own arrays use this layout.
 * Immutable.
 */
final class TileLayout {
  /** log2 of the tile side. */
  static final int SHIFT = 4;

  /** Tile side, cells. */
  static final int SIDE = 1 << SHIFT;

  private static final int LOCAL = SIDE - 1;

  /** External grid width and height, cells. */
  final int w;

  final int h;

  /** External cell count {@code w * h}. */
  final int cells;

  /** Tiles per row of tiles. */
  final int tilesPerRow;

  /** Internal ids of cells run {@code 0..paddedCells-1} (padding included). */
  final int paddedCells;

  /** Rows of tiles. */
  private final int tileRows;

  /**
   * Per border class of a cell ({@link #borderClass}), the internal id offsets of its eight
   * neighbours in the search's order (N, W, E, S, NW, NE, SW, SE): valid for a cell of an interior
   * tile, whose neighbours all exist (as cells of the grid).
   */
  final int[][] offsets = new int[9][8];

  TileLayout(int w, int h) {
    this.w = w;
    this.h = h;
    this.cells = w * h;
    this.tilesPerRow = (w + LOCAL) >>> SHIFT;
    int tileRows = (h + LOCAL) >>> SHIFT;
    long padded = (long) tilesPerRow * tileRows << (2 * SHIFT);
    if (padded > Integer.MAX_VALUE - (1 << 24)) {
      throw new IllegalArgumentException("grid " + w + "x" + h + " too large");
    }
    this.paddedCells = (int) padded;
    this.tileRows = tileRows;
    int[] dr = {-1, 0, 0, 1, -1, -1, 1, 1};
    int[] dc = {0, -1, 1, 0, -1, 1, -1, 1};
    int[] at = {SIDE / 2, 0, LOCAL}; // a local row or column of each class: inside, first, last
    for (int rc = 0; rc < 3; rc++) {
      for (int cc = 0; cc < 3; cc++) {
        for (int k = 0; k < 8; k++) {
          int r = SIDE + at[rc];
          int c = SIDE + at[cc];
          offsets[rc * 3 + cc][k] = cell(r + dr[k], c + dc[k]) - cell(r, c);
        }
      }
    }
  }

  /**
   * The border class of internal cell {@code i}: 3 × (row in tile: 0 inside, 1 first, 2 last) +
   * (column likewise); 0 when all its neighbours share its tile ({@link #insideTile}).
   */
  static int borderClass(int i) {
    int lr = (i >>> SHIFT) & LOCAL;
    int lc = i & LOCAL;
    int rc = lr == 0 ? 1 : lr == LOCAL ? 2 : 0;
    int cc = lc == 0 ? 1 : lc == LOCAL ? 2 : 0;
    return rc * 3 + cc;
  }

  /**
   * True if internal cell {@code i} lies in a tile off the outer ring of tiles: its neighbours
   * across the tile's edge are grid cells at {@link #offsets}.
   */
  boolean inInteriorTile(int i) {
    int t = i >>> (2 * SHIFT);
    int tr = t / tilesPerRow;
    int tc = t - tr * tilesPerRow;
    return tr > 0 && tr < tileRows - 1 && tc > 0 && tc < tilesPerRow - 1;
  }

  /** Internal id of the cell at row {@code r}, column {@code c} (inside the grid). */
  int cell(int r, int c) {
    return (((r >>> SHIFT) * tilesPerRow + (c >>> SHIFT)) << (2 * SHIFT))
        | ((r & LOCAL) << SHIFT)
        | (c & LOCAL);
  }

  /** Internal id of external node {@code x} (a cell {@code row * w + col}, or an extra node). */
  int in(int x) {
    if (x >= cells) {
      return paddedCells + (x - cells);
    }
    int r = x / w;
    return cell(r, x - r * w);
  }

  /** Row of internal cell id {@code i} ({@code i < paddedCells}); may be ≥ h for padding. */
  int row(int i) {
    return ((i >>> (2 * SHIFT)) / tilesPerRow << SHIFT) | ((i >>> SHIFT) & LOCAL);
  }

  /** Column of internal cell id {@code i} ({@code i < paddedCells}); may be ≥ w for padding. */
  int col(int i) {
    return ((i >>> (2 * SHIFT)) % tilesPerRow << SHIFT) | (i & LOCAL);
  }

  /** External id of internal id {@code i}, or -1 for a padding cell; -1 stays -1. */
  int ex(int i) {
    if (i < 0) {
      return -1;
    }
    if (i >= paddedCells) {
      return cells + (i - paddedCells);
    }
    int r = row(i);
    int c = col(i);
    return r < h && c < w ? r * w + c : -1;
  }

  /** True if internal cell {@code i}'s eight neighbours all lie in its own tile. */
  static boolean insideTile(int i) {
    int lr = (i >>> SHIFT) & LOCAL;
    int lc = i & LOCAL;
    return lr > 0 && lr < LOCAL && lc > 0 && lc < LOCAL;
  }

  /** Copies a row-major per-cell array into {@code out} (internal layout; padding untouched). */
  void copyIn(float[] rowMajor, float[] out) {
    for (int r = 0; r < h; r++) {
      int row = r * w;
      for (int c = 0; c < w; c++) {
        out[cell(r, c)] = rowMajor[row + c];
      }
    }
  }

  /**
   * Per tile, 1 where it or one of its eight neighbour tiles holds a cell whose {@code values}
   * (internal layout) is not 0 (NaN counts as not 0), else 0.
   *
   * @param reuse an array to fill if it has the tile count, else null
   */
  byte[] tilesNear(float[] values, byte[] reuse) {
    int tiles = paddedCells >>> (2 * SHIFT);
    boolean[] any = new boolean[tiles];
    for (int i = 0; i < paddedCells; i++) {
      if (!(values[i] == 0f)) {
        any[i >>> (2 * SHIFT)] = true;
      }
    }
    byte[] out = reuse != null && reuse.length == tiles ? reuse : new byte[tiles];
    java.util.Arrays.fill(out, (byte) 0);
    for (int t = 0; t < tiles; t++) {
      if (!any[t]) {
        continue;
      }
      int tr = t / tilesPerRow;
      int tc = t - tr * tilesPerRow;
      for (int r = Math.max(0, tr - 1); r <= Math.min(tileRows - 1, tr + 1); r++) {
        for (int c = Math.max(0, tc - 1); c <= Math.min(tilesPerRow - 1, tc + 1); c++) {
          out[r * tilesPerRow + c] = 1;
        }
      }
    }
    return out;
  }

  /** External node ids (e.g. edge targets) as internal ones. */
  int[] internal(int[] ids) {
    int[] out = new int[ids.length];
    for (int k = 0; k < ids.length; k++) {
      out[k] = in(ids[k]);
    }
    return out;
  }

  /**
   * One bit per internal id, set where the external node has an edge in the CSR {@code first}
   * ({@code n + 1} entries).
   */
  long[] withEdges(int[] first, int n) {
    long[] bits = new long[(paddedCells + (n - cells) + 63) >>> 6];
    for (int x = 0; x < n; x++) {
      if (first[x] != first[x + 1]) {
        int i = in(x);
        bits[i >>> 6] |= 1L << i;
      }
    }
    return bits;
  }
}
