package dev.slotbridge.config;

import io.netty.util.NetUtil;

import java.net.InetAddress;
import java.util.Optional;

/**
 * An IP address or a CIDR block as the configuration writes it: {@code 127.0.0.1}, {@code 10.0.0.0/8}, {@code ::1},
 * {@code fd00::/8}. Literals only: a host name is never looked up.
 */
public final class AddressBlock {
    private final byte[] network;
    private final int prefixLength;

    private AddressBlock(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** The block the text writes; empty when it is not an address literal with an optional {@code /prefix}. */
    public static Optional<AddressBlock> parse(String text) {
        int slash = text.indexOf('/');
        byte[] address = NetUtil.createByteArrayFromIpAddressString(slash < 0 ? text : text.substring(0, slash));
        if (address == null) {
            return Optional.empty();
        }
        int bits = address.length * 8;
        String prefix = slash < 0 ? Integer.toString(bits) : text.substring(slash + 1);
        if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > bits) {
            return Optional.empty();
        }
        return Optional.of(new AddressBlock(address, Integer.parseInt(prefix)));
    }

    /** Whether the address is in the block (an IPv4 address is never in an IPv6 block, nor the reverse). */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return rest == 0 || (bytes[whole] & mask) == (network[whole] & mask);
    }
}
