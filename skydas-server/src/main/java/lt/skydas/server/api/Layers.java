package lt.skydas.server.api;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.geojson.GeoJsonReader;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The region's GeoJSON layers ({@code <name>.geojson[.gz]} in one folder) as read-only feature
 * collections, each loaded on first use and indexed by an STR-tree for {@code bbox} queries.
 * Feature ids are the features' positions in the file. Thread-safe.
 */
final class Layers {
  /** One loaded layer. */
  record Layer(String id, List<Feature> features, STRtree index, Envelope extent) {
    /** Indexes of the features meeting {@code bbox} (all when null), in file order. */
    List<Integer> query(Envelope bbox) {
      List<Integer> out = new ArrayList<>();
      if (bbox == null) {
        for (int i = 0; i < features.size(); i++) {
          out.add(i);
        }
        return out;
      }
      for (Object o : index.query(bbox)) {
        int i = (Integer) o;
        if (features.get(i).geometry().getEnvelopeInternal().intersects(bbox)) {
          out.add(i);
        }
      }
      out.sort(Integer::compare);
      return out;
    }
  }

  private final Map<String, Path> files = new TreeMap<>();
  private final Map<String, Layer> loaded = new ConcurrentHashMap<>();

  Layers(Path dir) {
    if (dir == null || !Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        if (n.endsWith(".geojson.gz") || n.endsWith(".geojson")) {
          String id = n.substring(0, n.indexOf(".geojson"));
          if (id.matches("[a-z0-9_]+")) {
            files.put(id, p);
          }
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Layer ids, sorted. */
  List<String> ids() {
    return new ArrayList<>(files.keySet());
  }

  boolean has(String id) {
    return files.containsKey(id);
  }

  Layer get(String id) {
    return loaded.computeIfAbsent(id, k -> load(k, files.get(k)));
  }

  /** Reads and indexes one GeoJSON file. */
  static Layer load(String id, Path file) {
    return of(id, GeoJsonReader.readAll(file));
  }

  /** Indexes features (WGS84) as a layer. */
  static Layer of(String id, List<Feature> fs) {
    STRtree t = new STRtree();
    Envelope ext = new Envelope();
    for (int i = 0; i < fs.size(); i++) {
      Envelope e = fs.get(i).geometry().getEnvelopeInternal();
      t.insert(e, i);
      ext.expandToInclude(e);
    }
    t.build();
    return new Layer(id, List.copyOf(fs), t, ext);
  }
}
