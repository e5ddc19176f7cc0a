package dev.slotbridge.provider.connect.wire;

/** The SalesOrderUpdate object ({@code PATCH api/SalesOrder}): a new description, or a cancellation (status 11). */
public record SalesOrderUpdate(String primaryOrderNumber, String contractExternalId, Integer orderStatus,
                               String jobDescription, String cancelReason, String cancelDescription) {
    public static final int CANCEL = 11;
}
