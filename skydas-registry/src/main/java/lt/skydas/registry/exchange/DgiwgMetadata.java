package lt.skydas.registry.exchange;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import lt.skydas.registry.RegistryRecord;
import org.locationtech.jts.geom.Envelope;

/**
 * The dataset metadata of a DGIWG GeoPackage export: ISO 19139 under the DGIWG Metadata Foundation
 * (DMF 2.0), with what a receiving unit needs to know the file: title and abstract (how many
 * records of which kinds), the producer, the date, the reference system (EPSG:4326) and the extent.
 * The text is Skydas' own and numbers, so nothing from a record is written into the XML. Stateless.
 */
final class DgiwgMetadata {
  private DgiwgMetadata() {}

  static String of(List<RegistryRecord> records, Instant at) {
    Envelope e = new Envelope();
    long minefields = 0;
    for (RegistryRecord r : records) {
      e.expandToInclude(r.geometry().getEnvelopeInternal());
      if (r.kind() == lt.skydas.registry.RecordKind.MINEFIELD) {
        minefields++;
      }
    }
    String when = at.truncatedTo(ChronoUnit.SECONDS).toString();
    String extent =
        e.isNull()
            ? ""
            : String.format(
                Locale.ROOT,
                "<gmd:extent><gmd:EX_Extent><gmd:geographicElement><gmd:EX_GeographicBoundingBox>"
                    + "<gmd:westBoundLongitude><gco:Decimal>%.6f</gco:Decimal></gmd:westBoundLongitude>"
                    + "<gmd:eastBoundLongitude><gco:Decimal>%.6f</gco:Decimal></gmd:eastBoundLongitude>"
                    + "<gmd:southBoundLatitude><gco:Decimal>%.6f</gco:Decimal></gmd:southBoundLatitude>"
                    + "<gmd:northBoundLatitude><gco:Decimal>%.6f</gco:Decimal></gmd:northBoundLatitude>"
                    + "</gmd:EX_GeographicBoundingBox></gmd:geographicElement></gmd:EX_Extent>"
                    + "</gmd:extent>",
                e.getMinX(),
                e.getMaxX(),
                e.getMinY(),
                e.getMaxY());
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<gmd:MD_Metadata xmlns:gmd=\"http://www.isotc211.org/2005/gmd\""
        + " xmlns:gco=\"http://www.isotc211.org/2005/gco\">"
        + "<gmd:fileIdentifier><gco:CharacterString>skydas-registry-"
        + when.replace(":", "")
        + "</gco:CharacterString></gmd:fileIdentifier>"
        + "<gmd:language><gco:CharacterString>eng</gco:CharacterString></gmd:language>"
        + "<gmd:hierarchyLevel><gmd:MD_ScopeCode codeList=\"http://standards.iso.org/iso/19139/"
        + "resources/gmxCodelists.xml#MD_ScopeCode\" codeListValue=\"dataset\">dataset"
        + "</gmd:MD_ScopeCode></gmd:hierarchyLevel>"
        + "<gmd:contact><gmd:CI_ResponsibleParty><gmd:organisationName><gco:CharacterString>"
        + "Skydas registry</gco:CharacterString></gmd:organisationName><gmd:role><gmd:CI_RoleCode"
        + " codeList=\"http://standards.iso.org/iso/19139/resources/gmxCodelists.xml#CI_RoleCode\""
        + " codeListValue=\"originator\">originator</gmd:CI_RoleCode></gmd:role>"
        + "</gmd:CI_ResponsibleParty></gmd:contact>"
        + "<gmd:dateStamp><gco:DateTime>"
        + when
        + "</gco:DateTime></gmd:dateStamp>"
        + "<gmd:metadataStandardName><gco:CharacterString>DGIWG Metadata Foundation (DMF)"
        + "</gco:CharacterString></gmd:metadataStandardName>"
        + "<gmd:metadataStandardVersion><gco:CharacterString>2.0</gco:CharacterString>"
        + "</gmd:metadataStandardVersion>"
        + "<gmd:referenceSystemInfo><gmd:MD_ReferenceSystem><gmd:referenceSystemIdentifier>"
        + "<gmd:RS_Identifier><gmd:code><gco:CharacterString>4326</gco:CharacterString></gmd:code>"
        + "<gmd:codeSpace><gco:CharacterString>EPSG</gco:CharacterString></gmd:codeSpace>"
        + "</gmd:RS_Identifier></gmd:referenceSystemIdentifier></gmd:MD_ReferenceSystem>"
        + "</gmd:referenceSystemInfo>"
        + "<gmd:identificationInfo><gmd:MD_DataIdentification><gmd:citation><gmd:CI_Citation>"
        + "<gmd:title><gco:CharacterString>Skydas registry export: obstacles, minefields, sensor"
        + " sites, depots and shelters</gco:CharacterString></gmd:title><gmd:date><gmd:CI_Date>"
        + "<gmd:date><gco:DateTime>"
        + when
        + "</gco:DateTime></gmd:date><gmd:dateType><gmd:CI_DateTypeCode codeList=\"http://"
        + "standards.iso.org/iso/19139/resources/gmxCodelists.xml#CI_DateTypeCode\""
        + " codeListValue=\"creation\">creation</gmd:CI_DateTypeCode></gmd:dateType></gmd:CI_Date>"
        + "</gmd:date></gmd:CI_Citation></gmd:citation>"
        + "<gmd:abstract><gco:CharacterString>"
        + records.size()
        + " records of the registry, "
        + minefields
        + " of them minefields (CCW Amended Protocol II records in the minefield column). A layer"
        + " per geometry type, each record with its MIL-STD-2525C and APP-6 D symbol codes."
        + "</gco:CharacterString></gmd:abstract>"
        + "<gmd:language><gco:CharacterString>eng</gco:CharacterString></gmd:language>"
        + extent
        + "</gmd:MD_DataIdentification></gmd:identificationInfo></gmd:MD_Metadata>";
  }
}
