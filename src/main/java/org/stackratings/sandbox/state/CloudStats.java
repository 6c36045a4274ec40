package org.stackratings.sandbox.state;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts of one cloud per service and per outcome. The outcome is the HTTP status answered, or
 * {@code timeout} / {@code reset} for requests that got no answer.
 */
public final class CloudStats {

    private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();

    public void record(String service, String outcome) {
        counts.computeIfAbsent(service, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> new LongAdder())
                .increment();
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
        return new JsonObject().put("requests", total).put("statuses", byStatus).put("services", services);
    }
}
