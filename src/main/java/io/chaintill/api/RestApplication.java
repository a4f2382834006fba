package io.chaintill.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** JAX-RS root. The Greenfield API lives under /api/v1; public checkout paths (/i/...) beside it. */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "ChainTill API", version = "1",
        description = "A compatible subset of BTCPay Server's Greenfield API v1, plus ChainTill additions."))
public class RestApplication extends Application {
}
