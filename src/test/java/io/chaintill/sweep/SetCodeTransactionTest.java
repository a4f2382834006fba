package io.chaintill.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;
import org.web3j.utils.Numeric;

/** The encoding without a node (SetCodeSweepIT shows anvil accepts it): who signed what, field by field. */
class SetCodeTransactionTest {
    private static final String SWEEPER = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    private final Credentials deposit = Credentials.create("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
    private final Credentials gas = Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

    @Test
    void anAuthorizationRecoversToTheDepositThatSignedIt() throws Exception {
        SetCodeTransaction.Authorization a = SetCodeTransaction.Authorization.sign(8453, SWEEPER, BigInteger.ZERO,
                deposit.getEcKeyPair());
        byte[] rlp = RlpEncoder.encode(new RlpList(RlpString.create(BigInteger.valueOf(8453)),
                RlpString.create(Numeric.hexStringToByteArray(SWEEPER)), RlpString.create(BigInteger.ZERO)));
        byte[] hash = Hash.sha3(concat((byte) 0x05, rlp));
        BigInteger key = Sign.signedMessageHashToKey(hash, new Sign.SignatureData((byte) (27 + a.yParity()),
                Numeric.toBytesPadded(a.r(), 32), Numeric.toBytesPadded(a.s(), 32)));
        assertEquals(deposit.getAddress(), "0x" + Keys.getAddress(key));
        assertTrue(a.yParity() == 0 || a.yParity() == 1, "y parity, not a legacy v");
    }

    @Test
    void theTransactionIsTypeFourWithThirteenFieldsAndRecoversToTheGasAccount() throws Exception {
        SetCodeTransaction.Authorization a = SetCodeTransaction.Authorization.sign(1, SWEEPER, BigInteger.TWO,
                deposit.getEcKeyPair());
        String raw = SetCodeTransaction.sign(new SetCodeTransaction.Fields(1, BigInteger.valueOf(7), BigInteger.ONE,
                BigInteger.TEN, BigInteger.valueOf(100_000), SWEEPER, BigInteger.ZERO, new byte[] {1, 2}, List.of(a)), gas);
        byte[] bytes = Numeric.hexStringToByteArray(raw);
        assertEquals(0x04, bytes[0]);
        List<RlpType> fields = ((RlpList) RlpDecoder.decode(Arrays.copyOfRange(bytes, 1, bytes.length)).getValues().get(0)).getValues();
        assertEquals(13, fields.size());
        assertEquals(BigInteger.valueOf(7), ((RlpString) fields.get(1)).asPositiveBigInteger(), "nonce");
        assertEquals(0, ((RlpList) fields.get(8)).getValues().size(), "empty access list");
        List<RlpType> auth = ((RlpList) ((RlpList) fields.get(9)).getValues().get(0)).getValues();
        assertEquals(6, auth.size());
        assertEquals(BigInteger.TWO, ((RlpString) auth.get(2)).asPositiveBigInteger(), "the authority's nonce");

        byte[] unsigned = RlpEncoder.encode(new RlpList(fields.subList(0, 10)));
        int yParity = ((RlpString) fields.get(10)).asPositiveBigInteger().intValue();
        BigInteger key = Sign.signedMessageHashToKey(Hash.sha3(concat((byte) 0x04, unsigned)), new Sign.SignatureData(
                (byte) (27 + yParity), Numeric.toBytesPadded(((RlpString) fields.get(11)).asPositiveBigInteger(), 32),
                Numeric.toBytesPadded(((RlpString) fields.get(12)).asPositiveBigInteger(), 32)));
        assertEquals(gas.getAddress(), "0x" + Keys.getAddress(key));
    }

    @Test
    void refusesChainIdZeroAndATransactionWithoutAuthorizations() {
        assertThrows(IllegalArgumentException.class,
                () -> SetCodeTransaction.Authorization.sign(0, SWEEPER, BigInteger.ZERO, deposit.getEcKeyPair()));
        assertThrows(IllegalArgumentException.class, () -> new SetCodeTransaction.Fields(1, BigInteger.ZERO,
                BigInteger.ONE, BigInteger.ONE, BigInteger.ONE, SWEEPER, BigInteger.ZERO, new byte[0], List.of()));
    }

    private static byte[] concat(byte type, byte[] rlp) {
        byte[] out = new byte[rlp.length + 1];
        out[0] = type;
        System.arraycopy(rlp, 0, out, 1, rlp.length);
        return out;
    }
}
