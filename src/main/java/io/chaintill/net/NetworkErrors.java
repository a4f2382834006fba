package io.chaintill.net;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * What went wrong on an outgoing connection, in words an operator or merchant can act on ("connection refused",
 * "timed out") rather than a Java class name, which used to reach API answers (rate 503s, webhook deliveries).
 */
public final class NetworkErrors {
    private NetworkErrors() {
    }

    public static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String words = words(t);
            if (words != null) {
                return words;
            }
        }
        return error instanceof IOException ? "network error" : "request failed";
    }

    private static String words(Throwable t) {
        if (t instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException || t instanceof TimeoutException) {
            return "timed out";
        }
        if (t instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (t instanceof ConnectException) {
            return "connection refused";
        }
        if (t instanceof UnknownHostException) {
            return "unknown host";
        }
        if (t instanceof SSLHandshakeException) {
            return "TLS handshake failed";
        }
        if (t instanceof SSLException) {
            return "TLS error";
        }
        if (t instanceof EOFException) {
            return "connection closed by the other side";
        }
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("connection reset")) {
            return "connection reset by the other side";
        }
        return null;
    }
}
