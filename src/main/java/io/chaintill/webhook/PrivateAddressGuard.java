package io.chaintill.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Keeps webhooks from being used to reach the server's own network (SSRF): a target whose host resolves to
 * loopback, private, link-local, CGNAT, multicast or otherwise non-public addresses is refused, unless the
 * operator allows private targets. Checked when a webhook is saved and again before every send, because DNS can
 * change in between. Every address a name resolves to must be acceptable, since the HTTP client may pick any.
 *
 * <p>Cloud metadata endpoints stay refused even when private targets are allowed: no merchant endpoint lives
 * there, and reaching one would hand out the machine's cloud credentials.
 *
 * <p>Limit: the HTTP client resolves the name again when it connects, so a DNS server that answers differently
 * within milliseconds (DNS rebinding) is not fully excluded; see docs/webhooks.md.
 */
public final class PrivateAddressGuard {
    static final List<CidrBlock> NON_PUBLIC = blocks(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");
    static final List<CidrBlock> ALWAYS_REFUSED = blocks("169.254.169.254/32", "fd00:ec2::254/128");
    /** IPv6 forms that carry an IPv4 address inside: the embedded address is what gets reached. */
    private static final CidrBlock IPV4_COMPATIBLE = CidrBlock.parse("::/96");
    private static final CidrBlock NAT64 = CidrBlock.parse("64:ff9b::/96");
    private static final CidrBlock SIX_TO_FOUR = CidrBlock.parse("2002::/16");

    private final boolean allowPrivate;
    private final HostResolver resolver;

    public PrivateAddressGuard(boolean allowPrivate, HostResolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Resolves the URL's host and refuses it if any of its addresses is not an allowed target. */
    public void check(URI url) throws RefusedTargetException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedTargetException("only http and https URLs are allowed");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            throw new RefusedTargetException("the URL names no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            // Not refused: an unresolvable name reaches nothing, and the sender reports it as a network error.
            return;
        }
        for (InetAddress address : addresses) {
            Optional<String> reason = refusal(address);
            if (reason.isPresent()) {
                throw new RefusedTargetException("the host " + host + " resolves to " + address.getHostAddress()
                        + ", " + reason.get());
            }
        }
    }

    /** Why {@code address} may not be targeted, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        byte[] effective = embeddedIpv4(bytes).orElse(bytes);
        for (CidrBlock block : ALWAYS_REFUSED) {
            if (block.contains(effective) || block.contains(bytes)) {
                return Optional.of("a cloud metadata address (" + block + "), which is never allowed");
            }
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        for (CidrBlock block : NON_PUBLIC) {
            if (block.contains(effective) || block.contains(bytes)) {
                return Optional.of("which is in the non-public range " + block
                        + " (set chaintill.webhook.allow-private=true to allow it)");
            }
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address inside an IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) or 6to4 (2002:AABB:CCDD::)
     * address. IPv4-mapped addresses (::ffff:a.b.c.d) need no case here: Java already turns them into IPv4.
     */
    static Optional<byte[]> embeddedIpv4(byte[] address) {
        if (address.length != 16) {
            return Optional.empty();
        }
        if (SIX_TO_FOUR.contains(address)) {
            return Optional.of(Arrays.copyOfRange(address, 2, 6));
        }
        boolean unspecifiedOrLoopback = IPV4_COMPATIBLE.contains(address) && address[12] == 0 && address[13] == 0
                && address[14] == 0 && (address[15] == 0 || address[15] == 1);
        if ((IPV4_COMPATIBLE.contains(address) && !unspecifiedOrLoopback) || NAT64.contains(address)) {
            return Optional.of(Arrays.copyOfRange(address, 12, 16));
        }
        return Optional.empty();
    }

    private static List<CidrBlock> blocks(String... cidrs) {
        return Arrays.stream(cidrs).map(CidrBlock::parse).toList();
    }
}
