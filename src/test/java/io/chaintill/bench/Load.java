package io.chaintill.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A closed-loop load: {@code clients} threads each doing one operation after another for a while. */
final class Load {
    private Load() {
    }

    interface Operation {
        void run() throws Exception;
    }

    record Result(long operations, double seconds, List<Double> sortedMs) {
        static final Result NONE = new Result(0, 0, List.of());

        /** Two runs as one: their operations over their summed time, latencies merged. */
        Result plus(Result other) {
            List<Double> ms = new ArrayList<>(sortedMs);
            ms.addAll(other.sortedMs);
            Collections.sort(ms);
            return new Result(operations + other.operations, seconds + other.seconds, ms);
        }

        double perSecond() {
            return operations / seconds;
        }

        double p99Ms() {
            return sortedMs.isEmpty() ? Double.NaN : sortedMs.get((int) Math.max(0, Math.ceil(0.99 * sortedMs.size()) - 1));
        }
    }

    static Result run(int clients, long seconds, Operation op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Future<List<Double>>> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            workers.add(pool.submit(() -> {
                List<Double> ms = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    op.run();
                    ms.add((System.nanoTime() - t) / 1e6);
                }
                return ms;
            }));
        }
        List<Double> all = new ArrayList<>();
        try {
            for (Future<List<Double>> f : workers) {
                all.addAll(f.get());
            }
        } finally {
            pool.shutdown();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Collections.sort(all);
        return new Result(all.size(), elapsed, all);
    }
}
