package org.stackratings;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.stackratings.security.ApiKeys;
import org.stackratings.security.SecurityConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No value that holds key material prints it from {@code toString} (a log line, an exception message or a debugger
 * would show it otherwise). Scans every class of the application ({@code target/classes}):
 * <ul>
 *     <li>every record with a component named like a secret ({@link #SECRET_NAME}: secret, password, token, key,
 *     private JWK …), or listed in {@link #SECRET_COMPONENTS} (whose name does not say so), or with a component
 *     that is such a record, is built with a recognisable value in each secret, and its {@code toString} must not
 *     contain it;</li>
 *     <li>every other class with such a field and a {@code toString} of its own (entities) is built with its no-arg
 *     constructor and the same check is made.</li>
 * </ul>
 * A secret component of type {@link ECKey} gets a generated private key; its private part {@code d} must not show.
 * The sandbox (the simulator's clouds) is left out: its passwords are published test data of simulated clouds.
 * The configuration mappings that hold the agency's own secrets are checked as Quarkus builds them.
 */
@QuarkusTest
class SecretsInToStringTest {

    /** Names of components and fields that hold secrets. Names of ids, hashes and ciphertexts do not match. */
    static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)(.*secret|.*password|.*token|key|.*privatekey|.*privatejwk|.*signingkey|.*adminkey|.*credentialkey)");
    /** Types a secret can be held in; a component of another type (a flag, a nested record) is not one itself. */
    static final Set<Class<?>> SECRET_TYPES = Set.of(String.class, char[].class, ECKey.class);
    /** Names that match but hold no secret: ids, digests, sealed values, counts, types. */
    static final Pattern NOT_SECRET = Pattern.compile("(?i).*(id|sha256|hash|encrypted|ciphertext|type|stored|count)$");
    /** Components that hold a secret under a name that does not say so: record → component. */
    static final Map<String, String> SECRET_COMPONENTS = Map.of(
            "org.stackratings.security.KeyToken", "value");
    /** Components that match {@link #SECRET_NAME} but hold no secret, with the reason. */
    static final Map<String, String> NOT_SECRETS = Map.of();
    static final Set<String> LEFT_OUT_PACKAGES = Set.of("org.stackratings.sandbox");

    private static final String MARK = "S3cr3t-Marker-";

    @Inject
    SecurityConfig security;

    @TestFactory
    Stream<DynamicTest> noRecordOrClassThatHoldsASecretPrintsIt() {
        List<Class<?>> holders = applicationClasses().stream().filter(SecretsInToStringTest::holdsSecrets).toList();
        assertThat(holders.stream().map(Class::getName)).as("types found that hold secrets").contains(
                "org.stackratings.security.IssuedKeyView", "org.stackratings.security.KeyToken",
                "org.stackratings.member.MemberAccount", "org.stackratings.member.MemberRequest",
                "org.stackratings.member.MemberRequest$Credentials", "org.stackratings.publish.webhook.DeliveryWorker$Target",
                "org.stackratings.openstack.CloudAccount", "org.stackratings.statement.StoredKey",
                "org.stackratings.publish.webhook.SubscriptionRequest", "org.stackratings.publish.webhook.SubscriptionCreated",
                "org.stackratings.dashboard.session.SessionStore$Opened");
        return holders.stream().map(type -> DynamicTest.dynamicTest(type.getName(), () -> {
            Map<String, String> secrets = new LinkedHashMap<>();
            Object instance = type.isRecord() ? record(type, secrets) : entity(type, secrets);
            assertThat(secrets).as("secret values put into %s", type.getName()).isNotEmpty();
            String text = instance.toString();
            secrets.forEach((name, secret) -> assertThat(text).as("%s.toString() shows %s", type.getName(), name)
                    .doesNotContain(secret));
        }));
    }

    @Test
    void theAgencysOwnSecretsDoNotShowInItsConfiguration() {
        String text = security.toString();
        assertThat(security.adminKey()).hasValue(ApiTestSupport.ADMIN_KEY);
        assertThat(text).doesNotContain(ApiTestSupport.ADMIN_KEY).doesNotContain(security.credentialKey());
    }

    static boolean holdsSecrets(Class<?> type) {
        if (type.isInterface() || type.isEnum() || type.isAnnotation() || type.isSynthetic()
                || Modifier.isAbstract(type.getModifiers()) || type.getName().contains("$$")) {
            return false;
        }
        if (type.isRecord()) {
            return Stream.of(type.getRecordComponents()).anyMatch(c -> isSecret(type, c.getName(), c.getType())
                    || c.getType().isRecord() && c.getType() != type && holdsSecrets(c.getType()));
        }
        return ownToString(type) && secretFields(type).findAny().isPresent();
    }

    static boolean isSecret(Class<?> type, String name, Class<?> valueType) {
        if (name.equals(SECRET_COMPONENTS.get(type.getName()))) {
            return true;
        }
        return SECRET_TYPES.contains(valueType) && SECRET_NAME.matcher(name).matches() && !NOT_SECRET.matcher(name).matches()
                && !NOT_SECRETS.containsKey(type.getName() + "#" + name);
    }

    private static Object record(Class<?> type, Map<String, String> secrets) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Stream.of(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            boolean secret = isSecret(type, components[i].getName(), types[i]);
            values[i] = secret ? secretValue(type, components[i].getName(), types[i], secrets)
                    : types[i].isRecord() && types[i] != type ? record(types[i], secrets) // a secret inside it must not show either
                    : plainValue(types[i], components[i].getName());
        }
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        return canonical.newInstance(values);
    }

    private static Object entity(Class<?> type, Map<String, String> secrets) throws Exception {
        Constructor<?> noArgs = type.getDeclaredConstructor();
        noArgs.setAccessible(true);
        Object instance = noArgs.newInstance();
        for (Field field : secretFields(type).toList()) {
            field.setAccessible(true);
            field.set(instance, secretValue(type, field.getName(), field.getType(), secrets));
        }
        return instance;
    }

    private static Object secretValue(Class<?> owner, String name, Class<?> type, Map<String, String> secrets) throws Exception {
        if (type == String.class) {
            String value = MARK + owner.getSimpleName() + "-" + name;
            secrets.put(name, value);
            return value;
        }
        if (type == ECKey.class) {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID("kid-1").generate();
            secrets.put(name + " (private part d)", key.getD().toString());
            return key;
        }
        if (type == char[].class) {
            String value = MARK + name;
            secrets.put(name, value);
            return value.toCharArray();
        }
        throw new AssertionError(owner.getName() + "." + name + " holds a secret of type " + type.getName()
                + ", which this test cannot fill in yet: teach it");
    }

    private static Object plainValue(Class<?> type, String name) throws Exception {
        if (type == String.class) {
            return "plain-" + name;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == double.class || type == Double.class) {
            return 1.0;
        }
        if (type == Instant.class) {
            return Instant.parse("2026-11-26T10:00:00Z");
        }
        if (type == Duration.class) {
            return Duration.ofMinutes(1);
        }
        if (type == UUID.class) {
            return UUID.fromString("01a215cb-c56a-716d-ad01-e7e904eab112");
        }
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == Set.class) {
            return Set.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type == byte[].class) {
            return new byte[] {1, 2, 3};
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isRecord()) {
            return record(type, new LinkedHashMap<>());
        }
        return null;
    }

    private static Stream<Field> secretFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            fields.addAll(List.of(c.getDeclaredFields()));
        }
        return fields.stream().filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()
                && isSecret(type, f.getName(), f.getType()));
    }

    private static boolean ownToString(Class<?> type) {
        try {
            return type.getMethod("toString").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every class compiled from src/main/java (target/classes), but the left-out packages. */
    static List<Class<?>> applicationClasses() {
        Path root = Path.of("target", "classes");
        assertThat(root.resolve(ApiKeys.class.getName().replace('.', '/') + ".class")).as("the application's classes").isRegularFile();
        try (Stream<Path> files = Files.walk(root.resolve("org/stackratings"))) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .filter(name -> LEFT_OUT_PACKAGES.stream().noneMatch(p -> name.startsWith(p + ".")))
                    .map(SecretsInToStringTest::load).filter(c -> c != null).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SecretsInToStringTest.class.getClassLoader());
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            return null; // a class Quarkus removed or replaced at build time
        }
    }
}
