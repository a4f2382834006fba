package io.chaintill.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.crypto.ContractUtils;
import org.web3j.utils.Numeric;

/**
 * The Sweeper contract the batch sweep delegates deposit addresses to (Sweeper.sol beside its compiled Sweeper.bin in
 * this package's resources): its creation code for one destination, its calls, and the code a delegated address shows.
 * The destination is an immutable of the deployed code, so a Sweeper can only ever pay the {@code --to} it was made for.
 */
final class SweeperContract {
    private static final String BIN = "Sweeper.bin";
    /** EIP-7702: a delegated account's code is this prefix and the delegate's 20-byte address. */
    private static final String DELEGATION_PREFIX = "0xef0100";

    private SweeperContract() {
    }

    /** Creation code (shipped bytecode and the ABI-encoded constructor argument) of a Sweeper paying {@code destination}. */
    static String creationCode(String destination) {
        return "0x" + shippedBytecode() + FunctionEncoder.encodeConstructor(List.of(new Address(destination)));
    }

    /** {@code sweepAll(deposits, tokens)}: each delegated deposit sends every listed token, then all its ether. */
    static String sweepAll(List<String> deposits, List<String> tokens) {
        return FunctionEncoder.encode(new Function("sweepAll", List.of(addresses(deposits), addresses(tokens)), List.of()));
    }

    /** The code an account shows once it delegates to {@code sweeper}. */
    static String delegationCode(String sweeper) {
        return DELEGATION_PREFIX + Numeric.cleanHexPrefix(sweeper).toLowerCase(java.util.Locale.ROOT);
    }

    /** Where a contract created by {@code deployer}'s transaction with {@code nonce} lands (CREATE: keccak(rlp(sender, nonce))). */
    static String addressCreatedBy(String deployer, BigInteger nonce) {
        return EthereumAddress.parse(ContractUtils.generateContractAddress(deployer, nonce), "the Sweeper's address");
    }

    private static DynamicArray<Address> addresses(List<String> list) {
        return new DynamicArray<>(Address.class, list.stream().map(Address::new).toList());
    }

    private static String shippedBytecode() {
        try (InputStream in = SweeperContract.class.getResourceAsStream(BIN)) {
            if (in == null) {
                throw new IllegalStateException(BIN + " is missing from the sweep tool's classes");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BIN, e);
        }
    }
}
