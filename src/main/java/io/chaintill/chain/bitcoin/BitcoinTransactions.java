package io.chaintill.chain.bitcoin;

import io.chaintill.chain.ChainBlock;
import io.chaintill.chain.ChainOutput;
import io.chaintill.chain.ChainTransaction;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bitcoinj.core.Block;
import org.bitcoinj.core.ProtocolException;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutput;

/** Converts bitcoinj's parsed blocks and transactions into the chain-neutral shapes the follower matches on. */
public final class BitcoinTransactions {
    private static final HexFormat HEX = HexFormat.of();

    private BitcoinTransactions() {
    }

    public static ChainBlock block(Block block) {
        List<Transaction> txs = block.getTransactions() == null ? List.of() : block.getTransactions();
        List<ChainTransaction> out = new ArrayList<>(txs.size());
        for (Transaction tx : txs) {
            out.add(transaction(tx));
        }
        return new ChainBlock(block.getHashAsString(), block.getPrevBlockHash().toString(), out);
    }

    public static ChainTransaction transaction(Transaction tx) {
        List<ChainOutput> outputs = new ArrayList<>(tx.getOutputs().size());
        for (TransactionOutput o : tx.getOutputs()) {
            outputs.add(new ChainOutput(o.getIndex(), HEX.formatHex(o.getScriptBytes()), BigInteger.valueOf(o.getValue().value)));
        }
        List<String> spent = new ArrayList<>(tx.getInputs().size());
        if (!tx.isCoinBase()) {
            for (TransactionInput in : tx.getInputs()) {
                spent.add(in.getOutpoint().hash() + ":" + in.getOutpoint().index());
            }
        }
        return new ChainTransaction(tx.getTxId().toString(), tx.isOptInFullRBF(), outputs, spent);
    }

    /** Parses a serialized transaction; throws IllegalArgumentException when the bytes are not one. */
    public static Transaction parse(byte[] raw) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(raw);
            Transaction tx = Transaction.read(buffer);
            if (buffer.hasRemaining()) {
                throw new IllegalArgumentException(buffer.remaining() + " unexpected bytes after the transaction");
            }
            if (tx.getInputs().isEmpty() || tx.getOutputs().isEmpty()) {
                throw new IllegalArgumentException("a transaction needs at least one input and one output");
            }
            return tx;
        } catch (ProtocolException | java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("not a serialized transaction: " + e.getMessage(), e);
        }
    }
}
