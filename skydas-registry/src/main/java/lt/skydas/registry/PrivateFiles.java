package lt.skydas.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only their owner may read: a registry database, a signing key, a checkpoint log. Created
 * with mode 0600 from the start (no window in which they are world-readable); on a file system
 * without POSIX permissions, created as the platform does. Stateless.
 */
public final class PrivateFiles {
  private PrivateFiles() {}

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  /** Creates {@code p} (failing if it exists) with mode 0600 and writes {@code text} to it. */
  public static void create(Path p, String text) throws IOException {
    if (posix()) {
      FileAttribute<Set<PosixFilePermission>> attr =
          PosixFilePermissions.asFileAttribute(OWNER_ONLY);
      Files.createFile(p, attr);
    } else {
      Files.createFile(p);
    }
    try (OutputStream out = Files.newOutputStream(p, StandardOpenOption.WRITE)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Creates {@code p} empty with mode 0600 if it does not exist yet; an existing file is kept. */
  public static void ensure(Path p) throws IOException {
    if (Files.exists(p)) {
      return;
    }
    try {
      if (posix()) {
        Files.createFile(p, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(p);
      }
    } catch (java.nio.file.FileAlreadyExistsException raced) {
      // created meanwhile: keep it
    }
  }

  /**
   * Whether {@code p} may be read by others than its owner (false where permissions are not POSIX).
   */
  public static boolean readableByOthers(Path p) throws IOException {
    if (!posix()) {
      return false;
    }
    Set<PosixFilePermission> ps = Files.getPosixFilePermissions(p);
    return ps.contains(PosixFilePermission.GROUP_READ)
        || ps.contains(PosixFilePermission.OTHERS_READ);
  }
}
