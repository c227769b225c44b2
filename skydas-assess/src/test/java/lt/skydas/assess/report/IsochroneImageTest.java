package lt.skydas.assess.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.raster.FloatRaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsochroneImageTest {
  @Test
  void aFileInTheReportRampTransparentWhereNotReachedWithTheGridsExtent(@TempDir Path dir)
      throws Exception {
    GridSpec g = new GridSpec(500_000, 6_200_000, 100, 3, 2, 3346);
    FloatRaster r = new FloatRaster(g, new float[] {0.2f, 6.5f, 40f, Float.NaN, 1.5f, 3f});
    Path png = dir.resolve("iso.png");
    double[] ext = IsochroneImage.write(r, 900, png);
    assertThat(ext).containsExactly(500_000, 6_199_800, 500_300, 6_200_000);
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(3);
    assertThat(img.getRGB(0, 0)).isEqualTo(0xFF000000 | Colors.rgb(0.2));
    assertThat(img.getRGB(1, 0)).isEqualTo(0xFF000000 | Colors.rgb(6.5));
    assertThat(img.getRGB(2, 0))
        .isEqualTo(
            0xFF000000
                | lt.skydas.raster.TimeRamp.rgbOfClass(lt.skydas.raster.TimeRamp.classes() - 1));
    assertThat(img.getRGB(0, 1) >>> 24).as("not reached: transparent").isZero();
  }

  @Test
  void downsamplingKeepsTheFastestCellOfEachBlockAndTheExtentCoversWholeBlocks(@TempDir Path dir)
      throws Exception {
    GridSpec g = new GridSpec(0, 1000, 10, 5, 3, 3346);
    float[] d = new float[15];
    java.util.Arrays.fill(d, 20f);
    d[1] = 0.5f; // in the first 2 x 2 block
    FloatRaster r = new FloatRaster(g, d);
    double[] ext = IsochroneImage.write(r, 3, dir.resolve("small.png"));
    BufferedImage img = ImageIO.read(dir.resolve("small.png").toFile());
    assertThat(img.getWidth()).isEqualTo(3); // blocks of 2 cells
    assertThat(img.getHeight()).isEqualTo(2);
    assertThat(img.getRGB(0, 0)).isEqualTo(0xFF000000 | Colors.rgb(0.5));
    assertThat(img.getRGB(1, 0)).isEqualTo(0xFF000000 | Colors.rgb(20));
    assertThat(ext).containsExactly(0, 960, 60, 1000);
  }
}
