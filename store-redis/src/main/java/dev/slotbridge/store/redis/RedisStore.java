package dev.slotbridge.store.redis;

import dev.slotbridge.engine.metrics.StoreMetrics;
import dev.slotbridge.engine.store.StoreProperties;
import dev.slotbridge.engine.store.StoreUnavailableException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one connection to Redis, through Lettuce, with short limits so a write fails fast while Redis is down and works
 * again within seconds of its return: commands time out after {@code redis.timeout}, are refused at once while the
 * connection is down (not queued), and reconnection is tried every {@code redis.reconnect-delay}. The first
 * connection is made lazily and retried on use, so the server starts while Redis is down. Every failure is a
 * {@link StoreUnavailableException} and counts in {@code slotbridge_store_errors_total}.
 *
 * <p>Keys are namespaced {@code slotbridge:<purpose>:...}; every key written has a TTL.
 */
@Singleton
@Requires(property = StoreProperties.TYPE, value = StoreProperties.REDIS)
public final class RedisStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisStore.class);
    /** Every key starts with this. */
    public static final String NAMESPACE = "slotbridge:";
    // the scripts, each documented (KEYS, ARGV, answer) in its file under resources .../store/redis/lua/
    private static final Script CLAIM_DUE = Script.load("claim-due");

    private final String instanceId = UUID.randomUUID().toString();
    private final StoreProperties.Redis settings;
    private final StoreMetrics metrics;
    private final RedisValues values;
    private final ClientResources resources;
    private final RedisClient client;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile long nextConnectAttemptNanos;
    private volatile boolean down;

    public RedisStore(StoreProperties properties, StoreMetrics metrics) {
        this.settings = properties.redis();
        this.metrics = metrics;
        this.values = new RedisValues(settings.writeFormat());
        this.resources = ClientResources.builder().reconnectDelay(Delay.constant(settings.reconnectDelay())).build();
        RedisURI uri = RedisURI.create(settings.uri());
        uri.setTimeout(settings.timeout());
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(settings.timeout()))
                .socketOptions(SocketOptions.builder().connectTimeout(settings.timeout()).build())
                .build());
    }

    /** This replica, as the owner of the claims it holds. */
    public String instanceId() {
        return instanceId;
    }

    /** How the stores write and read the values they keep. */
    RedisValues values() {
        return values;
    }

    /** {@code slotbridge:<purpose>:<SHA-256 of the parts>}: keys never show a client's, council's or caller's text. */
    public static String key(String purpose, String... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha256.update(part.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            }
            return NAMESPACE + purpose + ":" + HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Runs commands; any failure to reach Redis is a {@link StoreUnavailableException} for {@code operation}. */
    public <T> T call(String operation, Function<RedisCommands<String, String>, T> commands) {
        try {
            T result = commands.apply(connection().sync());
            if (down) {
                down = false;
                LOG.info("The Redis store answers again");
            }
            return result;
        } catch (RedisException e) {
            metrics.error(operation);
            if (!down) {
                down = true;
                LOG.warn("The Redis store did not answer ({}): booking writes answer 503 store-unavailable until it "
                        + "does", e.getClass().getSimpleName());
            }
            throw new StoreUnavailableException(operation, e);
        }
    }

    /** A hash's fields; empty when Redis keeps no such hash. */
    public Optional<Map<String, String>> hash(String operation, String key) {
        Map<String, String> fields = call(operation, redis -> redis.hgetall(key));
        return fields == null || fields.isEmpty() ? Optional.empty() : Optional.of(fields);
    }

    /** Runs a Lua script by its SHA-1, loading it again when Redis lost it (after a restart). */
    public List<Object> script(String operation, Script script, List<String> keys, String... arguments) {
        String[] keyArray = keys.toArray(String[]::new);
        return call(operation, redis -> {
            try {
                return redis.evalsha(script.sha1(), ScriptOutputType.MULTI, keyArray, arguments);
            } catch (RedisNoScriptException e) {
                return redis.eval(script.source(), ScriptOutputType.MULTI, keyArray, arguments);
            }
        });
    }

    /**
     * The records whose ids are members of a sorted set scored by when they are due (epoch ms) and are due by
     * {@code now}, at most {@code max}, each claimed in the same step until {@code leaseUntil} (its score moved
     * there), so that one caller at a time works on each: the outbox pattern of holds' releases and webhook
     * deliveries. An id whose record Redis no longer keeps ({@code find} finds none) is dropped from the set.
     */
    public <T> List<T> claimDue(String operation, String dueSet, Instant now, Instant leaseUntil, int max,
                                Function<String, Optional<T>> find) {
        List<T> due = new ArrayList<>();
        for (Object id : script(operation, CLAIM_DUE, List.of(dueSet), RedisValues.millis(now),
                RedisValues.millis(leaseUntil), Integer.toString(max))) {
            find.apply((String) id).ifPresentOrElse(due::add,
                    () -> call(operation, redis -> redis.zrem(dueSet, (String) id)));
        }
        return due;
    }

    /**
     * Sends a script without waiting for Redis to answer, for writes that are best effort (a claim settled, a maker
     * recorded, a lease released): the request is not held up by the round trip. Commands on the one connection run
     * in the order they are sent, so a later command from any thread sees this one done — which is why it is sent
     * whole ({@code EVAL}), never as {@code EVALSHA} retried after {@code NOSCRIPT}: the retry would run after
     * commands sent in the meantime (a lease released only after the next acquire). A failure is counted, and
     * {@code onFailure} runs (on a Lettuce thread).
     */
    public void scriptInBackground(String operation, Script script, List<String> keys, Runnable onFailure,
                                   String... arguments) {
        String[] keyArray = keys.toArray(String[]::new);
        try {
            RedisAsyncCommands<String, String> redis = connection().async();
            redis.<List<Object>>eval(script.source(), ScriptOutputType.MULTI, keyArray, arguments)
                    .whenComplete((result, failure) -> {
                        if (failure != null) {
                            metrics.error(operation);
                            onFailure.run();
                        }
                    });
        } catch (RedisException e) {
            metrics.error(operation);
            onFailure.run();
        }
    }

    /** Whether Redis answers a PING now. */
    public boolean ping() {
        try {
            return "PONG".equals(call("ping", RedisCommands::ping));
        } catch (StoreUnavailableException e) {
            return false;
        }
    }

    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (connection == null) {
                if (System.nanoTime() < nextConnectAttemptNanos) {
                    throw new RedisException("not connected; the next attempt is due shortly");
                }
                nextConnectAttemptNanos = System.nanoTime() + settings.reconnectDelay().toNanos();
                connection = client.connect(StringCodec.UTF8);
            }
            return connection;
        }
    }

    @PreDestroy
    @Override
    public void close() {
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            current.close();
        }
        client.shutdown();
        resources.shutdown();
    }

    /**
     * A Lua script and its SHA-1, as Redis names scripts. The stores' scripts are files under
     * {@code dev/slotbridge/store/redis/lua/} on the class path, each read once, as its class loads.
     */
    public record Script(String source, String sha1) {
        public static Script of(String source) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
                return new Script(source, HexFormat.of().formatHex(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK lacks SHA-1", e);
            }
        }

        /**
         * The files {@code lua/<name>.lua}, one after another: files that define a local function shared by several
         * scripts come first.
         */
        public static Script load(String... names) {
            StringBuilder source = new StringBuilder();
            for (String name : names) {
                String path = "lua/" + name + ".lua";
                try (InputStream file = Script.class.getResourceAsStream(path)) {
                    if (file == null) {
                        throw new IllegalStateException("no Lua script " + path + " beside " + Script.class.getName());
                    }
                    source.append(new String(file.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return of(source.toString());
        }
    }
}
