package io.chaintill.rates;

import java.math.BigDecimal;

/**
 * A source of exchange rates. Implementations must bound their own running time (the HTTP providers use
 * connect/read timeouts) so that a slow source cannot hold up the fallback to the next one, and must report
 * every failure as {@link RateUnavailableException}, never as a runtime exception.
 */
public interface RateProvider {

    /** Short lower-case name used in configuration, e.g. "kraken". */
    String id();

    /** The price of one {@code pair.base()} in {@code pair.quote()}; always greater than zero. */
    BigDecimal rate(CurrencyPair pair) throws RateUnavailableException;
}
