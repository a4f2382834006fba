package io.chaintill.chain.bitcoin;

import io.chaintill.chain.BroadcastRejectedException;
import io.chaintill.chain.ChainSourceException;
import io.chaintill.chain.bitcoin.rpc.BitcoindRpcClient;
import io.chaintill.chain.bitcoin.rpc.BitcoindRpcErrorCodes;
import io.chaintill.chain.bitcoin.rpc.BitcoindRpcException;
import io.chaintill.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What payout batches ask of the store's bitcoind: whether an output is still unspent (mempool included), a fee
 * estimate, finalizing a signed PSBT into a transaction, and relaying it. The node holds no wallet of ours; it
 * validates and relays (the light-wallet-signs, node-broadcasts split).
 */
public class BitcoinPayoutNode {
    private final BitcoindRpcClient rpc;

    public BitcoinPayoutNode(BitcoindRpcClient rpc) {
        this.rpc = rpc;
    }

    /** A finalized transaction: its hex, or null when a signature is missing. */
    public record Finalized(String hex, boolean complete) {
    }

    public boolean unspent(String txid, int vout) {
        return call(() -> rpc.call("gettxout", Json.createValue(txid), Json.createValue(vout), JsonValue.TRUE))
                .getValueType() == JsonValue.ValueType.OBJECT;
    }

    /** sat/vB to confirm within {@code blocks}, rounded up; empty when the node has no estimate (regtest, new node). */
    public OptionalLong feeRate(int blocks) {
        JsonObject answer = call(() -> rpc.call("estimatesmartfee", Json.createValue(blocks))).asJsonObject();
        if (!answer.containsKey("feerate")) {
            return OptionalLong.empty();
        }
        BigDecimal btcPerKvB = answer.getJsonNumber("feerate").bigDecimalValue();
        return OptionalLong.of(btcPerKvB.movePointRight(8).divide(BigDecimal.valueOf(1000), 0, RoundingMode.CEILING)
                .max(BigDecimal.ONE).longValueExact());
    }

    public Finalized finalize(String psbtBase64) {
        JsonObject answer = call(() -> rpc.call("finalizepsbt", Json.createValue(psbtBase64), JsonValue.TRUE)).asJsonObject();
        boolean complete = answer.getBoolean("complete", false);
        return new Finalized(complete ? answer.getString("hex") : null, complete);
    }

    public int height() {
        return ((jakarta.json.JsonNumber) call(() -> rpc.call("getblockcount"))).intValue();
    }

    public boolean inMempool(String txid) {
        try {
            rpc.call("getmempoolentry", Json.createValue(txid));
            return true;
        } catch (BitcoindRpcException e) {
            if (e.rpcCode().orElse(0) == BitcoindRpcErrorCodes.INVALID_ADDRESS_OR_KEY) {
                return false; // "Transaction not in mempool"
            }
            throw new ChainSourceException(e.getMessage(), e);
        }
    }

    /** Confirmations of a block: empty when it is no longer on the main chain (reorg). */
    public OptionalInt confirmations(String blockHash) {
        int n = call(() -> rpc.call("getblockheader", Json.createValue(blockHash), JsonValue.TRUE)).asJsonObject()
                .getInt("confirmations");
        return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
    }

    /** The main-chain block from {@code fromHeight} on that holds {@code txid}, searching at most {@code limit} blocks. */
    public Optional<String> blockContaining(String txid, int fromHeight, int limit) {
        int tip = height();
        for (int h = Math.max(0, Math.max(fromHeight, tip - limit)); h <= tip; h++) {
            int height = h;
            JsonObject block = call(() -> rpc.call("getblock", Json.createValue(rpc.blockHash(height)), Json.createValue(1)))
                    .asJsonObject();
            if (block.getJsonArray("tx").getValuesAs(jakarta.json.JsonString.class).stream()
                    .anyMatch(t -> t.getString().equals(txid))) {
                return Optional.of(block.getString("hash"));
            }
        }
        return Optional.empty();
    }

    /** Relays; a refusal comes back as {@link BroadcastRejectedException} with the node's reason. */
    public String broadcast(String hex) {
        return new BitcoindChainSource(rpc).broadcast(hex);
    }

    private static JsonValue call(java.util.function.Supplier<JsonValue> rpcCall) {
        try {
            return rpcCall.get();
        } catch (BitcoindRpcException e) {
            throw new ChainSourceException(e.getMessage(), e);
        }
    }
}
