package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * {@code registry push-cot} streams one CoT event per record to a TAK server's TCP input, and over
 * mutual TLS (the server's CA trusted, a client certificate shown); issue 19.
 */
class PushCotTest {
  @TempDir Path dir;
  String db;
  static final String COUNTRIES = "../data/baltic/countries.geojson.gz";

  @BeforeEach
  void registry() throws Exception {
    db = dir.resolve("reg.gpkg").toString();
    assertThat(CliRunner.run("registry", "init", "--db", db, "--countries", COUNTRIES).exit())
        .isZero();
    Path plan = dir.resolve("plan.geojson");
    Files.writeString(
        plan,
        """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": "d1", "properties": {"type": "at_ditch", "name": "Griovys"},
           "geometry": {"type": "LineString", "coordinates": [[24.20, 55.20], [24.23, 55.21]]}},
          {"type": "Feature", "id": "b1", "properties": {"type": "bridge_demolition"},
           "geometry": {"type": "Point", "coordinates": [24.25, 55.22]}}]}
        """);
    CliRunner.Result imp =
        CliRunner.run(
            "registry",
            "import",
            plan.toString(),
            "--db",
            db,
            "--countries",
            COUNTRIES,
            "--role",
            "planner");
    assertThat(imp.exit()).as(imp.err()).isZero();
  }

  private static List<Element> events(byte[] stream) throws Exception {
    List<Element> out = new ArrayList<>();
    Matcher m =
        Pattern.compile("<event .*?</event>", Pattern.DOTALL)
            .matcher(new String(stream, StandardCharsets.UTF_8));
    while (m.find()) {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      out.add(
          f.newDocumentBuilder()
              .parse(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.UTF_8)))
              .getDocumentElement());
    }
    return out;
  }

  private static CompletableFuture<byte[]> receive(ServerSocket server) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Socket s = server.accept();
              InputStream in = s.getInputStream()) {
            if (s instanceof SSLSocket ssl) {
              ssl.startHandshake();
            }
            return in.readAllBytes();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @Test
  void streamsOneEventPerRecordOverTcp() throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      CompletableFuture<byte[]> got = receive(server);
      CliRunner.Result r =
          CliRunner.run(
              "registry",
              "push-cot",
              "--db",
              db,
              "--countries",
              COUNTRIES,
              "--host",
              "127.0.0.1",
              "--port",
              Integer.toString(server.getLocalPort()));
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).contains("Sent 2 events to 127.0.0.1:" + server.getLocalPort());
      List<Element> es = events(got.get(30, TimeUnit.SECONDS));
      assertThat(es)
          .extracting(e -> e.getAttribute("uid"))
          .containsExactlyInAnyOrder("skydas-d1", "skydas-b1");
      assertThat(es)
          .extracting(
              e -> ((Element) e.getElementsByTagName("__milsym").item(0)).getAttribute("id"))
          .containsExactlyInAnyOrder("GFMAOADC-------", "GFMAORP--------");
    }
  }

  @Test
  void refusesAServerItCannotReachWithOneLine() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    CliRunner.Result r =
        CliRunner.run(
            "registry",
            "push-cot",
            "--db",
            db,
            "--countries",
            COUNTRIES,
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--timeout-s",
            "2");
    assertThat(r.exit()).isEqualTo(5);
    assertThat(r.err()).contains("cannot send to the TAK server 127.0.0.1:" + port);
  }

  @Test
  void streamsOverMutualTls() throws Exception {
    Pem server = pem("server", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
    Pem client = pem("client", "CN=skydas-client", null);
    SSLContext ctx = SSLContext.getInstance("TLS");
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(server.store, "changeit".toCharArray());
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("client", client.cert);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    try (SSLServerSocket ss =
        (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0)) {
      ss.setNeedClientAuth(true);
      CompletableFuture<byte[]> got = receive(ss);
      CliRunner.Result r =
          CliRunner.run(
              "registry",
              "push-cot",
              "--db",
              db,
              "--countries",
              COUNTRIES,
              "--host",
              "localhost",
              "--port",
              Integer.toString(ss.getLocalPort()),
              "--tls",
              "--ca",
              server.certPem.toString(),
              "--cert",
              client.certPem.toString(),
              "--key",
              client.keyPem.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).contains("(TLS)");
      assertThat(events(got.get(30, TimeUnit.SECONDS))).hasSize(2);
    }
  }

  private record Pem(KeyStore store, Certificate cert, Path certPem, Path keyPem) {}

  private Pem pem(String name, String dname, String san) throws Exception {
    Path p12 = dir.resolve(name + ".p12");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                name,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                dname,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                p12.toString(),
                "-storepass",
                "changeit"));
    if (san != null) {
      cmd.addAll(List.of("-ext", san));
    }
    Process kt = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(kt.getInputStream().readAllBytes());
    assertThat(kt.waitFor()).as(out).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      ks.load(in, "changeit".toCharArray());
    }
    Certificate cert = ks.getCertificate(name);
    Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes());
    Path certPem = dir.resolve(name + ".pem");
    Path keyPem = dir.resolve(name + ".key");
    Files.writeString(
        certPem,
        "-----BEGIN CERTIFICATE-----\n"
            + b64.encodeToString(cert.getEncoded())
            + "\n-----END CERTIFICATE-----\n");
    Files.writeString(
        keyPem,
        "-----BEGIN PRIVATE KEY-----\n"
            + b64.encodeToString(ks.getKey(name, "changeit".toCharArray()).getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    return new Pem(ks, cert, certPem, keyPem);
  }
}
