package io.chaintill.chain.ethereum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.Log;

class Erc20TransfersTest {
    private static final String FROM = "0x000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    private static final String TO = "0x0000000000000000000000009858effd232b4033e47d90003d41ec34ecaeda94";
    /** 2^255 + 1: amounts are exact uint256, not longs. */
    private static final BigInteger HUGE = BigInteger.TWO.pow(255).add(BigInteger.ONE);

    @Test
    void transferTopicIsTheKeccakOfTheEventSignature() {
        assertEquals("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", Erc20Transfers.TRANSFER_TOPIC);
    }

    @Test
    void standardTransferLogGivesRecipientMatchKeyAndExactAmount() {
        Erc20Transfers.Transfer t = Erc20Transfers.fromLog(log(List.of(Erc20Transfers.TRANSFER_TOPIC, FROM, TO),
                "0x" + String.format("%064x", HUGE))).orElseThrow();
        assertEquals("9858effd232b4033e47d90003d41ec34ecaeda94", t.to());
        assertEquals(HUGE, t.amount());
    }

    @Test
    void erc721TransferWithIndexedTokenIdIsNotAPayment() {
        assertTrue(Erc20Transfers.fromLog(log(List.of(Erc20Transfers.TRANSFER_TOPIC, FROM, TO,
                "0x" + "0".repeat(63) + "7"), "0x")).isEmpty());
    }

    @Test
    void otherEventsAndMalformedDataAreIgnored() {
        assertTrue(Erc20Transfers.fromLog(log(List.of("0x" + "1".repeat(64), FROM, TO), "0x" + "0".repeat(64))).isEmpty());
        assertTrue(Erc20Transfers.fromLog(log(List.of(Erc20Transfers.TRANSFER_TOPIC, FROM, TO), "0x01")).isEmpty());
    }

    @Test
    void transferCallDataIsDecodedLikeTheLogItWillEmit() {
        String data = FunctionEncoder.encode(new Function("transfer",
                List.of(new Address("0x9858EfFD232B4033E47d90003D41EC34EcaEda94"), new Uint256(HUGE)), List.of()));
        Erc20Transfers.Transfer t = Erc20Transfers.fromCallData(data).orElseThrow();
        assertEquals("9858effd232b4033e47d90003d41ec34ecaeda94", t.to());
        assertEquals(HUGE, t.amount());
    }

    @Test
    void otherCallsAreNotTransfers() {
        String approve = FunctionEncoder.encode(new Function("approve",
                List.of(new Address("0x9858EfFD232B4033E47d90003D41EC34EcaEda94"), new Uint256(5)), List.of()));
        assertTrue(Erc20Transfers.fromCallData(approve).isEmpty());
        assertTrue(Erc20Transfers.fromCallData("0xa9059cbb00").isEmpty());
        assertTrue(Erc20Transfers.fromCallData(null).isEmpty());
    }

    @Test
    void balanceCreditIdsAreUniquePerBlockAndAddressAndFitThePaymentTable() {
        String block = "0x" + "ab".repeat(32);
        String txid = EtherBalanceReconciler.syntheticTxid(block, "0x9858effd232b4033e47d90003d41ec34ecaeda94");
        assertEquals("balance:abababababababab:0x9858EfFD232B4033E47d90003D41EC34EcaEda94", txid);
        assertTrue(txid.length() <= 100, "payment.txid is VARCHAR(100)");
        assertTrue(EtherBalanceReconciler.isSynthetic(txid));
    }

    private static Log log(List<String> topics, String data) {
        Log log = new Log();
        log.setTopics(topics);
        log.setData(data);
        return log;
    }
}
