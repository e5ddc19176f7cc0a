package dev.slotbridge.http.edge;

import dev.slotbridge.config.SlotbridgeConfiguration;
import dev.slotbridge.http.security.ClientAddresses;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code slotbridge.connections.max-per-address} open connections from one peer address (an IPv6 address's
 * /64) to one listener, so slow or idle connections from one place cannot use up the process's file descriptors, and
 * connections to the API cannot starve the management port's health checks. Trusted proxies, which carry everyone's
 * connections, are not limited. One per listener, where accepted connections arrive: a connection over the limit is
 * reset at once (linger 0, leaving no TIME_WAIT), before it is registered, given a pipeline or read from. Keeps one
 * entry per address that has connections open.
 */
final class ConnectionsPerAddress extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsPerAddress.class);

    private final ClientAddresses addresses;
    private final int maxPerAddress;
    private final Map<String, Open> open = new HashMap<>();

    private static final class Open {
        int connections;
        boolean refusalLogged;
    }

    ConnectionsPerAddress(ClientAddresses addresses, SlotbridgeConfiguration configuration) {
        this.addresses = addresses;
        this.maxPerAddress = Math.toIntExact(configuration.root().section("connections").wholeNumber("max-per-address"));
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (message instanceof Channel connection && connection.remoteAddress() instanceof InetSocketAddress peer
                && !addresses.isTrustedProxy(peer.getAddress())) {
            String address = ClientAddresses.key(peer.getAddress());
            if (!admit(address, context.channel())) {
                connection.config().setOption(ChannelOption.SO_LINGER, 0);
                connection.unsafe().closeForcibly();
                return;
            }
            connection.closeFuture().addListener(closed -> release(address));
        }
        context.fireChannelRead(message);
    }

    /** Counts a connection from the address; false, counting nothing, when the address has the most already. */
    private synchronized boolean admit(String address, Channel listener) {
        Open from = open.computeIfAbsent(address, key -> new Open());
        if (from.connections < maxPerAddress) {
            from.connections++;
            return true;
        }
        if (!from.refusalLogged) {
            from.refusalLogged = true;
            LOG.warn("{} has {} connections open to {}, the most one address may have: its further connections are "
                    + "reset until some close", address, maxPerAddress, listener.localAddress());
        }
        return false;
    }

    private synchronized void release(String address) {
        Open from = open.get(address);
        if (--from.connections == 0) {
            open.remove(address);
        }
    }
}
