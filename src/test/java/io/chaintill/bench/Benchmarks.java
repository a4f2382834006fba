package io.chaintill.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The performance harness (not part of the test suite's pass/fail): {@code mvn -B -Pbench verify -DskipTests}.
 * Each benchmark reports its figure as a ratio to a limit measured in the same run on the same machine, so
 * the numbers mean something on any hardware. Pass names to run only some: {@code -Dbench=webhooks,derivation}.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String only = System.getProperty("bench", "");
        List<Benchmark> all = List.of(new AddressDerivationBenchmark(), new BlockScanBenchmark(), new WebhookThroughputBenchmark(),
                new Erc20LogsBenchmark(), new CheckoutStreamsBenchmark(), new InvoiceCreationBenchmark(),
                new WitnessChecksBenchmark(), new ClusterThroughputBenchmark(), new InvoiceReadsBenchmark(), new StartupBenchmark());
        List<String> lines = new ArrayList<>();
        for (Benchmark b : all) {
            if (only.isBlank() || List.of(only.split(",")).contains(b.name())) {
                System.out.println("== " + b.name());
                String line = b.run();
                System.out.println(line);
                lines.add(b.name() + ": " + line);
            }
        }
        System.out.println();
        System.out.println("== summary");
        lines.forEach(System.out::println);
    }

    /** One measurement: returns a one-line result with the ratio to its limit. */
    interface Benchmark {
        String name();

        String run() throws Exception;
    }
}
