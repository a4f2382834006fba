package io.chaintill.sweep;

import java.util.Map;

/**
 * What the server says about the EVM chain a method lives on: its chain id, its native coin's method id (ETH-CHAIN,
 * ETH-BASE ...) and its token contracts by payment method id.
 */
public record ServerChainInfo(long chainId, Map<String, String> tokenContracts, String nativeMethod) {
}
