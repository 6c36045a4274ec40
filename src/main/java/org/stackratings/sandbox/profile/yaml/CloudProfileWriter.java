package org.stackratings.sandbox.profile.yaml;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.profile.Deviation;
import org.stackratings.sandbox.profile.HostileProfile;
import org.stackratings.sandbox.profile.LatencyProfile;
import org.stackratings.sandbox.profile.OutageWindow;

/** Writes cloud profiles as JSON in the shape of the YAML they are read from (the control API shows them so). */
public final class CloudProfileWriter {

    private CloudProfileWriter() {
    }

    public static JsonObject toJson(CloudProfile p) {
        JsonObject json = new JsonObject()
                .put("name", p.name())
                .put("description", p.description())
                .put("region", p.region())
                .put("domain", p.domain())
                .put("project", new JsonObject().put("id", p.project().id()).put("name", p.project().name()));
        JsonArray users = new JsonArray();
        p.users().forEach(u -> users.add(new JsonObject().put("id", u.id()).put("name", u.name())
                .put("password", u.password())));
        JsonArray creds = new JsonArray();
        p.applicationCredentials().forEach(a -> creds.add(new JsonObject().put("id", a.id()).put("name", a.name())
                .put("secret", a.secret()).put("user", a.user())));
        JsonObject serviceLatency = new JsonObject();
        p.serviceLatency().forEach((k, v) -> serviceLatency.put(k, latencyJson(v)));
        JsonArray outages = new JsonArray();
        p.outages().forEach(o -> outages.add(outageJson(o)));
        json.put("users", users)
                .put("applicationCredentials", creds)
                .put("services", new JsonArray(p.services()))
                .put("catalogHost", p.catalogHost())
                .put("latency", latencyJson(p.latency()))
                .put("serviceLatency", serviceLatency)
                .put("errorRate", p.errorRate())
                .put("errorStatus", p.errorStatus())
                .put("seed", p.seed())
                .put("outages", outages)
                .put("hangMs", p.hangMs())
                .put("tokenTtl", p.tokenTtl().toString())
                .put("bootTime", latencyJson(p.lifecycle().bootTime()))
                .put("bootFailureRate", p.lifecycle().bootFailureRate())
                .put("deleteTime", latencyJson(p.lifecycle().deleteTime()))
                .put("deleteFailureRate", p.lifecycle().deleteFailureRate())
                .put("maxServers", p.lifecycle().maxServers());
        JsonArray deviations = new JsonArray();
        p.deviations().forEach(d -> deviations.add(deviationJson(d)));
        return json.put("deviations", deviations).put("hostile", hostileJson(p.hostile()));
    }

    /** Null when the cloud is not hostile. */
    public static JsonObject hostileJson(HostileProfile h) {
        if (h == null) {
            return null;
        }
        JsonObject json = new JsonObject().put("mode", h.mode().id()).put("target", h.target().id());
        if (h.redirectTo() != null) {
            json.put("redirectTo", h.redirectTo().toString());
        }
        if (h.endpointHost() != null) {
            json.put("endpointHost", h.endpointHost());
        }
        return json.put("trickleInterval", h.trickleInterval().toString());
    }

    private static JsonObject latencyJson(LatencyProfile l) {
        JsonObject json = new JsonObject().put("distribution", l.distribution().id());
        switch (l.distribution()) {
            case CONSTANT -> json.put("medianMs", l.medianMs());
            case UNIFORM -> json.put("minMs", l.minMs()).put("maxMs", l.maxMs());
            case NORMAL, LOGNORMAL -> json.put("medianMs", l.medianMs()).put("p95Ms", l.p95Ms());
        }
        return json;
    }

    private static JsonObject outageJson(OutageWindow o) {
        JsonObject w = new JsonObject();
        if (o.isRecurring()) {
            w.put("every", o.every().toString()).put("offset", o.offset().toString())
                    .put("duration", o.duration().toString());
        } else {
            w.put("start", o.start().toString()).put("end", o.end().toString());
        }
        if (!o.services().isEmpty()) {
            w.put("services", new JsonArray(o.services()));
        }
        return w.put("mode", o.mode().name());
    }

    private static JsonObject deviationJson(Deviation d) {
        JsonObject j = new JsonObject().put("service", d.service()).put("method", d.method()).put("path", d.path());
        if (d.query() != null) {
            j.put("query", d.query());
        }
        if (d.action() != null) {
            j.put("action", d.action());
        }
        if (d.status() != 0) {
            j.put("status", d.status());
        }
        if (d.body() != null) {
            j.put("body", d.body());
        }
        if (d.change() != null) {
            j.put("field", d.change().pointer());
            if (!d.change().remove()) {
                j.put("value", d.change().value());
            }
        }
        return j;
    }
}
