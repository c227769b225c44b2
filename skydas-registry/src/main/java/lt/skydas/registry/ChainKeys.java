package lt.skydas.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;

/**
 * The Ed25519 keys that sign the audit chain's checkpoints, held outside the registry's database:
 * the private key in a PEM file (PKCS #8) readable by its owner alone, the public key beside it
 * ({@code <key>.pub}, X.509 SubjectPublicKeyInfo) for anyone who verifies. The JDK's own Ed25519
 * (JEP 339) does the work. Stateless.
 */
public final class ChainKeys {
  private ChainKeys() {}

  private static final String PRIVATE = "PRIVATE KEY";
  private static final String PUBLIC = "PUBLIC KEY";

  /**
   * Generates a key pair and writes the private key to {@code privateKey} (created 0600, never
   * overwritten) and the public key to {@code privateKey + ".pub"}.
   *
   * @return the public key's id
   */
  public static String generate(Path privateKey) {
    KeyPair kp;
    try {
      kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
    Path pub = publicKeyPath(privateKey);
    for (Path p : new Path[] {privateKey, pub}) {
      if (Files.exists(p)) {
        throw new SkydasProblem(
            ProblemCode.BAD_INPUT, p + ": already exists; a signing key is never overwritten");
      }
    }
    try {
      PrivateFiles.create(privateKey, pem(PRIVATE, kp.getPrivate().getEncoded()));
      Files.writeString(pub, pem(PUBLIC, kp.getPublic().getEncoded()), StandardCharsets.US_ASCII);
    } catch (FileAlreadyExistsException e) {
      throw new SkydasProblem(
          ProblemCode.BAD_INPUT,
          e.getFile() + ": already exists; a signing key is never overwritten");
    } catch (IOException e) {
      throw new SkydasProblem(
          ProblemCode.OUTPUT_FAILED, privateKey + ": cannot write the key: " + e.getMessage());
    }
    return keyId(kp.getPublic());
  }

  /** {@code <key>.pub}. */
  public static Path publicKeyPath(Path privateKey) {
    return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
  }

  /** Reads an Ed25519 private key (PEM, PKCS #8), or a problem naming the file. */
  public static PrivateKey readPrivate(Path file) {
    byte[] der = der(file, PRIVATE);
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new SkydasProblem(
          ProblemCode.BAD_INPUT, file + ": not an Ed25519 private key (" + e.getMessage() + ")");
    }
  }

  /** Reads an Ed25519 public key (PEM, X.509), or a problem naming the file. */
  public static PublicKey readPublic(Path file) {
    byte[] der = der(file, PUBLIC);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new SkydasProblem(
          ProblemCode.BAD_INPUT, file + ": not an Ed25519 public key (" + e.getMessage() + ")");
    }
  }

  /** The public key of a private key file: {@code <key>.pub} beside it. */
  public static PublicKey publicOf(Path privateKey) {
    return readPublic(publicKeyPath(privateKey));
  }

  /** An Ed25519 signature of {@code message}, or a problem naming why the key cannot sign. */
  public static byte[] sign(PrivateKey key, byte[] message) {
    try {
      java.security.Signature s = java.security.Signature.getInstance("Ed25519");
      s.initSign(key);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new SkydasProblem(
          ProblemCode.BAD_INPUT, "cannot sign with the key given: " + e.getMessage());
    }
  }

  /** Whether {@code signature} is {@code key}'s Ed25519 signature of {@code message}. */
  public static boolean verifies(PublicKey key, byte[] message, byte[] signature) {
    try {
      java.security.Signature s = java.security.Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(message);
      return s.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** A short, stable name of a public key: the first 16 hex digits of SHA-256 of its encoding. */
  public static String keyId(PublicKey k) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(k.getEncoded());
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }

  private static byte[] der(Path file, String label) {
    String text;
    try {
      if (Files.size(file) > 16_384) {
        throw new SkydasProblem(ProblemCode.BAD_INPUT, file + ": too large for a key file");
      }
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new SkydasProblem(ProblemCode.NOT_FOUND, file + ": no such key file");
    } catch (IOException e) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, file + ": cannot read: " + e.getMessage());
    }
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int b = text.indexOf(begin);
    int e = text.indexOf(end);
    if (b < 0 || e < b) {
      throw new SkydasProblem(
          ProblemCode.BAD_INPUT, file + ": no PEM block '" + begin + "' (is it the right key?)");
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
    } catch (IllegalArgumentException x) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, file + ": its PEM block is not base64");
    }
  }
}
