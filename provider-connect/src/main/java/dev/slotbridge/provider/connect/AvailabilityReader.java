package dev.slotbridge.provider.connect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.slotbridge.provider.connect.wire.AvailabilityDay;
import dev.slotbridge.provider.connect.wire.AvailabilityPlanningWindow;
import dev.slotbridge.provider.connect.wire.AvailabilityResponse;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.support.Digits;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an {@code availability} answer with Jackson's streaming parser, straight from its bytes: only
 * {@code AvailabilityPlanningWindows} (each window's {@code PlanningWindowId} and its {@code AvailabilityDays}'
 * {@code Date} and {@code AvailabilityStatus}) is kept, every other field skipped unread, without binding the
 * answer through reflection or building a tree. As the provider's mapper does, field names match in any casing, a
 * status may come as a number or a numeric string, and a null status is 0 (not available). A day's {@code Date} is
 * a UK date with or without a time part ({@link ConnectMapping#date}).
 */
final class AvailabilityReader {
    private static final String NOT_AN_ANSWER = "Connect answered with a body that is not a AvailabilityResponse";

    private AvailabilityReader() {
    }

    /**
     * @param charset the charset the answer's {@code Content-Type} names, or null (JSON is UTF-8; the parser also
     *                detects UTF-16 and UTF-32)
     */
    static AvailabilityResponse read(JsonFactory factory, byte[] answer, Charset charset) {
        try (JsonParser json = charset == null || charset.equals(StandardCharsets.UTF_8)
                ? factory.createParser(answer) : factory.createParser(new String(answer, charset))) {
            JsonToken first = json.nextToken();
            if (first == JsonToken.VALUE_NULL) {
                return null;
            }
            expect(first, JsonToken.START_OBJECT);
            List<AvailabilityPlanningWindow> windows = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equalsIgnoreCase("AvailabilityPlanningWindows") && value != JsonToken.VALUE_NULL) {
                    windows = windows(json, value);
                } else {
                    json.skipChildren();
                }
            }
            return new AvailabilityResponse(windows);
        } catch (IOException | IllegalArgumentException e) {
            throw new SchedulerResponseException(NOT_AN_ANSWER, e);
        }
    }

    private static List<AvailabilityPlanningWindow> windows(JsonParser json, JsonToken start) throws IOException {
        expect(start, JsonToken.START_ARRAY);
        List<AvailabilityPlanningWindow> windows = new ArrayList<>();
        for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
            expect(token, JsonToken.START_OBJECT);
            int id = 0;
            List<AvailabilityDay> days = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equalsIgnoreCase("PlanningWindowId")) {
                    id = number(json, value);
                } else if (field.equalsIgnoreCase("AvailabilityDays") && value != JsonToken.VALUE_NULL) {
                    days = days(json, value);
                } else {
                    json.skipChildren();
                }
            }
            windows.add(new AvailabilityPlanningWindow(id, days));
        }
        return windows;
    }

    private static List<AvailabilityDay> days(JsonParser json, JsonToken start) throws IOException {
        expect(start, JsonToken.START_ARRAY);
        List<AvailabilityDay> days = new ArrayList<>(7);
        for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
            expect(token, JsonToken.START_OBJECT);
            LocalDate date = null;
            int status = 0;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equalsIgnoreCase("Date")) {
                    date = value == JsonToken.VALUE_NULL ? null : date(json.getText());
                } else if (field.equalsIgnoreCase("AvailabilityStatus")) {
                    status = number(json, value);
                } else {
                    json.skipChildren();
                }
            }
            if (date == null) {
                throw new SchedulerResponseException("Connect sent an availability day without a date", null);
            }
            days.add(new AvailabilityDay(date, status));
        }
        return days;
    }

    /** {@code yyyy-MM-dd} and {@code yyyy-MM-ddT00:00:00} read by hand (the usual shapes); any other through the mapping's parser. */
    static LocalDate date(String text) {
        int length = text.length();
        if ((length == 10 || (length == 19 && text.charAt(10) == 'T' && text.endsWith("00:00:00") && text.charAt(13) == ':'))
                && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = Digits.decimal(text, 0, 4);
            int month = Digits.decimal(text, 5, 2);
            int day = Digits.decimal(text, 8, 2);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (DateTimeException e) {
                    // not a date: the mapping's parser says so
                }
            }
        }
        return ConnectMapping.date(text);
    }


    private static int number(JsonParser json, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_NUMBER_INT -> json.getIntValue();
            case VALUE_NULL -> 0;
            case VALUE_STRING -> Integer.parseInt(json.getText().strip());
            default -> throw new SchedulerResponseException(NOT_AN_ANSWER, null);
        };
    }

    private static void expect(JsonToken token, JsonToken expected) {
        if (token != expected) {
            throw new SchedulerResponseException(NOT_AN_ANSWER, null);
        }
    }
}
