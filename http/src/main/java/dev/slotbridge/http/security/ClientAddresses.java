package dev.slotbridge.http.security;

import dev.slotbridge.config.AddressBlock;
import dev.slotbridge.config.ConfigSection;
import dev.slotbridge.config.SlotbridgeConfiguration;
import io.micronaut.http.HttpRequest;
import io.netty.util.NetUtil;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The client's address. A request whose TCP peer is one of {@code slotbridge.trusted-proxies} is taken to come from
 * the right-most address of its {@code forwarded-header} ({@code X-Forwarded-For}, or the {@code for=} of
 * {@code Forwarded}) that is not a trusted proxy: every proxy appends the address it received the request from, so
 * only hops to the left of the last trusted one can have been written by the client. Any other request comes from its
 * peer, whatever it claims. A hop that is not an IP literal (a name, {@code unknown}, an obfuscated id) ends the walk:
 * the request then comes from the trusted hop that wrote it. Names are never looked up.
 */
@Singleton
public final class ClientAddresses {
    private final List<AddressBlock> trusted;
    private final boolean forwarded;

    public ClientAddresses(SlotbridgeConfiguration configuration) {
        ConfigSection root = configuration.root();
        this.trusted = root.list("trusted-proxies").stream().map(block -> AddressBlock.parse(block).orElseThrow()).toList();
        this.forwarded = root.text("forwarded-header").orElseThrow().equals("forwarded");
    }

    /** The address the request comes from. */
    public InetAddress of(HttpRequest<?> request) {
        InetAddress peer = request.getRemoteAddress().getAddress();
        return isTrustedProxy(peer)
                ? of(peer, request.getHeaders().getAll(forwarded ? "Forwarded" : "X-Forwarded-For")) : peer;
    }

    /** Whether the address is one of the trusted proxies. */
    public boolean isTrustedProxy(InetAddress address) {
        for (AddressBlock block : trusted) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What counts and limits are kept under: the address, or an IPv6 address's /64 (one site's network, whose
     * addresses a single host can take as many of as it likes).
     */
    public static String key(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return address.getHostAddress();
        }
        Arrays.fill(bytes, 8, 16, (byte) 0);
        return NetUtil.bytesToIpAddress(bytes) + "/64";
    }

    /** The client of a request from a trusted peer, given the values of the forwarded header in the order received. */
    InetAddress of(InetAddress peer, List<String> values) {
        List<String> hops = new ArrayList<>();
        values.forEach(value -> hops.addAll(Arrays.asList(value.split(","))));
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0 && isTrustedProxy(client); i--) {
            Optional<InetAddress> hop = literal(forwarded ? forParameter(hops.get(i)) : hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
        }
        return client;
    }

    /** The {@code for=} node of a {@code Forwarded} element, or "" when it has none. */
    private static String forParameter(String element) {
        for (String pair : element.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase("for")) {
                return pair.substring(equals + 1);
            }
        }
        return "";
    }

    /** The IP literal of a node — {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code "[2001:db8::1]:4711"}, {@code ::1}. */
    private static Optional<InetAddress> literal(String node) {
        String text = node.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        if (text.startsWith("[")) {
            text = text.substring(1, Math.max(1, text.indexOf(']')));
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            text = text.substring(0, text.indexOf(':'));
        }
        return Optional.ofNullable(NetUtil.createInetAddressFromIpAddressString(text));
    }
}
