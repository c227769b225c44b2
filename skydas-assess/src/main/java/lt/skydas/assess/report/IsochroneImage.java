package lt.skydas.assess.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import lt.skydas.raster.FloatRaster;

/** Renders an arrival-time raster (hours) as a PNG data URI, downsampled to at most maxWidth. */
final class IsochroneImage {
  private IsochroneImage() {}

  static String dataUri(FloatRaster hours, int maxWidth) {
    int w = hours.grid().width();
    int h = hours.grid().height();
    int step = Math.max(1, (int) Math.ceil(w / (double) maxWidth));
    int iw = (w + step - 1) / step;
    int ih = (h + step - 1) / step;
    BufferedImage img = new BufferedImage(iw, ih, BufferedImage.TYPE_INT_ARGB);
    float[] d = hours.data();
    for (int r = 0; r < ih; r++) {
      for (int c = 0; c < iw; c++) {
        // minimum over the block, so thin fast corridors stay visible
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
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
  }
}
