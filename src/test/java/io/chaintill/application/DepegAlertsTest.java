package io.chaintill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chaintill.chain.integrity.AlertKind;
import io.chaintill.chain.integrity.Condition;
import io.chaintill.rates.CurrencyPair;
import io.chaintill.rates.DepeggedException;
import io.chaintill.rates.MutableClock;
import io.chaintill.rates.PegBand;
import io.chaintill.rates.Rate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepegAlertsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final List<String> calls = new ArrayList<>();
    private final DepegAlerts alerts = new DepegAlerts();

    DepegAlertsTest() {
        alerts.clock = clock;
        alerts.alerts = new ChainAlertBook() {
            @Override
            public void update(String chain, List<Condition> raised, Instant now, Integer tipHeight) {
                calls.add(chain + " " + raised.stream().map(c -> c.kind() + ": " + c.reason()).toList());
            }
        };
    }

    private DepeggedException depeg(String rate) {
        return new DepeggedException("USDT", new Rate(CurrencyPair.parse("USDT_USD"), new BigDecimal(rate), "kraken",
                clock.instant()), PegBand.DEFAULT);
    }

    @Test
    void raisesOnceAMinuteWhileDepeggedAndClearsOnceWhenBack() {
        alerts.inBand("USDT");
        assertEquals(List.of("rate:USDT []"), calls, "after a start the first pricing clears what an earlier run left");
        alerts.inBand("USDT");
        assertEquals(1, calls.size(), "in band again: nothing to write");

        alerts.depegged(depeg("0.95"));
        assertEquals("rate:USDT [" + AlertKind.DEPEG + ": USDT trades at 0.95 USD (kraken), outside its peg band"
                + " 0.98..1.02; invoices payable in USDT are refused until it returns]", calls.get(1));
        clock.advance(Duration.ofSeconds(59));
        alerts.depegged(depeg("0.94"));
        assertEquals(2, calls.size(), "no write per refused invoice");
        clock.advance(Duration.ofSeconds(1));
        alerts.depegged(depeg("0.94"));
        assertEquals(3, calls.size(), "refreshed after a minute");

        alerts.inBand("USDT");
        assertEquals("rate:USDT []", calls.get(3));
        alerts.depegged(depeg("0.90"));
        assertEquals(5, calls.size(), "depegged again right after it came back: raised at once");
    }
}
