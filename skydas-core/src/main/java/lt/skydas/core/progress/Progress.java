package lt.skydas.core.progress;

/**
 * Receives progress of long work. Implementations must be cheap and thread-safe; the CLI renders a
 * bar on a terminal and plain lines otherwise.
 */
public interface Progress {
  /** A progress sink that ignores everything. */
  Progress NONE =
      new Progress() {
        @Override
        public void begin(String step, long total) {}

        @Override
        public void advance(long done) {}

        @Override
        public void end() {}
      };

  /** Starts a named step; {@code total} units of work, or -1 when unknown. */
  void begin(String step, long total);

  /** Reports {@code done} units of the current step finished (absolute, not a delta). */
  void advance(long done);

  /** Ends the current step. */
  void end();

  /** Reports a line of information (a warning, a count) outside any bar. */
  default void info(String message) {}
}
