package io.chaintill.sweep;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * The merchant's own Ethereum node (--rpc), through web3j's JSON-RPC client: balances, gas, token calls and
 * broadcasting of transactions signed here. Node errors become {@link SweepException}s naming --rpc.
 */
public final class EthereumNode implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);

    private final String url;
    private final HttpService service;
    private final Web3j web3;

    public EthereumNode(String url) {
        this.url = url;
        this.service = new HttpService(url);
        this.web3 = Web3j.build(service);
    }

    public long chainId() {
        return send("eth_chainId", () -> web3.ethChainId().send()).getChainId().longValueExact();
    }

    public BigInteger balance(String address) {
        return send("eth_getBalance", () -> web3.ethGetBalance(address, DefaultBlockParameterName.LATEST).send()).getBalance();
    }

    public BigInteger gasPrice() {
        return send("eth_gasPrice", () -> web3.ethGasPrice().send()).getGasPrice();
    }

    /** The next nonce of {@code address}, counting its transactions still in the node's pool. */
    public BigInteger nonce(String address) {
        return send("eth_getTransactionCount", () -> web3.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING)
                .send()).getTransactionCount();
    }

    /** True if code is deployed at {@code address} (a contract, not a plain account). */
    public boolean hasCode(String address) {
        String code = code(address);
        return !code.equals("0x") && !code.isEmpty();
    }

    /** The code at {@code address}, lower-case hex with 0x ("0x" for a plain account). */
    public String code(String address) {
        String code = send("eth_getCode", () -> web3.ethGetCode(address, DefaultBlockParameterName.LATEST).send()).getCode();
        return code == null ? "0x" : code.toLowerCase(java.util.Locale.ROOT);
    }

    /** The runtime code {@code creationCode} would deploy: an eth_call without a recipient runs it as a creation. */
    public String runtimeCode(String creationCode) {
        return send("eth_call (contract creation)", () -> web3.ethCall(Transaction.createEthCallTransaction(null, null,
                creationCode), DefaultBlockParameterName.LATEST).send()).getValue().toLowerCase(java.util.Locale.ROOT);
    }

    /** The node's suggested priority fee (tip) per gas for EIP-1559 and type-4 transactions. */
    public BigInteger maxPriorityFeePerGas() {
        return send("eth_maxPriorityFeePerGas", () -> web3.ethMaxPriorityFeePerGas().send()).getMaxPriorityFeePerGas();
    }

    /** Gas the node estimates for {@code from} deploying {@code creationCode}. */
    public BigInteger estimateDeployGas(String from, String creationCode) {
        Transaction tx = Transaction.createContractTransaction(from, null, null, creationCode);
        return send("eth_estimateGas (deploying the Sweeper)", () -> web3.ethEstimateGas(tx).send()).getAmountUsed();
    }

    /**
     * Gas the node estimates for a type-4 transaction from {@code from} calling {@code to} with {@code data} and these
     * authorizations; {@code codeOverrides} (address to runtime code) lets it price a contract not deployed yet.
     * Throws when the node refuses (a node without EIP-7702 refuses every authorization list).
     */
    public BigInteger estimateSetCodeGas(String from, String to, String data,
                                         List<SetCodeTransaction.Authorization> authorizations,
                                         Map<String, String> codeOverrides) {
        Map<String, Object> tx = new LinkedHashMap<>();
        tx.put("from", from);
        tx.put("to", to);
        tx.put("data", data);
        if (!authorizations.isEmpty()) {
            tx.put("authorizationList", authorizations.stream().map(SetCodeTransaction.Authorization::rpcJson).toList());
        }
        List<Object> params = new java.util.ArrayList<>(List.of(tx, "latest"));
        if (!codeOverrides.isEmpty()) {
            Map<String, Object> overrides = new LinkedHashMap<>();
            codeOverrides.forEach((address, code) -> overrides.put(address, Map.of("code", code)));
            params.add(overrides);
        }
        return send("eth_estimateGas (type-4 sweep)", () -> new Request<>("eth_estimateGas", params, service,
                EthEstimateGas.class).send()).getAmountUsed();
    }

    public BigInteger tokenBalance(String token, String owner) {
        return (BigInteger) call(token, Erc20Calls.balanceOf(owner))
                .orElseThrow(() -> new SweepException(token + " did not answer balanceOf(): is it an ERC-20 contract on this chain?"))
                .getValue();
    }

    /** The token's symbol(), if it has one. */
    public Optional<String> tokenSymbol(String token) {
        try {
            return call(token, Erc20Calls.symbol()).map(t -> (String) t.getValue());
        } catch (SweepException e) {
            return Optional.empty(); // symbol() is optional in ERC-20: a revert only means there is none
        }
    }

    /** The token's decimals(); refuses a contract without one (not an ERC-20). */
    @SuppressWarnings("rawtypes")
    public int tokenDecimals(String token) {
        Optional<Type> decimals;
        try {
            decimals = call(token, Erc20Calls.decimals());
        } catch (SweepException e) {
            decimals = Optional.empty(); // reverted: no such function
        }
        return decimals.map(t -> ((BigInteger) t.getValue()).intValueExact())
                .orElseThrow(() -> new SweepException(token + " has no decimals(): it is not an ERC-20 token contract"));
    }

    /** Gas the node estimates for {@code from} calling transfer(to, units) on {@code token}. */
    public BigInteger estimateTransferGas(String token, String from, String to, BigInteger units) {
        Transaction tx = Transaction.createEthCallTransaction(from, token, Erc20Calls.encode(Erc20Calls.transfer(to, units)));
        return send("eth_estimateGas (token transfer from " + from + ")", () -> web3.ethEstimateGas(tx).send()).getAmountUsed();
    }

    /** Gas the node estimates for a plain ether transfer (more than 21000 when {@code to} is a contract wallet). */
    public BigInteger estimateEtherGas(String from, String to, BigInteger wei) {
        Transaction tx = Transaction.createEtherTransaction(from, null, null, null, to, wei);
        return send("eth_estimateGas (ether transfer from " + from + ")", () -> web3.ethEstimateGas(tx).send()).getAmountUsed();
    }

    /** True when the node knows the transaction, pending or mined. */
    public boolean knowsTransaction(String hash) {
        return send("eth_getTransactionByHash", () -> web3.ethGetTransactionByHash(hash).send()).getTransaction().isPresent();
    }

    /** The receipt of a mined transaction; empty while it is pending or unknown. */
    public Optional<TransactionReceipt> receipt(String hash) {
        return send("eth_getTransactionReceipt", () -> web3.ethGetTransactionReceipt(hash).send()).getTransactionReceipt();
    }

    /** Broadcasts a signed transaction; returns its hash. */
    public String broadcast(String signedHex) {
        return send("eth_sendRawTransaction", () -> web3.ethSendRawTransaction(signedHex).send()).getTransactionHash();
    }

    /** Waits until {@code hash} is mined (web3j's receipt polling); fails after {@code timeout}. */
    public TransactionReceipt awaitReceipt(String hash, Duration timeout) {
        int attempts = (int) Math.max(1, timeout.toMillis() / POLL.toMillis());
        try {
            return new PollingTransactionReceiptProcessor(web3, POLL.toMillis(), attempts).waitForTransactionReceipt(hash);
        } catch (TransactionException e) {
            throw new SweepException("transaction " + hash + " was not mined within " + timeout.toSeconds()
                    + " s; it may still confirm: check it on the node before running the sweep again");
        } catch (IOException e) {
            throw new SweepException("cannot reach the Ethereum node at " + url + " (--rpc): " + e.getMessage());
        }
    }

    @SuppressWarnings("rawtypes")
    private Optional<Type> call(String contract, Function function) {
        String result = send("eth_call " + function.getName() + "() on " + contract, () -> web3.ethCall(
                Transaction.createEthCallTransaction(null, contract, Erc20Calls.encode(function)),
                DefaultBlockParameterName.LATEST).send()).getValue();
        List<Type> decoded;
        try {
            decoded = FunctionReturnDecoder.decode(result, function.getOutputParameters());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return decoded.isEmpty() ? Optional.empty() : Optional.of(decoded.get(0));
    }

    private interface Call<R> {
        R send() throws IOException;
    }

    private <R extends Response<?>> R send(String what, Call<R> call) {
        R response;
        try {
            response = call.send();
        } catch (IOException e) {
            throw new SweepException("cannot reach the Ethereum node at " + url + " (--rpc): " + e.getMessage());
        } catch (RuntimeException e) {
            throw new SweepException("the Ethereum node at " + url + " (--rpc) gave an unreadable answer to " + what
                    + ": " + e.getMessage());
        }
        if (response.hasError()) {
            throw new SweepException("the Ethereum node refused " + what + ": " + response.getError().getMessage());
        }
        return response;
    }

    @Override
    public void close() {
        web3.shutdown();
    }
}
