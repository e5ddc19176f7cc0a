package dev.slotbridge.provider.connect.wire;

/** The Customer object as sent with {@code UseExistingCustomerDetails}: only the two external ids. */
public record Customer(String externalId, String organisationExternalId) {
}
