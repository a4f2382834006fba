package io.chaintill.cluster;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import java.io.IOException;

/**
 * Counts the requests this node is answering, so a graceful shutdown can wait for them. A checkout event stream
 * counts only until its response goes asynchronous: an open stream is not waited for (the browser reconnects
 * through the balancer to another node, which rereads the invoice).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class InFlightRequests implements Filter {
    /** Requests being answered on this node now (all filter instances: the servlet container owns them). */
    static final RequestCount COUNT = new RequestCount();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        COUNT.started();
        try {
            chain.doFilter(request, response);
        } finally {
            COUNT.ended();
        }
    }
}
