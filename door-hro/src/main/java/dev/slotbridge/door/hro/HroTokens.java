package dev.slotbridge.door.hro;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.slotbridge.config.SlotbridgeConfiguration;
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
 * {@value #ISSUER}, {@code aud} {@value #AUDIENCE}, {@code iat} now, {@code exp} one minute on, and {@code sub} naming
 * the front end. A token is accepted only with that algorithm, signature, issuer and audience, unexpired by the
 * server's clock, issued (and valid from its {@code nbf}) no later than {@link #LEEWAY} from now, and living no longer
 * than {@link #LIFETIME}: a token made with a leaked secret cannot be made to last.
 */
@Singleton
final class HroTokens {
    static final String ISSUER = "Housing Management System Api";
    static final String AUDIENCE = "Housing Repairs Online";
    static final Duration LIFETIME = Duration.ofSeconds(60);
    /** How far ahead of the server's clock a token's {@code iat} and {@code nbf} may be (the front end's clock may be). */
    static final Duration LEEWAY = Duration.ofSeconds(30);

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
            boolean valid = ISSUER.equals(claims.getIssuer()) && List.of(AUDIENCE).equals(claims.getAudience())
                    && claims.getSubject() != null && isCurrent(claims);
            return valid ? Optional.of(claims.getSubject()) : Optional.empty();
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** Unexpired, issued and valid from no later than the leeway ahead, and living no longer than the door issues. */
    private boolean isCurrent(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date issued = claims.getIssueTime();
        Date expiry = claims.getExpirationTime();
        Date notBefore = claims.getNotBeforeTime();
        Instant latestStart = now.plus(LEEWAY);
        return issued != null && expiry != null && expiry.toInstant().isAfter(now)
                && !issued.toInstant().isAfter(latestStart)
                && (notBefore == null || !notBefore.toInstant().isAfter(latestStart))
                && !expiry.toInstant().isAfter(issued.toInstant().plus(LIFETIME));
    }
}
