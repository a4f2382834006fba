package io.chaintill.chain.bitcoin;

import io.chaintill.chain.ChainNetwork;
import io.chaintill.chain.ChainSourceException;
import io.chaintill.chain.ChainTip;
import io.chaintill.chain.bitcoin.rpc.BitcoindRpcClient;
import io.chaintill.chain.bitcoin.rpc.BitcoindRpcErrorCodes;
import io.chaintill.chain.bitcoin.rpc.BitcoindRpcException;
import io.chaintill.chain.integrity.BlockHeader;
import io.chaintill.chain.integrity.ChainWitness;
import io.chaintill.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * bitcoind's read-only RPCs as an integrity witness: getblockchaininfo, getblockhash, getblockheader (raw, so ChainTill
 * checks the work itself), getrawtransaction with the block hash (works without -txindex) and getconnectioncount.
 * The client's URL carries no credentials, so neither {@link #describe()} nor its errors can show them.
 */
public final class BitcoindWitness implements ChainWitness {
    private final BitcoindRpcClient rpc;
    private final BitcoindChainSource chain;
    private final ChainNetwork network;

    public BitcoindWitness(BitcoindRpcClient rpc, ChainNetwork network) {
        this.rpc = rpc;
        this.chain = new BitcoindChainSource(rpc);
        this.network = network;
    }

    @Override
    public String describe() {
        return "bitcoind " + rpc.url();
    }

    @Override
    public Optional<String> networkMismatch() {
        return chain.runsOn(network) ? Optional.empty() : Optional.of("is not on " + network.id());
    }

    @Override
    public ChainTip tip() {
        return chain.tip();
    }

    @Override
    public Optional<String> blockHash(int height) {
        return chain.blockHash(height);
    }

    @Override
    public BlockHeader header(String hash) {
        return call(() -> {
            JsonValue v = rpc.call("getblockheader", Json.createValue(hash), JsonValue.FALSE);
            if (!(v instanceof JsonString hex)) {
                throw new ChainSourceException("getblockheader at " + rpc.url() + " did not answer a hex string");
            }
            return BitcoinHeaders.parse(HexFormat.of().parseHex(hex.getString()), hash);
        });
    }

    @Override
    public boolean includes(String txid, String blockHash) {
        try {
            JsonValue v = rpc.call("getrawtransaction", Json.createValue(txid), JsonValue.TRUE, Json.createValue(blockHash));
            return v instanceof JsonObject tx && tx.getBoolean("in_active_chain", false)
                    && blockHash.equals(tx.getString("blockhash", ""));
        } catch (BitcoindRpcException e) {
            if (e.rpcCode().orElse(0) == BitcoindRpcErrorCodes.INVALID_ADDRESS_OR_KEY) {
                return false; // no such block, or the transaction is not in it
            }
            throw new ChainSourceException(e.getMessage(), e);
        }
    }

    @Override
    public Optional<java.math.BigInteger> chainWork(String hash) {
        JsonValue v = call(() -> rpc.call("getblockheader", Json.createValue(hash), JsonValue.TRUE));
        return v instanceof JsonObject o && o.get("chainwork") instanceof JsonString work
                ? Optional.of(new java.math.BigInteger(work.getString(), 16)) : Optional.empty();
    }

    @Override
    public OptionalInt peers() {
        JsonValue v = call(() -> rpc.call("getconnectioncount"));
        return v instanceof JsonNumber n ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
    }

    private <T> T call(Supplier<T> rpcCall) {
        try {
            return rpcCall.get();
        } catch (BitcoindRpcException e) {
            throw new ChainSourceException(e.getMessage(), e);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new ChainSourceException("bitcoind at " + rpc.url() + " sent data that does not parse", e);
        }
    }
}
