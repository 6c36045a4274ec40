package org.stackratings.sandbox.api.image;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.image.ImageMember;
import org.stackratings.sandbox.state.image.StoredImage;

/**
 * Glance's image members: the owner of a {@code shared} image adds and removes the projects it shares it with; a
 * member sees its own membership and accepts or rejects it. Images of any other visibility have no members (403).
 */
final class ImageMembersApi {

    private static final List<String> STATUSES = List.of("pending", "accepted", "rejected");

    void register(ServiceRoutes routes) {
        routes.get("/v2/images/:image_id/members", GlanceRefusal.answering(this::list));
        routes.route(HttpMethod.POST, "/v2/images/:image_id/members", true, GlanceRefusal.answering(this::create));
        routes.get("/v2/images/:image_id/members/:member_id", GlanceRefusal.answering(this::show));
        routes.route(HttpMethod.PUT, "/v2/images/:image_id/members/:member_id", true,
                GlanceRefusal.answering(this::update));
        routes.route(HttpMethod.DELETE, "/v2/images/:image_id/members/:member_id", true,
                GlanceRefusal.answering(this::delete));
    }

    private static StoredImage shared(StoredImage image) {
        if (!image.attributes().visibility().equals("shared")) {
            throw GlanceRefusal.forbidden("Only shared images have members.");
        }
        return image;
    }

    private void create(ApiRequest req) {
        ImageAccess access = ImageAccess.of(req);
        StoredImage image = shared(access.owned(req.param("image_id"), "add_member"));
        Object member = ImageCreateRequest.decoded(req) instanceof JsonObject body ? body.getValue("member") : null;
        if (!(member instanceof String memberId) || memberId.isBlank() || memberId.length() > 255) {
            throw GlanceRefusal.badRequest(member == null ? "Member to be added not specified"
                    : "Member can't be empty or longer than 255 characters");
        }
        int count = access.store().members(image.id()).size();
        if (count >= access.store().limits().imageMemberQuota()) {
            throw new GlanceRefusal(413, "Maximum number of image members exceeded. Attempted: " + (count + 1)
                    + ", Maximum: " + access.store().limits().imageMemberQuota());
        }
        ImageMember added = access.store().addMember(image.id(), memberId, req.now()).orElseThrow(() ->
                new GlanceRefusal(409, "Member " + memberId + " is duplicated for image " + image.id()));
        req.ok(ImageDocuments.member(added));
    }

    private void list(ApiRequest req) {
        ImageAccess access = ImageAccess.of(req);
        StoredImage image = shared(access.visible(req.param("image_id")));
        JsonArray members = new JsonArray();
        access.store().members(image.id()).stream()
                .filter(m -> access.owns(image) || m.memberId().equals(access.project()))
                .forEach(m -> members.add(ImageDocuments.member(m)));
        req.ok(new JsonObject().put("members", members).put("schema", "/v2/schemas/members"));
    }

    private ImageMember member(ApiRequest req, ImageAccess access, StoredImage image) {
        String memberId = req.param("member_id");
        return access.store().member(image.id(), memberId)
                .filter(m -> access.owns(image) || m.memberId().equals(access.project()))
                .orElseThrow(() -> new GlanceRefusal(404, "Member " + memberId + " not found"));
    }

    private void show(ApiRequest req) {
        ImageAccess access = ImageAccess.of(req);
        StoredImage image = shared(access.visible(req.param("image_id")));
        req.ok(ImageDocuments.member(member(req, access, image)));
    }

    private void update(ApiRequest req) {
        ImageAccess access = ImageAccess.of(req);
        StoredImage image = shared(access.visible(req.param("image_id")));
        ImageMember member = member(req, access, image);
        if (!member.memberId().equals(access.project())) {
            throw GlanceRefusal.forbidden("You are not authorized to complete modify_member action.");
        }
        Object status = ImageCreateRequest.decoded(req) instanceof JsonObject body ? body.getValue("status") : null;
        if (!(status instanceof String s) || !STATUSES.contains(s)) {
            throw GlanceRefusal.badRequest("Invalid status: " + status);
        }
        req.ok(ImageDocuments.member(access.store().setMemberStatus(image.id(), member.memberId(), s, req.now())
                .orElseThrow(() -> new GlanceRefusal(404, "Member " + member.memberId() + " not found"))));
    }

    private void delete(ApiRequest req) {
        ImageAccess access = ImageAccess.of(req);
        StoredImage image = shared(access.owned(req.param("image_id"), "delete_member"));
        ImageMember member = member(req, access, image);
        access.store().removeMember(image.id(), member.memberId());
        req.reply(204, null);
    }
}
