package lt.skydas.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;

/**
 * The server's certificate and key from the PEM files operators have ({@code serve --tls-cert
 * --tls-key}) as an in-memory key store for Jetty. Every fault names the file and what to do.
 * Stateless.
 */
public final class TlsKeys {
  private TlsKeys() {}

  /**
   * A PKCS #12 key store in memory holding the key and its chain under {@code password}.
   *
   * @param certificate PEM: the certificate, then any intermediates
   * @param privateKey PEM: the unencrypted PKCS #8 private key
   */
  public static KeyStore load(Path certificate, Path privateKey, char[] password) {
    Certificate[] chain = certificates(certificate);
    PrivateKey key = privateKey(privateKey);
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("skydas", key, password, chain);
      return ks;
    } catch (GeneralSecurityException | IOException e) {
      throw new SkydasProblem(
          ProblemCode.BAD_INPUT,
          privateKey + ": the key does not go with " + certificate + " (" + e + ")");
    }
  }

  /** The certificates of a PEM file (a CA bundle, a chain), in order. */
  public static Certificate[] certificates(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> cs =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (cs.isEmpty()) {
        throw new SkydasProblem(ProblemCode.BAD_INPUT, file + ": no certificate in it");
      }
      return cs.toArray(new Certificate[0]);
    } catch (NoSuchFileException e) {
      throw new SkydasProblem(ProblemCode.NOT_FOUND, file + ": no such certificate file");
    } catch (IOException | GeneralSecurityException e) {
      throw new SkydasProblem(
          ProblemCode.BAD_INPUT, file + ": not a PEM certificate (" + e.getMessage() + ")");
    }
  }

  private static PrivateKey privateKey(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new SkydasProblem(ProblemCode.NOT_FOUND, file + ": no such key file");
    } catch (IOException e) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, file + ": cannot read: " + e.getMessage());
    }
    if (text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN EC PRIVATE KEY")) {
      throw new SkydasProblem(
          ProblemCode.BAD_INPUT,
          file
              + ": a PKCS #1 / SEC 1 key; convert it to PKCS #8 (openssl pkcs8 -topk8 -nocrypt -in"
              + " KEY -out KEY.pk8)");
    }
    String begin = "-----BEGIN PRIVATE KEY-----";
    String end = "-----END PRIVATE KEY-----";
    int b = text.indexOf(begin);
    int e = text.indexOf(end);
    if (b < 0 || e < b) {
      throw new SkydasProblem(
          ProblemCode.BAD_INPUT, file + ": no '" + begin + "' block (an unencrypted PKCS #8 key)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
    } catch (IllegalArgumentException x) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, file + ": the key is not base64");
    }
    for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException x) {
        // try the next algorithm
      }
    }
    throw new SkydasProblem(ProblemCode.BAD_INPUT, file + ": not an RSA, EC or Ed25519 key");
  }
}
