package io.chaintill.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An invoice event as stored in the outbox table; the webhook relay turns rows into deliveries. */
@Entity
@Table(name = "invoice_event")
public class InvoiceEventRecord {
    @Id
    @SequenceGenerator(name = "invoice_event_seq", sequenceName = "invoice_event_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_event_seq")
    private long id;
    @Column(name = "invoice_id")
    private String invoiceId;
    @Column(name = "store_id")
    private String storeId;
    private String type;
    @Column(name = "data_json")
    private String dataJson;
    @Column(name = "created_at")
    private Instant createdAt;
    /** Set once the webhook dispatcher has created this event's deliveries (see WebhookDispatcher). */
    private boolean dispatched;

    protected InvoiceEventRecord() {
    }

    public InvoiceEventRecord(String invoiceId, String storeId, String type, String dataJson, Instant createdAt) {
        this.invoiceId = invoiceId;
        this.storeId = storeId;
        this.type = type;
        this.dataJson = dataJson;
        this.createdAt = createdAt;
    }

    public long id() { return id; }
    public String invoiceId() { return invoiceId; }
    public String storeId() { return storeId; }
    public String type() { return type; }
    public String dataJson() { return dataJson; }
    public Instant createdAt() { return createdAt; }
    public boolean dispatched() { return dispatched; }
}
