package org.stackratings.sandbox.api.image;

import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.image.ImageStore;
import org.stackratings.sandbox.state.image.StoredImage;

/**
 * What the project of a request may see and do with an image, as Glance's default policy says for a member: it sees
 * its own images, public and community ones and those shared with it; it changes only its own.
 */
public record ImageAccess(String project, ImageStore store) {

    static ImageAccess of(ApiRequest req) {
        String project = req.token() == null || req.token().projectId() == null
                ? req.profile().project().id() : req.token().projectId();
        return new ImageAccess(project, req.cloud().images());
    }

    public boolean owns(StoredImage image) {
        return project.equals(image.owner());
    }

    public boolean sees(StoredImage image) {
        return owns(image) || image.attributes().visibility().equals("public")
                || image.attributes().visibility().equals("community") || isMember(image);
    }

    boolean isMember(StoredImage image) {
        return image.attributes().visibility().equals("shared") && store.member(image.id(), project).isPresent();
    }

    /** The image the project sees; Glance's 404 otherwise. */
    StoredImage visible(String id) {
        return store.find(id).filter(this::sees).orElseThrow(() -> GlanceRefusal.noImage(id));
    }

    /** The image the project may change with {@code action} (a Glance policy name); 404 or 403 otherwise. */
    StoredImage owned(String id, String action) {
        StoredImage image = visible(id);
        if (!owns(image)) {
            throw GlanceRefusal.forbidden("You are not authorized to complete " + action + " action.");
        }
        return image;
    }
}
