package io.chaintill.chain.ethereum;

import io.chaintill.domain.payment.PaymentMethodId;
import java.util.List;
import java.util.Optional;

/**
 * One EVM chain the server takes payments on, from {@code chaintill.evm.<name>.*} (Ethereum also from the older
 * {@code chaintill.eth.*}): its node, chain id, native coin, confirmation table, poll interval and tokens.
 *
 * @param name           the configuration name, lower case ({@code ethereum}, {@code base}, {@code anvil})
 * @param displayName    the network in words, shown to buyers ("Base", "Arbitrum One")
 * @param nativeMethod   {@code ETH-CHAIN} on Ethereum, {@code <NATIVE>-<NAME>} elsewhere ({@code ETH-BASE}, {@code POL-POLYGON})
 * @param pollIntervalMs how often the chain is followed; empty: {@code chaintill.jobs.chain-interval-ms}
 * @param chainIdKey     the key the chain id came from, for messages
 */
public record EvmChain(String name, long chainId, String displayName, PaymentMethodId nativeMethod,
                       Optional<String> rpcUrl, ConfirmationTable confirmations, Optional<Long> pollIntervalMs,
                       int firstScanDepth, int balanceChecksPerPass, List<Erc20Token> tokens, String chainIdKey) {
    /** The configuration name of the chain whose methods keep their Greenfield ids ETH-CHAIN and SYMBOL-ERC20. */
    public static final String ETHEREUM = "ethereum";

    public EvmChain {
        tokens = List.copyOf(tokens);
    }

    public String nativeSymbol() {
        return nativeMethod.currency();
    }

    /** The second part of this chain's method ids: CHAIN/ERC20 on Ethereum, the upper-case name elsewhere. */
    public static String kind(String name) {
        return name.toUpperCase(java.util.Locale.ROOT);
    }
}
