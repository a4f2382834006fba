package io.chaintill.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A server-sent event stream read on a thread of its own: each event block with the moment it arrived. */
public final class EventStreamReader implements AutoCloseable {
    /** One event block ({@code event: ...\ndata: ...\n}) and {@link System#nanoTime()} when its last line arrived. */
    public record Event(String text, long arrivedNanos) {
    }

    private final HttpURLConnection connection;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    private EventStreamReader(HttpURLConnection connection) {
        this.connection = connection;
        this.reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static EventStreamReader open(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setRequestProperty("Accept", "text/event-stream");
            c.setReadTimeout(60_000);
            c.connect();
            return new EventStreamReader(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next event with data (comments skipped), or null after {@code wait}. */
    public Event next(Duration wait) throws InterruptedException {
        return events.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder event = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isEmpty()) {
                    event.append(line).append('\n');
                } else if (event.indexOf("data:") >= 0) {
                    events.add(new Event(event.toString(), System.nanoTime()));
                    event.setLength(0);
                } else {
                    event.setLength(0);
                }
            }
        } catch (IOException e) {
            // closed by close() or by the server: the queue simply gets nothing more
        }
    }

    @Override
    public void close() {
        connection.disconnect();
        reader.interrupt();
    }
}
