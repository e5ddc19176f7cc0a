package dev.slotbridge.engine.search;

import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.spi.model.SlotQuery;

import java.time.LocalDate;
import java.util.List;

/**
 * What makes two searches the same: council, property, job codes, priority, the caller's order number and the date
 * range. The order number counts because some schedulers find slots per order (Connect's are keyed by its sales
 * order); the free-text description does not.
 */
public record SearchKey(String council, String propertyRef, List<JobCode> jobCodes, String priority, String externalRef,
                 LocalDate from, LocalDate to) {

    static SearchKey of(String council, SlotQuery query) {
        return new SearchKey(council, query.job().propertyRef(), List.copyOf(query.job().jobCodes()), query.job().priority(),
                query.job().externalRef(), query.from(), query.to());
    }

    /** A stable text of the key, for a store. */
    public String text() {
        StringBuilder text = new StringBuilder(council).append('|').append(propertyRef).append('|');
        jobCodes.forEach(code -> text.append(code.code()).append('*').append(code.quantity()).append(','));
        return text.append('|').append(priority).append('|').append(externalRef).append('|').append(from).append('|')
                .append(to).toString();
    }
}
