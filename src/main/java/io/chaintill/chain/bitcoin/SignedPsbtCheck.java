package io.chaintill.chain.bitcoin;

import io.chaintill.chain.ChainNetwork;
import io.chaintill.domain.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bitcoinj.script.Script;

/**
 * Checks that a signed PSBT the merchant uploads is the batch the server built: it spends exactly the batch's
 * inputs and pays exactly its outputs (each payout, and the change to the store's own key), nothing else. Every
 * refusal names what differs, so the merchant sees why nothing was broadcast.
 */
public final class SignedPsbtCheck {
    static final String FIELD = "psbt";

    private SignedPsbtCheck() {
    }

    /** Returns the signed PSBT parsed, or throws {@link InvalidInputException} naming field {@code psbt}. */
    public static Psbt check(Psbt batch, String signedBase64, ChainNetwork network) {
        Psbt signed;
        try {
            signed = Psbt.fromBase64(signedBase64);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FIELD, e.getMessage());
        }
        UnsignedTransaction want = batch.transaction();
        UnsignedTransaction got = signed.transaction();
        Set<String> batchInputs = new HashSet<>();
        want.inputs().forEach(i -> batchInputs.add(i.outpoint()));
        Set<String> signedInputs = new HashSet<>();
        for (UnsignedTransaction.Input i : got.inputs()) {
            if (!batchInputs.contains(i.outpoint())) {
                throw new InvalidInputException(FIELD, "spends " + i.outpoint() + ", which is not an input of this batch");
            }
            signedInputs.add(i.outpoint());
        }
        for (String outpoint : batchInputs) {
            if (!signedInputs.contains(outpoint)) {
                throw new InvalidInputException(FIELD, "does not spend " + outpoint + ", an input of this batch");
            }
        }
        List<UnsignedTransaction.Output> expected = new ArrayList<>(want.outputs());
        for (UnsignedTransaction.Output o : got.outputs()) {
            UnsignedTransaction.Output match = expected.stream()
                    .filter(e -> e.value() == o.value() && e.scriptHex().equals(o.scriptHex())).findFirst().orElse(null);
            if (match == null) {
                throw new InvalidInputException(FIELD, "pays " + btc(o.value()) + " BTC to " + describe(o.script(), network)
                        + ", which is neither a payout of this batch nor its change");
            }
            expected.remove(match);
        }
        if (!expected.isEmpty()) {
            UnsignedTransaction.Output missing = expected.get(0);
            throw new InvalidInputException(FIELD, "does not pay " + btc(missing.value()) + " BTC to "
                    + describe(missing.script(), network) + ", which this batch pays");
        }
        if (!got.equals(want)) {
            throw new InvalidInputException(FIELD, "is not this batch's transaction (its version, order, sequence or lock time differ)");
        }
        return signed;
    }

    private static String btc(long sats) {
        return BigDecimal.valueOf(sats, 8).toPlainString();
    }

    /** The address a script pays, or the script in hex when it has no address form. */
    static String describe(byte[] script, ChainNetwork network) {
        try {
            return Script.parse(script).getToAddress(BitcoinNetworks.of(network)).toString();
        } catch (RuntimeException e) {
            return "script " + java.util.HexFormat.of().formatHex(script);
        }
    }
}
