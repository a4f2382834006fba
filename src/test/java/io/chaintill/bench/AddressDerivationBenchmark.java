package io.chaintill.bench;

import io.chaintill.chain.ChainNetwork;
import io.chaintill.chain.bitcoin.DerivationScheme;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;

/**
 * Address derivation through ChainTill ({@link DerivationScheme#receiveAddress}) against the library's raw
 * derivation of the same child key and address, the floor any implementation sits on.
 */
final class AddressDerivationBenchmark implements Benchmarks.Benchmark {
    private static final String TPUB =
            "tpubDC8msFGeGuwnKG9Upg7DM2b4DaRqg3CUZa5g8v2SRQ6K4NSkxUgd7HsL2XVWbVm39yBA4LAxysQAm397zwQSQoQgewGiYZqrA9DsP4zbQ1M";
    private static final int COUNT = 20_000;

    @Override
    public String name() {
        return "derivation";
    }

    @Override
    public String run() {
        DerivationScheme scheme = DerivationScheme.parse(TPUB, ChainNetwork.REGTEST);
        DeterministicKey receive = HDKeyDerivation.deriveChildKey(DeterministicKey.deserializeB58(TPUB, BitcoinNetwork.REGTEST),
                new ChildNumber(0, false));
        for (int warm = 0; warm < 3; warm++) {
            raw(receive, 2000);
            ours(scheme, 2000);
        }
        double rawPerSecond = rate(() -> raw(receive, COUNT));
        double oursPerSecond = rate(() -> ours(scheme, COUNT));
        return String.format("%.0f addresses/s vs raw bitcoinj %.0f/s: ratio %.2f", oursPerSecond, rawPerSecond,
                oursPerSecond / rawPerSecond);
    }

    private static int raw(DeterministicKey receive, int n) {
        int sink = 0;
        for (int i = 0; i < n; i++) {
            sink += HDKeyDerivation.deriveChildKey(receive, new ChildNumber(i, false))
                    .toAddress(ScriptType.P2WPKH, BitcoinNetwork.REGTEST).toString().length();
        }
        return sink;
    }

    private static int ours(DerivationScheme scheme, int n) {
        int sink = 0;
        for (int i = 0; i < n; i++) {
            sink += scheme.receiveAddress(i).length();
        }
        return sink;
    }

    private static double rate(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return COUNT / ((System.nanoTime() - start) / 1e9);
    }
}
