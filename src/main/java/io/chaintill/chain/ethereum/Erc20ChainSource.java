package io.chaintill.chain.ethereum;

import io.chaintill.chain.ChainOutput;
import io.chaintill.chain.ChainTransaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;

/**
 * One token's transfers. A block's payments are all Transfer logs of the token contract in that block (one
 * eth_getLogs by block hash), matched in memory against the watched index like Bitcoin outputs: the cost per block
 * follows the token's traffic, not the number of open invoices (measured in docs/ethereum.md, "Tracking").
 * <p>
 * A transfer's output index is its position among the token's Transfer logs of the same transaction (0 for a
 * plain {@code transfer}), not the block-wide log index: a pending {@code transfer} call decoded from the pool gets
 * index 0 too, so the payment seen pending and the one mined are the same payment.
 */
public class Erc20ChainSource extends EthereumChainSource {
    private final Erc20Token token;

    public Erc20ChainSource(EthereumRpc rpc, Erc20Token token) {
        this(rpc, token, "chaintill.eth.chain-id");
    }

    public Erc20ChainSource(EthereumRpc rpc, Erc20Token token, String chainIdKey) {
        super(rpc, token.chainId(), chainIdKey);
        this.token = token;
    }

    public Erc20Token token() {
        return token;
    }

    @Override
    public String describe() {
        return "Ethereum node " + rpc().url() + " (" + token.methodId() + " " + token.contract() + ")";
    }

    @Override
    protected boolean wantsFullTransactions() {
        return false;
    }

    @Override
    protected List<ChainTransaction> payments(EthBlock.Block block) {
        List<Log> logs = rpc().logs(block.getHash(), token.contract(), List.of(List.of(Erc20Transfers.TRANSFER_TOPIC)));
        Map<String, List<ChainOutput>> byTx = new LinkedHashMap<>();
        for (Log log : logs) {
            if (log.isRemoved()) {
                continue;
            }
            List<ChainOutput> outputs = byTx.computeIfAbsent(log.getTransactionHash(), h -> new ArrayList<>());
            int index = outputs.size();
            Erc20Transfers.fromLog(log).ifPresentOrElse(
                    t -> outputs.add(new ChainOutput(index, t.to(), t.amount())),
                    // keeps the positions of the transaction's later transfers stable
                    () -> outputs.add(new ChainOutput(index, "", java.math.BigInteger.ZERO)));
        }
        List<ChainTransaction> out = new ArrayList<>(byTx.size());
        byTx.forEach((hash, outputs) -> out.add(new ChainTransaction(hash, false, outputs, List.of())));
        return out;
    }

    @Override
    protected Optional<ChainTransaction> pendingPayment(EthBlock.TransactionObject tx) {
        if (tx.getTo() == null || !tx.getTo().equalsIgnoreCase(token.contract())) {
            return Optional.empty();
        }
        return Erc20Transfers.fromCallData(tx.getInput()).map(t -> new ChainTransaction(tx.getHash(), false,
                List.of(new ChainOutput(0, t.to(), t.amount())),
                List.of(EtherChainSource.senderSlot(tx.getFrom(), tx.getNonce()))));
    }
}
