package lt.skydas.assess.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.raster.FloatRaster;

/**
 * Renders an arrival-time raster (hours) as a PNG in the report's time ramp ({@link Colors}),
 * downsampled to at most {@code maxWidth} pixels (each pixel the minimum of its block, so thin fast
 * corridors stay visible), transparent where nobody arrives: as a data URI for the report, or as a
 * file for web maps with the LKS-94 extent it covers.
 */
public final class IsochroneImage {
  private IsochroneImage() {}

  static int step(GridSpec g, int maxWidth) {
    return Math.max(1, (int) Math.ceil(g.width() / (double) maxWidth));
  }

  static BufferedImage render(FloatRaster hours, int maxWidth) {
    int w = hours.grid().width();
    int h = hours.grid().height();
    int step = step(hours.grid(), maxWidth);
    int iw = (w + step - 1) / step;
    int ih = (h + step - 1) / step;
    BufferedImage img = new BufferedImage(iw, ih, BufferedImage.TYPE_INT_ARGB);
    float[] d = hours.data();
    for (int r = 0; r < ih; r++) {
      for (int c = 0; c < iw; c++) {
        float best = Float.NaN;
        for (int rr = r * step; rr < Math.min(h, (r + 1) * step); rr++) {
          for (int cc = c * step; cc < Math.min(w, (c + 1) * step); cc++) {
            float v = d[rr * w + cc];
            if (!Float.isNaN(v) && (Float.isNaN(best) || v < best)) {
              best = v;
            }
          }
        }
        img.setRGB(c, r, Float.isNaN(best) ? 0 : 0xFF000000 | Colors.rgb(best));
      }
    }
    return img;
  }

  static String dataUri(FloatRaster hours, int maxWidth) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(render(hours, maxWidth), "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
  }

  /**
   * Writes the PNG; returns the extent its pixels cover, [minX, minY, maxX, maxY] in the raster's
   * CRS (LKS-94 metres), whole blocks included.
   */
  public static double[] write(FloatRaster hours, int maxWidth, Path png) throws IOException {
    BufferedImage img = render(hours, maxWidth);
    ImageIO.write(img, "png", png.toFile());
    GridSpec g = hours.grid();
    double px = step(g, maxWidth) * g.cellSize();
    return new double[] {
      g.minX(), g.maxY() - img.getHeight() * px, g.minX() + img.getWidth() * px, g.maxY()
    };
  }
}
