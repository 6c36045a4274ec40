package org.stackratings.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Helm chart helm/stackratings, linted and rendered by Helm itself (helm-java: Helm as a native library, no
 * cluster, no network) with the default values and the value sets of src/test/resources/helm, and its
 * values.schema.json refusing bad values.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("helm", "stackratings");
    private static final Path VALUE_SETS = Path.of("src", "test", "resources", "helm");
    private static final String RELEASE = "rel";
    private static final String FULLNAME = "rel-stackratings";
    /** Environment variables that carry secrets: each must come from a Secret. */
    private static final Pattern SECRET_ENV = Pattern.compile(".*(KEY|PASSWORD|SECRET|TOKEN)S?$");

    private static Manifests defaults;
    private static Manifests production;
    private static Manifests networkPolicy;

    @BeforeAll
    static void render() {
        defaults = Manifests.of(template(command -> { }));
        production = Manifests.of(template(command -> command.withValuesFile(VALUE_SETS.resolve("production.yaml"))));
        networkPolicy = Manifests.of(template(command ->
                command.withValuesFile(VALUE_SETS.resolve("network-policy.yaml"))));
    }

    static Stream<Manifests> everyValueSet() {
        return Stream.of(defaults, production, networkPolicy);
    }

    private static String template(Consumer<com.marcnuri.helm.TemplateCommand> values) {
        com.marcnuri.helm.TemplateCommand command = new Helm(CHART).template().withName(RELEASE).withNamespace("ratings");
        values.accept(command);
        return command.call();
    }

    @Test
    void lintStrictIsClean() {
        LintResult lint = new Helm(CHART).lint().strict().call();

        assertThat(lint.isFailed()).as("lint failed: %s", lint.getMessages()).isFalse();
        assertThat(lint.getMessages()).isEmpty();
    }

    @Test
    void theDefaultsRenderTwoInstancesWithProbesOnTheManagementPort() {
        JsonNode deployment = defaults.one("Deployment");
        JsonNode container = onlyContainer(deployment);

        assertThat(deployment.at("/metadata/name").asText()).isEqualTo(FULLNAME);
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(container.at("/image").asText()).isEqualTo("stackratings:0.1.0-SNAPSHOT");
        assertThat(containerPort(container, "http")).isEqualTo(8080);
        assertThat(containerPort(container, "management")).isEqualTo(9000);
        assertThat(probe(container, "livenessProbe")).isEqualTo(List.of("/q/health/live", "management"));
        assertThat(probe(container, "readinessProbe")).isEqualTo(List.of("/q/health/ready", "management"));
        assertThat(probe(container, "startupProbe")).isEqualTo(List.of("/q/health/started", "management"));
        assertThat(env(container).get("QUARKUS_MANAGEMENT_PORT").at("/value").asText()).isEqualTo("9000");
        assertThat(env(container).get("STACKRATINGS_DB_URL").at("/value").asText())
                .isEqualTo("jdbc:postgresql://postgresql:5432/stackratings");
        assertThat(defaults.kinds()).doesNotContain("Ingress", "ServiceMonitor", "PrometheusRule", "NetworkPolicy");
    }

    @Test
    void theReplicasCanBeSetAndTheProductionSetReachesItsOwnDatabase() {
        JsonNode container = onlyContainer(production.one("Deployment"));

        assertThat(production.one("Deployment").at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(env(container).get("STACKRATINGS_DB_URL").at("/value").asText())
                .isEqualTo("jdbc:postgresql://pg.db.svc.cluster.local:5432/ratings?sslmode=verify-full");
    }

    @ParameterizedTest
    @MethodSource("everyValueSet")
    void thePodRunsAsNonRootOnAReadOnlyRootFilesystemWithAnEmptyDirForTmp(Manifests manifests) {
        JsonNode pod = manifests.one("Deployment").at("/spec/template/spec");
        JsonNode container = onlyContainer(manifests.one("Deployment"));

        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(10001);
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(texts(container.at("/securityContext/capabilities/drop"))).containsExactly("ALL");
        assertThat(pod.at("/automountServiceAccountToken").asBoolean(true)).isFalse();
        String tmpVolume = stream(container.at("/volumeMounts"))
                .filter(mount -> mount.at("/mountPath").asText().equals("/tmp"))
                .map(mount -> mount.at("/name").asText()).findFirst().orElseThrow();
        JsonNode volume = stream(pod.at("/volumes"))
                .filter(v -> v.at("/name").asText().equals(tmpVolume)).findFirst().orElseThrow();
        assertThat(volume.has("emptyDir")).as("the volume of /tmp: %s", volume).isTrue();
    }

    @ParameterizedTest
    @MethodSource("everyValueSet")
    void everySecretIsAReferenceToAnExistingSecretAndNoneIsRendered(Manifests manifests) {
        JsonNode container = onlyContainer(manifests.one("Deployment"));
        Map<String, JsonNode> env = env(container);

        assertThat(manifests.kinds()).doesNotContain("Secret");
        assertThat(env).containsKeys("STACKRATINGS_SECURITY_CREDENTIAL_KEY", "STACKRATINGS_SECURITY_ADMIN_KEY",
                "STACKRATINGS_DB_PASSWORD");
        env.forEach((name, variable) -> {
            if (SECRET_ENV.matcher(name).matches()) {
                assertThat(variable.has("value")).as("%s has a value of its own: %s", name, variable).isFalse();
                assertThat(variable.at("/valueFrom/secretKeyRef/name").asText()).as(name).isNotEmpty();
                assertThat(variable.at("/valueFrom/secretKeyRef/key").asText()).as(name).isNotEmpty();
            }
        });
        String properties = manifests.one("ConfigMap").at("/data/application.properties").asText();
        assertThat(properties.lines().map(line -> line.split("=", 2)[0]))
                .noneMatch(key -> key.endsWith("-key") || key.contains("password"));
    }

    @Test
    void theSecretReferencesNameTheGivenSecretsAndKeys() {
        Map<String, JsonNode> byDefault = env(onlyContainer(defaults.one("Deployment")));
        Map<String, JsonNode> inProduction = env(onlyContainer(production.one("Deployment")));

        assertThat(secretRef(byDefault.get("STACKRATINGS_SECURITY_CREDENTIAL_KEY")))
                .isEqualTo(List.of("stackratings", "credential-key", "false"));
        assertThat(secretRef(byDefault.get("STACKRATINGS_SECURITY_ADMIN_KEY")))
                .isEqualTo(List.of("stackratings", "admin-key", "true"));
        assertThat(byDefault).doesNotContainKey("STACKRATINGS_STATEMENT_SIGNING_KEY");
        assertThat(byDefault.get("STACKRATINGS_DB_USER").at("/value").asText()).isEqualTo("stackratings");
        assertThat(secretRef(inProduction.get("STACKRATINGS_SECURITY_CREDENTIAL_KEY")))
                .isEqualTo(List.of("prod-stackratings", "credential-key", "false"));
        assertThat(secretRef(inProduction.get("STACKRATINGS_DB_PASSWORD")))
                .isEqualTo(List.of("prod-postgres", "password", "false"));
        assertThat(secretRef(inProduction.get("STACKRATINGS_DB_USER")))
                .isEqualTo(List.of("prod-postgres", "username", "false"));
        assertThat(secretRef(inProduction.get("STACKRATINGS_STATEMENT_SIGNING_KEY")))
                .isEqualTo(List.of("prod-statement-key", "jwk", "false"));
    }

    @ParameterizedTest
    @MethodSource("everyValueSet")
    void theManagementPortHasAServiceOfItsOwn(Manifests manifests) {
        JsonNode api = manifests.named("Service", FULLNAME);
        JsonNode management = manifests.named("Service", FULLNAME + "-management");

        assertThat(manifests.all("Service")).hasSize(2);
        assertThat(servicePorts(api)).isEqualTo(Map.of("http", "http"));
        assertThat(servicePorts(management)).isEqualTo(Map.of("management", "management"));
        assertThat(management.at("/spec/type").asText()).isEqualTo("ClusterIP");
        assertThat(management.at("/metadata/labels/app.kubernetes.io~1component").asText()).isEqualTo("management");
    }

    @ParameterizedTest
    @MethodSource("everyValueSet")
    void theInstancesAreSpreadOverNodesAndADisruptionBudgetKeepsMostOfThem(Manifests manifests) {
        JsonNode deployment = manifests.one("Deployment");
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        JsonNode term = deployment.at("/spec/template/spec/affinity/podAntiAffinity"
                + "/preferredDuringSchedulingIgnoredDuringExecution/0/podAffinityTerm");
        JsonNode budget = manifests.one("PodDisruptionBudget");

        assertThat(term.at("/topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
        assertThat(matches(term.at("/labelSelector/matchLabels"), podLabels)).isTrue();
        assertThat(budget.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
        assertThat(matches(budget.at("/spec/selector/matchLabels"), podLabels)).isTrue();
        assertThat(matches(deployment.at("/spec/selector/matchLabels"), podLabels)).isTrue();
    }

    @Test
    void theIngressRoutesOnlyTheApiPort() {
        JsonNode ingress = production.one("Ingress");
        List<JsonNode> backends = stream(ingress.at("/spec/rules"))
                .flatMap(rule -> stream(rule.at("/http/paths"))).map(path -> path.at("/backend/service")).toList();

        assertThat(ingress.at("/spec/ingressClassName").asText()).isEqualTo("nginx");
        assertThat(ingress.at("/spec/rules/0/host").asText()).isEqualTo("ratings.example.org");
        assertThat(backends).hasSize(2).allSatisfy(backend -> {
            assertThat(backend.at("/name").asText()).isEqualTo(FULLNAME);
            assertThat(backend.at("/port/name").asText()).isEqualTo("http");
        });
        assertThat(ingress.toString()).doesNotContain("management", "9000");
    }

    @Test
    void theServiceMonitorScrapesTheManagementServiceAndThePrometheusRuleNamesItsJob() {
        JsonNode monitor = production.one("ServiceMonitor");
        JsonNode management = production.named("Service", FULLNAME + "-management");
        JsonNode rule = production.one("PrometheusRule");

        assertThat(matches(monitor.at("/spec/selector/matchLabels"), management.at("/metadata/labels"))).isTrue();
        assertThat(matches(monitor.at("/spec/selector/matchLabels"),
                production.named("Service", FULLNAME).at("/metadata/labels"))).isFalse();
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("management");
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
        assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
        JsonNode down = rule.at("/spec/groups/0/rules/0");
        assertThat(down.at("/alert").asText()).isEqualTo("StackRatingsInstanceDown");
        assertThat(down.at("/expr").asText()).isEqualTo("up{job=\"" + FULLNAME + "-management\"} == 0");
        assertThat(down.at("/annotations/summary").asText()).contains("{{ $labels.instance }}");
    }

    @Test
    void theConfigMapHoldsTheStackratingsValuesAsProperties() throws IOException {
        JsonNode configMap = production.one("ConfigMap");
        List<String> lines = configMap.at("/data/application.properties").asText().lines()
                .filter(line -> !line.isBlank()).toList();
        JsonNode pod = production.one("Deployment").at("/spec/template/spec");

        assertThat(lines).containsExactlyInAnyOrder(
                "stackratings.vantage=eu-west",
                "stackratings.member.api-interval=PT2M",
                "stackratings.egress.allowed-ranges=10.20.0.0/16,10.30.0.0/16",
                "quarkus.log.level=INFO");
        String documented = Files.readString(Path.of("docs", "configuration.md"));
        assertThat(lines.stream().map(line -> line.split("=", 2)[0]).filter(key -> key.startsWith("stackratings.")))
                .allSatisfy(key -> assertThat(documented).contains("`" + key + "`"));
        assertThat(stream(pod.at("/volumes")).filter(v -> v.at("/configMap/name").asText().equals(FULLNAME)))
                .hasSize(1);
        assertThat(stream(pod.at("/containers/0/volumeMounts")).map(m -> m.at("/mountPath").asText()))
                .contains("/deployments/config");
        assertThat(production.one("Deployment").at("/spec/template/metadata/annotations/checksum~1config").asText())
                .hasSize(64)
                .isNotEqualTo(defaults.one("Deployment")
                        .at("/spec/template/metadata/annotations/checksum~1config").asText());
    }

    @Test
    void theNetworkPolicyLetsInTheApiAndMonitoringAndOutDnsPostgresqlAndMemberClouds() throws IOException {
        JsonNode policy = networkPolicy.one("NetworkPolicy");
        JsonNode ingress = policy.at("/spec/ingress");
        JsonNode egress = policy.at("/spec/egress");

        assertThat(texts(policy.at("/spec/policyTypes"))).containsExactly("Ingress", "Egress");
        assertThat(ingress).hasSize(2);
        assertThat(ingressPort(ingress.get(0))).isEqualTo("http");
        assertThat(ingress.get(0).at("/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
                .isEqualTo("ingress-nginx");
        assertThat(ingressPort(ingress.get(1))).isEqualTo("management");
        assertThat(ingress.get(1).at("/from/0/podSelector/matchLabels/app.kubernetes.io~1name").asText())
                .isEqualTo("prometheus");
        assertThat(egress).hasSize(3).allSatisfy(rule ->
                assertThat(rule.at("/ports").size()).as("every egress rule is limited to ports: %s", rule).isPositive());
        assertThat(ports(egress.get(0))).containsExactly("53/UDP", "53/TCP");
        assertThat(egress.get(0).at("/to/0/podSelector/matchLabels/k8s-app").asText()).isEqualTo("kube-dns");
        assertThat(ports(egress.get(1))).containsExactly("5432/TCP");
        assertThat(egress.get(1).at("/to/0/ipBlock/cidr").asText()).isEqualTo("10.40.0.5/32");
        JsonNode clouds = egress.get(2);
        assertThat(ports(clouds).stream().map(port -> port.replace("/TCP", "")).toList())
                .isEqualTo(documentedEgressPorts());
        assertThat(stream(clouds.at("/to")).map(peer -> peer.at("/ipBlock/cidr").asText()))
                .containsExactly("0.0.0.0/0", "::/0", "10.50.0.0/16", "192.168.77.0/24");
        assertThat(texts(clouds.at("/to/0/ipBlock/except")))
                .contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "127.0.0.0/8");
    }

    @Test
    void theSchemaRefusesBadValuesWithMessagesThatNameThem() {
        assertThatThrownBy(() -> template(command -> command.set("replicaCount", -1)))
                .hasMessageContaining("replicaCount").hasMessageContaining("minimum");
        assertThatThrownBy(() -> template(command -> command.set("replicaCount", "three")))
                .hasMessageContaining("replicaCount").hasMessageContaining("want integer");
        assertThatThrownBy(() -> template(command -> command.set("replicas", 3)))
                .hasMessageContaining("additional properties 'replicas' not allowed");
        assertThatThrownBy(() -> template(command -> command.set("database.url", "jdbc:mysql://db/stackratings")))
                .hasMessageContaining("database/url").hasMessageContaining("does not match pattern");
        assertThatThrownBy(() -> template(command -> command.set("podAntiAffinity", "sometimes")))
                .hasMessageContaining("podAntiAffinity");
    }

    @Test
    void theSchemaRefusesSecretValuesInTheStackratingsBlock() {
        assertThatThrownBy(() -> template(command -> command.set("stackratings.security.credential-key", "c2VjcmV0")))
                .hasMessageContaining("invalid propertyName 'credential-key'");
        assertThatThrownBy(() -> template(command -> command.set("stackratings.statement.signing-key", "pem")))
                .hasMessageContaining("invalid propertyName 'signing-key'");
        assertThatThrownBy(() -> template(command -> command.set("extraProperties.quarkus\\.datasource\\.password",
                "secret"))).hasMessageContaining("invalid propertyName 'quarkus.datasource.password'");
        assertThat(template(command -> command.set("stackratings.security.key-cache-ttl", "PT1M")))
                .contains("stackratings.security.key-cache-ttl=PT1M");
    }

    /** stackratings.egress.allowed-ports' default, as docs/configuration.md gives it. */
    private static List<String> documentedEgressPorts() throws IOException {
        Matcher row = Pattern.compile("\\| `stackratings\\.egress\\.allowed-ports` \\| `([0-9,]+)` \\|")
                .matcher(Files.readString(Path.of("docs", "configuration.md")));
        assertThat(row.find()).as("the row of stackratings.egress.allowed-ports in docs/configuration.md").isTrue();
        return Arrays.asList(row.group(1).split(","));
    }

    private static JsonNode onlyContainer(JsonNode deployment) {
        JsonNode containers = deployment.at("/spec/template/spec/containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private static int containerPort(JsonNode container, String name) {
        return stream(container.at("/ports")).filter(port -> port.at("/name").asText().equals(name))
                .mapToInt(port -> port.at("/containerPort").asInt()).findFirst().orElseThrow();
    }

    private static List<String> probe(JsonNode container, String probe) {
        JsonNode get = container.at("/" + probe + "/httpGet");
        return List.of(get.at("/path").asText(), get.at("/port").asText());
    }

    private static Map<String, JsonNode> env(JsonNode container) {
        return stream(container.at("/env")).collect(Collectors.toMap(v -> v.at("/name").asText(), v -> v));
    }

    private static List<String> secretRef(JsonNode variable) {
        JsonNode ref = variable.at("/valueFrom/secretKeyRef");
        return List.of(ref.at("/name").asText(), ref.at("/key").asText(),
                String.valueOf(ref.at("/optional").asBoolean(false)));
    }

    private static Map<String, String> servicePorts(JsonNode service) {
        return stream(service.at("/spec/ports"))
                .collect(Collectors.toMap(p -> p.at("/name").asText(), p -> p.at("/targetPort").asText()));
    }

    private static String ingressPort(JsonNode rule) {
        assertThat(rule.at("/ports")).hasSize(1);
        return rule.at("/ports/0/port").asText();
    }

    private static List<String> ports(JsonNode rule) {
        return stream(rule.at("/ports")).map(p -> p.at("/port").asText() + "/" + p.at("/protocol").asText()).toList();
    }

    /** Whether every label of the selector is on the object. */
    private static boolean matches(JsonNode selector, JsonNode labels) {
        assertThat(selector.size()).as("an empty selector").isPositive();
        List<String> names = new ArrayList<>();
        selector.fieldNames().forEachRemaining(names::add);
        return names.stream().allMatch(name -> selector.get(name).equals(labels.get(name)));
    }

    private static List<String> texts(JsonNode array) {
        return stream(array).map(JsonNode::asText).toList();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        assertThat(array.isArray()).as("an array: %s", array).isTrue();
        List<JsonNode> items = new ArrayList<>();
        ((ArrayNode) array).forEach(items::add);
        return items.stream();
    }

    /** The documents of one `helm template`. */
    record Manifests(List<JsonNode> documents) {

        static Manifests of(String rendered) {
            return new Manifests(RenderedYaml.documents(rendered));
        }

        Set<String> kinds() {
            return documents.stream().map(d -> d.at("/kind").asText()).collect(Collectors.toCollection(TreeSet::new));
        }

        List<JsonNode> all(String kind) {
            return documents.stream().filter(d -> d.at("/kind").asText().equals(kind)).toList();
        }

        JsonNode one(String kind) {
            List<JsonNode> all = all(kind);
            assertThat(all).as("documents of kind %s", kind).hasSize(1);
            return all.get(0);
        }

        JsonNode named(String kind, String name) {
            return all(kind).stream().filter(d -> d.at("/metadata/name").asText().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in " + kinds()));
        }

        @Override
        public String toString() {
            return kinds().toString();
        }
    }
}
