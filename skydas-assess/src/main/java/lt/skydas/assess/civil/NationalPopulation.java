package lt.skydas.assess.civil;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scales a home country's settlement populations to its official total. The shipped settlements'
 * figures come from OSM (of several census years) and GeoNames and count some places twice: for
 * Lithuania they sum to 3.26 million with the fallbacks, against 2.89 million residents. A country
 * is scaled only when the data covers all of it: its settlements sum to at least {@value
 * #MIN_COVER} of the official figure (a region that holds a strip of a country is left as is). Each
 * settlement is multiplied by the same factor and rounded, so the shares stay the data's. The
 * totals are {@code national-population.tsv} beside this class, with their sources. Stateless.
 */
public final class NationalPopulation {
  /** The least share of the official total the data must reach to be scaled. */
  public static final double MIN_COVER = 0.8;

  /** An official total and where it comes from. */
  public record Official(String country, long population, String asOf, String source) {}

  /**
   * What was done to a country's figures.
   *
   * @param dataPeople the data's sum (with the fallbacks) before scaling
   * @param factor the factor applied (1 when not scaled)
   */
  public record Scaled(Official official, long dataPeople, double factor) {
    /** One line for a report, e.g. "LT: the data's 3,257,118 people scaled by 0.887 to …". */
    public String describe() {
      return factor == 1
          ? String.format(
              Locale.ROOT,
              "%s: the data's %,d people kept (less than %.0f %% of the official %,d: the region"
                  + " holds part of the country)",
              official.country(),
              dataPeople,
              100 * MIN_COVER,
              official.population())
          : String.format(
              Locale.ROOT,
              "%s: the data's %,d people scaled by %.3f to the official %,d (%s, %s)",
              official.country(),
              dataPeople,
              factor,
              official.population(),
              official.source(),
              official.asOf());
    }
  }

  private static final Map<String, Official> OFFICIAL = load();

  private NationalPopulation() {}

  /** The official totals by country code. */
  public static Map<String, Official> officials() {
    return OFFICIAL;
  }

  private static Map<String, Official> load() {
    Map<String, Official> m = new LinkedHashMap<>();
    try (InputStream in = NationalPopulation.class.getResourceAsStream("national-population.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        m.put(f[0], new Official(f[0], Long.parseLong(f[1]), f[2], f[3]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(m);
  }

  /**
   * The residents with each covered country's populations scaled to its official total; what was
   * done per country with an official figure is added to {@code report} (may be null).
   */
  public static List<Resident> calibrate(
      List<Resident> residents, Map<String, Official> officials, List<Scaled> report) {
    Map<String, Long> sums = new LinkedHashMap<>();
    for (Resident r : residents) {
      sums.merge(r.country(), r.population(), Long::sum);
    }
    Map<String, Double> factors = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : sums.entrySet()) {
      Official o = officials.get(e.getKey());
      if (o == null || e.getValue() == 0) {
        continue;
      }
      double f =
          e.getValue() >= MIN_COVER * o.population() ? (double) o.population() / e.getValue() : 1;
      factors.put(e.getKey(), f);
      if (report != null) {
        report.add(new Scaled(o, e.getValue(), f));
      }
    }
    List<Resident> out = new ArrayList<>(residents.size());
    for (Resident r : residents) {
      Double f = factors.get(r.country());
      out.add(
          f == null || f == 1
              ? r
              : new Resident(
                  r.name(),
                  r.place(),
                  r.country(),
                  r.x_m(),
                  r.y_m(),
                  Math.round(r.population() * f),
                  r.estimated()));
    }
    return out;
  }
}
