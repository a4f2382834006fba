package io.chaintill.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivateAddressGuardTest {
    /** Resolves literals as themselves and a few test names as a DNS server would answer them; nothing leaves the JVM. */
    static final HostResolver FAKE_DNS = host -> {
        Map<String, String[]> names = Map.of(
                "public.example", new String[] {"93.184.215.14"},
                "rebind.example", new String[] {"93.184.215.14", "10.1.2.3"},
                "metadata.example", new String[] {"169.254.169.254"},
                "v6.example", new String[] {"2606:4700::6810:84e5"});
        if (names.containsKey(host)) {
            InetAddress[] out = new InetAddress[names.get(host).length];
            for (int i = 0; i < out.length; i++) {
                out[i] = InetAddress.getByName(names.get(host)[i]);
            }
            return out;
        }
        if (host.matches("[0-9a-fA-F:.]+")) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        throw new UnknownHostException(host);
    };

    final PrivateAddressGuard strict = new PrivateAddressGuard(false, FAKE_DNS);
    final PrivateAddressGuard lenient = new PrivateAddressGuard(true, FAKE_DNS);

    @ParameterizedTest
    @ValueSource(strings = {
            "127.0.0.1", "127.255.255.254", // loopback
            "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.0.1", "192.168.255.255", // private
            "169.254.0.1", "169.254.169.254", // link-local, metadata
            "100.64.0.1", "100.127.255.255", // CGNAT
            "0.0.0.0", "0.1.2.3", // "this network"
            "224.0.0.1", "239.255.255.255", // multicast
            "255.255.255.255", "198.18.0.1", "192.0.0.8", // broadcast, benchmarking, IETF
            "::1", "::", // IPv6 loopback and unspecified
            "fc00::1", "fd12:3456::1", // unique local
            "fe80::1", "febf::1", // link-local
            "ff02::1", // multicast
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", // IPv4-mapped
            "::127.0.0.1", "::10.0.0.1", // IPv4-compatible
            "64:ff9b::10.0.0.1", "64:ff9b::127.0.0.1", // NAT64
            "2002:0a00:0001::1", "2002:7f00:0001::1" // 6to4 around 10.0.0.1 and 127.0.0.1
    })
    void nonPublicAddressesAreRefused(String address) throws Exception {
        String host = address.contains(":") ? "[" + address + "]" : address;
        RefusedTargetException e = assertThrows(RefusedTargetException.class,
                () -> strict.check(URI.create("http://" + host + ":8080/hook")));
        assertTrue(e.getMessage().contains("resolves to"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "172.15.255.255", "100.128.0.1", "11.0.0.1",
            "192.169.0.1", "169.255.0.1", "[2606:4700::6810:84e5]", "[::ffff:8.8.8.8]", "[64:ff9b::8.8.8.8]",
            "public.example", "v6.example"})
    void publicAddressesPass(String host) {
        assertDoesNotThrow(() -> strict.check(URI.create("https://" + host + "/hook")));
    }

    @Test
    void everyResolvedAddressMustBePublic() {
        assertThrows(RefusedTargetException.class, () -> strict.check(URI.create("https://rebind.example/")));
    }

    @Test
    void allowPrivateLetsPrivateTargetsThrough() {
        for (String host : new String[] {"127.0.0.1", "10.0.0.1", "192.168.1.10", "[::1]", "[fd00::1]", "100.64.0.1"}) {
            assertDoesNotThrow(() -> lenient.check(URI.create("http://" + host + "/hook")), host);
        }
    }

    @Test
    void cloudMetadataStaysRefusedEvenWhenPrivateTargetsAreAllowed() {
        for (String host : new String[] {"169.254.169.254", "[::ffff:169.254.169.254]", "metadata.example", "[fd00:ec2::254]"}) {
            assertThrows(RefusedTargetException.class, () -> lenient.check(URI.create("http://" + host + "/latest")), host);
        }
    }

    @Test
    void onlyHttpAndHttps() {
        assertThrows(RefusedTargetException.class, () -> strict.check(URI.create("ftp://public.example/")));
        assertThrows(RefusedTargetException.class, () -> lenient.check(URI.create("file:///etc/passwd")));
    }

    @Test
    void unresolvableNamesAreLeftToTheSender() {
        assertDoesNotThrow(() -> strict.check(URI.create("https://no-such-host.example/")));
    }
}
