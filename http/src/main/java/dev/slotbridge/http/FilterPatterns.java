package dev.slotbridge.http;

import io.micronaut.http.filter.FilterPatternStyle;

/**
 * The paths the server's filters apply to, as {@link FilterPatternStyle#REGEX} patterns: Micronaut matches every
 * filter's patterns against every request's path, and its Ant matcher splits pattern and path into segments each time
 * (a measurable share of a GET booking's CPU), while its regex matcher compiles each pattern once. Each pattern here
 * means what its Ant form in the comment means. A filter for every path keeps {@code ServerFilter.MATCH_ALL_PATTERN}:
 * Micronaut runs those without matching anything.
 */
public final class FilterPatterns {
    /** The uniform API ({@code /v1} and {@code /v1/**}). */
    public static final String V1 = "/v1(/.*)?";
    /** Health ({@code /health} and {@code /health/**}). */
    public static final String HEALTH = "/health(/.*)?";

    private FilterPatterns() {
    }
}
