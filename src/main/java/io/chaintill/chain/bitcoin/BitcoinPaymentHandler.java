package io.chaintill.chain.bitcoin;

import io.chaintill.chain.ChainNetwork;
import io.chaintill.chain.PaymentMethodHandler;
import io.chaintill.domain.payment.CryptoAmount;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.domain.payment.SpeedPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** BTC-CHAIN: addresses from the merchant's xpub/ypub/zpub, BIP21 links, Bitcoin confirmation counts. */
@ApplicationScoped
public class BitcoinPaymentHandler implements PaymentMethodHandler {
    private static final int PREVIEW_ON_PARSE = 3;
    private ChainNetwork network;
    /** Parsing a key is costly (base58, EC point decompression); invoices reuse the parsed form. */
    private final Map<String, DerivationScheme> parsed = new ConcurrentHashMap<>();

    protected BitcoinPaymentHandler() {
    }

    @Inject
    public BitcoinPaymentHandler(@ConfigProperty(name = "chaintill.network") String network) {
        this(ChainNetwork.parse(network));
    }

    public BitcoinPaymentHandler(ChainNetwork network) {
        this.network = network;
    }

    @Override
    public PaymentMethodId id() {
        return PaymentMethodId.BTC_CHAIN;
    }

    @Override
    public int decimals() {
        return 8;
    }

    @Override
    public AccountKey parseAccountKey(String input) {
        DerivationScheme scheme = DerivationScheme.parse(input, network);
        return new AccountKey(scheme.canonical(), scheme.accountKeyId(), scheme.receiveAddresses(0, PREVIEW_ON_PARSE));
    }

    @Override
    public String destination(String canonicalKey, int index) {
        return scheme(canonicalKey).receiveAddress(index);
    }

    @Override
    public List<String> preview(String canonicalKey, int from, int count) {
        return scheme(canonicalKey).receiveAddresses(from, count);
    }

    @Override
    public String paymentLink(String destination, CryptoAmount remaining) {
        return Bip21Uri.of(destination, remaining == null || remaining.isZero() ? null : remaining.units()).toUri();
    }

    @Override
    public String payoutDestination(String input, String field) {
        return BitcoinPayoutAddress.parse(input, network, field);
    }

    @Override
    public int confirmationsRequired(SpeedPolicy policy, boolean replaceable) {
        return switch (policy) {
            case HighSpeed -> replaceable ? 1 : 0;
            case MediumSpeed -> 1;
            case LowMediumSpeed -> 2;
            case LowSpeed -> 6;
        };
    }

    private DerivationScheme scheme(String canonical) {
        if (parsed.size() > 10_000) {
            parsed.clear();
        }
        return parsed.computeIfAbsent(canonical, c -> DerivationScheme.parse(c, network));
    }
}
