package dev.slotbridge.provider.drs;

import dev.slotbridge.spi.model.Slot;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code checkAvailability} answer's {@code return}: its status and message, and its offered slots within the
 * searched range ({@link DrsMapping#slot}). Read as the parser meets it ({@link #reader}), each {@code slotsForDay}
 * becoming a slot at its end tag: no tree of the answer is built. Every other element is skipped.
 */
record DrsAvailability(String status, String errorMsg, List<Slot> slots) implements DrsReturn {

    /** Reads {@code return}, keeping the slots that start and end within {@code [rangeStart, rangeEnd]}. */
    static SafeXmlReader.ElementReader<DrsAvailability> reader(Instant rangeStart, Instant rangeEnd, ZoneId zone) {
        return xml -> {
            String status = null;
            String errorMsg = null;
            List<Slot> slots = new ArrayList<>();
            while (SafeXmlReader.nextChild(xml)) {
                switch (xml.getLocalName()) {
                    case "status" -> status = first(status, xml);
                    case "errorMsg" -> errorMsg = first(errorMsg, xml);
                    case "theSlots" -> day(xml, slots, rangeStart, rangeEnd, zone);
                    default -> SafeXmlReader.skip(xml);
                }
            }
            return new DrsAvailability(status, errorMsg, slots);
        };
    }

    /** A repeated field: the first one counts, as in the tree ({@link XmlElement#text(String)}). */
    private static String skipped(XMLStreamReader xml, String first) throws XMLStreamException {
        SafeXmlReader.skip(xml);
        return first;
    }

    private static void day(XMLStreamReader xml, List<Slot> slots, Instant rangeStart, Instant rangeEnd, ZoneId zone)
            throws XMLStreamException {
        while (SafeXmlReader.nextChild(xml)) {
            if (!xml.getLocalName().equals("slotsForDay")) {
                SafeXmlReader.skip(xml);
                continue;
            }
            String available = null;
            String begin = null;
            String best = null;
            String end = null;
            while (SafeXmlReader.nextChild(xml)) {
                switch (xml.getLocalName()) {
                    case "available" -> available = first(available, xml);
                    case "beginDate" -> begin = first(begin, xml);
                    case "bestSlot" -> best = first(best, xml);
                    case "endDate" -> end = first(end, xml);
                    default -> SafeXmlReader.skip(xml);
                }
            }
            Slot slot = DrsMapping.slot(available, begin, best, end, rangeStart, rangeEnd, zone);
            if (slot != null) {
                slots.add(slot);
            }
        }
    }

    private static String first(String seen, XMLStreamReader xml) throws XMLStreamException {
        return seen == null ? SafeXmlReader.text(xml) : skipped(xml, seen);
    }
}
