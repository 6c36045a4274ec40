package org.stackratings.sandbox.api.volume.actions;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.stackratings.sandbox.api.volume.CinderRefusal;
import org.stackratings.sandbox.api.volume.CinderScope;
import org.stackratings.sandbox.state.volume.VolumeQuotaCheck;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.volume.StoredVolume;
import org.stackratings.sandbox.state.volume.VolumeStore;

/**
 * Cinder's {@code POST /volumes/{id}/action} for a member of the project: {@code os-extend} (available, or in-use from
 * 3.42; extending, then back a {@link VolumeStore#STEP} later on the sandbox clock), {@code os-set_bootable} (200),
 * {@code os-update_readonly_flag} (available only), {@code os-reserve} / {@code os-unreserve} (available to attaching
 * and back), {@code os-begin_detaching} / {@code os-roll_detaching} (in-use to detaching and back), {@code os-attach}
 * / {@code os-detach} ({@link AttachActions}), {@code os-volume_upload_image} ({@link UploadImageAction}) and
 * {@code os-set_image_metadata} / {@code os-unset_image_metadata} / {@code os-show_image_metadata}
 * ({@link ImageMetadataActions}, 200). The admin actions ({@code os-reset_status}, {@code os-force_delete}, ...) are
 * the policy's 403, an unknown action Cinder's 400. Each answers 202 without a body unless said otherwise; a refused
 * status is Cinder's 400 {@code InvalidVolume}.
 */
public final class VolumeActionsApi {

    /** The admin actions of {@code volume_admin_actions} and the policy rule that refuses each to a member. */
    private static final Set<String> ADMIN_ACTIONS = Set.of("os-reset_status", "os-force_delete", "os-force_detach",
            "os-migrate_volume", "os-migrate_volume_completion");

    private final AttachActions attach = new AttachActions();
    private final UploadImageAction upload = new UploadImageAction();
    private final ImageMetadataActions imageMetadata = new ImageMetadataActions();

    public void register(ServiceRoutes routes) {
        routes.route(HttpMethod.POST, "/v3/:project_id/volumes/:volume_id/action", true,
                CinderRefusal.answering(this::action));
    }

    private void action(ApiRequest req) {
        if (CinderScope.wrongProject(req, "volume:update")) {
            return;
        }
        JsonObject body = req.jsonBody();
        if (body == null || body.size() != 1) {
            throw new CinderRefusal(400, "Malformed request body");
        }
        String action = body.fieldNames().iterator().next();
        Object argument = body.getValue(action);
        if (ADMIN_ACTIONS.contains(action)) {
            throw CinderRefusal.policy("volume_extension:volume_admin_actions:" + action.substring(3));
        }
        switch (action) {
            case "os-extend" -> extend(req, argument);
            case "os-set_bootable" -> bootable(req, argument);
            case "os-update_readonly_flag" -> readOnly(req, argument);
            case "os-reserve" -> reserve(req);
            case "os-unreserve" -> unreserve(req);
            case "os-begin_detaching" -> beginDetaching(req);
            case "os-roll_detaching" -> rollDetaching(req);
            case "os-attach" -> attach.attach(req, argument);
            case "os-detach" -> attach.detach(req, argument);
            case "os-volume_upload_image" -> upload.apply(req, argument);
            case "os-set_image_metadata" -> imageMetadata.set(req, argument);
            case "os-unset_image_metadata" -> imageMetadata.unset(req, argument);
            case "os-show_image_metadata" -> imageMetadata.show(req);
            default -> throw new CinderRefusal(400, "There is no such action: " + action + ". Verify the request"
                    + " body and Content-Type header and try again.");
        }
    }

    /** The volume of the URL (Cinder's 404 when the project has none of that id). */
    static StoredVolume volume(ApiRequest req) {
        String id = req.param("volume_id");
        return req.cloud().volumes().volume(CinderScope.project(req), id, req.now())
                .orElseThrow(() -> new CinderRefusal(404, "Volume " + id + " could not be found."));
    }

    private static void accepted(ApiRequest req) {
        req.reply(202, null);
    }

    /** {@code {"os-extend": {"new_size": n}}}: larger than the size, within the quota. */
    private void extend(ApiRequest req, Object argument) {
        StoredVolume volume = volume(req);
        Object given = ActionArgument.of("os-extend", argument, List.of("new_size")).required("new_size");
        int size = size(given);
        if (size <= volume.size()) {
            throw CinderRefusal.invalidInput("New size for extend must be greater than current size. (current: "
                    + volume.size() + ", extended: " + size + ").");
        }
        String expected = CinderScope.version(req).atLeast(3, 42) && "in-use".equals(volume.status()) ? "in-use"
                : "available";
        if (!expected.equals(volume.status())) {
            throw CinderRefusal.invalidVolume("Volume " + volume.id() + " status must be '{'status': '" + expected
                    + "'}' to extend, currently " + volume.status() + ".");
        }
        VolumeStore store = req.cloud().volumes();
        VolumeQuotaCheck.extension(store, CinderScope.project(req), req.now(), size, size - volume.size()).ifPresent(m -> {
            throw new CinderRefusal(413, m);
        });
        store.extend(volume.id(), size, req.now());
        accepted(req);
    }

    /** Cinder's {@code parameter_types.volume_size}: an integer, or a string of digits, at least 1. */
    private static int size(Object given) {
        if (given instanceof String s && s.matches("[0-9]{1,9}")) {
            given = Integer.parseInt(s);
        } else if (given instanceof String s) {
            throw CinderRefusal.invalidField("new_size", s, "'" + s + "' does not match '^[0-9]+$'");
        }
        if (!(given instanceof Integer size)) {
            throw CinderRefusal.invalidField("new_size", given, given + " is not of type 'integer', 'string'");
        }
        if (size < 1) {
            throw CinderRefusal.invalidField("new_size", size, size + " is less than the minimum of 1");
        }
        return size;
    }

    /** {@code {"os-set_bootable": {"bootable": b}}}: 200, in any status. */
    private void bootable(ApiRequest req, Object argument) {
        StoredVolume volume = volume(req);
        ActionArgument a = ActionArgument.of("os-set_bootable", argument, List.of("bootable"));
        a.required("bootable");
        boolean bootable = a.bool("bootable", false);
        req.cloud().volumes().update(volume.id(), v -> v.withBootable(bootable), req.now());
        req.reply(200, null);
    }

    /** {@code {"os-update_readonly_flag": {"readonly": b}}}: only while available. */
    private void readOnly(ApiRequest req, Object argument) {
        StoredVolume volume = volume(req);
        ActionArgument a = ActionArgument.of("os-update_readonly_flag", argument, List.of("readonly"));
        a.required("readonly");
        boolean readOnly = a.bool("readonly", false);
        if (!"available".equals(volume.status())) {
            throw CinderRefusal.invalidVolume("Volume " + volume.id() + " status must be available to update"
                    + " readonly flag, but current status is: " + volume.status() + ".");
        }
        req.cloud().volumes().update(volume.id(), v -> v.withReadOnly(readOnly), req.now());
        accepted(req);
    }

    private void reserve(ApiRequest req) {
        StoredVolume volume = volume(req);
        if (req.cloud().volumes().passFrom(Set.of("available"), volume.id(), "attaching", null, req.now()).isEmpty()) {
            throw CinderRefusal.invalidVolume("Volume status must be available to reserve, but the status is "
                    + volume.status() + ".");
        }
        accepted(req);
    }

    /** Back to in-use (attachments) or available; nothing to do when the volume is not reserved. */
    private void unreserve(ApiRequest req) {
        StoredVolume volume = volume(req);
        String back = volume.attachments().isEmpty() ? "available" : "in-use";
        req.cloud().volumes().passFrom(Set.of("attaching"), volume.id(), back, null, req.now());
        accepted(req);
    }

    private void beginDetaching(ApiRequest req) {
        StoredVolume volume = volume(req);
        if (volume.attachments().isEmpty() || req.cloud().volumes()
                .passFrom(Set.of("in-use"), volume.id(), "detaching", null, req.now()).isEmpty()) {
            throw CinderRefusal.invalidVolume("Unable to detach volume. Volume status must be 'in-use' and"
                    + " attach_status must be 'attached' to detach.");
        }
        accepted(req);
    }

    /** Back to in-use; nothing to do when the volume is not detaching. */
    private void rollDetaching(ApiRequest req) {
        StoredVolume volume = volume(req);
        req.cloud().volumes().passFrom(Set.of("detaching"), volume.id(), "in-use", null, req.now());
        accepted(req);
    }
}
