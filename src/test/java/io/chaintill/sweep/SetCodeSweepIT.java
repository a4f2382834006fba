package io.chaintill.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.support.AnvilNode;
import io.chaintill.support.TestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The EIP-7702 batch sweep on a real anvil ({@code --hardfork prague}): deposit addresses holding tokens and ether
 * each sign one authorization delegating to the Sweeper contract (src/test/resources/ethereum/Sweeper.sol), and one
 * type-4 transaction from a gas account empties them all into the merchant's address. Also measures gas per swept
 * address against today's top-up-then-transfer (docs/sweep.md), and shows a chain without 7702 refuses it.
 * No server and no database: run once, on the H2 pass.
 */
@Tag(TestEnvironment.SINGLE_DATABASE)
class SetCodeSweepIT {
    private static final int DEPOSITS = 10;
    private static final BigInteger TOKENS = BigInteger.valueOf(12_340_000); // 12.34 of a 6-decimal token
    private static final BigInteger ETHER = BigInteger.TEN.pow(15);           // 0.001 ETH paid to each deposit
    private static final BigInteger GAS_LIMIT = BigInteger.valueOf(3_000_000);

    private static AnvilNode prague;
    private static AnvilNode cancun;

    @BeforeAll
    static void start() {
        prague = AnvilNode.start(8453, "prague");
        cancun = AnvilNode.start(42161, "cancun");
    }

    @AfterAll
    static void stop() {
        for (AnvilNode n : new AnvilNode[] {prague, cancun}) {
            if (n != null) {
                n.close();
            }
        }
    }

    @Test
    void oneTransactionFromAGasAccountEmptiesEveryDepositIntoTheMerchantExactly() {
        String token = prague.deployTestToken("USD Coin test", "USDC", TOKENS.multiply(BigInteger.valueOf(1000)));
        String merchant = fresh().getAddress();
        String sweeper = deploySweeper(prague, merchant);
        List<Credentials> deposits = new ArrayList<>();
        for (int i = 0; i < DEPOSITS; i++) {
            Credentials d = fresh();
            deposits.add(d);
            prague.waitForReceipt(prague.tokenTransfer(token, 0, d.getAddress(), TOKENS));
            prague.waitForReceipt(prague.sendEther(1, d.getAddress(), ETHER));
        }

        TransactionReceipt receipt = sweep(prague, sweeper, deposits, token);

        assertTrue(receipt.isStatusOK(), receipt.toString());
        for (Credentials d : deposits) {
            assertEquals(BigInteger.ZERO, prague.tokenBalance(token, d.getAddress()), "tokens left at " + d.getAddress());
            assertEquals(BigInteger.ZERO, prague.balance(d.getAddress()), "ether left at " + d.getAddress());
            assertEquals(BigInteger.ONE, nonce(prague, d.getAddress()), "the authorization, no transaction of its own");
            assertEquals("0xef0100" + Numeric.cleanHexPrefix(sweeper).toLowerCase(),
                    ((String) prague.call("eth_getCode", List.of(d.getAddress(), "latest"))).toLowerCase(),
                    "the deposit's code delegates to the sweeper");
        }
        // exact: had any deposit paid gas, the merchant would hold less than everything they received
        assertEquals(TOKENS.multiply(BigInteger.valueOf(DEPOSITS)), prague.tokenBalance(token, merchant));
        assertEquals(ETHER.multiply(BigInteger.valueOf(DEPOSITS)), prague.balance(merchant));

        long perAddress = receipt.getGasUsed().longValue() / DEPOSITS;
        long topUpThenTransfer = topUpThenTransferGas(prague, token);
        System.out.printf("gas: 7702 batch of %d = %d (%d per address); top-up-then-transfer = %d per address%n",
                DEPOSITS, receipt.getGasUsed().longValue(), perAddress, topUpThenTransfer);
        assertTrue(perAddress < topUpThenTransfer, perAddress + " vs " + topUpThenTransfer);
    }

    @Test
    void aDelegatedDepositStillAcceptsEtherAndAnyoneSweepingItOnlyPaysTheMerchant() {
        String token = prague.deployTestToken("Tether test", "USDT", TOKENS.multiply(BigInteger.TEN));
        String merchant = fresh().getAddress();
        String sweeper = deploySweeper(prague, merchant);
        Credentials d = fresh();
        prague.waitForReceipt(prague.tokenTransfer(token, 0, d.getAddress(), TOKENS));
        assertTrue(sweep(prague, sweeper, List.of(d), token).isStatusOK());

        // a later payment to the same address still arrives (the delegated code has a receive()), but only with
        // more than 21000 gas: the delegate's code runs (docs/sweep.md, "EIP-7702 batch sweep")
        BigInteger before = prague.balance(d.getAddress());
        boolean plainTransferWorked;
        try {
            plainTransferWorked = prague.waitForReceipt(prague.sendEther(3, d.getAddress(), ETHER)).isStatusOK();
        } catch (RuntimeException refused) {
            plainTransferWorked = false;
        }
        assertTrue(!plainTransferWorked && before.equals(prague.balance(d.getAddress())),
                "21000 gas is not enough to pay a delegated address");
        assertTrue(prague.waitForReceipt(send(prague, AnvilNode.devCredentials(3), d.getAddress(), "0x", ETHER)).isStatusOK());
        prague.waitForReceipt(prague.tokenTransfer(token, 0, d.getAddress(), TOKENS));
        // a stranger calling sweep on the deposit moves the funds only to the merchant
        String call = FunctionEncoder.encode(new Function("sweep", List.of(addresses(List.of(token))), List.of()));
        assertTrue(prague.waitForReceipt(send(prague, AnvilNode.devCredentials(4), d.getAddress(), call, null,
                BigInteger.valueOf(200_000))).isStatusOK());
        assertEquals(TOKENS.multiply(BigInteger.TWO), prague.tokenBalance(token, merchant));
        assertEquals(ETHER, prague.balance(merchant));
    }

    @Test
    void aChainWithout7702RefusesTheSetCodeTransaction() {
        String token = cancun.deployTestToken("USD Coin test", "USDC", TOKENS);
        String sweeper = deploySweeper(cancun, fresh().getAddress());
        Credentials d = fresh();
        cancun.waitForReceipt(cancun.tokenTransfer(token, 0, d.getAddress(), TOKENS));
        RuntimeException e = assertThrows(RuntimeException.class, () -> sweep(cancun, sweeper, List.of(d), token));
        assertTrue(e.getMessage().toLowerCase().contains("type") || e.getMessage().contains("7702"), e.getMessage());
        assertEquals(TOKENS, cancun.tokenBalance(token, d.getAddress()), "nothing moved");
    }

    // ---- helpers ----

    /** The merchant's machine: one authorization per deposit, then one type-4 transaction from the gas account. */
    private static TransactionReceipt sweep(AnvilNode node, String sweeper, List<Credentials> deposits, String token) {
        List<SetCodeTransaction.Authorization> auths = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (Credentials d : deposits) {
            auths.add(SetCodeTransaction.Authorization.sign(node.chainId(), sweeper, nonce(node, d.getAddress()),
                    d.getEcKeyPair()));
            addresses.add(d.getAddress());
        }
        String data = FunctionEncoder.encode(new Function("sweepAll",
                List.of(addresses(addresses), addresses(List.of(token))), List.of()));
        Credentials gas = AnvilNode.devCredentials(2);
        BigInteger fee = node.gasPrice().multiply(BigInteger.TWO);
        String raw = SetCodeTransaction.sign(new SetCodeTransaction.Fields(node.chainId(), nonce(node, gas.getAddress()),
                BigInteger.ONE, fee, GAS_LIMIT, sweeper, BigInteger.ZERO, Numeric.hexStringToByteArray(data), auths), gas);
        String hash = (String) node.call("eth_sendRawTransaction", List.of(raw));
        return node.waitForReceipt(hash);
    }

    /**
     * Today's way for one deposit holding only a token: the gas account tops it up with exactly the transfer's gas,
     * then the deposit sends the token itself. Returns the gas of both transactions together.
     */
    private static long topUpThenTransferGas(AnvilNode node, String token) {
        Credentials d = fresh();
        node.waitForReceipt(node.tokenTransfer(token, 0, d.getAddress(), TOKENS));
        String transfer = FunctionEncoder.encode(new Function("transfer",
                List.of(new Address(fresh().getAddress()), new Uint256(TOKENS)), List.of()));
        BigInteger transferGas = BigInteger.valueOf(65_000);
        BigInteger fee = node.gasPrice().multiply(BigInteger.TWO);
        TransactionReceipt topUp = node.waitForReceipt(send(node, AnvilNode.devCredentials(2), d.getAddress(), "0x",
                transferGas.multiply(fee)));
        TransactionReceipt moved = node.waitForReceipt(send(node, d, token, transfer, null));
        assertTrue(moved.isStatusOK(), moved.toString());
        return topUp.getGasUsed().longValue() + moved.getGasUsed().longValue();
    }

    private static String send(AnvilNode node, Credentials from, String to, String data, BigInteger value) {
        return send(node, from, to, data, value, BigInteger.valueOf(65_000));
    }

    private static String send(AnvilNode node, Credentials from, String to, String data, BigInteger value, BigInteger gas) {
        BigInteger fee = node.gasPrice().multiply(BigInteger.TWO);
        RawTransaction tx = RawTransaction.createTransaction(node.chainId(), nonce(node, from.getAddress()),
                gas, to, value == null ? BigInteger.ZERO : value, data, BigInteger.ONE, fee);
        String raw = Numeric.toHexString(TransactionEncoder.signMessage(tx, node.chainId(), from));
        return (String) node.call("eth_sendRawTransaction", List.of(raw));
    }

    private static String deploySweeper(AnvilNode node, String merchant) {
        return node.deploy(AnvilNode.contractBin("Sweeper") + FunctionEncoder.encodeConstructor(List.of(new Address(merchant))));
    }

    private static DynamicArray<Address> addresses(List<String> list) {
        return new DynamicArray<>(Address.class, list.stream().map(Address::new).toList());
    }

    private static BigInteger nonce(AnvilNode node, String address) {
        try {
            return node.web3().ethGetTransactionCount(address, DefaultBlockParameterName.LATEST).send().getTransactionCount();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Credentials fresh() {
        try {
            return Credentials.create(Keys.createEcKeyPair());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
