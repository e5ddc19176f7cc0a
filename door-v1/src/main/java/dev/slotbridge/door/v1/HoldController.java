package dev.slotbridge.door.v1;

import dev.slotbridge.door.v1.body.HoldBody;
import dev.slotbridge.door.v1.body.HoldRequest;
import dev.slotbridge.door.v1.body.IsoTime;
import dev.slotbridge.door.v1.json.JsonBytes;
import dev.slotbridge.door.v1.mapping.ApiMapping;
import dev.slotbridge.door.v1.mapping.RequestReader;
import dev.slotbridge.engine.booking.HoldService;
import dev.slotbridge.engine.idempotency.StoredAnswer;
import dev.slotbridge.engine.ref.CouncilRefs;
import dev.slotbridge.engine.security.ApiClient;
import dev.slotbridge.engine.security.CouncilAccess;
import dev.slotbridge.http.input.JsonBodyReader;
import dev.slotbridge.spi.Capability;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.ZoneOffset;

/** Holds a slot for a job while the tenant finishes, and releases it; booking with the hold is a booking. */
@Controller("/v1/councils/{council}/holds")
@ExecuteOn(TaskExecutors.BLOCKING)
final class HoldController {
    private final CouncilAccess access;
    private final JsonBodyReader bodies;
    private final HoldService holds;
    private final CouncilRefs refs;
    private final ApiMapping mapping;

    HoldController(CouncilAccess access, JsonBodyReader bodies, HoldService holds, CouncilRefs refs, ApiMapping mapping) {
        this.access = access;
        this.bodies = bodies;
        this.holds = holds;
        this.refs = refs;
        this.mapping = mapping;
    }

    @Post
    HttpResponse<JsonBytes> hold(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client, String council,
                                 @Header("Idempotency-Key") @Nullable String idempotencyKey, @Body @Nullable byte[] body) {
        var target = access.authorize(client, council, Capability.HOLD);
        String key = RequestReader.idempotencyKey(idempotencyKey);
        RequestReader.HoldParts parts = RequestReader.hold(bodies.read(body, HoldRequest.class));
        CouncilRefs.SignedSlot slot = refs.signedSlot(target, parts.slotId(), "slotId");
        StoredAnswer answer = holds.hold(client, target, key, slot, parts.job(), (made, holdId, held, expiresAt) ->
                new StoredAnswer(HttpStatus.CREATED.getCode(), holdId,
                        "/v1/councils/" + made.id() + "/holds/" + holdId,
                        mapping.json(new HoldBody(holdId, mapping.slot(held),
                                IsoTime.format(expiresAt.atOffset(ZoneOffset.UTC))))));
        return JsonBytes.answer(HttpStatus.valueOf(answer.status()), answer.body())
                .header(HttpHeaders.LOCATION, answer.location());
    }

    @Delete("/{holdId}")
    HttpResponse<Void> release(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client, String council, String holdId) {
        holds.release(client, access.authorize(client, council, Capability.HOLD), holdId);
        return HttpResponse.noContent();
    }
}
