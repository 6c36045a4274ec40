package org.stackratings.sandbox.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloudProfilesTest {

    private static final String FULL = """
            clouds:
              - name: aurora
                description: "Excellent: fast, no errors"
                region: RegionTwo
                domain: Default
                project: { id: 0f3c2a8e5b7d4c1f9a6e3b2d1c0f9e8a, name: probe }
                users: [ { name: probe, password: aurora-secret } ]
                applicationCredentials: [ { id: aurora-appcred, secret: aurora-appcred-secret } ]
                services: [identity, compute, image, network, volume]
                catalogHost: "evil.example:8443"
                latency: { distribution: lognormal, medianMs: 40, p95Ms: 90 }
                serviceLatency: { compute: { distribution: constant, medianMs: 120 }, image: { distribution: uniform, minMs: 5, maxMs: 10 } }
                errorRate: 0.001
                errorStatus: 503
                seed: 42
                outages:
                  - { start: 2026-11-25T10:00:00Z, end: 2026-11-25T10:05:00Z, services: [compute], mode: ERROR }
                  - { every: PT10M, offset: PT2M, duration: PT1M, mode: TIMEOUT }
                hangMs: 120000
                tokenTtl: PT30M
                bootTime: { distribution: lognormal, medianMs: 8000, p95Ms: 20000 }
                bootFailureRate: 0.05
                deleteTime: { distribution: uniform, minMs: 500, maxMs: 1500 }
                deleteFailureRate: 0.2
                maxServers: 3
                deviations:
                  - { service: compute, method: GET, path: "/v2.1/os-quota-sets/*", status: 404 }
                  - { service: image, path: "/v2/schemas/image", status: 200, body: "{}" }
                  - { service: compute, method: get, path: "/v2.1/servers", query: "limit=-1", status: 200 }
                  - { service: network, path: "/", status: 200, body: { versions: [] } }
                  - { service: compute, path: "/v2.1/servers/*", field: /server/status, value: ERROR }
                  - { service: compute, path: "/v2.1/flavors/*", field: /flavor/links, status: 203 }
                  - { service: volume, path: "/v3/{project_id}/volumes/*", field: /volume/metadata, value: { a: 1 } }
                  - { service: compute, path: "/v2.1/os-availability-zone", missing: true }
                  - { service: compute, method: POST, path: "/v2.1/servers/*/action", action: lock, status: 202 }
            """;

    @Test
    void parsesEveryField() {
        CloudProfile p = CloudProfiles.parse(FULL).get(0);
        assertThat(p.name()).isEqualTo("aurora");
        assertThat(p.description()).isEqualTo("Excellent: fast, no errors");
        assertThat(p.region()).isEqualTo("RegionTwo");
        assertThat(p.project()).isEqualTo(new ProjectSpec("0f3c2a8e5b7d4c1f9a6e3b2d1c0f9e8a", "probe"));
        assertThat(p.users()).singleElement().satisfies(u -> {
            assertThat(u.name()).isEqualTo("probe");
            assertThat(u.password()).isEqualTo("aurora-secret");
            assertThat(u.id()).matches("[0-9a-f]{32}");
        });
        assertThat(p.applicationCredentials()).singleElement()
                .isEqualTo(new AppCredentialSpec("aurora-appcred", "aurora-appcred", "aurora-appcred-secret", "probe"));
        assertThat(p.services()).containsExactly("identity", "compute", "image", "network", "volume");
        assertThat(p.catalogHost()).isEqualTo("evil.example:8443");
        assertThat(p.latency()).isEqualTo(LatencyProfile.lognormal(40, 90));
        assertThat(p.latencyFor("compute")).isEqualTo(LatencyProfile.constant(120));
        assertThat(p.latencyFor("image")).isEqualTo(LatencyProfile.uniform(5, 10));
        assertThat(p.latencyFor("network")).isEqualTo(p.latency());
        assertThat(p.errorRate()).isEqualTo(0.001);
        assertThat(p.errorStatus()).isEqualTo(503);
        assertThat(p.seed()).isEqualTo(42L);
        assertThat(p.hangMs()).isEqualTo(120_000);
        assertThat(p.tokenTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.lifecycle()).isEqualTo(new LifecycleProfile(LatencyProfile.lognormal(8000, 20000), 0.05,
                LatencyProfile.uniform(500, 1500), 0.2, 3));
        assertThat(p.deviations()).containsExactly(
                new Deviation("compute", "GET", "/v2.1/os-quota-sets/*", null, 404, null),
                new Deviation("image", "GET", "/v2/schemas/image", null, 200, "{}"),
                new Deviation("compute", "GET", "/v2.1/servers", "limit=-1", 200, null),
                new Deviation("network", "GET", "/", null, 200, "{\"versions\":[]}"),
                Deviation.changing("compute", "GET", "/v2.1/servers/*", FieldChange.set("/server/status", "ERROR")),
                new Deviation("compute", "GET", "/v2.1/flavors/*", null, null, 203, null,
                        FieldChange.removal("/flavor/links")),
                Deviation.changing("volume", "GET", "/v3/{project_id}/volumes/*",
                        FieldChange.set("/volume/metadata", new JsonObject().put("a", 1))),
                new Deviation("compute", "GET", "/v2.1/os-availability-zone", null, 404, null),
                new Deviation("compute", "POST", "/v2.1/servers/*/action", null, "lock", 202, null, null));
        assertThat(p.outages()).hasSize(2);
        OutageWindow absolute = p.outages().get(0);
        assertThat(absolute.services()).containsExactly("compute");
        assertThat(absolute.affects("compute", Instant.parse("2026-11-25T10:04:59Z"))).isTrue();
        assertThat(absolute.affects("compute", Instant.parse("2026-11-25T10:05:00Z"))).isFalse();
        assertThat(absolute.affects("image", Instant.parse("2026-11-25T10:01:00Z"))).isFalse();
        OutageWindow recurring = p.outages().get(1);
        assertThat(recurring.mode()).isEqualTo(FaultMode.TIMEOUT);
        assertThat(recurring.affects("image", Instant.parse("2026-11-25T10:12:30Z"))).isTrue();
        assertThat(recurring.affects("image", Instant.parse("2026-11-25T10:13:00Z"))).isFalse();
        assertThat(recurring.affects("image", Instant.parse("2026-11-25T10:11:59Z"))).isFalse();
    }

    @Test
    void appliesDefaultsAndDerivesStableIds() {
        CloudProfile p = CloudProfiles.parse("clouds: [ { name: minimal } ]").get(0);
        assertThat(p.region()).isEqualTo("RegionOne");
        assertThat(p.domain()).isEqualTo("Default");
        assertThat(p.project().name()).isEqualTo("probe");
        assertThat(p.project().id()).matches("[0-9a-f]{32}")
                .isEqualTo(CloudProfiles.parse("clouds: [ { name: minimal } ]").get(0).project().id())
                .isNotEqualTo(CloudProfiles.parse("clouds: [ { name: other } ]").get(0).project().id());
        assertThat(p.services()).isEqualTo(CloudProfile.ALL_SERVICES);
        assertThat(p.latency()).isEqualTo(LatencyProfile.NONE);
        assertThat(p.errorRate()).isZero();
        assertThat(p.errorStatus()).isEqualTo(503);
        assertThat(p.hangMs()).isEqualTo(120_000);
        assertThat(p.outages()).isEmpty();
        assertThat(p.seed()).isNull();
        assertThat(p.lifecycle()).isEqualTo(LifecycleProfile.DEFAULT);
        assertThat(p.lifecycle().bootTime()).isEqualTo(LatencyProfile.constant(2000));
        assertThat(p.lifecycle().deleteTime()).isEqualTo(LatencyProfile.constant(1000));
        assertThat(p.lifecycle().bootFailureRate()).isZero();
        assertThat(p.lifecycle().deleteFailureRate()).isZero();
        assertThat(p.lifecycle().maxServers()).isEqualTo(50);
        assertThat(p.deviations()).isEmpty();
        assertThat(p.hostile()).isNull();
    }

    @Test
    void roundTripsThroughJson() {
        CloudProfile p = CloudProfiles.parse(FULL).get(0);
        CloudProfile again = CloudProfiles.parseOne(CloudProfiles.toJson(p).encode(), null);
        assertThat(again).isEqualTo(p);
    }

    @Test
    void loadsTheDevClouds() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("sandbox/dev-clouds.yaml")) {
            List<CloudProfile> clouds = CloudProfiles.load(in);
            assertThat(clouds).extracting(CloudProfile::name)
                    .containsExactly("aurora", "borealis", "cumulus", "dustbowl");
            assertThat(clouds).extracting(c -> c.latency().medianMs()).isSorted();
            assertThat(clouds).extracting(CloudProfile::errorRate).isSorted();
            assertThat(clouds).extracting(c -> c.lifecycle().bootTime().medianMs()).isSorted();
            assertThat(clouds).extracting(c -> c.lifecycle().bootFailureRate()).containsExactly(0.0, 0.01, 0.05, 0.1);
            assertThat(clouds).filteredOn(c -> !c.deviations().isEmpty()).extracting(CloudProfile::name)
                    .containsExactly("cumulus");
            assertThat(clouds).filteredOn(c -> c.lifecycle().deleteFailureRate() > 0).extracting(CloudProfile::name)
                    .containsExactly("dustbowl");
            assertThat(clouds).allSatisfy(c -> {
                assertThat(c.users()).extracting(UserSpec::name).as("the agency's account first")
                        .startsWith("probe");
                assertThat(c.applicationCredentials()).hasSize(1);
            });
            assertThat(clouds).filteredOn(c -> c.users().size() > 1).extracting(CloudProfile::name)
                    .as("Tempest's account").containsExactly("aurora");
            assertThat(clouds.get(0).users()).extracting(UserSpec::name).containsExactly("probe", "tempest");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown distribution | latency: { distribution: pareto, medianMs: 5 }       | latency.distribution",
        "negative rate        | errorRate: -0.1                                      | errorRate",
        "rate above one       | errorRate: 1.5                                       | errorRate",
        "rate not a number    | errorRate: lots                                      | errorRate",
        "negative latency     | latency: { distribution: constant, medianMs: -3 }    | latency.medianMs",
        "lognormal without p95| latency: { distribution: lognormal, medianMs: 30 }   | latency.p95Ms",
        "p95 below median     | latency: { distribution: lognormal, medianMs: 30, p95Ms: 10 } | latency",
        "uniform max < min    | latency: { distribution: uniform, minMs: 30, maxMs: 10 } | latency",
        "unknown service      | services: [identity, dns]                            | services",
        "unknown field        | errorRatio: 0.1                                      | errorRatio",
        "bad status           | errorStatus: 200                                     | errorStatus",
        "negative hang        | hangMs: -1                                           | hangMs",
        "bad outage mode      | outages: [ { every: PT1M, duration: PT1S, mode: EXPLODE } ] | outages[0].mode",
        "bad outage duration  | outages: [ { every: 10 minutes, duration: PT1S } ]   | outages[0].every",
        "half an outage       | outages: [ { start: 2026-11-25T10:00:00Z } ]         | outages[0]",
        "end before start     | outages: [ { start: 2026-11-25T10:00:00Z, end: 2026-11-25T09:00:00Z } ] | outages[0]",
        "duration > every     | outages: [ { every: PT1M, duration: PT2M } ]          | outages[0]",
        "user without password| users: [ { name: probe } ]                           | users[0].password",
        "appcred unknown user | 'users: [ { name: probe, password: x } ], applicationCredentials: [ { id: a, secret: s, user: nobody } ]' | applicationCredentials[0].user",
        "bad service latency  | serviceLatency: { dns: { medianMs: 3 } }             | serviceLatency.dns",
        "bad catalog host     | catalogHost: \"http://x/y\"                            | catalogHost",
        "boot failure > 1     | bootFailureRate: 1.5                                 | bootFailureRate",
        "delete failure < 0   | deleteFailureRate: -0.5                              | deleteFailureRate",
        "bad boot time        | bootTime: { distribution: pareto }                   | bootTime.distribution",
        "negative delete time | deleteTime: { medianMs: -1 }                         | deleteTime.medianMs",
        "negative maxServers  | maxServers: -1                                       | maxServers",
        "fractional maxServers| maxServers: 2.5                                      | maxServers",
        "deviation service    | 'deviations: [ { service: dns, path: /, status: 404 } ]' | deviations[0].service",
        "deviation method     | 'deviations: [ { service: compute, method: FETCH, path: /, status: 404 } ]' | deviations[0].method",
        "deviation path       | 'deviations: [ { service: compute, path: v2.1, status: 404 } ]' | deviations[0].path",
        "deviation no status  | 'deviations: [ { service: compute, path: / } ]'     | deviations[0].status",
        "deviation bad status | 'deviations: [ { service: compute, path: /, status: 99 } ]' | deviations[0].status",
        "deviation text status| 'deviations: [ { service: compute, path: /, status: gone } ]' | deviations[0].status",
        "deviation field      | 'deviations: [ { service: compute, path: /, status: 404, when: now } ]' | deviations[0].when",
        "deviations not a list| 'deviations: { service: compute }'                  | deviations",
        "deviation bad pointer| 'deviations: [ { service: compute, path: /, field: server } ]' | deviations[0].field",
        "deviation value alone| 'deviations: [ { service: compute, path: /, status: 200, value: 1 } ]' | deviations[0].value",
        "deviation field+body | 'deviations: [ { service: compute, path: /, field: /a, body: x } ]' | deviations[0].body",
        "deviation missing+st | 'deviations: [ { service: compute, path: /, missing: true, status: 500 } ]' | deviations[0].missing",
        "deviation missing no | 'deviations: [ { service: compute, path: /, missing: false } ]' | deviations[0].missing",
    })
    void rejectsBadProfilesNamingCloudAndField(String problem, String fragment, String field) {
        String yaml = "clouds:\n  - { name: broken, " + fragment.replaceAll("^'|'$", "") + " }\n";
        assertThatThrownBy(() -> CloudProfiles.parse(yaml))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cloud 'broken'")
                .hasMessageContaining("field '" + field);
    }

    @ParameterizedTest
    @CsvSource({"A-upper", "x", "-dash", "under_score", "has space"})
    void rejectsBadNames(String name) {
        assertThatThrownBy(() -> CloudProfiles.parse("clouds: [ { name: '" + name + "' } ]"))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("field 'name'")
                .hasMessageContaining(name);
    }

    @Test
    void rejectsDuplicateNames() {
        assertThatThrownBy(() -> CloudProfiles.parse("clouds: [ { name: twin }, { name: twin } ]"))
                .hasMessageContaining("cloud 'twin'").hasMessageContaining("field 'name'");
    }

    @Test
    void rejectsBrokenYaml() {
        assertThatThrownBy(() -> CloudProfiles.parse("clouds: [ { name: a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid YAML");
        assertThatThrownBy(() -> CloudProfiles.parse("hello: world"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clouds");
    }

    @Test
    void samplesLatencyDistributions() {
        java.util.Random random = new java.util.Random(5);
        assertThat(LatencyProfile.constant(50).sampleMs(random)).isEqualTo(50);
        double[] samples = new double[20_001];
        LatencyProfile lognormal = LatencyProfile.lognormal(40, 90);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = lognormal.sampleMs(random);
        }
        java.util.Arrays.sort(samples);
        assertThat(samples[10_000]).isBetween(38.0, 42.0);
        assertThat(samples[19_000]).isBetween(84.0, 96.0);
        assertThat(samples[0]).isPositive();
        LatencyProfile normal = LatencyProfile.normal(5, 50);
        for (int i = 0; i < 1000; i++) {
            assertThat(normal.sampleMs(random)).isGreaterThanOrEqualTo(0);
            assertThat(LatencyProfile.uniform(5, 10).sampleMs(random)).isBetween(5.0, 10.0);
        }
    }

    @Test
    void loadsProfilesFromAClasspathResourceOrAFile() throws Exception {
        assertThat(CloudProfiles.loadFrom("sandbox/dev-clouds.yaml")).extracting(CloudProfile::name)
                .containsExactly("aurora", "borealis", "cumulus", "dustbowl");
        Path file = Files.createTempFile("clouds", ".yaml");
        Files.writeString(file, "clouds: [ { name: from-file } ]");
        assertThat(CloudProfiles.loadFrom(file.toString())).extracting(CloudProfile::name)
                .containsExactly("from-file");
        Files.delete(file);
        assertThatThrownBy(() -> CloudProfiles.loadFrom("no/such.yaml")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsAHostileSectionWithItsDefaults() {
        CloudProfile p = CloudProfiles.parseOne("""
                users: [ { name: probe, password: pw } ]
                hostile: { mode: trickle-body }
                """, "trickler");
        assertThat(p.hostile()).isEqualTo(new HostileProfile(HostileMode.TRICKLE_BODY, HostileTarget.SERVICES, null,
                null, Duration.ofSeconds(2)));
        CloudProfile redirect = CloudProfiles.parseOne("""
                hostile: { mode: redirect, redirectTo: "http://127.0.0.2:9999/" }
                """, "redirector");
        assertThat(redirect.hostile().target()).isEqualTo(HostileTarget.KEYSTONE);
        assertThat(redirect.hostile().redirectOrigin()).isEqualTo("http://127.0.0.2:9999");
        CloudProfile all = CloudProfiles.parseOne("""
                hostile: { mode: endless-body, target: all }
                """, "everything");
        assertThat(all.hostile().covers("identity")).isTrue();
        assertThat(all.hostile().covers("volume")).isTrue();
        assertThat(HostileProfile.of(HostileMode.ENDLESS_BODY).covers("identity")).isFalse();
        assertThat(HostileProfile.redirect(java.net.URI.create("https://canary.test/x")).redirectOrigin())
                .isEqualTo("https://canary.test:443");
    }

    @Test
    void aHostileSectionRoundTripsThroughJson() {
        CloudProfile p = CloudProfiles.parseOne("""
                hostile: { mode: dns-name, endpointHost: compute.hostile.test, trickleInterval: PT0.5S }
                """, "named");
        assertThat(CloudProfiles.parseOne(CloudProfiles.toJson(p).encode(), null)).isEqualTo(p);
        assertThat(CloudProfiles.toJson(p).getJsonObject("hostile").getString("endpointHost"))
                .isEqualTo("compute.hostile.test");
        assertThat(CloudProfiles.toJson(CloudProfile.basic("plain", "pw")).getValue("hostile")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "hostile: { mode: sneaky }|field 'hostile.mode': unknown mode 'sneaky'",
            "hostile: { mode: foreign-endpoints }|field 'hostile': mode foreign-endpoints needs redirectTo",
            "hostile: { mode: dns-name }|field 'hostile': mode dns-name needs endpointHost",
            "hostile: { mode: wrong-types, target: all }|its target can only be keystone",
            "hostile: { mode: trickle-body, trickleInterval: PT0S }|trickleInterval must be at least 1 ms",
            "hostile: not-json|field 'hostile': must be a mapping"})
    void refusesABadHostileSection(String yaml, String message) {
        assertThatThrownBy(() -> CloudProfiles.parseOne(yaml, "bad")).isInstanceOf(ProfileException.class)
                .hasMessageContaining("cloud 'bad'").hasMessageContaining(message);
    }

    @Test
    void theHostileCloudsHaveOneCloudPerMode() {
        List<CloudProfile> clouds = CloudProfiles.loadFrom("sandbox/hostile-clouds.yaml");
        assertThat(clouds).extracting(c -> c.hostile().mode()).containsExactly(HostileMode.values());
        assertThat(clouds).allSatisfy(c -> {
            assertThat(c.name()).isEqualTo("hostile-" + c.hostile().mode().id());
            assertThat(c.description()).isNotBlank();
            assertThat(c.users()).singleElement().satisfies(u -> assertThat(u.password()).isEqualTo(c.name() + "-secret"));
        });
        assertThat(CloudProfiles.loadFrom("sandbox/dev-clouds.yaml")).allSatisfy(c -> assertThat(c.hostile()).isNull());
    }
}
