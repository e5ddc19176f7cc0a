package dev.slotbridge.spi.support;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.slotbridge.spi.error.ErrorKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import static dev.slotbridge.spi.support.FailureKinds.kindOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HttpTransport} over TLS against a real HTTPS server whose certificate (for {@code localhost} only) is made
 * by the JDK's keytool: the certificate is checked against the trust store and the host name, and a failed handshake
 * means the request was never sent.
 */
final class SchedulerTlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static HttpsServer server;
    private static SSLContext trusting;

    @BeforeAll
    static void start(@TempDir Path folder) throws Exception {
        Path keystore = folder.resolve("scheduler.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "scheduler", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)).redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext serving = SSLContext.getInstance("TLS");
        serving.init(keyManagers.getKeyManagers(), null, null);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(keys);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, trustManagers.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serving));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("over TLS, Host " + exchange.getRequestHeaders().getFirst("Host")).getBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static URI at(String host) {
        return URI.create("https://" + host + ":" + server.getAddress().getPort() + "/api");
    }


    @Test
    void aTrustedCertificateForTheHostCarriesTheExchanges() {
        HttpTransport transport = new HttpTransport("Test", Duration.ofSeconds(5), trusting);

        for (int i = 0; i < 3; i++) {
            assertThat(transport.send(transport.request(at("localhost")).GET().build()).body())
                    .isEqualTo("over TLS, Host localhost:" + server.getAddress().getPort());
        }
    }

    @Test
    void aCertificateTheTrustStoreDoesNotKnowStopsTheRequestBeforeItIsSent() {
        HttpTransport transport = HttpTransport.forScheduler("Test", Duration.ofSeconds(5));

        assertThat(kindOf(() -> transport.send(transport.request(at("localhost")).POST(
                java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build()))).isEqualTo(ErrorKind.NOT_SENT);
    }

    @Test
    void aCertificateForAnotherHostNameStopsTheRequestBeforeItIsSent() {
        HttpTransport transport = new HttpTransport("Test", Duration.ofSeconds(5), trusting);

        assertThat(kindOf(() -> transport.send(transport.request(at("127.0.0.1")).POST(
                java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build()))).isEqualTo(ErrorKind.NOT_SENT);
    }

    @Test
    @SuppressWarnings("removal")
    void aTransportMadeFromAJdkClientAsPluginsOfSpi3DidUsesThatClientsTlsContext() {
        HttpTransport fromClient = new HttpTransport(java.net.http.HttpClient.newBuilder().sslContext(trusting).build(),
                "Test", Duration.ofSeconds(5));

        assertThat(fromClient.send(fromClient.request(at("localhost")).GET().build()).body())
                .isEqualTo("over TLS, Host localhost:" + server.getAddress().getPort());
    }
}
