package dev.slotbridge.engine.booking;

import dev.slotbridge.config.ConfigSection;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A council's bounds on each client's active holds, so that no client can empty its diary: at most
 * {@code perProperty} for one property, {@code perClient} in all, and on any day at most {@code sharePercent} % of
 * the places the council offers the client that day — the windows ({@link SlotPlace}) of the slots it is offered for
 * the job and of those its holds keep, each window one place (schedulers do not say how many visits a window takes,
 * so this errs low; 100 % bounds nothing).
 * Holding as much as it may, a client therefore leaves everyone else offered at least (100 − {@code sharePercent}) %
 * of each day's places. Counting windows, not holds, keeps this true while a client's holds race: a window its
 * search still offered and its hold in flight takes is one place, not two.
 *
 * @param perProperty  {@code holds.max-per-property}
 * @param perClient    {@code holds.max-per-client}
 * @param sharePercent {@code holds.max-share}
 */
public record HoldLimits(long perProperty, long perClient, long sharePercent) {

    static HoldLimits of(ConfigSection holds) {
        return new HoldLimits(holds.wholeNumber("max-per-property"), holds.wholeNumber("max-per-client"),
                holds.wholeNumber("max-share"));
    }

    /** Which bound a new hold would pass. */
    public enum Bound {
        PER_PROPERTY, PER_CLIENT, SHARE
    }

    /**
     * Whether a new hold is within the bounds.
     *
     * @param exceeded  the bound it would pass; null when it is admitted
     * @param firstEnds when the first of the client's holds counted against that bound ends; null when none does
     */
    public record Admission(Bound exceeded, Instant firstEnds) {
        public static final Admission ADMITTED = new Admission(null, null);

        boolean admitted() {
            return exceeded == null;
        }
    }

    /**
     * The rule, as the memory store applies it (the Redis store's script applies the same).
     *
     * @param hold    the new hold
     * @param counted the client's holds at the council that count now
     * @param offered the places the scheduler offers for the job on the hold's day
     */
    Admission admit(HoldRecord hold, Collection<HoldRecord> counted, Set<SlotPlace> offered) {
        List<HoldRecord> forProperty = counted.stream().filter(held -> held.propertyRef().equals(hold.propertyRef())).toList();
        List<HoldRecord> onDay = counted.stream().filter(held -> held.day().equals(hold.day())).toList();
        Set<SlotPlace> places = new HashSet<>(offered);
        onDay.stream().map(HoldRecord::place).filter(Objects::nonNull).forEach(places::add);
        if (forProperty.size() >= perProperty) {
            return refused(Bound.PER_PROPERTY, forProperty);
        }
        if (counted.size() >= perClient) {
            return refused(Bound.PER_CLIENT, counted);
        }
        if (sharePercent < 100 && (onDay.size() + 1) * 100L > sharePercent * places.size()) {
            return refused(Bound.SHARE, onDay);
        }
        return Admission.ADMITTED;
    }

    private static Admission refused(Bound bound, Collection<HoldRecord> counted) {
        return new Admission(bound, counted.stream().map(HoldRecord::expiresAt).min(Instant::compareTo).orElse(null));
    }
}
