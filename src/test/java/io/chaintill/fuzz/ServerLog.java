package io.chaintill.fuzz;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server process's log, read from where the fuzzer last looked: client errors must leave no stack trace. */
final class ServerLog {
    private static final Pattern TRACE = Pattern.compile("(?m)^(\\s+at [\\w$.]+\\(|Caused by: )");
    private final Path file;
    private long offset;

    ServerLog(Path file) {
        this.file = file;
        this.offset = size();
    }

    /** The first stack trace written since the last call (a few lines around it), or null. */
    String newStackTrace() {
        long end = size();
        if (end <= offset) {
            return null;
        }
        String text;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            f.seek(offset);
            byte[] b = new byte[(int) Math.min(end - offset, 8 * 1024 * 1024)];
            f.readFully(b);
            text = new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        offset = end;
        Matcher m = TRACE.matcher(text);
        if (!m.find()) {
            return null;
        }
        int from = text.lastIndexOf('\n', Math.max(0, text.lastIndexOf('\n', m.start() - 1) - 1));
        return text.substring(Math.max(0, from), Math.min(text.length(), m.start() + 600));
    }

    private long size() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
