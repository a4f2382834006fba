package io.chaintill.application;

import io.chaintill.chain.BroadcastRejectedException;
import io.chaintill.chain.ChainSource;
import io.chaintill.chain.ChainSourceException;
import io.chaintill.chain.bitcoin.BitcoinSources;
import io.chaintill.chain.bitcoin.BitcoinTransactions;
import io.chaintill.domain.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Relays a signed Bitcoin transaction through the configured node (the "broadcast" part of the service). The
 * transaction is parsed first so garbage never reaches the node, and a node rejection comes back as its reason.
 */
@ApplicationScoped
public class TransactionRelay {
    static final int MAX_HEX_CHARS = 2 * 400_000;

    @Inject
    BitcoinSources sources;

    /** Returns the txid the node accepted. */
    public String broadcastBitcoin(String hex) {
        String clean = validate(hex);
        ChainSource source = sources.source().orElseThrow(
                () -> new ChainSourceException("Bitcoin tracking is not configured (chaintill.btc.rpc.url)"));
        try {
            return source.broadcast(clean);
        } catch (BroadcastRejectedException e) {
            throw new InvalidInputException("hex", "the node rejected the transaction: " + e.getMessage());
        }
    }

    static String validate(String hex) {
        if (hex == null || hex.isBlank()) {
            throw new InvalidInputException("hex", "is required: the signed transaction in hexadecimal");
        }
        String clean = hex.strip().toLowerCase(Locale.ROOT);
        if (clean.length() > MAX_HEX_CHARS) {
            throw new InvalidInputException("hex", "is longer than a standard transaction can be");
        }
        byte[] raw;
        try {
            raw = HexFormat.of().parseHex(clean);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("hex", "is not hexadecimal (an even number of 0-9a-f characters)");
        }
        try {
            BitcoinTransactions.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("hex", "is not a valid Bitcoin transaction: " + e.getMessage());
        }
        return clean;
    }
}
