package io.chaintill.scheduling;

import io.chaintill.application.ChainLedgerService;
import io.chaintill.application.PersistentChainLedger;
import io.chaintill.application.TrackedChain;
import io.chaintill.chain.ChainFollower;
import io.chaintill.chain.ChainSource;
import io.chaintill.chain.WatchedDestinations;
import io.chaintill.chain.ethereum.Erc20ContractCheck;
import io.chaintill.chain.ethereum.Erc20Token;
import io.chaintill.chain.ethereum.EthereumAddresses;
import io.chaintill.chain.ethereum.EthereumChainSource;
import io.chaintill.domain.payment.PaymentMethodId;
import java.util.Optional;

/**
 * One token ({@code <SYMBOL>-ERC20}, {@code <SYMBOL>-<CHAIN>}) in the follow loop, refused when its contract is not
 * what was configured.
 */
final class Erc20Tracking implements ChainFollowLoop.Chain {
    private final Erc20Token token;
    private final ChainLedgerService ledgerService;
    private final int firstScanDepth;

    Erc20Tracking(Erc20Token token, ChainLedgerService ledgerService, int firstScanDepth) {
        this.token = token;
        this.ledgerService = ledgerService;
        this.firstScanDepth = firstScanDepth;
    }

    @Override
    public String key() {
        return token.methodId().toString();
    }

    @Override
    public PaymentMethodId method() {
        return token.methodId();
    }

    @Override
    public String matchKey(String address) {
        return EthereumAddresses.matchKey(address);
    }

    @Override
    public Optional<String> refusal(ChainSource source) {
        // the node this pass reads: a witness when the chain failed over before the token was first followed
        EthereumChainSource node = EthereumChainSource.of(source);
        Optional<String> wrongChain = node.refusal();
        return wrongChain.isPresent() ? wrongChain : Erc20ContractCheck.problem(node.rpc(), token);
    }

    @Override
    public ChainFollower follower(ChainSource source, WatchedDestinations watched) {
        TrackedChain chain = new TrackedChain(key(), token.methodId(), token.decimals());
        return new ChainFollower(key(), source, new PersistentChainLedger(chain, ledgerService), watched,
                firstScanDepth, 100);
    }
}
