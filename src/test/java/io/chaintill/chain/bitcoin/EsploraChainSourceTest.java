package io.chaintill.chain.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.chaintill.chain.BroadcastRejectedException;
import io.chaintill.chain.ChainBlock;
import io.chaintill.chain.ChainNetwork;
import io.chaintill.chain.ChainOutput;
import io.chaintill.chain.ChainSourceException;
import io.chaintill.chain.ChainTip;
import io.chaintill.chain.ChainTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Parses recorded Esplora answers (see src/test/resources/esplora/README.md) served by a local HTTP server. */
class EsploraChainSourceTest {
    static final String BLOCK = "67ccde295f88b02f9d18e9777855d845c1504c51e8710995d80d96e366d012c4";
    static final String TX = "1448bff8eb925e6f87c026df741aeefa68ff22195e2280d6f8fd34097d03d9ea";
    static final String PAID = "bcrt1qcr8te4kr609gcawutmrza0j4xv80jy8zeqchgx";
    static final String REGTEST_GENESIS = "0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206";

    private HttpServer server;
    private EsploraChainSource source;

    @BeforeEach
    void start() throws IOException {
        byte[] block = HexFormat.of().parseHex(resource("block-67ccde29.hex").strip());
        Map<String, Answer> routes = Map.of(
                "/api/blocks/tip/hash", new Answer(200, BLOCK.getBytes(StandardCharsets.UTF_8)),
                "/api/blocks/tip/height", new Answer(200, "102".getBytes(StandardCharsets.UTF_8)),
                "/api/block-height/0", new Answer(200, REGTEST_GENESIS.getBytes(StandardCharsets.UTF_8)),
                "/api/block-height/102", new Answer(200, BLOCK.getBytes(StandardCharsets.UTF_8)),
                "/api/block/" + BLOCK + "/raw", new Answer(200, block),
                "/api/mempool/txids", new Answer(200, resource("mempool-txids.json").getBytes(StandardCharsets.UTF_8)),
                "/api/tx/" + TX + "/hex", new Answer(200, resource("tx-1448bff8.hex").getBytes(StandardCharsets.UTF_8)),
                "/api/tx", new Answer(400, "sendrawtransaction RPC error: {\"code\":-25,\"message\":\"bad-txns-inputs-missingorspent\"}"
                        .getBytes(StandardCharsets.UTF_8)));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Answer a = routes.getOrDefault(exchange.getRequestURI().getPath(), new Answer(404, "Not found".getBytes()));
            exchange.sendResponseHeaders(a.status(), a.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(a.body());
            }
        });
        server.start();
        source = new EsploraChainSource(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    record Answer(int status, byte[] body) {
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EsploraChainSourceTest.class.getResourceAsStream("/esplora/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void recognisesTheNetworkByItsGenesisBlock() {
        assertTrue(source.runsOn(ChainNetwork.REGTEST));
        assertFalse(source.runsOn(ChainNetwork.MAINNET));
    }

    @Test
    void tipAndHeights() {
        assertEquals(new ChainTip(102, BLOCK), source.tip());
        assertEquals(Optional.of(BLOCK), source.blockHash(102));
        assertEquals(Optional.empty(), source.blockHash(103));
    }

    @Test
    void rawBlockIsParsedIntoOutputsWithScriptsAndSatoshis() {
        ChainBlock block = source.block(BLOCK);
        assertEquals(BLOCK, block.hash());
        assertEquals(2, block.transactions().size());
        ChainTransaction payment = block.transactions().get(1);
        assertEquals(TX, payment.txid());
        assertTrue(payment.replaceable(), "Knots wallets signal RBF");
        assertEquals(1, payment.spentOutpoints().size());
        ChainOutput paid = payment.outputs().stream()
                .filter(o -> o.scriptHex().equals(BitcoinScripts.scriptHex(PAID, ChainNetwork.REGTEST))).findFirst().orElseThrow();
        assertEquals(BigInteger.valueOf(150_000), paid.value());
        assertTrue(block.transactions().get(0).spentOutpoints().isEmpty(), "coinbase spends nothing");
    }

    @Test
    void mempoolListingAndTransactions() {
        assertEquals(List.of(TX), source.mempoolTxids());
        assertEquals(TX, source.mempoolTransaction(TX).orElseThrow().txid());
        assertEquals(Optional.empty(), source.mempoolTransaction("00".repeat(32)));
    }

    @Test
    void rejectionCarriesTheServersReason() {
        BroadcastRejectedException e = assertThrows(BroadcastRejectedException.class, () -> source.broadcast("00"));
        assertTrue(e.getMessage().contains("bad-txns-inputs-missingorspent"), e.getMessage());
    }

    @Test
    void malformedAnswersAreSourceFailuresNotCrashes() {
        assertThrows(ChainSourceException.class, () -> EsploraChainSource.parseTxids("{\"not\":\"an array\"}"));
        assertThrows(ChainSourceException.class, () -> EsploraChainSource.parseTxids("[1,2]"));
        assertThrows(ChainSourceException.class, () -> source.block("ab".repeat(32)));
    }

    @Test
    void unreachableServerIsASourceFailure() {
        server.stop(0);
        assertThrows(ChainSourceException.class, () -> source.tip());
    }
}
