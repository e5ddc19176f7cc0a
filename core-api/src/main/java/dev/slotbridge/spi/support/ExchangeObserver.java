package dev.slotbridge.spi.support;

import java.net.URI;
import java.util.Map;

/**
 * Watches a scheduler call's HTTP exchanges, for the server's tracing: told of each exchange before it is sent, it
 * returns the headers to send with it (the W3C {@code traceparent} of the exchange's span) and is told how it ended.
 * The server sets one per scheduler call ({@link SchedulerExchanges#observing}); {@link HttpTransport} consults it, so
 * providers carry the trace to their schedulers without knowing of it.
 */
public interface ExchangeObserver {
    /** Observes nothing and adds no header. */
    ExchangeObserver NONE = (method, uri) -> Exchange.NONE;

    /**
     * An exchange about to be sent. Implementations must not keep or record the URI's query (it may hold personal
     * references).
     */
    Exchange started(String method, URI uri);

    /** One observed exchange. */
    interface Exchange {
        Exchange NONE = new Exchange() {
            @Override
            public Map<String, String> headers() {
                return Map.of();
            }

            @Override
            public void ended(int status, Throwable failure) {
            }
        };

        /** Headers to add to the request (none replaces a header the provider set). */
        Map<String, String> headers();

        /** The exchange ended: with an HTTP status, or with no answer ({@code status} 0) and the failure. */
        void ended(int status, Throwable failure);
    }
}
