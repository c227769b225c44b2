package lt.skydas.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
  @TempDir Path dir;

  @Test
  void failedWriteKeepsThePreviousFileAndLeavesNoTemporary() throws IOException {
    Path f = dir.resolve("summary.json");
    AtomicOutput.writeString(f, "old");
    assertThatThrownBy(
            () ->
                AtomicOutput.writeFile(
                    f,
                    out -> {
                      out.write("half".getBytes());
                      throw new IOException("disk full");
                    }))
        .hasMessageContaining("disk full")
        .hasMessageContaining("summary.json");
    assertThat(Files.readString(f)).isEqualTo("old");
    try (var s = Files.list(dir)) {
      assertThat(s.toList()).containsExactly(f);
    }
  }

  @Test
  void directoryIsSwappedOnlyWhenComplete() throws IOException {
    Path d = dir.resolve("out");
    AtomicOutput.writeDirectory(d, tmp -> Files.writeString(tmp.resolve("a.txt"), "1"));
    assertThatThrownBy(
            () ->
                AtomicOutput.writeDirectory(
                    d,
                    tmp -> {
                      Files.writeString(tmp.resolve("a.txt"), "2");
                      throw new IOException("boom");
                    }))
        .hasMessageContaining("boom");
    assertThat(Files.readString(d.resolve("a.txt"))).isEqualTo("1");
    AtomicOutput.writeDirectory(d, tmp -> Files.writeString(tmp.resolve("b.txt"), "3"));
    assertThat(Files.exists(d.resolve("a.txt"))).isFalse();
    assertThat(Files.readString(d.resolve("b.txt"))).isEqualTo("3");
    try (var s = Files.list(dir)) {
      assertThat(s.toList()).containsExactly(d);
    }
  }
}
