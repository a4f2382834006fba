package io.chaintill.chain.ethereum;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;

/**
 * Checks at start that a configured token contract is the ERC-20 the operator meant: it has code, answers
 * {@code decimals()} with the configured decimals (a mismatch would misprice every payment by powers of ten), and
 * ideally names the configured symbol. A built-in preset must name one of its known symbols, so a preset never
 * tracks another contract (a node on the wrong chain, a squatted address). Ether and the other tokens keep being
 * tracked when one token fails.
 */
public final class Erc20ContractCheck {
    private static final Logger LOG = Logger.getLogger(Erc20ContractCheck.class.getName());
    private static final String DECIMALS = "0x313ce567";
    private static final String SYMBOL = "0x95d89b41";

    private Erc20ContractCheck() {
    }

    /** What is wrong with the contract, or empty when it can be tracked. Node failures propagate (retry later). */
    public static Optional<String> problem(EthereumRpc rpc, Erc20Token token) {
        String code = rpc.code(token.contract());
        if (code == null || code.equals("0x") || code.isEmpty()) {
            return Optional.of(token.contract() + " is not an ERC-20 token: there is no contract at that address");
        }
        String answer;
        try {
            answer = rpc.call(token.contract(), DECIMALS);
        } catch (EthCallReverted e) {
            return Optional.of(token.contract() + " is not an ERC-20 token: decimals() reverted");
        }
        String hex = answer == null ? "" : answer.replaceFirst("^0x", "");
        if (hex.length() != 64) {
            return Optional.of(token.contract() + " is not an ERC-20 token: decimals() returned no number");
        }
        BigInteger decimals = new BigInteger(hex, 16);
        if (!decimals.equals(BigInteger.valueOf(token.decimals()))) {
            return Optional.of(token.symbol() + " " + token.contract() + ": decimals mismatch: configured "
                    + token.decimals() + ", contract says " + decimals);
        }
        Optional<String> symbol = symbol(rpc, token);
        if (token.preset()) {
            if (symbol.isEmpty() || !token.onChainSymbols().contains(symbol.get())) {
                return Optional.of(token.contract() + " is the built-in " + token.symbol()
                        + " contract of chain id " + token.chainId() + ", but the contract there answers symbol() with "
                        + symbol.map(s -> "'" + s + "'").orElse("nothing readable")
                        + "; refusing it (is the node on the right chain?)");
            }
            return Optional.empty();
        }
        symbol.filter(s -> !s.equalsIgnoreCase(token.symbol())).ifPresent(s -> LOG.warning(
                token.contract() + " calls itself " + s + " but is configured as " + token.symbol()
                        + "; tracking it as " + token.methodId()));
        return Optional.empty();
    }

    /** symbol() is optional in ERC-20 (and some old tokens return bytes32): only a hint. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Optional<String> symbol(EthereumRpc rpc, Erc20Token token) {
        try {
            List<Type> decoded = FunctionReturnDecoder.decode(rpc.call(token.contract(), SYMBOL),
                    (List) List.of(new TypeReference<Utf8String>() { }));
            if (decoded.isEmpty()) {
                return Optional.empty();
            }
            // the contract's own text goes into logs and health: no control characters, bounded
            String s = decoded.get(0).getValue().toString().replaceAll("\\p{Cntrl}", "?");
            return Optional.of(s.length() > 40 ? s.substring(0, 40) + "…" : s);
        } catch (RuntimeException e) { // reverted, bytes32, or undecodable: no hint
            return Optional.empty();
        }
    }
}
