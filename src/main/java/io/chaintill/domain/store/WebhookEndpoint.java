package io.chaintill.domain.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A store's webhook: where events are POSTed, the secret they are signed with, and which events it wants. */
@Entity
@Table(name = "webhook")
public class WebhookEndpoint {
    @Id
    private String id;
    @Column(name = "store_id")
    private String storeId;
    private String url;
    private String secret;
    private boolean enabled;
    @Column(name = "automatic_redelivery")
    private boolean automaticRedelivery;
    @Column(name = "all_events")
    private boolean allEvents;
    @Column(name = "specific_events")
    private String specificEvents;
    @Column(name = "created_at")
    private Instant createdAt;

    protected WebhookEndpoint() {
    }

    public WebhookEndpoint(String id, String storeId, WebhookDefinition definition, Instant createdAt) {
        this.id = id;
        this.storeId = storeId;
        this.createdAt = createdAt;
        apply(definition);
    }

    public void apply(WebhookDefinition d) {
        this.url = d.url();
        this.secret = d.secret();
        this.enabled = d.enabled();
        this.automaticRedelivery = d.automaticRedelivery();
        this.allEvents = d.authorizedEvents().everything();
        this.specificEvents = d.authorizedEvents().specificEventsText();
    }

    public boolean wants(String eventType) {
        return enabled && authorizedEvents().accepts(eventType);
    }

    public AuthorizedEvents authorizedEvents() {
        return AuthorizedEvents.of(allEvents, specificEvents);
    }

    public String id() { return id; }
    public String storeId() { return storeId; }
    public String url() { return url; }
    public String secret() { return secret; }
    public boolean enabled() { return enabled; }
    public boolean automaticRedelivery() { return automaticRedelivery; }
    public Instant createdAt() { return createdAt; }
}
