package io.chaintill.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the project's {@code deploy/<tool>/install.sh} scripts, which install a tool when missing and print the
 * installed binary's path as the last line(s) of their output.
 */
final class Installers {
    private Installers() {
    }

    /**
     * The binary named by {@code envVar} if set, else the path the last output line of {@code scriptPath} (relative
     * to the project base dir) gives.
     */
    static String binary(String envVar, String scriptPath, Duration timeout, String name) {
        String fromEnv = System.getenv(envVar);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Path script = projectScript(scriptPath, "set " + envVar + " or run from the project base dir");
        List<String> lines = run(script, timeout, 1, name);
        return lines.get(lines.size() - 1).strip();
    }

    /** {@code relativePath} under the project base dir, which must be a file; {@code hint} says what else to do. */
    static Path projectScript(String relativePath, String hint) {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path script = base.resolve(relativePath);
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("no " + script + " (" + hint + ")");
        }
        return script;
    }

    /**
     * Runs {@code script} with bash (its stderr shown as is) and returns its non-blank output lines, of which there
     * must be at least {@code minLines}; {@code name} is what it installs, for the interruption message.
     */
    static List<String> run(Path script, Duration timeout, int minLines, String name) {
        try {
            Process install = new ProcessBuilder("bash", script.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String out = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!install.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                install.destroyForcibly();
                throw new IllegalStateException(script + " did not finish within " + timeout);
            }
            List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
            if (install.exitValue() != 0 || lines.size() < minLines) {
                throw new IllegalStateException(script + " failed with exit code " + install.exitValue() + ": " + out);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing " + name, e);
        }
    }
}
