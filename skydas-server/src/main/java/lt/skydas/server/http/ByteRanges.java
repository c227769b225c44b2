package lt.skydas.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file answered by single byte ranges (RFC 9110 §14): {@code Range: bytes=a-b}, {@code a-} or
 * {@code -n} gives 206 with {@code Content-Range}; an unsatisfiable range 416; no range the whole
 * file. What a Cloud-Optimised GeoTIFF needs so that GDAL and QGIS read only the tiles they draw
 * (Javalin's seekable writer honours ranges for audio and video only). Several ranges in one
 * request are answered with the whole file. Stateless.
 */
public final class ByteRanges {
  private static final Pattern ONE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  /** Longest range served in one response. */
  static final long MAX_RANGE = 64L << 20;

  private ByteRanges() {}

  public static void serve(Context ctx, Path file, String contentType) throws IOException {
    long size = Files.size(file);
    ctx.header("Accept-Ranges", "bytes");
    ctx.contentType(contentType);
    String range = ctx.header("Range");
    Matcher m = range == null ? null : ONE.matcher(range.strip());
    if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      try (InputStream in = Files.newInputStream(file)) {
        ctx.result(in.readAllBytes());
      }
      return;
    }
    long from, to;
    if (m.group(1).isEmpty()) {
      long n = Long.parseLong(m.group(2));
      from = Math.max(0, size - n);
      to = size - 1;
    } else {
      from = Long.parseLong(m.group(1));
      to = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
    }
    if (from >= size || from > to) {
      ctx.status(416).header("Content-Range", "bytes */" + size).result(new byte[0]);
      return;
    }
    to = Math.min(to, from + MAX_RANGE - 1);
    ByteBuffer b = ByteBuffer.allocate((int) (to - from + 1));
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      while (b.hasRemaining()) {
        if (ch.read(b, from + b.position()) < 0) {
          break;
        }
      }
    }
    ctx.status(206)
        .header("Content-Range", "bytes " + from + "-" + to + "/" + size)
        .result(b.array());
  }
}
