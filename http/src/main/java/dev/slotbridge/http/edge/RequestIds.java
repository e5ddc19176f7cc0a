package dev.slotbridge.http.edge;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New request ids: random (version 4) UUIDs drawn from the calling thread's own generator. A request id ties an answer
 * to its log lines and grants nothing, so it needs no {@code SecureRandom}, whose shared generator was a measurable
 * part of every request's CPU on the event loop ({@code UUID.randomUUID}).
 */
final class RequestIds {
    private static final long VERSION_MASK = 0xF000L;
    private static final long VERSION_4 = 0x4000L;
    private static final long VARIANT_MASK = 0b11L << 62;
    private static final long VARIANT_RFC_4122 = 0b10L << 62;

    private RequestIds() {
    }

    /** A fresh id, in the UUID text form. */
    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong() & ~VERSION_MASK | VERSION_4, random.nextLong() & ~VARIANT_MASK | VARIANT_RFC_4122)
                .toString();
    }
}
