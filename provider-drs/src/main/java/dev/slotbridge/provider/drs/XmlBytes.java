package dev.slotbridge.provider.drs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An XML document written straight into UTF-8 bytes, for envelopes whose shape is fixed: the markup is the caller's
 * (element names are ASCII constants), the text is escaped here. Text escapes {@code &}, {@code <} and {@code >}
 * (so {@code ]]>} cannot end anything), and a carriage return as {@code &#13;} (a parser would turn a raw one into a
 * line feed); a character XML 1.0 cannot carry at all (a control character other than tab, line feed and carriage
 * return, a lone surrogate, U+FFFE or U+FFFF) is written as U+FFFD, the replacement character, so every document is
 * well-formed whatever a tenant typed.
 */
final class XmlBytes {
    private static final char REPLACEMENT = '\uFFFD';
    private byte[] bytes;
    private int size;

    XmlBytes(int capacity) {
        bytes = new byte[capacity];
    }

    /** Markup as is: ASCII only (element names, namespace declarations). */
    XmlBytes markup(String ascii) {
        int length = ascii.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            bytes[size++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    /** Bytes as is: pre-encoded markup. */
    XmlBytes markup(byte[] encoded) {
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, size, encoded.length);
        size += encoded.length;
        return this;
    }

    XmlBytes start(String name) {
        ensure(name.length() + 2);
        bytes[size++] = '<';
        markup(name);
        bytes[size++] = '>';
        return this;
    }

    XmlBytes end(String name) {
        ensure(name.length() + 3);
        bytes[size++] = '<';
        bytes[size++] = '/';
        markup(name);
        bytes[size++] = '>';
        return this;
    }

    /** {@code <name>text</name>}, or nothing when the value is null. */
    XmlBytes element(String name, String value) {
        return value == null ? this : start(name).text(value).end(name);
    }

    /** Escaped text, encoded as UTF-8. */
    XmlBytes text(String value) {
        int length = value.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '&' && c != '<' && c != '>') {
                ensure(1);
                bytes[size++] = (byte) c;
            } else if (c == '&') {
                markup("&amp;");
            } else if (c == '<') {
                markup("&lt;");
            } else if (c == '>') {
                markup("&gt;");
            } else if (c == '\r') {
                markup("&#13;");
            } else if (c == '\t' || c == '\n') {
                ensure(1);
                bytes[size++] = (byte) c;
            } else if (c < 0x20 || c == '\uFFFE' || c == '\uFFFF') {
                utf8(REPLACEMENT);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                utf8(Character.toCodePoint(c, value.charAt(++i)));
            } else if (Character.isSurrogate(c)) {
                utf8(REPLACEMENT);
            } else {
                utf8(c);
            }
        }
        return this;
    }

    private void utf8(int codePoint) {
        ensure(4);
        if (codePoint < 0x800) {
            bytes[size++] = (byte) (0xC0 | codePoint >> 6);
        } else if (codePoint < 0x10000) {
            bytes[size++] = (byte) (0xE0 | codePoint >> 12);
            bytes[size++] = (byte) (0x80 | (codePoint >> 6 & 0x3F));
        } else {
            bytes[size++] = (byte) (0xF0 | codePoint >> 18);
            bytes[size++] = (byte) (0x80 | (codePoint >> 12 & 0x3F));
            bytes[size++] = (byte) (0x80 | (codePoint >> 6 & 0x3F));
        }
        bytes[size++] = (byte) (0x80 | (codePoint & 0x3F));
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }
}
