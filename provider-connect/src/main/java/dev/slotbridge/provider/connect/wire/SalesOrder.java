package dev.slotbridge.provider.connect.wire;

import java.util.List;

/** The SalesOrder object: sent to create an order, read back by {@code GET api/SalesOrder}. */
public record SalesOrder(String primaryOrderNumber, Boolean useExistingCustomerDetails, Customer customer,
                         OrderContact orderContact,
                         String contractExternalId, String targetDateUTC, String priorityExternalId,
                         Integer orderStatus, String jobDescription, List<OrderJobCode> jobCodes, Integer orderSource) {
}
