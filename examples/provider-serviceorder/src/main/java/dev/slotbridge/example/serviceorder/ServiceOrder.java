package dev.slotbridge.example.serviceorder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A service order as this plugin writes and reads it. The API excerpt names the resource but not its fields, so the
 * field names are this example's assumption (see the README): {@code serviceOrderUid} and {@code state} are set by
 * the API; the planned window carries the booked slot; {@code items} are the job's schedule-of-rates lines.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record ServiceOrder(String serviceOrderUid, String state, String title, String externalReference,
                    String customerReference, String description, String priority, String plannedStart,
                    String plannedEnd, String plannedWindow, List<Item> items, Contact contact, String notes) {

    /** A schedule-of-rates line. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(String articleNumber, int quantity) {
    }

    /** Who to contact about the visit. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Contact(String name, String phone, String email) {
    }

    /** A page of the list answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<ServiceOrder> data, int page, int pageSize, int total) {
    }

    boolean isActive() {
        return !"DELETED".equalsIgnoreCase(state) && !"CANCELLED".equalsIgnoreCase(state);
    }
}
