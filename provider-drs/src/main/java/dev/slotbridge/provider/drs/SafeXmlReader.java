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
                            open.peek().text(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        XmlElement done = open.pop().build();
                        if (open.isEmpty()) {
                            root = done;
                        } else {
                            open.peek().child(done);
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

    /**
     * An element being read. Text usually arrives in one piece and most elements are leaves, so the builder and the
     * child list are made only when needed: a week of slots is a few hundred elements per answer.
     */
    private static final class Building {
        private final String name;
        private String text = "";
        private StringBuilder pieces;
        private List<XmlElement> children;

        Building(String name) {
            this.name = name;
        }

        void text(String piece) {
            if (pieces != null) {
                pieces.append(piece);
            } else if (text.isEmpty()) {
                text = piece;
            } else {
                pieces = new StringBuilder(text).append(piece);
            }
        }

        void child(XmlElement child) {
            if (children == null) {
                children = new ArrayList<>();
            }
            children.add(child);
        }

        XmlElement build() {
            return new XmlElement(name, pieces != null ? pieces.toString() : text,
                    children == null ? List.of() : List.copyOf(children));
        }
    }
}
