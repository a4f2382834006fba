package io.chaintill.support;

import io.chaintill.chain.bitcoin.rpc.BitcoindRpcClient;
import io.chaintill.chain.bitcoin.rpc.BitcoindRpcException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real bitcoind (Bitcoin Knots) in regtest mode for tests, listening on 127.0.0.1 only.
 * The binary comes from {@code $BITCOIND} or from {@code deploy/bitcoind/install.sh}. Each instance
 * owns its data dir; {@link #close()} stops the node and leaves the dir for post-mortem
 * (debug.log is under {@code <dataDir>/regtest/}).
 */
public final class BitcoindRegtest implements AutoCloseable {

    /** Wallet that mines and therefore holds spendable coins. */
    public static final String MINER_WALLET = "miner";

    /** Coinbase outputs mature after 100 blocks, so block 1's reward is spendable at height 101. */
    private static final int COINBASE_MATURITY_HEIGHT = 101;
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private static final int LOG_TAIL_LINES = 40;

    private final Process process;
    private final Path dataDir;
    private final int rpcPort;
    private final int p2pPort;
    private final int zmqPort;
    private final String rpcUser;
    private final String rpcPassword;
    private final BitcoindRpcClient client;
    private String minerAddress;

    private BitcoindRegtest(Process process, Path dataDir, int rpcPort, int p2pPort, int zmqPort,
                            String rpcUser, String rpcPassword) {
        this.process = process;
        this.dataDir = dataDir;
        this.rpcPort = rpcPort;
        this.p2pPort = p2pPort;
        this.zmqPort = zmqPort;
        this.rpcUser = rpcUser;
        this.rpcPassword = rpcPassword;
        this.client = new BitcoindRpcClient(URI.create(rpcUrl()), rpcUser, rpcPassword,
                Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    /** Starts a node without ZMQ. */
    public static BitcoindRegtest start(Path dataDir, int rpcPort, int p2pPort) {
        return start(dataDir, rpcPort, p2pPort, 0);
    }

    /** Starts a node publishing hashblock and rawtx on tcp://127.0.0.1:zmqPort (0 = no ZMQ). */
    public static BitcoindRegtest start(Path dataDir, int rpcPort, int p2pPort, int zmqPort) {
        return start(dataDir, rpcPort, p2pPort, zmqPort, UUID.randomUUID().toString());
    }

    /** Starts a node whose RPC password is known in advance (the server under test is configured with it). */
    public static BitcoindRegtest start(Path dataDir, int rpcPort, int p2pPort, int zmqPort, String password) {
        String binary = bitcoindBinary();
        String user = "chaintill";
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(binary,
                "-regtest", "-datadir=" + dataDir.toAbsolutePath(),
                "-bind=127.0.0.1", "-port=" + p2pPort,
                "-rpcbind=127.0.0.1", "-rpcallowip=127.0.0.1", "-rpcport=" + rpcPort,
                "-rpcuser=" + user, "-rpcpassword=" + password,
                "-fallbackfee=0.0002", "-dnsseed=0", "-listenonion=0", "-discover=0",
                "-txindex=1", "-rest=1", "-printtoconsole=0"));
        if (zmqPort != 0) {
            command.add("-zmqpubhashblock=tcp://127.0.0.1:" + zmqPort);
            command.add("-zmqpubrawtx=tcp://127.0.0.1:" + zmqPort);
            command.add("-debug=zmq");
        }
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("bitcoind.out").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + binary, e);
        }
        BitcoindRegtest node = new BitcoindRegtest(process, dataDir, rpcPort, p2pPort, zmqPort, user, password);
        node.awaitRpc();
        return node;
    }

    /** A port that was free a moment ago, for rpc/p2p/zmq. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bitcoindBinary() {
        return Installers.binary("BITCOIND", "deploy/bitcoind/install.sh", INSTALL_TIMEOUT, "bitcoind");
    }

    private void awaitRpc() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        BitcoindRpcClient quick = new BitcoindRpcClient(URI.create(rpcUrl()), rpcUser, rpcPassword,
                Duration.ofSeconds(1), Duration.ofSeconds(2));
        BitcoindRpcException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("bitcoind exited with code " + process.exitValue()
                        + " during startup\n" + logTail());
            }
            try {
                quick.blockCount();
                return;
            } catch (BitcoindRpcException e) {
                if (!e.isTransient()) {
                    close();
                    throw new IllegalStateException("bitcoind answered startup probe with an error\n" + logTail(), e);
                }
                last = e;
            }
            sleep(100);
        }
        close();
        throw new IllegalStateException("bitcoind RPC not answering within " + STARTUP_TIMEOUT + "\n" + logTail(), last);
    }

    /** The last lines of debug.log and of the process output, for failure messages. */
    public String logTail() {
        StringBuilder tail = new StringBuilder();
        for (Path log : List.of(dataDir.resolve("regtest/debug.log"), dataDir.resolve("bitcoind.out"))) {
            tail.append("--- ").append(log).append('\n');
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())
                        .forEach(l -> tail.append(l).append('\n'));
            } catch (IOException e) {
                tail.append("(unreadable: ").append(e.getMessage()).append(")\n");
            }
        }
        return tail.toString();
    }

    public String rpcUrl() {
        return "http://127.0.0.1:" + rpcPort + "/";
    }

    public String rpcUser() {
        return rpcUser;
    }

    public String rpcPassword() {
        return rpcPassword;
    }

    public int p2pPort() {
        return p2pPort;
    }

    /** tcp://127.0.0.1:port publishing hashblock and rawtx, or null when started without ZMQ. */
    public String zmqUrl() {
        return zmqPort == 0 ? null : "tcp://127.0.0.1:" + zmqPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The production client, pointed at this node. */
    public BitcoindRpcClient client() {
        return client;
    }

    /** Node-level RPC. Params: String, Number, Boolean, null, List, Map or JsonValue. */
    public JsonValue rpc(String method, Object... params) {
        return client.call(method, toJson(params));
    }

    /** RPC against one wallet (URL /wallet/NAME). */
    public JsonValue walletRpc(String wallet, String method, Object... params) {
        return client.forWallet(wallet).call(method, toJson(params));
    }

    /** Creates the wallet, or loads it if it exists on disk; does nothing if already loaded. */
    public void createWallet(String name) {
        if (strings(rpc("listwallets")).contains(name)) {
            return;
        }
        boolean onDisk = ((JsonObject) rpc("listwalletdir")).getJsonArray("wallets").stream()
                .anyMatch(w -> w.asJsonObject().getString("name").equals(name));
        rpc(onDisk ? "loadwallet" : "createwallet", name);
    }

    /**
     * A native segwit (bech32, bcrt1q...) address: what merchant wallets hand out. Asked for
     * explicitly because Knots' wallet default is legacy P2PKH (m/n...), unlike Core's bech32.
     */
    public String newAddress(String wallet) {
        return newAddress(wallet, "bech32");
    }

    /** Address type: legacy, p2sh-segwit, bech32 or bech32m. */
    public String newAddress(String wallet, String addressType) {
        createWallet(wallet);
        return ((JsonString) walletRpc(wallet, "getnewaddress", "", addressType)).getString();
    }

    /** Mines up to height 101 if lower, so the miner wallet has spendable coins. */
    public void ensureSpendableCoins() {
        int missing = COINBASE_MATURITY_HEIGHT - blockCount();
        if (missing > 0) {
            rpc("generatetoaddress", missing, minerAddress());
        }
    }

    /** Mines {@code blocks} blocks to the miner wallet (after {@link #ensureSpendableCoins()}); returns their hashes. */
    public List<String> mine(int blocks) {
        ensureSpendableCoins();
        return strings(rpc("generatetoaddress", blocks, minerAddress()));
    }

    /** Pays {@code btc} from the wallet (the miner wallet has coins); returns the txid. Signals RBF. */
    public String send(String wallet, String address, BigDecimal btc) {
        if (MINER_WALLET.equals(wallet)) {
            ensureSpendableCoins();
            createWallet(wallet); // a node restarted on a chain already past 101 blocks has not loaded it yet
        }
        return ((JsonString) walletRpc(wallet, "sendtoaddress", address, btc)).getString();
    }

    /**
     * Replaces an unconfirmed wallet transaction by one spending the same coins (bumpfee with new
     * outputs) that pays {@code btc} to {@code address} instead: the double spend a merchant sees
     * when a customer redirects a 0-conf payment. Returns the replacement's txid.
     */
    public String replaceByFee(String wallet, String txid, String address, BigDecimal btc) {
        JsonObject options = Json.createObjectBuilder()
                .add("outputs", Json.createArrayBuilder().add(Json.createObjectBuilder().add(address, btc)))
                .build();
        JsonObject bumped = (JsonObject) walletRpc(wallet, "bumpfee", txid, options);
        return bumped.getString("txid");
    }

    public void invalidateBlock(String hash) {
        rpc("invalidateblock", hash);
    }

    public void reconsiderBlock(String hash) {
        rpc("reconsiderblock", hash);
    }

    /** Mines one block to {@code address} holding exactly {@code txs} (txids from the mempool or raw hex); returns its hash. */
    public String generateBlock(String address, List<String> txs) {
        return ((JsonObject) rpc("generateblock", address, txs)).getString("hash");
    }

    public int blockCount() {
        return client.blockCount();
    }

    public String bestBlockHash() {
        return client.bestBlockHash();
    }

    private String minerAddress() {
        if (minerAddress == null) {
            minerAddress = newAddress(MINER_WALLET);
        }
        return minerAddress;
    }

    /** Stops the node (RPC stop, then SIGTERM, then SIGKILL); the data dir stays for post-mortem. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            new BitcoindRpcClient(URI.create(rpcUrl()), rpcUser, rpcPassword, Duration.ofSeconds(1), Duration.ofSeconds(5))
                    .call("stop");
        } catch (BitcoindRpcException e) {
            // not answering: fall through to signals
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
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
            throw new IllegalStateException("interrupted while waiting for bitcoind", e);
        }
    }

    private static List<String> strings(JsonValue array) {
        return ((JsonArray) array).getValuesAs(JsonString::getString);
    }

    private static JsonValue[] toJson(Object[] params) {
        JsonValue[] values = new JsonValue[params.length];
        for (int i = 0; i < params.length; i++) {
            values[i] = toJson(params[i]);
        }
        return values;
    }

    private static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof String s) {
            return Json.createValue(s);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof BigDecimal d) {
            return Json.createValue(d);
        }
        if (value instanceof BigInteger n) {
            return Json.createValue(n);
        }
        if (value instanceof Collection<?> list) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            list.forEach(item -> array.add(toJson(item)));
            return array.build();
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = Json.createObjectBuilder();
            map.forEach((k, v) -> object.add(String.valueOf(k), toJson(v)));
            return object.build();
        }
        throw new IllegalArgumentException("no JSON mapping for " + value.getClass().getName()
                + " (no float/double: amounts are BigDecimal)");
    }
}
