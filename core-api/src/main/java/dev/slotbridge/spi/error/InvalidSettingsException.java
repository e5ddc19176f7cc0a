package dev.slotbridge.spi.error;

/**
 * A council's provider settings are missing or wrong; raised while the server starts, never during a call.
 * The message names the council and the key, never the value (it may be a secret).
 */
public final class InvalidSettingsException extends RuntimeException {
    private final String councilId;
    private final String key;

    public InvalidSettingsException(String councilId, String key, String problem) {
        super("council '" + councilId + "': setting '" + key + "' " + problem);
        this.councilId = councilId;
        this.key = key;
    }

    public String councilId() {
        return councilId;
    }

    public String key() {
        return key;
    }
}
