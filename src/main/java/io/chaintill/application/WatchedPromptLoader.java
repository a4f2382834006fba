package io.chaintill.application;

import io.chaintill.chain.WatchedDestination;
import io.chaintill.domain.invoice.PaymentPrompt;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.persistence.PaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Loads the destinations of still-monitored invoices, as the chain follower's index wants them. */
@ApplicationScoped
public class WatchedPromptLoader {
    @Inject
    PaymentRepository payments;

    /** @param scriptOf the chain's encoding of a destination into what its outputs carry */
    @Transactional
    public List<WatchedDestination> load(PaymentMethodId method, Instant createdSince, Instant now,
                                         Function<String, String> scriptOf) {
        List<WatchedDestination> out = new ArrayList<>();
        for (PaymentPrompt p : payments.watchedPrompts(method, createdSince, now)) {
            out.add(new WatchedDestination(scriptOf.apply(p.destination()), p.destination(), p.invoiceId(), p.id()));
        }
        return out;
    }

    @Transactional
    public List<String> processingPastMonitoring(PaymentMethodId method, Instant now) {
        return payments.processingPastMonitoring(method, now, 500);
    }
}
