package io.chaintill.application;

import io.chaintill.persistence.AddressCounters;
import io.chaintill.persistence.PaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many addresses handed out in a row at the end of an account's receive chain never received a payment. A
 * wallet restored from seed stops looking after its gap limit (usually 20) unused addresses, so funds sent
 * beyond that would look lost: the merchant is warned before the gap gets there.
 */
@ApplicationScoped
public class AddressGap {
    private static final Logger LOG = Logger.getLogger(AddressGap.class.getName());
    /** Warn this many addresses before the wallet's gap limit is reached. */
    static final int WARNING_MARGIN = 5;

    @Inject
    AddressCounters counters;
    @Inject
    PaymentRepository payments;
    @Inject
    @ConfigProperty(name = "chaintill.btc.gap-limit", defaultValue = "20")
    int gapLimit;

    /** The gap of an account key, with a warning when it is close to (or past) the gap limit. */
    public record Report(int unusedInARow, int gapLimit, String warning) {
    }

    @Transactional
    public Report of(String keyId) {
        int handedOut = counters.peek(keyId);
        int firstUnpaid = payments.highestPaidIndex(keyId).map(i -> i + 1).orElse(0);
        return report(keyId, handedOut, firstUnpaid, gapLimit);
    }

    static Report report(String keyId, int handedOut, int firstUnpaid, int gapLimit) {
        int gap = Math.max(0, handedOut - firstUnpaid);
        String warning = null;
        if (gap >= Math.max(1, gapLimit - WARNING_MARGIN)) {
            warning = gap + " addresses in a row were handed out without being paid; a wallet with gap limit "
                    + gapLimit + " may not show payments beyond that: raise your wallet's gap limit";
            LOG.warning("account key " + keyId + ": " + warning);
        }
        return new Report(gap, gapLimit, warning);
    }
}
