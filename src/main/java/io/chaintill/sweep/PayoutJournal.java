package io.chaintill.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The payouts command's memory between runs: every transaction it signs is written here (and forced to disk) before
 * it is broadcast, one line {@code payoutId txHash signedHex}. A run after a crash finds a payout it already sent a
 * transaction for and sends that same transaction again (or waits for it) instead of signing a second payment; the
 * server, which may not have seen the first one yet, cannot tell. It holds signed transactions, no secret.
 */
final class PayoutJournal {
    private static final Pattern LINE = Pattern.compile("([A-Za-z0-9_-]{1,100}) (0x[0-9a-f]{64}) (0x[0-9a-f]{2,200000})");

    record Entry(String payoutId, String hash, String signedHex) {
    }

    private final Path file;
    private final Map<String, Entry> byPayout = new LinkedHashMap<>();

    private PayoutJournal(Path file) {
        this.file = file;
    }

    static PayoutJournal open(Path file) {
        PayoutJournal journal = new PayoutJournal(file);
        if (!Files.exists(file)) {
            return journal;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new SweepException("--journal: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            var m = LINE.matcher(line);
            if (!m.matches()) {
                // a line cut short by a crash was never broadcast: written (and synced) before broadcasting
                if (i == lines.size() - 1) {
                    continue;
                }
                throw new SweepException("--journal: line " + (i + 1) + " of " + file + " is not 'payoutId 0xhash 0xtransaction'");
            }
            // the last transaction for a payout is the one that counts (an earlier one reverted)
            journal.byPayout.put(m.group(1), new Entry(m.group(1), m.group(2), m.group(3)));
        }
        return journal;
    }

    Optional<Entry> of(String payoutId) {
        return Optional.ofNullable(byPayout.get(payoutId));
    }

    void append(Entry e) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
            Files.writeString(file, e.payoutId() + " " + e.hash() + " " + e.signedHex() + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException ex) {
            throw new SweepException("--journal: cannot write " + file + " (" + ex.getClass().getSimpleName()
                    + "); nothing was sent for payout " + e.payoutId());
        }
        byPayout.put(e.payoutId(), e);
    }
}
