package io.chaintill.domain.payout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.payment.PaymentMethodId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PayoutTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    static PullPayment pullPayment(String currency, String amount) {
        return PullPayment.create("pp1", "store1", new PullPaymentTerms("Refund", null, new BigDecimal(amount), currency,
                List.of(PaymentMethodId.BTC_CHAIN), null, null, false, null), NOW);
    }

    private static Payout claimed(String amount) {
        return Payout.claim("po1", pullPayment("USD", "100"), "bcrt1qdest", PaymentMethodId.BTC_CHAIN,
                new BigDecimal(amount), NOW);
    }

    @Test
    void aClaimAwaitsApprovalAndRaisesPayoutCreated() {
        Payout p = claimed("10");
        assertEquals(PayoutState.AwaitingApproval, p.state());
        assertTrue(p.payoutAmount().isEmpty());
        assertEquals(List.of(new PayoutEvent(PayoutEventType.PayoutCreated, NOW, PayoutState.AwaitingApproval)), p.drainEvents());
        assertEquals("BTC", p.payoutCurrency());
    }

    @Test
    void approvalFixesTheAmountAtTheRateRoundedDown() {
        Payout p = claimed("10");
        p.drainEvents();
        // 10 USD at 1 BTC = 30000 USD: 0.000333333.. BTC, rounded down to satoshis
        p.approve(BigDecimal.ONE.divide(new BigDecimal("30000"), 20, java.math.RoundingMode.DOWN), 8, 0, NOW);
        assertEquals(new BigDecimal("0.00033333"), p.payoutAmount().orElseThrow());
        assertEquals(PayoutState.AwaitingPayment, p.state());
        assertEquals(PayoutEventType.PayoutApproved, p.drainEvents().get(0).type());
    }

    @Test
    void approvalRefusesAnOldRevisionNoRateAndAnAmountRoundingToZero() {
        assertEquals("old-revision", assertThrows(PayoutRefusedException.class,
                () -> claimed("10").approve(BigDecimal.ONE, 8, 3, NOW)).code());
        assertEquals("rate-unavailable", assertThrows(PayoutRefusedException.class,
                () -> claimed("10").approve(null, 8, null, NOW)).code());
        assertEquals("amount-too-low", assertThrows(PayoutRefusedException.class,
                () -> claimed("0.000000001").approve(BigDecimal.ONE, 8, null, NOW)).code());
    }

    @Test
    void theChainMovesItThroughInProgressToCompletedAndAReorgBack() {
        Payout p = claimed("1");
        p.approve(BigDecimal.ONE, 8, null, NOW);
        assertTrue(p.transactionSeen("tx1", NOW));
        assertFalse(p.transactionSeen("tx1", NOW), "a repeat is no move");
        assertEquals(PayoutState.InProgress, p.state());
        assertTrue(p.transactionDropped(NOW));
        assertEquals(PayoutState.AwaitingPayment, p.state());
        assertTrue(p.transactionId().isEmpty());
        p.transactionSeen("tx2", NOW);
        assertTrue(p.transactionConfirmed(NOW));
        assertEquals(PayoutState.Completed, p.state());
        assertEquals("tx2", p.transactionId().orElseThrow());
        assertFalse(p.transactionConfirmed(NOW));
    }

    @Test
    void merchantActionsOutsideTheirStatesAreInvalidState() {
        Payout done = claimed("1");
        done.approve(BigDecimal.ONE, 8, null, NOW);
        done.markPaid("tx", NOW);
        assertEquals(PayoutState.Completed, done.state());
        assertEquals("invalid-state", assertThrows(PayoutRefusedException.class, () -> done.cancel(NOW)).code());
        assertEquals("invalid-state", assertThrows(PayoutRefusedException.class, () -> done.markPaid(null, NOW)).code());
        assertEquals("invalid-state", assertThrows(PayoutRefusedException.class,
                () -> done.approve(BigDecimal.ONE, 8, null, NOW)).code());
        Payout waiting = claimed("1");
        assertEquals("invalid-state", assertThrows(PayoutRefusedException.class, () -> waiting.markPaid(null, NOW)).code());
        waiting.cancel(NOW);
        assertFalse(waiting.claimsPullPayment());
    }

    /** Every action from every reachable state: the moves that happen are exactly the rows of the table. */
    @Test
    void noMoveOutsideTheTransitionTable() {
        List<Consumer<Payout>> actions = List.of(
                p -> p.approve(BigDecimal.ONE, 8, null, NOW), p -> p.cancel(NOW), p -> p.markPaid(null, NOW),
                p -> p.transactionSeen("t", NOW), p -> p.transactionConfirmed(NOW), p -> p.transactionDropped(NOW));
        List<Consumer<Payout>> toReach = List.of(p -> { }, p -> p.approve(BigDecimal.ONE, 8, null, NOW),
                p -> { p.approve(BigDecimal.ONE, 8, null, NOW); p.transactionSeen("t", NOW); },
                p -> { p.approve(BigDecimal.ONE, 8, null, NOW); p.markPaid(null, NOW); }, p -> p.cancel(NOW));
        Set<PayoutState> reached = EnumSet.noneOf(PayoutState.class);
        for (Consumer<Payout> setup : toReach) {
            for (Consumer<Payout> action : actions) {
                Payout p = claimed("1");
                setup.accept(p);
                PayoutState from = p.state();
                reached.add(from);
                try {
                    action.accept(p);
                } catch (PayoutRefusedException refused) {
                    assertEquals(from, p.state());
                }
                if (p.state() != from) {
                    assertTrue(PayoutTransition.isAllowed(from, p.state()), from + " -> " + p.state());
                }
            }
        }
        assertEquals(EnumSet.allOf(PayoutState.class), reached);
        assertFalse(PayoutTransition.isAllowed(PayoutState.Completed, PayoutState.Cancelled));
        assertFalse(PayoutTransition.isAllowed(PayoutState.Cancelled, PayoutState.AwaitingPayment));
    }

    @Test
    void onlyAnApprovedPayoutInNoOtherBatchJoinsABatch() {
        assertEquals("invalid-state", assertThrows(PayoutRefusedException.class, () -> claimed("10").joinBatch("b1")).code());
        Payout p = claimed("10");
        p.approve(BigDecimal.ONE, 8, null, NOW);
        p.joinBatch("b1");
        assertEquals("b1", p.batchId().orElseThrow());
        assertEquals("in-batch", assertThrows(PayoutRefusedException.class, () -> p.joinBatch("b2")).code());
        p.leaveBatch();
        p.joinBatch("b2");
        assertEquals("b2", p.batchId().orElseThrow());
    }

    @Test
    void aBatchIsBroadcastOrCancelledOnceAndRemembersItsBlock() {
        PayoutBatch b = new PayoutBatch("b1", "store1", "BTC-CHAIN", "key", "cHNidP8=", "aa".repeat(32),
                List.of("tx:0", "tx:1"), List.of("po1"), 282, 0, 1, 49718, NOW);
        assertEquals(List.of("tx:0", "tx:1"), b.inputs());
        b.broadcast("aa".repeat(32), "0200", 101, NOW);
        assertEquals(PayoutBatch.State.Broadcast, b.state());
        assertEquals(101, b.broadcastHeight());
        assertEquals("invalid-state", assertThrows(PayoutRefusedException.class, () -> b.cancel(NOW)).code());
        assertEquals("invalid-state", assertThrows(PayoutRefusedException.class,
                () -> b.broadcast("bb".repeat(32), "0200", 102, NOW)).code());
        b.minedIn("block", NOW);
        assertEquals("block", b.blockHash().orElseThrow());
        b.minedIn(null, NOW);
        assertTrue(b.blockHash().isEmpty());
    }

    @Test
    void aPaymentProofMovesItToInProgressOnceAndASecondDifferentProofIsRefused() {
        Payout p = claimed("10");
        p.approve(BigDecimal.ONE, 8, null, NOW);
        p.drainEvents();
        assertTrue(p.recordProof("0xaa", NOW));
        assertEquals(PayoutState.InProgress, p.state());
        assertEquals(List.of(new PayoutEvent(PayoutEventType.PayoutUpdated, NOW, PayoutState.InProgress)), p.drainEvents());
        assertFalse(p.recordProof("0xAA", NOW), "the same transaction again changes nothing");
        assertTrue(p.drainEvents().isEmpty());
        assertEquals("payout-already-paid", assertThrows(PayoutRefusedException.class,
                () -> p.recordProof("0xbb", NOW)).code());
        assertEquals("payout-already-paid", assertThrows(PayoutRefusedException.class,
                () -> p.markPaid("0xbb", NOW)).code());
        p.markPaid("0xaa", NOW);
        assertEquals(PayoutState.Completed, p.state());
        assertEquals("payout-already-paid", assertThrows(PayoutRefusedException.class,
                () -> p.markPaid("0xbb", NOW)).code(), "the proof conflict is named, not only the final state");
    }

    @Test
    void aDroppedTransactionClearsItsProofAndBlock() {
        Payout p = claimed("10");
        p.approve(BigDecimal.ONE, 8, null, NOW);
        p.transactionSeen("tx1", NOW);
        p.minedIn(100, "hash100");
        assertEquals(java.util.Optional.of(100), p.blockHeight());
        p.transactionDropped(NOW);
        assertEquals(PayoutState.AwaitingPayment, p.state());
        assertTrue(p.transactionId().isEmpty());
        assertTrue(p.blockHeight().isEmpty() && p.blockHash().isEmpty());
        assertTrue(p.recordProof("tx2", NOW), "a new payment may be recorded after the drop");
    }
}
