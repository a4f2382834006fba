package io.chaintill.rates;

import java.math.BigDecimal;

/**
 * A USD-pegged token trades outside its {@link PegBand}: invoices payable in it are refused until it returns.
 * The API maps it to HTTP 503, naming the token, its rate and who gave it.
 */
public class DepeggedException extends RuntimeException {
    private final String token;
    private final Rate usdRate;
    private final PegBand band;

    public DepeggedException(String token, Rate usdRate, PegBand band) {
        super(token + " trades at " + usdRate.value().toPlainString() + " USD (" + usdRate.providerId()
                + "), outside its peg band " + band + "; invoices payable in " + token + " are refused until it returns");
        this.token = token;
        this.usdRate = usdRate;
        this.band = band;
    }

    public String token() { return token; }
    public Rate usdRate() { return usdRate; }
    public PegBand band() { return band; }
}
