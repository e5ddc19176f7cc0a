package dev.slotbridge.provider.drs;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * The gateway's schema, taken from the real WSDL ({@code src/test/resources/drs/soap.wsdl}) with every local
 * element's {@code minOccurs} relaxed to 0 (the live gateway accepts omitted elements; see the provider notes). A
 * request body is valid when the operation element inside {@code soapenv:Body} validates: names, nesting, order,
 * types and unqualified children.
 */
public final class GatewaySchema {
    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final Schema SCHEMA = load();

    private GatewaySchema() {
    }

    /** @throws AssertionError naming the problem when the envelope's operation element does not validate */
    public static void validate(String envelope) {
        validate(new InputSource(new StringReader(envelope)), envelope);
    }

    /** The envelope as sent: its bytes, read by the encoding they declare. */
    public static void validate(byte[] envelope) {
        validate(new InputSource(new ByteArrayInputStream(envelope)), new String(envelope, StandardCharsets.UTF_8));
    }

    private static void validate(InputSource source, String envelope) {
        try {
            Document document = parse(source);
            Element body = (Element) document.getDocumentElement()
                    .getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Body").item(0);
            Element operation = firstElement(body);
            SCHEMA.newValidator().validate(new DOMSource(operation));
        } catch (SAXException | IOException e) {
            throw new AssertionError("not valid against the gateway's WSDL: " + e.getMessage() + "\n" + envelope, e);
        }
    }

    private static Schema load() {
        try (InputStream wsdl = GatewaySchema.class.getResourceAsStream("/drs/soap.wsdl")) {
            Document document = parse(new InputSource(wsdl));
            Element schema = (Element) document.getElementsByTagNameNS(XSD, "schema").item(0);
            NodeList elements = schema.getElementsByTagNameNS(XSD, "element");
            for (int i = 0; i < elements.getLength(); i++) {
                Element element = (Element) elements.item(i);
                if (element.getParentNode() != schema) {
                    element.setAttribute("minOccurs", "0");
                }
            }
            return SchemaFactory.newInstance(XSD).newSchema(new DOMSource(schema));
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("cannot load the gateway schema", e);
        }
    }

    private static Document parse(InputSource source) throws IOException, SAXException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(source);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element firstElement(Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                return element;
            }
        }
        throw new AssertionError("empty soapenv:Body");
    }
}
