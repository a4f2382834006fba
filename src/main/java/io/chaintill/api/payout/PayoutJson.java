package io.chaintill.api.payout;

import io.chaintill.api.JsonInput;
import io.chaintill.application.payout.RefundRequest;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.domain.payout.Payout;
import io.chaintill.domain.payout.PullPayment;
import io.chaintill.domain.payout.PullPaymentTerms;
import io.chaintill.domain.payout.RefundVariant;
import io.chaintill.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Greenfield's PullPaymentData and PayoutData, and the requests that make them. */
final class PayoutJson {
    static final int MAX_CURRENCY = 10;

    private PayoutJson() {
    }

    static JsonObject pullPayment(PullPayment p, String viewLink) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", p.id())
                .add("name", p.name() == null ? "" : p.name())
                .add("description", p.description() == null ? "" : p.description())
                .add("currency", p.currency())
                .add("amount", decimal(p.amount()))
                .add("autoApproveClaims", p.autoApproveClaims())
                .add("archived", p.archived())
                .add("viewLink", viewLink)
                .add("startsAt", p.startsAt().getEpochSecond());
        p.expiresAt().ifPresentOrElse(t -> b.add("expiresAt", t.getEpochSecond()), () -> b.addNull("expiresAt"));
        JsonArrayBuilder methods = Json.createArrayBuilder();
        p.payoutMethods().forEach(m -> methods.add(m.toString()));
        return b.add("payoutMethods", methods).build();
    }

    static JsonArray pullPayments(List<PullPayment> list, java.util.function.Function<PullPayment, String> links) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        list.forEach(p -> a.add(pullPayment(p, links.apply(p))));
        return a.build();
    }

    /** BTCPay's PayoutData, plus ChainTill's {@code paymentLink} (BIP21 / EIP-681; null unless awaiting payment). */
    static JsonObject payout(Payout p, String paymentLink) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", p.id())
                .add("revision", p.revision())
                .add("pullPaymentId", p.pullPaymentId())
                // BTCPay's schema types the date as a string holding the unix time
                .add("date", Long.toString(p.createdAt().getEpochSecond()))
                .add("destination", p.destination())
                .add("originalCurrency", p.originalCurrency())
                .add("originalAmount", decimal(p.originalAmount()))
                .add("payoutCurrency", p.payoutCurrency())
                .add("payoutMethodId", p.payoutMethodId().toString())
                .add("state", p.state().name())
                .add("metadata", Json.createObjectBuilder());
        p.payoutAmount().ifPresentOrElse(a -> b.add("payoutAmount", decimal(a)), () -> b.addNull("payoutAmount"));
        if (paymentLink == null) {
            b.addNull("paymentLink");
        } else {
            b.add("paymentLink", paymentLink);
        }
        p.transactionId().ifPresent(tx -> b.add("paymentProof", Json.createObjectBuilder()
                .add("proofType", "PayoutTransactionOnChainBlob").add("transactionId", tx)));
        return b.build();
    }

    static JsonArray payouts(List<Payout> list, java.util.function.Function<Payout, String> paymentLinks) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        list.forEach(p -> a.add(payout(p, paymentLinks.apply(p))));
        return a.build();
    }

    static PullPaymentTerms terms(JsonInput in, List<PaymentMethodId> methods) {
        return new PullPaymentTerms(in.string("name"), in.string("description"), in.decimal("amount"),
                currency(in, "currency"), methods, time(in, "startsAt"), time(in, "expiresAt"),
                Boolean.TRUE.equals(in.bool("autoApproveClaims")), null);
    }

    static RefundRequest refund(JsonInput in) {
        String variant = in.string("refundVariant");
        RefundVariant v = null;
        if (variant != null) {
            v = Arrays.stream(RefundVariant.values()).filter(x -> x.name().equals(variant)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("refundVariant",
                            "must be one of RateThen, CurrentRate, OverpaidAmount, Fiat, Custom"));
        }
        String name = in.string("name");
        if (name != null && name.length() > PullPaymentTerms.MAX_NAME) {
            throw new InvalidInputException("name", "must be at most " + PullPaymentTerms.MAX_NAME + " characters");
        }
        return new RefundRequest(name, in.string("description"), in.strings("payoutMethods"),
                in.string("paymentMethod"), v, in.decimal("subtractPercentage"), in.decimal("customAmount"),
                in.has("customCurrency") ? currency(in, "customCurrency") : null);
    }

    static String currency(JsonInput in, String name) {
        String c = in.requiredString(name).strip().toUpperCase(java.util.Locale.ROOT);
        if (c.length() > MAX_CURRENCY || !c.matches("[A-Z0-9]{2,10}")) {
            throw new InvalidInputException(name, "is not a currency code");
        }
        return c;
    }

    private static Instant time(JsonInput in, String name) {
        Integer seconds = in.integer(name);
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }

    static String decimal(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
