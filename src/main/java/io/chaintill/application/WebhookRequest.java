package io.chaintill.application;

import io.chaintill.domain.store.AuthorizedEvents;
import io.chaintill.domain.store.WebhookDefinition;

/** A webhook as the API received it; {@code secret} may be absent (generated on create, kept on update). */
public record WebhookRequest(String url, String secret, boolean enabled, boolean automaticRedelivery,
                             AuthorizedEvents authorizedEvents) {

    public WebhookDefinition definition(String secretWhenAbsent) {
        return new WebhookDefinition(url, secret == null ? secretWhenAbsent : secret, enabled, automaticRedelivery,
                authorizedEvents);
    }
}
