package io.chaintill.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address range such as 10.0.0.0/8 or fc00::/7; only literal addresses are parsed, nothing is resolved. */
public final class CidrBlock {
    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private CidrBlock(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    public static CidrBlock parse(String cidr) {
        int slash = cidr.indexOf('/');
        try {
            // Literal addresses only (the caller's constants), so getByName does no DNS lookup here.
            byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            return new CidrBlock(network, Integer.parseInt(cidr.substring(slash + 1)), cidr);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address range: " + cidr, e);
        }
    }

    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int restBits = prefixLength % 8;
        if (restBits == 0) {
            return true;
        }
        int mask = 0xFF << (8 - restBits) & 0xFF;
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}
