package lt.skydas.core.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * An input stream that throws the caller's problem once more than {@code limit} bytes have been
 * read from it: the guard against decompression bombs (a .geojson.gz, a KMZ) that would otherwise
 * expand into memory or onto disk without end. Not thread-safe, like any stream.
 */
public final class BoundedInput {
  private BoundedInput() {}

  /**
   * {@code in}, limited to {@code limit} bytes; reading past them throws what {@code tooMuch}
   * makes.
   */
  public static InputStream of(InputStream in, long limit, Supplier<RuntimeException> tooMuch) {
    return new FilterInputStream(in) {
      private long read;

      private void count(long n) {
        if (n > 0 && (read += n) > limit) {
          throw tooMuch.get();
        }
      }

      @Override
      public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        count(n);
        return n;
      }
    };
  }
}
