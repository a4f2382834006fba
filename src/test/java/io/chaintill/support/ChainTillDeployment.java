package io.chaintill.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR Maven built, exactly as it ships, for Arquillian to deploy (client-mode tests over HTTP). */
public final class ChainTillDeployment {
    private ChainTillDeployment() {
    }

    public static WebArchive war() {
        File war = new File("target/ROOT.war");
        if (!war.isFile()) {
            throw new IllegalStateException("target/ROOT.war is missing: integration tests run after 'package' (mvn verify)");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
