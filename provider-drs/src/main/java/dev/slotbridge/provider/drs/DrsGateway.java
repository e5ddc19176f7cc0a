package dev.slotbridge.provider.drs;

import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.support.HttpTransport;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;

/**
 * Posts envelopes to the Web Services Gateway ({@code Content-Type: text/xml}, an empty {@code SOAPAction}: the
 * WSDL defines no action) and returns the answer's {@code return} element. Transport failures, 5xx and SOAP faults
 * (which gateways send as 500) come from {@link HttpTransport}; an answer without {@code return} is unreadable.
 * Envelopes go out as the bytes {@link DrsEnvelopes} wrote and answers are parsed from the bytes received: neither
 * is ever a String.
 */
final class DrsGateway {
    private final URI endpoint;
    private final HttpTransport transport;

    DrsGateway(URI endpoint, HttpTransport transport) {
        this.endpoint = endpoint;
        this.transport = transport;
    }

    XmlElement call(String operation, byte[] envelope) {
        return call(operation, envelope, SafeXmlReader::tree);
    }

    /** Calls the operation and reads its answer's {@code return} with {@code reader} as it is parsed. */
    <T> T call(String operation, byte[] envelope, SafeXmlReader.ElementReader<T> reader) {
        HttpResponse<byte[]> response = transport.sendForBytes(transport.request(endpoint)
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"\"")
                .header("Accept", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope))
                .build());
        if (response.statusCode() != 200) {
            throw new SchedulerResponseException("DRS answered " + operation + " with HTTP " + response.statusCode(), null);
        }
        return returnOf(operation, response.body(), HttpTransport.charset(response), reader);
    }

    /**
     * The {@code return} element of an operation's answer envelope, as {@code reader} reads it.
     *
     * @param charset the charset the answer's {@code Content-Type} names, or null when it names none
     */
    static <T> T returnOf(String operation, byte[] answer, Charset charset, SafeXmlReader.ElementReader<T> reader) {
        T result = SafeXmlReader.readReturn(answer, charset, reader);
        if (result == null) {
            throw new SchedulerResponseException("DRS answered " + operation + " without a return", null);
        }
        return result;
    }
}
