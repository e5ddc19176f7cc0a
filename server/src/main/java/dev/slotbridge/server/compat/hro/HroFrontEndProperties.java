package dev.slotbridge.server.compat.hro;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * One front end, {@code slotbridge.hro.front-ends.<name>}.
 *
 * @param identifierSha256 the SHA-256 hex digest of the identifier it posts to {@code /authentication}
 * @param council          the council it books into
 * @param leadTimeDays     a search without {@code fromDate} starts this many days after today
 * @param maxDays          a search answers the slots of at most this many days
 * @param searchDays       how many days a search looks through for them
 */
@EachProperty(HroProperties.FRONT_ENDS)
public record HroFrontEndProperties(@Parameter String name, @Nullable String identifierSha256, @Nullable String council,
                                    @Bindable(defaultValue = "0") int leadTimeDays,
                                    @Bindable(defaultValue = "5") int maxDays,
                                    @Bindable(defaultValue = "28") int searchDays) {
}
