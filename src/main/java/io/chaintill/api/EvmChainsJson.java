package io.chaintill.api;

import io.chaintill.chain.ethereum.EvmChain;
import io.chaintill.json.Json;
import jakarta.json.JsonArray;
import java.util.List;

/**
 * ChainTill addition to {@code server/info}: every EVM chain the server takes payments on, with its chain id, the
 * network's name, its methods and token contracts (public facts a wallet or the sweep tool needs).
 */
final class EvmChainsJson {
    private EvmChainsJson() {
    }

    static JsonArray of(List<EvmChain> chains) {
        var out = Json.createArrayBuilder();
        for (EvmChain c : chains) {
            var tokens = Json.createArrayBuilder();
            c.tokens().forEach(t -> tokens.add(Json.createObjectBuilder()
                    .add("paymentMethodId", t.methodId().toString())
                    .add("symbol", t.symbol())
                    .add("contract", t.contract())
                    .add("decimals", t.decimals())
                    .add("preset", t.preset())));
            out.add(Json.createObjectBuilder()
                    .add("name", c.name())
                    .add("chainId", c.chainId())
                    .add("network", c.displayName())
                    .add("nativePaymentMethodId", c.nativeMethod().toString())
                    .add("confirmations", c.confirmations().toString())
                    .add("tokens", tokens));
        }
        return out.build();
    }
}
