package io.chaintill.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The anvil harness against the real node: the test token deploys and moves, its Transfer logs come
 * back from eth_getLogs, ether forwarded by a contract arrives without a transaction naming the
 * receiver, and anvil_reorg really replaces blocks (new hashes, dropped transactions).
 */
@Tag(TestEnvironment.SINGLE_DATABASE) // the node harness; no server, no database
class AnvilNodeIT {

    private static final long CHAIN_ID = 31_337;
    private static final Event TRANSFER = new Event("Transfer", List.of(
            new TypeReference<Address>(true) { }, new TypeReference<Address>(true) { },
            new TypeReference<Uint256>() { }));

    private static AnvilNode node;

    @BeforeAll
    static void startNode() {
        node = AnvilNode.start(CHAIN_ID);
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void devAccountsAreTheMnemonicsBip44Accounts() throws IOException {
        assertEquals("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", node.devAccount(0));
        assertEquals(node.devAccount(1), AnvilNode.devCredentials(1).getAddress());
        assertEquals(BigInteger.valueOf(CHAIN_ID), node.web3().ethChainId().send().getChainId());
    }

    @Test
    void tokenDeploysTransfersAndLogs() throws IOException {
        BigInteger supply = BigInteger.valueOf(1_000_000_000_000L);
        String token = node.deployTestToken("Test Token", "TST", supply);
        assertEquals(supply, node.tokenBalance(token, node.devAccount(0)));
        assertEquals(BigInteger.valueOf(6), callUint(token, new Function("decimals", List.of(),
                List.of(new TypeReference<Uint8>() { }))));

        String receiver = node.devAccount(7);
        BigInteger units = BigInteger.valueOf(2_500_000);
        TransactionReceipt receipt = node.waitForReceipt(node.tokenTransfer(token, 0, receiver, units));
        assertTrue(receipt.isStatusOK());
        assertEquals(units, node.tokenBalance(token, receiver));
        assertEquals(supply.subtract(units), node.tokenBalance(token, node.devAccount(0)));

        // the tracker's query: Transfer logs of this token whose indexed "to" is a watched address
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(receipt.getBlockNumber()),
                DefaultBlockParameter.valueOf(receipt.getBlockNumber()), token);
        filter.addSingleTopic(EventEncoder.encode(TRANSFER));
        filter.addNullTopic();
        filter.addOptionalTopics(topicOf(receiver));
        EthLog logs = node.web3().ethGetLogs(filter).send();
        assertEquals(1, logs.getLogs().size(), "one Transfer to the receiver");
        Log log = (Log) logs.getLogs().get(0).get();
        assertEquals(receipt.getTransactionHash(), log.getTransactionHash());
        assertEquals(node.devAccount(0), FunctionReturnDecoder.decodeIndexedValue(log.getTopics().get(1),
                new TypeReference<Address>() { }).getValue());
        assertEquals(units, FunctionReturnDecoder.decode(log.getData(), TRANSFER.getNonIndexedParameters())
                .get(0).getValue());
    }

    @Test
    void forwarderDeliversEtherByAnInternalCall() {
        String forwarder = node.deploy(AnvilNode.contractBin("EtherForwarder"));
        String receiver = Keys.toChecksumAddress("0x00000000000000000000000000000000000c4a11");
        BigInteger wei = BigInteger.TEN.pow(17);
        TransactionReceipt receipt = node.waitForReceipt(node.forwardEther(forwarder, 2, receiver, wei));
        assertTrue(receipt.isStatusOK());
        assertEquals(forwarder, receipt.getTo(), "the top-level transaction names the forwarder, not the receiver");
        assertEquals(wei, node.balance(receiver));
    }

    @Test
    void notATokenHasNoDecimals() {
        String contract = node.deploy(AnvilNode.contractBin("NotAToken"));
        assertThrows(IllegalStateException.class, () -> node.tokenBalance(contract, node.devAccount(0)));
    }

    @Test
    void reorgReplacesBlocksAndDropsTheirTransactions() {
        String receiver = "0x000000000000000000000000000000000000dead";
        node.mine(3);
        BigInteger before = node.balance(receiver);
        String hash = node.sendEther(3, receiver, BigInteger.valueOf(12345));
        long minedIn = node.waitForReceipt(hash).getBlockNumber().longValueExact();
        node.mine(1);
        long tip = node.blockNumber();
        String oldHashAtMinedIn = node.blockHash(minedIn);
        String oldTipHash = node.blockHash(tip);
        String oldParent = node.blockHash(minedIn - 1);
        assertEquals(before.add(BigInteger.valueOf(12345)), node.balance(receiver));

        node.reorg((int) (tip - minedIn + 1));

        assertEquals(tip, node.blockNumber(), "same height after the reorg");
        assertNotEquals(oldHashAtMinedIn, node.blockHash(minedIn));
        assertNotEquals(oldTipHash, node.blockHash(tip));
        assertEquals(oldParent, node.blockHash(minedIn - 1), "blocks below the fork point stay");
        assertEquals(before, node.balance(receiver), "the reorged-out payment is gone");
    }

    private static String topicOf(String address) {
        return "0x" + "0".repeat(24) + address.substring(2).toLowerCase();
    }

    private static BigInteger callUint(String contract, Function function) throws IOException {
        EthCall call = node.web3().ethCall(Transaction.createEthCallTransaction(null, contract,
                FunctionEncoder.encode(function)), DefaultBlockParameterName.LATEST).send();
        return (BigInteger) FunctionReturnDecoder.decode(call.getValue(), function.getOutputParameters()).get(0).getValue();
    }
}
