package io.chaintill.sweep;

import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/** The ERC-20 functions the sweep calls, ABI-encoded by web3j. */
final class Erc20Calls {
    private Erc20Calls() {
    }

    static Function transfer(String to, BigInteger units) {
        return new Function("transfer", List.of(new Address(to), new Uint256(units)),
                List.of(new TypeReference<Bool>() { }));
    }

    static Function balanceOf(String owner) {
        return new Function("balanceOf", List.of(new Address(owner)), List.of(new TypeReference<Uint256>() { }));
    }

    static Function decimals() {
        return new Function("decimals", List.of(), List.of(new TypeReference<Uint8>() { }));
    }

    static Function symbol() {
        return new Function("symbol", List.of(), List.of(new TypeReference<Utf8String>() { }));
    }

    static String encode(Function function) {
        return FunctionEncoder.encode(function);
    }
}
