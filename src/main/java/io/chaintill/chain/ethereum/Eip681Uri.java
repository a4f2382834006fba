package io.chaintill.chain.ethereum;

import io.chaintill.domain.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EIP-681 payment request, the text behind Ethereum checkout QR codes. Two shapes are written:
 * <ul>
 *   <li>ether: {@code ethereum:<address>@<chainId>?value=<wei>}</li>
 *   <li>token: {@code ethereum:<contract>@<chainId>/transfer?address=<recipient>&uint256=<base units>}</li>
 * </ul>
 * Amounts are plain integers in the smallest unit (EIP-681 allows "2.014e18" too; wallets agree on integers).
 * Without an amount the parameter is left out and the wallet asks the payer. The chain id is always written so
 * a wallet on another network refuses instead of paying on the wrong chain.
 */
public final class Eip681Uri {
    public static final String SCHEME = "ethereum";
    private static final String TRANSFER = "transfer";
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern SHAPE = Pattern.compile(
            "ethereum:(?:pay-)?(0x[0-9a-fA-F]{40})(?:@([0-9]+))?(?:/([A-Za-z0-9_]+))?(?:\\?(.*))?");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]+)?(?:[eE][0-9]+)?");

    private final String target;
    private final long chainId;
    private final String recipient;
    private final BigInteger amount;

    private Eip681Uri(String target, long chainId, String recipient, BigInteger amount) {
        this.target = target;
        this.chainId = chainId;
        this.recipient = recipient;
        this.amount = amount;
    }

    /** A plain ether payment of {@code wei} (null or zero: no amount). */
    public static Eip681Uri ether(String address, long chainId, BigInteger wei) {
        return new Eip681Uri(requireAddress(address, "address"), requireChainId(chainId), null, amountOrNull(wei));
    }

    /** An ERC-20 {@code transfer(recipient, units)} call on {@code contract} (null or zero units: no amount). */
    public static Eip681Uri tokenTransfer(String contract, long chainId, String recipient, BigInteger units) {
        return new Eip681Uri(requireAddress(contract, "contract"), requireChainId(chainId),
                requireAddress(recipient, "address"), amountOrNull(units));
    }

    /** Reads the two shapes this class writes (for tests and tools); anything else is refused naming {@code uri}. */
    public static Eip681Uri parse(String uri) {
        Matcher m = uri == null ? null : SHAPE.matcher(uri);
        if (m == null || !m.matches()) {
            throw invalidUri("expected ethereum:<0x address>[@chainId][/transfer][?parameters]");
        }
        if (m.group(2) == null) {
            throw invalidUri("has no chain id");
        }
        long chainId;
        try {
            chainId = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            throw invalidUri("has a chain id out of range");
        }
        Map<String, String> params = parameters(m.group(4));
        String function = m.group(3);
        if (function == null) {
            params.remove("gas");
            BigInteger value = number(params.remove("value"));
            requireNoneLeft(params);
            return ether(m.group(1), chainId, value);
        }
        if (!TRANSFER.equals(function)) {
            throw invalidUri("calls " + function + ", only transfer is understood");
        }
        String recipient = params.remove("address");
        if (recipient == null) {
            throw invalidUri("transfer without an address parameter");
        }
        BigInteger units = number(params.remove("uint256"));
        requireNoneLeft(params);
        return tokenTransfer(m.group(1), chainId, recipient, units);
    }

    /** The address paid (ether) or the token contract called (transfer). */
    public String target() {
        return target;
    }

    public long chainId() {
        return chainId;
    }

    /** The token recipient; empty for an ether payment. */
    public Optional<String> recipient() {
        return Optional.ofNullable(recipient);
    }

    /** Wei or token base units; empty when the link carries no amount. */
    public Optional<BigInteger> amount() {
        return Optional.ofNullable(amount);
    }

    public boolean isTokenTransfer() {
        return recipient != null;
    }

    public String toUri() {
        StringBuilder uri = new StringBuilder(SCHEME).append(':').append(target).append('@').append(chainId);
        if (recipient == null) {
            if (amount != null) {
                uri.append("?value=").append(amount);
            }
        } else {
            uri.append('/').append(TRANSFER).append("?address=").append(recipient);
            if (amount != null) {
                uri.append("&uint256=").append(amount);
            }
        }
        return uri.toString();
    }

    @Override
    public String toString() {
        return toUri();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Eip681Uri that && toUri().equals(that.toUri());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toUri());
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> params = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw invalidUri("has a parameter without a value");
            }
            if (params.put(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
                throw invalidUri("repeats a parameter");
            }
        }
        return params;
    }

    /** Integers, also in the e-notation EIP-681 allows ("2.014e18"), as long as the result is whole. */
    private static BigInteger number(String text) {
        if (text == null) {
            return null;
        }
        if (!NUMBER.matcher(text).matches()) {
            throw invalidUri("has an amount that is not a number: " + text);
        }
        try {
            return new BigDecimal(text).toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw invalidUri("has an amount that is not a whole number of the smallest unit");
        }
    }

    private static void requireNoneLeft(Map<String, String> params) {
        if (!params.isEmpty()) {
            throw invalidUri("has unsupported parameters " + new java.util.TreeSet<>(params.keySet()));
        }
    }

    private static String requireAddress(String address, String field) {
        if (address == null || !ADDRESS.matcher(address).matches()) {
            throw new InvalidInputException(field, "must be 0x followed by 40 hex digits");
        }
        return address;
    }

    private static long requireChainId(long chainId) {
        if (chainId <= 0) {
            throw new InvalidInputException("chainId", "must be a positive chain id");
        }
        return chainId;
    }

    private static BigInteger amountOrNull(BigInteger amount) {
        if (amount != null && amount.signum() < 0) {
            throw new InvalidInputException("amount", "must not be negative");
        }
        return amount == null || amount.signum() == 0 ? null : amount;
    }

    private static InvalidInputException invalidUri(String message) {
        return new InvalidInputException("uri", "not a usable EIP-681 link: " + message);
    }
}
