package dev.slotbridge.http.security;

import dev.slotbridge.server.testing.OperatorYaml;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The forwarded headers as proxies write them, read from trusted peers only. */
class ClientAddressesTest {
    private static final InetAddress PROXY = address("10.0.0.5");
    private final ClientAddresses xForwardedFor = addresses("x-forwarded-for");
    private final ClientAddresses forwarded = addresses("forwarded");

    @Test
    void theClientIsTheRightMostHopThatIsNotATrustedProxy() {
        assertThat(xForwardedFor.of(PROXY, List.of("198.51.100.7"))).isEqualTo(address("198.51.100.7"));
        assertThat(xForwardedFor.of(PROXY, List.of("203.0.113.66, 198.51.100.7, 10.1.2.3")))
                .as("a forged first hop and a second trusted proxy").isEqualTo(address("198.51.100.7"));
        assertThat(xForwardedFor.of(PROXY, List.of("203.0.113.66", "198.51.100.7"))).as("one header per proxy")
                .isEqualTo(address("198.51.100.7"));
        assertThat(xForwardedFor.of(PROXY, List.of("10.1.2.3, 10.0.0.9"))).as("only proxies: the first")
                .isEqualTo(address("10.1.2.3"));
        assertThat(xForwardedFor.of(PROXY, List.of())).as("the proxy's own request").isEqualTo(PROXY);
    }

    @Test
    void portsBracketsAndIpv6AreRead() {
        assertThat(xForwardedFor.of(PROXY, List.of("198.51.100.7:51234"))).isEqualTo(address("198.51.100.7"));
        assertThat(xForwardedFor.of(PROXY, List.of("[2001:db8::7]:51234"))).isEqualTo(address("2001:db8::7"));
        assertThat(xForwardedFor.of(PROXY, List.of("2001:db8::7"))).isEqualTo(address("2001:db8::7"));
    }

    @Test
    void aHopThatIsNoAddressLeavesTheTrustedHopThatWroteIt() {
        assertThat(xForwardedFor.of(PROXY, List.of("198.51.100.7, example.org"))).isEqualTo(PROXY);
        assertThat(xForwardedFor.of(PROXY, List.of("198.51.100.7, unknown, 10.1.2.3"))).isEqualTo(address("10.1.2.3"));
        assertThat(xForwardedFor.of(PROXY, List.of(""))).isEqualTo(PROXY);
    }

    @Test
    void forwardedIsReadByItsForParameter() {
        assertThat(forwarded.of(PROXY, List.of("for=203.0.113.66, for=198.51.100.7;proto=https;by=10.0.0.5")))
                .isEqualTo(address("198.51.100.7"));
        assertThat(forwarded.of(PROXY, List.of("proto=https;For=\"[2001:db8::7]:4711\""))).isEqualTo(address("2001:db8::7"));
        assertThat(forwarded.of(PROXY, List.of("for=198.51.100.7, for=_hidden"))).isEqualTo(PROXY);
        assertThat(forwarded.of(PROXY, List.of("for=198.51.100.7, proto=http"))).as("an element without for=")
                .isEqualTo(PROXY);
    }

    @Test
    void onlyTheConfiguredBlocksAreTrusted() {
        assertThat(xForwardedFor.isTrustedProxy(address("10.255.0.1"))).isTrue();
        assertThat(xForwardedFor.isTrustedProxy(address("11.0.0.1"))).isFalse();
        assertThat(xForwardedFor.isTrustedProxy(address("127.0.0.1"))).isTrue();
        assertThat(xForwardedFor.isTrustedProxy(address("127.0.0.2"))).isFalse();
        assertThat(xForwardedFor.isTrustedProxy(address("fd00::1"))).isTrue();
        assertThat(xForwardedFor.isTrustedProxy(address("fe00::1"))).isFalse();
        assertThat(addresses("x-forwarded-for", "[]").isTrustedProxy(address("127.0.0.1"))).as("none by default").isFalse();
    }

    @Test
    void ipv6AddressesAreKeptPerSlash64() {
        assertThat(ClientAddresses.key(address("2001:db8:1:2::7"))).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddresses.key(address("2001:db8:1:2:ffff::1"))).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddresses.key(address("198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void theConfigurationNamesABadBlock() {
        assertThat(OperatorYaml.problems("""
                slotbridge:
                  signing-key: a-signing-key-of-at-least-32-characters
                  trusted-proxies: [10.0.0.0/33, lb.example.org, 10.0.0.0/8]
                """)).containsExactly(
                "slotbridge.trusted-proxies[0]: '10.0.0.0/33' is not an IP address or CIDR block such as 10.0.0.0/8, "
                        + "127.0.0.1 or fd00::/8",
                "slotbridge.trusted-proxies[1]: 'lb.example.org' is not an IP address or CIDR block such as "
                        + "10.0.0.0/8, 127.0.0.1 or fd00::/8");
    }

    private static ClientAddresses addresses(String header) {
        return addresses(header, "[10.0.0.0/8, 127.0.0.1, fd00::/8]");
    }

    private static ClientAddresses addresses(String header, String trusted) {
        return new ClientAddresses(OperatorYaml.load("""
                slotbridge:
                  signing-key: a-signing-key-of-at-least-32-characters
                  trusted-proxies: %s
                  forwarded-header: %s
                """.formatted(trusted, header)));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
