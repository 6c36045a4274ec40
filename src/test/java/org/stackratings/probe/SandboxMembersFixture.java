package org.stackratings.probe;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.stackratings.sandbox.SandboxTestResource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;

/** Puts clouds into the test sandbox (over its HTTP control API) and onboards them as members. */
final class SandboxMembersFixture {

    private SandboxMembersFixture() {
    }

    static String sandboxUrl() {
        return SandboxTestResource.server().baseUrl();
    }

    static String authUrl(String cloud) {
        return SandboxTestResource.server().authUrl(cloud);
    }

    /** Creates or replaces a sandbox cloud from a YAML profile (one cloud, without the "clouds:" list). */
    static void putCloud(String name, String yaml) {
        org.stackratings.ApiTestSupport.yaml().body(yaml)
                .put(sandboxUrl() + "/_sandbox/clouds/" + name)
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201),
                        org.hamcrest.Matchers.is(204)));
    }

    /** Onboards a member for a sandbox cloud whose user is probe/<password>, api probe off (runs are manual). */
    static void onboard(String slug, String cloud, String password) {
        admin().body(memberBody(slug, authUrl(cloud), password, false)).post("/api/v1/members").then().statusCode(201);
    }

    static void onboard(Map<String, Object> body) {
        admin().body(body).post("/api/v1/members").then().statusCode(201);
    }

    static Map<String, Object> body(String slug, String cloud, String password) {
        return new HashMap<>(memberBody(slug, authUrl(cloud), password, false));
    }

    /** Runs the api probe now and returns the run. */
    static Response runProbe(String slug) {
        Response run = admin().body("{}").post("/api/v1/members/" + slug + "/probe-runs");
        assertThat(run.statusCode()).as(run.asString()).isEqualTo(201);
        return run;
    }
}
