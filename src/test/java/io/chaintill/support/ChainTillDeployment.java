package io.chaintill.support;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR Maven built, exactly as it ships, for Arquillian to deploy (client-mode tests over HTTP). */
public final class ChainTillDeployment {
    private static final Duration PREVIOUS_SERVER_GRACE = Duration.ofMinutes(2);

    private ChainTillDeployment() {
    }

    public static WebArchive war() {
        File war = new File("target/ROOT.war");
        if (!war.isFile()) {
            throw new IllegalStateException("target/ROOT.war is missing: integration tests run after 'package' (mvn verify)");
        }
        awaitH2Released();
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /**
     * On H2 every test class's server opens the same database file, and H2 allows one process at a time: a previous
     * class's server that is still shutting down (finishing requests, stopping its jobs) would make this class's server
     * fail to start. Arquillian starts the server right after this method, so wait here until the file is free.
     */
    private static void awaitH2Released() {
        if (!"h2".equals(TestEnvironment.db())) {
            return;
        }
        Path db = TestEnvironment.dataDir().resolve("chaintill.mv.db");
        long deadline = System.nanoTime() + PREVIOUS_SERVER_GRACE.toNanos();
        while (Files.exists(db)) {
            try (FileChannel channel = FileChannel.open(db, StandardOpenOption.READ, StandardOpenOption.WRITE);
                 FileLock lock = channel.tryLock()) {
                if (lock != null) {
                    return;
                }
            } catch (IOException e) {
                return; // nothing this check can tell; the server's start reports a real problem itself
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the previous test class's server still holds " + db + " after "
                        + PREVIOUS_SERVER_GRACE);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
