package io.chaintill.sweep;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;
import org.web3j.utils.Numeric;

/**
 * EIP-7702 (Prague) pieces web3j 4.13 lacks: a signed authorization (an address lets its code be another
 * contract's) and the type-4 "set code" transaction that carries a list of them. Encoded here with web3j's RLP, as
 * the EIP writes them: an authorization signs {@code keccak(0x05 || rlp([chain_id, address, nonce]))}, the
 * transaction {@code keccak(0x04 || rlp([chain_id, nonce, max_priority_fee_per_gas, max_fee_per_gas, gas_limit,
 * destination, value, data, access_list, authorization_list]))}, and is sent as {@code 0x04 || rlp([... , y_parity,
 * r, s])}.
 */
public final class SetCodeTransaction {
    private static final byte AUTHORIZATION_MAGIC = 0x05;
    private static final byte TYPE = 0x04;

    private SetCodeTransaction() {
    }

    /** One signed authorization: {@code authority} (who signed) delegates its code to {@code delegate}. */
    public record Authorization(long chainId, String delegate, BigInteger nonce, int yParity, BigInteger r, BigInteger s) {
        /**
         * Signs with {@code key}; {@code nonce} must be the authority's current nonce (a deposit that never sent a
         * transaction: 0). Chain id 0 would be valid on every chain, so it is never signed here.
         */
        public static Authorization sign(long chainId, String delegate, BigInteger nonce, ECKeyPair key) {
            if (chainId <= 0) {
                throw new IllegalArgumentException("an authorization is signed for one chain id, never 0");
            }
            byte[] hash = Hash.sha3(typed(AUTHORIZATION_MAGIC, new RlpList(uint(BigInteger.valueOf(chainId)),
                    address(delegate), uint(nonce))));
            Sign.SignatureData sig = Sign.signMessage(hash, key, false);
            return new Authorization(chainId, delegate, nonce, sig.getV()[0] - 27, Numeric.toBigInt(sig.getR()),
                    Numeric.toBigInt(sig.getS()));
        }

        /** The JSON-RPC form ({@code authorizationList} entries of eth_estimateGas), quantities as hex. */
        public java.util.Map<String, String> rpcJson() {
            return java.util.Map.of("chainId", Numeric.encodeQuantity(BigInteger.valueOf(chainId)), "address", delegate,
                    "nonce", Numeric.encodeQuantity(nonce), "yParity", Numeric.encodeQuantity(BigInteger.valueOf(yParity)),
                    "r", Numeric.encodeQuantity(r), "s", Numeric.encodeQuantity(s));
        }

        RlpList rlp() {
            return new RlpList(uint(BigInteger.valueOf(chainId)), address(delegate), uint(nonce),
                    uint(BigInteger.valueOf(yParity)), uint(r), uint(s));
        }
    }

    /** The fields of one type-4 transaction, before signing. */
    public record Fields(long chainId, BigInteger nonce, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas,
                         BigInteger gasLimit, String to, BigInteger value, byte[] data, List<Authorization> authorizations) {
        public Fields {
            if (authorizations.isEmpty()) {
                throw new IllegalArgumentException("a set-code transaction carries at least one authorization");
            }
            authorizations = List.copyOf(authorizations);
            data = data.clone();
        }

        private List<RlpType> unsigned() {
            List<RlpType> auths = new ArrayList<>();
            authorizations.forEach(a -> auths.add(a.rlp()));
            return new ArrayList<>(List.of(uint(BigInteger.valueOf(chainId)), uint(nonce), uint(maxPriorityFeePerGas),
                    uint(maxFeePerGas), uint(gasLimit), address(to), uint(value), RlpString.create(data),
                    new RlpList(), new RlpList(auths)));
        }
    }

    /** The raw signed transaction as hex for {@code eth_sendRawTransaction}. */
    public static String sign(Fields tx, Credentials sender) {
        List<RlpType> fields = tx.unsigned();
        Sign.SignatureData sig = Sign.signMessage(Hash.sha3(typed(TYPE, new RlpList(fields))), sender.getEcKeyPair(), false);
        fields.add(uint(BigInteger.valueOf(sig.getV()[0] - 27)));
        fields.add(uint(Numeric.toBigInt(sig.getR())));
        fields.add(uint(Numeric.toBigInt(sig.getS())));
        return Numeric.toHexString(typed(TYPE, new RlpList(fields)));
    }

    private static byte[] typed(byte type, RlpList list) {
        byte[] rlp = RlpEncoder.encode(list);
        byte[] out = new byte[rlp.length + 1];
        out[0] = type;
        System.arraycopy(rlp, 0, out, 1, rlp.length);
        return out;
    }

    private static RlpString uint(BigInteger v) {
        if (v.signum() < 0) {
            throw new IllegalArgumentException("negative integer in a transaction field");
        }
        return RlpString.create(v);
    }

    private static RlpString address(String hex) {
        byte[] a = Numeric.hexStringToByteArray(hex);
        if (a.length != 20) {
            throw new IllegalArgumentException("not a 20-byte address: " + hex);
        }
        return RlpString.create(a);
    }
}
