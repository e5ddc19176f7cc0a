package dev.slotbridge.http.input;

import dev.slotbridge.engine.ref.RefCodec;

/**
 * The kinds of text the doors read, each with its length limit and whether it may hold tab and line breaks. A field
 * is read by its kind ({@link Violations#required(String, String, TextRule)}), so a value is held to one rule whether
 * it came through {@code /v1}, the HRO door or a scheduler's callback.
 */
public enum TextRule {
    /** Property and order references, job codes, priorities, cancel reasons, contact names. */
    REFERENCE(100, false),
    /** A date, time or date-time as text, before it is parsed. */
    DATE_TIME(40, false),
    /** A phone number. */
    PHONE(32, false),
    /** An e-mail address. */
    EMAIL(254, false),
    /** A repair's description. */
    DESCRIPTION(255, true),
    /** Access notes. */
    NOTES(1000, true),
    /** A signed slot or hold id, or an HRO front end's identifier. */
    TOKEN(RefCodec.MAX_TOKEN_LENGTH, false);

    private final int maxLength;
    private final boolean freeText;

    TextRule(int maxLength, boolean freeText) {
        this.maxLength = maxLength;
        this.freeText = freeText;
    }

    /** The most characters a value may have, after leading and trailing white space is stripped. */
    public int maxLength() {
        return maxLength;
    }

    /** Whether tab, CR and LF are allowed (descriptions and notes); never any other control character. */
    boolean freeText() {
        return freeText;
    }
}
