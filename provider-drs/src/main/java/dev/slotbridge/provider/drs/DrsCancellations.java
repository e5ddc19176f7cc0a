package dev.slotbridge.provider.drs;

import dev.slotbridge.spi.ProviderMemory;
import dev.slotbridge.spi.model.BookedSlot;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bookings Slotbridge cancelled, remembered in the {@link ProviderMemory} for {@link #RETENTION}: {@code deleteOrder}
 * may remove the order from DRS altogether, and a repeated cancel or a view on any replica, or after a restart,
 * should still show the booking that was cancelled, not a bare ref. Kept: the slot and the job's property, order
 * number, priority and SOR lines — never the contact, access notes or the free-text description.
 */
final class DrsCancellations {
    static final Duration RETENTION = Duration.ofDays(90);
    private static final String VERSION = "v1";
    private static final System.Logger LOG = System.getLogger(DrsCancellations.class.getName());

    private final ProviderMemory memory;

    DrsCancellations(ProviderMemory memory) {
        this.memory = memory;
    }

    /**
     * Remembers a booking DRS has just cancelled. Best effort: the cancel happened whatever the memory does, so a
     * failure to remember is logged, never thrown.
     */
    void remember(Booking cancelled) {
        if (cancelled.slot() == null || cancelled.job() == null) {
            return;
        }
        try {
            memory.put(key(cancelled.key()), format(cancelled), RETENTION);
            String byReference = referenceKey(cancelled.job().externalRef());
            String keys = memory.get(byReference).map(known -> known + ",").orElse("") + keyValues(cancelled.key());
            memory.put(byReference, keys, RETENTION);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not remember cancelled DRS order {0}: {1}",
                    cancelled.key().require(DrsMapping.ORDER_ID), e.getClass().getSimpleName());
        }
    }

    private static String format(Booking cancelled) {
        BookedSlot slot = cancelled.slot();
        Job job = cancelled.job();
        List<String> codes = job.jobCodes().stream().map(code -> encode(code.code()) + "*" + code.quantity()).toList();
        return String.join("|", VERSION, slot.start().toString(), slot.end().toString(), encode(slot.label()),
                encode(job.propertyRef()), encode(job.externalRef()), encode(job.priority()), String.join(",", codes));
    }

    /** The bookings of an order number Slotbridge cancelled within {@link #RETENTION}. */
    List<Booking> recallByReference(String externalRef) {
        List<Booking> recalled = new ArrayList<>();
        memory.get(referenceKey(externalRef)).ifPresent(keys -> {
            for (String pair : keys.split(",")) {
                String[] ids = pair.split(":");
                recall(DrsMapping.key(externalRef, ids[0], ids[1])).ifPresent(recalled::add);
            }
        });
        return recalled;
    }

    private static String referenceKey(String externalRef) {
        return "cancelled-by-reference:" + encode(externalRef);
    }

    private static String keyValues(BookingKey key) {
        return key.require(DrsMapping.ORDER_ID) + ":" + key.require(DrsMapping.BOOKING_ID);
    }

    /** The cancelled booking as it was, when Slotbridge cancelled it within {@link #RETENTION}. */
    Optional<Booking> recall(BookingKey key) {
        return memory.get(key(key)).flatMap(value -> decode(key, value));
    }

    private static Optional<Booking> decode(BookingKey key, String value) {
        String[] fields = value.split("\\|", -1);
        if (fields.length != 8 || !VERSION.equals(fields[0])) {
            return Optional.empty();
        }
        List<JobCode> codes = new ArrayList<>();
        for (String line : fields[7].split(",")) {
            String[] codeAndQuantity = line.split("\\*");
            codes.add(new JobCode(decode(codeAndQuantity[0]), Integer.parseInt(codeAndQuantity[1])));
        }
        BookedSlot slot = new BookedSlot(OffsetDateTime.parse(fields[1]), OffsetDateTime.parse(fields[2]), decode(fields[3]));
        Job job = new Job(decode(fields[4]), codes, decode(fields[6]), decode(fields[5]), null);
        return Optional.of(new Booking(key, BookingStatus.CANCELLED, slot, job, null, null,
                DrsMapping.refs(key.require(DrsMapping.ORDER_ID), key.require(DrsMapping.BOOKING_ID))));
    }

    private static String key(BookingKey key) {
        return "cancelled:" + key.require(DrsMapping.ORDER_ID) + ":" + key.require(DrsMapping.BOOKING_ID);
    }

    /** Null as the empty string; every other value percent-encoded, so no separator can occur in it. */
    private static String encode(String text) {
        return text == null ? "" : "~" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String field) {
        return field.isEmpty() ? null : URLDecoder.decode(field.substring(1), StandardCharsets.UTF_8);
    }
}
