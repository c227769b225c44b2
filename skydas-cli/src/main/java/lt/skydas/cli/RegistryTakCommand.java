package lt.skydas.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.Registry;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.exchange.RegistryExchange;
import lt.skydas.server.http.TlsKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code skydas registry push-cot}: streams the records' Cursor-on-Target events to a TAK server
 * over TCP (its plain streaming input, usually port 8087) or TLS (8089: the server's CA and, as
 * most TAK servers ask, a client certificate), one event after another, as the data package holds
 * them: the right shape or marker type, the 2525 symbol, the record's uid so TAK updates it.
 */
@Command(
    name = "push-cot",
    mixinStandardHelpOptions = true,
    description = {
      "Send the records to a TAK server as Cursor-on-Target events over TCP or TLS.",
      "Example: skydas registry push-cot --host tak.example.lt --port 8089 --tls --ca ca.pem",
      "  --cert me.pem --key me.key --status emplaced"
    })
final class RegistryTakCommand implements Callable<Integer> {
  @Mixin RegistryOptions.Db db;
  @Mixin RegistryOptions.Filter filter;

  @Option(names = "--host", required = true, description = "The TAK server's host name.")
  String host;

  @Option(
      names = "--port",
      required = true,
      description = "Its streaming port (8087 TCP, 8089 TLS).")
  int port;

  @Option(names = "--tls", description = "Connect with TLS (the server's name is verified).")
  boolean tls;

  @Option(names = "--ca", description = "PEM: the CA that signed the server (default: the JDK's).")
  Path ca;

  @Option(names = "--cert", description = "PEM: the client certificate (with --key).")
  Path cert;

  @Option(names = "--key", description = "PEM: the client's unencrypted PKCS #8 key.")
  Path key;

  @Option(
      names = "--timeout-s",
      defaultValue = "10",
      description = "Seconds to wait to connect and for each write (default ${DEFAULT-VALUE}).")
  int timeout_s;

  @Override
  public Integer call() {
    if (port < 1 || port > 65535) {
      throw new SkydasProblem(ProblemCode.USAGE, "--port must be 1..65535");
    }
    if ((cert == null) != (key == null)) {
      throw new SkydasProblem(ProblemCode.USAGE, "give both --cert and --key, or neither");
    }
    if (!tls && (ca != null || cert != null)) {
      throw new SkydasProblem(ProblemCode.USAGE, "--ca, --cert and --key need --tls");
    }
    List<byte[]> events;
    try (Registry r = db.open(false)) {
      List<RegistryRecord> rs =
          r.list(filter.bbox(), filter.status(), filter.kind(), Integer.MAX_VALUE, 0);
      events = RegistryExchange.cotEvents(rs, Clock.systemUTC());
    }
    String where = host + ":" + port + (tls ? " (TLS)" : "");
    try (Socket s = connect()) {
      OutputStream out = s.getOutputStream();
      for (byte[] e : events) {
        out.write(e);
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new SkydasProblem(
          ProblemCode.OUTPUT_FAILED,
          "cannot send to the TAK server " + where + ": " + e.getMessage());
    }
    System.out.printf(Locale.ROOT, "Sent %d events to %s%n", events.size(), where);
    return 0;
  }

  private Socket connect() throws IOException {
    Socket plain = new Socket();
    plain.connect(new InetSocketAddress(host, port), timeout_s * 1000);
    plain.setSoTimeout(timeout_s * 1000);
    if (!tls) {
      return plain;
    }
    SSLSocket s = (SSLSocket) context().getSocketFactory().createSocket(plain, host, port, true);
    SSLParameters p = s.getSSLParameters();
    p.setEndpointIdentificationAlgorithm("HTTPS");
    s.setSSLParameters(p);
    s.startHandshake();
    return s;
  }

  private SSLContext context() {
    try {
      KeyManagerFactory kmf = null;
      if (cert != null) {
        char[] pw = "skydas".toCharArray();
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(TlsKeys.load(cert, key, pw), pw);
      }
      TrustManagerFactory tmf = null;
      if (ca != null) {
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        int i = 0;
        for (Certificate c : TlsKeys.certificates(ca)) {
          ts.setCertificateEntry("ca" + i++, c);
        }
        tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(
          kmf == null ? null : kmf.getKeyManagers(),
          tmf == null ? null : tmf.getTrustManagers(),
          null);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, "TLS setup failed: " + e.getMessage());
    }
  }
}
