package dev.slotbridge.provider.drs;

import dev.slotbridge.spi.error.SchedulerResponseException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads the gateway's answers with StAX, DTDs and external entities disabled: a {@code DOCTYPE} (and with it any
 * entity, XXE or "billion laughs") makes the answer unreadable instead of being expanded.
 */
final class SafeXmlReader {
    private static final XMLInputFactory FACTORY = secureFactory();

    private SafeXmlReader() {
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    static XmlElement read(String xml) {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(xml));
            Deque<Building> open = new ArrayDeque<>();
            XmlElement root = null;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                            throw new SchedulerResponseException("the gateway's answer declares a DTD or entities", null);
                    case XMLStreamConstants.START_ELEMENT -> open.push(new Building(reader.getLocalName()));
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (!open.isEmpty()) {
                            open.peek().text.append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        XmlElement done = open.pop().build();
                        if (open.isEmpty()) {
                            root = done;
                        } else {
                            open.peek().children.add(done);
                        }
                    }
                    default -> {
                    }
                }
            }
            if (root == null) {
                throw new SchedulerResponseException("the gateway's answer is empty", null);
            }
            return root;
        } catch (XMLStreamException e) {
            throw new SchedulerResponseException("the gateway's answer is not well-formed XML", e);
        } finally {
            close(reader);
        }
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing to release
            }
        }
    }

    private static final class Building {
        final String name;
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();

        Building(String name) {
            this.name = name;
        }

        XmlElement build() {
            return new XmlElement(name, text.toString(), List.copyOf(children));
        }
    }
}
