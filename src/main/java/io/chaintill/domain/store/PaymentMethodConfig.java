package io.chaintill.domain.store;

import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.domain.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payment method enabled on a store: for on-chain methods, the merchant's extended public key (in canonical
 * form) and the id of the account key, which addresses are counted under across all stores. A method may carry its
 * own payment tolerance (ChainTill addition): a stablecoin bought on an exchange often arrives short by the
 * exchange's withdrawal fee, which the store's tolerance for its other methods need not grant.
 */
@Entity
@Table(name = "store_payment_method")
public class PaymentMethodConfig {
    @Id
    private String id;
    @Column(name = "store_id")
    private String storeId;
    @Column(name = "payment_method_id")
    private String paymentMethodId;
    private boolean enabled;
    @Column(name = "derivation_scheme")
    private String derivationScheme;
    @Column(name = "key_id")
    private String keyId;
    private String label;
    @Column(name = "account_key_path")
    private String accountKeyPath;
    @Column(name = "payment_tolerance")
    private BigDecimal paymentTolerance;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected PaymentMethodConfig() {
    }

    public PaymentMethodConfig(String storeId, PaymentMethodId method) {
        this.id = storeId + ":" + method;
        this.storeId = storeId;
        this.paymentMethodId = method.toString();
    }

    /** The widths of the label and account_key_path columns. */
    public static final int MAX_LABEL_LENGTH = 200;
    public static final int MAX_ACCOUNT_KEY_PATH_LENGTH = 100;

    /** @param paymentTolerance percent 0..100, or null for the store's (or the invoice's) tolerance */
    public void configure(boolean enabled, String derivationScheme, String keyId, String label, String accountKeyPath,
                          BigDecimal paymentTolerance, Instant now) {
        if (paymentTolerance != null && (paymentTolerance.signum() < 0 || paymentTolerance.compareTo(BigDecimal.valueOf(100)) > 0
                || paymentTolerance.stripTrailingZeros().scale() > 2)) {
            throw new InvalidInputException("paymentTolerance", "must be a percentage between 0 and 100 with at most two decimals");
        }
        if (label != null && label.length() > MAX_LABEL_LENGTH) {
            throw new InvalidInputException("label", "must be at most " + MAX_LABEL_LENGTH + " characters");
        }
        if (accountKeyPath != null && accountKeyPath.length() > MAX_ACCOUNT_KEY_PATH_LENGTH) {
            throw new InvalidInputException("accountKeyPath", "must be at most " + MAX_ACCOUNT_KEY_PATH_LENGTH + " characters");
        }
        this.enabled = enabled;
        this.derivationScheme = derivationScheme;
        this.keyId = keyId;
        this.label = label;
        this.accountKeyPath = accountKeyPath;
        this.paymentTolerance = paymentTolerance;
        this.updatedAt = now;
    }

    public String storeId() { return storeId; }
    public PaymentMethodId paymentMethodId() { return PaymentMethodId.parse(paymentMethodId, "paymentMethodId"); }
    public boolean enabled() { return enabled; }
    public String derivationScheme() { return derivationScheme; }
    public String keyId() { return keyId; }
    public String label() { return label; }
    public String accountKeyPath() { return accountKeyPath; }
    /** Null when the method has none of its own. */
    public BigDecimal paymentTolerance() { return paymentTolerance; }
}
