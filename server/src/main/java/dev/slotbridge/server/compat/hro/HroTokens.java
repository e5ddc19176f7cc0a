package dev.slotbridge.server.compat.hro;

import dev.slotbridge.server.config.SlotbridgeConfiguration;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The tokens of the HRO authentication call, as the original Scheduling API issues them: HS256, {@code iss}
 * {@value #ISSUER}, {@code aud} {@value #AUDIENCE}, {@code exp} one minute on, and {@code sub} naming the front end.
 * A token is accepted only with that algorithm, signature, issuer and audience, unexpired by the server's clock.
 */
@Singleton
final class HroTokens {
    static final String ISSUER = "Housing Management System Api";
    static final String AUDIENCE = "Housing Repairs Online";
    static final Duration LIFETIME = Duration.ofSeconds(60);

    private final byte[] secret;
    private final Clock clock;

    HroTokens(SlotbridgeConfiguration configuration, Clock clock) {
        this.secret = configuration.root().section("hro").text("jwt-secret").orElse("").getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    String issue(HroFrontEnd frontEnd) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(frontEnd.name())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME))).build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            token.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("the HRO token could not be signed", e);
        }
        return token.serialize();
    }

    /** The front end a valid token names. */
    Optional<String> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secret))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            boolean valid = ISSUER.equals(claims.getIssuer()) && List.of(AUDIENCE).equals(claims.getAudience())
                    && expiry != null && expiry.toInstant().isAfter(clock.instant()) && claims.getSubject() != null;
            return valid ? Optional.of(claims.getSubject()) : Optional.empty();
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
