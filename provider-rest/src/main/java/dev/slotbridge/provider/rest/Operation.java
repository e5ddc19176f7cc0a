package dev.slotbridge.provider.rest;

import dev.slotbridge.spi.Capability;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One configured exchange with the scheduler: method, path, query, headers, body, and where its answer's items are.
 *
 * @param result     where the slots or bookings are in the answer ({@code $} for the whole answer)
 * @param pagination how further pages are asked for; null when the answer is one page
 * @param windows    for a search of a scheduler that keeps no diary: the standard windows, the answer being the
 *                   bookings that take them; null otherwise
 */
record Operation(Kind kind, String method, TextTemplate path, Map<String, TextTemplate> query, Map<String, String> headers,
                 BodyTemplate body, Expression result, Pagination pagination, Windows windows) {

    /** The names of the values the operation sends, in its path, query or body. */
    Set<String> sends() {
        Set<String> names = new HashSet<>(path.placeholders());
        query.values().forEach(text -> names.addAll(text.placeholders()));
        if (body != null) {
            names.addAll(body.placeholders());
        }
        return names;
    }

    /** The operations a configuration may give, each the capability it offers (the probe offers none). */
    enum Kind {
        SEARCH("search", Capability.SEARCH),
        BOOK("book", Capability.BOOK),
        VIEW("view", Capability.VIEW),
        LIST("list", Capability.LIST),
        RESCHEDULE("reschedule", Capability.RESCHEDULE),
        CANCEL("cancel", Capability.CANCEL),
        FIND_BY_REFERENCE("find-by-reference", Capability.FIND_BY_REFERENCE),
        PROBE("probe", null);

        private final String key;
        private final Capability capability;

        Kind(String key, Capability capability) {
            this.key = key;
            this.capability = capability;
        }

        String key() {
            return key;
        }

        Capability capability() {
            return capability;
        }

        /** Whether a 404 to it means "no such booking" rather than a wrong path. */
        boolean addressesBooking() {
            return this == VIEW || this == CANCEL || this == RESCHEDULE;
        }
    }

    /**
     * How a list answer's further pages are asked for: {@code page} numbers pages from {@code firstPage};
     * {@code offset} counts items; {@code next-link} follows the link {@code next} reads (never outside the base URL).
     * Paging stops at an empty page, when {@code hasMore} reads false, when {@code total} items were read, at a short
     * page, or (next-link) when there is no next link.
     */
    record Pagination(Type type, String pageParam, String sizeParam, int pageSize, int firstPage, Expression hasMore,
                      Expression total, Expression next) {
        /** At most this many pages are read for one call; a longer list is an error, never silently cut. */
        static final int MAX_PAGES = 100;

        enum Type { PAGE, OFFSET, NEXT_LINK }
    }

    /** A scheduler's standard visit windows on working days, offered up to {@code daysAhead} days from today. */
    record Windows(List<Window> times, Set<DayOfWeek> days, int daysAhead) {
    }

    /** One standard window, e.g. {@code AM} 08:00–12:00. */
    record Window(String label, LocalTime start, LocalTime end) {
    }
}
