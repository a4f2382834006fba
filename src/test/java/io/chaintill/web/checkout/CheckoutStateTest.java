package io.chaintill.web.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.invoice.AdditionalStatus;
import io.chaintill.domain.invoice.InvoiceStatus;
import org.junit.jupiter.api.Test;

class CheckoutStateTest {
    private static CheckoutState of(InvoiceStatus s, AdditionalStatus a) {
        return CheckoutState.of(CheckoutViews.view(s, a, 0, 0));
    }

    @Test
    void eachStatusPairTellsTheBuyerTheRightThing() {
        assertEquals(CheckoutState.waiting, of(InvoiceStatus.New, AdditionalStatus.None));
        assertEquals(CheckoutState.partial, of(InvoiceStatus.New, AdditionalStatus.PaidPartial));
        assertEquals(CheckoutState.seen, of(InvoiceStatus.Processing, AdditionalStatus.None));
        assertEquals(CheckoutState.seen, of(InvoiceStatus.Processing, AdditionalStatus.PaidOver));
        assertEquals(CheckoutState.paidLateSeen, of(InvoiceStatus.Processing, AdditionalStatus.PaidLate));
        assertEquals(CheckoutState.paid, of(InvoiceStatus.Settled, AdditionalStatus.None));
        assertEquals(CheckoutState.paid, of(InvoiceStatus.Settled, AdditionalStatus.Marked));
        assertEquals(CheckoutState.paidLate, of(InvoiceStatus.Settled, AdditionalStatus.PaidLate));
        assertEquals(CheckoutState.expired, of(InvoiceStatus.Expired, AdditionalStatus.None));
        assertEquals(CheckoutState.expiredPartial, of(InvoiceStatus.Expired, AdditionalStatus.PaidPartial));
        assertEquals(CheckoutState.invalid, of(InvoiceStatus.Invalid, AdditionalStatus.Invalid));
    }

    @Test
    void onlyOpenInvoicesArePayableAndReceiptsFollowTheSetting() {
        assertTrue(CheckoutState.waiting.payable() && CheckoutState.partial.payable());
        assertFalse(CheckoutState.expired.payable() || CheckoutState.seen.payable() || CheckoutState.paid.payable());
        assertTrue(CheckoutState.paid.receipt(false) && CheckoutState.paidLate.receipt(false));
        assertFalse(CheckoutState.seen.receipt(false));
        assertTrue(CheckoutState.seen.receipt(true) && CheckoutState.paidLateSeen.receipt(true));
        assertFalse(CheckoutState.expired.receipt(true) || CheckoutState.invalid.receipt(true));
    }
}
