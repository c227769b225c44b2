package lt.skydas.registry.exchange;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import lt.skydas.core.problem.SkydasProblem;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Hardened XML: a DOM parser that refuses any DOCTYPE (so no entity declarations, no external
 * entities, no billion-laughs), never fetches anything (external DTD and schema access off, an
 * entity resolver that refuses), has XInclude off and secure processing limits on. Writing goes
 * through StAX ({@code lt.skydas.core.cot.CotEventWriter#xmlWriter}), so that text and attribute
 * values are escaped by the library. Stateless.
 */
final class SafeXml {
  private static final String DISALLOW_DOCTYPE =
      "http://apache.org/xml/features/disallow-doctype-decl";

  private SafeXml() {}

  /** A fresh hardened DOM parser (namespace-aware); not thread-safe, make one per parse. */
  static DocumentBuilder documentBuilder() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(DISALLOW_DOCTYPE, true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entity " + systemId + " refused");
          });
      b.setErrorHandler(
          new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) throws SAXException {
              throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
              throw e;
            }
          });
      return b;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser cannot be hardened", e);
    }
  }

  /** Parses {@code in}; any fault is a BAD_INPUT problem naming {@code file} and the line. */
  static Document parse(String file, InputStream in) {
    try {
      return documentBuilder().parse(new InputSource(in));
    } catch (SAXParseException e) {
      String where = e.getLineNumber() < 0 ? null : "line " + e.getLineNumber();
      throw SkydasProblem.badInput(file, where, describe(e));
    } catch (SAXException e) {
      throw SkydasProblem.badInput(file, null, describe(e));
    } catch (IOException e) {
      throw SkydasProblem.badInput(file, null, "cannot read: " + e.getMessage());
    }
  }

  private static String describe(SAXException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("DOCTYPE")) {
      return "DOCTYPE not allowed (DTDs and entity declarations are refused)";
    }
    if (m.contains("external entity")) {
      return "external entities are not allowed";
    }
    if (m.contains("must start and end within the same entity")
        || m.contains("Premature end of file")) {
      return "file is truncated (XML ends before its last element is closed)";
    }
    return "not well-formed XML: " + m;
  }
}
