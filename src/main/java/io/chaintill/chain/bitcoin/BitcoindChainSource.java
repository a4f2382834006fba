package io.chaintill.chain.bitcoin;

import io.chaintill.chain.BroadcastRejectedException;
import io.chaintill.chain.ChainBlock;
import io.chaintill.chain.ChainNetwork;
import io.chaintill.chain.ChainSource;
import io.chaintill.chain.ChainSourceException;
import io.chaintill.chain.ChainTip;
import io.chaintill.chain.ChainTransaction;
import io.chaintill.chain.bitcoin.rpc.BitcoindRpcClient;
import io.chaintill.chain.bitcoin.rpc.BitcoindRpcErrorCodes;
import io.chaintill.chain.bitcoin.rpc.BitcoindRpcException;
import io.chaintill.chain.bitcoin.rpc.RawBlockParser;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Bitcoin Core / Knots over JSON-RPC. Blocks are fetched raw and parsed with bitcoinj (amounts stay satoshis). */
public class BitcoindChainSource implements ChainSource {
    private final BitcoindRpcClient rpc;

    public BitcoindChainSource(BitcoindRpcClient rpc) {
        this.rpc = rpc;
    }

    @Override
    public String describe() {
        return "bitcoind " + rpc.url();
    }

    @Override
    public boolean runsOn(ChainNetwork network) {
        String chain = call(rpc::chain);
        return chainNamesOf(network).contains(chain);
    }

    /** The names getblockchaininfo reports for a network. */
    static Set<String> chainNamesOf(ChainNetwork network) {
        return switch (network) {
            case MAINNET -> Set.of("main");
            case TESTNET -> Set.of("test", "testnet4");
            case SIGNET -> Set.of("signet");
            case REGTEST -> Set.of("regtest");
        };
    }

    @Override
    public ChainTip tip() {
        return call(() -> {
            JsonObject info = rpc.blockchainInfo();
            return new ChainTip(info.getInt("blocks"), info.getString("bestblockhash"));
        });
    }

    @Override
    public Optional<String> blockHash(int height) {
        try {
            return Optional.of(rpc.blockHash(height));
        } catch (BitcoindRpcException e) {
            if (e.rpcCode().orElse(0) == BitcoindRpcErrorCodes.INVALID_PARAMETER) {
                return Optional.empty(); // "Block height out of range"
            }
            throw unavailable(e);
        }
    }

    @Override
    public ChainBlock block(String hash) {
        return call(() -> BitcoinTransactions.block(RawBlockParser.parse(rpc.rawBlock(hash), hash)));
    }

    @Override
    public List<String> mempoolTxids() {
        return call(rpc::rawMempool);
    }

    @Override
    public Optional<ChainTransaction> mempoolTransaction(String txid) {
        try {
            return Optional.of(BitcoinTransactions.transaction(BitcoinTransactions.parse(rpc.rawTransaction(txid))));
        } catch (BitcoindRpcException e) {
            if (e.rpcCode().orElse(0) == BitcoindRpcErrorCodes.INVALID_ADDRESS_OR_KEY) {
                return Optional.empty(); // left the mempool since it was listed
            }
            throw unavailable(e);
        }
    }

    @Override
    public String broadcast(String hex) {
        try {
            return rpc.sendRawTransaction(hex);
        } catch (BitcoindRpcException e) {
            if (e.kind() == BitcoindRpcException.Kind.RPC_ERROR) {
                throw new BroadcastRejectedException(nodeReason(e.getMessage()));
            }
            throw unavailable(e);
        }
    }

    /** The node's own words, without our "bitcoind RPC method at URL:" prefix. */
    private static String nodeReason(String message) {
        int at = message.indexOf("node error ");
        return at < 0 ? message : message.substring(at + "node error ".length());
    }

    private <T> T call(Supplier<T> rpcCall) {
        try {
            return rpcCall.get();
        } catch (BitcoindRpcException e) {
            throw unavailable(e);
        } catch (IllegalArgumentException e) {
            throw new ChainSourceException("bitcoind sent data that does not parse: " + e.getMessage(), e);
        }
    }

    private static ChainSourceException unavailable(BitcoindRpcException e) {
        return new ChainSourceException(e.getMessage(), e);
    }
}
