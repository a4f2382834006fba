package io.chaintill.chain.bitcoin;

import io.chaintill.chain.ChainNetwork;
import io.chaintill.domain.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.script.ScriptBuilder;

/**
 * Builds the unsigned PSBT that pays a batch of payouts from the store's own received outputs: largest outputs
 * first until the payouts and the fee are covered, change (when above dust) to a fresh change address of the
 * store's key. Each input carries its witness UTXO, redeem script (nested segwit) and BIP32 derivation, the change
 * output its derivation, so any BIP 174 signer can check and sign it. Holds no key able to sign.
 */
public final class PayoutPsbtBuilder {
    /** Bitcoin Core's dust limit for the outputs we write, rounded up: smaller change goes to the fee. */
    public static final long DUST = 546;
    private static final int OVERHEAD_VBYTES = 11;

    /** An output the store received, at {@code /change/index} of its account key. */
    public record Spendable(String txid, int vout, long value, boolean change, int index) {
        public String outpoint() {
            return txid + ":" + vout;
        }
    }

    /** What one payout is paid: {@code value} satoshis to {@code address}. */
    public record Payment(String payoutId, String address, long value) {
    }

    /** The built batch: the PSBT, the inputs it spends, the fee, the change (0 when none) and its output index. */
    public record Built(Psbt psbt, List<Spendable> inputs, long fee, long change, int changeOutput) {
    }

    private final DerivationScheme scheme;
    private final KeyOrigin origin;
    private final ChainNetwork network;

    public PayoutPsbtBuilder(DerivationScheme scheme, KeyOrigin origin) {
        if (scheme.scriptType() == BitcoinScriptType.P2PKH) {
            // a legacy input needs its whole previous transaction in the PSBT, which needs a transaction index
            throw new InvalidInputException("paymentMethod", "payout batches need a segwit wallet (native or -[p2sh]), not -[legacy]");
        }
        this.scheme = scheme;
        this.origin = origin;
        this.network = scheme.network();
    }

    public Built build(List<Spendable> available, List<Payment> payments, int changeIndex, long feeRate) {
        if (payments.isEmpty()) {
            throw new InvalidInputException("payoutIds", "no approved payout to pay");
        }
        if (feeRate < 1) {
            throw new InvalidInputException("feeRate", "must be at least 1 sat/vB");
        }
        List<UnsignedTransaction.Output> outputs = new ArrayList<>();
        long paid = 0;
        for (Payment p : payments) {
            outputs.add(new UnsignedTransaction.Output(p.value(), script(p.address())));
            paid += p.value();
        }
        byte[] changeScript = scheme.scriptPubKey(true, changeIndex);
        long outputsVbytes = outputs.stream().mapToLong(o -> 9 + o.script().length).sum();
        long changeVbytes = 9 + changeScript.length;
        List<Spendable> sorted = new ArrayList<>(available);
        sorted.sort(Comparator.comparingLong(Spendable::value).reversed().thenComparing(Spendable::outpoint));
        List<Spendable> chosen = new ArrayList<>();
        long in = 0;
        for (Spendable s : sorted) {
            chosen.add(s);
            in += s.value();
            long feeWithChange = feeRate * (OVERHEAD_VBYTES + inputVbytes() * chosen.size() + outputsVbytes + changeVbytes);
            long feeWithout = feeRate * (OVERHEAD_VBYTES + inputVbytes() * chosen.size() + outputsVbytes);
            if (in >= paid + feeWithout) {
                long change = in - paid - feeWithChange;
                if (change >= DUST) {
                    outputs.add(new UnsignedTransaction.Output(change, changeScript));
                    return assemble(chosen, outputs, in - paid - change, change, outputs.size() - 1, changeIndex);
                }
                return assemble(chosen, outputs, in - paid, 0, -1, changeIndex);
            }
        }
        throw new InvalidInputException("payoutIds", "the store's unspent outputs (" + in + " sat) do not cover the payouts ("
                + paid + " sat) and the fee");
    }

    private Built assemble(List<Spendable> chosen, List<UnsignedTransaction.Output> outputs, long fee, long change,
                           int changeOutput, int changeIndex) {
        List<UnsignedTransaction.Input> inputs = chosen.stream()
                .map(s -> new UnsignedTransaction.Input(s.txid(), s.vout(), UnsignedTransaction.SEQUENCE_RBF)).toList();
        UnsignedTransaction tx = new UnsignedTransaction(2, inputs, outputs, 0);
        List<List<Psbt.Entry>> inputMaps = new ArrayList<>();
        for (Spendable s : chosen) {
            List<Psbt.Entry> map = new ArrayList<>();
            map.add(Psbt.Entry.of(Psbt.IN_WITNESS_UTXO, new byte[0],
                    witnessUtxo(s.value(), scheme.scriptPubKey(s.change(), s.index()))));
            byte[] redeem = scheme.redeemScript(s.change(), s.index());
            if (redeem.length > 0) {
                map.add(Psbt.Entry.of(Psbt.IN_REDEEM_SCRIPT, new byte[0], redeem));
            }
            map.add(Psbt.Entry.of(Psbt.IN_BIP32_DERIVATION, scheme.publicKey(s.change(), s.index()),
                    origin.derivation(s.change(), s.index())));
            inputMaps.add(map);
        }
        List<List<Psbt.Entry>> outputMaps = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            List<Psbt.Entry> map = new ArrayList<>();
            if (i == changeOutput) {
                byte[] redeem = scheme.redeemScript(true, changeIndex);
                if (redeem.length > 0) {
                    map.add(Psbt.Entry.of(Psbt.OUT_REDEEM_SCRIPT, new byte[0], redeem));
                }
                map.add(Psbt.Entry.of(Psbt.OUT_BIP32_DERIVATION, scheme.publicKey(true, changeIndex),
                        origin.derivation(true, changeIndex)));
            }
            outputMaps.add(map);
        }
        return new Built(Psbt.of(tx, inputMaps, outputMaps), List.copyOf(chosen), fee, change, changeOutput);
    }

    private int inputVbytes() {
        return scheme.scriptType() == BitcoinScriptType.P2SH_P2WPKH ? 91 : 68;
    }

    /** The output script an address stands for; the address was checked when the payout was claimed. */
    public byte[] script(String address) {
        return ScriptBuilder.createOutputScript(AddressParser.getDefault(BitcoinNetworks.of(network)).parseAddress(address))
                .program();
    }

    static byte[] witnessUtxo(long value, byte[] script) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompactSize.littleEndian(out, value, 8);
        CompactSize.write(out, script.length);
        out.writeBytes(script);
        return out.toByteArray();
    }
}
