package dev.slotbridge.provider.drs;

import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.support.HttpTransport;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Posts envelopes to the Web Services Gateway ({@code Content-Type: text/xml}, an empty {@code SOAPAction}: the
 * WSDL defines no action) and returns the answer's {@code return} element. Transport failures, 5xx and SOAP faults
 * (which gateways send as 500) come from {@link HttpTransport}; an answer without {@code return} is unreadable.
 */
final class DrsGateway {
    private final URI endpoint;
    private final HttpTransport transport;

    DrsGateway(URI endpoint, HttpTransport transport) {
        this.endpoint = endpoint;
        this.transport = transport;
    }

    XmlElement call(String operation, String envelope) {
        HttpResponse<String> response = transport.send(transport.request(endpoint)
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"\"")
                .header("Accept", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build());
        if (response.statusCode() != 200) {
            throw new SchedulerResponseException("DRS answered " + operation + " with HTTP " + response.statusCode(), null);
        }
        return returnOf(operation, response.body());
    }

    /** The {@code return} element of an operation's answer envelope. */
    static XmlElement returnOf(String operation, String answer) {
        return SafeXmlReader.read(answer).child("Body")
                .flatMap(body -> body.children().stream().findFirst())
                .flatMap(operationResponse -> operationResponse.child("return"))
                .orElseThrow(() -> new SchedulerResponseException("DRS answered " + operation + " without a return", null));
    }
}
