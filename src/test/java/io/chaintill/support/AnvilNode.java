package io.chaintill.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/**
 * A real anvil (Foundry's local Ethereum node) for tests, on 127.0.0.1 only, with the well-known
 * development mnemonic so its ten funded accounts are m/44'/60'/0'/0/0..9 of {@link #MNEMONIC}.
 * The binary comes from {@code $ANVIL} or from {@code deploy/anvil/install.sh}. Automine is on:
 * every transaction gets its own block at once unless {@link #setAutomine(boolean)} turns it off.
 */
public final class AnvilNode implements AutoCloseable {

    /** anvil's default development mnemonic; its accounts hold 10000 ETH each at start. */
    public static final String MNEMONIC = "test test test test test test test test test test test junk";
    /** The Solidity test contracts' compiled outputs (see src/test/resources/ethereum/README.md). */
    public static final String CONTRACTS = "/ethereum/";

    private static final BigInteger TX_GAS = BigInteger.valueOf(21_000);
    private static final BigInteger CONTRACT_GAS = BigInteger.valueOf(3_000_000);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final int LOG_TAIL_LINES = 40;

    private final Process process;
    private final int port;
    private final long chainId;
    private final Path log;
    private final HttpService service;
    private final Web3j web3;
    private final List<String> devAccounts;

    private AnvilNode(Process process, int port, long chainId, Path log) {
        this.process = process;
        this.port = port;
        this.chainId = chainId;
        this.log = log;
        this.service = new HttpService(rpcUrl());
        this.web3 = Web3j.build(service);
        this.devAccounts = new ArrayList<>();
    }

    /** Starts anvil with {@code chainId} on a free port; its output goes to target/anvil-PORT.log. */
    public static AnvilNode start(long chainId) {
        return start(chainId, List.of());
    }

    /** As {@link #start(long)} on a named hardfork ({@code prague} has EIP-7702, {@code cancun} has not); null: anvil's default. */
    public static AnvilNode start(long chainId, String hardfork) {
        return start(chainId, hardfork == null ? List.of() : List.of("--hardfork", hardfork));
    }

    /**
     * A second node forked from {@code origin}'s state at its current block (same chain id, same history up to it),
     * mining on its own from then on: the two agree on every block up to the fork and on none after it.
     */
    public static AnvilNode forkOf(AnvilNode origin) {
        return forkOf(origin, BitcoindRegtest.freePort());
    }

    /**
     * As {@link #forkOf(AnvilNode)} on a given port: a node that was stopped comes back at its address with
     * {@code origin}'s chain (anvil funds its development accounts afresh at the fork; other accounts keep
     * {@code origin}'s state). Forks read state from {@code origin}, never from foundry's disk cache, which is keyed
     * by chain id and block number only and would mix up two local chains.
     */
    public static AnvilNode forkOf(AnvilNode origin, int port) {
        return start(origin.chainId(), List.of("--fork-url", origin.rpcUrl(), "--fork-block-number",
                String.valueOf(origin.blockNumber()), "--no-storage-caching"), port);
    }

    private static AnvilNode start(long chainId, List<String> extra) {
        return start(chainId, extra, BitcoindRegtest.freePort());
    }

    private static AnvilNode start(long chainId, List<String> extra, int port) {
        Path log = Path.of("target", "anvil-" + port + ".log").toAbsolutePath();
        String binary = anvilBinary();
        Process process;
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(binary, "--host", "127.0.0.1", "--port", String.valueOf(port),
                    "--chain-id", String.valueOf(chainId), "--mnemonic", MNEMONIC, "--accounts", "10"));
            command.addAll(extra);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + binary, e);
        }
        AnvilNode node = new AnvilNode(process, port, chainId, log);
        node.awaitRpc();
        return node;
    }

    private static String anvilBinary() {
        return Installers.binary("ANVIL", "deploy/anvil/install.sh", INSTALL_TIMEOUT, "anvil");
    }

    private void awaitRpc() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("anvil exited with code " + process.exitValue()
                        + " during startup\n" + logTail());
            }
            try {
                devAccounts.addAll(web3.ethAccounts().send().getAccounts());
                return;
            } catch (IOException e) {
                last = e;
            }
            sleep(100);
        }
        close();
        throw new IllegalStateException("anvil RPC not answering within " + STARTUP_TIMEOUT + "\n" + logTail(), last);
    }

    /** The last lines of anvil's output, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "--- " + log + "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "--- " + log + " (unreadable: " + e.getMessage() + ")";
        }
    }

    public String rpcUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long chainId() {
        return chainId;
    }

    public int port() {
        return port;
    }

    /** A web3j client on this node, for calls the harness does not wrap. */
    public Web3j web3() {
        return web3;
    }

    /** Development account i (0..9) as anvil lists it: m/44'/60'/0'/0/i of {@link #MNEMONIC}, lower case. */
    public String devAccount(int i) {
        return devAccounts.get(i);
    }

    /** The key of development account i, derived from the mnemonic like any BIP44 wallet would. */
    public static Credentials devCredentials(int i) {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(MNEMONIC, ""));
        int hardened = Bip32ECKeyPair.HARDENED_BIT;
        return Credentials.create(Bip32ECKeyPair.deriveKeyPair(master,
                new int[] {44 | hardened, 60 | hardened, hardened, 0, i}));
    }

    /** Sends {@code wei} from development account {@code fromDevIndex} (the node signs); returns the tx hash. */
    public String sendEther(int fromDevIndex, String to, BigInteger wei) {
        return sendTransaction(Transaction.createEtherTransaction(devAccount(fromDevIndex), null, gasPrice(),
                TX_GAS, to, wei));
    }

    /** Calls {@code forwarder.forward(to)} with {@code wei} attached: ether reaching {@code to} by an internal call. */
    public String forwardEther(String forwarder, int fromDevIndex, String to, BigInteger wei) {
        String data = FunctionEncoder.encode(new Function("forward", List.of(new Address(to)), List.of()));
        return sendTransaction(Transaction.createFunctionCallTransaction(devAccount(fromDevIndex), null, gasPrice(),
                CONTRACT_GAS, forwarder, wei, data));
    }

    /**
     * Replaces this node's chain by {@code origin}'s up to its current block ({@code anvil_reset} with forking; the
     * process and its address stay): two nodes that diverged agree again, as a node rejoining the honest network
     * does. Automine stays off.
     */
    public void refork(AnvilNode origin) {
        call("anvil_reset", List.of(java.util.Map.of("forking", java.util.Map.of("jsonRpcUrl", origin.rpcUrl(),
                "blockNumber", origin.blockNumber()))));
        setAutomine(false);
    }

    /** The signed transaction as this node has it (to send the very same transaction to another node). */
    public String rawTransaction(String txHash) {
        return String.valueOf(call("eth_getRawTransactionByHash", List.of(txHash)));
    }

    /** Sends a signed transaction; returns its hash. */
    public String sendRawTransaction(String raw) {
        return String.valueOf(call("eth_sendRawTransaction", List.of(raw)));
    }

    /** Mines {@code n} blocks at once. */
    public void mine(int n) {
        call("anvil_mine", List.of("0x" + Integer.toHexString(n)));
    }

    /** Automine on: each transaction is mined at once; off: transactions wait in the pool for {@link #mine(int)}. */
    public void setAutomine(boolean on) {
        call("anvil_setAutomine", List.of(on));
    }

    /**
     * Replaces the last {@code depth} blocks by {@code depth} new (empty) blocks: a real reorg, every
     * block hash from the fork point up changes and the transactions in them are gone.
     */
    public void reorg(int depth) {
        call("anvil_reorg", List.of(depth, List.of()));
    }

    public long blockNumber() {
        try {
            return web3.ethBlockNumber().send().getBlockNumber().longValueExact();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hash of block {@code n} on the current chain. */
    public String blockHash(long n) {
        try {
            return web3.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(n)), false)
                    .send().getBlock().getHash();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ether balance in wei at the latest block. */
    public BigInteger balance(String address) {
        try {
            return check(web3.ethGetBalance(address, DefaultBlockParameterName.LATEST).send()).getBalance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BigInteger gasPrice() {
        try {
            return check(web3.ethGasPrice().send()).getGasPrice();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deploys creation bytecode (hex, with or without 0x) from development account 0; returns the contract address. */
    public String deploy(String bytecodeHex) {
        String data = bytecodeHex.strip().startsWith("0x") ? bytecodeHex.strip() : "0x" + bytecodeHex.strip();
        String hash = sendTransaction(Transaction.createContractTransaction(devAccount(0), null, gasPrice(),
                CONTRACT_GAS, BigInteger.ZERO, data));
        TransactionReceipt receipt = waitForReceipt(hash);
        if (!receipt.isStatusOK() || receipt.getContractAddress() == null) {
            throw new IllegalStateException("deployment failed: " + receipt);
        }
        return receipt.getContractAddress();
    }

    /** Deploys src/test/resources/ethereum/TestToken (6 decimals), the whole {@code supply} owned by dev account 0. */
    public String deployTestToken(String name, String symbol, BigInteger supply) {
        String args = FunctionEncoder.encodeConstructor(List.of(new Utf8String(name), new Utf8String(symbol),
                new Uint256(supply)));
        return deploy(contractBin("TestToken") + args);
    }

    /** The committed creation bytecode of a test contract (TestToken, EtherForwarder, NotAToken). */
    public static String contractBin(String contract) {
        try (var in = AnvilNode.class.getResourceAsStream(CONTRACTS + contract + ".bin")) {
            if (in == null) {
                throw new IllegalArgumentException("no compiled contract " + CONTRACTS + contract + ".bin");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ERC-20 transfer of {@code units} (base units) from development account {@code fromDevIndex}; returns the tx hash. */
    public String tokenTransfer(String token, int fromDevIndex, String to, BigInteger units) {
        String data = FunctionEncoder.encode(new Function("transfer",
                List.of(new Address(to), new Uint256(units)), List.of()));
        return sendTransaction(Transaction.createFunctionCallTransaction(devAccount(fromDevIndex), null, gasPrice(),
                CONTRACT_GAS, token, BigInteger.ZERO, data));
    }

    /** ERC-20 balanceOf in base units. */
    public BigInteger tokenBalance(String token, String address) {
        Function balanceOf = new Function("balanceOf", List.of(new Address(address)),
                List.of(new TypeReference<Uint256>() { }));
        try {
            String result = check(web3.ethCall(Transaction.createEthCallTransaction(null, token,
                    FunctionEncoder.encode(balanceOf)), DefaultBlockParameterName.LATEST).send()).getValue();
            @SuppressWarnings("rawtypes")
            List<Type> decoded = FunctionReturnDecoder.decode(result, balanceOf.getOutputParameters());
            if (decoded.isEmpty()) {
                throw new IllegalStateException(token + " answered balanceOf with " + result + ": not an ERC-20?");
            }
            return (BigInteger) decoded.get(0).getValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (up to 30 s) until {@code txHash} is mined; with automine off, mine blocks meanwhile or it times out. */
    public TransactionReceipt waitForReceipt(String txHash) {
        long deadline = System.nanoTime() + RECEIPT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Optional<TransactionReceipt> receipt = check(web3.ethGetTransactionReceipt(txHash).send())
                        .getTransactionReceipt();
                if (receipt.isPresent()) {
                    return receipt.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sleep(50);
        }
        throw new IllegalStateException("no receipt for " + txHash + " within " + RECEIPT_TIMEOUT);
    }

    /** An anvil_ / evm_ method web3j does not wrap; returns the raw result. */
    public Object call(String method, List<?> params) {
        try {
            RawResponse response = new Request<>(method, new ArrayList<>(params), service, RawResponse.class).send();
            return check(response).getResult();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String sendTransaction(Transaction tx) {
        try {
            EthSendTransaction sent = check(web3.ethSendTransaction(tx).send());
            return sent.getTransactionHash();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <R extends Response<?>> R check(R response) {
        if (response.hasError()) {
            throw new IllegalStateException("anvil error " + response.getError().getCode() + ": "
                    + response.getError().getMessage());
        }
        return response;
    }

    /** Kills anvil (it keeps no state worth a clean shutdown); the log stays in target/. */
    @Override
    public void close() {
        web3.shutdown();
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for anvil", e);
        }
    }

    /** Response whose result is whatever JSON came back (null, string, object). */
    public static final class RawResponse extends Response<Object> {
    }
}
