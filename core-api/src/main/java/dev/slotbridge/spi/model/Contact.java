package dev.slotbridge.spi.model;

/**
 * Who to contact about the visit. Every field may be null. Phone numbers and e-mail addresses are personal data:
 * providers must never log them.
 */
public record Contact(String name, String phone, String email) {
}
