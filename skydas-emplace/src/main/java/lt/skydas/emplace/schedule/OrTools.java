package lt.skydas.emplace.schedule;

import com.google.ortools.Loader;

/** Loads OR-Tools' native libraries once per JVM (CP-SAT and GLOP need them). Thread-safe. */
final class OrTools {
  private static volatile boolean loaded;

  private OrTools() {}

  static void load() {
    if (!loaded) {
      synchronized (OrTools.class) {
        if (!loaded) {
          Loader.loadNativeLibraries();
          loaded = true;
        }
      }
    }
  }
}
