package io.chaintill.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of a packaged offline command line ({@code sweep}, {@code payouts}) as a user runs it: the API key in the
 * environment, the secret on stdin.
 */
final class SweepRun {
    final int code;
    final String output;

    private SweepRun(int code, String output) {
        this.code = code;
        this.output = output;
    }

    static SweepRun of(String apiKey, List<String> args, String stdin) throws IOException, InterruptedException {
        return of(apiKey, "sweep", args, stdin);
    }

    /** Runs {@code java -jar chaintill.jar command args...} to its end. */
    static SweepRun of(String apiKey, String command, List<String> args, String stdin)
            throws IOException, InterruptedException {
        Process process = start(apiKey, command, args, stdin);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish:\n" + output);
        }
        // in the failsafe output file, for post-mortem
        System.out.println("$ " + command + " " + String.join(" ", args) + "\n" + output + "(exit " + process.exitValue() + ")");
        return new SweepRun(process.exitValue(), output);
    }

    /** Starts the command and hands it its stdin; the caller reads or kills it (a crash test). */
    static Process start(String apiKey, String command, List<String> args, String stdin) throws IOException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "chaintill.jar").toAbsolutePath().toString(), command));
        line.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(line).redirectErrorStream(true);
        pb.environment().put("CHAINTILL_API_KEY", apiKey);
        pb.environment().put("CHAINTILL_CACHE", Path.of("target", "cli-cache").toAbsolutePath().toString());
        Process process = pb.start();
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        return process;
    }
}
