package io.chaintill.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cluster mode ({@code chaintill.cluster.*}, docs/cluster.md): several nodes on one PostgreSQL database, each
 * chain followed by the node holding its lease, invoice changes relayed to the others. Off by default: a single
 * node follows every chain itself, on H2 or PostgreSQL.
 */
@ApplicationScoped
public class ClusterSettings {
    static final int MAX_NODE_ID = 100;

    @Inject
    @ConfigProperty(name = "chaintill.cluster.enabled", defaultValue = "false")
    boolean enabled;
    @Inject
    @ConfigProperty(name = "chaintill.cluster.node-id")
    Optional<String> nodeId;
    @Inject
    @ConfigProperty(name = "chaintill.cluster.lease-ttl-seconds", defaultValue = "6")
    int leaseTtlSeconds;
    @Inject
    @ConfigProperty(name = "chaintill.db.url")
    String databaseUrl;

    private String node;

    @PostConstruct
    void check() {
        node = nodeId.map(String::strip).filter(s -> !s.isEmpty()).orElseGet(ClusterSettings::defaultNodeId);
        if (node.length() > MAX_NODE_ID || !node.matches("[A-Za-z0-9._:-]+")) {
            throw new IllegalStateException("chaintill.cluster.node-id must be 1-" + MAX_NODE_ID
                    + " letters, digits or . _ : -");
        }
        if (leaseTtlSeconds < 2 || leaseTtlSeconds > 300) {
            throw new IllegalStateException("chaintill.cluster.lease-ttl-seconds must be between 2 and 300");
        }
        if (enabled && !databaseUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("chaintill.cluster.enabled=true needs a shared PostgreSQL database"
                    + " (chaintill.db.url=jdbc:postgresql://...); an H2 file belongs to one process");
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** This node's name in leases and relayed messages; unique per running process. */
    public String nodeId() {
        return node;
    }

    public Duration leaseTtl() {
        return Duration.ofSeconds(leaseTtlSeconds);
    }

    /** How often a node without the lease asks for it: a sixth of the TTL, so a handover takes at most 7/6 TTL. */
    public Duration leaseRetry() {
        return leaseTtl().dividedBy(6);
    }

    /** Host name and process id: several nodes on one host (deploy/cluster) still differ. */
    private static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        String id = host.replaceAll("[^A-Za-z0-9._-]", "-") + "-" + ProcessHandle.current().pid();
        return id.length() > MAX_NODE_ID ? id.substring(id.length() - MAX_NODE_ID) : id;
    }
}
