package io.chaintill.chain.ethereum;

import static io.chaintill.chain.ethereum.EthereumTestWallets.ANVIL_XPUB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.chain.ChainNetwork;
import io.chaintill.chain.PaymentMethodHandler;
import io.chaintill.chain.PaymentMethodHandler.AccountKey;
import io.chaintill.chain.PaymentMethodHandlers;
import io.chaintill.chain.bitcoin.BitcoinPaymentHandler;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.payment.CryptoAmount;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.domain.payment.SpeedPolicy;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EthereumPaymentHandlersTest {
    private static final PaymentMethodId USDT = PaymentMethodId.parse("USDT-ERC20", "id");
    private static final PaymentMethodId DAI = PaymentMethodId.parse("DAI-ERC20", "id");

    static EthereumSettings settings(Long chainId, String tokens) {
        Map<String, String> config = new HashMap<>();
        if (chainId != null) {
            config.put("chaintill.eth.chain-id", chainId.toString());
        }
        if (tokens != null) {
            config.put("chaintill.eth.tokens", tokens);
        }
        return EthereumSettings.of(EvmChainsConfig.parse(config.keySet(), k -> Optional.ofNullable(config.get(k))));
    }

    private static EthereumPaymentHandlers handlers() {
        return new EthereumPaymentHandlers(settings(1337L,
                "USDT:0x5FbDB2315678afecb367f032d93F642f64180aa3:6, dai:0xe7f1725e7734ce288f8367e1bb143e90bb3f0512:18"));
    }

    @Test
    void nothingIsOfferedWithoutAChainId() {
        EthereumPaymentHandlers none = new EthereumPaymentHandlers(settings(null, "USDT:0x5FbDB2315678afecb367f032d93F642f64180aa3:6"));
        assertEquals(List.of(), none.handlers());
        assertEquals(Optional.empty(), none.ether());
    }

    @Test
    void etherAndOneHandlerPerTokenJoinBitcoin() {
        List<PaymentMethodHandler> all = new ArrayList<>(List.of(new BitcoinPaymentHandler(ChainNetwork.REGTEST)));
        all.addAll(handlers().handlers());
        assertEquals(List.of("BTC-CHAIN", "DAI-ERC20", "ETH-CHAIN", "USDT-ERC20"), new PaymentMethodHandlers(all).supported());
    }

    @Test
    void decimalsComeFromTheAssetAndTheTokenConfiguration() {
        EthereumPaymentHandlers h = handlers();
        assertEquals(18, h.ether().orElseThrow().decimals());
        assertEquals(6, h.token(USDT).orElseThrow().decimals());
        assertEquals(18, h.token(DAI).orElseThrow().decimals());
        assertEquals("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", h.token(DAI).orElseThrow().token().contract());
    }

    @Test
    void etherAndTokensShareOneAddressSequenceAndKeyId() {
        EthereumPaymentHandlers h = handlers();
        AccountKey eth = h.ether().orElseThrow().parseAccountKey(ANVIL_XPUB);
        AccountKey usdt = h.token(USDT).orElseThrow().parseAccountKey(ANVIL_XPUB);
        assertEquals(eth, usdt);
        assertEquals(ANVIL_XPUB, eth.canonical());
        assertEquals(List.of("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"), eth.firstAddresses());
        assertEquals("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", h.token(USDT).orElseThrow().destination(ANVIL_XPUB, 2));
        assertEquals(List.of("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), h.ether().orElseThrow().preview(ANVIL_XPUB, 1, 1));
    }

    @Test
    void paymentLinks() {
        EthereumPaymentHandlers h = handlers();
        String payee = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
        assertEquals("ethereum:0x70997970C51812dc3A010C7d01b50e0d17dc79C8@1337?value=5000000000000000",
                h.ether().orElseThrow().paymentLink(payee, CryptoAmount.ofUnits(new BigInteger("5000000000000000"), 18)));
        assertEquals("ethereum:0x70997970C51812dc3A010C7d01b50e0d17dc79C8@1337",
                h.ether().orElseThrow().paymentLink(payee, null));
        assertEquals("ethereum:0x5FbDB2315678afecb367f032d93F642f64180aa3@1337/transfer"
                        + "?address=0x70997970C51812dc3A010C7d01b50e0d17dc79C8&uint256=12497501",
                h.token(USDT).orElseThrow().paymentLink(payee, CryptoAmount.ofUnits(BigInteger.valueOf(12_497_501), 6)));
        assertEquals("ethereum:0x5FbDB2315678afecb367f032d93F642f64180aa3@1337/transfer"
                        + "?address=0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                h.token(USDT).orElseThrow().paymentLink(payee, CryptoAmount.zero(6)));
    }

    @Test
    void confirmationTableIgnoresReplaceability() {
        for (PaymentMethodHandler handler : handlers().handlers()) {
            for (boolean replaceable : new boolean[] {false, true}) {
                assertEquals(0, handler.confirmationsRequired(SpeedPolicy.HighSpeed, replaceable));
                assertEquals(2, handler.confirmationsRequired(SpeedPolicy.MediumSpeed, replaceable));
                assertEquals(6, handler.confirmationsRequired(SpeedPolicy.LowMediumSpeed, replaceable));
                assertEquals(12, handler.confirmationsRequired(SpeedPolicy.LowSpeed, replaceable));
            }
        }
    }

    @Test
    void unknownTokenIsRefusedListingWhatIsSupported() {
        PaymentMethodHandlers all = new PaymentMethodHandlers(handlers().handlers());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> all.require(PaymentMethodId.parse("USDC-ERC20", "paymentMethodId"), "paymentMethodId"));
        assertEquals("paymentMethodId", e.field());
        assertEquals("payment method USDC-ERC20 is not supported by this server (supported: [DAI-ERC20, ETH-CHAIN, USDT-ERC20])",
                e.getMessage());
    }

    @Test
    void matchKeyIsWhatTrackingLooksUp() {
        assertTrue(handlers().ether().orElseThrow().matchKey("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
                .equals("70997970c51812dc3a010c7d01b50e0d17dc79c8"));
    }

    @Test
    void invoicesPricedInATokenUseTheConfiguredDecimals() {
        PaymentMethodHandlers bsc = new PaymentMethodHandlers(new EthereumPaymentHandlers(
                settings(56L, "USDT:0x55d398326f99059fF775485246999027B3197955:18")).handlers());
        assertEquals(Optional.of(18), bsc.assetDecimals("usdt"));
        assertEquals(Optional.of(18), bsc.assetDecimals("ETH"));
        assertEquals(Optional.empty(), bsc.assetDecimals("USD"));
        assertEquals(Optional.of(6), new PaymentMethodHandlers(handlers().handlers()).assetDecimals("USDT"));
    }
}
