package dev.slotbridge.engine.security;

import dev.slotbridge.engine.council.Council;
import dev.slotbridge.engine.council.CouncilRegistry;
import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;
import dev.slotbridge.spi.Capability;
import jakarta.inject.Singleton;

/**
 * Decides whether a caller may use a council for an operation, in the contract's order: an unknown council is 404
 * whatever the key, a council the key may not use, or an operation its permissions do not cover, is 403, an operation
 * the provider lacks is 501. Which bookings it may see is {@link BookingVisibility}'s.
 */
@Singleton
public final class CouncilAccess {
    private final CouncilRegistry councils;

    CouncilAccess(CouncilRegistry councils) {
        this.councils = councils;
    }

    /** The permission an operation needs: managing bookings needs {@code manage-own} (then only one's own) or {@code manage-all}. */
    private static boolean mayAttempt(ApiClient client, String councilId, Capability capability) {
        return switch (capability) {
            case SEARCH -> client.may(councilId, Permission.SEARCH);
            case BOOK, HOLD -> client.may(councilId, Permission.BOOK);
            case VIEW, LIST, RESCHEDULE, CANCEL, FIND_BY_REFERENCE -> client.may(councilId, Permission.MANAGE_OWN)
                    || client.may(councilId, Permission.MANAGE_ALL);
        };
    }

    public Council authorize(ApiClient client, String councilId, Capability capability) {
        Council council = councils.find(councilId).orElseThrow(() -> new ProblemException(
                ProblemType.COUNCIL_NOT_FOUND, "No council '" + councilId + "'"));
        if (!client.mayUse(councilId)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "This API key may not use council '" + councilId + "'");
        }
        if (!mayAttempt(client, councilId, capability)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This API key may not "
                    + capability.name().toLowerCase(java.util.Locale.ROOT) + " at council '" + councilId + "'");
        }
        if (!council.operations().contains(capability)) {
            throw new ProblemException(ProblemType.CAPABILITY_NOT_SUPPORTED,
                    "Council '" + councilId + "' does not support " + capability);
        }
        return council;
    }
}
