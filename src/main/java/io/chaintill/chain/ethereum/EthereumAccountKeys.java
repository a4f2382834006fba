package io.chaintill.chain.ethereum;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed account keys by canonical text, shared by ETH-CHAIN and every token handler: parsing costs base58, a
 * point decompression and one derivation, which invoices should not pay again and again.
 */
public final class EthereumAccountKeys {
    private static final int MAX_CACHED = 10_000;
    private final Map<String, EthereumAccountKey> parsed = new ConcurrentHashMap<>();

    public EthereumAccountKey of(String canonical) {
        if (parsed.size() > MAX_CACHED) {
            parsed.clear();
        }
        return parsed.computeIfAbsent(canonical, EthereumAccountKey::parse);
    }
}
