package org.stackratings.sandbox.api.identity;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.stackratings.sandbox.profile.ProjectSpec;
import org.stackratings.sandbox.profile.UserSpec;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.SimulatedCloud;

/** The JSON of Keystone's entities (project, domain, user) and of its collections, with their links. */
public final class IdentityDocuments {

    private IdentityDocuments() {
    }

    /** {@code http://host:port/{cloud}/identity/v3}. */
    public static String v3(ApiRequest req) {
        return req.serviceBase() + "/v3";
    }

    public static JsonObject links(String self) {
        return new JsonObject().put("self", self);
    }

    /** A collection answer: {@code {key: items, links: {self, previous, next}}}, {@code path} under {@code /v3}. */
    public static JsonObject collection(ApiRequest req, String key, JsonArray items, String path) {
        return new JsonObject().put(key, items)
                .put("links", links(v3(req) + path).putNull("previous").putNull("next"));
    }

    public static JsonObject project(ApiRequest req) {
        SimulatedCloud cloud = req.cloud();
        ProjectSpec project = cloud.profile().project();
        return new JsonObject()
                .put("id", project.id())
                .put("name", project.name())
                .put("domain_id", cloud.domainId())
                .put("description", "")
                .put("enabled", true)
                .put("is_domain", false)
                .put("parent_id", cloud.domainId())
                .put("tags", new JsonArray())
                .put("options", new JsonObject())
                .put("links", links(v3(req) + "/projects/" + project.id()));
    }

    public static JsonObject domain(ApiRequest req) {
        SimulatedCloud cloud = req.cloud();
        return new JsonObject()
                .put("id", cloud.domainId())
                .put("name", cloud.profile().domain())
                .put("description", "default".equals(cloud.domainId()) ? "The default domain" : "")
                .put("enabled", true)
                .put("tags", new JsonArray())
                .put("options", new JsonObject())
                .put("links", links(v3(req) + "/domains/" + cloud.domainId()));
    }

    public static JsonObject user(ApiRequest req, UserSpec user) {
        return new JsonObject()
                .put("id", user.id())
                .put("name", user.name())
                .put("domain_id", req.cloud().domainId())
                .put("enabled", true)
                .putNull("password_expires_at")
                .put("options", new JsonObject())
                .put("links", links(v3(req) + "/users/" + user.id()));
    }
}
