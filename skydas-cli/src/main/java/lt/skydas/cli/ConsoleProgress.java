package lt.skydas.cli;

import java.io.PrintStream;
import java.util.Locale;
import lt.skydas.core.progress.Progress;

/**
 * Renders progress on stderr: a redrawn bar on a terminal (the launcher sets {@code
 * -Dskydas.tty=true} when stderr is one), otherwise one plain line per finished step. Thread-safe.
 */
final class ConsoleProgress implements Progress {
  private final PrintStream out;
  private final boolean tty;
  private String step;
  private long total;
  private long startNs;
  private long lastDrawNs;
  private boolean quiet;

  ConsoleProgress(PrintStream out, boolean tty) {
    this.out = out;
    this.tty = tty;
  }

  static ConsoleProgress forStderr(boolean quiet) {
    ConsoleProgress p = new ConsoleProgress(System.err, Boolean.getBoolean("skydas.tty"));
    p.quiet = quiet;
    return p;
  }

  @Override
  public synchronized void begin(String step, long total) {
    this.step = step;
    this.total = total;
    this.startNs = System.nanoTime();
    this.lastDrawNs = 0;
    if (!quiet && tty) {
      draw(0);
    }
  }

  @Override
  public synchronized void advance(long done) {
    if (quiet || !tty) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDrawNs > 100_000_000L) {
      lastDrawNs = now;
      draw(done);
    }
  }

  private void draw(long done) {
    String bar;
    if (total > 0) {
      int w = 30;
      int filled = (int) Math.min(w, done * w / total);
      bar =
          "["
              + "#".repeat(filled)
              + " ".repeat(w - filled)
              + "] "
              + String.format(Locale.ROOT, "%3d%%", done * 100 / total);
    } else {
      bar = done > 0 ? String.valueOf(done) : "...";
    }
    out.print("\r\033[K" + step + " " + bar);
    out.flush();
  }

  @Override
  public synchronized void end() {
    if (quiet || step == null) {
      return;
    }
    double s = (System.nanoTime() - startNs) / 1e9;
    String line = String.format(Locale.ROOT, "%s done in %.1f s", step, s);
    out.println(tty ? "\r\033[K" + line : line);
    out.flush();
    step = null;
  }

  @Override
  public synchronized void info(String message) {
    if (quiet) {
      return;
    }
    out.println(tty ? "\r\033[K" + message : message);
    out.flush();
  }
}
