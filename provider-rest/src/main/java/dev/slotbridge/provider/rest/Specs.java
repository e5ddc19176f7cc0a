package dev.slotbridge.provider.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * The nested settings sections as written in the configuration (kebab-case keys), before they are checked and
 * compiled by {@link RestSettings}. Unknown keys are refused while reading.
 */
final class Specs {
    private Specs() {
    }

    record Auth(String type, String header, String username, String tokenUrl, String clientId, String scope) {
    }

    record Times(String format, String zone) {
    }

    record Slot(String start, String end, String duration, String label, String preferred, Map<String, String> key) {
    }

    record Booking(String id, String status, Map<String, String> statuses, String start, String end, String duration,
                   String label, String propertyRef, String externalRef, String description, String jobCodes,
                   String contactName, String contactPhone, String contactEmail, String notes, String successor,
                   Map<String, String> refs) {
    }

    record Error(List<Integer> status, List<String> operations, String when, String equals, String kind, String message) {
    }

    record Pagination(String type, String pageParam, String sizeParam, Integer pageSize, Integer firstPage,
                      String hasMore, String total, String next) {
    }

    record Window(String label, String start, String end) {
    }

    record Windows(List<Window> times, List<String> days, Integer daysAhead) {
    }

    record Operation(String method, String path, Map<String, String> query, Map<String, String> headers, JsonNode body,
                     String result, Pagination pagination, Windows windows) {
    }

    record Operations(Operation search, Operation book, Operation view, Operation list, Operation reschedule,
                      Operation cancel, Operation findByReference, Operation probe) {
    }
}
