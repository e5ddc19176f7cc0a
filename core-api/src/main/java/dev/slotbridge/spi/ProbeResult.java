package dev.slotbridge.spi;

/** What {@link SchedulerProvider#probe()} established; a probe that failed throws instead. */
public enum ProbeResult {
    /** The scheduler answered the probe and accepted the council's credentials. */
    REACHED,
    /** The provider has no probe: nothing was sent, so nothing is known about the scheduler. */
    NOT_OFFERED
}
