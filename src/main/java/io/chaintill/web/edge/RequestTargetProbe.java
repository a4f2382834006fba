package io.chaintill.web.edge;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends requests whose path Payara Micro's connector cannot parse ({@link BrokenRequestTarget}) to
 * {@link InvalidRequestTargetFilter}, so they get a JSON 400 instead of the empty 200 Payara answers.
 *
 * <p>Why this reaches into the container: Grizzly's URI decoder throws on {@code %zz} inside
 * {@code CoyoteAdapter.postParseRequest}, before servlet filters, valves or JAX-RS see the request, and Payara
 * offers no setting for it (docs/security.md lists what was tried). The one earlier hook is a Grizzly
 * {@code HttpServerProbe}: {@code HttpServerFilter} tells its probes of each new request before it hands the
 * request to the web container. The probe only rewrites the raw path of a request that would fail anyway, to
 * {@code /invalid-request-target/<kind>}. The classes are the server's, not ours, so they are reached by name; if
 * a Payara upgrade moves them the server still starts, logs one warning, and the edge proxy rules in deploy/edge
 * remain the fallback.
 */
@WebListener
public class RequestTargetProbe implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(RequestTargetProbe.class.getName());
    static final String ROOT = "/invalid-request-target/";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            int filters = install();
            LOG.fine(() -> "request-target probe on " + filters + " HTTP listener(s)");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warning("Could not look at request paths before Payara parses them (" + e.getClass().getSimpleName()
                    + "); paths with a broken %-escape or a dot segment answer an empty 200 unless the edge proxy in"
                    + " deploy/edge is in front");
        }
    }

    private static int install() throws ReflectiveOperationException {
        ClassLoader server = Class.forName("org.glassfish.internal.api.Globals").getClassLoader();
        Object locator = type(server, "org.glassfish.internal.api.Globals").getMethod("getDefaultHabitat").invoke(null);
        Class<?> locatorType = type(server, "org.glassfish.hk2.api.ServiceLocator");
        Method getService = locatorType.getMethod("getService", Class.class, java.lang.annotation.Annotation[].class);
        Method getAllServices = locatorType.getMethod("getAllServices", Class.class, java.lang.annotation.Annotation[].class);
        Class<?> grizzlyServiceType = type(server, "com.sun.enterprise.v3.services.impl.GrizzlyService");
        Class<?> listenerConfigType = type(server, "org.glassfish.grizzly.config.dom.NetworkListener");
        Class<?> proxyType = type(server, "com.sun.enterprise.v3.services.impl.GrizzlyProxy");
        Class<?> genericListenerType = type(server, "org.glassfish.grizzly.config.GenericGrizzlyListener");
        Class<?> serverFilterType = type(server, "org.glassfish.grizzly.http.server.HttpServerFilter");
        Class<?> probeType = type(server, "org.glassfish.grizzly.http.server.HttpServerProbe");
        Class<?> monitoringType = type(server, "org.glassfish.grizzly.monitoring.MonitoringConfig");

        Object grizzly = getService.invoke(locator, grizzlyServiceType, new java.lang.annotation.Annotation[0]);
        Object probes = Array.newInstance(probeType, 1);
        Array.set(probes, 0, Proxy.newProxyInstance(server, new Class<?>[] {probeType}, new Rewriter(server)));
        int installed = 0;
        for (Object listener : (Collection<?>) getAllServices.invoke(locator, listenerConfigType,
                new java.lang.annotation.Annotation[0])) {
            Object proxy = grizzlyServiceType.getMethod("lookupNetworkProxy", listenerConfigType).invoke(grizzly, listener);
            if (!proxyType.isInstance(proxy)) {
                continue;
            }
            Object underlying = proxyType.getMethod("getUnderlyingListener").invoke(proxy);
            if (!genericListenerType.isInstance(underlying)) {
                continue;
            }
            for (Object filter : (List<?>) genericListenerType.getMethod("getFilters", Class.class)
                    .invoke(underlying, serverFilterType)) {
                Object monitoring = serverFilterType.getMethod("getMonitoringConfig").invoke(filter);
                monitoringType.getMethod("addProbes", Object[].class).invoke(monitoring, probes);
                installed++;
            }
        }
        if (installed == 0) {
            throw new IllegalStateException("no HTTP listener");
        }
        return installed;
    }

    private static Class<?> type(ClassLoader loader, String name) throws ClassNotFoundException {
        return Class.forName(name, false, loader);
    }

    /** The probe: acts on onRequestReceiveEvent(filter, connection, request), ignores the other events. */
    private static final class Rewriter implements InvocationHandler {
        private final Method packetOfRequest;
        private final Method uriRefOfPacket;
        private final Method rawUri;
        private final Method setUri;

        Rewriter(ClassLoader server) throws ReflectiveOperationException {
            packetOfRequest = type(server, "org.glassfish.grizzly.http.server.Request").getMethod("getRequest");
            uriRefOfPacket = type(server, "org.glassfish.grizzly.http.HttpRequestPacket").getMethod("getRequestURIRef");
            Class<?> uriRef = type(server, "org.glassfish.grizzly.http.util.RequestURIRef");
            rawUri = uriRef.getMethod("getURI");
            setUri = uriRef.getMethod("init", String.class);
        }

        @Override
        public Object invoke(Object probe, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "onRequestReceiveEvent" -> rewrite(args[2]);
                case "hashCode" -> { return System.identityHashCode(probe); }
                case "equals" -> { return probe == args[0]; }
                case "toString" -> { return "ChainTill request-target probe"; }
                default -> { }
            }
            return null;
        }

        private void rewrite(Object request) {
            try {
                Object uri = uriRefOfPacket.invoke(packetOfRequest.invoke(request));
                Optional<BrokenRequestTarget> broken = BrokenRequestTarget.of((String) rawUri.invoke(uri));
                if (broken.isPresent()) {
                    setUri.invoke(uri, ROOT + broken.get().slug());
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.FINE, "request-target probe skipped a request", e);
            }
        }
    }
}
