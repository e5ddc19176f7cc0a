import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.net.httpserver.HttpServer;
import dev.slotbridge.provider.drs.FakeDrs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The DRS fake of provider-drs's tests (FakeDrs: sessions, orders, reservations kept in memory) as a process, for
 * abuse-probe.py: the gateway on 127.0.0.1:{port} (WireMock's request journal at /__admin/requests shows every SOAP
 * body Slotbridge sent), and a planner's screen on 127.0.0.1:{port+1}:
 * GET /booking-id?order=N (the DRS bookingId of an order), GET /move?order=N&start=ISO&end=ISO (a planner moves it).
 * Run: java -cp provider-drs/target/test-classes:wiremock-standalone.jar bench/probes/DrsFakeProcess.java PORT
 */
public final class DrsFakeProcess {
    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        FakeDrs drs = new FakeDrs();
        WireMockServer gateway = FakeDrs.server(drs, options().bindAddress("127.0.0.1").port(port).containerThreads(60));
        gateway.start();
        HttpServer planner = HttpServer.create(new InetSocketAddress("127.0.0.1", port + 1), 16);
        planner.createContext("/booking-id", exchange -> {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            answer(exchange, 200, String.valueOf(drs.bookingIdOf(query.get("order"))));
        });
        planner.createContext("/move", exchange -> {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            drs.plannerMoves(query.get("order"), OffsetDateTime.parse(query.get("start")), OffsetDateTime.parse(query.get("end")));
            answer(exchange, 200, "moved");
        });
        planner.start();
        System.out.println("fake DRS on http://127.0.0.1:" + port + FakeDrs.PATH + ", planner on " + (port + 1));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(parts[0], java.net.URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
