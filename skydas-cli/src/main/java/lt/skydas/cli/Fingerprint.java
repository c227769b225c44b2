package lt.skydas.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 over the names and contents of a directory's layer files plus build parameters. */
final class Fingerprint {
  private Fingerprint() {}

  static String of(Path layersDir, String params) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    md.update(params.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    List<Path> files;
    try (Stream<Path> s = Files.list(layersDir)) {
      files =
          s.filter(p -> p.getFileName().toString().matches(".*\\.geojson(\\.gz)?"))
              .sorted()
              .toList();
    }
    byte[] buf = new byte[1 << 16];
    for (Path f : files) {
      md.update(f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      try (InputStream in = Files.newInputStream(f)) {
        int n;
        while ((n = in.read(buf)) > 0) {
          md.update(buf, 0, n);
        }
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
