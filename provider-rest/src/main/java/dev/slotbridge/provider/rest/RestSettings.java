package dev.slotbridge.provider.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.slotbridge.spi.ProviderSettings;
import dev.slotbridge.spi.SettingDescriptor;
import dev.slotbridge.spi.error.InvalidSettingsException;
import dev.slotbridge.spi.model.BookingStatus;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.slotbridge.spi.SettingDescriptor.optional;
import static dev.slotbridge.spi.SettingDescriptor.required;

/**
 * A {@code rest} council's settings, read and checked at start-up: every nested key known, every operation with what
 * its capability needs, every expression and template compiled. A problem names the council and the key's path
 * ({@code operations.book.path}), never a value.
 */
record RestSettings(String schedulerName, URI baseUrl, String secret, Auth auth, Map<String, String> headers,
                    TimeFormat times, SlotReader slots, BookingReader bookings, List<ErrorRule> errors,
                    Map<Operation.Kind, Operation> operations) {

    static final SettingDescriptor SCHEDULER_NAME = optional("scheduler-name", "REST scheduler",
            "names the scheduler in log lines and error messages");
    static final SettingDescriptor BASE_URL = required("base-url",
            "the API's root URL; operations' paths are appended to it");
    static final SettingDescriptor SECRET = optional("secret", null,
            "the credential `auth` sends: API key, password, bearer token or client secret (use `${ENV}`)").asSecret();
    static final SettingDescriptor AUTH = optional("auth", null,
            "how the secret is sent: `type` none, api-key (`header`), basic (`username`), bearer, oauth2-client-credentials (`token-url`, `client-id`, `scope`)");
    static final SettingDescriptor HEADERS = optional("headers", null,
            "headers sent with every request, e.g. a required API version or tenant");
    static final SettingDescriptor TIMES = optional("times", null,
            "how times are written in requests: `format` (a date-time pattern; ISO 8601 with offset by default) and `zone` (the council's by default)");
    static final SettingDescriptor SLOT = optional("slot", null,
            "how one slot of a search answer is read: `start`, `end` or `duration`, `label`, `preferred`, `key`");
    static final SettingDescriptor BOOKING = optional("booking", null,
            "how one booking of an answer is read: `id`, `status` and `statuses`, window, job, contact, `successor`, `refs`");
    static final SettingDescriptor ERRORS = optional("errors", null,
            "rules mapping an answer's status (and a body expression) to what it means");
    static final SettingDescriptor OPERATIONS = required("operations",
            "the scheduler's operations: `search` (required), `book`, `view`, `list`, `reschedule`, `cancel`, `find-by-reference`, `probe`");
    static final List<SettingDescriptor> DESCRIPTORS = List.of(SCHEDULER_NAME, BASE_URL, SECRET, AUTH, HEADERS, TIMES,
            SLOT, BOOKING, ERRORS, OPERATIONS);

    private static final ObjectMapper YAML_AS_JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();
    private static final Pattern KEY_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "authorization", "content-type");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** Hides the secret. */
    @Override
    public String toString() {
        return "RestSettings[schedulerName=" + schedulerName + ", baseUrl=" + baseUrl + ", auth=" + auth.type().key()
                + ", operations=" + operations.keySet() + "]";
    }

    static RestSettings from(ProviderSettings settings, ZoneId councilZone) {
        return new Reader(settings, councilZone).read();
    }

    /** Reads one council's settings; each problem names the key's path. */
    private static final class Reader {
        private final ProviderSettings settings;
        private final ZoneId councilZone;

        Reader(ProviderSettings settings, ZoneId councilZone) {
            this.settings = settings;
            this.councilZone = councilZone;
        }

        RestSettings read() {
            String name = settings.string(SCHEDULER_NAME);
            URI baseUrl = settings.httpUrl(BASE_URL);
            String secret = settings.optional(SECRET).orElse(null);
            Auth auth = auth(section(AUTH, Specs.Auth.class), secret != null);
            Map<String, String> headers = headers(HEADERS.key(), section(HEADERS, MapOfText.class));
            TimeFormat times = times(section(TIMES, Specs.Times.class));
            Specs.Operations given = section(OPERATIONS, Specs.Operations.class);
            if (given == null) {
                throw settings.invalid(OPERATIONS, "is required");
            }
            Specs.Slot slotSpec = section(SLOT, Specs.Slot.class);
            SlotReader slots = slotSpec == null ? null : slots(slotSpec);
            Specs.Booking bookingSpec = section(BOOKING, Specs.Booking.class);
            BookingReader bookings = bookingSpec == null ? null : bookings(bookingSpec);
            List<ErrorRule> errors = errors(section(ERRORS, ErrorList.class));
            Map<Operation.Kind, Operation> operations = operations(given, slots, bookings);
            return new RestSettings(name, URI.create(baseUrl.toString().replaceAll("/+$", "")), secret, auth, headers,
                    times, slots, bookings, errors, operations);
        }

        private Auth auth(Specs.Auth spec, boolean secretGiven) {
            if (spec == null) {
                if (secretGiven) {
                    throw invalid("secret", "is given, but auth is none: say how to send it in auth");
                }
                return Auth.NONE;
            }
            Auth.Type type = parse("auth.type", spec.type() == null ? "none" : spec.type(), Auth.Type::of);
            only("auth.header", spec.header(), type == Auth.Type.API_KEY);
            only("auth.username", spec.username(), type == Auth.Type.BASIC);
            only("auth.token-url", spec.tokenUrl(), type == Auth.Type.OAUTH2_CLIENT_CREDENTIALS);
            only("auth.client-id", spec.clientId(), type == Auth.Type.OAUTH2_CLIENT_CREDENTIALS);
            only("auth.scope", spec.scope(), type == Auth.Type.OAUTH2_CLIENT_CREDENTIALS);
            if (type == Auth.Type.NONE && secretGiven) {
                throw invalid("secret", "is given, but auth type is none");
            }
            if (type != Auth.Type.NONE && !secretGiven) {
                throw invalid("secret", "is required by auth type " + type.key());
            }
            if (type == Auth.Type.API_KEY) {
                header("auth.header", need("auth.header", spec.header()));
            }
            URI tokenUrl = null;
            if (type == Auth.Type.OAUTH2_CLIENT_CREDENTIALS) {
                tokenUrl = httpUrl("auth.token-url", need("auth.token-url", spec.tokenUrl()));
                need("auth.client-id", spec.clientId());
            }
            if (type == Auth.Type.BASIC) {
                need("auth.username", spec.username());
            }
            return new Auth(type, spec.header(), spec.username(), tokenUrl, spec.clientId(), spec.scope());
        }

        private Map<String, String> headers(String key, Map<String, String> given) {
            if (given == null) {
                return Map.of();
            }
            given.forEach((header, value) -> {
                header(key + "." + header, header);
                if (value == null || value.contains("\n") || value.contains("\r")) {
                    throw invalid(key + "." + header, "must be one line of text");
                }
            });
            return Map.copyOf(given);
        }

        private void header(String key, String header) {
            if (!HEADER_NAME.matcher(header).matches()) {
                throw invalid(key, "is not a valid header name");
            }
            if (RESTRICTED_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
                throw invalid(key, "is set by Slotbridge itself (auth, bodies and connections)");
            }
        }

        private TimeFormat times(Specs.Times spec) {
            if (spec == null) {
                return TimeFormat.iso(councilZone);
            }
            ZoneId zone = spec.zone() == null ? councilZone : parse("times.zone", spec.zone(), ZoneId::of);
            DateTimeFormatter format = spec.format() == null ? DateTimeFormatter.ISO_OFFSET_DATE_TIME
                    : parse("times.format", spec.format(), DateTimeFormatter::ofPattern);
            return new TimeFormat(format, zone);
        }

        private SlotReader slots(Specs.Slot spec) {
            Map<String, Expression> key = new LinkedHashMap<>();
            if (spec.key() != null) {
                spec.key().forEach((name, expression) -> {
                    if (!KEY_NAME.matcher(name).matches() || Set.of("start", "end", "label", "date").contains(name)) {
                        throw invalid("slot.key." + name, "must be a camelCase name other than start, end, label and date");
                    }
                    key.put(name, expression("slot.key." + name, expression));
                });
            }
            return new SlotReader(expression("slot.start", need("slot.start", spec.start())),
                    optionalExpression("slot.end", spec.end()), endOrDuration("slot", spec.end(), spec.duration(), true),
                    optionalExpression("slot.label", spec.label()), optionalExpression("slot.preferred", spec.preferred()),
                    key);
        }

        /** The duration when given; exactly one of end and duration when {@code oneRequired}, at most one otherwise. */
        private Duration endOrDuration(String section, String end, String duration, boolean oneRequired) {
            if (end != null && duration != null) {
                throw invalid(section + ".duration", "cannot be given with " + section + ".end");
            }
            if (oneRequired && end == null && duration == null) {
                throw invalid(section + ".end", "is required (or " + section + ".duration, for slots that carry only a start)");
            }
            if (duration == null) {
                return null;
            }
            Duration parsed = parse(section + ".duration", duration, Duration::parse);
            if (parsed.isNegative() || parsed.isZero()) {
                throw invalid(section + ".duration", "must be positive");
            }
            return parsed;
        }

        private BookingReader bookings(Specs.Booking spec) {
            Map<String, BookingStatus> statuses = new LinkedHashMap<>();
            if (spec.statuses() != null) {
                only("booking.statuses", spec.statuses(), spec.status() != null);
                spec.statuses().forEach((text, status) -> statuses.put(text.toLowerCase(Locale.ROOT),
                        parse("booking.statuses." + text, status, value -> BookingStatus.valueOf(value.toUpperCase(Locale.ROOT)))));
            }
            Map<String, Expression> refs = new LinkedHashMap<>();
            if (spec.refs() != null) {
                spec.refs().forEach((name, expression) -> refs.put(name, expression("booking.refs." + name, expression)));
            }
            return new BookingReader(expression("booking.id", need("booking.id", spec.id())),
                    optionalExpression("booking.status", spec.status()), statuses,
                    optionalExpression("booking.start", spec.start()), optionalExpression("booking.end", spec.end()),
                    endOrDuration("booking", spec.end(), spec.duration(), false),
                    optionalExpression("booking.label", spec.label()),
                    optionalExpression("booking.property-ref", spec.propertyRef()),
                    optionalExpression("booking.external-ref", spec.externalRef()),
                    optionalExpression("booking.description", spec.description()),
                    optionalExpression("booking.job-codes", spec.jobCodes()),
                    optionalExpression("booking.contact-name", spec.contactName()),
                    optionalExpression("booking.contact-phone", spec.contactPhone()),
                    optionalExpression("booking.contact-email", spec.contactEmail()),
                    optionalExpression("booking.notes", spec.notes()),
                    optionalExpression("booking.successor", spec.successor()), refs);
        }

        private List<ErrorRule> errors(List<Specs.Error> given) {
            List<ErrorRule> rules = new ArrayList<>();
            if (given == null) {
                return rules;
            }
            for (int i = 0; i < given.size(); i++) {
                Specs.Error spec = given.get(i);
                String at = "errors[" + i + "]";
                List<Integer> statuses = need(at + ".status", spec.status());
                for (Integer status : statuses) {
                    if (status == null || status < 200 || status > 499) {
                        throw invalid(at + ".status", "must be HTTP statuses from 200 to 499 (5xx is always a failure)");
                    }
                }
                if (spec.equals() != null && spec.when() == null) {
                    throw invalid(at + ".equals", "needs " + at + ".when, the expression whose value it is");
                }
                ErrorRule.Kind kind = parse(at + ".kind", need(at + ".kind", spec.kind()),
                        text -> ErrorRule.Kind.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_')));
                Set<Operation.Kind> operations = EnumSet.noneOf(Operation.Kind.class);
                if (spec.operations() != null) {
                    for (String name : spec.operations()) {
                        operations.add(parse(at + ".operations", name, Reader::kind));
                    }
                }
                rules.add(new ErrorRule(operations, Set.copyOf(statuses), optionalExpression(at + ".when", spec.when()),
                        spec.equals(), kind, optionalExpression(at + ".message", spec.message())));
            }
            return List.copyOf(rules);
        }

        private Map<Operation.Kind, Operation> operations(Specs.Operations given, SlotReader slots, BookingReader bookings) {
            Map<Operation.Kind, Specs.Operation> specs = new EnumMap<>(Operation.Kind.class);
            put(specs, Operation.Kind.SEARCH, given.search());
            put(specs, Operation.Kind.BOOK, given.book());
            put(specs, Operation.Kind.VIEW, given.view());
            put(specs, Operation.Kind.LIST, given.list());
            put(specs, Operation.Kind.RESCHEDULE, given.reschedule());
            put(specs, Operation.Kind.CANCEL, given.cancel());
            put(specs, Operation.Kind.FIND_BY_REFERENCE, given.findByReference());
            put(specs, Operation.Kind.PROBE, given.probe());
            if (!specs.containsKey(Operation.Kind.SEARCH)) {
                throw invalid("operations.search", "is required: every scheduler offers a search");
            }
            boolean windows = specs.get(Operation.Kind.SEARCH).windows() != null;
            if (!windows && slots == null) {
                throw invalid("slot", "is required to read the search's slots");
            }
            if (windows && slots != null) {
                throw invalid("slot", "is not used by a search with windows, whose slots are the windows");
            }
            Set<String> slotKeys = slots == null ? Set.of(SlotReader.LABEL) : slots.keyNames();
            Map<Operation.Kind, Operation> operations = new EnumMap<>(Operation.Kind.class);
            specs.forEach((kind, spec) -> operations.put(kind, operation(kind, spec, slotKeys)));
            for (Operation.Kind kind : operations.keySet()) {
                String at = "operations." + kind.key();
                if (kind != Operation.Kind.SEARCH && kind != Operation.Kind.PROBE && bookings == null) {
                    throw invalid("booking", "is required to read the bookings of " + at);
                }
                if ((kind == Operation.Kind.VIEW || kind == Operation.Kind.LIST || kind == Operation.Kind.FIND_BY_REFERENCE)
                        && !bookings.readsWholeBookings()) {
                    throw invalid("booking", "must read start, end (or duration), property-ref, external-ref and job-codes "
                            + "for " + at + ", whose bookings are read from the answer alone");
                }
                if ((kind == Operation.Kind.CANCEL || kind == Operation.Kind.RESCHEDULE)
                        && !operations.containsKey(Operation.Kind.VIEW)) {
                    throw invalid(at, "needs operations.view, to check the booking's state first");
                }
            }
            if (windows && (bookings == null || !bookings.readsWholeBookings())) {
                throw invalid("booking", "must read bookings whole (start, end or duration, property-ref, external-ref, "
                        + "job-codes): a search with windows finds the taken ones among them");
            }
            return operations;
        }

        private static Operation.Kind kind(String key) {
            return Arrays.stream(Operation.Kind.values()).filter(kind -> kind.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("must name operations: search, book, view, list, "
                            + "reschedule, cancel, find-by-reference, probe"));
        }

        private static void put(Map<Operation.Kind, Specs.Operation> specs, Operation.Kind kind, Specs.Operation spec) {
            if (spec != null) {
                specs.put(kind, spec);
            }
        }

        private Operation operation(Operation.Kind kind, Specs.Operation spec, Set<String> slotKeys) {
            String at = "operations." + kind.key();
            Set<String> known = Variables.known(kind, slotKeys);
            String method = spec.method() == null ? "GET" : spec.method().toUpperCase(Locale.ROOT);
            if (!METHODS.contains(method)) {
                throw invalid(at + ".method", "must be one of " + new TreeSet<>(METHODS));
            }
            String path = need(at + ".path", spec.path());
            if (!path.startsWith("/") || path.contains("?") || path.contains("#")) {
                throw invalid(at + ".path", "must start with / and carry no query (give it as query)");
            }
            TextTemplate pathTemplate = template(at + ".path", path, known);
            Map<String, TextTemplate> query = new LinkedHashMap<>();
            if (spec.query() != null) {
                spec.query().forEach((name, value) -> query.put(name, template(at + ".query." + name,
                        need(at + ".query." + name, value), known)));
            }
            Map<String, String> headers = headers(at + ".headers", spec.headers());
            BodyTemplate body = null;
            if (spec.body() != null && !spec.body().isNull()) {
                if (method.equals("GET") || method.equals("DELETE")) {
                    throw invalid(at + ".body", "cannot be sent with " + method);
                }
                try {
                    body = BodyTemplate.compile(spec.body(), known);
                } catch (IllegalArgumentException e) {
                    throw invalid(at + ".body", e.getMessage());
                }
            }
            Expression result = spec.result() == null ? Expression.compile("$") : expression(at + ".result", spec.result());
            boolean lists = kind == Operation.Kind.LIST || kind == Operation.Kind.FIND_BY_REFERENCE
                    || (kind == Operation.Kind.SEARCH && spec.windows() != null);
            only(at + ".pagination", spec.pagination(), lists || kind == Operation.Kind.SEARCH);
            only(at + ".windows", spec.windows(), kind == Operation.Kind.SEARCH);
            Operation.Pagination pagination = spec.pagination() == null ? null : pagination(at + ".pagination", spec.pagination());
            Operation.Windows windows = spec.windows() == null ? null : windows(at + ".windows", spec.windows());
            return new Operation(kind, method, pathTemplate, query, headers, body, result, pagination, windows);
        }

        private Operation.Pagination pagination(String at, Specs.Pagination spec) {
            Operation.Pagination.Type type = parse(at + ".type", need(at + ".type", spec.type()),
                    text -> Operation.Pagination.Type.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_')));
            int size = spec.pageSize() == null ? 100 : spec.pageSize();
            if (size < 1 || size > 1000) {
                throw invalid(at + ".page-size", "must be between 1 and 1000");
            }
            boolean linked = type == Operation.Pagination.Type.NEXT_LINK;
            only(at + ".first-page", spec.firstPage(), type == Operation.Pagination.Type.PAGE);
            only(at + ".page-param", spec.pageParam(), !linked);
            only(at + ".next", spec.next(), linked);
            only(at + ".has-more", spec.hasMore(), !linked);
            only(at + ".total", spec.total(), !linked);
            return new Operation.Pagination(type, linked ? null : need(at + ".page-param", spec.pageParam()),
                    linked ? spec.sizeParam() : need(at + ".size-param", spec.sizeParam()), size,
                    spec.firstPage() == null ? 1 : spec.firstPage(),
                    optionalExpression(at + ".has-more", spec.hasMore()), optionalExpression(at + ".total", spec.total()),
                    linked ? expression(at + ".next", need(at + ".next", spec.next())) : null);
        }

        private Operation.Windows windows(String at, Specs.Windows spec) {
            List<Operation.Window> times = new ArrayList<>();
            List<Specs.Window> given = need(at + ".times", spec.times());
            for (int i = 0; i < given.size(); i++) {
                Specs.Window window = given.get(i);
                String here = at + ".times[" + i + "]";
                LocalTime start = parse(here + ".start", need(here + ".start", window.start()), LocalTime::parse);
                LocalTime end = parse(here + ".end", need(here + ".end", window.end()), LocalTime::parse);
                if (!end.isAfter(start)) {
                    throw invalid(here + ".end", "must be after start");
                }
                times.add(new Operation.Window(need(here + ".label", window.label()), start, end));
            }
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String day : spec.days() == null ? List.of("MON", "TUE", "WED", "THU", "FRI") : spec.days()) {
                days.add(parse(at + ".days", day, text -> Arrays.stream(DayOfWeek.values())
                        .filter(value -> value.name().startsWith(text.toUpperCase(Locale.ROOT)) && text.length() == 3)
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("not a day"))));
            }
            int daysAhead = spec.daysAhead() == null ? 30 : spec.daysAhead();
            if (daysAhead < 1 || daysAhead > 366) {
                throw invalid(at + ".days-ahead", "must be between 1 and 366");
            }
            return new Operation.Windows(times, days, daysAhead);
        }

        private TextTemplate template(String key, String text, Set<String> known) {
            try {
                return TextTemplate.compile(text, known);
            } catch (IllegalArgumentException e) {
                throw invalid(key, e.getMessage());
            }
        }

        private Expression expression(String key, String text) {
            try {
                return Expression.compile(text);
            } catch (IllegalArgumentException e) {
                throw invalid(key, e.getMessage());
            }
        }

        private Expression optionalExpression(String key, String text) {
            return text == null ? null : expression(key, text);
        }

        private URI httpUrl(String key, String text) {
            try {
                URI uri = new URI(text);
                if (uri.getHost() == null || !uri.getScheme().matches("(?i)https?")) {
                    throw invalid(key, "must be an absolute http or https URL");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw invalid(key, "must be an absolute http or https URL");
            }
        }

        private <T> T parse(String key, String text, Function<String, T> parser) {
            try {
                return parser.apply(text);
            } catch (IllegalArgumentException | DateTimeException e) {
                throw invalid(key, e instanceof DateTimeParseException || e.getMessage() == null
                        ? "cannot be read" : "cannot be read: " + e.getMessage());
            }
        }

        private <T> T need(String key, T value) {
            if (value == null || (value instanceof String text && text.isBlank())
                    || (value instanceof List<?> list && list.isEmpty())) {
                throw invalid(key, "is required");
            }
            return value;
        }

        private void only(String key, Object value, boolean allowed) {
            if (value != null && !allowed) {
                throw invalid(key, "does not belong here");
            }
        }

        /** The section's value, read strictly; null when the setting is not given. */
        private <T> T section(SettingDescriptor setting, Class<T> type) {
            String text = settings.optional(setting).orElse(null);
            if (text == null) {
                return null;
            }
            try {
                return YAML_AS_JSON.readValue(text, type);
            } catch (UnrecognizedPropertyException e) {
                throw invalid(path(setting, e), "is not a known key; known: " + new TreeSet<>(
                        e.getKnownPropertyIds().stream().map(String::valueOf).collect(Collectors.toSet())));
            } catch (JsonMappingException e) {
                throw invalid(path(setting, e), "has the wrong shape (a section, list or text is expected)");
            } catch (JsonProcessingException e) {
                throw settings.invalid(setting, "must be a section");
            }
        }

        private static String path(SettingDescriptor setting, JsonMappingException e) {
            StringBuilder path = new StringBuilder(setting.key());
            for (JsonMappingException.Reference reference : e.getPath()) {
                if (reference.getFieldName() != null) {
                    path.append('.').append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            return path.toString();
        }

        private InvalidSettingsException invalid(String key, String problem) {
            return new InvalidSettingsException(settings.councilId(), key, problem);
        }
    }

    /** A section of names and texts ({@code headers}). */
    static final class MapOfText extends LinkedHashMap<String, String> {
    }

    /** The {@code errors} list. */
    static final class ErrorList extends ArrayList<Specs.Error> {
    }
}
