package dev.slotbridge.door.hro;

import dev.slotbridge.engine.security.ApiClient;

/**
 * A front end as the HRO routes serve it: the API client it acts as (for its council, rate limit, logs and metrics)
 * and its search settings.
 */
record HroFrontEnd(ApiClient client, String council, int leadTimeDays, int maxDays, int searchDays) {
    String name() {
        return client.name();
    }
}
