package org.stackratings.sandbox.api.compute.images;

import java.util.List;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.image.ImageStore;
import org.stackratings.sandbox.state.image.StoredImage;

/**
 * The Glance images Nova's proxy shows to the project of a request: those Glance lets it see (hidden ones left out
 * of lists, as Glance does), refused with Nova's 404 when it sees none by that id, and with Nova's 403 when it would
 * change an image it does not own.
 */
record ProxiedImages(ImageStore store, String project) {

    static ProxiedImages of(ApiRequest req) {
        String project = req.token() == null || req.token().projectId() == null
                ? req.profile().project().id() : req.token().projectId();
        return new ProxiedImages(req.cloud().images(), project);
    }

    /** The images the project sees, newest first (Glance's default order). */
    List<StoredImage> listed() {
        List<StoredImage> all = new java.util.ArrayList<>(store.list().stream()
                .filter(i -> store.visibleTo(i, project) && !i.attributes().osHidden()).toList());
        java.util.Collections.reverse(all);
        return all;
    }

    StoredImage visible(String id) {
        return store.find(id).filter(i -> store.visibleTo(i, project))
                .orElseThrow(() -> new NovaRefusal(404, "Image not found."));
    }

    /** The image the project may change; Nova's 403 (Glance's refusal passed on) for one it does not own. */
    StoredImage owned(String id, String refusal) {
        StoredImage image = visible(id);
        if (!project.equals(image.owner())) {
            throw new NovaRefusal(403, refusal);
        }
        return image;
    }
}
