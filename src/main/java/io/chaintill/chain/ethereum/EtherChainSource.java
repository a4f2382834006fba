package io.chaintill.chain.ethereum;

import io.chaintill.chain.ChainOutput;
import io.chaintill.chain.ChainTransaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * Ether sent by top-level transactions. Each transaction with a value is one output (index 0) to its recipient; it
 * "spends" {@code <from>:<nonce>}, so a pending payment replaced by another transaction of the same sender and
 * nonce is seen as a double spend when the replacement is mined. Contract creations are skipped. Ether moved by
 * contracts (internal transfers) leaves no transaction to match: {@link EtherBalanceReconciler} finds it.
 */
public class EtherChainSource extends EthereumChainSource {

    private final String method;

    public EtherChainSource(EthereumRpc rpc, long chainId) {
        this(rpc, chainId, "chaintill.eth.chain-id", "ETH");
    }

    public EtherChainSource(EthereumRpc rpc, long chainId, String chainIdKey, String method) {
        super(rpc, chainId, chainIdKey);
        this.method = method;
    }

    @Override
    public String describe() {
        return "Ethereum node " + rpc().url() + " (" + method + ")";
    }

    @Override
    protected boolean wantsFullTransactions() {
        return true;
    }

    @Override
    protected List<ChainTransaction> payments(EthBlock.Block block) {
        List<ChainTransaction> out = new ArrayList<>();
        for (EthBlock.TransactionResult<?> r : block.getTransactions()) {
            if (r instanceof EthBlock.TransactionObject tx) {
                payment(tx).ifPresent(out::add);
            }
        }
        return out;
    }

    @Override
    protected Optional<ChainTransaction> pendingPayment(EthBlock.TransactionObject tx) {
        return payment(tx);
    }

    static Optional<ChainTransaction> payment(EthBlock.TransactionObject tx) {
        if (tx.getTo() == null || tx.getValue() == null || tx.getValue().signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new ChainTransaction(tx.getHash(), false,
                List.of(new ChainOutput(0, EthereumAddresses.matchKey(tx.getTo()), tx.getValue())),
                List.of(senderSlot(tx.getFrom(), tx.getNonce()))));
    }

    /** Sender and nonce: two transactions with the same slot can never both be mined. */
    static String senderSlot(String from, BigInteger nonce) {
        return EthereumAddresses.matchKey(from) + ":" + nonce;
    }
}
