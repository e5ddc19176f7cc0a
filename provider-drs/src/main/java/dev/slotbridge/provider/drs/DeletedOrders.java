package dev.slotbridge.provider.drs;

import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bookings this provider cancelled with {@code deleteOrder}, remembered (the latest 10,000) because the gateway may
 * no longer return a deleted order: viewing or cancelling it again then still answers "cancelled". In memory, so
 * after a restart a deleted order is simply not found.
 */
final class DeletedOrders {
    private static final int MAX = 10_000;

    private final Map<String, Booking> byOrderId = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Booking> eldest) {
            return size() > MAX;
        }
    };

    synchronized void remember(String orderId, Booking booking) {
        byOrderId.put(orderId, booking.withStatus(BookingStatus.CANCELLED));
    }

    synchronized Optional<Booking> find(String orderId) {
        return Optional.ofNullable(byOrderId.get(orderId));
    }
}
