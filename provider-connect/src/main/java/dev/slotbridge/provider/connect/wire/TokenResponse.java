package dev.slotbridge.provider.connect.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code /token} answer; named in OAuth2's snake case, not Connect's. */
public record TokenResponse(@JsonProperty("access_token") String accessToken,
                            @JsonProperty("token_type") String tokenType,
                            @JsonProperty("expires_in") Long expiresIn) {
}
