package org.stackratings.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A short HTML page for what went wrong (refused, not found, bad request), with its HTTP status and a way on. */
public final class MessagePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance message(int status, String title, String text, String linkHref, String linkText);
    }

    private MessagePage() {
    }

    static Response of(Response.Status status, String title, String text, String linkHref, String linkText) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.message(status.getStatusCode(), title, text, linkHref, linkText)).build();
    }
}
