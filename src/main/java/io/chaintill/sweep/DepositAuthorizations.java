package io.chaintill.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * Each deposit key's EIP-7702 authorization delegating the address to the sweeper, signed here with the key derived
 * from the wallet secret. A deposit already delegating to this sweeper signs none (it would only cost gas). The
 * authorization carries the deposit's current nonce: valid once, then spent.
 */
final class DepositAuthorizations {
    private DepositAuthorizations() {
    }

    static List<SetCodeTransaction.Authorization> sign(WalletSecret wallet, long chainId, String sweeper,
                                                        List<BatchDeposit> deposits) {
        List<SetCodeTransaction.Authorization> out = new ArrayList<>();
        for (BatchDeposit d : deposits) {
            if (!d.delegated()) {
                out.add(SetCodeTransaction.Authorization.sign(chainId, sweeper, d.nonce(),
                        wallet.credentials(d.index()).getEcKeyPair()));
            }
        }
        return out;
    }
}
