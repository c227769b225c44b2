package lt.skydas.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;

/**
 * Reads the JSON document of a catalog file or resource; the one place its I/O errors are named.
 */
final class CatalogJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CatalogJson() {}

  /**
   * The root of a catalog resource shipped next to this class.
   *
   * @throws IllegalStateException when it is missing or unreadable (a packaging bug)
   */
  static JsonNode readResource(String name) {
    try (InputStream in = CatalogJson.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " missing from the classpath");
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The root of a user's catalog file.
   *
   * @throws SkydasProblem NOT_FOUND for a missing file; BAD_INPUT for an empty, unreadable or
   *     malformed (also truncated) one, naming the file
   */
  static JsonNode readFile(Path file) {
    String name = file.toString();
    try (InputStream in = Files.newInputStream(file)) {
      JsonNode root = MAPPER.readTree(in);
      if (root == null || root.isMissingNode()) {
        throw SkydasProblem.badInput(name, null, "file is empty");
      }
      return root;
    } catch (NoSuchFileException e) {
      throw new SkydasProblem(ProblemCode.NOT_FOUND, name + ": no such file", Map.of("file", name));
    } catch (JsonProcessingException e) {
      throw SkydasProblem.badInput(name, null, "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw SkydasProblem.badInput(name, null, "cannot read: " + e.getMessage());
    }
  }
}
