package dev.slotbridge.provider.connect.wire;

/**
 * The OrderContact object (API version 3): who to contact about the order. Connect takes it only when the sales order
 * is created ({@code POST api/SalesOrder}); {@code SalesOrderUpdate} has no contact.
 */
public record OrderContact(String contactName, String homePhone, String mobilePhone, String emailAddress) {
}
