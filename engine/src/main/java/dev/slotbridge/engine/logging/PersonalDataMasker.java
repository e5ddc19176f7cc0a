package dev.slotbridge.engine.logging;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A safety net for text bound for logs (code should not log personal data or secrets at all). It masks:
 * <ul>
 *   <li>the value of any personal-data field written as {@code key=value}, {@code key: value} or {@code "key":"value"}
 *       — contact name, phone, e-mail, description, access notes — whatever the value looks like;</li>
 *   <li>the value of a secret field ({@code password=}, {@code token:}, {@code api-key=}, {@code session-id=} …);</li>
 *   <li>e-mail addresses anywhere ({@code ann@example.org} becomes {@code a***@example.org});</li>
 *   <li>UK phone numbers standing as words of their own in free text ({@code 07700 900123} becomes {@code ***23}).</li>
 * </ul>
 * Digit runs inside other tokens — request ids, UUIDs, refs, order numbers, URLs, timestamps — are left alone.
 */
public final class PersonalDataMasker {
    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");
    /**
     * 0 or +44 then 9–10 more digits, single spaces or dashes allowed between them; only as a word of its own: not
     * after a letter, digit, {@code =}, {@code /}, {@code .}, {@code :}, {@code _} or {@code -}, nor before a letter,
     * digit, {@code _} or {@code -}.
     */
    private static final Pattern UK_PHONE =
            Pattern.compile("(?<![\\w+=/.:-])(?:\\+44[ -]?|0)(?:\\d[ -]?){8,9}\\d(?![\\w-])");
    /** The names of secret fields. */
    private static final String SECRET_NAMES =
            "password|passwd|secret|(?:access[-_]?|refresh[-_]?)?token|api[-_]?key|session[-_]?id|sessionid";
    /** The names of personal-data fields. */
    private static final String PERSONAL_NAMES =
            "contact[-_]?name|name|phone|mobile|telephone|e-?mail|description|access[-_]?notes|notes";
    private static final Pattern SECRET = Pattern.compile(
            "(?i)\\b(" + SECRET_NAMES + ")(\\s*[=:]\\s*)[^\\s,;&\"'<]+");
    /** A personal-data field and its value: quoted (to the closing quote) or bare (to the next separator). */
    private static final Pattern PERSONAL_FIELD = Pattern.compile(
            "(?i)(\"?\\b(?:" + PERSONAL_NAMES + ")\"?\\s*[=:]\\s*)"
            + "(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s,;&]+)");
    /** A field name that is a personal-data or secret field's, whole: its value is masked whatever it is. */
    private static final Pattern MASKED_NAME = Pattern.compile("(?i)(?:" + PERSONAL_NAMES + "|" + SECRET_NAMES + ")");

    private PersonalDataMasker() {
    }

    /** A cheap pre-check: the secret pattern can only match where one of its keywords appears. */
    private static boolean mayHoldSecret(String lower) {
        return lower.contains("pass") || lower.contains("secret") || lower.contains("token") || lower.contains("key")
                || lower.contains("session");
    }

    /** A cheap pre-check for the personal-data fields. */
    private static boolean mayHoldPersonalField(String lower) {
        return lower.contains("name") || lower.contains("phone") || lower.contains("mail") || lower.contains("notes")
                || lower.contains("description") || lower.contains("mobile");
    }

    /**
     * A cheap pre-check for {@link #UK_PHONE}: a {@code 0} or {@code +} starting a word, then at least nine more digits
     * (spaces and dashes between them allowed). Digit runs inside UUIDs, refs and {@code key=value} pairs fail it.
     */
    private static boolean mayHoldPhone(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '0' || c == '+') && (i == 0 || !continuesWord(text.charAt(i - 1))) && digitsFrom(text, i + 1) >= 9) {
                return true;
            }
        }
        return false;
    }

    /** The characters {@link #UK_PHONE} must not follow: ASCII word characters and {@code + = / . : -}. */
    private static boolean continuesWord(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "_+=/.:-".indexOf(c) >= 0;
    }

    private static int digitsFrom(String text, int from) {
        int digits = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c != ' ' && c != '-') {
                break;
            }
        }
        return digits;
    }

    /**
     * Whether a structured field of this name holds personal data or a secret (its value is masked whole, as the
     * {@code key=value} rule does in text): {@code contactName}, {@code phone}, {@code email}, {@code description},
     * {@code accessNotes}, {@code password}, {@code token} …
     */
    public static boolean isMaskedField(String name) {
        return name != null && MASKED_NAME.matcher(name).matches();
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String masked = mayHoldSecret(lower) ? SECRET.matcher(text).replaceAll("$1$2***") : text;
        if (mayHoldPersonalField(lower)) {
            masked = PERSONAL_FIELD.matcher(masked).replaceAll("$1***");
        }
        if (masked.indexOf('@') >= 0) {
            masked = EMAIL.matcher(masked).replaceAll("$1***@$2");
        }
        if (!mayHoldPhone(masked)) {
            return masked;
        }
        Matcher phone = UK_PHONE.matcher(masked);
        StringBuilder out = new StringBuilder();
        while (phone.find()) {
            String digits = phone.group().replaceAll("\\D", "");
            phone.appendReplacement(out, "***" + digits.substring(digits.length() - 2));
        }
        phone.appendTail(out);
        return out.toString();
    }
}
