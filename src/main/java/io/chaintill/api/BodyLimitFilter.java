package io.chaintill.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Refuses bodies over 1 MiB, whether declared by Content-Length or only discovered while reading. */
@Provider
@PreMatching
public class BodyLimitFilter implements ContainerRequestFilter {
    static final long LIMIT = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > LIMIT) {
            throw new PayloadTooLargeException(LIMIT);
        }
        request.setEntityStream(new Limited(request.getEntityStream()));
    }

    private static final class Limited extends FilterInputStream {
        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > LIMIT) {
                throw new PayloadTooLargeException(LIMIT);
            }
        }
    }
}
