package io.chaintill.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Static files of the checkout page and the dashboard, from {@code src/main/resources/web/assets}: served by the
 * application itself (JAX-RS owns "/"), so every page works without a CDN or any outside request.
 */
@Path("assets/{path: .+}")
public class WebAssets {
    /** Longer than any file we ship; longer paths are not looked at. */
    static final int MAX_PATH_LENGTH = 200;
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json; charset=utf-8",
            "woff2", "font/woff2",
            "ico", "image/x-icon");

    @GET
    public Response asset(@PathParam("path") String path) {
        String ext = path.substring(path.lastIndexOf('.') + 1);
        String type = TYPES.get(ext);
        if (type == null || !safe(path)) {
            throw new NotFoundException();
        }
        byte[] body = read("web/assets/" + path);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(body, type).cacheControl(cache).header("X-Content-Type-Options", "nosniff").build();
    }

    /**
     * Segments of [a-z0-9._-] each starting with a letter or digit (so no "..", no hidden files, no empty segment),
     * checked in one pass: the regular expression this replaces recursed per segment and overflowed the stack on
     * "a/" x 3000.
     */
    static boolean safe(String path) {
        if (path.isEmpty() || path.length() > MAX_PATH_LENGTH || path.contains("..")) {
            return false;
        }
        boolean segmentStart = true;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (segmentStart) {
                if (!alnum) {
                    return false;
                }
                segmentStart = false;
            } else if (c == '/') {
                segmentStart = true;
            } else if (!alnum && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return !segmentStart;
    }

    private static byte[] read(String resource) {
        try (InputStream in = WebAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new NotFoundException();
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
