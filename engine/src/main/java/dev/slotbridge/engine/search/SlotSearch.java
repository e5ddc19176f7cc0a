package dev.slotbridge.engine.search;

import dev.slotbridge.spi.model.Slot;

import java.util.List;

/**
 * A search's answer.
 *
 * @param slots    each slot once, sorted by start
 * @param warnings what the caller should know about the range asked for
 */
public record SlotSearch(List<Slot> slots, List<String> warnings) {
}
