package dev.slotbridge.spi.support;

import dev.slotbridge.spi.error.ProviderException;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SlotUnavailableException;

import java.util.function.BooleanSupplier;

/**
 * The rule for a refused booking or reschedule: vendors word "that slot is gone" like other refusals, so look at the
 * slot again. No longer offered: {@link SlotUnavailableException} (409); still offered: the scheduler's own refusal
 * (422). Never decided by the message text alone.
 */
public final class Refusals {
    private Refusals() {
    }

    /**
     * @param stillOffered asks the scheduler whether it still offers the slot
     * @param scheduler    names the scheduler in the message ("DRS")
     */
    public static ProviderException slotTakenOr(RejectedBySchedulerException refused, BooleanSupplier stillOffered,
                                                String scheduler) {
        return stillOffered.getAsBoolean() ? refused : new SlotUnavailableException(scheduler + " no longer offers that slot");
    }
}
