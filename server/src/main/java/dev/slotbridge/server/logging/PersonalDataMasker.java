package dev.slotbridge.server.logging;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks tenants' e-mail addresses and UK phone numbers in text bound for logs ({@code ann@example.org} becomes
 * {@code a***@example.org}, {@code 07700 900123} becomes {@code ***23}), and the value of anything written as
 * {@code password=}, {@code token:}, {@code api-key=}, {@code session-id=} and the like. A safety net: code should not
 * log them at all.
 */
public final class PersonalDataMasker {
    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");
    /** 0 or +44 then 9–10 more digits, spaces or dashes allowed between them. */
    private static final Pattern UK_PHONE = Pattern.compile("(?<![\\d+])(?:\\+44[\\s-]?|0)(?:\\d[\\s-]?){8,9}\\d(?!\\d)");

    private static final Pattern SECRET = Pattern.compile(
            "(?i)\\b(password|passwd|secret|(?:access[-_]?|refresh[-_]?)?token|api[-_]?key|session[-_]?id|sessionid)(\\s*[=:]\\s*)[^\\s,;&\"'<]+");

    private PersonalDataMasker() {
    }

    /** A cheap pre-check: the secret pattern can only match where one of its keywords appears. */
    private static boolean mayHoldSecret(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("pass") || lower.contains("secret") || lower.contains("token") || lower.contains("key")
                || lower.contains("session");
    }

    /** A phone number has at least nine digits, give or take separators; most log lines have no such run. */
    private static boolean hasNineDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits >= 9) {
                    return true;
                }
            } else if (c != ' ' && c != '-') {
                digits = 0;
            }
        }
        return false;
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = mayHoldSecret(text) ? SECRET.matcher(text).replaceAll("$1$2***") : text;
        if (masked.indexOf('@') >= 0) {
            masked = EMAIL.matcher(masked).replaceAll("$1***@$2");
        }
        if (!hasNineDigits(masked)) {
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
