package org.stackratings.sandbox.api.image;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.image.ImageStore;
import org.stackratings.sandbox.state.image.StoredImage;

/**
 * Glance's image data: upload ({@code PUT .../file}, {@code application/octet-stream}; a queued image becomes active
 * with its size, MD5 checksum and SHA-512 hash) and download ({@code GET .../file}: the bytes with
 * {@code Content-MD5}, a single {@code Range}, 204 when there is no data, 403 when deactivated).
 */
final class ImageDataApi {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    void register(ServiceRoutes routes) {
        routes.route(HttpMethod.PUT, "/v2/images/:image_id/file", true, GlanceRefusal.answering(this::upload));
        routes.get("/v2/images/:image_id/file", GlanceRefusal.answering(this::download));
    }

    private void upload(ApiRequest req) {
        ImageAccess access = ImageAccess.of(req);
        StoredImage image = access.owned(req.param("image_id"), "upload_image");
        String type = req.header("Content-Type") == null ? "" : req.header("Content-Type").split(";")[0].trim();
        if (!type.equals("application/octet-stream")) {
            throw new GlanceRefusal(415, "Content type " + type + " is not supported; use application/octet-stream");
        }
        if (image.attributes().diskFormat() == null || image.attributes().containerFormat() == null) {
            throw GlanceRefusal.badRequest("Properties disk_format, container_format must be set prior to saving "
                    + "data.");
        }
        Buffer body = req.context().body().buffer();
        byte[] bytes = body == null ? new byte[0] : body.getBytes();
        ImageStore store = access.store();
        switch (store.upload(image.id(), bytes, req.now())) {
            case STORED -> req.reply(204, null);
            case GONE -> throw GlanceRefusal.noImage(image.id());
            case NOT_QUEUED -> throw new GlanceRefusal(409, "Image status transition from " + image.status()
                    + " to saving is not allowed");
            case OVER_QUOTA -> throw new GlanceRefusal(413, "Denying attempt to upload image because it exceeds the "
                    + "quota: The size of the data " + bytes.length + " will exceed the limit. "
                    + Math.max(0, store.limits().imageSizeTotalBytes() - store.storedBytes(access.project()))
                    + " bytes remaining.");
        }
    }

    private void download(ApiRequest req) {
        ImageAccess access = ImageAccess.of(req);
        StoredImage image = access.visible(req.param("image_id"));
        if (image.status().equals("deactivated")) {
            throw GlanceRefusal.forbidden("The requested image has been deactivated. Image data download is "
                    + "forbidden.");
        }
        byte[] bytes = access.store().data(image.id()).orElse(null);
        if (bytes == null || !image.status().equals("active")) {
            req.reply(204, null);
            return;
        }
        req.putHeader("Content-MD5", image.content().checksum());
        String range = req.header("Range");
        if (range == null) {
            req.reply(200, Buffer.buffer(bytes), "application/octet-stream");
            return;
        }
        Matcher m = RANGE.matcher(range.strip());
        long start;
        long end;
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            throw new GlanceRefusal(416, "Requested range not satisfiable");
        }
        if (m.group(1).isEmpty()) {
            start = Math.max(0, bytes.length - Long.parseLong(m.group(2)));
            end = bytes.length - 1L;
        } else {
            start = Long.parseLong(m.group(1));
            end = m.group(2).isEmpty() ? bytes.length - 1L : Math.min(Long.parseLong(m.group(2)), bytes.length - 1L);
        }
        if (start >= bytes.length || start > end) {
            req.putHeader("Content-Range", "bytes */" + bytes.length);
            throw new GlanceRefusal(416, "Requested range not satisfiable");
        }
        req.putHeader("Content-Range", "bytes " + start + "-" + end + "/" + bytes.length);
        req.reply(206, Buffer.buffer(bytes).getBuffer((int) start, (int) end + 1), "application/octet-stream");
    }
}
