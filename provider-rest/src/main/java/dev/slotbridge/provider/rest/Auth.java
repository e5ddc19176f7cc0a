package dev.slotbridge.provider.rest;

import java.net.URI;

/**
 * How the council's credentials ({@code secret}) are sent.
 *
 * @param header   the API-key header's name ({@code api-key})
 * @param username the user name ({@code basic})
 * @param tokenUrl the token endpoint ({@code oauth2-client-credentials})
 * @param clientId the client id ({@code oauth2-client-credentials}); the secret is the client secret
 * @param scope    the scope asked for, or null ({@code oauth2-client-credentials})
 */
record Auth(Type type, String header, String username, URI tokenUrl, String clientId, String scope) {
    static final Auth NONE = new Auth(Type.NONE, null, null, null, null, null);

    enum Type {
        NONE("none"), API_KEY("api-key"), BASIC("basic"), BEARER("bearer"),
        OAUTH2_CLIENT_CREDENTIALS("oauth2-client-credentials");

        private final String key;

        Type(String key) {
            this.key = key;
        }

        String key() {
            return key;
        }

        static Type of(String key) {
            for (Type type : values()) {
                if (type.key.equals(key)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("must be one of none, api-key, basic, bearer, oauth2-client-credentials");
        }
    }
}
