package dev.slotbridge.engine.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook as the Standard Webhooks specification defines: {@code webhook-signature: v1,<base64 of
 * HMAC-SHA256(key, id + "." + timestamp + "." + body)>}. A secret {@code whsec_<base64>} (as Standard Webhooks
 * issues them) is the base64-decoded key; any other string is its UTF-8 bytes.
 */
public final class WebhookSignature {
    private static final String PREFIX = "whsec_";

    private WebhookSignature() {
    }

    /** The signing key of a configured secret. */
    public static byte[] key(String secret) {
        if (secret.startsWith(PREFIX)) {
            try {
                return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a whsec_ secret must be base64 after its prefix", null);
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code webhook-signature} header's value. */
    public static String sign(byte[] key, String id, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
