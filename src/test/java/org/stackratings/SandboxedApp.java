package org.stackratings;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.stackratings.sandbox.SandboxServer;
import org.stackratings.sandbox.profile.CloudProfiles;

/**
 * The packaged application ({@link PackagedApp}, PostgreSQL) beside an in-JVM sandbox with one cloud, for the
 * integration tests that kill, restart or restore it. A JUnit extension, registered on a static field:
 * <pre>
 * &#64;RegisterExtension
 * static final SandboxedApp FIXTURE = SandboxedApp.cloud("name", "password", "bootTime: ...")
 *         .keys(ADMIN_KEY, CREDENTIAL_KEY).with("stackratings.some.key", "value");
 * </pre>
 * Before the class it starts Vert.x and the sandbox; after each test it stops every application it started; after
 * the class it stops the sandbox and Vert.x. When a test fails it prints the end of the log of each application the
 * test launched. The cloud has one user, {@value #USER}, with a project of the same name, in the domain Default.
 */
public final class SandboxedApp implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback,
        TestWatcher {

    /** The cloud's one user, and its project. */
    public static final String USER = "probe";

    private final String cloud;
    private final String password;
    private final String profile;
    private final String adminKey;
    private final String credentialKey;
    private final Map<String, String> settings;
    private final List<PackagedApp> started = new ArrayList<>();
    private final Set<String> launched = new LinkedHashSet<>();
    private Vertx vertx;
    private SandboxServer sandbox;

    private SandboxedApp(String cloud, String password, String profile, String adminKey, String credentialKey,
                         Map<String, String> settings) {
        this.cloud = cloud;
        this.password = password;
        this.profile = profile;
        this.adminKey = adminKey;
        this.credentialKey = credentialKey;
        this.settings = settings;
    }

    /**
     * A sandbox cloud of this name whose user {@value #USER} has this password; {@code profile} is the rest of the
     * cloud's entry in the sandbox's profile YAML (see docs/sandbox), unindented, or empty.
     */
    public static SandboxedApp cloud(String name, String password, String profile) {
        return new SandboxedApp(name, password, profile, null, null, Map.of());
    }

    /** The application's admin key and (base64) credential key. */
    public SandboxedApp keys(String admin, String credential) {
        return new SandboxedApp(cloud, password, profile, admin, credential, settings);
    }

    /** A setting of the test's own, given to every application {@link #start(String, boolean)} starts. */
    public SandboxedApp with(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(settings);
        more.put(key, value);
        return new SandboxedApp(cloud, password, profile, adminKey, credentialKey, Collections.unmodifiableMap(more));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        assertThat(PackagedApp.JAR).as("run `./mvnw verify -Ppostgres`: quarkus:build makes the jar before failsafe runs")
                .isRegularFile();
        assertThat(adminKey).as("the keys of %s (SandboxedApp.keys)", context.getDisplayName()).isNotNull();
        vertx = Vertx.vertx();
        sandbox = SandboxServer.start(vertx, "127.0.0.1", 0, CloudProfiles.parse("""
                clouds:
                  - name: %s
                    users: [ { name: %s, password: %s } ]
                """.formatted(cloud, USER, password) + profile.indent(4)));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        launched.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(PackagedApp::close);
        started.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (sandbox != null) {
            sandbox.close();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        PackagedApp.logsOnFailure(launched.toArray(String[]::new)).testFailed(context, cause);
    }

    /**
     * The settings of an application on this database (JDBC URL, user, password) with the admin key, this credential
     * key and egress to the sandbox ({@link PackagedApp#localSandboxEgress()}); not the test's own settings.
     */
    public Map<String, String> settings(Map<String, String> database, String credential) {
        Map<String, String> properties = new LinkedHashMap<>(database);
        properties.put("stackratings.security.admin-key", adminKey);
        properties.put("stackratings.security.credential-key", credential);
        properties.putAll(PackagedApp.localSandboxEgress());
        return properties;
    }

    /**
     * Starts an application on the test database ({@link PackagedApp#postgresDefaults()}) with the keys and the
     * test's own settings, emptied first if {@code cleanDatabase}; waits until it is ready. Its log is
     * {@code target/<name>.log}.
     */
    public PackagedApp start(String name, boolean cleanDatabase) {
        Map<String, String> properties = settings(PackagedApp.postgresDefaults(), credentialKey);
        properties.putAll(settings);
        if (cleanDatabase) {
            properties.putAll(PackagedApp.cleanDatabase());
        }
        return start(name, properties);
    }

    /** Starts an application with these properties ({@link #settings}); waits until it is ready. */
    public PackagedApp start(String name, Map<String, String> properties) {
        launched.add(name);
        PackagedApp app = PackagedApp.start(name, properties, List.of());
        started.add(app);
        return app;
    }

    /** Runs an application with these properties for a start-up that must fail ({@link PackagedApp#runUntilExit}). */
    public PackagedApp.Exited runUntilExit(String name, Map<String, String> properties, Duration within) {
        launched.add(name);
        return PackagedApp.runUntilExit(name, properties, within);
    }

    /** The application started last. */
    public PackagedApp app() {
        assertThat(started).as("an application started in this test").isNotEmpty();
        return started.get(started.size() - 1);
    }

    /** A URL on the public port of the application started last. */
    public String url(String path) {
        return app().url(path);
    }

    /** A request with the admin key, of JSON. */
    public RequestSpecification admin() {
        return RestAssured.given().header("Authorization", "Bearer " + adminKey).contentType(ContentType.JSON);
    }

    /** The body that onboards the sandbox cloud as a member, with its user's password credentials. */
    public Map<String, Object> member(String slug, String displayName, Map<String, Object> probes) {
        return Map.of("slug", slug, "displayName", displayName, "authUrl", sandbox.authUrl(cloud),
                "region", "RegionOne",
                "project", Map.of("name", USER, "domain", "Default"),
                "credentials", Map.of("type", "password", "username", USER, "password", password,
                        "userDomain", "Default"),
                "probes", probes);
    }

    /** A Keystone token of the cloud's user, scoped to its project. */
    public String token() {
        return RestAssured.given().contentType(ContentType.JSON).body("""
                        {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%1$s","domain":{"name":"Default"},"password":"%2$s"}}},
                         "scope":{"project":{"name":"%1$s","domain":{"name":"Default"}}}}}""".formatted(USER, password))
                .post(sandbox.authUrl(cloud) + "/auth/tokens").then().statusCode(201)
                .extract().header("X-Subject-Token");
    }

    /** The root of the cloud's APIs on the sandbox ({@code <base>/<cloud>}), as a customer calls them. */
    public String cloudRoot() {
        return sandbox.baseUrl() + "/" + cloud;
    }

    public SandboxServer sandbox() {
        return sandbox;
    }
}
