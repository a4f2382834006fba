package io.chaintill.domain.invoice;

import static io.chaintill.domain.invoice.InvoiceFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.chaintill.domain.payment.CryptoAmount;
import io.chaintill.domain.payment.Price;
import io.chaintill.domain.payment.SpeedPolicy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Drives many invoices through long random sequences of every public operation (fixed seed, so a failure is
 * reproducible) and checks after each step that: the status only moved along rows of {@link InvoiceTransition};
 * every move emitted exactly one event naming where it went; status, additional status and events equal those of
 * a reference model written from the design; and the additional status is one that makes sense for the status.
 * It also checks the run exercised every (from, to) pair of the table, so the test cannot pass by never trying.
 */
class InvoiceRandomizedTest {
    private static final long SEED = 20240501L;
    private static final int INVOICES = 3_000;
    private static final int STEPS = 40;
    private static final int EXPIRATION = 15;
    private static final int MONITORING = 60;
    private static final String[] TOLERANCES = {null, "0", "1", "2.5", "100"};

    private enum Op { PAYMENTS, EXPIRE, END_MONITORING, MARK_SETTLED, MARK_INVALID }

    /** The invoice rules restated from DESIGN.md "Invoice", independently of Invoice's code. */
    private static final class Model {
        final boolean topUp;
        final BigInteger due;
        final BigDecimal tolerance;
        final Instant expires;
        final Instant monitoringEnds;
        InvoiceStatus status = InvoiceStatus.New;
        AdditionalStatus additional = AdditionalStatus.None;
        final List<InvoiceEvent> events = new ArrayList<>();

        Model(boolean topUp, BigInteger due, BigDecimal tolerance, Instant created) {
            this.topUp = topUp;
            this.due = due;
            this.tolerance = tolerance == null ? BigDecimal.ZERO : tolerance;
            this.expires = created.plus(Duration.ofMinutes(EXPIRATION));
            this.monitoringEnds = expires.plus(Duration.ofMinutes(MONITORING));
        }

        /** amount * 100 >= due * (100 - tolerance), exactly. */
        private boolean coversDue(BigInteger amount) {
            BigDecimal lhs = new BigDecimal(amount).multiply(BigDecimal.valueOf(100));
            BigDecimal rhs = new BigDecimal(due).multiply(BigDecimal.valueOf(100).subtract(tolerance));
            return lhs.compareTo(rhs) >= 0;
        }

        void payments(BigInteger received, BigInteger confirmed, Instant now) {
            if (status == InvoiceStatus.Settled || status == InvoiceStatus.Invalid) {
                return;
            }
            boolean any = received.signum() > 0;
            boolean paid = any && (topUp || coversDue(received));
            boolean final_ = confirmed.signum() > 0 && (topUp ? confirmed.compareTo(received) >= 0 : coversDue(confirmed));
            boolean over = !topUp && received.compareTo(due) > 0;
            AdditionalStatus partial = any ? AdditionalStatus.PaidPartial : AdditionalStatus.None;
            switch (status) {
                case New -> {
                    if (!paid) {
                        additional = partial;
                        return;
                    }
                    status = InvoiceStatus.Processing;
                    additional = over ? AdditionalStatus.PaidOver : AdditionalStatus.None;
                    events.add(new InvoiceEvent(InvoiceEventType.InvoiceProcessing, now, Map.of("overPaid", over)));
                }
                case Expired -> {
                    if (!paid || !now.isBefore(monitoringEnds)) {
                        additional = partial;
                        return;
                    }
                    status = InvoiceStatus.Processing;
                    additional = AdditionalStatus.PaidLate;
                    events.add(new InvoiceEvent(InvoiceEventType.InvoiceProcessing, now, Map.of("overPaid", over)));
                }
                case Processing -> {
                    if (!paid) {
                        boolean beforeExpiry = now.isBefore(expires);
                        status = beforeExpiry ? InvoiceStatus.New : InvoiceStatus.Expired;
                        additional = partial;
                        events.add(new InvoiceEvent(beforeExpiry ? InvoiceEventType.InvoicePaymentRemoved
                                : InvoiceEventType.InvoiceExpired, now, Map.of("partiallyPaid", any)));
                        return;
                    }
                    if (additional != AdditionalStatus.PaidLate) {
                        additional = over ? AdditionalStatus.PaidOver : AdditionalStatus.None;
                    }
                }
                default -> throw new AssertionError(status);
            }
            if (final_) {
                status = InvoiceStatus.Settled;
                events.add(new InvoiceEvent(InvoiceEventType.InvoiceSettled, now,
                        Map.of("manuallyMarked", false, "overPaid", over)));
            }
        }

        boolean expire(Instant now) {
            if (status != InvoiceStatus.New || now.isBefore(expires)) {
                return false;
            }
            status = InvoiceStatus.Expired;
            events.add(new InvoiceEvent(InvoiceEventType.InvoiceExpired, now,
                    Map.of("partiallyPaid", additional == AdditionalStatus.PaidPartial)));
            return true;
        }

        boolean endMonitoring(Instant now) {
            if (status != InvoiceStatus.Processing || now.isBefore(monitoringEnds)) {
                return false;
            }
            status = InvoiceStatus.Invalid;
            additional = AdditionalStatus.Invalid;
            events.add(new InvoiceEvent(InvoiceEventType.InvoiceInvalid, now, Map.of("manuallyMarked", false)));
            return true;
        }

        /** False when the design forbids the marking (the invoice must throw). */
        boolean markSettled(Instant now) {
            if (status == InvoiceStatus.Settled) {
                return false;
            }
            status = InvoiceStatus.Settled;
            additional = AdditionalStatus.Marked;
            events.add(new InvoiceEvent(InvoiceEventType.InvoiceSettled, now, Map.of("manuallyMarked", true, "overPaid", false)));
            return true;
        }

        boolean markInvalid(Instant now) {
            if (status == InvoiceStatus.Settled || status == InvoiceStatus.Invalid) {
                return false;
            }
            status = InvoiceStatus.Invalid;
            additional = AdditionalStatus.Marked;
            events.add(new InvoiceEvent(InvoiceEventType.InvoiceInvalid, now, Map.of("manuallyMarked", true)));
            return true;
        }

        List<InvoiceEvent> drain() {
            List<InvoiceEvent> out = List.copyOf(events);
            events.clear();
            return out;
        }
    }

    /** Where an event says the invoice went. */
    private static InvoiceStatus target(InvoiceEventType type) {
        return switch (type) {
            case InvoiceProcessing -> InvoiceStatus.Processing;
            case InvoiceSettled -> InvoiceStatus.Settled;
            case InvoiceExpired -> InvoiceStatus.Expired;
            case InvoiceInvalid -> InvoiceStatus.Invalid;
            case InvoicePaymentRemoved -> InvoiceStatus.New;
            default -> throw new AssertionError("no status change raises " + type);
        };
    }

    private static final Map<InvoiceStatus, Set<AdditionalStatus>> SENSIBLE = Map.of(
            InvoiceStatus.New, EnumSet.of(AdditionalStatus.None, AdditionalStatus.PaidPartial),
            InvoiceStatus.Expired, EnumSet.of(AdditionalStatus.None, AdditionalStatus.PaidPartial),
            InvoiceStatus.Processing, EnumSet.of(AdditionalStatus.None, AdditionalStatus.PaidOver, AdditionalStatus.PaidLate),
            InvoiceStatus.Settled, EnumSet.of(AdditionalStatus.None, AdditionalStatus.PaidOver, AdditionalStatus.PaidLate,
                    AdditionalStatus.Marked),
            InvoiceStatus.Invalid, EnumSet.of(AdditionalStatus.Invalid, AdditionalStatus.Marked));

    @Test
    void randomOperationsOnlyEverMoveAlongTheTableAndEmitTheRightEvents() {
        Random random = new Random(SEED);
        Set<List<InvoiceStatus>> visited = new HashSet<>();
        Set<InvoiceTransition> marksTried = EnumSet.noneOf(InvoiceTransition.class);
        int operations = 0;
        int refused = 0;
        for (int n = 0; n < INVOICES; n++) {
            boolean topUp = random.nextInt(5) == 0;
            String tol = TOLERANCES[random.nextInt(TOLERANCES.length)];
            long dueUnits = 1 + random.nextInt(1_000_000);
            Instant now = T0.plus(Duration.ofMinutes(n));
            CheckoutOptions checkout = new CheckoutOptions(SpeedPolicy.MediumSpeed, tol == null ? null : new BigDecimal(tol),
                    null, false, null, null, EXPIRATION, MONITORING);
            Invoice invoice = Invoice.create("inv-" + n, "store", topUp ? null : Price.of(BigDecimal.TEN, "USD", "amount",
                    "currency"), "USD", "{}", null, null, checkout, now, null);
            assertEquals(List.of(new InvoiceEvent(InvoiceEventType.InvoiceCreated, now, Map.of())), invoice.drainEvents());
            Model model = new Model(topUp, BigInteger.valueOf(dueUnits), tol == null ? null : new BigDecimal(tol), now);
            CryptoAmount due = topUp ? null : CryptoAmount.ofUnits(BigInteger.valueOf(dueUnits), 8);

            for (int step = 0; step < STEPS; step++) {
                now = now.plusSeconds(random.nextInt(6 * 60));
                Op op = pick(random);
                InvoiceStatus before = invoice.status();
                String where = "invoice " + n + " step " + step + " " + op + " from " + before + "/"
                        + invoice.additionalStatus() + " topUp=" + topUp + " tol=" + tol + " due=" + dueUnits;
                boolean modelAllows = true;
                boolean threw = false;
                try {
                    switch (op) {
                        case PAYMENTS -> {
                            long received = amount(random, dueUnits);
                            long confirmed = switch (random.nextInt(4)) {
                                case 0 -> 0;
                                case 1 -> received / 2;
                                case 2 -> Math.min(received, dueUnits - 1);
                                default -> received;
                            };
                            where += " received=" + received + " confirmed=" + confirmed;
                            model.payments(BigInteger.valueOf(received), BigInteger.valueOf(confirmed), now);
                            invoice.onPayments(new PaymentTotals(due, CryptoAmount.ofUnits(BigInteger.valueOf(received), 8),
                                    CryptoAmount.ofUnits(BigInteger.valueOf(confirmed), 8)), now);
                        }
                        case EXPIRE -> assertEquals(model.expire(now), invoice.expireIfDue(now), where);
                        case END_MONITORING -> assertEquals(model.endMonitoring(now), invoice.endMonitoringIfDue(now), where);
                        case MARK_SETTLED -> {
                            marksTried.add(InvoiceTransition.MARKED_SETTLED);
                            modelAllows = model.markSettled(now);
                            invoice.markSettled(now);
                        }
                        case MARK_INVALID -> {
                            marksTried.add(InvoiceTransition.MARKED_INVALID);
                            modelAllows = model.markInvalid(now);
                            invoice.markInvalid(now);
                        }
                    }
                } catch (InvoiceStateException e) {
                    threw = true;
                    refused++;
                }
                operations++;
                assertEquals(!modelAllows, threw, where + ": refusal");

                List<InvoiceEvent> events = invoice.drainEvents();
                assertEquals(model.drain(), events, where + ": events");
                assertEquals(model.status, invoice.status(), where + ": status");
                assertEquals(model.additional, invoice.additionalStatus(), where + ": additionalStatus");

                InvoiceStatus at = before;
                for (InvoiceEvent e : events) {
                    InvoiceStatus to = target(e.type());
                    assertTrue(InvoiceTransition.isAllowed(at, to), where + ": " + at + " -> " + to + " is not in the table");
                    visited.add(List.of(at, to));
                    at = to;
                }
                assertEquals(at, invoice.status(), where + ": a status change without its event");
                assertTrue(SENSIBLE.get(invoice.status()).contains(invoice.additionalStatus()),
                        where + ": " + invoice.status() + "/" + invoice.additionalStatus());
                if (invoice.status() == InvoiceStatus.Settled || invoice.status() == InvoiceStatus.Invalid) {
                    if (random.nextInt(3) == 0) {
                        break; // terminal enough; spend the steps elsewhere
                    }
                }
            }
        }
        assertEquals(InvoiceTransitionTest.DESIGN_TABLE, visited, "every row of the table was exercised");
        assertEquals(EnumSet.of(InvoiceTransition.MARKED_SETTLED, InvoiceTransition.MARKED_INVALID), marksTried);
        assertTrue(refused > 100, "refused markings were exercised: " + refused);
        assertTrue(operations > 15_000, "ran " + operations);
    }

    private static Op pick(Random random) {
        int r = random.nextInt(100);
        if (r < 60) {
            return Op.PAYMENTS;
        }
        if (r < 78) {
            return Op.EXPIRE;
        }
        if (r < 92) {
            return Op.END_MONITORING;
        }
        return r < 96 ? Op.MARK_SETTLED : Op.MARK_INVALID;
    }

    /** Amounts around the interesting edges: nothing, a little, just short, exact, just over, double. */
    private static long amount(Random random, long due) {
        return switch (random.nextInt(10)) {
            case 0, 1 -> 0;
            case 2 -> 1;
            case 3 -> due / 2;
            case 4 -> due * 99 / 100;
            case 5 -> Math.max(0, due - 1);
            case 6, 7 -> due;
            case 8 -> due + 1;
            default -> due * 2;
        };
    }
}
