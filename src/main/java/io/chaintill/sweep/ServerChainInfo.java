package io.chaintill.sweep;

import java.util.Map;

/** What the server says about its Ethereum chain: the chain id and the token contracts by payment method id. */
public record ServerChainInfo(long chainId, Map<String, String> tokenContracts) {
}
