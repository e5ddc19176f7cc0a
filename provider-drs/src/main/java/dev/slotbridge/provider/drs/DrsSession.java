package dev.slotbridge.provider.drs;

import dev.slotbridge.spi.error.ProviderException;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SchedulerCredentialsRejectedException;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.support.SchedulerMessages;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The gateway session: opened once and shared by every call and thread (the gateway says a session serves "all
 * following calls ... for that day", so a new one is opened when the council's day changes). When an answer's
 * {@code status} is {@code error}/{@code failure} and its {@code errorMsg} mentions "session", the session is opened
 * again and the call repeated once. Only one caller opens a session at a time. The session id and the password never
 * appear in messages: a gateway message that quotes the session id has it masked.
 */
final class DrsSession implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DrsSession.class.getName());

    private record Open(String id, LocalDate day) {
    }

    private final DrsGateway gateway;
    private final String login;
    private final String password;
    private final Clock clock;
    private final ZoneId zone;
    private final ReentrantLock opening = new ReentrantLock();
    private volatile Open current;

    DrsSession(DrsGateway gateway, String login, String password, Clock clock, ZoneId zone) {
        this.gateway = gateway;
        this.login = login;
        this.password = password;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Calls an operation within the session.
     *
     * @param envelope builds the envelope for a session id
     * @return the answer's {@code return}, whose status was success
     * @throws RejectedBySchedulerException when the gateway answers error or failure for another reason
     */
    XmlElement call(String operation, Function<String, byte[]> envelope) {
        return call(operation, envelope, SafeXmlReader::tree);
    }

    /** As {@link #call(String, Function)}, the answer's {@code return} read by {@code reader} as it is parsed. */
    <T extends DrsReturn> T call(String operation, Function<String, byte[]> envelope, SafeXmlReader.ElementReader<T> reader) {
        String session = sessionId();
        T answer = gateway.call(operation, envelope.apply(session), reader);
        if (answer.failed() && answer.mentionsSession()) {
            forget(session);
            session = sessionId();
            answer = gateway.call(operation, envelope.apply(session), reader);
        }
        if (answer.failed()) {
            throw new RejectedBySchedulerException(message(answer, session));
        }
        return answer;
    }

    private String sessionId() {
        Open open = current;
        if (open != null && open.day().equals(today())) {
            return open.id();
        }
        opening.lock();
        try {
            if (current == null || !current.day().equals(today())) {
                current = new Open(openSession(), today());
            }
            return current.id();
        } finally {
            opening.unlock();
        }
    }

    private String openSession() {
        XmlElement answer = gateway.call("openSession", DrsEnvelopes.openSession(login, password));
        if (answer.failed() || !"success".equalsIgnoreCase(answer.status())) {
            throw new SchedulerCredentialsRejectedException("DRS refused to open a session for the configured login");
        }
        String id = answer.text("sessionId");
        if (id == null) {
            throw new SchedulerResponseException("DRS opened a session without a sessionId", null);
        }
        return id;
    }

    private void forget(String session) {
        opening.lock();
        try {
            if (current != null && current.id().equals(session)) {
                current = null;
            }
        } finally {
            opening.unlock();
        }
    }

    /**
     * Logs in and out with a session of its own: one {@code openSession}, then one {@code closeSession} of the new
     * session, neither repeated; the shared session is neither used nor replaced. A refused login is
     * {@link SchedulerCredentialsRejectedException}. A close that fails after the login succeeded is logged, not
     * thrown: the login proved the gateway and the credentials, and the gateway closes sessions itself.
     */
    void probe() {
        String probing = openSession();
        try {
            if (gateway.call("closeSession", DrsEnvelopes.closeSession(probing)).failed()) {
                LOG.log(System.Logger.Level.WARNING,
                        "DRS refused to close the probe session; the gateway will close it");
            }
        } catch (ProviderException e) {
            LOG.log(System.Logger.Level.WARNING, "DRS did not close the probe session ({0}); the gateway will close it",
                    e.getClass().getSimpleName());
        }
    }

    /** Closes the session, if one is open; failures are ignored (the gateway closes sessions itself). */
    @Override
    public void close() {
        Open open = current;
        current = null;
        if (open != null) {
            try {
                gateway.call("closeSession", DrsEnvelopes.closeSession(open.id()));
            } catch (RuntimeException e) {
                // best effort at shutdown
            }
        }
    }

    private static String message(DrsReturn answer, String session) {
        return SchedulerMessages.forCaller(answer.errorMsg(), session).orElse("DRS refused the request");
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
