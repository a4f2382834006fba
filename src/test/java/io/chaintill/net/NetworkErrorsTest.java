package io.chaintill.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class NetworkErrorsTest {

    @Test
    void aClosedPortIsConnectionRefusedInWords() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Throwable failure = null;
        try {
            HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.discarding()).join();
        } catch (CompletionException e) {
            failure = e;
        }
        assertEquals("connection refused", NetworkErrors.describe(failure));
    }

    @Test
    void eachKindHasItsWordsAndNothingNamesAClass() {
        assertEquals("connection timed out", NetworkErrors.describe(new HttpConnectTimeoutException("x")));
        assertEquals("connection refused", NetworkErrors.describe(new IOException(new ConnectException())));
        assertEquals("TLS handshake failed", NetworkErrors.describe(new SSLHandshakeException("PKIX path building failed")));
        assertEquals("network error", NetworkErrors.describe(new IOException("java.io.IOException: odd")));
        assertEquals("request failed", NetworkErrors.describe(new IllegalStateException("java.lang.Whatever")));
    }
}
