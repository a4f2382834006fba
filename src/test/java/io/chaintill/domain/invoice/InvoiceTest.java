package io.chaintill.domain.invoice;

import static io.chaintill.domain.invoice.InvoiceFixtures.DUE;
import static io.chaintill.domain.invoice.InvoiceFixtures.EXPIRES;
import static io.chaintill.domain.invoice.InvoiceFixtures.MONITORING_ENDS;
import static io.chaintill.domain.invoice.InvoiceFixtures.T0;
import static io.chaintill.domain.invoice.InvoiceFixtures.invoice;
import static io.chaintill.domain.invoice.InvoiceFixtures.minutes;
import static io.chaintill.domain.invoice.InvoiceFixtures.topUp;
import static io.chaintill.domain.invoice.InvoiceFixtures.topUpTotals;
import static io.chaintill.domain.invoice.InvoiceFixtures.totals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.payment.Price;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class InvoiceTest {

    private static InvoiceEvent event(InvoiceEventType type, Instant at, Map<String, Object> data) {
        return new InvoiceEvent(type, at, data);
    }

    private static void assertState(Invoice i, InvoiceStatus status, AdditionalStatus additional) {
        assertEquals(status, i.status(), "status");
        assertEquals(additional, i.additionalStatus(), "additionalStatus");
    }

    @Nested
    class Creation {
        @Test
        void newInvoiceIsNewWithTimesFromCheckoutAndOneCreatedEvent() {
            Invoice i = Invoice.create("inv-9", "store-1", Price.of(new BigDecimal("65.00"), "USD", "amount", "currency"),
                    "USD", "{}", "o-9", List.of("Coffee"), InvoiceFixtures.checkout("1"), T0, "idem-1");
            assertState(i, InvoiceStatus.New, AdditionalStatus.None);
            assertEquals(T0, i.createdAt());
            assertEquals(T0.plusSeconds(15 * 60), i.expiresAt());
            assertEquals(T0.plusSeconds(75 * 60), i.monitoringEndsAt());
            assertEquals(Optional.of(new BigDecimal("65")), i.amount());
            assertEquals("idem-1", i.idempotencyKey());
            assertFalse(i.archived());
            assertEquals(List.of(event(InvoiceEventType.InvoiceCreated, T0, Map.of())), i.drainEvents());
            assertEquals(List.of(), i.drainEvents(), "draining empties the queue");
        }

        @Test
        void topUpInvoiceHasNoAmount() {
            Invoice i = Invoice.create("inv-t", "store-1", null, "USD", "{}", null, null,
                    InvoiceFixtures.checkout(null), T0, null);
            assertEquals(Optional.empty(), i.amount());
            assertEquals(InvoiceStatus.New, i.status());
            assertEquals(1, i.drainEvents().size());
        }
    }

    @Nested
    class Payments {
        @Test
        void exactPaymentGoesProcessingThenSettledWhenConfirmed() {
            Invoice i = invoice();
            i.onPayments(totals(DUE, 0), minutes(2));
            assertState(i, InvoiceStatus.Processing, AdditionalStatus.None);
            assertEquals(List.of(event(InvoiceEventType.InvoiceProcessing, minutes(2), Map.of("overPaid", false))),
                    i.drainEvents());

            i.onPayments(totals(DUE, 0), minutes(3));
            assertState(i, InvoiceStatus.Processing, AdditionalStatus.None);
            assertEquals(List.of(), i.drainEvents(), "the same totals again change nothing");

            i.onPayments(totals(DUE, DUE), minutes(12));
            assertState(i, InvoiceStatus.Settled, AdditionalStatus.None);
            assertEquals(List.of(event(InvoiceEventType.InvoiceSettled, minutes(12),
                    Map.of("manuallyMarked", false, "overPaid", false))), i.drainEvents());
        }

        @Test
        void paymentConfirmedAtFirstSightEmitsProcessingThenSettled() {
            Invoice i = invoice();
            i.onPayments(totals(DUE, DUE), minutes(2));
            assertState(i, InvoiceStatus.Settled, AdditionalStatus.None);
            assertEquals(List.of(
                    event(InvoiceEventType.InvoiceProcessing, minutes(2), Map.of("overPaid", false)),
                    event(InvoiceEventType.InvoiceSettled, minutes(2), Map.of("manuallyMarked", false, "overPaid", false))),
                    i.drainEvents());
        }

        @Test
        void twoPartialPaymentsArePaidPartialThenProcessing() {
            Invoice i = invoice();
            i.onPayments(totals(40_000, 0), minutes(1));
            assertState(i, InvoiceStatus.New, AdditionalStatus.PaidPartial);
            assertEquals(List.of(), i.drainEvents());

            i.onPayments(totals(40_000, 40_000), minutes(5));
            assertState(i, InvoiceStatus.New, AdditionalStatus.PaidPartial);
            assertEquals(List.of(), i.drainEvents(), "a confirmed partial payment does not settle");

            i.onPayments(totals(100_000, 40_000), minutes(6));
            assertState(i, InvoiceStatus.Processing, AdditionalStatus.None);
            assertEquals(List.of(event(InvoiceEventType.InvoiceProcessing, minutes(6), Map.of("overPaid", false))),
                    i.drainEvents());
        }

        @Test
        void overpaymentIsPaidOverAndSettlesOverPaid() {
            Invoice i = invoice();
            i.onPayments(totals(DUE + 1, 0), minutes(1));
            assertState(i, InvoiceStatus.Processing, AdditionalStatus.PaidOver);
            assertEquals(List.of(event(InvoiceEventType.InvoiceProcessing, minutes(1), Map.of("overPaid", true))),
                    i.drainEvents());
            i.onPayments(totals(DUE + 1, DUE + 1), minutes(11));
            assertState(i, InvoiceStatus.Settled, AdditionalStatus.PaidOver);
            assertEquals(List.of(event(InvoiceEventType.InvoiceSettled, minutes(11),
                    Map.of("manuallyMarked", false, "overPaid", true))), i.drainEvents());
        }

        @Test
        void overpaymentPartlyTakenBackLeavesPaidOver() {
            Invoice i = invoice();
            i.onPayments(totals(2 * DUE, 0), minutes(1));
            assertState(i, InvoiceStatus.Processing, AdditionalStatus.PaidOver);
            i.drainEvents();
            i.onPayments(totals(DUE, 0), minutes(2));
            assertState(i, InvoiceStatus.Processing, AdditionalStatus.None);
            assertEquals(List.of(), i.drainEvents());
        }

        @ParameterizedTest(name = "tolerance {0}%, received {1} of 100000 -> {2}")
        @CsvSource({
                "1, 99000, Processing",  // 1% short, 1% tolerated: full
                "1, 98999, New",
                "1, 98000, New",         // 2% short: partial
                "2, 98000, Processing",
                "0, 99999, New",
                ", 99999, New",          // no tolerance given
                "0.5, 99500, Processing",
                "0.5, 99499, New",
                "100, 1, Processing",
        })
        void paymentToleranceDecidesWhatCountsAsFull(String tolerance, long received, InvoiceStatus expected) {
            Invoice i = InvoiceFixtures.invoice(tolerance);
            i.onPayments(totals(received, 0), minutes(1));
            assertEquals(expected, i.status());
            if (expected == InvoiceStatus.New) {
                assertEquals(AdditionalStatus.PaidPartial, i.additionalStatus());
                assertEquals(List.of(), i.drainEvents());
            } else {
                assertEquals(AdditionalStatus.None, i.additionalStatus(), "short within tolerance is not over");
                assertEquals(List.of(event(InvoiceEventType.InvoiceProcessing, minutes(1), Map.of("overPaid", false))),
                        i.drainEvents());
            }
        }

        @Test
        void fullToleranceNeverCountsNothingAsPaid() {
            Invoice i = InvoiceFixtures.invoice("100");
            i.onPayments(totals(0, 0), minutes(1));
            assertState(i, InvoiceStatus.New, AdditionalStatus.None);
            assertEquals(List.of(), i.drainEvents());
            i.onPayments(totals(1, 0), minutes(2));
            assertState(i, InvoiceStatus.Processing, AdditionalStatus.None);
            i.drainEvents();
            i.onPayments(totals(1, 0), minutes(3));
            assertEquals(InvoiceStatus.Processing, i.status(), "nothing confirmed yet");
            i.onPayments(totals(1, 1), minutes(4));
            assertEquals(InvoiceStatus.Settled, i.status());
        }

        @ParameterizedTest(name = "invoice {0}%, method {1}%, received {2} of 100000 -> {3}")
        @CsvSource({
                "0, 1, 99500, Settled",       // an exchange withdrawal 0.5% short: the method's 1% grants it
                "0, 0, 99500, New",           // with 0% it stays partial
                "1, 0, 99500, New",           // the method's own 0% wins over the invoice's 1%
                ", 1, 99000, Settled",
                "1, , 99000, Settled",        // no method tolerance: the invoice's applies
                "0, 1, 98999, New",
        })
        void aMethodsOwnToleranceWinsOverTheInvoices(String invoiceTolerance, String methodTolerance, long received,
                                                    InvoiceStatus expected) {
            Invoice i = InvoiceFixtures.invoice(invoiceTolerance);
            BigDecimal method = methodTolerance == null ? null : new BigDecimal(methodTolerance);
            i.onPayments(totals(received, received), method, minutes(1));
            assertEquals(expected, i.status());
            if (expected == InvoiceStatus.New) {
                assertEquals(AdditionalStatus.PaidPartial, i.additionalStatus(), "short beyond tolerance is partial");
            }
        }

        @Test
        void aPromptKeepsTheToleranceItWasCreatedWith() {
            Invoice i = InvoiceFixtures.invoice("0");
            PaymentPrompt p = i.addPrompt("p-1", io.chaintill.domain.payment.PaymentMethodId.parse("USDC-BASE", "m"),
                    "0xabc", "k", 0, BigDecimal.ONE, InvoiceFixtures.sats(DUE), 8, new BigDecimal("1"));
            assertEquals(new BigDecimal("1"), p.paymentTolerance());
            assertEquals(null, i.addPrompt("p-2", io.chaintill.domain.payment.PaymentMethodId.parse("BTC-CHAIN", "m"),
                    "bc1q", "k2", 0, BigDecimal.ONE, InvoiceFixtures.sats(DUE), 8).paymentTolerance());
        }

        @Test
        void paymentWithinToleranceSettlesWhenThatMuchIsConfirmed() {
            Invoice i = InvoiceFixtures.invoice("1");
            i.onPayments(totals(99_000, 98_999), minutes(1));
            assertEquals(InvoiceStatus.Processing, i.status());
            i.onPayments(totals(99_000, 99_000), minutes(2));
            assertEquals(InvoiceStatus.Settled, i.status());
        }

        @Test
        void settledAndInvalidInvoicesIgnoreLaterChainNews() {
            Invoice settled = invoice();
            settled.onPayments(totals(DUE, DUE), minutes(1));
            settled.drainEvents();
            settled.onPayments(totals(0, 0), minutes(2));
            assertState(settled, InvoiceStatus.Settled, AdditionalStatus.None);
            assertEquals(List.of(), settled.drainEvents());

            Invoice invalid = invoice();
            invalid.markInvalid(minutes(1));
            invalid.drainEvents();
            invalid.onPayments(totals(DUE, DUE), minutes(2));
            assertState(invalid, InvoiceStatus.Invalid, AdditionalStatus.Marked);
            assertEquals(List.of(), invalid.drainEvents());
        }
    }

    @Nested
    class Expiry {
        @Test
        void unpaidInvoiceExpiresAtItsExpirationTimeNotBefore() {
            Invoice i = invoice();
            assertFalse(i.expireIfDue(EXPIRES.minusMillis(1)));
            assertEquals(InvoiceStatus.New, i.status());
            assertEquals(List.of(), i.drainEvents());
            assertTrue(i.expireIfDue(EXPIRES));
            assertState(i, InvoiceStatus.Expired, AdditionalStatus.None);
            assertEquals(List.of(event(InvoiceEventType.InvoiceExpired, EXPIRES, Map.of("partiallyPaid", false))),
                    i.drainEvents());
        }

        @Test
        void expiringAnExpiredInvoiceAgainIsANoOp() {
            Invoice i = invoice();
            i.expireIfDue(EXPIRES);
            i.drainEvents();
            assertFalse(i.expireIfDue(minutes(30)));
            assertFalse(i.expireIfDue(minutes(300)));
            assertEquals(InvoiceStatus.Expired, i.status());
            assertEquals(List.of(), i.drainEvents());
        }

        @Test
        void expiryLeavesProcessingAndSettledInvoicesAlone() {
            Invoice i = invoice();
            i.onPayments(totals(DUE, 0), minutes(1));
            i.drainEvents();
            assertFalse(i.expireIfDue(minutes(20)));
            assertEquals(InvoiceStatus.Processing, i.status());
            i.onPayments(totals(DUE, DUE), minutes(21));
            i.drainEvents();
            assertFalse(i.expireIfDue(minutes(22)));
            assertEquals(InvoiceStatus.Settled, i.status());
            assertEquals(List.of(), i.drainEvents());
        }

        @Test
        void partiallyPaidInvoiceExpiresKeepingPaidPartial() {
            Invoice i = invoice();
            i.onPayments(totals(30_000, 0), minutes(1));
            assertTrue(i.expireIfDue(minutes(16)));
            assertState(i, InvoiceStatus.Expired, AdditionalStatus.PaidPartial);
            assertEquals(List.of(event(InvoiceEventType.InvoiceExpired, minutes(16), Map.of("partiallyPaid", true))),
                    i.drainEvents());
            i.onPayments(totals(50_000, 30_000), minutes(17));
            assertState(i, InvoiceStatus.Expired, AdditionalStatus.PaidPartial);
            assertEquals(List.of(), i.drainEvents());
        }

        @Test
        void latePaymentWithinMonitoringIsProcessingPaidLateThenSettles() {
            Invoice i = invoice();
            i.expireIfDue(EXPIRES);
            i.drainEvents();
            i.onPayments(totals(DUE, 0), minutes(30));
            assertState(i, InvoiceStatus.Processing, AdditionalStatus.PaidLate);
            assertEquals(List.of(event(InvoiceEventType.InvoiceProcessing, minutes(30), Map.of("overPaid", false))),
                    i.drainEvents());
            i.onPayments(totals(DUE + 5, 0), minutes(31));
            assertEquals(AdditionalStatus.PaidLate, i.additionalStatus(), "late stays late even when over");
            i.onPayments(totals(DUE + 5, DUE + 5), minutes(40));
            assertState(i, InvoiceStatus.Settled, AdditionalStatus.PaidLate);
            assertEquals(List.of(event(InvoiceEventType.InvoiceSettled, minutes(40),
                    Map.of("manuallyMarked", false, "overPaid", true))), i.drainEvents());
        }

        @Test
        void latePartialPaymentCompletedWithinMonitoringIsPaidLate() {
            Invoice i = invoice();
            i.onPayments(totals(50_000, 0), minutes(1));
            i.expireIfDue(EXPIRES);
            i.drainEvents();
            i.onPayments(totals(DUE, 50_000), MONITORING_ENDS.minusSeconds(1));
            assertState(i, InvoiceStatus.Processing, AdditionalStatus.PaidLate);
        }

        @Test
        void paymentAfterMonitoringEndLeavesInvoiceExpiredPaidPartial() {
            Invoice i = invoice();
            i.expireIfDue(EXPIRES);
            i.drainEvents();
            i.onPayments(totals(DUE, DUE), MONITORING_ENDS);
            assertState(i, InvoiceStatus.Expired, AdditionalStatus.PaidPartial);
            assertEquals(List.of(), i.drainEvents());
        }

        @Test
        void expiredInvoiceWhosePartialPaymentVanishedIsNoLongerPaidPartial() {
            Invoice i = invoice();
            i.onPayments(totals(30_000, 0), minutes(1));
            i.expireIfDue(EXPIRES);
            i.drainEvents();
            i.onPayments(totals(0, 0), minutes(20));
            assertState(i, InvoiceStatus.Expired, AdditionalStatus.None);
            assertEquals(List.of(), i.drainEvents());
        }
    }

    @Nested
    class Reorgs {
        @Test
        void paymentRemovedBeforeExpiryMovesBackToNew() {
            Invoice i = invoice();
            i.onPayments(totals(DUE, 0), minutes(1));
            i.drainEvents();
            i.onPayments(totals(0, 0), minutes(5));
            assertState(i, InvoiceStatus.New, AdditionalStatus.None);
            assertEquals(List.of(event(InvoiceEventType.InvoicePaymentRemoved, minutes(5), Map.of("partiallyPaid", false))),
                    i.drainEvents());
            // and it can be paid again
            i.onPayments(totals(DUE, 0), minutes(6));
            assertEquals(InvoiceStatus.Processing, i.status());
        }

        @Test
        void partOfThePaymentRemovedLeavesNewPaidPartial() {
            Invoice i = invoice();
            i.onPayments(totals(DUE, 0), minutes(1));
            i.drainEvents();
            i.onPayments(totals(60_000, 0), minutes(5));
            assertState(i, InvoiceStatus.New, AdditionalStatus.PaidPartial);
            assertEquals(List.of(event(InvoiceEventType.InvoicePaymentRemoved, minutes(5), Map.of("partiallyPaid", true))),
                    i.drainEvents());
            assertTrue(i.expireIfDue(EXPIRES));
            assertEquals(List.of(event(InvoiceEventType.InvoiceExpired, EXPIRES, Map.of("partiallyPaid", true))),
                    i.drainEvents());
        }

        @Test
        void paymentRemovedAfterExpiryMovesToExpired() {
            Invoice i = invoice();
            i.onPayments(totals(DUE, 0), minutes(1));
            i.drainEvents();
            i.onPayments(totals(0, 0), EXPIRES);
            assertState(i, InvoiceStatus.Expired, AdditionalStatus.None);
            assertEquals(List.of(event(InvoiceEventType.InvoiceExpired, EXPIRES, Map.of("partiallyPaid", false))),
                    i.drainEvents());
        }

        @Test
        void latePaymentRemovedGoesBackToExpiredAndCanArriveAgain() {
            Invoice i = invoice();
            i.expireIfDue(EXPIRES);
            i.onPayments(totals(DUE, 0), minutes(20));
            i.drainEvents();
            i.onPayments(totals(10_000, 0), minutes(21));
            assertState(i, InvoiceStatus.Expired, AdditionalStatus.PaidPartial);
            assertEquals(List.of(event(InvoiceEventType.InvoiceExpired, minutes(21), Map.of("partiallyPaid", true))),
                    i.drainEvents());
            i.onPayments(totals(DUE, 0), minutes(22));
            assertState(i, InvoiceStatus.Processing, AdditionalStatus.PaidLate);
        }
    }

    @Nested
    class Monitoring {
        @Test
        void monitoringEndWhileProcessingMakesInvoiceInvalid() {
            Invoice i = invoice();
            i.onPayments(totals(DUE, 0), minutes(1));
            i.drainEvents();
            assertFalse(i.endMonitoringIfDue(MONITORING_ENDS.minusMillis(1)));
            assertEquals(List.of(), i.drainEvents());
            assertTrue(i.endMonitoringIfDue(MONITORING_ENDS));
            assertState(i, InvoiceStatus.Invalid, AdditionalStatus.Invalid);
            assertEquals(List.of(event(InvoiceEventType.InvoiceInvalid, MONITORING_ENDS, Map.of("manuallyMarked", false))),
                    i.drainEvents());
            assertFalse(i.endMonitoringIfDue(MONITORING_ENDS.plusSeconds(60)), "only once");
        }

        @ParameterizedTest
        @EnumSource(value = InvoiceStatus.class, names = {"New", "Expired", "Settled", "Invalid"})
        void monitoringEndOnlyAffectsProcessing(InvoiceStatus status) {
            Invoice i = inStatus(status);
            AdditionalStatus before = i.additionalStatus();
            assertFalse(i.endMonitoringIfDue(minutes(10_000)));
            assertState(i, status, before);
            assertEquals(List.of(), i.drainEvents());
        }
    }

    @Nested
    class TopUp {
        @Test
        void anyPaymentIsFullAndNeverOver() {
            Invoice i = topUp();
            i.onPayments(topUpTotals(0, 0), minutes(1));
            assertState(i, InvoiceStatus.New, AdditionalStatus.None);
            assertEquals(List.of(), i.drainEvents());
            i.onPayments(topUpTotals(1, 0), minutes(2));
            assertState(i, InvoiceStatus.Processing, AdditionalStatus.None);
            assertEquals(List.of(event(InvoiceEventType.InvoiceProcessing, minutes(2), Map.of("overPaid", false))),
                    i.drainEvents());
            i.onPayments(topUpTotals(5_000_000_000L, 0), minutes(3));
            assertState(i, InvoiceStatus.Processing, AdditionalStatus.None);
        }

        @Test
        void settlesOnlyWhenEverythingReceivedIsConfirmed() {
            Invoice i = topUp();
            i.onPayments(topUpTotals(7_000, 5_000), minutes(2));
            assertEquals(InvoiceStatus.Processing, i.status());
            i.drainEvents();
            i.onPayments(topUpTotals(7_000, 7_000), minutes(9));
            assertState(i, InvoiceStatus.Settled, AdditionalStatus.None);
            assertEquals(List.of(event(InvoiceEventType.InvoiceSettled, minutes(9),
                    Map.of("manuallyMarked", false, "overPaid", false))), i.drainEvents());
        }

        @Test
        void unpaidTopUpExpiresAndLatePaymentIsPaidLate() {
            Invoice i = topUp();
            assertTrue(i.expireIfDue(EXPIRES));
            i.onPayments(topUpTotals(3, 0), minutes(20));
            assertState(i, InvoiceStatus.Processing, AdditionalStatus.PaidLate);
        }

        @Test
        void topUpPaymentRemovedGoesBackToNew() {
            Invoice i = topUp();
            i.onPayments(topUpTotals(3, 0), minutes(1));
            i.drainEvents();
            i.onPayments(topUpTotals(0, 0), minutes(2));
            assertState(i, InvoiceStatus.New, AdditionalStatus.None);
            assertEquals(List.of(event(InvoiceEventType.InvoicePaymentRemoved, minutes(2), Map.of("partiallyPaid", false))),
                    i.drainEvents());
        }
    }

    @Nested
    class ManualMarking {
        @ParameterizedTest
        @EnumSource(InvoiceStatus.class)
        void markSettledFollowsTheTable(InvoiceStatus from) {
            Invoice i = inStatus(from);
            AdditionalStatus before = i.additionalStatus();
            Instant at = minutes(1000);
            if (InvoiceTransition.isAllowed(from, InvoiceStatus.Settled)) {
                i.markSettled(at);
                assertState(i, InvoiceStatus.Settled, AdditionalStatus.Marked);
                assertEquals(List.of(event(InvoiceEventType.InvoiceSettled, at,
                        Map.of("manuallyMarked", true, "overPaid", false))), i.drainEvents());
            } else {
                InvoiceStateException e = assertThrows(InvoiceStateException.class, () -> i.markSettled(at));
                assertTrue(e.getMessage().contains(from.name()), e.getMessage());
                assertState(i, from, before);
                assertEquals(List.of(), i.drainEvents());
            }
        }

        @ParameterizedTest
        @EnumSource(InvoiceStatus.class)
        void markInvalidFollowsTheTable(InvoiceStatus from) {
            Invoice i = inStatus(from);
            AdditionalStatus before = i.additionalStatus();
            Instant at = minutes(1000);
            if (InvoiceTransition.isAllowed(from, InvoiceStatus.Invalid)) {
                i.markInvalid(at);
                assertState(i, InvoiceStatus.Invalid, AdditionalStatus.Marked);
                assertEquals(List.of(event(InvoiceEventType.InvoiceInvalid, at, Map.of("manuallyMarked", true))),
                        i.drainEvents());
            } else {
                InvoiceStateException e = assertThrows(InvoiceStateException.class, () -> i.markInvalid(at));
                assertTrue(e.getMessage().contains(from.name()), e.getMessage());
                assertState(i, from, before);
                assertEquals(List.of(), i.drainEvents());
            }
        }

        @Test
        void markingIsAllowedExactlyFromTheseStatuses() {
            // written out from the design so a table change is a conscious one
            assertEquals(Set.of(InvoiceStatus.Settled, InvoiceStatus.Invalid), inStatus(InvoiceStatus.New).statusesForManualMarking());
            assertEquals(Set.of(InvoiceStatus.Settled, InvoiceStatus.Invalid), inStatus(InvoiceStatus.Processing).statusesForManualMarking());
            assertEquals(Set.of(InvoiceStatus.Settled, InvoiceStatus.Invalid), inStatus(InvoiceStatus.Expired).statusesForManualMarking());
            assertEquals(Set.of(InvoiceStatus.Settled), inStatus(InvoiceStatus.Invalid).statusesForManualMarking());
            assertEquals(Set.of(), inStatus(InvoiceStatus.Settled).statusesForManualMarking());
        }

        @ParameterizedTest
        @EnumSource(InvoiceStatus.class)
        void statusesForManualMarkingAreWhatTheMarkMethodsAccept(InvoiceStatus from) {
            Set<InvoiceStatus> offered = inStatus(from).statusesForManualMarking();
            Set<InvoiceStatus> accepted = EnumSet.noneOf(InvoiceStatus.class);
            try {
                inStatus(from).markSettled(minutes(1000));
                accepted.add(InvoiceStatus.Settled);
            } catch (InvoiceStateException e) {
                // not offered
            }
            try {
                inStatus(from).markInvalid(minutes(1000));
                accepted.add(InvoiceStatus.Invalid);
            } catch (InvoiceStateException e) {
                // not offered
            }
            assertEquals(accepted, offered);
        }

        @Test
        void invalidInvoiceMarkedSettledThenRefusesMarkingInvalid() {
            Invoice i = inStatus(InvoiceStatus.Invalid);
            i.markSettled(minutes(100));
            assertThrows(InvoiceStateException.class, () -> i.markInvalid(minutes(101)));
            assertThrows(InvoiceStateException.class, () -> i.markSettled(minutes(101)));
        }
    }

    @Test
    void metadataAndArchivingDoNotTouchStatusOrEvents() {
        Invoice i = invoice();
        i.replaceMetadata("{\"orderId\":\"o-2\"}", "o-2", List.of("Tea"));
        i.archive(true);
        assertEquals("o-2", i.orderId());
        assertTrue(i.archived());
        assertState(i, InvoiceStatus.New, AdditionalStatus.None);
        assertEquals(List.of(), i.drainEvents());
    }

    /** A fixture invoice driven to {@code status} through the public methods, events drained. */
    static Invoice inStatus(InvoiceStatus status) {
        Invoice i = invoice();
        switch (status) {
            case New -> { }
            case Processing -> i.onPayments(totals(DUE, 0), minutes(1));
            case Settled -> i.onPayments(totals(DUE, DUE), minutes(1));
            case Expired -> i.expireIfDue(EXPIRES);
            case Invalid -> {
                i.onPayments(totals(DUE, 0), minutes(1));
                i.endMonitoringIfDue(MONITORING_ENDS);
            }
        }
        assertEquals(status, i.status());
        i.drainEvents();
        return i;
    }
}
