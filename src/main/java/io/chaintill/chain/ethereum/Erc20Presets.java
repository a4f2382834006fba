package io.chaintill.chain.ethereum;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The official USDC and USDT contracts on the mainnets ChainTill knows, so an operator writes {@code USDC} (or
 * {@code USDC@base}) instead of an address. At start {@link Erc20ContractCheck} insists the contract has code,
 * answers {@code decimals()} with these decimals and {@code symbol()} with one of the listed symbols: a preset
 * never silently tracks another contract. Test networks and local chains take explicit addresses.
 * <p>
 * Sources (checked against two listings each, December 2026):
 * USDC: Circle, "USDC Contract Addresses" (developers.circle.com/stablecoins/usdc-contract-addresses, Circle's
 * own circlefin/skills "use-usdc" lists the same), and Gelato's USDC address table; native USDC only, never the
 * bridged USDC.e (Arbitrum 0xFF97..., OP 0x7F5c..., Polygon 0x2791...).
 * USDT: Tether's Ethereum contract 0xdAC1...; Arbitrum One and Polygon PoS as listed by Reown AppKit
 * (eip155:42161, eip155:137) and Orderly's address table; OP Mainnet from the Optimism token list
 * (ethereum-optimism.github.io data/USDT/data.json). Tether issues none on Base (the USDT there is a bridge's
 * token), so Base has no USDT preset. Since the USDT0 upgrade the Arbitrum and Polygon contracts may name
 * themselves USD₮0; both spellings are accepted, the address is what is pinned.
 */
public final class Erc20Presets {
    /** A pinned contract: symbols {@code symbol()} may answer for it. */
    public record Preset(String symbol, long chainId, String contract, int decimals, Set<String> onChainSymbols) {
    }

    private static final Set<String> USDC = Set.of("USDC");
    private static final Set<String> USDT = Set.of("USDT");
    private static final Set<String> USDT0 = Set.of("USDT", "USD₮0", "USDT0");

    private static final List<Preset> ALL = List.of(
            new Preset("USDC", 1, "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", 6, USDC),
            new Preset("USDC", 8453, "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913", 6, USDC),
            new Preset("USDC", 42161, "0xaf88d065e77c8cC2239327C5EDb3A432268e5831", 6, USDC),
            new Preset("USDC", 10, "0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85", 6, USDC),
            new Preset("USDC", 137, "0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359", 6, USDC),
            new Preset("USDT", 1, "0xdAC17F958D2ee523a2206206994597C13D831ec7", 6, USDT),
            new Preset("USDT", 42161, "0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9", 6, USDT0),
            new Preset("USDT", 10, "0x94b008aA00579c1307B0EF2c499aD98a8ce58e58", 6, USDT0),
            new Preset("USDT", 137, "0xc2132D05D31c914a87C6611C10748AEb04B58e8F", 6, USDT0));

    private Erc20Presets() {
    }

    public static Optional<Preset> find(String symbol, long chainId) {
        return ALL.stream().filter(p -> p.symbol().equals(symbol) && p.chainId() == chainId).findFirst();
    }

    public static List<Preset> all() {
        return ALL;
    }
}
