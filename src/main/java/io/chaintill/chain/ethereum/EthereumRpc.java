package io.chaintill.chain.ethereum;

import io.chaintill.chain.ChainSourceException;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.http.HttpService;

/**
 * The JSON-RPC calls chain tracking makes to an Ethereum node, over web3j with bounded timeouts (a hung node must
 * not hold the follower's thread forever). Every failure - network, timeout, JSON-RPC error - becomes a
 * {@link ChainSourceException}, which the follow loop answers with backoff.
 */
public class EthereumRpc {
    private final URI url;
    private final Web3j web3;

    public EthereumRpc(URI url) {
        this(url, "", "");
    }

    /**
     * A node whose credentials were taken out of its URL (a witness's, {@link io.chaintill.chain.integrity.WitnessSpec}):
     * they go into a Basic authorization header, {@code url} (printed in logs and errors) has none; {@code user} empty
     * for none.
     */
    public EthereumRpc(URI url, String user, String password) {
        this.url = url;
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .build();
        HttpService service = new HttpService(url.toString(), http);
        if (!user.isEmpty()) {
            service.addHeader("Authorization", okhttp3.Credentials.basic(user, password, StandardCharsets.UTF_8));
        }
        this.web3 = Web3j.build(service);
    }

    public URI url() {
        return url;
    }

    public long chainId() {
        return send(web3.ethChainId(), "eth_chainId").getChainId().longValueExact();
    }

    public EthBlock.Block latest() {
        return blockByNumber(DefaultBlockParameterName.LATEST, false)
                .orElseThrow(() -> new ChainSourceException(url + " has no latest block"));
    }

    public Optional<EthBlock.Block> blockByNumber(long number) {
        return blockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false);
    }

    /** The block being built from the node's transaction pool, when the node exposes one. */
    public Optional<EthBlock.Block> pendingBlock() {
        return blockByNumber(DefaultBlockParameterName.PENDING, true);
    }

    private Optional<EthBlock.Block> blockByNumber(DefaultBlockParameter which, boolean full) {
        return Optional.ofNullable(send(web3.ethGetBlockByNumber(which, full), "eth_getBlockByNumber").getBlock());
    }

    /** A block with its full transactions; empty when the node does not know the hash (any more). */
    public Optional<EthBlock.Block> blockByHash(String hash, boolean fullTransactions) {
        return Optional.ofNullable(send(web3.ethGetBlockByHash(hash, fullTransactions), "eth_getBlockByHash").getBlock());
    }

    /** Logs of one block (by hash, so a reorg cannot mix two blocks' logs), one contract, matching {@code topics}. */
    public List<Log> logs(String blockHash, String contract, List<List<String>> topics) {
        EthFilter filter = new EthFilter(blockHash, contract);
        for (List<String> position : topics) {
            if (position == null || position.isEmpty()) {
                filter.addNullTopic();
            } else if (position.size() == 1) {
                filter.addSingleTopic(position.get(0));
            } else {
                filter.addOptionalTopics(position.toArray(String[]::new));
            }
        }
        return send(web3.ethGetLogs(filter), "eth_getLogs").getLogs().stream()
                .map(r -> (Log) ((EthLog.LogObject) r).get()).toList();
    }

    public BigInteger balance(String address, long blockNumber) {
        return send(web3.ethGetBalance(address, DefaultBlockParameter.valueOf(BigInteger.valueOf(blockNumber))),
                "eth_getBalance").getBalance();
    }

    public String code(String address) {
        return send(web3.ethGetCode(address, DefaultBlockParameterName.LATEST), "eth_getCode").getCode();
    }

    /** eth_call against the latest block; a revert is reported as {@link EthCallReverted}. */
    public String call(String contract, String data) {
        var response = sendRaw(web3.ethCall(Transaction.createEthCallTransaction(null, contract, data),
                DefaultBlockParameterName.LATEST), "eth_call");
        if (response.hasError()) {
            throw new EthCallReverted(response.getError().getMessage());
        }
        if (response.isReverted()) {
            throw new EthCallReverted(response.getRevertReason() == null ? "reverted" : response.getRevertReason());
        }
        return response.getValue();
    }

    private <T extends Response<?>> T send(Request<?, T> request, String method) {
        T response = sendRaw(request, method);
        if (response.hasError()) {
            throw new ChainSourceException(method + " failed at " + url + ": " + response.getError().getMessage());
        }
        return response;
    }

    private <T extends Response<?>> T sendRaw(Request<?, T> request, String method) {
        try {
            return request.send();
        } catch (IOException | RuntimeException e) {
            throw new ChainSourceException(method + " failed at " + url + ": " + e.getMessage(), e);
        }
    }
}
