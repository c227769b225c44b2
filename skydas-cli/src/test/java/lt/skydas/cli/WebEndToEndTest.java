package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.registry.RecordKind;
import lt.skydas.registry.Registry;
import lt.skydas.registry.Role;
import lt.skydas.registry.Status;
import lt.skydas.registry.Territory;
import lt.skydas.registry.store.JdbcStore;
import lt.skydas.server.ServerConfig;
import lt.skydas.server.SkydasServer;
import lt.skydas.server.auth.Accounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in headless Chromium against a real server (1 km region pack, fresh GeoPackage): log
 * in → see the map → add an obstacle → run an assessment → see its result → approve (admin) and
 * record the emplacement (engineer); a viewer is offered nothing and the server refuses its write.
 * Screenshots go to target/e2e-screenshots.
 */
class WebEndToEndTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path SHOTS = Path.of("target/e2e-screenshots");
  static final String PASSWORD = "correct horse battery staple";
  @TempDir static Path tmp;
  static SkydasServer server;
  static Registry registry;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    boolean ci = System.getenv("CI") != null;
    boolean have =
        Files.isExecutable(Path.of("/usr/bin/chromium"))
            && Files.isExecutable(Path.of("/usr/bin/chromedriver"));
    if (!have) {
      Assumptions.assumeTrue(!ci, "CI must have chromium and chromium-driver");
      Assumptions.abort("chromium / chromedriver not installed");
    }
    Path pack = TestPacks.oneKm();
    RegionOptions region = new RegionOptions();
    region.pack = pack;
    registry =
        new Registry(
            JdbcStore.open(tmp.resolve("reg.gpkg").toString(), true),
            ObstacleCatalog.defaults(),
            Territory.load(ROOT.resolve("data/baltic/countries.geojson.gz"), "LT"),
            Clock.systemUTC());
    Accounts accounts = new Accounts(registry.store(), Clock.systemUTC(), Duration.ofHours(1));
    for (Role role : Role.values()) {
      accounts.create(role.id(), PASSWORD, role);
    }
    AssessJob assess = new AssessJob(region, () -> registry.policy().current());
    ServerConfig cfg =
        ServerConfig.defaults(tmp.resolve("work"))
            .withLayers(ROOT.resolve("data/baltic"))
            .withJobTypes(
                Map.of(
                    "assess",
                    assess,
                    "optimize",
                    new OptimizeJob(region, () -> registry.policy().current()),
                    "emplace",
                    new EmplaceJob(assess)));
    server =
        new SkydasServer(
                cfg,
                registry,
                accounts,
                Clock.systemUTC(),
                new RegistryCoverage(assess::pack, registry.catalogs().sensors(), 2))
            .start();

    ChromeOptions o = new ChromeOptions();
    o.setBinary("/usr/bin/chromium");
    o.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--disable-dev-shm-usage",
        "--lang=lt-LT",
        "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium"));
    ChromeDriverService svc =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(svc, o);
    browser.manage().window().setSize(new Dimension(1366, 768));
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
      registry.close();
    }
  }

  /**
   * A wait that retries through the DOM churn of a re-rendering page: besides stale elements (which
   * {@link ExpectedConditions} already absorb), ChromeDriver may answer "Node with given id does
   * not belong to the document" as an unknown error when a located node is replaced between the
   * find and the check. Such an error says "not yet", never "failed"; if the condition never holds,
   * the timeout names the last one as its cause.
   */
  static WebDriverWait waiting(int seconds) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    wait.ignoring(org.openqa.selenium.NoSuchElementException.class);
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    return wait;
  }

  static void shot(String name) throws Exception {
    Files.write(
        SHOTS.resolve(name + ".png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  static void login(Role role) {
    browser.get(server.baseUrl() + "/");
    browser.manage().deleteAllCookies(); // each login starts without a session
    browser.get(server.baseUrl() + "/");
    WebElement form =
        waiting(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
    // by keyboard alone: the user name field has the focus, Tab to the password, Enter submits
    waiting(10).until(d -> "username".equals(d.switchTo().activeElement().getAttribute("name")));
    browser.switchTo().activeElement().sendKeys(role.id(), org.openqa.selenium.Keys.TAB);
    browser.switchTo().activeElement().sendKeys(PASSWORD, org.openqa.selenium.Keys.ENTER);
    waiting(20)
        .until(ExpectedConditions.textToBe(By.id("who-name"), role.id() + " (" + role.id() + ")"));
    waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map canvas")));
  }

  static void logout() {
    waiting(20).until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
    waiting(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
  }

  static void openRecord(String id) {
    browser.findElement(By.cssSelector("#tabs button[data-tab=registry]")).click();
    // the list re-renders when its records arrive: find and click in one step, again if the
    // button found was replaced before the click reached it
    By button = By.xpath("//div[@id='reg-list']//button[text()='" + id + "']");
    clickWhenReady(button);
    waiting(20)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("feature"), "Record " + id));
  }

  /**
   * Clicks the element once it is clickable; if the page replaced it between finding and clicking
   * (a list re-rendered), finds it again.
   */
  static void clickWhenReady(By locator) {
    waiting(20)
        .until(
            d -> {
              WebElement found = ExpectedConditions.elementToBeClickable(locator).apply(d);
              if (found == null) {
                return false;
              }
              found.click(); // a stale element throws here, and the wait tries again
              return true;
            });
  }

  static void takeAction(String action, String expectedStatus, String id) {
    clickWhenReady(By.cssSelector("#feature button[data-action=" + action + "]"));
    waiting(20)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("flash"), id + ": " + action.replace('_', ' ') + " recorded"));
    waiting(20).until(d -> registry.find(id).orElseThrow().status().id().equals(expectedStatus));
  }

  /** The HTTP status of a GET from the page (with its session). */
  private String fetchStatus(String path) {
    return String.valueOf(
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => done(String(r.status)));",
                path));
  }

  @Test
  void planAssessApproveAndRecordTheEmplacementInTheBrowser() throws Exception {
    login(Role.PLANNER);
    shot("01-map");
    assertThat(browser.findElement(By.id("layers")).getText()).contains("Settlements", "Obstacles");

    // add a bunker by clicking the middle of the map (the view opens over central Lithuania)
    new Select(browser.findElement(By.id("draw-type"))).selectByValue("bunker");
    browser.findElement(By.id("draw-id")).sendKeys("e2e-b1");
    browser.findElement(By.id("draw-name")).sendKeys("Bunkeris prie Kėdainių");
    browser.findElement(By.id("draw-start")).click();
    WebElement map = browser.findElement(By.id("map"));
    new Actions(browser).moveToElement(map).click().perform();
    waiting(20)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("flash"), "e2e-b1 added to the registry"));
    assertThat(registry.find("e2e-b1").orElseThrow().name()).isEqualTo("Bunkeris prie Kėdainių");
    waiting(20)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("feature"), "Bunkeris prie Kėdainių"));
    shot("02-obstacle-added");

    // the humanitarian rules through the browser: a minefield drawn across central Lithuania's
    // villages is refused by the server, and the UI says why (the rule, the record, the distance)
    new Select(browser.findElement(By.id("draw-type"))).selectByValue("at_minefield");
    browser.findElement(By.id("draw-id")).clear();
    browser.findElement(By.id("draw-id")).sendKeys("e2e-mf-near");
    browser.findElement(By.id("draw-start")).click();
    new Actions(browser).moveToElement(map, -60, -30).click().perform();
    new Actions(browser).moveToElement(map, -54, -28).doubleClick().perform(); // ~4 km
    waiting(20)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("flash"), "e2e-mf-near not added"));
    assertThat(browser.findElement(By.id("flash")).getText())
        .contains(
            "civilian_buffer", "e2e-mf-near", " m from ", "inside the 1000 m civilian buffer");
    assertThat(registry.find("e2e-mf-near")).isEmpty();
    shot("02a-minefield-refused");
    browser.findElement(By.id("draw-id")).clear(); // a refused draw keeps its id for a retry

    // add a ground surveillance radar site west-north-west of the middle; its catalog symbol (a
    // friendly, light-blue 2525C frame) appears where it was placed
    assertThat(browser.findElement(By.id("layers")).getText()).contains("Sensors");
    assertThat(friendlySymbolPixels(-150, -100)).isZero();
    new Select(browser.findElement(By.id("draw-type"))).selectByValue("gsr_portable");
    browser.findElement(By.id("draw-id")).sendKeys("e2e-r1");
    browser.findElement(By.id("draw-name")).clear();
    browser.findElement(By.id("draw-name")).sendKeys("Radaras");
    browser.findElement(By.id("draw-start")).click();
    new Actions(browser).moveToElement(map, -150, -100).click().perform();
    waiting(20)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("flash"), "e2e-r1 added to the registry"));
    assertThat(registry.find("e2e-r1").orElseThrow().kind()).isEqualTo(RecordKind.SENSOR);
    waiting(20).until(d -> friendlySymbolPixels(-150, -100) > 30);
    waiting(20)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("feature"), "sensor"));
    shot("02b-sensor-added");

    // a civil-protection shelter (issue 17): its own fields replace the year and siting; a
    // capacity of 0 is refused by the server and marked at the field, 150 is stored, and the
    // record's shelter panel edits it
    new Select(browser.findElement(By.id("draw-type"))).selectByValue("shelter");
    assertThat(browser.findElement(By.id("draw-shelter")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("draw-year")).isDisplayed()).isFalse();
    browser.findElement(By.id("draw-id")).sendKeys("e2e-sh1");
    browser.findElement(By.id("draw-name")).clear();
    browser.findElement(By.id("draw-name")).sendKeys("Mokyklos rūsys");
    browser.findElement(By.id("draw-capacity")).sendKeys("0");
    browser.findElement(By.id("draw-start")).click();
    new Actions(browser).moveToElement(map, 60, 40).click().perform();
    waiting(20)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("flash"), "e2e-sh1 not added"));
    assertThat(browser.findElement(By.id("draw-capacity")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(registry.find("e2e-sh1")).isEmpty();
    browser.findElement(By.id("draw-capacity")).clear();
    browser.findElement(By.id("draw-capacity")).sendKeys("150");
    browser.findElement(By.id("draw-start")).click();
    new Actions(browser).moveToElement(map, 60, 40).click().perform();
    waiting(20)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("flash"), "e2e-sh1 added to the registry"));
    assertThat(registry.find("e2e-sh1").orElseThrow().kind()).isEqualTo(RecordKind.SHELTER);
    assertThat(registry.find("e2e-sh1").orElseThrow().shelter().capacity_persons()).isEqualTo(150);
    WebElement capacity =
        waiting(20).until(ExpectedConditions.elementToBeClickable(By.id("shelter-capacity")));
    capacity.clear();
    capacity.sendKeys("180");
    browser.findElement(By.id("shelter-save")).click();
    waiting(20)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("flash"), "e2e-sh1: shelter saved"));
    assertThat(registry.find("e2e-sh1").orElseThrow().shelter().capacity_persons()).isEqualTo(180);
    browser.findElement(By.id("draw-id")).clear();
    shot("02b-shelter-added");

    // the radar's coverage: a layer to switch on, served by the OGC collection `coverage`
    assertThat(browser.findElement(By.id("layers")).getText())
        .contains("Coverage of registered sensors");
    browser.findElement(By.id("layer-coverage")).click();
    Object coverage =
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch('/ogc/collections/coverage/items?f=json').then(r => r.json())"
                    + ".then(c => done(c.features.map(f => f.properties.target + ':'"
                    + " + f.properties.sensors + ':' + (f.properties.observed_km2 > 0)).join(' ')));");
    assertThat(coverage).isEqualTo("vehicle:1:true person:1:true small_uas:1:true");
    shot("02c-coverage");

    // the warning-time layer is listed, off, and has nothing to show before an assessment
    assertThat(browser.findElement(By.id("layers")).getText())
        .contains("Warning time: where first seen");
    assertThat(browser.findElement(By.id("layer-warning")).isSelected()).isFalse();
    assertThat(fetchStatus("/ogc/collections/warning/items?f=json")).isEqualTo("404");

    // run an assessment (tracked, dry) and see its result
    browser.findElement(By.id("assess-run")).click();
    waiting(600)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#assess-status table.result")));
    String result = browser.findElement(By.id("assess-status")).getText();
    assertThat(result).contains("1 obstacles", "Vilnius", "tracked dry");
    // the case's isochrones are overlaid from the job's PNG
    waiting(20).until(d -> new Select(d.findElement(By.id("iso-case"))).getOptions().size() == 2);
    assertThat(
            new Select(browser.findElement(By.id("iso-case"))).getFirstSelectedOption().getText())
        .startsWith("tracked, dry");
    Object png =
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch('/api/jobs').then(r => r.json()).then(js => {"
                    + " const j = js.jobs.find(x => x.result && x.result.isochrones);"
                    + " const i = j.result.isochrones[0];"
                    + " return fetch('/api/jobs/' + j.id + '/files/' + i.file)"
                    + " .then(r => r.status + ' ' + r.headers.get('Content-Type') + ' ' + i.crs"
                    + " + ' ' + i.extent.length + ' ' + i.proj4.startsWith('+proj=tmerc')); })"
                    + ".then(done);");
    // the image's CRS travels with it (the map registers any region's CRS from its proj4)
    assertThat(png).isEqualTo("200 image/png EPSG:3346 4 true");
    // the map draws the case from the job's PNG map tiles (issue 19), at least one with content
    waiting(30)
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript(
                            "return performance.getEntriesByType('resource').some(e =>"
                                + " /\\/isochrones\\/tracked-dry\\/tiles\\/WebMercatorQuad\\/\\d+\\//"
                                + ".test(e.name) && e.responseStatus === 200)")));
    // the run is the planner's own until published: the shared collections have none yet
    assertThat(fetchStatus("/ogc/collections/warning/items?f=json")).isEqualTo("404");
    clickWhenReady(By.id("publish-assess"));
    waiting(20)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("flash"), "published: every user now sees"));
    // its warning points (where the bunker or the radar first sees the attacker) are served: one
    // per case and objective that summary.json says is seen (none here: the radar watches ~10 km²
    // of the 1 km pack, off the fastest avenues; the points are checked in WarningTimesTest)
    assertThat(fetchStatus("/ogc/collections/warning/items?f=json")).isEqualTo("200");
    Object seen =
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch('/api/jobs').then(r => r.json()).then(js => {"
                    + " const j = js.jobs.find(x => x.result && x.result.isochrones);"
                    + " return Promise.all([fetch('/api/jobs/' + j.id + '/files/summary.json')"
                    + " .then(r => r.json()), fetch('/ogc/collections/warning/items?f=json')"
                    + " .then(r => r.json())]); })"
                    + ".then(([s, w]) => done(s.watch.warning.filter(x => x.first_detection_h"
                    + " !== null).length + ' ' + w.features.length));");
    String[] counts = String.valueOf(seen).split(" ");
    assertThat(counts[1]).as("warning points vs detections in summary.json").isEqualTo(counts[0]);
    browser.findElement(By.id("layer-warning")).click();
    shot("03-assessed");

    // optimise (short limit on the 1 km pack), import the plan, compare the two jobs
    WebElement limit = browser.findElement(By.id("opt-time"));
    limit.clear();
    limit.sendKeys("10");
    browser.findElement(By.id("opt-run")).click();
    waiting(900)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#opt-status table.result")));
    long before = registry.count();
    browser.findElement(By.id("opt-import")).click();
    waiting(60)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("flash"), "planned records imported"));
    assertThat(registry.count()).isGreaterThan(before);
    browser.findElement(By.cssSelector("#tabs button[data-tab=jobs]")).click();
    List<WebElement> ticks =
        waiting(20)
            .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-compare]"), 2));
    ticks.get(0).click();
    ticks.get(1).click();
    String cmp =
        waiting(20)
            .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.compare")))
            .getText();
    assertThat(cmp).contains("clearance liability", "humanitarian violations", "delay to Vilnius");
    shot("03b-compared");

    // the records (now with the optimised plan) emplaced on 24 h of warning, shipped forces: a
    // result per case with how many of the obstacles laid on warning are in place
    browser.findElement(By.cssSelector("#tabs button[data-tab=map]")).click();
    browser.findElement(By.id("emp-run")).click();
    waiting(600)
        .until(
            ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#emp-status table.result")),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#emp-status .error"))));
    assertThat(browser.findElement(By.id("emp-status")).getText())
        .contains("At 24 h of warning", "Vilnius", "in place)")
        .contains("depots (shipped forces): depot-");

    // edit the bunker's name; the server keeps the record's version
    openRecord("e2e-b1");
    browser.findElement(By.cssSelector("#record-edit input[data-field=name]")).clear();
    browser
        .findElement(By.cssSelector("#record-edit input[data-field=name]"))
        .sendKeys("Bunkeris Nr. 1");
    browser.findElement(By.id("record-save")).click();
    waiting(20)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "e2e-b1 saved"));
    assertThat(registry.find("e2e-b1").orElseThrow().name()).isEqualTo("Bunkeris Nr. 1");

    // move it: drag its vertex on the map (it sits at the middle, where it was placed)
    double lonBefore = registry.find("e2e-b1").orElseThrow().geometry().getCoordinate().x;
    waiting(20).until(ExpectedConditions.elementToBeClickable(By.id("geometry-edit"))).click();
    new Actions(browser)
        .moveToElement(browser.findElement(By.id("map")))
        .clickAndHold()
        .moveByOffset(15, 5)
        .moveByOffset(15, 5)
        .release()
        .perform();
    browser.findElement(By.id("geometry-edit")).click();
    waiting(20)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("flash"), "e2e-b1: geometry saved"));
    double lonAfter = registry.find("e2e-b1").orElseThrow().geometry().getCoordinate().x;
    assertThat(lonAfter - lonBefore)
        .as("moved east by 30 px at zoom 7 (~0.3 degrees)")
        .isBetween(0.15, 0.5);
    logout();

    // a viewer is offered no action, and the server refuses the write it tries anyway
    login(Role.VIEWER);
    assertThat(browser.findElement(By.id("draw")).isDisplayed()).isFalse();
    openRecord("e2e-b1");
    assertThat(browser.findElements(By.cssSelector("#feature button[data-action]"))).isEmpty();
    Object status =
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch('/api/records/e2e-b1/actions', {method: 'POST', credentials: 'same-origin',"
                    + " headers: {'Content-Type': 'application/json'}, body: JSON.stringify({action: 'approve', version: 1})})"
                    + ".then(r => done(r.status));");
    assertThat(((Number) status).intValue()).isEqualTo(403);
    assertThat(registry.find("e2e-b1").orElseThrow().status()).isEqualTo(Status.PLANNED);
    shot("04-viewer");
    logout();

    login(Role.ADMIN);
    openRecord("e2e-b1");
    takeAction("approve", "approved", "e2e-b1");
    logout();

    login(Role.ENGINEER);
    openRecord("e2e-b1");
    takeAction("start_construction", "under_construction", "e2e-b1");
    openRecord("e2e-b1");
    takeAction("emplace", "emplaced", "e2e-b1");
    waiting(20)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("feature"), "emplaced"));
    shot("05-emplaced");
    // a large screen: the map takes the room, the panel keeps its width
    browser.manage().window().setSize(new Dimension(2560, 1440));
    Thread.sleep(500);
    assertThat(browser.findElement(By.id("map")).getSize().getWidth()).isGreaterThan(2000);
    shot("05b-large-screen");
    browser.manage().window().setSize(new Dimension(1366, 768));
    List<String> actions =
        registry.history("e2e-b1").stream().map(lt.skydas.registry.AuditEvent::action).toList();
    assertThat(actions)
        .containsExactly("import", "update", "update", "approve", "start_construction", "emplace");
  }

  /**
   * Pixels of a friendly 2525 fill (milsymbol's light or medium blue) in the 30 × 30 px square at
   * (dx, dy) CSS pixels from the middle of the map, over all of the map's canvases.
   */
  static long friendlySymbolPixels(int dx, int dy) {
    Object n =
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeScript(
                "const [dx, dy] = arguments; const m = document.getElementById('map')"
                    + ".getBoundingClientRect(); let n = 0;"
                    + " for (const c of document.querySelectorAll('#map canvas')) {"
                    + "  const g = c.getContext('2d'); if (!g) continue;"
                    + "  const r = c.getBoundingClientRect(); const k = c.width / r.width;"
                    + "  const x = (m.left + m.width / 2 + dx - r.left - 15) * k;"
                    + "  const y = (m.top + m.height / 2 + dy - r.top - 15) * k;"
                    + "  const d = g.getImageData(x, y, 30 * k, 30 * k).data;"
                    + "  for (let i = 0; i < d.length; i += 4)"
                    + "   if (d[i] < 150 && d[i + 1] > 160 && d[i + 2] > 210 && d[i + 3] > 200) n++; }"
                    + " return n;",
                dx,
                dy);
    return ((Number) n).longValue();
  }

  static void fill(String path, String value) {
    WebElement in =
        browser.findElement(By.cssSelector("#minefield-form [data-path='" + path + "']"));
    if (in.getTagName().equals("select")) {
      new Select(in).selectByValue(value);
    } else if ("checkbox".equals(in.getAttribute("type"))) {
      if (in.isSelected() != Boolean.parseBoolean(value)) {
        in.click();
      }
    } else {
      in.clear();
      in.sendKeys(value);
    }
  }

  @Test
  void anEngineerCompletesTheAsLaidMinefieldRecordFieldByFieldAndEmplacesIt() throws Exception {
    var gf =
        new org.locationtech.jts.geom.GeometryFactory(
            new org.locationtech.jts.geom.PrecisionModel(), 4326);
    double lon = 23.63, lat = 54.49, h = 0.004; // 2.5 km from any dwelling (the civilian buffer)
    var square =
        gf.createPolygon(
            new org.locationtech.jts.geom.Coordinate[] {
              new org.locationtech.jts.geom.Coordinate(lon, lat),
              new org.locationtech.jts.geom.Coordinate(lon + h, lat),
              new org.locationtech.jts.geom.Coordinate(lon + h, lat + h),
              new org.locationtech.jts.geom.Coordinate(lon, lat + h),
              new org.locationtech.jts.geom.Coordinate(lon, lat)
            });
    registry.create(
        new lt.skydas.registry.Actor("planner", Role.PLANNER),
        lt.skydas.registry.RecordDraft.planned("e2e-m1", "at_minefield", square));
    registry.transition(
        new lt.skydas.registry.Actor("admin", Role.ADMIN),
        "e2e-m1",
        1,
        lt.skydas.registry.Action.APPROVE);
    // a crisis-laid minefield: prepared and stocked in peacetime, ordered, then laid on warning
    var engineer = new lt.skydas.registry.Actor("engineer", Role.ENGINEER);
    registry.transition(engineer, "e2e-m1", 2, lt.skydas.registry.Action.PREPARE);
    registry.transition(engineer, "e2e-m1", 3, lt.skydas.registry.Action.STOCK);
    registry.transition(
        new lt.skydas.registry.Actor("admin", Role.ADMIN),
        "e2e-m1",
        4,
        lt.skydas.registry.Action.ORDER);

    login(Role.ENGINEER);
    openRecord("e2e-m1");
    takeAction("lay", "laid", "e2e-m1");
    openRecord("e2e-m1");
    // fill the as-laid record but the time it was laid; emplacing is refused, naming that field
    // beside its input, and marking (AT minefields must be marked) in the list
    fill("reference_points.0.name", "RP1");
    fill("reference_points.0.lon", "24.599");
    fill("reference_points.0.lat", "55.599");
    fill("reference_points.0.description", "survey pillar 17");
    fill("reference_points.1.name", "RP2");
    fill("reference_points.1.lon", "24.606");
    fill("reference_points.1.lat", "55.599");
    fill("reference_points.1.description", "bridge abutment");
    fill("rows.0.id", "A");
    fill("rows.0.mines", "40");
    fill("rows.0.model", "TM-62");
    fill("lots.0.model", "TM-62");
    fill("lots.0.category", "AT");
    fill("lots.0.count", "40");
    fill("lots.0.fuse_type", "pressure MVCh-62");
    fill("lots.0.fuse_life_d", "365");
    fill("lots.0.detectable", "true");
    fill("lots.0.country_of_origin", "PL");
    fill("lots.0.produced", "2024-03");
    fill("lots.0.lot_number", "BZE-24-0317");
    fill("emplacing_method", "mechanical");
    fill("laid_to", "2027-05-03T16:30:00Z");
    fill("warning_signs.shape", "triangle");
    fill("warning_signs.count", "24");
    fill("warning_signs.spacing_m", "50");
    fill("warning_signs.languages", "lt, en");
    fill("warning_signs.width_cm", "28");
    fill("warning_signs.height_cm", "20");
    fill("warning_signs.colour", "red");
    browser.findElement(By.id("minefield-save")).click();
    waiting(20)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("flash"), "e2e-m1: as-laid record saved"));
    waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.id("minefield-form")));
    browser.findElement(By.cssSelector("#feature button[data-action=emplace]")).click();
    waiting(20)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#minefield-form [data-error-for='laid_from']"), " "));
    assertThat(
            browser
                .findElement(By.cssSelector("#minefield-form [data-path='laid_from']"))
                .getAttribute("aria-invalid"))
        .isEqualTo("true");
    String listed = browser.findElement(By.id("record-errors")).getText();
    assertThat(listed).contains("marked").doesNotContain("minefield.lots");
    assertThat(registry.find("e2e-m1").orElseThrow().status()).isEqualTo(Status.LAID);
    shot("06-minefield-field-error");
    fill("laid_from", "2027-05-03T08:00:00Z");
    browser.findElement(By.id("minefield-save")).click();
    waiting(20)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("flash"), "e2e-m1: as-laid record saved"));
    waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.id("minefield-form")));
    takeAction("mark", "laid", "e2e-m1");
    openRecord("e2e-m1");
    takeAction("emplace", "emplaced", "e2e-m1");
    assertThat(registry.find("e2e-m1").orElseThrow().minefield().mineCount()).isEqualTo(40);
    shot("08-minefield-emplaced");
    // its printable record sheet (issue 20) is linked from the panel and complete now
    openRecord("e2e-m1");
    String sheetHref =
        waiting(20)
            .until(ExpectedConditions.presenceOfElementLocated(By.id("record-sheet")))
            .getAttribute("href");
    assertThat(sheetHref).endsWith("/api/records/e2e-m1/sheet");
    Object sheet =
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch('/api/records/e2e-m1/sheet').then(r => r.text()).then(t =>"
                    + " done([t.includes('Minefield record e2e-m1'), t.includes('Complete:'),"
                    + " t.includes('BZE-24-0317')].join(' ')));");
    assertThat(sheet).isEqualTo("true true true");
    logout();

    // an inspector records an inspection; a wrong date is named beside its field
    login(Role.INSPECTOR);
    openRecord("e2e-m1");
    new Select(browser.findElement(By.id("activity-kind"))).selectByValue("inspection");
    browser.findElement(By.cssSelector("#activities input[data-field=date]")).sendKeys("vakar");
    browser
        .findElement(By.cssSelector("#activities input[data-field=organisation]"))
        .sendKeys("Inžinerijos batalionas");
    browser
        .findElement(By.cssSelector("#activities input[data-field=findings]"))
        .sendKeys("ženklai vietoje");
    browser.findElement(By.id("activity-save")).click();
    waiting(20)
        .until(
            d ->
                "true"
                    .equals(
                        d.findElement(By.cssSelector("#activities input[data-field=date]"))
                            .getAttribute("aria-invalid")));
    assertThat(browser.findElement(By.id("activities")).getText())
        .contains("is not an ISO 8601 date");
    WebElement date = browser.findElement(By.cssSelector("#activities input[data-field=date]"));
    date.clear();
    date.sendKeys("2027-06-01");
    browser.findElement(By.id("activity-save")).click();
    waiting(20)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("flash"), "e2e-m1: inspection recorded"));
    waiting(20)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("activity-list"), "Inžinerijos batalionas"));
    assertThat(registry.activities("e2e-m1")).hasSize(1);
    shot("09-inspection");
    logout();
  }
}
