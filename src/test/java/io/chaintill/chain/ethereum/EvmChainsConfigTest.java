package io.chaintill.chain.ethereum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.chain.PaymentMethodHandler;
import io.chaintill.chain.PaymentMethodHandlers;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.domain.payment.SpeedPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code chaintill.evm.<chain>.*} as operators write it, the method ids it makes, and the token presets. */
class EvmChainsConfigTest {
    private static final String TOKEN = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

    private static List<EvmChain> parse(String... keyValues) {
        Map<String, String> config = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        // environment variables are listed by their own names but looked up by the dotted one, as MicroProfile does
        return EvmChainsConfig.parse(config.keySet(), k -> Optional.ofNullable(config.get(k))
                .or(() -> Optional.ofNullable(config.get(k.toUpperCase().replaceAll("[^A-Z0-9]", "_")))));
    }

    private static EvmChain chain(List<EvmChain> chains, String name) {
        return chains.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void severalChainsEachWithItsOwnNodeTableAndTokens() {
        List<EvmChain> chains = parse(
                "chaintill.eth.chain-id", "1", "chaintill.eth.rpc.url", "http://127.0.0.1:8545",
                "chaintill.eth.tokens", "USDC,USDT",
                "chaintill.evm.base.chain-id", "8453", "chaintill.evm.base.rpc.url", "http://127.0.0.1:9545",
                "chaintill.evm.base.tokens", "USDC@base",
                "CHAINTILL_EVM_ARBITRUM_CHAIN_ID", "42161", "CHAINTILL_EVM_ARBITRUM_TOKENS", "usdc,USDT@arbitrum",
                "CHAINTILL_EVM_ARBITRUM_BLOCK_INTERVAL_MS", "500",
                "chaintill.evm.polygon.chain-id", "137", "chaintill.evm.polygon.confirmations", "0, 30, 90, 200");
        assertEquals(List.of("arbitrum", "base", "ethereum", "polygon"), chains.stream().map(EvmChain::name).toList());

        EvmChain ethereum = chain(chains, "ethereum");
        assertEquals("ETH-CHAIN", ethereum.nativeMethod().toString());
        assertEquals(List.of("USDC-ERC20", "USDT-ERC20"), ethereum.tokens().stream().map(t -> t.methodId().toString()).toList());
        assertEquals("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", ethereum.tokens().get(0).contract());
        assertEquals("Ethereum", ethereum.displayName());
        assertEquals(Optional.of("http://127.0.0.1:8545"), ethereum.rpcUrl());
        assertEquals("chaintill.eth.chain-id", ethereum.chainIdKey());

        EvmChain base = chain(chains, "base");
        assertEquals("ETH-BASE", base.nativeMethod().toString());
        assertEquals("Base", base.displayName());
        Erc20Token usdcBase = base.tokens().get(0);
        assertEquals("USDC-BASE", usdcBase.methodId().toString());
        assertEquals("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913", usdcBase.contract());
        assertEquals(6, usdcBase.decimals());
        assertEquals(8453, usdcBase.chainId());
        assertTrue(usdcBase.preset());
        assertEquals("chaintill.evm.base.chain-id", base.chainIdKey());

        EvmChain arbitrum = chain(chains, "arbitrum");
        assertEquals("Arbitrum One", arbitrum.displayName());
        assertEquals(List.of("USDC-ARBITRUM", "USDT-ARBITRUM"), arbitrum.tokens().stream().map(t -> t.methodId().toString()).toList());
        assertEquals(Optional.of(500L), arbitrum.pollIntervalMs());
        assertEquals(Optional.empty(), arbitrum.rpcUrl());
        assertTrue(arbitrum.tokens().get(1).onChainSymbols().contains("USD₮0"));

        EvmChain polygon = chain(chains, "polygon");
        assertEquals("POL-POLYGON", polygon.nativeMethod().toString());
        assertEquals(new ConfirmationTable(0, 30, 90, 200), polygon.confirmations());
        assertEquals(new ConfirmationTable(0, 2, 6, 12), ethereum.confirmations());
        assertEquals(EvmNetworks.byChainId(8453).orElseThrow().confirmations(), base.confirmations());
    }

    @Test
    void evmKeysOverrideTheOlderEthKeysOneByOne() {
        EvmChain ethereum = chain(parse("chaintill.eth.chain-id", "1337", "chaintill.eth.tokens", "USDT:" + TOKEN + ":6",
                "chaintill.evm.ethereum.tokens", "DAI:" + TOKEN + ":18"), "ethereum");
        assertEquals(1337, ethereum.chainId());
        assertEquals(List.of("DAI-ERC20"), ethereum.tokens().stream().map(t -> t.methodId().toString()).toList());
        assertEquals("Ethereum", ethereum.displayName());
        assertFalse(ethereum.tokens().get(0).preset());
    }

    @Test
    void aLocalChainNeedsNoPresetAndTakesItsNameAndTable() {
        EvmChain local = chain(parse("chaintill.evm.anvil.chain-id", "31337", "chaintill.evm.anvil.tokens", "USDC:" + TOKEN + ":6",
                "chaintill.evm.anvil.network-name", "Local test chain", "chaintill.evm.anvil.native", "geth"), "anvil");
        assertEquals("GETH-ANVIL", local.nativeMethod().toString());
        assertEquals("Local test chain", local.displayName());
        assertEquals("USDC-ANVIL", local.tokens().get(0).methodId().toString());
        assertEquals(new ConfirmationTable(0, 2, 6, 12), local.confirmations());
        assertEquals(List.of(), parse("chaintill.evm.base.chain-id", "", "chaintill.evm.base.tokens", "USDC"));
    }

    @Test
    void methodIdsOfOtherChainsParseAndHandlersNameTheNetwork() {
        List<EvmChain> chains = parse("chaintill.evm.basesepolia.chain-id", "84532",
                "chaintill.evm.basesepolia.tokens", "USDC:0x036CbD53842c5426634e7929541eC2318f3dCF7e:6",
                "chaintill.evm.optimism.chain-id", "10", "chaintill.evm.optimism.tokens", "USDC");
        PaymentMethodHandlers all = new PaymentMethodHandlers(
                new EthereumPaymentHandlers(EthereumSettings.of(chains)).handlers());
        assertEquals(List.of("ETH-BASESEPOLIA", "ETH-OPTIMISM", "USDC-BASESEPOLIA", "USDC-OPTIMISM"), all.supported());
        PaymentMethodHandler usdc = all.find(PaymentMethodId.parse("usdc_basesepolia", "id")).orElseThrow();
        assertEquals(Optional.of("Base Sepolia"), usdc.network());
        assertEquals(5, all.find(PaymentMethodId.parse("USDC-OPTIMISM", "id")).orElseThrow()
                .confirmationsRequired(SpeedPolicy.MediumSpeed, false));
        assertTrue(usdc.paymentLink("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", null).contains("@84532/transfer"));
        String key = usdc.parseAccountKey(EthereumTestWallets.ANVIL_XPUB).keyId();
        assertEquals(key, all.find(PaymentMethodId.parse("ETH-OPTIMISM", "id")).orElseThrow()
                .parseAccountKey(EthereumTestWallets.ANVIL_XPUB).keyId(), "one address counter per key on every chain");
    }

    @Test
    void presetsArePinnedPerChainIdWithSixDecimals() {
        assertEquals(9, Erc20Presets.all().size());
        for (Erc20Presets.Preset p : Erc20Presets.all()) {
            assertEquals(6, p.decimals(), p.toString());
            assertEquals(p.contract(), EthereumAddresses.checksum(p.contract()), "EIP-55 as published: " + p);
            assertTrue(EvmNetworks.byChainId(p.chainId()).isPresent());
        }
        assertEquals(Set.of(1L, 8453L, 42161L, 10L, 137L),
                Set.copyOf(Erc20Presets.all().stream().filter(p -> p.symbol().equals("USDC")).map(Erc20Presets.Preset::chainId).toList()));
        assertEquals(Optional.empty(), Erc20Presets.find("USDT", 8453), "Tether issues no USDT on Base");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "chaintill.evm.base.chain-id=84532;chaintill.evm.base.tokens=USDC@base | chaintill.evm.base.tokens: 'USDC@base': USDC@base is the preset for chain id 8453, but this chain runs chain id 84532",
            "chaintill.evm.anvil.chain-id=31337;chaintill.evm.anvil.tokens=USDC | there is no built-in USDC contract for chain id 31337",
            "chaintill.evm.base.chain-id=8453;chaintill.evm.base.tokens=USDT | there is no built-in USDT contract for chain id 8453",
            "chaintill.evm.base.chain-id=8453;chaintill.evm.base.tokens=USDC@mars | unknown network 'mars'",
            "chaintill.evm.base.chain-id=8453;chaintill.evm.base.tokens=USDC@base:" + "0x5FbDB2315678afecb367f032d93F642f64180aa3:6 | leave out the address or the @network",
            "chaintill.evm.base.chain-id=8453;chaintill.evm.base.confirmations=0,2,1,12 | chaintill.evm.base.confirmations: confirmations must be",
            "chaintill.evm.base.chain-id=8453;chaintill.evm.base.confirmations=0,2,6 | expected four numbers",
            "chaintill.evm.base.chain-id=base | chaintill.evm.base.chain-id: expected a whole number",
            "chaintill.evm.base.chain-id=8453;chaintill.evm.base.rpc.url=ftp://x | chaintill.evm.base.rpc.url: expected an http",
            "chaintill.evm.base.chain-id=8453;chaintill.evm.other.chain-id=8453 | both run chain id 8453",
            "chaintill.evm.erc20.chain-id=5 | chaintill.evm.erc20: a chain name is",
            "chaintill.evm.ab.chain-id=5 | chaintill.evm.ab: a chain name is",
            "chaintill.evm.base.chain-id=8453;chaintill.evm.base.block-interval-ms=5 | block-interval-ms: expected a whole number from 100",
            "chaintill.evm.base.chain-id=8453;chaintill.evm.base.tokens=ETH:0x5FbDB2315678afecb367f032d93F642f64180aa3:18 | not ETH, POL or BTC",
            "chaintill.evm.base.chain-id=8453;chaintill.evm.base.native=USDC;chaintill.evm.base.tokens=USDC | USDC is this chain's native coin"})
    void malformedSettingsStopTheStartNamingTheKey(String settings, String message) {
        String[] pairs = settings.split(";");
        String[] kv = new String[pairs.length * 2];
        for (int i = 0; i < pairs.length; i++) {
            kv[2 * i] = pairs[i].substring(0, pairs[i].indexOf('='));
            kv[2 * i + 1] = pairs[i].substring(pairs[i].indexOf('=') + 1);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(kv));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
