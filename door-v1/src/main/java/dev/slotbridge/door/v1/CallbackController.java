package dev.slotbridge.door.v1;

import dev.slotbridge.engine.council.Council;
import dev.slotbridge.engine.council.CouncilRegistry;
import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;
import dev.slotbridge.engine.events.CallbackSecrets;
import dev.slotbridge.engine.events.SchedulerChanges;
import dev.slotbridge.engine.metrics.WebhookMetrics;
import dev.slotbridge.http.input.JsonBodyReader;
import dev.slotbridge.http.input.TextRule;
import dev.slotbridge.http.input.Violations;
import dev.slotbridge.http.security.AuthorizationHeader;
import dev.slotbridge.http.security.FailedAuthentications;
import dev.slotbridge.spi.SchedulerCallbacks.CallbackReply;
import dev.slotbridge.spi.SchedulerCallbacks;
import dev.slotbridge.spi.model.SchedulerNotice;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Callbacks from schedulers about changes made inside them: {@code POST /callbacks/{council}/{provider}} ({@code drs}:
 * DRS's SOAP {@code bookingConfirmation}; {@code connect}: the JSON callback configured in Connect). Authenticated by
 * the council's callback secret, sent as the HTTP Basic password (any user name) or as {@code ?token=} in the URL
 * configured in the scheduler, and read as strictly as a request to {@code /v1} ({@link #read}). Answered in the
 * scheduler's own protocol: acknowledged (200) — also for an order Slotbridge does not know, so the scheduler never
 * loops on it — or refused, 400 malformed, 401 unauthenticated (429 past the limit of failures of the address or the
 * secret sent, {@link FailedAuthentications}). A council that takes no callbacks, or another provider's path, is 404.
 */
@Controller("/callbacks/{council}/{provider}")
@ExecuteOn(TaskExecutors.BLOCKING)
final class CallbackController {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackController.class);

    private final CouncilRegistry councils;
    private final CallbackSecrets secrets;
    private final SchedulerChanges changes;
    private final WebhookMetrics metrics;
    private final JsonBodyReader bodies;
    private final FailedAuthentications failures;

    CallbackController(CouncilRegistry councils, CallbackSecrets secrets, SchedulerChanges changes, WebhookMetrics metrics,
                       JsonBodyReader bodies, FailedAuthentications failures) {
        this.councils = councils;
        this.secrets = secrets;
        this.changes = changes;
        this.metrics = metrics;
        this.bodies = bodies;
        this.failures = failures;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.ALL)
    HttpResponse<String> receive(HttpRequest<?> request, String council, String provider,
                                 @Header(HttpHeaders.CONTENT_TYPE) @Nullable String contentType,
                                 @QueryValue @Nullable String token, @Body @Nullable byte[] body) {
        Council target = councils.find(council).filter(found -> found.providerName().equals(provider))
                .filter(found -> secrets.takesCallbacks(found.id()))
                .orElseThrow(() -> new ProblemException(ProblemType.COUNCIL_NOT_FOUND,
                        "This council takes no callbacks at this path"));
        SchedulerCallbacks callbacks = target.provider().callbacks().orElseThrow();
        String authorization;
        try {
            authorization = AuthorizationHeader.of(request);
        } catch (ProblemException e) {
            metrics.callback(target.id(), "malformed");
            return reply(callbacks.refused(400, e.getMessage()));
        }
        String presented = token != null ? token : basicPassword(authorization);
        if (!secrets.matches(target.id(), presented)) {
            metrics.callback(target.id(), "unauthorized");
            return failures.failed(request, presented)
                    .map(wait -> reply(callbacks.refused(429, "Too many failed callback authentications; wait before "
                            + "trying again")).header(HttpHeaders.RETRY_AFTER, Long.toString(FailedAuthentications.retryAfterSeconds(wait))))
                    .orElseGet(() -> reply(callbacks.refused(401, "The callback secret is missing or wrong"))
                            .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"slotbridge-callbacks\""));
        }
        SchedulerNotice notice;
        try {
            notice = read(callbacks, contentType, body == null ? new byte[0] : body);
        } catch (SchedulerCallbacks.InvalidCallbackException e) {
            metrics.callback(target.id(), "malformed");
            LOG.warn("Council '{}': a malformed {} callback was refused: {}", target.id(), provider, e.getMessage());
            return reply(callbacks.refused(400, e.getMessage()));
        }
        SchedulerChanges.Outcome outcome = changes.apply(target, notice);
        metrics.callback(target.id(), outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        switch (outcome) {
            case UNKNOWN_ORDER -> LOG.info("Council '{}': a {} callback names a booking this scheduler does not show; "
                    + "acknowledged", target.id(), provider);
            case UNCONFIRMED -> LOG.info("Council '{}': the scheduler does not show what a {} callback says (replayed, "
                    + "out of order or forged); acknowledged, no event", target.id(), provider);
            case APPLIED, ECHO -> {
            }
        }
        return reply(callbacks.acknowledged());
    }

    /**
     * The callback's notice, read as strictly as any request: a JSON body first by the strict reader, then the notice's
     * text by the rules of the {@code /v1} fields it stands for, and its window within the dates every door takes.
     */
    private SchedulerNotice read(SchedulerCallbacks callbacks, String contentType, byte[] body) {
        try {
            if (isJson(contentType, body)) {
                bodies.parse(body);
            }
            SchedulerNotice notice = callbacks.read(contentType, body);
            Violations violations = new Violations();
            violations.required("orderNumber", notice.orderNumber(), TextRule.REFERENCE);
            notice.propertyRef().ifPresent(property -> violations.optional("propertyRef", property, TextRule.REFERENCE));
            notice.identity().forEach((name, value) -> violations.required("identity." + name, value, TextRule.REFERENCE));
            notice.window().ifPresent(window -> {
                violations.supported("window.start", window.start().toInstant());
                violations.supported("window.end", window.end().toInstant());
            });
            violations.throwIfAny();
            return notice;
        } catch (ProblemException e) {
            throw new SchedulerCallbacks.InvalidCallbackException(e.getMessage());
        }
    }

    /** A body declared as JSON, or one that begins as JSON does (whatever it is declared as). */
    private static boolean isJson(String contentType, byte[] body) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return true;
        }
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    private static MutableHttpResponse<String> reply(CallbackReply reply) {
        return HttpResponse.<String>status(HttpStatus.valueOf(reply.status())).body(reply.body())
                .contentType(MediaType.of(reply.contentType()));
    }

    /** The password of {@code Authorization: Basic base64(user:password)}, or null. */
    private static String basicPassword(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
