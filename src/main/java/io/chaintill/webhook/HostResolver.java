package io.chaintill.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name resolution, as a seam so the address guard can be tested with any answer a DNS server might give. */
@FunctionalInterface
public interface HostResolver {
    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
