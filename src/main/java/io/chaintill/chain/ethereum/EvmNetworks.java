package io.chaintill.chain.ethereum;

import java.util.Map;
import java.util.Optional;

/**
 * What ChainTill knows of public EVM networks by chain id: the name buyers know them by (shown on the checkout),
 * the native coin, the default confirmation table and the preset name tokens are written with ({@code USDC@base}).
 * Any other chain id (a local anvil, another L2) works too; it then needs its name and table from configuration.
 * <p>
 * Why the tables differ (blocks for HighSpeed, MediumSpeed, LowMediumSpeed, LowSpeed; time at the usual interval):
 * Ethereum's 12 s blocks reorg rarely and by one block, finality is about 13 minutes (LowSpeed 12 = 2.4 min stops
 * short of it, as before). Base and OP Mainnet (OP Stack, 2 s) and Arbitrum One (about 0.25 s) order transactions
 * through one sequencer: an L2 block is only undone if the sequencer equivocates or the L1 batch is reorged, so
 * the tables ask for about the same or less wall time than Ethereum (Base/OP 0,5,15,60 = 10 s..2 min; Arbitrum
 * 0,20,60,240 = 5 s..1 min). Polygon PoS (2 s) had reorgs of dozens of blocks before its milestone finality
 * (2023-2024), so its table is deeper in blocks: 0,16,64,128 (about 30 s..4.3 min).
 */
public final class EvmNetworks {
    /** A known network: words for buyers, native coin, default table, the preset name used in {@code SYMBOL@name}. */
    public record Network(long chainId, String displayName, String nativeSymbol, ConfirmationTable confirmations,
                          String presetName, boolean testnet) {
    }

    private static final ConfirmationTable ETHEREUM = new ConfirmationTable(0, 2, 6, 12);
    private static final ConfirmationTable OP_STACK = new ConfirmationTable(0, 5, 15, 60);
    private static final ConfirmationTable ARBITRUM = new ConfirmationTable(0, 20, 60, 240);
    private static final ConfirmationTable POLYGON = new ConfirmationTable(0, 16, 64, 128);

    private static final Map<Long, Network> KNOWN = Map.of(
            1L, new Network(1, "Ethereum", "ETH", ETHEREUM, "ethereum", false),
            8453L, new Network(8453, "Base", "ETH", OP_STACK, "base", false),
            42161L, new Network(42161, "Arbitrum One", "ETH", ARBITRUM, "arbitrum", false),
            10L, new Network(10, "OP Mainnet", "ETH", OP_STACK, "optimism", false),
            137L, new Network(137, "Polygon PoS", "POL", POLYGON, "polygon", false),
            11155111L, new Network(11155111, "Sepolia", "ETH", ETHEREUM, "sepolia", true),
            84532L, new Network(84532, "Base Sepolia", "ETH", OP_STACK, "basesepolia", true));

    private EvmNetworks() {
    }

    public static Optional<Network> byChainId(long chainId) {
        return Optional.ofNullable(KNOWN.get(chainId));
    }

    /** The network a preset name ({@code base} in {@code USDC@base}) stands for, if any. */
    public static Optional<Network> byPresetName(String name) {
        return KNOWN.values().stream().filter(n -> n.presetName().equals(name)).findFirst();
    }

    /** Ethereum's table, also the default of chains ChainTill does not know (a local anvil). */
    public static ConfirmationTable defaultConfirmations() {
        return ETHEREUM;
    }
}
