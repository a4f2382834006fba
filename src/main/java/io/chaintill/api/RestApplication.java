package io.chaintill.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** JAX-RS root. The Greenfield API lives under /api/v1; public checkout paths (/i/...) beside it. */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "ChainTill API", version = "1",
        description = "A compatible subset of BTCPay Server's Greenfield API v1, plus ChainTill additions."))
public class RestApplication extends Application {
    /** No generated WADL: OPTIONS and /application.wadl would list every endpoint to anyone who asks. */
    @Override
    public Map<String, Object> getProperties() {
        // and a bodiless error is answered as such (ErrorBodies fills /api ones), not with the container's HTML page
        return Map.of("jersey.config.server.wadl.disableWadl", true,
                "jersey.config.server.response.setStatusOverSendError", true);
    }
}
