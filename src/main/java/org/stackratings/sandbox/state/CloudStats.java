package org.stackratings.sandbox.state;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts of one cloud per service and per outcome. The outcome is the HTTP status answered, or
 * {@code timeout} / {@code reset} for requests that got no answer, {@code silent} for those a silent Keystone never
 * answers. Answers of a hostile mode are also counted per mode.
 */
public final class CloudStats {

    private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LongAdder>> hostile = new ConcurrentHashMap<>();

    public void record(String service, String outcome) {
        increment(counts, service, outcome);
    }

    /** A request that met hostile {@code mode}: counted under its {@code outcome} and under the mode. */
    public void recordHostile(String service, String mode, String outcome) {
        record(service, outcome);
        increment(hostile, service, mode);
    }

    private static void increment(Map<String, Map<String, LongAdder>> table, String service, String key) {
        table.computeIfAbsent(service, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> new LongAdder())
                .increment();
    }

    /** Requests to {@code service} that met hostile {@code mode}. */
    public long hostileCount(String service, String mode) {
        LongAdder adder = hostile.getOrDefault(service, Map.of()).get(mode);
        return adder == null ? 0 : adder.sum();
    }

    public long count(String service, String outcome) {
        LongAdder adder = counts.getOrDefault(service, Map.of()).get(outcome);
        return adder == null ? 0 : adder.sum();
    }

    public long total(String service) {
        return counts.getOrDefault(service, Map.of()).values().stream().mapToLong(LongAdder::sum).sum();
    }

    public JsonObject toJson() {
        JsonObject services = new JsonObject();
        Map<String, Long> statuses = new TreeMap<>();
        long total = 0;
        for (Map.Entry<String, Map<String, LongAdder>> s : new TreeMap<>(counts).entrySet()) {
            JsonObject byOutcome = new JsonObject();
            long serviceTotal = 0;
            for (Map.Entry<String, LongAdder> o : new TreeMap<>(s.getValue()).entrySet()) {
                long n = o.getValue().sum();
                byOutcome.put(o.getKey(), n);
                statuses.merge(o.getKey(), n, Long::sum);
                serviceTotal += n;
            }
            services.put(s.getKey(), new JsonObject().put("requests", serviceTotal).put("statuses", byOutcome));
            total += serviceTotal;
        }
        JsonObject byStatus = new JsonObject();
        statuses.forEach(byStatus::put);
        Map<String, Long> byMode = new TreeMap<>();
        for (Map.Entry<String, Map<String, LongAdder>> s : new TreeMap<>(hostile).entrySet()) {
            JsonObject serviceModes = new JsonObject();
            for (Map.Entry<String, LongAdder> m : new TreeMap<>(s.getValue()).entrySet()) {
                serviceModes.put(m.getKey(), m.getValue().sum());
                byMode.merge(m.getKey(), m.getValue().sum(), Long::sum);
            }
            JsonObject service = services.getJsonObject(s.getKey());
            if (service != null) {
                service.put("hostile", serviceModes);
            }
        }
        JsonObject answers = new JsonObject();
        byMode.forEach(answers::put);
        return new JsonObject().put("requests", total).put("statuses", byStatus)
                .put("hostile", new JsonObject().put("answers", answers)).put("services", services);
    }
}
