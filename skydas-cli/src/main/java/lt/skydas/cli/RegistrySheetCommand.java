package lt.skydas.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.registry.Registry;
import lt.skydas.registry.exchange.MinefieldSheet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skydas registry sheet ID}: a minefield's printable record sheet (TA 1(a)). */
@Command(
    name = "sheet",
    mixinStandardHelpOptions = true,
    description = {
      "A minefield's record sheet as one printable HTML page (CCW Amended Protocol II, Technical",
      "Annex 1(a)): the diagram of its perimeter, reference points, rows, mines and signs, the",
      "tables of its location, mines and markings, laying and protection, what it still lacks",
      "before emplacement, and its history."
    })
final class RegistrySheetCommand implements Callable<Integer> {
  @Mixin RegistryOptions.Db db;

  @Parameters(paramLabel = "ID", description = "The minefield record.")
  String id;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the page here (default: <ID>-sheet.html in the current folder).")
  Path out;

  @Override
  public Integer call() throws Exception {
    try (Registry r = db.open(false)) {
      String html = MinefieldSheet.of(r, id, Instant.now());
      Path file =
          out != null ? out : Path.of(id.replaceAll("[^A-Za-z0-9._-]", "_") + "-sheet.html");
      AtomicOutput.writeString(file, html);
      System.out.println("record sheet of " + id + " written to " + file);
    }
    return 0;
  }
}
