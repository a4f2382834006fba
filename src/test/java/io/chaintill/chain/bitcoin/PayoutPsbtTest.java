package io.chaintill.chain.bitcoin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.chain.ChainNetwork;
import io.chaintill.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.junit.jupiter.api.Test;

/** The PSBT a payout batch becomes, its BIP 174 encoding, and the check of what the merchant signs. */
class PayoutPsbtTest {
    private static final ChainNetwork NET = ChainNetwork.REGTEST;
    private static final String TXID_A = "aa".repeat(32);
    private static final String TXID_B = "bb".repeat(32);
    private static final String TXID_C = "cc".repeat(32);
    /** A fixed seed: the same keys on every run. */
    private static final DeterministicKey ACCOUNT = account(new byte[32]);
    private static final DerivationScheme SCHEME =
            DerivationScheme.parse(ACCOUNT.serializePubB58(BitcoinNetwork.TESTNET, ScriptType.P2WPKH), NET);
    private static final KeyOrigin ORIGIN = KeyOrigin.of("d34db33f/84'/1'/0'", SCHEME);
    private static final String PAYEE = SCHEME.receiveAddress(1000); // any address of the network will do
    private static final String OTHER = SCHEME.receiveAddress(1001);

    private static DeterministicKey account(byte[] seed) {
        DeterministicKey key = HDKeyDerivation.createMasterPrivateKey(seed);
        for (int n : new int[] {84, 1, 0}) {
            key = HDKeyDerivation.deriveChildKey(key, new ChildNumber(n, true));
        }
        return key;
    }

    private static PayoutPsbtBuilder.Built batch() {
        return new PayoutPsbtBuilder(SCHEME, ORIGIN).build(List.of(
                new PayoutPsbtBuilder.Spendable(TXID_A, 0, 30_000, false, 3),
                new PayoutPsbtBuilder.Spendable(TXID_B, 1, 100_000, false, 5),
                new PayoutPsbtBuilder.Spendable(TXID_C, 2, 10_000, true, 0)),
                List.of(new PayoutPsbtBuilder.Payment("p1", PAYEE, 50_000)), 7, 2);
    }

    @Test
    void aBatchSpendsTheLargestOutputsAndSendsChangeToTheChangeChain() {
        PayoutPsbtBuilder.Built built = batch();
        UnsignedTransaction tx = built.psbt().transaction();
        assertEquals(List.of(TXID_B + ":1"), tx.inputs().stream().map(UnsignedTransaction.Input::outpoint).toList());
        assertEquals(2, tx.outputs().size());
        assertEquals(50_000, tx.outputs().get(0).value());
        assertArrayEquals(new PayoutPsbtBuilder(SCHEME, ORIGIN).script(PAYEE), tx.outputs().get(0).script());
        // change: what is left after the fee, to m/1/7 of the store's key
        assertEquals(1, built.changeOutput());
        assertArrayEquals(SCHEME.scriptPubKey(true, 7), tx.outputs().get(1).script());
        assertEquals(100_000 - 50_000 - built.fee(), built.change());
        // 1 input, 2 outputs of a P2WPKH wallet: 11 + 68 + 31 + 31 vbytes at 2 sat/vB
        assertEquals(2 * (11 + 68 + 31 + 31), built.fee());
        assertEquals(UnsignedTransaction.SEQUENCE_RBF, tx.inputs().get(0).sequence());
    }

    @Test
    void eachInputCarriesItsWitnessUtxoAndKeyOrigin() {
        Psbt psbt = batch().psbt();
        byte[] utxo = psbt.inputValue(0, Psbt.IN_WITNESS_UTXO).orElseThrow();
        assertArrayEquals(PayoutPsbtBuilder.witnessUtxo(100_000, SCHEME.scriptPubKey(false, 5)), utxo);
        Psbt.Entry derivation = psbt.input(0).stream().filter(e -> e.type() == Psbt.IN_BIP32_DERIVATION).findFirst().orElseThrow();
        assertArrayEquals(SCHEME.publicKey(false, 5), derivation.keyData());
        // fingerprint d34db33f, then 84' 1' 0' 0 5 as 32-bit little endian
        assertEquals("d34db33f" + "54000080" + "01000080" + "00000080" + "00000000" + "05000000",
                HexFormat.of().formatHex(derivation.value()));
        // the public key is the one the private account key derives: a signer holding it recognises the input
        DeterministicKey child = HDKeyDerivation.deriveChildKey(HDKeyDerivation.deriveChildKey(ACCOUNT, ChildNumber.ZERO),
                new ChildNumber(5, false));
        assertArrayEquals(child.getPubKey(), derivation.keyData());
        Psbt.Entry change = psbt.output(1).get(0);
        assertEquals(Psbt.OUT_BIP32_DERIVATION, change.type());
        assertTrue(HexFormat.of().formatHex(change.value()).endsWith("0100000007000000"));
        assertTrue(psbt.output(0).isEmpty());
    }

    @Test
    void aPsbtSurvivesSerializationByteForByte() {
        Psbt psbt = batch().psbt();
        byte[] raw = psbt.serialize();
        assertEquals("70736274ff", HexFormat.of().formatHex(Arrays.copyOf(raw, 5)));
        Psbt again = Psbt.fromBase64(psbt.toBase64());
        assertArrayEquals(raw, again.serialize());
        assertEquals(psbt.transaction(), again.transaction());
        assertEquals(psbt.transaction().txid(), again.transaction().txid());
    }

    @Test
    void bip174VectorsUnsignedTransactionRoundTrips() {
        // BIP 174's first valid test vector's unsigned transaction (one input, two outputs)
        byte[] raw = HexFormat.of().parseHex("0200000001268171371edff285e937adeea4b37b78000c0566cbb3ad64641713ca42171bf6"
                + "0000000000feffffff02d3dff505000000001976a914d0c59903c5bac2868760e90fd521a4665aa7652088ac00e1f5050000"
                + "000017a9143545e6e33b832c47050f24d3eeb93c9c03948bc787b32e1300");
        UnsignedTransaction tx = UnsignedTransaction.parse(raw);
        assertArrayEquals(raw, tx.serialize());
        assertEquals(1, tx.inputs().size());
        assertEquals(0xfffffffeL, tx.inputs().get(0).sequence());
        assertEquals(99_999_699L, tx.outputs().get(0).value());
        assertEquals(1_257_139L, tx.lockTime());
    }

    @Test
    void malformedPsbtsAreRefused() {
        byte[] raw = batch().psbt().serialize();
        assertThrows(IllegalArgumentException.class, () -> Psbt.parse(Arrays.copyOf(raw, raw.length - 1)));
        byte[] badMagic = raw.clone();
        badMagic[0] = 0x71;
        assertThrows(IllegalArgumentException.class, () -> Psbt.parse(badMagic));
        byte[] trailing = Arrays.copyOf(raw, raw.length + 1);
        assertThrows(IllegalArgumentException.class, () -> Psbt.parse(trailing));
        assertThrows(IllegalArgumentException.class, () -> Psbt.fromBase64("not base64!"));
        // a key twice in one map
        Psbt psbt = batch().psbt();
        List<List<Psbt.Entry>> inputs = List.of(twice(psbt.input(0)));
        assertThrows(IllegalArgumentException.class,
                () -> Psbt.parse(Psbt.of(psbt.transaction(), inputs, List.of(psbt.output(0), psbt.output(1))).serialize()));
    }

    private static List<Psbt.Entry> twice(List<Psbt.Entry> map) {
        List<Psbt.Entry> out = new ArrayList<>(map);
        out.add(map.get(0));
        return out;
    }

    @Test
    void theSignedBatchIsAcceptedWithItsSignatures() {
        Psbt batch = batch().psbt();
        List<Psbt.Entry> signedInput = new ArrayList<>(batch.input(0));
        signedInput.add(Psbt.Entry.of(Psbt.IN_PARTIAL_SIG, SCHEME.publicKey(false, 5), new byte[71]));
        Psbt signed = Psbt.of(batch.transaction(), List.of(signedInput), List.of(batch.output(0), batch.output(1)));
        assertEquals(batch.transaction(), SignedPsbtCheck.check(batch, signed.toBase64(), NET).transaction());
    }

    @Test
    void aSignedPsbtPayingAnotherAddressOrAmountOrSpendingOtherInputsIsRefused() {
        Psbt batch = batch().psbt();
        UnsignedTransaction tx = batch.transaction();
        List<UnsignedTransaction.Output> outs = tx.outputs();
        byte[] other = new PayoutPsbtBuilder(SCHEME, ORIGIN).script(OTHER);

        String address = refusal(batch, new UnsignedTransaction(2, tx.inputs(),
                List.of(new UnsignedTransaction.Output(50_000, other), outs.get(1)), 0));
        assertTrue(address.contains("pays 0.00050000 BTC to " + OTHER) && address.contains("neither a payout"), address);

        String amount = refusal(batch, new UnsignedTransaction(2, tx.inputs(),
                List.of(new UnsignedTransaction.Output(60_000, outs.get(0).script()), outs.get(1)), 0));
        assertTrue(amount.contains("pays 0.00060000 BTC to " + PAYEE), amount);

        List<UnsignedTransaction.Input> more = new ArrayList<>(tx.inputs());
        more.add(new UnsignedTransaction.Input(TXID_A, 0, UnsignedTransaction.SEQUENCE_RBF));
        String input = refusal(batch, new UnsignedTransaction(2, more, outs, 0));
        assertTrue(input.contains("spends " + TXID_A + ":0, which is not an input of this batch"), input);

        String dropped = refusal(batch, new UnsignedTransaction(2, tx.inputs(), List.of(outs.get(1)), 0));
        assertTrue(dropped.contains("does not pay 0.00050000 BTC to " + PAYEE), dropped);

        String lockTime = refusal(batch, new UnsignedTransaction(2, tx.inputs(), outs, 99));
        assertTrue(lockTime.contains("lock time"), lockTime);

        InvalidInputException garbage = assertThrows(InvalidInputException.class,
                () -> SignedPsbtCheck.check(batch, Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}), NET));
        assertEquals("psbt", garbage.field());
    }

    private static String refusal(Psbt batch, UnsignedTransaction tx) {
        List<List<Psbt.Entry>> ins = tx.inputs().stream().map(i -> List.<Psbt.Entry>of()).toList();
        List<List<Psbt.Entry>> outs = tx.outputs().stream().map(o -> List.<Psbt.Entry>of()).toList();
        String signed = Psbt.of(tx, ins, outs).toBase64();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SignedPsbtCheck.check(batch, signed, NET));
        assertEquals("psbt", e.field());
        return e.getMessage();
    }

    @Test
    void paymentsTheOutputsCannotCoverAreRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new PayoutPsbtBuilder(SCHEME, ORIGIN)
                .build(List.of(new PayoutPsbtBuilder.Spendable(TXID_A, 0, 30_000, false, 3)),
                        List.of(new PayoutPsbtBuilder.Payment("p1", PAYEE, 50_000)), 0, 2));
        assertTrue(e.getMessage().contains("do not cover"));
    }

    @Test
    void keyOriginsAreParsedOrFallBackToTheAccountKey() {
        assertEquals(List.of(0x80000054L, 0x80000001L, 0x80000000L), ORIGIN.path());
        KeyOrigin fallback = KeyOrigin.of(null, SCHEME);
        assertArrayEquals(fingerprint(), fallback.fingerprint());
        assertTrue(fallback.path().isEmpty());
        assertThrows(InvalidInputException.class, () -> KeyOrigin.of("m/84'/0'", SCHEME));
    }

    private static byte[] fingerprint() {
        int f = ACCOUNT.getFingerprint();
        return new byte[] {(byte) (f >>> 24), (byte) (f >>> 16), (byte) (f >>> 8), (byte) f};
    }
}
