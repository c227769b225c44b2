package lt.skydas.plan;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both catalogs name an empty or malformed file the same way. */
class CatalogJsonTest {
  @TempDir Path dir;

  @Test
  void anEmptyFileIsReportedAsEmptyByBothCatalogs() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.json"), "");
    assertThatThrownBy(() -> ObstacleCatalog.load(empty)).hasMessage(empty + ": file is empty");
    assertThatThrownBy(() -> SensorCatalog.load(empty)).hasMessage(empty + ": file is empty");
  }

  @Test
  void aTruncatedFileIsNotValidJsonForBothCatalogs() throws IOException {
    Path cut = Files.writeString(dir.resolve("cut.json"), "{\"types\": [{\"id\": \"a\"");
    assertThatThrownBy(() -> ObstacleCatalog.load(cut))
        .hasMessageStartingWith(cut + ": not valid JSON: Unexpected end-of-input");
    assertThatThrownBy(() -> SensorCatalog.load(cut))
        .hasMessageStartingWith(cut + ": not valid JSON: Unexpected end-of-input");
  }
}
