package dev.slotbridge.provider.drs;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import dev.slotbridge.spi.error.SchedulerResponseException;
import org.codehaus.stax2.io.Stax2ByteArraySource;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads the gateway's answers with StAX, DTDs and external entities disabled: a {@code DOCTYPE} (and with it any
 * entity, XXE or "billion laughs") makes the answer unreadable instead of being expanded. The parser is Aalto's,
 * created once and reading the answer's bytes itself (no String of the answer is made): it costs a fraction of the
 * JDK's built-in parser per answer, most of whose cost was setting up a reader for each small document.
 */
final class SafeXmlReader {
    private static final XMLInputFactory FACTORY = secureFactory();

    private SafeXmlReader() {
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    /** Reads one element, from the parser on its start tag through its end tag, into what the caller needs. */
    interface ElementReader<T> {
        T read(XMLStreamReader xml) throws XMLStreamException;
    }

    /**
     * Reads a whole document into a tree.
     *
     * @param charset the charset its transport named (HTTP {@code Content-Type}), which wins over the document's
     *                own when it is not UTF-8; null to let the document say (its XML declaration or byte order mark;
     *                UTF-8 when neither does)
     */
    static XmlElement read(byte[] xml, Charset charset) {
        return parse(xml, charset, SafeXmlReader::tree);
    }

    /**
     * Reads the {@code return} element of a SOAP answer ({@code Envelope/Body/*Response/return}: the first element
     * in {@code Body}, and in that the first {@code return}) with {@code reader}, as the parser meets it: nothing else
     * of the answer is kept. The rest of the document is still read, so an answer that is not well-formed is refused
     * as before.
     *
     * @return what the reader made of {@code return}, or null when the answer has none
     */
    static <T> T readReturn(byte[] xml, Charset charset, ElementReader<T> reader) {
        return parse(xml, charset, envelope -> {
            T result = null;
            while (nextChild(envelope)) {
                if (!envelope.getLocalName().equals("Body")) {
                    skip(envelope);
                    continue;
                }
                boolean first = true;
                while (nextChild(envelope)) {
                    if (!first) {
                        skip(envelope);
                        continue;
                    }
                    first = false;
                    while (nextChild(envelope)) {
                        if (result == null && envelope.getLocalName().equals("return")) {
                            result = reader.read(envelope);
                        } else {
                            skip(envelope);
                        }
                    }
                }
            }
            return result;
        });
    }

    private static <T> T parse(byte[] xml, Charset charset, ElementReader<T> rootReader) {
        XMLStreamReader reader = null;
        try {
            reader = charset == null || charset.equals(StandardCharsets.UTF_8)
                    ? FACTORY.createXMLStreamReader(new Stax2ByteArraySource(xml, 0, xml.length))
                    : FACTORY.createXMLStreamReader(new InputStreamReader(new ByteArrayInputStream(xml), charset));
            while (next(reader) != XMLStreamConstants.START_ELEMENT) {
                if (!reader.hasNext()) {
                    throw new SchedulerResponseException("the gateway's answer is empty", null);
                }
            }
            T result = rootReader.read(reader);
            while (reader.hasNext()) {
                next(reader);
            }
            return result;
        } catch (XMLStreamException | NoSuchElementException e) {
            throw new SchedulerResponseException("the gateway's answer is not well-formed XML", e);
        } finally {
            close(reader);
        }
    }

    /** The next event; a DTD or an entity reference makes the answer unreadable. */
    private static int next(XMLStreamReader reader) throws XMLStreamException {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new SchedulerResponseException("the gateway's answer declares a DTD or entities", null);
        }
        return event;
    }

    /**
     * Moves to the next child element of the current element: true on its start tag, false on the current element's
     * end tag. Call it on the parent's start tag, or after a child was read through its end tag.
     */
    static boolean nextChild(XMLStreamReader reader) throws XMLStreamException {
        while (true) {
            int event = next(reader);
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
    }

    /** Reads past the current element, from its start tag through its end tag. */
    static void skip(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = next(reader);
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The current element's own text, trimmed (null when empty), read through its end tag; child elements are skipped. */
    static String text(XMLStreamReader reader) throws XMLStreamException {
        String text = null;
        StringBuilder pieces = null;
        while (true) {
            int event = next(reader);
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                String piece = reader.getText();
                if (text == null) {
                    text = piece;
                } else {
                    pieces = (pieces == null ? new StringBuilder(text) : pieces).append(piece);
                }
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                skip(reader);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String whole = pieces != null ? pieces.toString().strip() : text == null ? "" : text.strip();
                return whole.isEmpty() ? null : whole;
            }
        }
    }

    /** The current element as a tree, read through its end tag. */
    static XmlElement tree(XMLStreamReader reader) throws XMLStreamException {
        Deque<Building> open = new ArrayDeque<>();
        open.push(new Building(reader.getLocalName()));
        while (true) {
            switch (next(reader)) {
                case XMLStreamConstants.START_ELEMENT -> open.push(new Building(reader.getLocalName()));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> open.peek().text(reader.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlElement done = open.pop().build();
                    if (open.isEmpty()) {
                        return done;
                    }
                    open.peek().child(done);
                }
                default -> {
                }
            }
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
