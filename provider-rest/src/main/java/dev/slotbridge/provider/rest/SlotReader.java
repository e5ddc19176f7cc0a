package dev.slotbridge.provider.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads one slot of a search answer: its start, its end (or the start plus a fixed duration, for schedulers whose
 * slots carry only a start), its label, and the values the booking request needs back, which go into the slot's key
 * beside its start and end (as ISO 8601 instants).
 */
final class SlotReader {
    static final String START = "start";
    static final String END = "end";
    static final String LABEL = "label";

    private final Expression start;
    private final Expression end;
    private final Duration duration;
    private final Expression label;
    private final Expression preferred;
    private final Map<String, Expression> key;

    SlotReader(Expression start, Expression end, Duration duration, Expression label, Expression preferred,
               Map<String, Expression> key) {
        this.start = start;
        this.end = end;
        this.duration = duration;
        this.label = label;
        this.preferred = preferred;
        this.key = Map.copyOf(key);
    }

    /** The names of the values kept in a slot's key, for templates ({@code {slot.id}}). */
    Set<String> keyNames() {
        Set<String> names = new LinkedHashSet<>(key.keySet());
        names.add(LABEL);
        return names;
    }

    Slot read(JsonNode item, TimeFormat times, ZoneId zone) {
        Instant from = times.parse(start.text(item).orElseThrow(() -> unreadable("a start")));
        Instant to = end != null ? times.parse(end.text(item).orElseThrow(() -> unreadable("an end"))) : from.plus(duration);
        if (!to.isAfter(from)) {
            throw unreadable("an end after its start");
        }
        String name = label == null ? null : label.text(item).orElse(null);
        Map<String, String> values = new LinkedHashMap<>();
        values.put(START, from.toString());
        values.put(END, to.toString());
        if (name != null) {
            values.put(LABEL, name);
        }
        key.forEach((valueName, expression) -> expression.text(item).ifPresent(value -> values.put(valueName, value)));
        boolean best = preferred != null && preferred.node(item).map(JsonNode::asBoolean).orElse(false);
        return new Slot(from.atZone(zone).toOffsetDateTime(), to.atZone(zone).toOffsetDateTime(), name, best,
                new SlotKey(values));
    }

    /** A slot of a standard window (a scheduler without a diary). */
    static Slot window(Instant from, Instant to, String label, ZoneId zone) {
        return new Slot(from.atZone(zone).toOffsetDateTime(), to.atZone(zone).toOffsetDateTime(), label, false,
                SlotKey.of(START, from.toString(), END, to.toString(), LABEL, label));
    }

    static Instant start(SlotKey slot) {
        return Instant.parse(slot.require(START));
    }

    static Instant end(SlotKey slot) {
        return Instant.parse(slot.require(END));
    }

    private static SchedulerResponseException unreadable(String what) {
        return new SchedulerResponseException("the scheduler sent a slot without " + what, null);
    }
}
