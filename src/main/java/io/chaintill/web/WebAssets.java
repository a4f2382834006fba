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
import java.util.regex.Pattern;

/**
 * Static files of the checkout page and the dashboard, from {@code src/main/resources/web/assets}: served by the
 * application itself (JAX-RS owns "/"), so every page works without a CDN or any outside request.
 */
@Path("assets/{path: .+}")
public class WebAssets {
    private static final Pattern SAFE = Pattern.compile("[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*");
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
        if (type == null || !SAFE.matcher(path).matches() || path.contains("..")) {
            throw new NotFoundException();
        }
        return serve(path, type);
    }

    /** One file under web/assets, with the headers every asset gets (also for paths other than /assets/...). */
    public static Response serve(String path, String type) {
        byte[] body = read("web/assets/" + path);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(body, type).cacheControl(cache).header("X-Content-Type-Options", "nosniff").build();
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
